"""``--group-by outlet`` lists one paper once, however its pages name it:
"VnExpress" and "Báo VnExpress", "Báo Dân trí" and "Báo điện tử Dân Trí"."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import bantin, read_back

from bantin.digest.grouping import outlet_key

STORIES = [
    ("VnExpress", "Hà Nội mở thêm tuyến buýt điện",
     "Sở Giao thông Hà Nội mở thêm 12 tuyến xe buýt điện nối các khu đô thị mới với trung tâm."),
    ("Báo Dân trí", "Giá xăng giảm lần thứ ba",
     "Liên bộ Công Thương - Tài chính giảm giá xăng RON95 thêm 420 đồng mỗi lít từ chiều nay."),
    ("Báo VnExpress", "Đà Nẵng đón 1,2 triệu khách",
     "Đà Nẵng đón hơn 1,2 triệu lượt khách trong tháng 6, tăng 18% so với cùng kỳ năm trước."),
    ("Báo điện tử Dân Trí", "Học sinh Cà Mau đi học lại",
     "Hơn 3.000 học sinh huyện Ngọc Hiển đi học lại sau khi nước rút, các trường đã dọn dẹp xong."),
]


@pytest.mark.parametrize(("a", "b"), [("VnExpress", "Báo VnExpress"), ("Báo Dân trí", "Báo điện tử Dân Trí"),
                                      ("Thanh Niên", "thanhnien.vn"), ("Tuổi Trẻ Online", "Tuổi Trẻ"),
                                      ("Báo Chính phủ", "baochinhphu.vn")])
def test_one_paper_named_two_ways_is_one_key(a: str, b: str) -> None:
    assert outlet_key(a) == outlet_key(b)


def test_two_papers_stay_apart() -> None:
    assert outlet_key("Người Lao Động") != outlet_key("Báo Lao Động")
    assert outlet_key("Báo điện tử") == "báo điện tử"  # a name that is only a kind is its own key


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_group_by_outlet_lists_each_paper_once(tmp_path: Path, fmt: str) -> None:
    inputs = []
    for n, (outlet, title, body) in enumerate(STORIES):
        f = tmp_path / f"tin-{n}.md"
        f.write_text(f"---\ntitle: {title}\noutlet: {outlet}\n---\n\n{body}\n", encoding="utf-8")
        inputs.append(str(f))
    r = bantin("export", "-f", fmt, "--digest", "--bundle", "Theo báo", "--group-by", "outlet",
               "-o", str(tmp_path / "out"), *inputs)
    assert r.returncode == 0, r.stderr
    text = read_back(tmp_path / "out" / f"theo-bao.{fmt}")
    # Each paper's group, headed by the name its first entry gives, holds its two stories.
    first, second = text.upper().index("VNEXPRESS"), text.upper().index("DÂN TRÍ")
    assert first < text.index("buýt điện") < text.index("1,2 triệu") < second
    assert second < text.index("Giá xăng") < text.index("Học sinh Cà Mau")
    if fmt == "txt":  # the text sets group headings in capitals
        assert text.count("VNEXPRESS") == 1 and text.count("DÂN TRÍ") == 1
        # Under its paper's heading an entry's source line does not name the paper
        # again; one that names it otherwise still does (helper-138).
        assert text.count("VnExpress") == 1 and "Báo VnExpress" in text
        assert "Báo điện tử Dân Trí" in text and text.count("Báo Dân trí") == 0


def test_the_groups_are_in_the_pdf_outline_and_the_epub_contents(tmp_path: Path) -> None:
    """Word's navigation pane showed the groups; the PDF's bookmarks and the book's
    contents listed the entries flat, so a reader could not go to one paper's."""
    from helpers import zip_text
    from pypdf import PdfReader

    inputs = []
    for n, (outlet, title, body) in enumerate(STORIES):
        f = tmp_path / f"tin-{n}.md"
        f.write_text(f"---\ntitle: {title}\noutlet: {outlet}\n---\n\n{body}\n", encoding="utf-8")
        inputs.append(str(f))
    r = bantin("export", "-f", "pdf,epub", "--digest", "--bundle", "Theo báo", "--group-by", "outlet",
               "-o", str(tmp_path / "out"), *inputs)
    assert r.returncode == 0, r.stderr

    def tree(items: list) -> list:
        return [tree(x) if isinstance(x, list) else " ".join(x.title.split()) for x in items]

    outline = tree(PdfReader(tmp_path / "out" / "theo-bao.pdf").outline)
    assert outline == ["Theo báo", ["VnExpress", ["Hà Nội mở thêm tuyến buýt điện", "Đà Nẵng đón 1,2 triệu khách"],
                                    "Báo Dân trí", ["Giá xăng giảm lần thứ ba", "Học sinh Cà Mau đi học lại"]]]
    nav = " ".join(zip_text(tmp_path / "out" / "theo-bao.epub", "EPUB/nav.xhtml").split())
    assert ('<a href="digest.xhtml#group-001">VnExpress</a> <ol> <li> <a href="digest.xhtml#entry-001">1. Hà Nội'
            in nav), nav
    assert '<a href="digest.xhtml#group-002">Báo Dân trí</a> <ol> <li> <a href="digest.xhtml#entry-003">' in nav
