"""An outline never skips a level, in any format: a page's h1 then h3 (the h1 its
title) reached the EPUB as h1 then h3 and the DOCX as Title then Heading 2, where a
screen reader's "next heading of level 2" finds nothing. The PDF's outline already
stepped down one level at a time; now the shared walk does it for every writer."""

from __future__ import annotations

import re

from helpers import zip_text

from bantin import api
from bantin.model import Article, Heading, Paragraph, plain

TEXT = plain("Người dân xã ven biển đã chằng chống nhà cửa trước khi bão vào.")


def test_heading_levels_step_down_one_at_a_time_in_epub_and_docx(tmp_path):
    # Source levels 2, 4, 3, 4, 1 are shown 1, 2, 2, 3, 1 under the title: the 3
    # after a 4 stays the 4's sibling (helper-85), the 4 after it is its child.
    a = Article("Ứng phó bão số 3", blocks=(
        Heading(plain("Tình hình chung"), 2), Paragraph(TEXT),
        Heading(plain("Các xã ven biển"), 4), Paragraph(TEXT),
        Heading(plain("Xã đảo"), 3), Paragraph(TEXT), Heading(plain("Thôn ven đê"), 4), Paragraph(TEXT),
        Heading(plain("Kết quả"), 1), Paragraph(TEXT)))
    epub, docx = tmp_path / "a.epub", tmp_path / "a.docx"
    epub.write_bytes(api.export(a, "epub", epoch=0))
    docx.write_bytes(api.export(a, "docx", epoch=0))
    page = zip_text(epub, "EPUB/article-001.xhtml")
    found = [(n, " ".join(t.replace("\xa0", " ").split())) for n, t in re.findall(r"<h(\d)[^>]*>([^<]+)</h\d>", page)]
    assert found == [
        ("1", "Ứng phó bão số 3"), ("2", "Tình hình chung"), ("3", "Các xã ven biển"), ("3", "Xã đảo"),
        ("4", "Thôn ven đê"), ("2", "Kết quả")]
    body = zip_text(docx, "word/document.xml")
    styles = [s for s in re.findall(r'w:pStyle w:val="([^"]+)"', body) if s.startswith(("Heading", "Title"))]
    assert styles == ["Title", "Heading1", "Heading2", "Heading2", "Heading3", "Heading1"]


def test_a_heading_inside_a_list_or_a_quote_is_bold_text_there(tmp_path):
    # helper-85: an h6 in a list item under an h2, an h5 in a quote; the PDF set
    # them as bold text, the EPUB and the DOCX as headings skipping levels.
    from bantin.model import ListBlock, ListItem, Quote

    a = Article("Giao thông", blocks=(
        Heading(plain("Tình hình chung"), 1), Paragraph(TEXT),
        ListBlock(items=(ListItem(blocks=(Heading(plain("Mục trong danh sách"), 5), Paragraph(TEXT))),)),
        Quote(blocks=(Heading(plain("Mục trong trích dẫn"), 4), Paragraph(TEXT)))))
    epub, docx = tmp_path / "a.epub", tmp_path / "a.docx"
    epub.write_bytes(api.export(a, "epub", epoch=0))
    docx.write_bytes(api.export(a, "docx", epoch=0))
    page = zip_text(epub, "EPUB/article-001.xhtml")
    assert re.findall(r"<h(\d)", page) == ["1", "2"]
    assert "<strong>Mục" in page.replace("\xa0", " ") and page.count("<strong>Mục") == 2
    body = zip_text(docx, "word/document.xml")
    assert [s for s in re.findall(r'w:pStyle w:val="([^"]+)"', body) if s.startswith("Heading")] == ["Heading1"]
    assert "Mục trong danh sách" in body.replace("\xa0", " ") and "Mục trong trích dẫn" in body.replace("\xa0", " ")
