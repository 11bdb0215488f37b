"""A short all-bold paragraph that introduces the next one (a subheading typed as
bold text, an FAQ's question) never ends a page, in the PDF or in the DOCX as
LibreOffice lays it out; a bold sentence, or one in a table, is not held."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import bantin, pdftotext, soffice_pdf, zip_text

from bantin.exporters.roles import lead_in
from bantin.model import Paragraph, Span

ANSWER = ("Dữ liệu của cơ quan được lưu trên máy chủ đặt tại Việt Nam, mã hóa khi lưu và khi truyền, "
          "chỉ cán bộ được phân quyền mới xem được. ")


def _faq(tmp_path: Path) -> Path:
    """Forty questions, each over an answer of one to five sentences: some
    question lands at a page's foot wherever the pages break."""
    parts = ["# Hỏi đáp về phần mềm quản lý văn bản", ""]
    for n in range(1, 41):
        parts += [f"**Câu hỏi {n}: Dữ liệu có được bảo mật không?**", "", ANSWER * (1 + n % 5), ""]
    src = tmp_path / "hoi-dap.md"
    src.write_text("\n".join(parts), encoding="utf-8")
    return src


def _pages(pdf_text: str) -> list[list[str]]:
    return [[line for line in page.splitlines() if line.strip()] for page in pdf_text.split("\f") if page.strip()]


def _assert_no_page_ends_on_a_question(pdf_text: str) -> None:
    pages = _pages(pdf_text)
    assert len(pages) >= 3
    for page in pages[:-1]:
        # The page's last line of text, above the running footer "Trang n/m".
        body = [line for line in page if not line.strip().startswith("Trang ")]
        assert "Câu hỏi" not in body[-1], body[-3:]


@pytest.mark.parametrize(("spans", "held"), [
    ((Span("Câu hỏi 1: Dữ liệu có được bảo mật không?", strong=True),), True),
    ((Span("Công ty TNHH Gia Kiệm Số", strong=True),), True),
    ((Span("Tiết kiệm khoảng 3–5 giờ mỗi ngày.", strong=True),), False),  # a sentence in bold, not a lead-in
    ((Span("Câu hỏi 1: "), Span("Dữ liệu", strong=True)), False),  # partly bold
    ((Span(" ".join(["chữ"] * 25), strong=True),), False),  # too long to be a heading
    ((Span("Tối thiểu gồm 09 nội dung:"),), True),  # announces the table or list under it (helper-133)
    ((Span(" ".join(["chữ"] * 25) + ":"),), False),  # a long paragraph: held, it would leave a page's third empty
])
def test_what_a_lead_in_is(spans, held):
    assert lead_in(Paragraph(spans)) is held


def test_pdf_never_ends_a_page_on_a_lead_in(tmp_path):
    src = _faq(tmp_path)
    r = bantin("export", "-f", "pdf", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    _assert_no_page_ends_on_a_question(pdftotext(tmp_path / "out" / "hoi-dap.pdf"))


@pytest.mark.slow
def test_docx_keeps_a_lead_in_with_the_next_paragraph(tmp_path):
    src = _faq(tmp_path)
    r = bantin("export", "-f", "docx", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    docx = tmp_path / "out" / "hoi-dap.docx"
    xml = zip_text(docx, "word/document.xml")
    assert xml.count("<w:keepNext/>") >= 39  # the first question is the lede
    _assert_no_page_ends_on_a_question(pdftotext(soffice_pdf(docx, tmp_path)))


def test_epub_asks_reading_systems_to_keep_it(tmp_path):
    src = _faq(tmp_path)
    r = bantin("export", "-f", "epub", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    epub = tmp_path / "out" / "hoi-dap.epub"
    assert zip_text(epub, "EPUB/article-001.xhtml").count('<p class="lead-in">') >= 39
    assert ".lead-in { page-break-after: avoid; break-after: avoid; }" in zip_text(epub, "EPUB/style.css")


def test_pdf_never_ends_a_page_on_the_line_that_announces_a_table(tmp_path):
    """"Tối thiểu gồm 09 nội dung:" ended a page, its table on the next (helper-133)."""
    parts = ["# Mẫu sổ đăng ký văn bản", ""]
    for n in range(1, 31):
        parts += [ANSWER * (1 + n % 4), "", f"Mục {n} tối thiểu gồm các nội dung:", "",
                  "| STT | Nội dung |", "|---|---|", "| 1 | Số, ký hiệu văn bản |", "| 2 | Ngày tháng văn bản |", ""]
    src = tmp_path / "mau-so.md"
    src.write_text("\n".join(parts), encoding="utf-8")
    r = bantin("export", "-f", "pdf", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    pages = _pages(pdftotext(tmp_path / "out" / "mau-so.pdf"))
    assert len(pages) >= 3
    for page in pages[:-1]:
        body = [line for line in page if not line.strip().startswith("Trang ")]
        assert "nội dung:" not in body[-1], body[-3:]
