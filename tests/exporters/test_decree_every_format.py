"""Nghị định 30's header block in every format: the issuer a clerk gives with
``-M issuer=…`` was printed by the PDF and the DOCX only, and the text and the
EPUB of the same công văn left it out."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from helpers import bantin, epubcheck, pandoc_plain, pdftotext, read_back, word_boxes
from test_pdf_print import _runs

from bantin.exporters.balance import balance
from bantin.exporters.labels import QUOC_HIEU, TIEU_NGU

SOURCE = ("Báo cáo kết quả công tác tháng tám\nSở báo cáo kết quả công tác như sau.\n"
          "Thứ nhất, hoàn thành kế hoạch gieo cấy lúa hè thu.\n")
META = ("-M", "issuer=Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp", "-M", "number=12/BC-SNN",
        "-M", "place=Đồng Tháp", "-M", "date=2025-08-05")
HEADER = ["SỞ NÔNG NGHIỆP", "ĐỒNG THÁP", QUOC_HIEU, TIEU_NGU, "Số: 12/BC-SNN", "Đồng Tháp, ngày 05 tháng 8 năm 2025"]


def _export(tmp_path: Path, *args: str) -> Path:
    src = tmp_path / "cong-van.txt"
    src.write_text(SOURCE, encoding="utf-8")
    r = bantin("export", "-f", "all", *args, "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return tmp_path / "out"


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_every_format_prints_the_header_block(tmp_path):
    out = _export(tmp_path, "--style", "nd30", *META)
    for fmt in ("txt", "epub", "docx", "pdf"):
        flat = read_back(out / f"cong-van.{fmt}")
        for line in HEADER:
            assert line in flat, (fmt, line)
        # The masthead under the block does not say the date a second time.
        assert flat.count("ngày 05 tháng 8 năm 2025") == 1, fmt
    assert "No errors or warnings detected" in epubcheck(out / "cong-van.epub")


def test_text_header_block_is_two_centred_columns(tmp_path):
    txt = (_export(tmp_path, "--style", "nd30", *META) / "cong-van.txt").read_text(encoding="utf-8").splitlines()
    # The national title on the issuer's first line, to the right of it; the
    # place and date on the number's line.
    first = next(line for line in txt if QUOC_HIEU in line)
    assert first.lstrip().startswith("SỞ NÔNG NGHIỆP") and first.index(QUOC_HIEU) > first.index("SỞ")
    numbered = next(line for line in txt if "Số: 12/BC-SNN" in line)
    assert numbered.index("Đồng Tháp, ngày") > numbered.index("Số:")
    assert max(len(line) for line in txt[: txt.index(numbered) + 1]) <= 72
    # A rule under the issuer, and one as long as the motto under it.
    motto = next(i for i, line in enumerate(txt) if TIEU_NGU in line)
    assert "─" * len(TIEU_NGU) in txt[motto + 1]


@pytest.mark.parametrize("style", ["default", "nd30"])
def test_no_block_without_the_style_or_an_issuer(tmp_path, style):
    """The default style draws no block, and nd30 draws none for a document
    that names no issuer (an article, not a công văn)."""
    out = _export(tmp_path, "--style", style, *(META if style == "default" else ()))
    for name in ("cong-van.txt",):
        assert QUOC_HIEU not in (out / name).read_text(encoding="utf-8")
    with zipfile.ZipFile(out / "cong-van.epub") as z:
        assert all(QUOC_HIEU not in z.read(n).decode("utf-8", "replace") for n in z.namelist()
                   if n.endswith(".xhtml"))


def test_digest_and_bundle_carry_the_block(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(SOURCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tin thứ hai về mùa vụ\nNông dân thu hoạch lúa hè thu sớm.\n"
                                    "Giá lúa tăng nhẹ so với tháng trước.\n", encoding="utf-8")
    for extra in (("--bundle", "Báo cáo tổng hợp"), ("--digest", "--bundle", "Điểm báo ngày 5/8")):
        out = tmp_path / extra[0].strip("-")
        r = bantin("export", "-f", "txt,epub", "--style", "nd30", *META, *extra, "-o", str(out),
                   str(src), str(tmp_path / "b.txt"))
        assert r.returncode == 0, r.stderr.decode()
        for f in out.iterdir():
            text = read_back(f)
            assert QUOC_HIEU in text and "SỞ NÔNG NGHIỆP" in text, (extra, f.name)


@pytest.mark.parametrize(("issuer", "width", "lines"), [
    ("VĂN PHÒNG UBND TỈNH BẮC NINH", 26, ["VĂN PHÒNG UBND", "TỈNH BẮC NINH"]),
    ("BỘ NỘI VỤ", 26, ["BỘ NỘI VỤ"]),
    # A word too wide for the measure stands alone; nothing is lost or reordered.
    ("A " + "X" * 30 + " B", 26, ["A", "X" * 30, "B"]),
    # Syllables bound with no-break spaces stay together, written with ordinary ones.
    ("SỞ NÔNG\u00a0NGHIỆP TỈNH ĐỒNG\u00a0THÁP", 16, ["SỞ NÔNG NGHIỆP", "TỈNH ĐỒNG THÁP"]),
])
def test_balance(issuer, width, lines):
    assert balance(issuer, width, len) == lines


def test_issuer_lines_are_balanced_in_every_paged_format(tmp_path):
    """A greedy wrap left "NINH" alone under "VĂN PHÒNG UBND TỈNH BẮC"."""
    src = tmp_path / "cong-van.txt"
    src.write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "txt,pdf,docx", "--style", "nd30", "-M", "issuer=Văn phòng UBND tỉnh Bắc Ninh",
               "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    for text in ((out / "cong-van.txt").read_text(encoding="utf-8"), pdftotext(out / "cong-van.pdf"),
                 pandoc_plain(out / "cong-van.docx", "docx")):
        lines = [line.strip(" |") for line in text.splitlines()]
        assert any(line.startswith("VĂN PHÒNG UBND") and "BẮC" not in line for line in lines), text[:400]
        assert any(line.startswith("TỈNH BẮC NINH") for line in lines), text[:400]


def test_an_issuer_taller_than_a_page_splits_rather_than_fails(tmp_path):
    """The header's rows could not split: a very long issuer stopped the PDF."""
    out = _export(tmp_path, "--style", "nd30", "-M", "issuer=" + " ".join(["Ủy ban nhân dân"] * 250))
    assert read_back(out / "cong-van.pdf").count("ỦY BAN NHÂN DÂN") == 250


def test_the_body_above_the_issuer_in_regular_capitals(tmp_path):
    """`-M issuer="Ủy ban nhân dân tỉnh Bắc Ninh; Văn phòng"`: the body the issuer
    answers to on top, upright, the issuer in bold under it, in every format."""
    out = _export(tmp_path, "--style", "nd30", "-M", "issuer=Ủy ban nhân dân tỉnh Bắc Ninh; Văn phòng")
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"cong-van.{fmt}")
        assert text.index("ỦY BAN NHÂN DÂN") < text.index("TỈNH BẮC NINH") < text.index("VĂN PHÒNG"), fmt
        assert ";" not in text.split("CỘNG HÒA")[0], fmt
    runs = {text: font for text, _size, font in _runs(out / "cong-van.pdf")}
    assert "Bold" not in runs["TỈNH BẮC NINH"] and "Bold" in runs["VĂN PHÒNG"], runs
    with zipfile.ZipFile(out / "cong-van.docx") as z:
        document, styles = z.read("word/document.xml").decode(), z.read("word/styles.xml").decode()
    assert document.index("ỦY BAN NHÂN DÂN") < document.index("VĂN PHÒNG")
    parent = re.search(r'w:styleId="([^"]+)"><w:name w:val="Header Block Parent"', styles)
    issuer = re.search(r'w:styleId="([^"]+)"><w:name w:val="Header Block Issuer"', styles)
    assert parent and issuer
    assert "<w:b/>" not in re.search(rf'w:styleId="{parent.group(1)}".*?</w:style>', styles, re.S).group(0)
    assert "<w:b/>" in re.search(rf'w:styleId="{issuer.group(1)}".*?</w:style>', styles, re.S).group(0)


def test_an_issuer_of_separators_alone_names_no_one(tmp_path):
    out = _export(tmp_path, "--style", "nd30", "-M", "issuer= ; ")
    assert all(QUOC_HIEU not in read_back(out / f"cong-van.{fmt}") for fmt in ("txt", "epub", "docx", "pdf"))


def test_a_drafts_blank_date_line_stays_one_line_in_the_text(tmp_path):
    """Without -M date, "…, ngày … tháng … năm …" is wider than its column: it
    was broken after "…,"; it stays one line, on the number's line."""
    out = _export(tmp_path, "--style", "nd30", "-M", "issuer=Sở Nông nghiệp")
    lines = (out / "cong-van.txt").read_text(encoding="utf-8").splitlines()
    line = next(x for x in lines if "Số:" in x)
    assert "…, ngày" in line and "năm" in line and len(line.rstrip()) <= 72


def test_a_drafts_number_keeps_its_blank(tmp_path):
    """An unnumbered draft's number is its symbol ("Số:      /BYT-KCB"): the blank
    to write the number in by hand was collapsed to "Số: /BYT-KCB"."""
    out = _export(tmp_path, "--style", "nd30", "-M", "issuer=Bộ Y tế", "-M", "number=/BYT-KCB")
    for fmt in ("txt", "docx"):
        text = (out / "cong-van.txt").read_text(encoding="utf-8") if fmt == "txt" else (
            pandoc_plain(out / "cong-van.docx", "docx"))
        assert re.search(r"Số:[\s\u00a0]{5,}/BYT-KCB", text), (fmt, text[:400])
    boxes = {w: (left, right) for _, left, _, right, w in word_boxes(out / "cong-van.pdf")}
    assert boxes["/BYT-KCB"][0] - boxes["Số:"][1] > 25  # points: room for a pen
    with zipfile.ZipFile(out / "cong-van.epub") as z:
        xhtml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    assert "Số:" + "\u00a0" * 10 + "/BYT-KCB" in xhtml


def _lede_fonts(pdf: Path, start: str) -> set[str]:
    from pypdf import PdfReader

    fonts: set[str] = set()

    def seen(text: str, _cm: object, _tm: object, font: dict | None, _size: float) -> None:
        if text.strip().startswith(start) and font:
            fonts.add(str(font.get("/BaseFont")))

    PdfReader(pdf).pages[0].extract_text(visitor_text=seen)
    return fonts


@pytest.mark.parametrize(("style", "bold"), [("default", True), ("nd30", False)])
def test_the_opening_paragraph_is_bold_only_in_a_news_sheet(tmp_path, style, bold):
    """A news sapo is bold and flush left; Nghị định 30 sets a report's opening
    paragraph as body text, indented 1 cm like the others."""
    out = _export(tmp_path, "--style", style, *META)
    fonts = _lede_fonts(out / "cong-van.pdf", "Sở báo cáo kết quả")
    assert fonts and all(("Bold" in f) is bold for f in fonts), fonts
    styles = zipfile.ZipFile(out / "cong-van.docx").read("word/styles.xml").decode()
    lede = re.search(r'w:styleId="Lede">.*?</w:style>', styles).group(0)
    assert ("<w:b/>" in lede) is bold and ('w:firstLine="567"' in lede) is (not bold)
    css = zipfile.ZipFile(out / "cong-van.epub").read("EPUB/style.css").decode()
    assert f".lede {{ font-weight: {'bold' if bold else 'normal'};" in css
