"""A table too wide for the page at the cell size is set smaller, by one rule in
the PDF and the DOCX (``exporters.table_size``): a budget table's figures stay
whole, and its rows stay one row."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import bantin, soffice_pdf, word_boxes, word_lines

from bantin.exporters.table_size import SMALLEST, fitting

FIGURES = ("12.345.678.000", "11.234.567.000", "13.456.789.000", "12.987.654.000", "14.345.678.000",
           "13.987.654.000")


def test_the_size_shrinks_only_as_far_as_the_words_need() -> None:
    assert fitting([100.0, 100.0], 10.0, 300.0, 9.5) == 9.5  # fits: the cell size
    # 2 × (90 × k + 10) ≤ 180 first at k = 8/9.5: 8 pt.
    assert fitting([100.0, 100.0], 10.0, 180.0, 9.5) == 8.0
    assert fitting([100.0] * 80, 10.0, 480.0, 9.5) == 9.5  # fits at no size: left to the exporter
    assert SMALLEST >= 7.0


@pytest.fixture(scope="module")
def budget(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("budget")
    rows = "".join(f"| {i} | {unit} | {' | '.join(FIGURES)} |\n"
                   for i, unit in enumerate(("Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Giao thông vận tải"), 1))
    src = out / "ngan-sach.md"
    src.write_text("# Báo cáo thu chi ngân sách 2023–2025\n\nBáo cáo tổng hợp tình hình thực hiện dự toán ngân sách "
                   "của các đơn vị trên địa bàn thành phố.\n\n| STT | Đơn vị | Dự toán 2023 | Thực hiện 2023 | "
                   "Dự toán 2024 | Thực hiện 2024 | Dự toán 2025 | Ước thực hiện 2025 |\n|---|---|---:|---:|---:|---:|"
                   f"---:|---:|\n{rows}\nSố liệu trên là số liệu ước thực hiện đến hết tháng 11.\n", encoding="utf-8")
    r = bantin("export", "--format", "pdf,docx", "--output", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return out


def _rows(pdf: Path) -> list[list[str]]:
    return [[w for _, _, w in line] for line in word_lines(pdf)]


def test_the_pdf_sets_a_wide_budget_table_in_one_band(budget: Path) -> None:
    """At the cell size the last two columns went to a second band, under the
    first, where no row said which unit it was."""
    rows = _rows(budget / "ngan-sach.pdf")
    for unit in ("Tài", "Kế", "Giao"):
        row = next(r for r in rows if unit in r)
        assert [w for w in row if w[:1].isdigit() and "." in w] == list(FIGURES), row


def test_the_docx_keeps_every_figure_whole(budget: Path) -> None:
    """LibreOffice broke each figure in two ("12.345.678." / "000") in the DOCX."""
    words = [w for r in _rows(soffice_pdf(budget / "ngan-sach.docx", budget)) for w in r]
    assert all(words.count(f) == 3 for f in FIGURES), [w for w in words if w[:1].isdigit()]


def test_a_long_symbol_number_leaves_the_summary_its_words(tmp_path: Path) -> None:
    """A joint circular's symbol of 34 characters claimed its whole width in the PDF
    (which breaks it at its hyphens anyway, as the DOCX does), and the summary
    beside it was set a word a line (helper-61)."""
    src = tmp_path / "van-ban.md"
    src.write_text("# Văn bản liên tịch\n\nDanh mục văn bản liên tịch còn hiệu lực.\n\n"
                   "| STT | Số, ký hiệu | Ngày | Trích yếu | Cơ quan chủ trì | Cơ quan phối hợp | Tình trạng |\n"
                   "|---|---|---|---|---|---|---|\n"
                   "| 1 | 23/2025/TTLT-BTC-BLĐTBXH-BYT-BGDĐT | 12/3/2025 | Hướng dẫn cơ chế tài chính hỗ trợ "
                   "đào tạo nghề cho lao động nông thôn | Bộ Tài chính | Bộ Lao động – Thương binh và Xã hội, Bộ Y tế "
                   "| Còn hiệu lực |\n", encoding="utf-8")
    r = bantin("export", "--format", "pdf", "--output", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    rows = _rows(tmp_path / "van-ban.pdf")
    line = next(r for r in rows if "Hướng" in r)
    assert {"dẫn", "cơ", "chế"} <= set(line), line


def test_a_table_in_a_cell_is_sized_once() -> None:
    """helper-68: the outer table's sizing walked into the inner one, already sized,
    and gave its runs a second w:sz and its paragraphs a second w:spacing, which
    Word's schema does not allow."""
    import io
    import re
    import zipfile

    import bantin as api
    from bantin.model import Article, Cell, Paragraph, Table, plain

    def wide(inner: Cell | None = None) -> Table:
        row = tuple(Cell((Paragraph(plain(f)),)) for f in FIGURES) + (inner or Cell((Paragraph(plain("Tổng")),)),)
        return Table((tuple(Cell((Paragraph(plain(f"Cột {i}")),)) for i in range(7)), row), header_rows=1)

    doc = Article("Bảng lồng", blocks=(Paragraph(plain("Số liệu.")), wide(Cell((wide(),)))))
    xml = zipfile.ZipFile(io.BytesIO(api.export(doc, "docx"))).read("word/document.xml").decode()
    assert "<w:sz " in xml
    assert not re.search(r"<w:sz [^>]*/>(?:<w:szCs [^>]*/>)?<w:sz ", xml)
    assert not re.search(r"<w:spacing [^>]*/><w:spacing ", xml)


def test_a_papers_symbol_stays_whole_in_both(tmp_path: Path) -> None:
    """helper-69: a symbol of 16 characters claimed twelve, and the PDF broke it
    ("01/2025/TT" / "-BGDĐT") as the DOCX did: half a document's number on the
    next line reads as another number."""
    rows = "".join(f"| {i} | 0{i}/2025/TT-BGDĐT | 12/3/2025 | Hướng dẫn tuyển sinh trung học phổ thông năm học "
                   "2025-2026 và các năm tiếp theo | Bộ Giáo dục và Đào tạo |\n" for i in range(1, 4))
    src = tmp_path / "so-hieu.md"
    src.write_text("# Văn bản mới\n\nDanh mục văn bản mới ban hành.\n\n| STT | Số, ký hiệu | Ngày | Trích yếu | "
                   f"Cơ quan ban hành |\n|---|---|---|---|---|\n{rows}", encoding="utf-8")
    r = bantin("export", "--format", "pdf,docx", "--output", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    for pdf in (tmp_path / "so-hieu.pdf", soffice_pdf(tmp_path / "so-hieu.docx", tmp_path / "lo")):
        words = [w for row in _rows(pdf) for w in row]
        assert all(f"0{i}/2025/TT-BGDĐT" in words for i in range(1, 4)), (pdf.name, words[:60])


def _nested() -> object:
    """A report whose "Chi tiết" cell holds a table of six columns of figures: the
    inner table was laid out at the page's width, in a cell a fifth as wide."""
    from bantin.model import Article, Cell, Paragraph, Table, plain

    def row(*texts: str) -> tuple[Cell, ...]:
        return tuple(Cell((Paragraph(plain(t)),)) for t in texts)

    inner = Table((row("Tỉnh", "Dự toán", "Thực hiện", "Còn lại", "Chênh lệch", "Tỷ lệ"),
                   row("Hà Nội", *FIGURES[:4], "91,2%"), row("Bắc Ninh", *FIGURES[1:5], "90,9%")), header_rows=1)
    outer = Table((row("Khu vực", "Chi tiết", "Tổng dự toán", "Tổng thực hiện", "Ghi chú"),
                   (*row("Miền Bắc"), Cell((inner,)), *row("123.456.789.000", "111.222.333.444", "Số liệu sơ bộ")),
                   row("Miền Nam", "Đang tổng hợp", "234.567.890.123", "222.333.444.555", "Chưa đủ")), header_rows=1)
    return Article("Báo cáo thực hiện dự toán", blocks=(Paragraph(plain("Số liệu theo khu vực.")), outer))


def _inside(pdf: Path) -> list[str]:
    """The PDF's words, after checking that none runs past the text's right edge
    and no two of them overprint (boxes a line's height apart at most that cross)."""
    from bantin.style.stylesheet import load

    page = load("default").page
    right = (page.size_mm[0] - page.margin_right) * 72 / 25.4
    boxes = word_boxes(pdf)
    for i, (pa, xa, ya, xa1, wa) in enumerate(boxes):
        assert xa1 <= right + 1, (wa, xa1, right)
        for pb, xb, yb, xb1, wb in boxes[i + 1:]:
            assert pa != pb or abs(ya - yb) > 5 or min(xa1, xb1) - max(xa, xb) < 0.5, (wa, wb)
    return [w for *_, w in boxes]


def test_a_table_in_a_cell_is_set_within_its_cell(tmp_path: Path) -> None:
    """helper-69: in the PDF the inner table printed over the outer one's figures
    and past the margin; in the DOCX its width was the page's, and LibreOffice
    showed three of its six columns."""
    import bantin as api

    doc = _nested()
    (tmp_path / "nest.pdf").write_bytes(api.export(doc, "pdf"))  # type: ignore[arg-type]
    (tmp_path / "nest.docx").write_bytes(api.export(doc, "docx"))  # type: ignore[arg-type]
    for pdf in (tmp_path / "nest.pdf", soffice_pdf(tmp_path / "nest.docx", tmp_path / "lo")):
        words = _inside(pdf)
        # The DOCX may still break a figure in a cell too narrow for it: its start is there.
        for w in ("Tỉnh", "Tỷ", "91,2", "90,9", "Miền", "Nam", "Ghi", "222.333.444.555", "Chưa"):
            assert any(x.startswith(w) for x in words), (pdf, w, words)


def test_a_picture_in_a_cell_stays_in_its_column(tmp_path: Path) -> None:
    """A picture in a cell was sized by the page's width: in the PDF it covered the
    next column and ran off the page. It now takes its column, which claims a
    third of the text's width, in the PDF and the DOCX alike."""
    import io
    import subprocess

    from PIL import Image as Pillow

    import bantin as api
    from bantin.model import Article, Cell, Figure, Image, Paragraph, Table, plain

    buf = io.BytesIO()
    Pillow.new("RGB", (1600, 900), (40, 120, 200)).save(buf, "PNG")
    photo = Figure(caption=plain("Cầu Rồng về đêm"), image=Image(buf.getvalue(), "image/png", 1600, 900))
    row = (Cell((Paragraph(plain("Cầu Rồng")),)), Cell((photo,)),
           Cell((Paragraph(plain("Hoàn thành năm 2013, biểu tượng của thành phố.")),)))
    head = tuple(Cell((Paragraph(plain(t)),)) for t in ("Hạng mục", "Hình ảnh", "Ghi chú"))
    doc = Article("Ảnh trong bảng", blocks=(Paragraph(plain("Danh mục công trình.")), Table((head, row), 1)))
    (tmp_path / "p.pdf").write_bytes(api.export(doc, "pdf"))
    (tmp_path / "p.docx").write_bytes(api.export(doc, "docx"))
    for pdf in (tmp_path / "p.pdf", soffice_pdf(tmp_path / "p.docx", tmp_path / "lo")):
        note = next(x0 for _, x0, _, _, w in word_boxes(pdf) if w == "Hoàn")
        subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "r")],
                       check=True)
        page = Pillow.open(next(tmp_path.glob("r*.png"))).convert("RGB")
        blue = [x for x in range(page.width) for y in range(0, page.height, 4)
                if sum(abs(a - b) for a, b in zip(page.getpixel((x, y)), (40, 120, 200), strict=True)) < 40]
        assert blue, pdf
        assert max(blue) < note, (pdf, max(blue), note)  # left of the next column's words
        assert max(blue) - min(blue) > page.width / 5, (pdf, min(blue), max(blue))  # not a stamp
        for f in tmp_path.glob("r*.png"):
            f.unlink()


def test_pictures_and_tables_in_cells_share_the_width() -> None:
    """helper-73: six photos in a row each claimed a third of the width in column
    order (two large, four stamps), and a table in a merged cell claimed nothing
    (its figures set a digit a line in the DOCX)."""
    import io

    from PIL import Image as Pillow

    from bantin.exporters.table_size import held, holding
    from bantin.model import Cell, Figure, Image, Paragraph, Table, plain

    buf = io.BytesIO()
    Pillow.new("RGB", (40, 30), (200, 0, 0)).save(buf, "PNG")
    photo = Cell((Figure(image=Image(buf.getvalue(), "image/png", 40, 30)),))
    six = Table(((photo,) * 6,))
    assert held(six, 600.0, lambda t: 0.0) == [100.0] * 6
    assert held(Table(((photo, Cell((Paragraph(plain("Ghi chú")),))),)), 600.0, lambda t: 0.0) == [200.0, 0.0]
    inner = Table(((Cell((Paragraph(plain("1.234.567.890")),)),),))
    merged = Table(((Cell((Paragraph(plain("Đơn vị")),)), Cell((inner,), colspan=2)),))
    assert held(merged, 600.0, lambda t: 240.0) == [0.0, 120.0, 120.0]
    # As far as the other columns leave room: the first column keeps its 100.
    assert holding([100.0, 30.0, 30.0], [0.0, 300.0, 300.0], 500.0) == [100.0, 300.0, 100.0]
