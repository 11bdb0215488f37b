"""What closes an article (the byline, the source line, the keywords) never
starts the last page alone: it goes over with the article's last lines, in the
PDF (``Tail``) and in the DOCX as LibreOffice lays it out (keep-with-next)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import bantin, pdftotext, soffice_pdf, zip_text

SENTENCE = ("Ủy ban nhân dân tỉnh đã tổ chức hội nghị tổng kết công tác năm với sự tham dự của đại biểu "
            "các sở, ngành, địa phương và doanh nghiệp trên địa bàn. ")
# Of articles of 20 to 40 paragraphs, one (39) leaves the byline and the source
# lines alone on the DOCX's last page without keep-with-next (LibreOffice 7.4).
LENGTHS = range(20, 41)


def _article(folder: Path, n: int, last: int = 0) -> Path:
    """``n`` paragraphs of one or two sentences; ``last`` sentences more in the last."""
    body = "\n".join((SENTENCE * (1 + i % 2 + (last if i == n - 1 else 0))).strip() for i in range(n))
    src = folder / f"bai-{n}.txt"
    src.write_text("\n".join([
        "Title: Tổng kết công tác năm của tỉnh", "Source: Báo Mẫu", "Link: https://bao-mau.example/a.html",
        "Published Date: 2/9/2024", "Author: Hoàng Yến", "Tags: hội nghị, tổng kết",
        "Summary: Hội nghị tổng kết công tác năm.", "Content: " + body]), encoding="utf-8")
    return src


def _last_page(pdf_text: str) -> list[str]:
    pages = [[x.strip() for x in p.splitlines() if x.strip()] for p in pdf_text.split("\f") if p.strip()]
    # Less the running header (the title) and footer ("Trang n/m").
    return [x for x in pages[-1] if not x.startswith("Trang ") and x != "Tổng kết công tác năm của tỉnh"]


def _assert_tail_has_text(last: list[str]) -> None:
    assert last[-3:] == ["Hoàng Yến", "Nguồn: https://bao-mau.example/a.html", "Từ khóa: hội nghị, tổng kết"], last
    assert len(last) >= 5, last  # at least two lines of the text came over with them


def _export_all(tmp_path: Path, fmt: str) -> list[Path]:
    sources = [_article(tmp_path, n) for n in LENGTHS]
    r = bantin("export", "-f", fmt, "-o", str(tmp_path / "out"), *map(str, sources))
    assert r.returncode == 0, r.stderr.decode()
    return [tmp_path / "out" / f"{src.stem}.{fmt}" for src in sources]


def test_pdf_never_starts_the_last_page_with_the_byline(tmp_path: Path) -> None:
    for pdf in _export_all(tmp_path, "pdf"):
        _assert_tail_has_text(_last_page(pdftotext(pdf)))


@pytest.mark.slow
def test_docx_never_starts_the_last_page_with_the_byline(tmp_path: Path) -> None:
    for docx in _export_all(tmp_path, "docx"):
        _assert_tail_has_text(_last_page(pdftotext(soffice_pdf(docx, tmp_path / "lo"))))


def test_the_docx_chains_keep_with_next_from_the_text_to_the_last_line(tmp_path: Path) -> None:
    src = _article(tmp_path, 3)
    assert bantin("export", "-f", "docx", "-o", str(tmp_path / "out"), str(src)).returncode == 0
    xml = zip_text(tmp_path / "out" / "bai-3.docx", "word/document.xml")
    paras = xml.split("<w:p>")[1:]
    kept = ["<w:keepNext/>" in p for p in paras]
    # … the last paragraph, the byline and the source line keep with the next;
    # the keywords, the article's last line, do not.
    assert kept[-4:] == [True, True, True, False], [p[:200] for p in paras[-4:]]


def test_the_docx_keeps_no_long_last_paragraph(tmp_path: Path) -> None:
    """LibreOffice would move the whole paragraph to keep the byline company, and
    leave a third of the page empty: only what closes the article keeps together."""
    src = _article(tmp_path, 3, last=4)
    assert bantin("export", "-f", "docx", "-o", str(tmp_path / "out"), str(src)).returncode == 0
    xml = zip_text(tmp_path / "out" / "bai-3.docx", "word/document.xml")
    kept = ["<w:keepNext/>" in p for p in xml.split("<w:p>")[1:]]
    assert kept[-4:] == [False, True, True, False]
