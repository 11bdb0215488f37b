"""Short news items and the boxes around them, as Vietnamese sites set them
(helper-101): a two-paragraph brief between a menu, a byline, related links and a
footer; a "Tin liên quan" box set in a table inside the text; an AMP page's ad."""

from __future__ import annotations

import pytest

import bantin as api
from bantin.model import Paragraph, text_of

HEAD = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} | Báo Mẫu</title>'
        '<meta property="og:site_name" content="Báo Mẫu"><meta property="og:type" content="article"></head><body>')
MENU = '<nav><ul><li><a href="/thoi-su">Thời sự</a></li><li><a href="/the-gioi">Thế giới</a></li></ul></nav>'
RELATED = ('<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul><li><a href="/a.html">Giá xăng tăng lần thứ ba'
           '</a></li><li><a href="/b.html">Hà Nội cấm xe máy</a></li></ul></div>')
FOOTER = '<footer><p>Bản quyền © 1997 Báo Mẫu. Giấy phép số 548/GP-BTTTT.</p></footer></body></html>'


def _paragraphs(html: str) -> list[str]:
    a = api.read(html.encode("utf-8"), source_format="html", warn=lambda _m: None)
    assert all(isinstance(b, Paragraph) for b in a.blocks), a.blocks
    return [text_of(b.text) for b in a.blocks]


def test_a_short_article_is_read_paragraph_by_paragraph_without_its_menu():
    title = "Ngân hàng Nhà nước giảm lãi suất điều hành"
    page = (HEAD.format(title=title) + MENU + f"<h1>{title}</h1>"
            '<p class="author"><a href="/tac-gia/manh-ha.html">Mạnh Hà</a></p>'
            "<h2 class=\"sapo\">Lãi suất tái cấp vốn giảm 0,5 điểm phần trăm từ ngày 1/8.</h2>"
            '<div class="maincontent"><p>Quyết định được công bố chiều 31/7.</p>'
            "<p>Đây là lần giảm thứ hai trong năm.</p></div>" + RELATED + FOOTER)
    assert _paragraphs(page) == ["Quyết định được công bố chiều 31/7.", "Đây là lần giảm thứ hai trong năm."]


def test_a_short_article_keeps_its_first_paragraph_beside_a_wrapper_of_the_others():
    # helper-102: the element with the most paragraphs was the inner wrapper, and
    # the first paragraph beside it was lost.
    title = "Ngân hàng Nhà nước giảm lãi suất điều hành"
    page = (HEAD.format(title=title) + MENU + f"<h1>{title}</h1>"
            '<div class="maincontent"><p>Quyết định được công bố chiều 31/7.</p>'
            "<div><p>Đây là lần giảm thứ hai trong năm.</p><p>Ngân hàng sẽ theo dõi.</p></div></div>"
            + RELATED + FOOTER)
    assert _paragraphs(page) == ["Quyết định được công bố chiều 31/7.", "Đây là lần giảm thứ hai trong năm.",
                                 "Ngân hàng sẽ theo dõi."]


def test_a_related_box_set_in_a_table_inside_the_text_goes():
    title = "Giá xăng giảm mạnh từ chiều nay"
    body = [f"<p>Đoạn số {n} nói về giá xăng dầu trong nước và tác động tới người tiêu dùng ở các "
            f"tỉnh thành phía Bắc trong tuần này.</p>" for n in range(1, 9)]
    box = ('<table class="article"><tbody><tr><td><h4>Tin liên quan</h4><ul><li><a href="/y.html">Vì sao giá dầu '
           'lao dốc</a></li><li><a href="/z.html">Doanh nghiệp xăng dầu lỗ nặng</a></li></ul></td></tr></tbody>'
           "</table>")
    article = f"<article><h1>{title}</h1>{''.join(body[:3])}{box}{''.join(body[3:])}</article>"
    page = HEAD.format(title=title) + article + FOOTER
    got = _paragraphs(page)
    assert len(got) == 8 and not any("liên quan" in p or "lao dốc" in p for p in got)


def test_an_amp_advertisement_leaves_no_words():
    title = "Mưa lớn ở miền Trung"
    paragraphs = [f"Đoạn {n}: mưa lớn kéo dài nhiều ngày khiến nước sông dâng cao, nhiều xã bị chia cắt và "
                  "chính quyền phải sơ tán người dân." for n in range(1, 5)]
    ad = ('<amp-ad width="300" height="250" type="adsense"><div placeholder>Quảng cáo đang tải</div>'
          "<div fallback>Quảng cáo</div></amp-ad>")
    page = (HEAD.format(title=title) + f"<article><h1>{title}</h1><p>{paragraphs[0]}</p><p>{paragraphs[1]}</p>{ad}"
            f"<p>{paragraphs[2]}</p><p>{paragraphs[3]}</p></article>" + FOOTER)
    assert _paragraphs(page) == paragraphs


def test_a_saved_pages_folder_name_is_no_reason_to_drop_its_photos(tmp_path):
    """helper-111: a page saved as "… thay đổi logo …" (its pictures in "… logo …_files/")
    or "Google Pixel 9 …" lost every photo, as logos and lazy-load placeholders."""
    import io
    from pathlib import Path

    from PIL import Image

    from bantin.model import Figure

    for name in ("Vinamilk thay đổi logo sau 47 năm", "Google Pixel 9 ra mắt"):
        folder = tmp_path / f"{name}_files"
        folder.mkdir()
        buf = io.BytesIO()
        Image.new("RGB", (640, 400), (30, 120, 200)).save(buf, "JPEG")
        (folder / "anh.jpg").write_bytes(buf.getvalue())
        paragraphs = "".join(f"<p>Đoạn {n}: doanh nghiệp công bố nhận diện mới sau nhiều năm, thị trường đón nhận "
                             "tích cực và giới chuyên môn đánh giá cao.</p>" for n in range(1, 5))
        img = f'<img src="./{name}_files/anh.jpg" data-src="https://cdn.example/anh.jpg">'
        page = (HEAD.format(title=name) + f"<article><h1>{name}</h1>{paragraphs}<figure>{img}"
                "<figcaption>Ảnh minh họa mới.</figcaption></figure></article>" + FOOTER)
        path = Path(tmp_path / f"{name}.html")
        path.write_text(page, encoding="utf-8")
        a = api.read(path, warn=lambda _m: None)
        figures = [b for b in a.blocks if isinstance(b, Figure)]
        assert len(figures) == 1 and figures[0].image is not None, name


def test_a_note_whose_link_holds_its_number_keeps_its_text():
    """helper-111: "<a href="#fn1"><sup>1</sup></a>" (EPUB's shape) lost the note's text:
    taken out of the page as a note, its reference was no longer a link."""
    from bantin.model import plain_text

    paragraphs = "".join(f"<p>Đoạn {n}: quận Hoàn Kiếm mở rộng tuyến phố đi bộ, lấy ý kiến của hơn hai nghìn hộ kinh "
                         "doanh trên các tuyến phố cổ.</p>" for n in range(1, 5))
    page = (HEAD.format(title="Phố đi bộ") + f"<article><h1>Phố đi bộ</h1>{paragraphs}<p>Đoạn cuối: lực lượng chức năng"
            " sẽ tăng cường kiểm tra, xử lý các trường hợp lấn chiếm vỉa hè."
            '<a href="#fn1"><sup>1</sup></a></p><aside epub:type="footnote" id="fn1"><p>Số liệu của UBND quận.</p>'
            "</aside></article>" + FOOTER)
    a = api.read(page.encode("utf-8"), source_format="html", warn=lambda _m: None)
    assert [text_of(plain_text(n.blocks)) for n in a.notes] == ["Số liệu của UBND quận."]
    # A short last sentence with its note mark is no date or page count to trim.
    short = page.replace("lực lượng chức năng sẽ tăng cường kiểm tra, xử lý các trường hợp lấn chiếm vỉa hè.",
                         "có số liệu.")
    b = api.read(short.encode("utf-8"), source_format="html", warn=lambda _m: None)
    assert "Đoạn cuối: có số liệu." in text_of(plain_text(b.blocks)) and len(b.notes) == 1


@pytest.mark.parametrize(("site_name", "url", "outlet"), [
    ("Tin tức thời sự - Báo Mẫu", "https://baomau.vn/a.html", "Báo Mẫu"),  # a tagline first
    ("MauNews - Tin nhanh Việt Nam", "https://maunews.net/a.html", "MauNews"),  # the tagline after
    # The tagline holds the paper's words; the part that is the host's name wins.
    ("Tin tức lao động, công đoàn - Báo Lao Động Mẫu", "https://laodongmau.vn/a.html", "Báo Lao Động Mẫu"),
    # On a Vietnamese page the paper's full name, not its letters.
    ("Báo Sài Gòn Mẫu - SGM Online", "https://sgm.org.vn/a.html", "Báo Sài Gòn Mẫu"),
    # No part is the host's name ("News" is no proof): the site name stays whole.
    ("The Sample Times - Breaking News, World News", "https://stimes.example/a.html",
     "The Sample Times\u00a0– Breaking News, World News"),  # typography's dash
    ("Báo Mẫu", "https://baomau.vn/a.html", "Báo Mẫu"),
    ("Báo Mới - Đọc báo, tin tức online 24h", "https://baomoi.com/a.html", "Báo Mới"),
])
def test_the_outlet_is_the_papers_name_out_of_a_site_name_with_a_tagline(site_name, url, outlet):
    title = "Ngân hàng Nhà nước giảm lãi suất điều hành"
    page = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="{site_name}">'
            f'<meta property="og:type" content="article"></head><body><h1>{title}</h1>'
            "<article><p>Quyết định được công bố chiều 31/7.</p><p>Đây là lần giảm thứ hai trong năm.</p></article>"
            "</body></html>")
    a = api.read(page.encode("utf-8"), source_format="html", warn=lambda _m: None)
    assert a.outlet is not None and a.outlet.display == outlet


def test_a_site_names_other_part_is_never_the_byline():
    """"VTM - Đài Truyền hình Mẫu": the outlet is one part, and the other, written
    where a byline goes, is the outlet speaking, not a journalist (helper-130)."""
    title = "Ngân hàng Nhà nước giảm lãi suất điều hành"
    page = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            '<link rel="canonical" href="https://vtm.vn/a.html"><meta property="og:site_name" '
            'content="VTM - Đài Truyền hình Mẫu"><meta name="author" content="Đài Truyền hình Mẫu"></head><body>'
            f"<h1>{title}</h1><article><p>Quyết định được công bố chiều 31/7.</p>"
            "<p>Đây là lần giảm thứ hai trong năm.</p></article></body></html>")
    a = api.read(page.encode("utf-8"), source_format="html", warn=lambda _m: None)
    assert a.outlet is not None and a.outlet.display == "Đài Truyền hình Mẫu"
    assert a.byline is None
