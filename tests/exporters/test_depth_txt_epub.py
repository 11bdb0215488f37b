"""The widened model (issue 22) in the text briefing and the EPUB, read back: every
word in order, nested items under their parents with their labels, each merged
cell once, each note once, m² as m², a missing picture shown as a placeholder."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from depth_doc import depth_article
from helpers import assert_in_order, epubcheck, model_words, pandoc_plain

import bantin
from bantin.prepare import prepare


@pytest.fixture(scope="module")
def doc() -> bantin.Document:
    return prepare(depth_article(), bantin.load_style("default"))


def test_text_shows_every_construct(doc: bantin.Document) -> None:
    out = bantin.export(doc, "txt").decode().replace("\u00a0", " ")
    assert_in_order(model_words(doc), out, "txt")
    lines = out.splitlines()
    first = next(i for i, x in enumerate(lines) if "Việc thứ nhất" in x)
    assert lines[first].startswith("  1. ") and lines[first + 1].startswith("       a) Mục con thứ nhất")
    assert "  3. Việc thứ ba là nhận kết quả" in lines  # the list goes on after the paragraph
    assert "120 m² và công thức H₂O được ghi đúng[1], theo quy định[2]." in out
    assert out.count("Năm 2024") == 1 and out.count("Chỉ tiêu") == 1  # merged cells once
    assert "— Giám đốc Sở Nông nghiệp" in out
    notes = out[out.index("Chú thích:"):]
    assert [m for m in re.findall(r"^\[(\d)\]", notes, re.M)] == ["1", "2", "3"]
    assert out.count("Phụ lục kèm theo văn bản này") == 1
    assert "\treturn a + b" in out


def test_text_labels_links_after_the_notes() -> None:
    a = bantin.read('{"schema": "bantin/article@3", "title": "T", "blocks": [{"type": "paragraph", "text": ['
                    '{"text": "xem"}, {"text": "1", "note": "a"}, {"text": " trang", "href": "https://x.vn/a"}]}],'
                    ' "notes": [{"id": "a", "blocks": [{"type": "paragraph", "text": "Ghi chú."}]}]}')
    out = bantin.export(a, "txt").decode()
    assert "xem[1] trang [2]" in out and "[2] https://x.vn/a" in out and "[1] Ghi chú." in out


def test_epub_is_valid_and_reads_back_in_order(doc: bantin.Document, tmp_path: Path) -> None:
    path = tmp_path / "depth.epub"
    path.write_bytes(bantin.export(doc, "epub"))
    report = epubcheck(path)
    assert "No errors or warnings detected" in report, report
    text = pandoc_plain(path, "epub")
    assert_in_order(model_words(doc, caption_last=True), text, "epub")
    with zipfile.ZipFile(path) as z:
        html = z.read("EPUB/article-001.xhtml").decode().replace("\u00a0", " ")
    assert html.count('epub:type="noteref"') == 3 and html.count('epub:type="footnote"') == 3
    assert 'href="#ref-1-1"' in html  # each note links back to its reference
    assert '<ol start="3">' in html and '<ol type="a" class="paren lower-alpha"' in html  # "a)" drawn by the CSS
    assert 'rowspan="2"' in html and 'colspan="2"' in html and html.count("Năm 2024") == 1
    assert "<sup>2</sup>" in html and "<sub>2</sub>" in html
    assert "<footer>— Giám đốc Sở Nông nghiệp</footer>" in html
    assert '<div class="placeholder">[Ảnh: Ruộng lúa chín vàng]</div>' in html


def test_text_cards_name_every_header_row_above_a_value() -> None:
    from bantin.model import Article, Cell, Table

    def row(*texts: str, span: int = 1) -> tuple[Cell, ...]:
        return tuple(Cell(bantin.plain(t), colspan=span if i == 1 else 1) for i, t in enumerate(texts))

    head = (Cell(bantin.plain("Tỉnh"), rowspan=2), Cell(bantin.plain("Điểm trung bình"), colspan=2),
            Cell(bantin.plain("Ghi chú rất dài " * 4), rowspan=2))
    table = Table((head, row("Toán", "Ngữ văn"), row("Tỉnh Đông", "6,82", "7,15", "Tăng mạnh"),
                   row("Cả vùng", "6,60", "cao hơn", span=2)), header_rows=2)
    text = bantin.export(Article("Điểm thi", blocks=(table,)), "txt").decode()
    assert "Điểm trung bình – Toán: 6,82" in text and "Điểm trung bình – Ngữ văn: 7,15" in text
    assert "Điểm trung bình: 6,60" in text  # a merged value is labelled by the header over both columns
    assert "Tỉnh: Cả vùng" in text


def test_a_picture_with_no_words_is_a_bare_placeholder() -> None:
    """A picture a reader refused (outside the folder, a decompression bomb) and that
    had no alt text or caption stands as "[Ảnh]" in the text as in the other
    formats, not as "[Ảnh:]" with nothing after the colon."""
    from bantin.model import Article, Figure, Paragraph

    a = Article("Ảnh bị từ chối", blocks=(Paragraph(bantin.plain("Trước ảnh.")), Figure(),
                                          Figure(alt="Ruộng lúa"), Paragraph(bantin.plain("Sau ảnh."))))
    lines = [x.strip() for x in bantin.export(a, "txt").decode().splitlines()]
    assert lines[lines.index("Trước ảnh.") + 1:lines.index("Sau ảnh.")] == ["", "[Ảnh]", "", "[Ảnh: Ruộng lúa]", ""]
    with zipfile.ZipFile(__import__("io").BytesIO(bantin.export(a, "epub"))) as z:
        html = z.read("EPUB/article-001.xhtml").decode()
    assert '<div class="placeholder">[Ảnh]</div>' in html
