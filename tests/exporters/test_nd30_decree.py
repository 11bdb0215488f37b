"""nd30 against Nghị định 30/2020, Appendix I, read back from the PDF and the DOCX
(as written, and as LibreOffice lays it out): what a clerk checks with a ruler."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import bantin, soffice_pdf, style_property, word_lines, zip_text
from pypdf import PdfReader

META = ("-M", "issuer=Văn phòng UBND tỉnh X", "-M", "number=12/BC-VP", "-M", "place=Quảng Nam",
        "-M", "date=2025-04-05")


def _export(tmp_path: Path, *extra: str) -> Path:
    src = tmp_path / "bao-cao.txt"
    body = "Về hạ tầng số, toàn tỉnh đã phủ sóng di động 4G đến 100% thôn, ấp. " * 12
    src.write_text("Kết quả chuyển đổi số quý I\nCác đơn vị đã triển khai kế hoạch.\n"
                   + f"{body}\n" * 8, encoding="utf-8")
    r = bantin("export", "-f", "pdf,docx", "--style", "nd30", *META, *extra, "-o", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return tmp_path / "bao-cao.pdf"


def _line_of(pdf: Path, word: str) -> list[str]:
    """The words of the first line of page 1 that holds ``word``."""
    return next([w for _, _, w in line] for line in word_lines(pdf) if word in [w for _, _, w in line])


def test_the_place_and_date_stand_on_the_numbers_line(tmp_path):
    """Appendix I: the place and date are "on the same line as the number and
    symbol", under the motto; they were a line lower, under the motto's rule,
    while "Số:" stood under the issuer's rule."""
    pdf = _export(tmp_path)
    lo = soffice_pdf(tmp_path / "bao-cao.docx", tmp_path / "lo")
    for out in (pdf, lo):
        line = _line_of(out, "Số:")
        assert "12/BC-VP" in line and "Quảng" in line and "2025" in line, (out.name, line)


def test_the_page_number_at_the_top_is_13_pt_in_the_docx_as_in_the_pdf(tmp_path):
    """Appendix I: the page number is 13–14 pt. The PDF drew it at the body's 13 pt;
    the DOCX's Header style had the masthead's 12 pt (w:sz 24)."""
    pdf = _export(tmp_path)
    styles = zip_text(tmp_path / "bao-cao.docx", "word/styles.xml")
    assert style_property(styles, "Header", "w:sz") == "26"
    lo = soffice_pdf(tmp_path / "bao-cao.docx", tmp_path / "lo")
    for out in (pdf, lo):
        reader = PdfReader(out)
        assert len(reader.pages) > 1, out.name
        assert _sizes_of(reader, 1, "2")[:1] == [13.0], out.name


def _sizes_of(reader: PdfReader, page: int, text: str) -> list[float]:
    """The sizes in points of the runs of ``page`` that read ``text``."""
    sizes: list[float] = []

    def visit(run: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if run.strip() == text:
            sizes.append(round(size * tm[3] * cm[3], 1))

    reader.pages[page].extract_text(visitor_text=visit)
    return sizes


def test_the_rule_under_the_motto_is_as_long_as_the_motto_in_both_formats(tmp_path):
    """Appendix I: a solid rule as long as the motto. The PDF measured the motto; the
    DOCX guessed half an em a letter, a rule 24 pt too long."""
    pdf = _export(tmp_path)
    motto = next(line for line in word_lines(pdf) if [w for _, _, w in line][:2] == ["Độc", "lập"])
    motto_pt = motto[-1][1] - motto[0][0]
    doc = zip_text(tmp_path / "bao-cao.docx", "word/document.xml")
    column = int(re.findall(r'<w:gridCol w:w="(\d+)"', doc)[1])
    indent = int(re.findall(r'<w:ind w:left="(\d+)" w:right="\d+"', doc)[1])  # the issuer's rule, then the motto's
    assert abs((column - 2 * indent) / 20 - motto_pt) < 2, ((column - 2 * indent) / 20, motto_pt)


def test_the_rule_under_the_issuer_is_a_third_to_a_half_of_its_line(tmp_path):
    """Appendix I: the rule under the issuer is 1/3 to 1/2 of the issuer's line. It was
    a third of the column (30% in the PDF): over half of a short name's line."""
    src = tmp_path / "ngan.txt"
    src.write_text("Kết quả quý I\nCác đơn vị đã triển khai kế hoạch.\nVề hạ tầng số, toàn tỉnh đã phủ sóng.\n",
                   encoding="utf-8")
    r = bantin("export", "-f", "pdf,docx", "--style", "nd30", "-M", "issuer=Sở Nông nghiệp", "-o", str(tmp_path),
               str(src))
    assert r.returncode == 0, r.stderr.decode()
    row = next(line for line in word_lines(tmp_path / "ngan.pdf") if line[0][2] == "SỞ")
    issuer = row[:[w for _, _, w in row].index("CỘNG")]  # the left column: the national title is beside it
    issuer_pt = issuer[-1][1] - issuer[0][0]
    doc = zip_text(tmp_path / "ngan.docx", "word/document.xml")
    column = int(re.findall(r'<w:gridCol w:w="(\d+)"', doc)[0])
    indent = int(re.findall(r'<w:ind w:left="(\d+)" w:right="\d+"', doc)[0])
    assert 1 / 3 <= (column - 2 * indent) / 20 / issuer_pt <= 1 / 2
