"""What a reader of each format must be able to tell apart (helper-112, helper-114,
helper-115): two note marks side by side ("³,⁴", not note 34), a list counted
"1)" (the EPUB said "1."), and the EPUB's landmarks (cover, contents, start)."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from helpers import bantin, pandoc_plain, pdftotext

DOC = """---
title: Chi phí đầu tư xe buýt điện
---

Chi phí đầu tư ước tính 2.500 tỷ đồng[^3][^4], trong đó ngân sách thành phố chiếm 60%.

Các bước thực hiện:

1) Khảo sát tuyến
2) Mua xe
3) Đào tạo lái xe

[^3]: Theo dự toán của Sở Tài chính.
[^4]: Chưa gồm chi phí giải phóng mặt bằng.
"""


def _export(tmp_path: Path, *args: str) -> Path:
    src = tmp_path / "xe-buyt.md"
    src.write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "pdf,docx,epub", *args, "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return out


def test_two_note_marks_side_by_side_are_set_apart_in_every_format(tmp_path):
    out = _export(tmp_path)
    pdf = " ".join(pdftotext(out / "xe-buyt.pdf").split())
    assert "tỷ đồng1,2, trong" in pdf  # the PDF numbers the notes from 1; a raised comma between
    book = zipfile.ZipFile(out / "xe-buyt.epub").read("EPUB/article-001.xhtml").decode()
    assert re.search(r">1</a></sup><sup>,</sup><sup><a [^>]*>2</a></sup>", book), book
    docx = " ".join(pandoc_plain(out / "xe-buyt.docx", "docx").split())
    assert "đồng[1]^(,)[2]," in docx


def test_a_list_counted_with_a_bracket_keeps_it_on_a_phone(tmp_path):
    import weasyprint

    out = _export(tmp_path)
    book = tmp_path / "book"
    with zipfile.ZipFile(out / "xe-buyt.epub") as z:
        z.extractall(book)
    page = book / "EPUB" / "article-001.xhtml"
    pdf = tmp_path / "phone.pdf"
    weasyprint.HTML(filename=str(page), encoding="utf-8").write_pdf(
        pdf, stylesheets=[weasyprint.CSS(string="@page { size: 360px 640px; margin: 0 }")])
    text = pdftotext(pdf)
    assert all(f"{m}) {item}" in text for m, item in zip("123", ("Khảo sát tuyến", "Mua xe", "Đào tạo lái xe"),
                                                           strict=True)), text
    assert not re.search(r"\b[123]\. (?:Khảo|Mua|Đào)", text)


def test_the_book_has_landmarks_hidden_from_its_contents_page(tmp_path):
    src = tmp_path / "hai.md"
    src.write_text("# Bài hai\n\nMột đoạn văn của bài thứ hai.\n", encoding="utf-8")
    _export(tmp_path)
    r = bantin("export", "-f", "epub", "--bundle", "Bản tin sáng", "-o", str(tmp_path / "b"),
               str(tmp_path / "xe-buyt.md"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    with zipfile.ZipFile(tmp_path / "b" / "ban-tin-sang.epub") as z:
        nav, css = z.read("EPUB/nav.xhtml").decode(), z.read("EPUB/style.css").decode()
    landmarks = nav[nav.index('epub:type="landmarks"'):]
    kinds = re.findall(r'<a epub:type="(\w+)" href="([^"]+)"', landmarks)
    assert kinds == [("cover", "cover.xhtml"), ("toc", "nav.xhtml"), ("bodymatter", "article-001.xhtml")]
    assert 'nav[epub|type~="landmarks"] { display: none; }' in css and css.startswith("@namespace epub")
    r = bantin("export", "-f", "epub", "-o", str(tmp_path / "one"), str(src))
    with zipfile.ZipFile(tmp_path / "one" / "hai.epub") as z:
        nav = z.read("EPUB/nav.xhtml").decode()
    assert re.findall(r'<a epub:type="(\w+)"', nav) == ["toc", "bodymatter"]


def test_items_under_an_item_that_counts_itself_stand_under_it(tmp_path):
    # helper-120: "a) …" under "1. …" was nested in the model, the text and the EPUB,
    # and level with the "1." in the PDF and the DOCX.
    from docx import Document as Docx

    src = tmp_path / "giai-phap.txt"
    src.write_text("Hai nhóm giải pháp\n\nSapo của bài viết về hai nhóm giải pháp.\n\nTỉnh đề ra hai nhóm giải pháp:\n"
                   "1. Về hạ tầng:\na) Nâng cấp đường;\nb) Xây điểm dừng chân.\n2. Về con người.\n", encoding="utf-8")
    r = bantin("export", "-f", "pdf,docx", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    boxes = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "out" / "giai-phap.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    left = {w: float(x) for x, w in re.findall(r'xMin="([\d.]+)"[^>]*>(1\.|a\)|b\)|2\.)<', boxes)}
    assert left["a)"] > left["1."] + 10 and left["b)"] == left["a)"] and left["2."] == left["1."], left
    paras = {p.text.split()[0]: p for p in Docx(str(tmp_path / "out" / "giai-phap.docx")).paragraphs if p.text}
    assert paras["a)"].paragraph_format.left_indent and not paras["1."].paragraph_format.left_indent
