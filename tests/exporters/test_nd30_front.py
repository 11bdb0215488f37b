"""The front of an administrative document in Nghị định 30's layout: a document's
type and its summary (trích yếu), a công văn's "V/v …" and "Kính gửi: …".

Under a title that names a kind of administrative document ("BÁO CÁO"), the next
line says what the document is about: the decree sets it 14 pt bold, centred,
over a short rule of 1/3 to 1/2 of its line. nd30 printed it as an indented
regular paragraph, as the opening of a report's body."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document as Docx
from helpers import bantin, epubcheck, read_back, soffice_pdf, word_boxes, word_lines
from test_pdf_print import _rules, _runs

from bantin.exporters.administrative import labelled, parts
from bantin.model import Article, Heading, Paragraph, Span
from bantin.model.labels import document_type

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


def test_a_sentence_under_a_documents_type_is_no_summary(tmp_path):
    """A contract copied without its national lines: the text reader takes its first
    sentence ("Hôm nay, … sau đây.") for the sapo, which nd30 set as the summary, bold,
    centred and ruled. A summary is no sentence: it ends with no stop."""
    src = tmp_path / "hd.txt"
    src.write_text("HỢP ĐỒNG LAO ĐỘNG\nHôm nay, tại trụ sở Ủy ban nhân dân xã, các bên thống nhất các nội dung "
                   "sau đây.\nĐiều 1. Các bên cam kết thực hiện đúng các điều khoản của hợp đồng.\n", encoding="utf-8")
    r = bantin("export", "-f", "docx", "--style", "nd30", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    d = Docx(str(tmp_path / "out" / "hd.docx"))
    first = next(p for p in d.paragraphs if p.text.startswith("Hôm nay"))
    assert first.style.name != "Document Summary"


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


SUBJECT = "V/v tăng cường phòng, chống dịch sốt xuất huyết"
ADDRESSEE = "Kính gửi: Ủy ban nhân dân các phường, xã."
LETTER = (f"{SUBJECT}\n{ADDRESSEE}\nThực hiện chỉ đạo của Sở Y tế, Trung tâm Y tế đề nghị các phường triển khai "
          "ngay các nội dung sau.\n1. Tổ chức chiến dịch diệt bọ gậy tại các khu dân cư.\n"
          "Đề nghị các đơn vị khẩn trương thực hiện./.\n")
HEADER = ("-M", "issuer=Trung tâm Y tế quận Hoàng Mai", "-M", "number=245/TTYT-KSBT", "-M", "place=Hà Nội",
          "-M", "date=2025-09-12")


def _letter(tmp_path: Path, *meta: str, src: Path | None = None) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    if src is None:
        src = tmp_path / "cong-van.txt"
        src.write_text(LETTER, encoding="utf-8")
    r = bantin("export", "-f", "all", "--style", "nd30", *meta, "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return tmp_path / "out"


def _once_in_order(fmt: str, text: str, *parts: str) -> None:
    text = text.replace("\u00a0", " ")
    if fmt == "epub":  # pandoc -s prints the book's title first: not part of the page
        text = text.removeprefix(SUBJECT)
    assert all(text.count(p) == 1 for p in parts), [(p, text.count(p)) for p in parts]
    assert [text.index(p) for p in parts] == sorted(text.index(p) for p in parts)


def test_cong_van_subject_under_the_number_in_every_format(tmp_path):
    """Nghị định 30 sets a công văn's "V/v …" under its number, 12–13 pt upright,
    and "Kính gửi: …" apart, 14 pt: it was printed as a bold title over the text."""
    out = _letter(tmp_path, *HEADER)
    for fmt in ("txt", "epub", "docx", "pdf"):
        _once_in_order(fmt, read_back(out / f"cong-van.{fmt}"), "Số: 245/TTYT-KSBT", "V/v tăng cường", ADDRESSEE,
                       "Thực hiện chỉ đạo", "thực hiện./.")
    pdf = out / "cong-van.pdf"
    runs = _runs(pdf)
    subject = [r for r in runs if "V/v" in r[0] or "huyết" in r[0]]
    assert subject and all(r[1] == 12 and "Bold" not in r[2] for r in subject), subject
    lines = word_lines(pdf)
    page_left, page_right = 30 * 72 / 25.4, (210 - 15) * 72 / 25.4
    column = page_left + 0.4 * (page_right - page_left)  # the header's left column, where the number is
    number = [w for w in next(ws for ws in lines if ws[0][2] == "Số:") if w[1] <= column]
    first = next(ws for ws in lines if ws[0][2] == "V/v")
    centre = (number[0][0] + number[-1][1]) / 2
    assert abs((first[0][0] + first[-1][1]) / 2 - centre) < 3  # under the number, centred as it is
    kinh = next(ws for ws in lines if ws[0][2] == "Kính")
    assert abs((kinh[0][0] - page_left) - (page_right - kinh[-1][1])) < 2
    assert next(r for r in runs if r[0].startswith("Kính"))[1] == 14
    from pypdf import PdfReader

    assert [o.title for o in PdfReader(pdf).outline] == [SUBJECT]  # the outline still names it
    d = Docx(str(out / "cong-van.docx"))
    assert not any(p.style.name == "Title" for p in d.paragraphs)
    cell = d.tables[0].rows[1].cells[0]
    assert [p.style.name for p in cell.paragraphs][1:] == ["Header Block Subject"] * (len(cell.paragraphs) - 1)
    assert " ".join(p.text for p in cell.paragraphs[1:]).replace("\u00a0", " ") == SUBJECT
    assert next(p for p in d.paragraphs if p.text.startswith("Kính")).style.name == "Addressee"
    assert "No errors or warnings detected" in epubcheck(out / "cong-van.epub")
    with zipfile.ZipFile(out / "cong-van.epub") as z:
        xhtml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml") and "nav" not in n)
    assert '<p class="decree-subject">' in xhtml and "<h1>" not in xhtml and '<p class="decree-addressee">' in xhtml
    txt = (out / "cong-van.txt").read_text(encoding="utf-8").replace("\u00a0", " ").splitlines()
    k = next(i for i, x in enumerate(txt) if "Số: 245" in x)
    assert txt[k + 1].lstrip().startswith("V/v") and txt[k + 1].index("V/v") < 36  # the left column
    kinh_line = next(x for x in txt if "Kính gửi" in x)
    assert kinh_line.startswith(" " * ((72 - len(ADDRESSEE)) // 2 - 1))


def test_cong_van_reads_back_and_prints_the_same(tmp_path):
    """The DOCX a clerk revises in Word reads back with its title ("V/v …", kept
    as written) and its addressee, and prints again as it did."""
    out = _letter(tmp_path / "a", *HEADER)
    r = bantin("inspect", str(out / "cong-van.docx"))
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout)
    got = (doc["title"], doc["lede"], doc["number"])
    assert tuple(x.replace("\u00a0", " ") for x in got) == (SUBJECT, ADDRESSEE, "245/TTYT-KSBT")
    again = _letter(tmp_path / "b", src=out / "cong-van.docx")
    _once_in_order("pdf", read_back(again / "cong-van.pdf"), "Số: 245/TTYT-KSBT", "V/v tăng cường", ADDRESSEE,
                   "Thực hiện chỉ đạo")


def test_without_an_issuer_the_subject_is_the_title(tmp_path):
    """No header block to stand in: the "V/v …" title is printed as a title."""
    out = _letter(tmp_path)
    for fmt in ("txt", "epub", "docx", "pdf"):
        _once_in_order(fmt, read_back(out / f"cong-van.{fmt}"), SUBJECT, ADDRESSEE, "Thực hiện chỉ đạo")
    assert any(p.style.name == "Title" for p in Docx(str(out / "cong-van.docx")).paragraphs)


DECISION = ("QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác chuyển đổi số phường Kiến Hưng\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG KIẾN HƯNG\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
            "Căn cứ Kế hoạch số 45/KH-UBND ngày 10 tháng 3 năm 2025 của Ủy ban nhân dân phường;\n"
            "Theo đề nghị của Chánh Văn phòng.\nQUYẾT ĐỊNH:\n"
            "Điều 1. Thành lập Tổ công tác chuyển đổi số phường Kiến Hưng.\n"
            "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n")


def _para(text: str) -> Paragraph:
    return Paragraph((Span(text),))


def test_parts_of_a_decision_and_of_a_report():
    blocks = (Heading((Span("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG"),), 1), _para("Căn cứ Luật Tổ chức;"),
              _para("Theo đề nghị của Chánh Văn phòng."), _para("QUYẾT ĐỊNH:"), _para("Điều 1. Thành lập Tổ."),
              _para("Tổ có nhiệm vụ tham mưu."))
    got = parts(Article(title="QUYẾT ĐỊNH", blocks=blocks))
    assert got == {0: "authority", 1: "basis", 2: "basis", 3: "enact", 4: "article"}
    # A report's grounds are its text: without an enacting line nothing is set apart.
    report = (_para("Căn cứ vào kết quả khảo sát, phường đã làm tốt."), _para("Điều 1. không phải nhãn."))
    assert parts(Article(title="BÁO CÁO", blocks=report)) == {}
    # The label in bold, every character kept.
    done = labelled(Paragraph((Span("Điều 12a. Thành "), Span("lập", em=True))))
    assert [(s.text, s.strong, s.em) for s in done.text] == [("Điều 12a.", True, False), (" Thành ", False, False),
                                                             ("lập", False, True)]


def test_decision_parts_in_every_format(tmp_path):
    src = tmp_path / "quyet-dinh.txt"
    src.write_text(DECISION, encoding="utf-8")
    r = bantin("export", "-f", "all", "--style", "nd30", *HEADER, "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    out = tmp_path / "out"
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"quyet-dinh.{fmt}").replace("\u00a0", " ")
        order = ["CHỦ TỊCH ỦY BAN", "Căn cứ Luật", "Theo đề nghị", "QUYẾT ĐỊNH:", "Điều 1. Thành lập", "Điều 2."]
        assert [text.index(p) for p in order] == sorted(text.index(p) for p in order), fmt
    runs = _runs(out / "quyet-dinh.pdf")

    def font(start: str) -> str:
        return next(r[2] for r in runs if r[0].replace("\u00a0", " ").startswith(start))

    assert "Italic" in font("Căn cứ Luật") and "Italic" in font("Theo đề nghị")
    assert "Bold" in font("QUYẾT ĐỊNH:") and "Bold" in font("CHỦ TỊCH")
    assert "Bold" in font("Điều 1.") and "Bold" not in font("Thành lập Tổ")
    lines = word_lines(out / "quyet-dinh.pdf")
    enact = next(ws for ws in lines if ws[0][2] == "QUYẾT" and ws[-1][2] == "ĐỊNH:")
    page_left, page_right = 30 * 72 / 25.4, (210 - 15) * 72 / 25.4
    assert abs((enact[0][0] - page_left) - (page_right - enact[-1][1])) < 2
    d = Docx(str(out / "quyet-dinh.docx"))
    styles = {p.text.replace("\u00a0", " ")[:12]: p.style.name for p in d.paragraphs}
    assert styles["CHỦ TỊCH ỦY "] == "Issuing Authority" and styles["Căn cứ Luật "] == "Legal Basis"
    assert styles["QUYẾT ĐỊNH:"] == "Enacting Line"
    article = next(p for p in d.paragraphs if p.text.startswith("Điều 1."))
    assert article.runs[0].text == "Điều 1." and article.runs[0].bold and not article.runs[1].bold
    assert "No errors or warnings detected" in epubcheck(out / "quyet-dinh.epub")
    txt = (out / "quyet-dinh.txt").read_text(encoding="utf-8").replace("\u00a0", " ").splitlines()
    line = next(x for x in txt if x.strip() == "QUYẾT ĐỊNH:")
    assert abs(len(line) - len(line.lstrip()) - (72 - len("QUYẾT ĐỊNH:")) // 2) <= 1


def _word_header(issuer: str, number: str, subject: str, when: str) -> Any:
    """A new Word document opening with the header table as a clerk types it."""
    d = Docx()
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].text = issuer
    left.add_paragraph(number)
    left.add_paragraph(subject)
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph(when)
    return d


def _word_letter(path: Path) -> Path:
    """A công văn as a clerk makes it in Word: the header and the signature as
    borderless tables, "Kính gửi" centred under the header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = _word_header("TRUNG TÂM Y TẾ QUẬN HOÀNG MAI", "Số: 245/TTYT-KSBT", SUBJECT,
                     "Hoàng Mai, ngày 12 tháng 9 năm 2025")
    d.add_paragraph(ADDRESSEE).alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("Trung tâm Y tế quận đề nghị các phường tổ chức chiến dịch diệt bọ gậy./.")
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    left.add_paragraph("- Như trên;")
    left.add_paragraph("- Lưu: VT, KSBT.")
    right.paragraphs[0].text = "KT. GIÁM ĐỐC"
    right.add_paragraph("PHÓ GIÁM ĐỐC")
    right.add_paragraph("")
    right.add_paragraph("Nguyễn Thị Hoa")
    d.save(str(path))
    return path


def test_word_letter_signs_as_the_decree_sets_it(tmp_path):
    """A Word công văn's own "Nơi nhận" and signer table is set as the decree's
    signature block in nd30 (room to sign, no rules), its words in order; its
    "Kính gửi" centred. The reader reads it as the signature, as it reads the
    same lines copied as text."""
    src = _word_letter(tmp_path / "cong-van.docx")
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "--style", "nd30", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    order = ["Số: 245/TTYT-KSBT", "V/v tăng cường", ADDRESSEE, "diệt bọ gậy", "Nơi nhận:", "Như trên;",
             "Lưu: VT, KSBT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hoa"]
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"cong-van.{fmt}").replace("\u00a0", " ")
        if fmt == "epub":
            text = text.removeprefix(SUBJECT)
        assert all(text.count(p) == 1 for p in order), (fmt, [(p, text.count(p)) for p in order])
        # The text, and pandoc reading the EPUB's and the DOCX's table, go across both columns line by line.
        for run in ([order[:5], order[5:7], order[7:]] if fmt != "pdf" else [order]):
            assert [text.index(p) for p in run] == sorted(text.index(p) for p in run), fmt
    pdf = out / "cong-van.pdf"
    assert len(_rules(pdf)) == 2  # the header's two: the signature is no ruled table
    lines = word_lines(pdf)
    office = next(ws for ws in lines if ws[0][2] == "PHÓ")
    name = next(ws for ws in lines if ws[0][2] == "Nguyễn")
    assert name[0][0] > office[0][0] - 20  # on the right, under the office
    boxes = {w[4]: w[2] for w in word_boxes(pdf)}
    assert boxes["Nguyễn"] - boxes["PHÓ"] > 50  # room to sign and stamp
    kinh = next(ws for ws in lines if ws[0][2] == "Kính")
    page_left, page_right = 30 * 72 / 25.4, (210 - 15) * 72 / 25.4
    assert abs((kinh[0][0] - page_left) - (page_right - kinh[-1][1])) < 2
    names = [p.style.name for t in Docx(str(out / "cong-van.docx")).tables for c in t._cells for p in c.paragraphs]
    assert "Signer Name" in names and "Recipient" in names
    plain = tmp_path / "plain"
    assert bantin("export", "-f", "txt", "-o", str(plain), str(src)).returncode == 0
    assert "Nơi nhận:" in (plain / "cong-van.txt").read_text(encoding="utf-8")
    doc = json.loads(bantin("inspect", str(src)).stdout)
    assert doc["signature"] == {"name": "Nguyễn Thị Hoa", "title": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
                                "recipients": ["Như trên", "Lưu: VT, KSBT"]}
    assert all(b["type"] != "table" for b in doc["blocks"])


def test_signature_table_shapes():
    from bantin.exporters.administrative import signature_table
    from bantin.model import Cell, Table

    def table(*cells: tuple[str, ...]) -> Table:
        return Table(((*(Cell(tuple(_para(x) for x in c)) for c in cells),),))

    got = signature_table(table(("Nơi nhận:", "- Như trên;"), ("GIÁM ĐỐC", "", "Nguyễn Văn A")))
    assert got is not None
    assert (got.recipients, got.title, got.name) == (("- Như trên;",), ("GIÁM ĐỐC",), "Nguyễn Văn A")
    caps = signature_table(table(("Nơi nhận:", "- Như trên;"), ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "NGUYỄN VĂN A")))
    assert caps is not None and (caps.title, caps.name) == (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "NGUYỄN VĂN A")
    alone = signature_table(table(("Nơi nhận:", "- Lưu: VT."), ("GIÁM ĐỐC",)))
    assert alone is not None and (alone.title, alone.name) == (("GIÁM ĐỐC",), "")
    assert signature_table(table(("Ghi chú:", "- Như trên;"), ("GIÁM ĐỐC", "Nguyễn Văn A"))) is None
    # Whatever the block cannot print keeps the table a table (helper-47): no recipient
    # under "Nơi nhận:", a caption, a note in a cell.
    assert signature_table(table(("Nơi nhận:",), ("GIÁM ĐỐC", "Nguyễn Văn A"))) is None
    captioned = table(("Nơi nhận:", "- Lưu: VT."), ("GIÁM ĐỐC", "Nguyễn Văn A"))
    assert signature_table(Table(captioned.rows, caption=(Span("Bảng ký duyệt"),))) is None
    noted = Table(((Cell((_para("Nơi nhận:"), _para("- Lưu: VT."))),
                    Cell((Paragraph((Span("GIÁM ĐỐC"), Span("1", note="n1"))), _para("Nguyễn Văn A")))),))
    assert signature_table(noted) is None
    assert signature_table(table(("Nơi nhận:",), ("GIÁM ĐỐC",), ("x",))) is None  # three columns: a table


def test_default_style_keeps_the_header_words(tmp_path):
    """Outside nd30 there is no header block: the issuer, the number and the place
    and date a Word công văn's header table holds go on the masthead line, where
    only the date was printed and the rest was lost."""
    src = _word_letter(tmp_path / "cong-van.docx")
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"cong-van.{fmt}").replace("\u00a0", " ")
        for part in ("TRUNG TÂM Y TẾ QUẬN HOÀNG MAI", "Số: 245/TTYT-KSBT", "Hoàng Mai, ngày 12 tháng 9 năm 2025"):
            assert text.count(part) == 1, (fmt, part)


@pytest.mark.parametrize("style", ["default", "nd30"])
def test_docx_reads_back_its_signature_and_header_fields(tmp_path, style):
    """A bantin DOCX revised in Word keeps its fields when read again: the
    signature block (its table, in bantin's signature styles) and, on the
    masthead line outside nd30, the issuer, number and place of issue. They came
    back as a table and as a dateline, the issuer and number lost."""
    src = tmp_path / "cong-van.txt"
    src.write_text(LETTER, encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "docx", "--style", style, *HEADER, "-M", "signer=Nguyễn Thị Hoa",
               "-M", "signer_title=KT. Giám đốc; Phó Giám đốc", "-M", "recipients=Như trên; Lưu: VT, KSBT",
               "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(bantin("inspect", str(out / "cong-van.docx")).stdout)
    assert doc["signature"] == {"name": "Nguyễn Thị Hoa", "title": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
                                "recipients": ["Như trên", "Lưu: VT, KSBT"]}
    assert all(b["type"] != "table" for b in doc["blocks"])
    got = (doc["issuer"].upper(), doc["number"], doc["place"], doc["date"])  # nd30 prints the issuer in capitals
    assert got == ("TRUNG TÂM Y TẾ QUẬN HOÀNG MAI", "245/TTYT-KSBT", "Hà Nội", "2025-09-12")
    assert doc.get("dateline") is None


def test_kinh_gui_over_a_list_of_recipients(tmp_path):
    """"Kính gửi:" that names no one itself is centred, and the recipients listed
    under it start after its colon, one line each with its dash, in every format;
    the default style keeps them a list."""
    src = tmp_path / "cong-van.txt"
    src.write_text("V/v phối hợp tổ chức chiến dịch\nKính gửi:\n- Ủy ban nhân dân các phường;\n"
                   "- Trạm Y tế các phường.\nTrung tâm Y tế đề nghị các đơn vị phối hợp tổ chức chiến dịch./.\n",
                   encoding="utf-8")
    out = tmp_path / "out"
    assert bantin("export", "-f", "all", "--style", "nd30", *HEADER, "-o", str(out), str(src)).returncode == 0
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"cong-van.{fmt}")
        order = ["Kính gửi:", "- Ủy ban nhân dân các phường;", "- Trạm Y tế các phường.", "Trung tâm Y tế đề nghị"]
        assert all(text.count(p) == 1 for p in order), (fmt, text)
        assert [text.index(p) for p in order] == sorted(text.index(p) for p in order), fmt
    lines = word_lines(out / "cong-van.pdf")
    kinh = next(ws for ws in lines if ws[0][2] == "Kính")
    first = next(ws for ws in lines if ws[0][2] == "-" and ws[1][2] == "Ủy")
    assert kinh[-1][1] - 5 < first[0][0] < kinh[-1][1] + 40  # from about where the colon ends
    d = Docx(str(out / "cong-van.docx"))
    assert [p.style.name for p in d.paragraphs if p.text.startswith("- ")] == ["Addressee List", "Addressee List Last"]
    assert "No errors or warnings detected" in epubcheck(out / "cong-van.epub")
    plain_out = tmp_path / "plain"
    assert bantin("export", "-f", "txt", "-o", str(plain_out), str(src)).returncode == 0
    assert "– Ủy ban nhân dân các phường;" in (plain_out / "cong-van.txt").read_text(encoding="utf-8")


def test_kinh_gui_over_recipients_typed_in_word(tmp_path):
    """In Word the recipients are often typed as paragraphs, "- Sở Y tế;": under a
    bare "Kính gửi:" they are set after its colon too."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = _word_header("TRUNG TÂM Y TẾ", "Số: 12/TTYT", "V/v phối hợp chiến dịch", "Hà Nội, ngày 02 tháng 10 năm 2025")
    d.add_paragraph("Kính gửi:").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("- Ủy ban nhân dân các phường;")
    d.add_paragraph("- Trạm Y tế các phường.")
    d.add_paragraph("- không phải người nhận: một câu văn dài của phần nội dung công văn.").style = "List Paragraph"
    d.add_paragraph("Trung tâm Y tế đề nghị các đơn vị phối hợp tổ chức chiến dịch./.")
    src = tmp_path / "kg.docx"
    d.save(str(src))
    out = tmp_path / "out"
    assert bantin("export", "-f", "docx", "--style", "nd30", "-o", str(out), str(src)).returncode == 0
    styles = [(p.text[:6], p.style.name) for p in Docx(str(out / "kg.docx")).paragraphs if p.text.startswith("–")]
    assert styles[:2] == [("– Ủy b", "Addressee List"), ("– Trạm", "Addressee List Last")]


def test_a_news_storys_notice_line_is_no_enacting_line():
    """Only a document that names its issuer or its kind enacts: a story quoting
    "THÔNG BÁO:" keeps its paragraphs as they are."""
    blocks = (_para("UBND PHƯỜNG KIẾN HƯNG"), _para("Căn cứ kết quả kiểm tra, phường phát đi thông báo."),
              _para("THÔNG BÁO:"), _para("Điều 5. của quy chế được áp dụng từ tuần sau."))
    assert parts(Article(title="Phường Kiến Hưng tạm dừng cấp phép xây dựng", blocks=blocks)) == {}
    issued = Article(title="Phường Kiến Hưng tạm dừng cấp phép xây dựng", blocks=blocks, issuer="UBND phường Kiến Hưng")
    assert parts(issued) == {0: "authority", 1: "basis", 2: "enact", 3: "article"}


def test_a_link_over_the_article_label_stays_one_link():
    linked = Paragraph((Span("Điều 1. Ban hành Quy chế", href="https://phuong.example/quy-che"),))
    assert labelled(linked) == linked


def test_kinh_gui_under_a_document_type_is_the_addressee(tmp_path):
    """"CÔNG VĂN" is a kind of document, but the line under it that says whom it
    is addressed to is no summary."""
    src = tmp_path / "cong-van.txt"
    src.write_text(f"CÔNG VĂN\n{ADDRESSEE}\nTrung tâm Y tế đề nghị các phường diệt bọ gậy.\n", encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "docx", "--style", "nd30", *HEADER, "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    styles = {p.text: p.style.name for p in Docx(str(out / "cong-van.docx")).paragraphs}
    assert styles[ADDRESSEE] == "Addressee" and "Document Summary" not in styles.values()
