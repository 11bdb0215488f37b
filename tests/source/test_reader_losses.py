"""Words the readers lost without a warning (helper-112, helper-114), on pages and
newsroom text written for these tests: a sapo's note and link, a byline just
before a list of footnotes, the lists of a page with no article element, who
is quoted in a pull quote, the outlet tag of a page that names no outlet, and a
speaker's line under a quotation in newsroom text."""

from __future__ import annotations

from pathlib import Path

from helpers import model_words, words

import bantin
from bantin.model import Heading, ListBlock, Quote, text_of

TITLE = "Huế mở cửa Đại Nội ban đêm"
HEAD = f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title></head><body>'


def _page(tmp_path: Path, body: str) -> object:
    page = tmp_path / "p.html"
    page.write_text(f"{HEAD}{body}</body></html>", encoding="utf-8")
    return bantin.read(page)


def test_a_sapos_note_and_the_byline_before_the_notes_are_kept(tmp_path):
    a = _page(tmp_path, f"""<article><h1>{TITLE}</h1>
<p class="sapo">(BTN) - Từ tối 5/12, du khách có thể <a href="https://hue.example.vn/dem?ve=1">đặt vé trực tuyến</a>
để tham quan Đại Nội, theo Trung tâm Bảo tồn<sup><a href="#fn1">1</a></sup>.</p>
<p>Giá vé 200.000 đồng một người, bán tại cổng Ngọ Môn từ 18 giờ mỗi tối trong tuần.</p>
<p>Minh Thư</p>
<ol class="footnotes"><li id="fn1">Trung tâm Bảo tồn Di tích Cố đô Huế.</li></ol></article>""")
    # The lede is plain text: the note's mark leaves it (it ran into the word before,
    # "Bảo tồn1"), and its note stays the article's, first.
    assert a.lede and a.lede.startswith("Từ tối 5/12") and a.lede.endswith("theo Trung tâm Bảo tồn.")
    assert a.outlet is not None and a.outlet.code == "BTN"
    assert [text_of(n.blocks[0].text) for n in a.notes] == ["Trung tâm Bảo tồn Di tích Cố đô Huế."]
    assert a.byline == "Minh Thư"


def test_a_sapo_keeps_the_words_of_a_link_within_the_page(tmp_path):
    # helper-120: every "#…" link was taken for a note's mark: "xây theo đến năm 2030".
    a = _page(tmp_path, f"""<article><h1>{TITLE}</h1><p class="sapo">Cây cầu được xây theo <a href="#quy-hoach">quy
hoạch giao thông vùng</a> đến năm 2030, nối hai bờ sông Thu Bồn.</p><p>Đoạn thân bài kể lại sự việc.</p></article>""")
    assert (a.lede or "").replace("\xa0", " ") == ("Cây cầu được xây theo quy hoạch giao thông vùng đến năm 2030, "
                                              "nối hai bờ sông Thu Bồn.")


def test_a_place_stamps_link_is_no_reason_to_keep_the_sapo_in_the_body(tmp_path):
    a = _page(tmp_path, f"""<h1>{TITLE}</h1><p class="description"><a class="location" href="/hue/">Huế</a>:
Từ tối 5/12, du khách có thể tham quan Đại Nội vào ban đêm với giá vé 200.000 đồng.</p>
<article><p>Giá vé bán tại cổng Ngọ Môn từ 18 giờ mỗi tối, trừ đêm thứ Hai hằng tuần.</p></article>""")
    assert a.lede and a.lede.startswith("Từ tối 5/12") and a.dateline and a.dateline.place == "Huế"


def test_the_lists_of_a_page_without_an_article_element_are_read(tmp_path):
    # trafilatura dropped both lists: "Rác được chia thành các nhóm:" and nothing after.
    a = _page(tmp_path, f"""<h1>{TITLE}</h1>
<p>Từ ngày 1/7, ba quận nội thành bắt đầu thí điểm phân loại rác sinh hoạt tại nguồn.</p>
<p>Rác được chia thành các nhóm:</p>
<ol><li>Rác hữu cơ</li><li>Rác tái chế</li><li>Rác còn lại</li></ol>
<p>Xếp hạng các quận theo tỷ lệ phân loại:</p>
<ul><li>Quận Ba Đình</li><li>Quận Hoàn Kiếm</li></ul>
<p>Người dân có thể phản ánh qua đường dây nóng của thành phố.</p>
<ul><li><a href="/tin-1">Tin liên quan một</a></li><li><a href="/tin-2">Tin liên quan hai</a></li></ul>""")
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert [[text_of(i.text) for i in b.items] for b in lists] == [
        ["Rác hữu cơ", "Rác tái chế", "Rác còn lại"], ["Quận Ba Đình", "Quận Hoàn Kiếm"]]
    kinds = [type(b).__name__ for b in a.blocks]
    assert kinds[:5] == ["Paragraph", "Paragraph", "ListBlock", "Paragraph", "ListBlock"]  # each in its place
    assert "liên quan" not in " ".join(words(" ".join(model_words(a))))  # a list of links stays out


def test_who_is_quoted_in_a_pull_quote_or_a_dashed_last_paragraph(tmp_path):
    a = _page(tmp_path, f"""<article><h1>{TITLE}</h1>
<p>Nhiều người dân đã chia sẻ cảm nhận sau đêm đầu tiên Đại Nội mở cửa đón khách.</p>
<figure><blockquote><p>Đêm Đại Nội đẹp hơn tôi nghĩ rất nhiều.</p></blockquote>
<figcaption>Bà Nguyễn Thị Hồng, du khách Hà Nội</figcaption></figure>
<blockquote><p>Chúng tôi sẽ mở thêm tuyến tham quan mới.</p><p>— Ông Phạm Văn Tâm, Giám đốc Trung tâm</p></blockquote>
<p>Trung tâm dự kiến đón khoảng 2.000 lượt khách mỗi đêm trong tháng đầu tiên.</p></article>""")
    quotes = [b for b in a.blocks if isinstance(b, Quote)]
    assert [q.attribution for q in quotes] == ["Bà Nguyễn Thị Hồng, du khách Hà Nội",
                                               "Ông Phạm Văn Tâm, Giám đốc Trung tâm"]
    assert [text_of(q.text) for q in quotes] == ["Đêm Đại Nội đẹp hơn tôi nghĩ rất nhiều.",
                                                 "Chúng tôi sẽ mở thêm tuyến tham quan mới."]


def test_the_outlet_tag_of_a_page_that_names_no_outlet_is_its_outlet(tmp_path):
    a = _page(tmp_path, f"""<article><h1>{TITLE}</h1>
<p class="sapo">(PLO)- Từ tối 5/12, du khách có thể tham quan Đại Nội vào ban đêm với giá vé 200.000 đồng.</p>
<p>Giá vé bán tại cổng Ngọ Môn từ 18 giờ mỗi tối, trừ đêm thứ Hai hằng tuần.</p></article>""")
    assert a.lede and a.lede.startswith("Từ tối") and a.outlet is not None and a.outlet.code == "PLO"
    named = _page(tmp_path, f"""<meta property="og:site_name" content="Báo Thử"><article><h1>{TITLE}</h1>
<p class="sapo">(PLO)- Từ tối 5/12, du khách có thể tham quan Đại Nội vào ban đêm với giá vé 200.000 đồng.</p>
<p>Giá vé bán tại cổng Ngọ Môn từ 18 giờ mỗi tối, trừ đêm thứ Hai hằng tuần.</p></article>""")
    assert named.outlet is not None and named.outlet.name == "Báo Thử"  # the page's own name stands
    # and the other paper's credit stays where the page printed it (helper-149)
    assert named.lede is not None and named.lede.startswith("(PLO)- Từ tối"), named.lede
    own = _page(tmp_path, f"""<meta property="og:site_name" content="Pháp Luật TP.HCM"><article><h1>{TITLE}</h1>
<p class="sapo">(PLO)- Từ tối 5/12, du khách có thể tham quan Đại Nội vào ban đêm với giá vé 200.000 đồng.</p>
<p>Giá vé bán tại cổng Ngọ Môn từ 18 giờ mỗi tối, trừ đêm thứ Hai hằng tuần.</p></article>""")
    assert own.lede is not None and own.lede.startswith("Từ tối")  # its own tag says what the masthead says
    # helper-150: a paper the table names by its code; a sapo that is the body's first
    # paragraph; an online edition's code on the paper's own domain
    for site, sapo, kept in (("Báo Mới", '<p class="sapo">(VnExpress) - ', True),
                             ("Báo Mới", "<p>(PLO)- ", True),
                             ("nld.com.vn", '<p class="sapo">(NLĐO)- ', False)):
        a = _page(tmp_path, f"""<meta property="og:site_name" content="{site}"><article><h1>{TITLE}</h1>
{sapo}Từ tối 5/12, du khách có thể tham quan Đại Nội vào ban đêm với giá vé 200.000 đồng.</p>
<p>Giá vé bán tại cổng Ngọ Môn từ 18 giờ mỗi tối, trừ đêm thứ Hai hằng tuần.</p></article>""")
        assert a.lede is not None and a.lede.startswith("Từ tối") is not kept, (site, sapo, a.lede)


def test_a_speakers_line_under_a_quotation_is_its_attribution_not_a_heading(tmp_path):
    src = tmp_path / "q.txt"
    body = ("Ngập sâu ở phường Tân Mai\n\n(HNM) - Mưa lớn chiều qua khiến nhiều tuyến phố ngập sâu.\n\n"
            "Nước dâng nhanh trong khoảng một giờ, nhiều xe chết máy giữa đường.\n\n"
            "\"Năm nay người dân chúng tôi mong không còn cảnh lội nước đi làm nữa.\"\n\n{who}\n\n"
            "Đoạn thân bài cuối cùng kể về kế hoạch chống ngập của phường.\n")
    for who in ("Bà Trần Thị Lan, phường Tân Mai", "PGS.TS. Nguyễn Văn Bình", "Đại tá Lê Văn Cường",
                "Ông Antony Blinken, Ngoại trưởng Mỹ", "Bà Nghiêm Thị Hằng"):
        src.write_text(body.format(who=who), encoding="utf-8")
        a = bantin.read(src)
        quote = next(b for b in a.blocks if isinstance(b, Quote))
        assert (quote.attribution or "").replace("\xa0", " ") == who
        assert not any(isinstance(b, Heading) for b in a.blocks)
    # A heading that opens with a form of address is not a speaker: "Cô Tô", "Bà Rịa".
    for heading in ("Cô Tô đón khách trở lại", "Bà Rịa - Vũng Tàu"):
        src.write_text(body.format(who=heading), encoding="utf-8")
        quote = next(b for b in bantin.read(src).blocks if isinstance(b, Quote))
        assert quote.attribution is None


def test_what_the_rules_above_must_leave_alone(tmp_path):
    """helper-116: the first forms of these rules took a linked sapo out of the
    lede, a dialogue's last line for its speaker, a subheading under a quotation
    for the person quoted, kept "Tham khảo" in the body, and put a page's menus
    and meta lines back as lists."""
    a = _page(tmp_path, f"""<article><h1>{TITLE}</h1>
<h2 class="detail-sapo">TTO - Sáng 5/12, Đại Nội mở cửa ban đêm, sau khi <a href="/dai-noi-lui.htm">lùi lịch</a>
hai lần.</h2><p>Giá vé 200.000 đồng một người, bán tại cổng Ngọ Môn từ 18 giờ mỗi tối.</p>
<blockquote><p>— Anh đi đâu mà vội thế?</p><p>— Tôi sang bên kia sông, xem Đại Nội lên đèn.</p></blockquote>
<figure><picture><source srcset="a.webp"></picture><blockquote><p>Đại Nội đẹp hơn.</p></blockquote>
<figcaption>Phối cảnh Đại Nội. Ảnh: Trung tâm</figcaption></figure>
<p>Trong thời gian thi công, một số tuyến xe buýt sẽ đổi lộ trình<sup><a href="#fn1">1</a></sup>.</p>
<p>MINH THƯ</p><p>Tham khảo</p><ol class="footnotes"><li id="fn1">Thông báo của Trung tâm.</li></ol></article>""")
    assert a.lede and a.lede.startswith("Sáng 5/12") and a.outlet is not None and a.outlet.code == "TTO"
    assert not any(isinstance(b, Heading) for b in a.blocks)
    assert all(q.attribution is None for q in a.blocks if isinstance(q, Quote))
    assert a.byline == "MINH THƯ"  # "Tham khảo" went with its notes; the byline above it stays
    menus = _page(tmp_path, f"""<h1>{TITLE}</h1><ul><li>Thứ Hai, 5/12/2026</li><li>Lượt xem: 1.234</li></ul>
<p>Từ tối 5/12, du khách có thể tham quan Đại Nội vào ban đêm với giá vé 200.000 đồng.</p>
<ul><li><span>Thời sự</span></li><li><span>Thế giới</span></li></ul>
<p>Giá vé bán tại cổng Ngọ Môn từ 18 giờ mỗi tối, trừ đêm thứ Hai hằng tuần.</p>""")
    assert not any(isinstance(b, ListBlock) for b in menus.blocks)
    src = tmp_path / "q.txt"
    for heading in ("Bà Rịa", "Chú Tễu", "Cô Tô, đảo ngọc", "Anh Quốc, Pháp và Đức", "Ông Già Noel", "Chị Hằng Nga"):
        src.write_text("Lễ hội mùa xuân\n\n(HNM) - Mưa lớn chiều qua khiến nhiều tuyến phố ngập.\n\n"
                       f"\"Năm nay chúng tôi mong trời đẹp.\"\n\n{heading}\n\nĐoạn kết của bài.\n", encoding="utf-8")
        blocks = bantin.read(src).blocks
        assert [text_of(b.text) for b in blocks if isinstance(b, Heading)] == [heading], heading


def test_newsroom_text_without_a_title_line_or_closed_under_its_byline(tmp_path):
    # helper-115: two sentences on the first line became the title without a word;
    # helper-113: "Minh Châu" over "./." was printed as the paragraph "Minh Châu ./.".
    src = tmp_path / "t.txt"
    src.write_text("Chiều 6/8, tại Hà Nội, Bộ Giáo dục và Đào tạo tổ chức hội nghị tổng kết năm học. Ông Nguyễn "
                   "Văn Ấn, Thứ trưởng, cho biết tỷ lệ học sinh tốt nghiệp đạt 99,4%.\n\nHội nghị cũng thông qua kế "
                   "hoạch năm học mới.\n\nĐoạn thân bài kể lại sự việc đầy đủ.\n\nMinh Châu\n\n./.\n", encoding="utf-8")
    warned: list[str] = []
    a = bantin.read(src, warn=warned.append)
    assert any("reads as a paragraph (35 words)" in w for w in warned), warned
    assert a.byline == "Minh Châu"
    assert text_of(a.blocks[-1].text) == "Đoạn thân bài kể lại sự việc đầy đủ. ./."
    src.write_text("Hội nghị tổng kết năm học\n\nSapo của bài.\n\nĐoạn thân bài kể lại sự việc.\n\n./.\n\n"
                   "Minh Châu\n\n./.\n", encoding="utf-8")
    a = bantin.read(src)
    assert a.byline == "Minh Châu" and text_of(a.blocks[-1].text) == "Đoạn thân bài kể lại sự việc. ./."
    # A headline of two sentences is no paragraph (helper-120).
    src.write_text("Chủ tịch nước: Phải xử lý nghiêm sai phạm tại các dự án chậm tiến độ. Không có vùng cấm, "
                   "không có ngoại lệ.\n\nSapo của bài.\n\nĐoạn thân bài.\n", encoding="utf-8")
    warned.clear()
    bantin.read(src, warn=warned.append)
    assert not any("reads as a paragraph" in w for w in warned)


def test_a_captioned_photo_is_kept_whatever_its_file_is_called(tmp_path):
    # helper-119: "chip-silicon-viet.jpg" (which holds "icon") and a story's
    # "vinamilk-logo-moi.jpg" in a <figure> with a caption were dropped, caption and all.
    from PIL import Image

    for name in ("chip-silicon-viet", "vinamilk-logo-moi"):
        Image.new("RGB", (800, 600), "white").save(tmp_path / f"{name}.jpg")
        a = _page(tmp_path, f"""<article><h1>{TITLE}</h1><p>Đoạn mở đầu của bài viết về sản phẩm mới.</p>
<figure><img src="{name}.jpg" width="800"><figcaption>Sản phẩm mới ra mắt. Ảnh: Trần Bình</figcaption></figure>
<p>Đoạn thân bài kể lại sự kiện ra mắt sản phẩm tại Hà Nội.</p></article>""")
        figures = [b for b in a.blocks if type(b).__name__ == "Figure"]
        assert [(text_of(f.caption), f.credit, f.image is not None) for f in figures] == [
            ("Sản phẩm mới ra mắt.", "Trần Bình", True)], name
    Image.new("RGB", (40, 40), "white").save(tmp_path / "site-logo.png")
    a = _page(tmp_path, f"""<header><img src="site-logo.png"></header><article><h1>{TITLE}</h1>
<p>Đoạn mở đầu của bài viết về sản phẩm mới ra mắt hôm nay.</p></article>""")
    assert not [b for b in a.blocks if type(b).__name__ == "Figure"]  # the site's logo is still no photo
    for furniture in ('<img class="siteLogo" src="site-logo.png">', '<img src="noavatar.png">',
                      '<figure class="logo"><img src="a.png"><figcaption>Báo Thử. Ảnh: BT</figcaption></figure>',
                      '<figure><img src="social-icons.png"><figcaption>Chia sẻ bài viết</figcaption></figure>'):
        for name in ("noavatar.png", "a.png", "social-icons.png"):
            Image.new("RGB", (400, 300), "white").save(tmp_path / name)
        a = _page(tmp_path, f"""<article><h1>{TITLE}</h1><p>Đoạn mở đầu của bài viết về sản phẩm mới.</p>
{furniture}<p>Đoạn thân bài kể lại sự kiện ra mắt sản phẩm tại Hà Nội.</p></article>""")
        assert not [b for b in a.blocks if type(b).__name__ == "Figure"], furniture  # helper-120


def test_newsroom_lists_of_two_levels(tmp_path):
    # helper-114: "- Thị xã Sa Pa" over "+ Bản Cát Cát", "1. Về hạ tầng:" over "a) …" were
    # one flat list; which village in which district was lost.
    src = tmp_path / "l.txt"
    src.write_text("Du lịch cộng đồng Lào Cai\n\nTTXVN - Ngày 3/6, UBND tỉnh công bố kế hoạch du lịch.\n\n"
                   "Kế hoạch tập trung vào các địa bàn:\n- Thị xã Sa Pa\n+ Bản Cát Cát\n+ Bản Tả Van\n"
                   "- Huyện Bắc Hà\n– Huyện Bát Xát\n\nTỉnh đề ra hai nhóm giải pháp:\n1. Về hạ tầng:\n"
                   "a) Nâng cấp đường;\nb) Xây điểm dừng chân.\n2. Về con người:\n3. Về quảng bá.\n", encoding="utf-8")
    lists = [b for b in bantin.read(src).blocks if isinstance(b, ListBlock)]

    def shape(b: ListBlock) -> list[object]:
        return [(text_of(i.blocks[0].text), *[shape(x) for x in i.blocks[1:] if isinstance(x, ListBlock)])
                for i in b.items]

    assert shape(lists[0]) == [("Thị xã Sa Pa", [("Bản Cát Cát",), ("Bản Tả Van",)]), ("Huyện Bắc Hà",),
                               ("Huyện Bát Xát",)]  # a hyphen and a dash typed for one another: one level
    assert shape(lists[1]) == [("1. Về hạ tầng:", [("a) Nâng cấp đường;",), ("b) Xây điểm dừng chân.",)]),
                               ("2. Về con người:",), ("3. Về quảng bá.",)]
    # Any other change of mark is a slip, one level (helper-120): "- … * … -", "• … - … •", "a) b) 1.".
    src.write_text("Phòng chống lũ\n\nSapo của bài viết về phòng chống lũ.\n\nCác việc cần làm:\n- Kiểm tra đê\n"
                   "* Rà soát hộ dân\n- Chuẩn bị lương thực\n\nPhương án:\na) Giữ nguyên phí\nb) Tăng phí\n"
                   "1. Phương án được đồng ý\n", encoding="utf-8")
    lists = [b for b in bantin.read(src).blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [3, 3]
    assert not any(isinstance(x, ListBlock) for b in lists for i in b.items for x in i.blocks)
