"""The PDF as a reader opens it. Keep-with-next holds a title or a heading to the
first lines of what follows, not to all of it (``exporters/pdf/keep.py``): on A5,
a title and a long lede filled the first page with the masthead alone. The viewer
names the document by its title and shows the outline when there is one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bantin import api
from bantin.model import Article, Cell, Heading, Outlet, Paragraph, Table, plain

A5 = 'extends = "default"\nname = "a5"\n\n[page]\nsize = "A5"\n'
SENTENCE = ("Chiều qua, các tổ tự quản ở xã ven biển đã họp bàn việc trực đêm, chia ca canh bến và nhắc nhau "
            "giữ liên lạc với đồn biên phòng khi có gió mạnh. ")


def _page(pdf: Path, n: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def _export(tmp_path: Path, article: Article) -> Path:
    sheet = tmp_path / "a5.toml"
    sheet.write_text(A5, encoding="utf-8")
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(api.export(article, "pdf", style=sheet, epoch=0))
    return pdf


def test_a_long_lede_starts_under_its_title_on_the_first_page(tmp_path):
    a = Article("Xã ven biển chủ động ứng phó bão số 3", lede="Sáng 5/8, " + SENTENCE * 14,
                outlet=Outlet(name="Báo Thử Nghiệm"), blocks=(Paragraph(plain(SENTENCE * 3)),))
    first = " ".join(_page(_export(tmp_path, a), 1).split())
    assert "Xã ven biển chủ động ứng phó bão số 3" in first
    assert "Sáng 5/8, Chiều qua" in first


def test_a_heading_stays_with_two_lines_of_its_paragraph(tmp_path):
    # A long first paragraph fills most of page one; the heading then needs the
    # room for itself and two lines of the next paragraph, not for all of it.
    a = Article("Tiêu đề", blocks=(Paragraph(plain(SENTENCE * 7)), Heading(plain("Kết quả bước đầu"), 1),
                                    Paragraph(plain(SENTENCE * 12))))
    pdf = _export(tmp_path, a)
    one = " ".join(_page(pdf, 1).split())
    assert "Kết quả bước đầu" in one
    heading_at = one.index("Kết quả bước đầu")
    assert len(one[heading_at:].split()) > 20  # lines of the paragraph follow it on the same page


@pytest.mark.parametrize("caption", [(), plain("Bảng 4. Kinh phí của 70 xã")])
def test_a_heading_or_a_caption_stays_with_the_first_rows_of_a_long_table(tmp_path, caption):
    # helper-94, helper-98: a heading (or a caption) over a 70-row table went to
    # the next page with the whole table, leaving most of page one blank.
    rows = ((plain("Xã"), plain("Kinh phí")),) + tuple((plain(f"Xã số {n}"), plain(f"{n * 37}")) for n in range(1, 71))
    a = Article("Tiêu đề", blocks=(Paragraph(plain(SENTENCE * 5)), Heading(plain("Kinh phí từng xã"), 1),
                                    Table(rows, 1, caption, ("left", "right"))))
    one = " ".join(_page(_export(tmp_path, a), 1).split())
    assert "Kinh phí từng xã" in one and "Xã số 5 " in one, one[-300:]


def test_a_row_taller_than_a_page_breaks_inside_itself_and_no_other_row_does(tmp_path):
    # helper-98: a Word file's text in a one-cell layout table gave no PDF at all
    # ("tallest cell 906 points, too large on page 2"); helper-99: reportlab's
    # in-row splitting, once on, also cut rows of six lines at a page's foot.
    from helpers import assert_in_order, model_words

    rows = ((plain("Mục"), plain("Nội dung")), (plain("Ghi"), plain(SENTENCE * 60)),
            *((plain(f"R{n}"), plain(SENTENCE * 2 + f"Hết{n}.")) for n in range(1, 40)))
    a = Article("Bảng có ô dài hơn một trang", blocks=(Table(rows, 1, (), ("left", "left")),))
    pdf = _export(tmp_path, a)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert_in_order(model_words(a), text, "pdf")
    _rows_whole(text)
    # A giant row after a short one: split under it on the same page, the header
    # printed once there (it was printed again above the giant row, helper-102).
    rows = ((plain("Mục"), plain("Nội dung")), (plain("Đầu"), plain("Một dòng ngắn.")),
            (plain("Ghi"), plain(SENTENCE * 60)), (plain("Cuối"), plain("Một dòng ngắn nữa.")))
    pdf = _export(tmp_path, Article("Bảng", blocks=(Table(rows, 1, (), ("left", "left")),)))
    first = _page(pdf, 1)
    assert first.count("Mục") == 1 and "Một dòng ngắn." in first and "Chiều qua" in first, first[:400]
    # A long table of rows of six lines in three columns: none is cut (reportlab's
    # in-row splitting, on for every row, cut two and repeated the header above them).
    words = "gạo nông dân đồng bằng sông Cửu Long mùa vụ năng suất lúa ".split()

    def cell(n: int, tag: str) -> str:
        return " ".join([tag, *(words[i % len(words)] for i in range(n))])

    rows = ((plain("Mục"), plain("Nội dung"), plain("Ghi chú")),
            *((plain(cell(38, f"R{n}")), plain(cell(40, "x")), plain(cell(40, "y") + f" Hết{n}."))
              for n in range(1, 31)))
    a = Article("Bảng", blocks=(*(Paragraph(plain(cell(60, "p"))) for _ in range(3)),
                                 Table(rows, 1, (), ("left",) * 3)))
    pdf = tmp_path / "rows.pdf"
    pdf.write_bytes(api.export(a, "pdf", epoch=0))
    _rows_whole(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("sheet", ["default", "nd30", A5])
def test_a_giant_merged_cell_and_a_header_taller_than_a_page_still_give_every_word(tmp_path, sheet):
    # helper-102: a cell merged over two rows and taller than a page, or a header
    # row taller than the page, gave no PDF ("cannot lay out the page"). The merge
    # is undone (its words in its first row) and such a header is not repeated.
    from helpers import assert_in_order, model_words, words

    if sheet == A5:
        (tmp_path / "a5.toml").write_text(A5, encoding="utf-8")
        sheet = str(tmp_path / "a5.toml")
    giant = Cell(tuple(Paragraph(plain(f"R{n:03} " + SENTENCE)) for n in range(70)), rowspan=2)
    merged = Table(((Cell((Paragraph(plain("Mục")),)), Cell((Paragraph(plain("Nội dung")),))),
                    (giant, Cell((Paragraph(plain("Bên một.")),))), (Cell((Paragraph(plain("Bên hai.")),)),),
                    (Cell((Paragraph(plain("Cuối bảng, hết.")),)), Cell(()))), 1)
    tall_head = Table(((plain(SENTENCE * 25), plain("Cột hai")), (plain("Ghi"), plain(SENTENCE * 40)),
                       (plain("Cuối"), plain("Hết bảng."))), 1, (), ("left", "left"))
    for table in (merged, tall_head):
        a = Article("Bảng lớn", blocks=(Paragraph(plain("Đoạn mở đầu.")), table, Paragraph(plain("Đoạn kết."))))
        text = subprocess.run(["pdftotext", "-", "-"], input=api.export(a, "pdf", style=sheet, epoch=0),
                              capture_output=True, check=True).stdout.decode()
        # A cell beside a tall one is printed beside its first lines: its words
        # are there, but pdftotext reads them into the tall cell's lines.
        beside = {"bên", "một", "hai", "cột"}
        assert_in_order([w for w in model_words(a) if w not in beside], text, "pdf")
        assert [w for w in model_words(a) if w in beside] == [w for w in words(text) if w in beside]
    assert text.count("Cột hai") == 1  # the header was not repeated above every piece of the giant row


def _rows_whole(text: str) -> None:
    """Every row labelled "R<n>" is whole on its page: its last word "Hết<n>." with it."""
    for page in text.split("\f"):
        for row in re.split(r"\bR(?=\d+ )", page)[1:]:
            assert f"Hết{row.split()[0]}." in row, row


def test_the_viewer_shows_the_title_and_the_outline_when_there_is_one(tmp_path):
    from pypdf import PdfReader

    plain_one = Article("Chỉ một đoạn", blocks=(Paragraph(plain(SENTENCE)),))
    headed = Article("Có mục", blocks=(Heading(plain("Mục một"), 1), Paragraph(plain(SENTENCE)),
                                        Heading(plain("Mục hai"), 1), Paragraph(plain(SENTENCE))))
    seen = []
    for a in (plain_one, headed):
        catalog = PdfReader(_export(tmp_path, a)).trailer["/Root"]
        assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True  # the title bar names the title
        seen.append(catalog.get("/PageMode"))
    assert seen == ["/UseNone", "/UseOutlines"]  # one title alone is no outline to open


def _last_lines(pdf: Path) -> list[str]:
    out = []
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for page in pages.split("\f")[:-2]:  # every page but the last (and the empty piece after it)
        body = [line.strip() for line in page.splitlines() if line.strip() and not line.strip().startswith("Trang ")]
        out.append(body[-1] if body else "")
    return out


@pytest.mark.parametrize("sheet", ["nd30", "a5"])
def test_no_page_ends_on_a_heading_or_a_heading_and_its_subheading(tmp_path, sheet):
    # helper-85: the room left was reckoned without the heading's space after
    # (the frame parts two paragraphs by the larger of the two spaces), and a
    # subheading's conditional page break parted it from its heading.
    blocks: list = []
    for n in range(1, 41):
        blocks.append(Heading(plain(f"Mục số {n} của báo cáo"), 1))
        if n % 3 == 0:
            blocks.append(Heading(plain(f"Tiểu mục số {n}"), 2))
        blocks.append(Paragraph(plain(SENTENCE * (1 + n % 4))))
    a = Article("Báo cáo kiểm tra", blocks=tuple(blocks))
    if sheet == "a5":
        pdf = _export(tmp_path, a)
    else:
        pdf = tmp_path / "nd30.pdf"
        pdf.write_bytes(api.export(a, "pdf", style="nd30", epoch=0))
    last = _last_lines(pdf)
    assert len(last) > 3
    assert not [line for line in last if line.startswith(("Mục số", "Tiểu mục số"))], last


@pytest.mark.parametrize("sheet", ["default", "nd30"])
def test_a_link_is_underlined_below_the_dot_of_a_nang(sheet):
    """helper-83: links were told by colour alone (WCAG 1.4.1; a grey print loses
    them). The underline sits below the body face's dấu nặng: at reportlab's usual
    depth it ran through the dot, and "Bộ" read as "Bô"."""
    from fontTools.ttLib import TTFont

    from bantin.exporters.pdf.fonts import fonts
    from bantin.exporters.pdf.styles import styles
    from bantin.style.fonts import resolve
    from bantin.style.stylesheet import load

    style = load(sheet)
    body = styles(style, fonts(style))["body"]
    assert body.linkUnderline
    offset = float(str(body.underlineOffset).replace("*F", "")) * body.fontSize  # points, below the baseline
    with TTFont(resolve(style.body_font).files["regular"]) as font:
        dot = min(font["glyf"][font.getBestCmap()[ord(ch)]].yMin for ch in "ạộệịụựỵ")
        lowest = dot / font["head"].unitsPerEm * body.fontSize
    assert offset < lowest - 0.3, (offset, lowest)  # the line's half-width below the dot, at least
