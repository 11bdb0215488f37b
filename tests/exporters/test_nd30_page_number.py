"""nd30's page number, centred in the top margin (Nghị định 30/2020, Appendix I),
stands over the centre of the text area, between the margins, as Word and the
DOCX put a centred header: the PDF centred it over the whole page, 7.5 mm to the
left of the DOCX's with nd30's 30 mm left and 15 mm right margins."""

from __future__ import annotations

from pathlib import Path

from helpers import bantin, soffice_pdf, word_boxes
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from bantin.exporters.pdf.fonts import fonts
from bantin.exporters.roles import MM
from bantin.style.stylesheet import load


def _export(tmp_path: Path) -> Path:
    src = tmp_path / "bao-cao.txt"
    body = "Về hạ tầng số, toàn tỉnh đã phủ sóng di động 4G đến 100% thôn, ấp. " * 12
    src.write_text("Kết quả chuyển đổi số quý I\n" + f"{body}\n" * 14, encoding="utf-8")
    r = bantin("export", "-f", "pdf,docx", "--style", "nd30", "-o", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return tmp_path / "bao-cao.pdf"


def _number_runs(reader: PdfReader, page: int) -> list[tuple[float, float]]:
    """(x, y) of where each run of ``page`` that reads the page's number starts."""
    runs: list[tuple[float, float]] = []

    def visit(run: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if run.strip() == str(page + 1):
            runs.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    reader.pages[page].extract_text(visitor_text=visit)
    return runs


def test_the_page_number_is_centred_over_the_text_area(tmp_path):
    pdf = _export(tmp_path)
    sheet = load("nd30")
    page = sheet.page
    width, height = (x * MM for x in page.size_mm)
    centre = (page.margin_left * MM + width - page.margin_right * MM) / 2
    assert abs(centre - width / 2) > 20  # the margins differ: over the page, the number stood elsewhere
    size = sheet.text.body_size
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 3
    assert not [x for x, y in _number_runs(reader, 0) if y > height - page.margin_top * MM]  # none on page 1
    for n in range(1, len(reader.pages)):
        top = [(x, y) for x, y in _number_runs(reader, n) if y > height - page.margin_top * MM]
        assert len(top) == 1, (n, top)
        left = top[0][0]
        number_width = stringWidth(str(n + 1), fonts(sheet).body, size)
        assert abs(left + number_width / 2 - centre) < 1, (n, left + number_width / 2, centre)
    # poppler reads the same place.
    boxes = [(x0, x1) for p, x0, y0, x1, w in word_boxes(pdf) if p == 1 and w == "2" and y0 < page.margin_top * MM]
    assert len(boxes) == 1 and abs(sum(boxes[0]) / 2 - centre) < 1, boxes


def test_the_pdf_and_the_docx_put_the_page_number_in_the_same_place(tmp_path):
    pdf = _export(tmp_path)
    lo = soffice_pdf(tmp_path / "bao-cao.docx", tmp_path / "lo")
    margin = load("nd30").page.margin_top * MM

    def number_centre(path: Path) -> float:
        boxes = [(x0, x1) for p, x0, y0, x1, w in word_boxes(path) if p == 1 and w == "2" and y0 < margin]
        assert len(boxes) == 1, (path.name, boxes)
        return sum(boxes[0]) / 2

    assert abs(number_centre(pdf) - number_centre(lo)) < 1


def test_the_default_footer_stands_where_the_docx_puts_it(tmp_path):
    """The default sheet's "Trang N/M" footer is centred over the text area too
    (25 mm left, 20 mm right: over the page it stood 7 pt to the left)."""
    src = tmp_path / "bai.txt"
    body = "Về hạ tầng số, toàn tỉnh đã phủ sóng di động 4G đến 100% thôn, ấp. " * 12
    src.write_text("Kết quả chuyển đổi số quý I\n" + f"{body}\n" * 14, encoding="utf-8")
    r = bantin("export", "-f", "pdf,docx", "-o", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    page = load("default").page
    assert page.margin_left != page.margin_right
    lo = soffice_pdf(tmp_path / "bai.docx", tmp_path / "lo")

    def footer_centre(path: Path) -> float:
        words = [(x0, x1, w) for p, x0, y0, x1, w in word_boxes(path) if p == 1 and y0 > 780]
        assert [w for _, _, w in words][:1] == ["Trang"], words
        return (words[0][0] + words[-1][1]) / 2

    width = page.size_mm[0] * MM
    centre = (page.margin_left * MM + width - page.margin_right * MM) / 2
    assert abs(footer_centre(tmp_path / "bai.pdf") - centre) < 1
    assert abs(footer_centre(tmp_path / "bai.pdf") - footer_centre(lo)) < 1
