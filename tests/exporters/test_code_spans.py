"""Code is never touched by a typographic rule: inline code and code blocks from
Markdown, web pages and Word files keep every character, in every format, set in
the code face (IBM Plex Mono, embedded only when a document has code)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import bantin, epubcheck, pandoc_plain, pdffonts, pdftotext, soffice_pdf

import bantin as api
from bantin.model import CodeBlock, Paragraph, Span, serialize

CLEAN = "0 fatals / 0 errors / 0 warnings"
INLINE = 'print("xin chào") -- x...'
BLOCK = ['def chào(tên):', '    # "Đừng" -- đổi... gì cả', '    return f"Xin chào {tên}!"', '',
         "    url = 'https://x.vn/a?b=1'"]
MARKDOWN = f"""---
title: Hướng dẫn "dùng" lệnh -- cơ bản
---

Gõ `{INLINE}` rồi bấm "Enter"... là xong.

```python
{chr(10).join(BLOCK).replace("    ", chr(9), 1)}
```

Đoạn "cuối" -- hết.
"""


@pytest.fixture(scope="module")
def article() -> api.Article:
    doc = api.read(MARKDOWN.encode(), source_format="md")
    assert isinstance(doc, api.Article)
    return doc


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("code")
    (tmp / "huong-dan.md").write_text(MARKDOWN, encoding="utf-8")
    r = bantin("export", "-f", "pdf,docx,epub,txt,json", "-o", str(tmp / "out"), str(tmp / "huong-dan.md"))
    assert r.returncode == 0, r.stderr.decode()
    return tmp / "out"


def test_code_keeps_every_character_and_prose_is_set(article):
    para = article.blocks[0]
    assert isinstance(para, Paragraph)
    code = [s for s in para.text if s.code]
    assert [s.text for s in code] == [INLINE]  # straight quotes, "--" and "..." as typed
    prose = "".join(s.text for s in para.text if not s.code)
    assert "“Enter”…" in prose  # the same rules did run on the prose around it
    assert article.title == "Hướng dẫn “dùng” lệnh\u00a0– cơ bản"  # the dash stays with "lệnh"
    block = article.blocks[1]
    assert block == CodeBlock(tuple(BLOCK), "python")  # the tab became four spaces, nothing else moved


def test_an_address_in_code_is_not_made_a_link(article):
    spans = [s for b in article.blocks if isinstance(b, Paragraph) for s in b.text]
    assert all(s.href is None for s in spans)


def test_json_round_trip_and_schema(article):
    text = serialize.dumps(article)
    assert serialize.loads(text) == article
    assert '"code": true' in text and '"type": "code"' in text


def test_text_output_keeps_code_lines(outputs):
    txt = (outputs / "huong-dan.txt").read_text(encoding="utf-8")
    assert INLINE in txt
    for line in BLOCK:
        assert f"    {line}".rstrip() in txt.splitlines()


def test_pdf_draws_code_in_the_embedded_mono_face(outputs):
    pdf = outputs / "huong-dan.pdf"
    text = pdftotext(pdf)
    assert INLINE in text
    for line in BLOCK:
        assert line.strip() in text
    mono = [f for f in pdffonts(pdf) if "IBMPlexMono" in f["name"]]
    assert mono and all(f["emb"] == "yes" and f["uni"] == "yes" for f in mono)


def test_no_code_no_mono_face(tmp_path):
    src = tmp_path / "a.md"
    src.write_text("# Không có mã\n\nChỉ có chữ.\n", encoding="utf-8")
    r = bantin("export", "-f", "pdf,docx,epub", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    assert not any("Mono" in f["name"] for f in pdffonts(tmp_path / "out" / "a.pdf"))
    assert b"IBM Plex Mono" not in api.export(api.read(src), "docx")


@pytest.mark.slow
def test_epub_has_code_elements_and_is_valid(outputs):
    epub = outputs / "huong-dan.epub"
    assert CLEAN in epubcheck(epub)
    plain = pandoc_plain(epub, "epub")
    assert INLINE in plain
    for line in BLOCK:
        assert line.strip() in plain


@pytest.mark.slow
def test_docx_marks_code_for_word_pandoc_and_libreoffice(outputs, tmp_path):
    docx = outputs / "huong-dan.docx"
    plain = pandoc_plain(docx, "docx")
    assert INLINE in plain
    for line in BLOCK:  # pandoc reads the Source Code paragraph as a code block: indented
        assert f"    {line}".rstrip() in plain.splitlines()
    lo = soffice_pdf(docx, tmp_path)
    assert any("IBMPlexMono" in f["name"] and f["emb"] == "yes" for f in pdffonts(lo))
    # bantin reads its own Word file back to the same code
    again = api.read(docx)
    assert isinstance(again, api.Article)
    assert CodeBlock(tuple(BLOCK)) in again.blocks
    assert Span(INLINE, code=True) in [s for b in again.blocks if isinstance(b, Paragraph) for s in b.text]


def test_web_page_code_is_kept(tmp_path):
    words = "Đoạn mở đầu đủ dài để trình trích xuất coi đây là nội dung chính của bài viết này. " * 2
    page = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Mã - Báo Mẫu</title>'
        '<meta property="og:title" content="Bài có mã"></head><body><article><h1>Bài có mã</h1>'
        f"<p>{words}</p><p>Gõ <code>{INLINE.replace('<', '&lt;')}</code> rồi bấm Enter nhé các bạn ơi.</p>"
        f"<pre><code>{chr(10).join(BLOCK)}</code></pre><p>{words}</p></article></body></html>"
    )
    src = tmp_path / "ma.html"
    src.write_text(page, encoding="utf-8")
    doc = api.read(src)
    assert isinstance(doc, api.Article)
    assert CodeBlock(tuple(BLOCK)) in doc.blocks  # a <pre> block used to be dropped
    assert any(s.code and s.text == INLINE for b in doc.blocks if isinstance(b, Paragraph) for s in b.text)


def test_markdown_plugin_writes_code_back(article):
    if "md" not in api.formats():
        pytest.skip("the example plug-in is not installed")
    md = api.export(article, "md").decode()
    assert f"`{INLINE}`" in md
    assert "```python\n" + "\n".join(BLOCK) + "\n```" in md
    assert api.read(md.encode(), source_format="md").blocks[1] == article.blocks[1]


def test_each_style_keeps_its_own_code_face(article, tmp_path):
    sheet = tmp_path / "other-mono.toml"
    sheet.write_text('extends = "default"\nname = "other-mono"\n\n[fonts]\n'
                     'mono = { package = "fontpkg-be-vietnam-pro" }\n', encoding="utf-8")
    first, second = tmp_path / "default.pdf", tmp_path / "other.pdf"
    first.write_bytes(api.export(article, "pdf"))  # the same process registers both styles
    second.write_bytes(api.export(article, "pdf", style=str(sheet)))
    assert any("IBMPlexMono" in f["name"] for f in pdffonts(first))
    names = [f["name"] for f in pdffonts(second)]
    assert not any("Mono" in n for n in names) and any("BeVietnamPro-Regular" in n for n in names)
