"""Words a browser shows that the web reader lost, glued or doubled (helper-139),
on pages written for these tests: loose text beside a block in one box, a space
alone in bold, a name or a link in running text whose class names a box, a cell
or an item so named, a list with a sublist, the headline under the lead picture,
a picture's <noscript> copy, and a caption's credit on a line of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import words

import bantin
from bantin.model import Article, Figure, Heading, ListBlock, Paragraph, Table, text_of

TITLE = "Hà Nội mở rộng phố đi bộ"
HEAD = f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title></head><body>'
OPENING = "<p>Thành phố vừa quyết định mở rộng không gian phố đi bộ quanh hồ Hoàn Kiếm sang nhiều tuyến phố cổ.</p>"
CLOSING = "<p>Theo kế hoạch, các tuyến phố mới sẽ cấm xe cơ giới từ tối thứ Sáu đến hết Chủ nhật hằng tuần.</p>"


def _page(tmp_path: Path, body: str) -> Article:
    page = tmp_path / "p.html"
    page.write_text(f"{HEAD}<article><h1>{TITLE}</h1>{OPENING}{body}{CLOSING}</article></body></html>",
                    encoding="utf-8")
    a = bantin.read(page, warn=lambda _: None)
    assert isinstance(a, Article)
    return a


def _paragraphs(a: Article) -> list[str]:
    return [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]


LOOSE = "Lý do thật sự là người dân thích <b>vẻ đẹp của phố cổ </b>hơn cả, và <i>du khách</i> cũng vậy."


def test_loose_text_beside_a_block_is_one_paragraph_with_its_spaces(tmp_path):
    """As a browser lays it out; trafilatura made each bold or italic run a paragraph
    and glued it to the next ("phố cổhơn cả"), and after a <figure> lost the start."""
    for block in ('<table><tr><td><img src="a.jpg" width="600" height="400"></td></tr>'
                  '<tr><td>Phố cổ Hà Nội</td></tr></table>',
                  '<figure><img src="a.jpg" width="600" height="400"><figcaption>Phố cổ Hà Nội</figcaption></figure>'):
        a = _page(tmp_path, f"<div>{block}\n{LOOSE}</div>")
        want = "Lý do thật sự là người dân thích vẻ đẹp của phố cổ hơn cả, và du khách cũng vậy."
        assert want in _paragraphs(a), _paragraphs(a)


def test_text_typed_after_a_picture_box_keeps_its_first_sentence_and_its_paragraphs(tmp_path):
    """A body typed as text with blank lines, after the box of its lead picture (a
    broadcaster's page): trafilatura lost its first sentence."""
    lines = ["Dẫn: Sau những trận mưa lớn hôm thứ Hai, sáng thứ Ba gió lạnh tràn về khắp các tỉnh phía Bắc.",
             "Phóng viên Minh Hà có bài tường thuật từ Hà Nội về đợt rét đầu tiên của mùa đông năm nay.",
             "Người dân ra đường phải mặc nhiều lớp áo ấm, nhiệt độ buổi sáng xuống dưới mười lăm độ C."]
    a = _page(tmp_path, '<div class="body-txt"><div class="img-box"><img src="ret.jpg" width="800" height="500">'
                        '<p class="cap">Ảnh: TTXVN</p></div>\n' + "<br><br>\n".join(lines) + "</div>")
    shown = _paragraphs(a)
    assert all(line in shown for line in lines), shown


def test_words_after_a_paragraph_with_bold_among_them_are_one_paragraph(tmp_path):
    a = _page(tmp_path, f"<div>{OPENING}\n{LOOSE}\n{CLOSING}</div>")
    assert "Lý do thật sự là người dân thích vẻ đẹp của phố cổ hơn cả, và du khách cũng vậy." in _paragraphs(a)


def test_a_box_of_text_alone_stays_one_paragraph(tmp_path):
    a = _page(tmp_path, f"<div>{LOOSE}</div>")
    assert "Lý do thật sự là người dân thích vẻ đẹp của phố cổ hơn cả, và du khách cũng vậy." in _paragraphs(a)


def test_a_space_alone_in_bold_is_a_space(tmp_path):
    a = _page(tmp_path, "<p>Lãnh đạo Bộ Giao thông<strong> </strong>vận tải và Sở<i><b>&nbsp;</b></i>Xây dựng "
                        "yêu cầu các nhà thầu đẩy nhanh tiến độ thi công.</p>")
    assert ("Lãnh đạo Bộ Giao thông vận tải và Sở Xây dựng yêu cầu các nhà thầu đẩy nhanh tiến độ thi công."
            in _paragraphs(a)), _paragraphs(a)


@pytest.mark.parametrize("run", [
    '<strong><a href="/nd">Nghị định 168</a> </strong>',
    '<a href="/nd"><strong>Nghị định 168</strong> </a>',
    '<b>Nghị định <i>168</i> </b>',
    '<u><a href="/nd">Nghị định 168</a>\n</u>',
    '<b><i><a href="/nd">Nghị định 168</a> </i></b>',
])
def test_the_space_after_a_link_at_the_end_of_bold_is_kept(tmp_path, run):
    """helper-153: trafilatura drops the space after the last element inside a bold
    or a link ("Nghị định 168quy định")."""
    a = _page(tmp_path, f"<p>Theo {run}quy định mới, người vi phạm nồng độ cồn sẽ bị phạt nặng hơn trước.</p>")
    assert ("Theo Nghị định 168 quy định mới, người vi phạm nồng độ cồn sẽ bị phạt nặng hơn trước."
            in [x.replace("\xa0", " ") for x in _paragraphs(a)]), _paragraphs(a)


@pytest.mark.parametrize("box", [
    "<div>Ủy ban nhân dân thành phố vừa ban hành kế hoạch<div>Theo kế hoạch, phố cấm xe từ 19h</div>"
    "Người dân được khuyến khích đi bộ.</div>",
    "<div>Ủy ban nhân dân thành phố vừa ban hành kế hoạch<p>Theo kế hoạch, phố cấm xe từ 19h</p>"
    "Người dân được khuyến khích đi bộ.</div>",
])
def test_loose_text_touching_a_block_is_not_glued_to_it(tmp_path, box):
    """helper-153: a short run of text beside a block, which trafilatura reads with
    the block's words, came out "kế hoạchTheo", "19hNgười"."""
    shown = " ".join(_paragraphs(_page(tmp_path, box)))
    for glued in ("hoạchTheo", "19hNgười"):
        assert glued not in shown, shown
    assert words(shown).count("hoạch") >= 2 and "Người dân được khuyến khích đi bộ." in shown, shown


def test_words_in_running_text_stay_whatever_their_class(tmp_path):
    a = _page(tmp_path, """<p>Theo ông <span><span class="author">Nguyễn Văn An</span></span>, trưởng ban tổ chức,
các trận đấu sẽ được phát sóng trực tiếp.</p>
<p>Người hâm mộ có thể mua vé qua <span><a class="share-link" href="/ve">ứng dụng chính thức</a></span>
hoặc tại quầy.</p>
<table><tr><th>Trận</th><th>Ngày</th><th>Nguồn</th></tr>
<tr><td>Hà Nội - Hải Phòng</td><td class="date">12/3/2026</td><td class="source">VFF</td></tr>
<tr><td>Nam Định - Thanh Hóa</td><td class="date">15/3/2026</td><td class="source">VPF</td></tr></table>
<ul><li class="tag">Sân Hàng Đẫy sẽ được nâng cấp hệ thống chiếu sáng</li>
<li>Sân Thiên Trường mở thêm khán đài</li></ul>
""")
    shown = _paragraphs(a)
    assert any(p.startswith("Theo ông Nguyễn Văn An, trưởng ban tổ chức,") for p in shown), shown
    assert any("mua vé qua ứng dụng chính thức hoặc tại quầy." in p for p in shown), shown
    assert a.byline != "Nguyễn Văn An"  # a name in the text, not who wrote it
    table = next(b for b in a.blocks if isinstance(b, Table))
    cells = [text_of(c.blocks[0].text).replace("\xa0", " ") for c in table.rows[1]]
    assert cells == ["Hà Nội – Hải Phòng", "12/3/2026", "VFF"]
    items = next(b for b in a.blocks if isinstance(b, ListBlock)).items
    assert [text_of(i.blocks[0].text) for i in items] == ["Sân Hàng Đẫy sẽ được nâng cấp hệ thống chiếu sáng",
                                                          "Sân Thiên Trường mở thêm khán đài"]


def test_a_list_of_tags_still_goes(tmp_path):
    a = _page(tmp_path, '<ul><li class="tag"><a href="/t/1">Giao thông đô thị</a></li><li class="tag">'
                        '<a href="/t/2">Du lịch Thủ đô</a></li></ul>')
    assert "Du lịch Thủ đô" not in " ".join(_paragraphs(a)) and not any(isinstance(b, ListBlock) for b in a.blocks)


def test_a_list_whose_item_holds_a_sublist_is_read_once(tmp_path):
    a = _page(tmp_path, """<p>Theo đó có những thay đổi sau:</p>
<ol><li>Bổ sung thuế suất mới cho thuốc lá điện tử từ ngày 1/1/2026,</li>
<li>Bổ sung thuế suất cho sản phẩm thay thế,</li>
<li><p>tăng dần mức thuế</p><ul><li>từ ngày 1/1/2026 với thuốc lá điếu,</li><li>từ ngày 1/1/2027 với xì gà.</li></ul>
</li>
</ol>""")
    assert sum(isinstance(b, ListBlock) for b in a.blocks) == 1
    assert words(" ".join(text_of(b.text) for b in a.blocks if not isinstance(b, ListBlock))).count("thuế") == 0


def test_the_headline_under_the_lead_picture_is_not_read_twice(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(f'{HEAD}<article><figure><img src="pho.jpg" width="800" height="500"><figcaption>Phố đi bộ Hồ '
                    f'Gươm ngày cuối tuần.</figcaption></figure><h1>{TITLE}</h1>{OPENING}{CLOSING}</article></body>'
                    '</html>', encoding="utf-8")
    a = bantin.read(page, warn=lambda _: None)
    assert a.title == TITLE and not any(isinstance(b, Heading) for b in a.blocks)
    assert isinstance(a.blocks[0], Figure) and text_of(a.blocks[1].text).startswith("Thành phố vừa")


def test_a_pictures_noscript_copy_and_its_credit_line_are_not_read_twice(tmp_path):
    a = _page(tmp_path, """<figure><div><noscript><img src="/img/bom-nhiet.jpg" width="950" height="475"></noscript>
<img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="
data-src="/img/bom-nhiet.jpg" class="lazyload" width="950" height="475"></div>
<figcaption><p>Ngày càng nhiều người dùng bơm nhiệt.</p><p>Ảnh: Adobe Stock</p></figcaption></figure>""")
    figures = [b for b in a.blocks if isinstance(b, Figure)]
    assert len(figures) == 1 and figures[0].credit == "Adobe Stock", figures
    assert "Ảnh: Adobe Stock" not in _paragraphs(a)


@pytest.mark.parametrize("line", [
    '<div class="info">Nhóm phóng viên <span class="author">Thu Hà - Quốc Tuấn</span></div>',
    '<p style="text-align:right"><strong>Tin, ảnh: <span class="author">Thu Hà - Quốc Tuấn</span></strong></p>',
    '<p style="text-align:right"><span class="byline">Thu Hà - Quốc Tuấn</span></p>'
    "<p><em>Mời bạn đọc theo dõi Báo Mẫu trên Zalo để cập nhật tin tức mới nhất</em></p>",
])
def test_a_byline_after_its_lead_or_before_a_footer_is_the_byline_once(tmp_path, line):
    """helper-140: a name after "Nhóm phóng viên" or "Tin, ảnh:" was taken for a name in
    a sentence and lost; a byline alone in its paragraph, kept in the text, was
    printed there and signed again."""
    page = tmp_path / "p.html"
    page.write_text(f"{HEAD}<article><h1>{TITLE}</h1>{OPENING}{CLOSING}{line}</article></body></html>",
                    encoding="utf-8")
    a = bantin.read(page, warn=lambda _: None)
    assert isinstance(a, Article) and (a.byline or "").replace("\xa0", " ") == "Thu Hà – Quốc Tuấn"
    assert not any("Quốc Tuấn" in p for p in _paragraphs(a)), _paragraphs(a)
