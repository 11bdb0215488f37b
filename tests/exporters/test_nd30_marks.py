"""An urgency or secrecy mark ("HỎA TỐC", "MẬT") in Nghị định 30's layout, and a
công văn without a subject.

The clerk stamps the mark under the number, in the header's left column, above
"Kính gửi". The readers keep it as the text's first paragraph, in bold; nd30 set it
as an indented body paragraph, and after "Kính gửi" when that was the lede."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document as Docx
from helpers import bantin, epubcheck, read_back, word_lines
from test_pdf_print import _runs

from bantin.exporters.administrative import parts
from bantin.model import Article, Heading, Paragraph, Span
from bantin.model.labels import is_addressee, is_mark

ADDRESSEE = "Kính gửi: Các bệnh viện trực thuộc Sở."
BODY = "Trước tình hình dịch sốt xuất huyết diễn biến phức tạp, Sở Y tế đề nghị các đơn vị khẩn trương triển khai."
LETTER = ("UBND TỈNH QUẢNG NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc\n"
          "Số: 1234/SYT-NVY\tQuảng Nam, ngày 12 tháng 9 năm 2025\n"
          "V/v tăng cường phòng chống dịch sốt xuất huyết\n"
          f"HỎA TỐC\n\n{ADDRESSEE}\n\n{BODY}\n")
PAGE_LEFT, PAGE_RIGHT = 30 * 72 / 25.4, (210 - 15) * 72 / 25.4  # nd30's text area on A4


@pytest.mark.parametrize(("text", "mark"), [
    ("HỎA TỐC", True), ("HOẢ TỐC", True), ("Thượng khẩn", True), ("TỐI MẬT.", True), ("KHẨN", True), ("DỰ THẢO", True),
    ("KHẨN CẤP", False), ("Mật thư", False), ("TIN NÓNG", False), ("", False),
])
def test_the_decrees_marks_only(text, mark):
    assert is_mark(text) is mark


def test_marks_stand_above_whom_the_letter_is_addressed_to():
    def para(text: str, strong: bool = False) -> Paragraph:
        return Paragraph((Span(text, strong=strong),))

    blocks = (para("HỎA TỐC", True), para("MẬT", True), para(ADDRESSEE), para(BODY))
    assert parts(Article(title="V/v phòng chống dịch", blocks=blocks)) == {0: "mark", 1: "mark", 2: "addressee"}
    heading = (Heading((Span("DỰ THẢO"),), 1), para(BODY))  # bold and short, a Word line reads as a heading
    assert parts(Article(title="V/v phòng chống dịch", blocks=heading)) == {0: "mark"}
    # A mark further down is the text's own line.
    assert parts(Article(title="Tin", blocks=(para(BODY), para("MẬT")))) == {}


def _export(tmp_path: Path, style: str) -> Path:
    src = tmp_path / "cong-van.txt"
    src.write_text(LETTER, encoding="utf-8")
    out = tmp_path / style
    r = bantin("export", "-f", "all", "--style", style, "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return out


@pytest.mark.parametrize("style", ["default", "nd30"])
def test_every_format_keeps_the_mark_above_kinh_gui(tmp_path, style):
    out = _export(tmp_path, style)
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"cong-van.{fmt}")
        order = ["1234/SYT-NVY", "HỎA TỐC", ADDRESSEE, BODY]
        assert all(text.count(p) == 1 for p in order), (fmt, text)
        assert [text.index(p) for p in order] == sorted(text.index(p) for p in order), (fmt, text)


def test_nd30_sets_the_mark_under_the_number(tmp_path):
    out = _export(tmp_path, "nd30")
    pdf = out / "cong-van.pdf"
    mark = next(r for r in _runs(pdf) if r[0] == "HỎA TỐC")
    assert mark[1] == 13 and "Bold" in mark[2], mark
    lines = word_lines(pdf)
    column = PAGE_LEFT + 0.4 * (PAGE_RIGHT - PAGE_LEFT)
    number = [w for w in next(ws for ws in lines if ws[0][2] == "Số:") if w[1] <= column]
    k = next(i for i, ws in enumerate(lines) if ws[0][2] == "HỎA")
    assert abs((lines[k][0][0] + lines[k][-1][1]) / 2 - (number[0][0] + number[-1][1]) / 2) < 3
    assert lines[k + 1][0][2] == "Kính"  # the line above "Kính gửi" (lines run down the page)

    d = Docx(str(out / "cong-van.docx"))
    styles = [(p.text, p.style.name) for p in d.paragraphs if p.text]
    k = styles.index(("HỎA TỐC", "Header Block Mark"))
    assert styles[k + 1] == (ADDRESSEE, "Addressee")
    style = d.styles["Header Block Mark"]
    size = style.font.size or d.styles["Normal"].font.size  # the body's 13 pt, inherited
    assert style.font.bold and size.pt == 13 and style.paragraph_format.alignment == 1
    assert style.paragraph_format.right_indent > style.paragraph_format.left_indent  # the left column

    assert "No errors or warnings detected" in epubcheck(out / "cong-van.epub")
    with zipfile.ZipFile(out / "cong-van.epub") as z:
        xhtml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml") and "nav" not in n)
    assert '<p class="decree-mark"><strong>HỎA TỐC</strong></p>' in xhtml

    txt = (out / "cong-van.txt").read_text(encoding="utf-8").splitlines()
    line = next(x for x in txt if "HỎA TỐC" in x)
    issuer = next(x for x in txt if "SỞ Y TẾ" in x)
    # Centred as the issuer is, in the left column.
    assert abs((len(line) - len(line.lstrip()) + len("HỎA TỐC") / 2)
               - (len(issuer) - len(issuer.lstrip()) + len("SỞ Y TẾ") / 2)) <= 1


def test_default_style_keeps_the_mark_a_bold_paragraph(tmp_path):
    d = Docx(str(_export(tmp_path, "default") / "cong-van.docx"))
    mark = next(p for p in d.paragraphs if p.text == "HỎA TỐC")
    assert mark.style.name != "Header Block Mark" and all(r.bold for r in mark.runs)


def test_the_docx_reads_back_with_its_mark(tmp_path):
    """A clerk revises the nd30 DOCX in Word: it reads back as the text did."""
    from bantin import read

    out = _export(tmp_path, "nd30")
    back = read(out / "cong-van.docx")
    first = read(tmp_path / "cong-van.txt")
    assert isinstance(back, Article) and isinstance(first, Article)
    assert (back.title, back.lede, back.number, back.blocks) == (first.title, first.lede, first.number, first.blocks)


@pytest.mark.parametrize("style", ["default", "nd30"])
def test_a_cong_van_called_by_its_number_prints_no_title_under_it(tmp_path, style):
    """Without "V/v …" the readers call a công văn "Công văn số N": under nd30's
    header block, which shows "Số: N", that title line only repeated the number (the
    PDF's outline still names it). The default style, which has no block, prints it."""
    src = tmp_path / "cong-van.txt"
    src.write_text(LETTER.replace("V/v tăng cường phòng chống dịch sốt xuất huyết\n", ""), encoding="utf-8")
    out = tmp_path / style
    assert bantin("export", "-f", "all", "--style", style, "-o", str(out), str(src)).returncode == 0
    title = "Công văn số 1234/SYT-NVY"
    for fmt in ("txt", "docx", "pdf"):
        # The symbol's hyphen is a no-break one ("1234/SYT\u2011NVY"), a hyphen to a reader.
        assert read_back(out / f"cong-van.{fmt}").replace("\u2011", "-").count(title) == (style == "default"), fmt
    from pypdf import PdfReader

    assert [o.title for o in PdfReader(out / "cong-van.pdf").outline] == [title]


def test_a_decisions_mark_stands_above_its_type(tmp_path):
    """Under a document type ("QUYẾT ĐỊNH") the mark was set after the type and its
    summary, which every format prints first; it is stamped under the number."""
    src = tmp_path / "quyet-dinh.txt"
    src.write_text("SỞ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
                   "Số: 12/QĐ-SYT\tHà Nội, ngày 5 tháng 8 năm 2025\nMẬT\n\nQUYẾT ĐỊNH\n"
                   "Về việc thành lập Tổ công tác phòng chống dịch\n\nĐiều 1. Thành lập Tổ công tác.\n",
                   encoding="utf-8")
    out = tmp_path / "out"
    assert bantin("export", "-f", "all", "--style", "nd30", "-o", str(out), str(src)).returncode == 0
    order = ["12/QĐ-SYT", "MẬT", "QUYẾT ĐỊNH", "Về việc thành lập", "Điều 1."]
    for fmt in ("txt", "pdf"):
        text = read_back(out / f"quyet-dinh.{fmt}")
        assert [text.index(p) for p in order] == sorted(text.index(p) for p in order), (fmt, text)
    paras = [(p.text, p.style.name) for p in Docx(str(out / "quyet-dinh.docx")).paragraphs if p.text]
    assert paras[0] == ("MẬT", "Header Block Mark") and paras[1][0].replace("\u00a0", " ") == "QUYẾT ĐỊNH"
    assert sum(t == "MẬT" for t, _ in paras) == 1
    with zipfile.ZipFile(out / "quyet-dinh.epub") as z:
        xhtml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml") and "nav" not in n)
    body = xhtml[xhtml.index("<body"):]  # the head's <title> names it too
    assert body.index('class="decree-mark"') < body.index("<h1>")


def test_whom_a_letter_is_addressed_to_is_not_what_it_is_about(tmp_path):
    """A công văn's lede is its "Kính gửi: …": the files' subject (PDF Subject, DOCX
    subject, EPUB description) said whom it is sent to (helper-59). They say nothing."""
    from pypdf import PdfReader

    src = tmp_path / "cong-van.txt"
    src.write_text(LETTER.replace("HỎA TỐC\n", ""), encoding="utf-8")
    out = tmp_path / "out"
    assert bantin("export", "-f", "all", "-o", str(out), str(src)).returncode == 0
    assert (PdfReader(out / "cong-van.pdf").metadata or {}).get("/Subject", "") == ""
    assert Docx(str(out / "cong-van.docx")).core_properties.subject == ""
    with zipfile.ZipFile(out / "cong-van.epub") as z:
        opf = next(z.read(n).decode() for n in z.namelist() if n.endswith(".opf"))
    assert "Kính gửi" not in opf and "<dc:title" in opf


@pytest.mark.parametrize(("text", "addressee"), [
    ("Kính gửi: Các bệnh viện", True), ("Kính gởi: Sở Y tế", True), ("Kính gửi Ủy ban nhân dân xã", True),
    ("Kính gửi - Các đơn vị", True), ("Kính mời đại biểu", False), ("Kính gửi", True), ("Kính gửiX", False),
])
def test_whom_a_letter_is_sent_to_in_the_spellings_clerks_type(text, addressee):
    """helper-62: "Kính gởi", no colon, a dash: still whom it is sent to."""
    assert is_addressee(text) is addressee
