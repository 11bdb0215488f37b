"""Issue 27 in the EPUB and the DOCX: display text keeps each word whole on a line
(its syllables joined by no-break spaces), and a hyphenated range never breaks,
though no text face has U+2011."""

from __future__ import annotations

import re
import zipfile

from helpers import assert_in_order, epubcheck, model_words, pandoc_plain

import bantin as api
from bantin.model import Article, Briefing, Heading, Paragraph, plain
from bantin.model.serialize import dumps

ARTICLE = Article(
    "Vietnam Airlines có Chủ tịch mới",
    lede="Hội đồng quản trị bầu Chủ tịch nhiệm kỳ 2025-2030.",
    blocks=(Heading(plain("Nông dân hoàn thành vụ mùa"), 1),
            Paragraph(plain("Ngày 2-2, giá lúa tăng 5% so với giai đoạn 2020-2024, theo http://a.vn/x-y.")),),
)


def _read(tmp_path):
    """The article as a reader gives it: typography applied (U+2011 in ranges)."""
    src = tmp_path / "a.json"
    src.write_text(dumps(ARTICLE), encoding="utf-8")
    return api.read(src)


def test_epub_titles_keep_words_whole_and_ranges_unbroken(tmp_path):
    path = tmp_path / "a.epub"
    path.write_bytes(api.export(_read(tmp_path), "epub"))
    with zipfile.ZipFile(path) as z:
        pages = [z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml") and "nav" not in n]
        css = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".css"))
    page = "".join(pages)
    h1 = re.search(r"<h1>(.*?)</h1>", page).group(1)
    assert "Chủ\u00a0tịch" in h1 and "Vietnam\u00a0Airlines" in h1
    assert "Nông\u00a0dân" in page and "hoàn\u00a0thành" in page
    # No face draws U+2011: the range is a hyphen in a span that does not wrap.
    assert "\u2011" not in page
    assert '<span class="nobr">2025-2030.</span>' in page and '<span class="nobr">2-2,</span>' in page
    assert ".nobr { white-space: nowrap; }" in css
    assert "http://a.vn/x-y" in page  # an address is not touched
    assert "No errors or warnings detected" in epubcheck(path)
    assert_in_order(model_words(ARTICLE, with_front=True), pandoc_plain(path, "epub"), "EPUB")


def test_docx_titles_keep_words_whole(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(api.export(Briefing("Bản tin sáng", (_read(tmp_path),)), "docx"))
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
    assert body.count("Chủ\u00a0tịch") == 2  # the title and its contents entry; the lede is running text
    assert "Nông\u00a0dân" in body
    assert "<w:noBreakHyphen/>" in body and "\u2011" not in body
    back = pandoc_plain(path, "docx")
    assert_in_order(model_words(ARTICLE, with_front=True), back, "DOCX")
