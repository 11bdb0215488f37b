"""A newsroom's conventions in an article typed in Markdown, read as the text reader
reads them (helper-159): the outlet tag, the dateline, a place-and-date line, the
closing name line and "./."; a README or a blog post keeps its words."""

from __future__ import annotations

import bantin as api
from bantin.model import Dateline, Outlet, Paragraph, Span, text_of


def read(md: str) -> api.Article:
    doc = api.read(md.encode("utf-8"), source_format="md", name="bai.md", typography=False)
    assert isinstance(doc, api.Article)
    return doc


def texts(a: api.Article) -> list[str]:
    return [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]


def test_a_bold_sapo_gives_its_outlet_tag_time_and_date_and_the_name_line_is_the_byline() -> None:
    a = read("# Khởi công cầu mới\n\n**(TTXVN) - Sáng 5/3/2025, tại Hà Nội, thành phố khởi công cây cầu mới.**\n\n"
             "Theo *Sở Giao thông*, cầu dài 2 km.\n\nCông trình có vốn 10.000 tỷ đồng.\n\nMinh Anh\n")
    assert a.lede == "Sáng 5/3/2025, tại Hà Nội, thành phố khởi công cây cầu mới."
    assert a.outlet is not None and a.outlet.code == "TTXVN"
    assert a.dateline == Dateline(None, "Sáng 5/3/2025") and a.date == "2025-03-05"
    assert a.byline == "Minh Anh"
    assert texts(a) == ["Theo Sở Giao thông, cầu dài 2 km.", "Công trình có vốn 10.000 tỷ đồng."]
    assert a.blocks[0] == Paragraph((Span("Theo "), Span("Sở Giao thông", em=True), Span(", cầu dài 2 km.")))


def test_a_dateline_opening_the_first_paragraph_is_cut_and_its_emphasis_kept() -> None:
    a = read("# Khởi công cầu mới\n\nHÀ NỘI (TTXVN) – Sáng 5/3/2025, thành phố khởi công cầu qua sông **Hồng**.\n\n"
             "Cầu dài 2 km và hoàn thành năm 2027.\n\nMinh Anh./.\n")
    assert a.outlet == Outlet("TTXVN", "Thông tấn xã Việt Nam")
    assert a.dateline == Dateline("HÀ NỘI", "Sáng 5/3/2025")
    assert a.blocks[0] == Paragraph((Span("Sáng 5/3/2025, thành phố khởi công cầu qua sông "),
                                     Span("Hồng", strong=True), Span(".")))
    assert a.byline == "Minh Anh"
    assert texts(a)[-1] == "Cầu dài 2 km và hoàn thành năm 2027. ./."  # the mark stays the body's, as in .txt


def test_a_place_and_date_line_is_the_place_and_the_date() -> None:
    a = read("# Thông cáo báo chí\n\nHà Nội, ngày 5/3/2025\n\nSáng nay, thành phố khởi công cầu mới.\n\n"
             "Cầu dài 2 km.\n")
    assert (a.place, a.date) == ("Hà Nội", "2025-03-05")
    assert texts(a) == ["Sáng nay, thành phố khởi công cầu mới.", "Cầu dài 2 km."]


def test_the_front_matter_wins_and_a_signed_body_is_printed_once() -> None:
    a = read("---\ntitle: Cầu mới\noutlet: Báo Hà Nội Mới\nauthor: Minh Anh\ndate: 2025-03-04\n---\n\n"
             "**(TTXVN) - Sáng 5/3/2025, thành phố khởi công cây cầu mới.**\n\nCầu dài 2 km.\n\nMinh Anh./.\n")
    assert a.outlet == Outlet(None, "Báo Hà Nội Mới") and a.date == "2025-03-04" and a.byline == "Minh Anh"
    assert a.lede == "Sáng 5/3/2025, thành phố khởi công cây cầu mới."
    assert texts(a) == ["Cầu dài 2 km. ./."]


def test_a_readme_keeps_its_first_words_and_its_last_line() -> None:
    a = read("# fastparse\n\nFastparse - A parser combinator library for Python.\n\n(Beta) - Use at your own risk.\n\n"
             "It is fast.\n\n## License\n\nMIT\n")
    assert a.outlet is None and a.dateline is None and a.byline is None
    assert texts(a) == ["Fastparse - A parser combinator library for Python.", "(Beta) - Use at your own risk.",
                        "It is fast.", "MIT"]
    b = read("# Chuyến đi Đà Lạt\n\nHôm qua tôi đi Đà Lạt. Trời rất đẹp.\n\nCheers\n")
    assert b.byline is None and texts(b)[-1] == "Cheers"  # one word after a blog post: no newsroom's name
    c = read("# Release notes\n\nThis release fixes the parser. Thanks to everyone who helped.\n\nHappy Coding\n")
    assert c.byline is None and texts(c)[-1] == "Happy Coding"  # an English post's last line is its own
    d = read("# Chuyến công tác\n\nHôm qua đoàn công tác của bộ đã tới Đà Lạt và làm việc với lãnh đạo tỉnh về kế "
             "hoạch phát triển du lịch.\n\nĐoàn cũng kiểm tra tiến độ các dự án giao thông trọng điểm.\n\nMinh Anh\n")
    assert d.byline == "Minh Anh" and texts(d)[-1] != "Minh Anh"


def test_an_obsidian_embeds_size_is_never_its_words() -> None:
    a = read("# Ảnh\n\nĐoạn một.\n\n![[anh.png|Chú thích|300]]\n\n![[b.png|Mô tả|300x200]]\n")
    alts = [getattr(b, "alt", None) for b in a.blocks if hasattr(b, "alt")]
    assert alts == ["Chú thích", "Mô tả"]


def test_the_name_over_the_authors_contact_is_the_byline_and_the_contact_stays() -> None:
    """As at a newsroom text's end: "Email: …" (a link, or not) and "Theo TTXVN" under
    the name stay the body's last paragraphs; the name is the byline."""
    for contact in ("Email: <minhanh@plo.vn>", "Email: minhanh@plo.vn", "Theo TTXVN"):
        a = read("# Khởi công cầu mới\n\n**(TTXVN) - Sáng 5/3/2025, thành phố khởi công cây cầu mới.**\n\n"
                 f"Cầu dài 2 km.\n\nCông trình có vốn 10.000 tỷ đồng.\n\nMinh Anh\n\n{contact}\n")
        assert a.byline == "Minh Anh", contact
        shown = contact.replace("<", "").replace(">", "")  # an autolink shows its address
        assert texts(a) == ["Cầu dài 2 km.", "Công trình có vốn 10.000 tỷ đồng.", shown]
