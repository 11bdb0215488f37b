"""A document's type and its summary (trích yếu) in Nghị định 30's layout.

Under a title that names a kind of administrative document ("BÁO CÁO"), the next
line says what the document is about: the decree sets it 14 pt bold, centred,
over a short rule of 1/3 to 1/2 of its line. nd30 printed it as an indented
regular paragraph, as the opening of a report's body."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from docx import Document as Docx
from helpers import bantin, epubcheck, read_back, soffice_pdf, word_lines
from test_pdf_print import _rules, _runs

from bantin.exporters.labels import document_type

TYPE, SUMMARY = "BÁO CÁO", "Kết quả triển khai chuyển đổi số quý III năm 2025"
BODY = ("Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2025, Văn phòng báo cáo kết quả như sau.\n"
        "1. Kết quả đạt được\n"
        "Tỷ lệ hồ sơ được tiếp nhận trực tuyến đạt 87,5%, tăng 12% so với quý II.\n")


def _export(tmp_path: Path, style: str, title: str = TYPE, fmt: str = "all") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "bao-cao.txt"
    src.write_text(f"{title}\n{SUMMARY}\n{BODY}", encoding="utf-8")
    out = tmp_path / style
    r = bantin("export", "-f", fmt, "--style", style, "-M", "issuer=UBND phường Kiến Hưng", "-M", "number=15/BC-VP",
               "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return out


@pytest.mark.parametrize(("title", "is_type"), [
    ("BÁO CÁO", True), ("Tờ trình", True), ("QUYẾT ĐỊNH:", True), ("KẾ\u00a0HOẠCH", True),
    # The older tone placement Word files carry: "thoả", "uỷ".
    ("BẢN THOẢ THUẬN", True), ("GIẤY UỶ QUYỀN", True),
    ("Báo cáo kết quả công tác tháng tám", False), ("Hà Nội", False), ("", False),
])
def test_document_types(title, is_type):
    assert document_type(title) is is_type


def test_pdf_sets_the_summary_bold_centred_over_a_short_rule(tmp_path):
    pdf = _export(tmp_path, "nd30", fmt="pdf") / "bao-cao.pdf"
    runs = _runs(pdf)
    summary = next(r for r in runs if r[0] == SUMMARY)
    assert summary[1] == 14 and "Bold" in summary[2], summary
    body = next(r for r in runs if r[0].startswith("Thực hiện"))
    assert "Bold" not in body[2]
    line = next(ws for ws in word_lines(pdf) if ws[0][2] == "Kết")
    left, right = line[0][0], line[-1][1]
    page_left, page_right = 30 * 72 / 25.4, (210 - 15) * 72 / 25.4
    assert abs((left - page_left) - (page_right - right)) < 2  # centred in the text area
    # One rule under the summary, centred under it, 1/3 to 1/2 as long as its line
    # (the header block draws two more, higher up).
    rule = min(_rules(pdf), key=lambda r: r[2])
    assert 1 / 3 <= (rule[1] - rule[0]) / (right - left) <= 1 / 2
    assert abs((rule[0] + rule[1]) / 2 - (left + right) / 2) < 2


def test_docx_summary_style_and_rule_and_libreoffice(tmp_path):
    out = _export(tmp_path, "nd30", fmt="docx")
    d = Docx(str(out / "bao-cao.docx"))
    paras = [p for p in d.paragraphs if p.text or p._p.pPr is not None and p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None]
    i = next(k for k, p in enumerate(paras) if p.text.replace("\u00a0", " ") == SUMMARY)
    summary, rule = paras[i], paras[i + 1]
    assert paras[i - 1].text.replace("\u00a0", " ") == TYPE
    assert summary.style.name == "Document Summary" and summary.style.font.bold
    assert summary.style.paragraph_format.alignment == 1  # centred
    assert summary.style.font.size.pt == 14
    assert rule.text == "" and rule.paragraph_format.left_indent == rule.paragraph_format.right_indent
    assert paras[i + 2].text.startswith("Thực hiện")
    # LibreOffice lays it out as the PDF does: type, summary, body, in that order.
    text = read_back(soffice_pdf(out / "bao-cao.docx", tmp_path / "lo"))
    assert text.index(TYPE) < text.index(SUMMARY) < text.index("Thực hiện Kế hoạch")


def test_docx_reads_back_with_its_summary_as_the_lede(tmp_path):
    """A bantin DOCX revised in Word keeps its fields: the summary under an
    administrative header table, and a Lede there too, come back as the lede."""
    for title, lede in ((TYPE, SUMMARY), ("Kết quả chuyển đổi số của phường", SUMMARY)):
        out = _export(tmp_path / title[:3], "nd30", title=title, fmt="docx")
        r = bantin("inspect", str(out / "bao-cao.docx"))
        assert r.returncode == 0, r.stderr.decode()
        doc = json.loads(r.stdout)
        assert (doc["title"], doc["lede"].replace("\u00a0", " ")) == (title, lede)


def test_epub_and_text(tmp_path):
    out = _export(tmp_path, "nd30")
    assert "No errors or warnings detected" in epubcheck(out / "bao-cao.epub")
    with zipfile.ZipFile(out / "bao-cao.epub") as z:
        xhtml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml") and "nav" not in n)
    assert f'<div class="summary"><p>{SUMMARY}</p><hr/></div>' in xhtml.replace("\u00a0", " ")
    lines = (out / "bao-cao.txt").read_text(encoding="utf-8").splitlines()
    lines = [x.replace("\u00a0", " ") for x in lines]
    k = next(i for i, x in enumerate(lines) if x.strip() == SUMMARY)
    assert lines[k - 1].strip() == TYPE
    rule = lines[k + 1].strip()
    assert set(rule) == {"─"} and len(SUMMARY) / 3 <= len(rule) <= len(SUMMARY) / 2
    for line in (lines[k - 1], lines[k], lines[k + 1]):  # centred on the 72-column line
        pad = len(line) - len(line.lstrip())
        assert abs(pad - (72 - len(line.strip())) // 2) <= 1, line
    for fmt in ("txt", "epub", "docx", "pdf"):  # every word, in order
        text = read_back(out / f"bao-cao.{fmt}")
        assert text.index(TYPE) < text.index(SUMMARY) < text.index("Thực hiện") < text.index("87,5%"), fmt


def test_only_nd30_and_only_under_a_type(tmp_path):
    """The default style keeps its bold sapo; nd30 under an ordinary title keeps
    the opening paragraph as body text."""
    for style, title in (("default", TYPE), ("nd30", "Kết quả chuyển đổi số của phường")):
        out = _export(tmp_path / style, style, title=title)
        with zipfile.ZipFile(out / "bao-cao.epub") as z:
            assert all('class="summary"' not in z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
        lines = (out / "bao-cao.txt").read_text(encoding="utf-8").splitlines()
        assert not any(set(x.strip()) == {"─"} for x in lines[lines.index(title) if title in lines else 0:])
        d = Docx(str(out / "bao-cao.docx"))
        assert all(p.style.name != "Document Summary" for p in d.paragraphs)
