"""GFM's and pandoc's extensions to Markdown, read as those tools show them, in
the model's terms (helper-156): struck words are plain text (the model has no
strike mark, as the HTML reader keeps <del>), a task list's boxes are ☐ and ☒,
a "$…$" formula is kept as written, untouched by typography, and pandoc's "%"
title block gives the title, byline and date."""

from __future__ import annotations

import bantin as api
from bantin.model import text_of


def read(md: str, typography: bool = False, warned: list[str] | None = None) -> api.Article:
    doc = api.read(md.encode("utf-8"), source_format="md", name="bai.md", typography=typography,
                   warn=(warned.append if warned is not None else lambda _m: None))
    assert isinstance(doc, api.Article)
    return doc


def test_struck_words_are_plain_text_as_the_html_reader_has_them() -> None:
    a = read("# Tin\n\nGiá ~~120.000~~ 99.000 đồng, ~~*mới*~~ xong.\n\n| ~~A~~ | B |\n|---|---|\n| 1 | 2 |\n")
    assert text_of(a.blocks[0].text) == "Giá 120.000 99.000 đồng, mới xong."
    assert "~" not in api.export(a, "txt").decode()
    page = api.read("<h1>Tin</h1><p>Giá <del>120.000</del> 99.000 đồng.</p>".encode(), source_format="html",
                    typography=False)
    md = read("# Tin\n\nGiá ~~120.000~~ 99.000 đồng.\n")
    assert isinstance(page, api.Article)
    assert text_of(page.blocks[0].text) == text_of(md.blocks[0].text)  # the two readers agree
    assert [s.em for s in a.blocks[0].text if "mới" in s.text] == [True]


def test_a_task_lists_boxes_are_the_boxes_a_reader_sees() -> None:
    a = read("# Việc\n\n- [x] Đã xong\n- [ ] Chưa *xong*\n  1. [X] Con\n\n[x] Không phải danh sách.\n\n- [y] Khác\n")
    items = a.blocks[0].items
    assert [text_of(i.blocks[0].text) for i in items] == ["☒ Đã xong", "☐ Chưa xong"]
    assert text_of(items[1].blocks[1].items[0].blocks[0].text) == "☒ Con"
    assert text_of(a.blocks[1].text) == "[x] Không phải danh sách."  # no list item: as written
    assert text_of(a.blocks[2].items[0].blocks[0].text) == "[y] Khác"


def test_a_formula_is_kept_as_written_and_typography_never_touches_it() -> None:
    a = read("# Toán\n\nCông thức $a - b = c$ -- đúng. Giá 5$ và 10$ -- rẻ; 100$/tấn và 200$/tấn; "
             "$20,000 và $30,000 - đắt.\n\n$$\nx - y = \"z\"\n$$\n", typography=True)
    first = a.blocks[0].text
    assert [s.text for s in first if s.code] == ["$a - b = c$"]
    assert "5$ và 10$\u00a0– rẻ" in text_of(first) and "$20,000 và $30,000" in text_of(first)  # prices are prose
    assert "100$/tấn và 200$/tấn" in text_of(first)
    display = a.blocks[1].text
    assert [s.text for s in display if s.code] == ["$$", 'x - y = "z"', "$$"]  # its lines, as written
    assert "$a - b = c$" in api.export(a, "txt").decode()


def test_what_pandoc_reads_as_no_formula_stays_prose() -> None:
    for md in ("Có $ a - b $ ở đây.", "Từ $5 - 7$10 thôi.", "Có \\$a - b$ thôi.", "Giá $$ thôi."):
        a = read(f"# T\n\n{md}\n")
        assert not any(s.code for s in a.blocks[0].text), md


def test_pandocs_title_block_is_the_title_byline_and_date() -> None:
    a = read("% Họp báo quý III\n  của Sở Du lịch\n% Lê Minh; Trần Hà\n  Ngô Lan\n% 2025-03-01\n\nĐoạn.\n")
    assert (a.title, a.byline, a.date) == ("Họp báo quý III của Sở Du lịch", "Lê Minh, Trần Hà, Ngô Lan", "2025-03-01")
    assert [text_of(b.text) for b in a.blocks] == ["Đoạn."]
    warned: list[str] = []
    a = read("%\n% Lê Minh\n% ngày nào đó\n\n# Tiêu đề\n\nĐoạn.\n", warned=warned)  # no title, a date not read
    assert (a.title, a.byline, a.date) == ("Tiêu đề", "Lê Minh", None)
    assert any("title block's date" in w for w in warned)
    assert read("% Tiêu đề\n% Lê Minh\n% 1/3/2025\n\nĐoạn.\n").date == "2025-03-01"
    a = read("%% ghi chú %%\n# Tiêu đề\n\nĐoạn.\n")  # Obsidian's comment, not a title block
    assert a.title == "Tiêu đề" and [text_of(b.text) for b in a.blocks] == ["Đoạn."]
