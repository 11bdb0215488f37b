"""What an editor notices at once (#13), each read back from the output: addresses kept
whole, PDF destinations on their own pages, fallback glyphs instead of code points,
the EPUB's reading order and dates, the chat-ready text style, nd30's header block."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import bantin, epubcheck, pandoc_plain, pdftotext, require, run, zip_text

import bantin as api
from bantin.model import Article, Briefing, Heading, Paragraph, plain

URLS = ["https://example.com/search?q=ha+noi", "http://x.vn/a,b;c:d/tin.html!x",
        "https://bao-mau.example/kinh-te/doanh-nghiep-tang-toc-20240218170223591.htm"]
EMAIL = "toasoan@bao-mau.example"
CLEAN = "0 fatals / 0 errors / 0 warnings"


def url_article() -> str:
    return ("Địa chỉ trên mạng giữ nguyên\n"
            "Các địa chỉ dưới đây phải đến tay bạn đọc nguyên vẹn.\n"
            f"Bạn đọc xem tại {URLS[0]}, hoặc {URLS[1]} và gửi thư về {EMAIL}.\n"
            f"Bài gốc:{URLS[2]} có số liệu \"mới\"...\n")


@pytest.fixture(scope="module")
def urls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("urls")
    (d / "dia-chi.txt").write_text(url_article(), encoding="utf-8")
    r = bantin("export", "-f", "pdf,docx,epub,txt", "-o", str(d / "out"), str(d / "dia-chi.txt"))
    assert r.returncode == 0, r.stderr.decode()
    return d / "out"


def test_addresses_unchanged_and_linked_in_every_format(urls):
    from pypdf import PdfReader

    text = (urls / "dia-chi.txt").read_text(encoding="utf-8")
    flat = re.sub(r"\s+", " ", text)
    for u in [*URLS, EMAIL]:
        assert u in flat, u
        assert u in zip_text(urls / "dia-chi.epub", "EPUB/article-001.xhtml").replace("&amp;", "&")
        assert u in zip_text(urls / "dia-chi.docx", "word/document.xml").replace("&amp;", "&")
    # Each address a link in the paged and e-book formats, pointing at itself.
    uris = {a.get_object()["/A"]["/URI"] for p in PdfReader(urls / "dia-chi.pdf").pages
            for a in p.get("/Annots", []) if "/A" in a.get_object()}
    rels = zip_text(urls / "dia-chi.docx", "word/_rels/document.xml.rels").replace("&amp;", "&")
    html = zip_text(urls / "dia-chi.epub", "EPUB/article-001.xhtml").replace("&amp;", "&")
    for u in [*URLS, f"mailto:{EMAIL}"]:
        assert u in uris and f'Target="{u}"' in rels and f'href="{u}"' in html, u
    # The prose around them still gets its typography.
    assert "“mới”…" in text


def test_pdf_outline_and_contents_jump_to_their_own_pages(tmp_path):
    from pypdf import PdfReader

    long = " ".join(["Đoạn văn dài để đẩy tiêu đề sang trang sau."] * 120)
    arts = tuple(Article(f"Bài số {n}", blocks=(Paragraph(plain(long)), Heading(plain(f"Mục {n}")),
                                                  Paragraph(plain(long)))) for n in range(1, 4))
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(api.export(Briefing("Bản tin", arts), "pdf"))
    r = PdfReader(pdf)
    pages = [p.extract_text() for p in r.pages]

    def flat(outline: list) -> list:
        return [y for x in outline for y in (flat(x) if isinstance(x, list) else [x])]

    items = flat(r.outline)
    assert len(items) == 1 + 3 * 2
    seen = []
    for item in items:
        n = r.get_destination_page_number(item)
        assert item["/Type"] == "/XYZ"
        assert item.title in pages[n], (item.title, n)
        seen.append(n)
    assert seen == sorted(seen) and len(set(seen)) >= 6
    # The contents page's links go to the same pages.
    link_pages = [r.get_destination_page_number(r.named_destinations[a.get_object()["/Dest"]])
                  if isinstance(a.get_object().get("/Dest"), str) else
                  r.get_page_number(a.get_object()["/Dest"][0].get_object())
                  for a in r.pages[1].get("/Annots", []) if "/Dest" in a.get_object()]
    assert link_pages and all(n > 1 for n in link_pages)
    # The cover carries no page number; the others do.
    assert "Trang" not in pages[0] and f"Trang 2/{len(pages)}" in re.sub(r"/\s+", "/", pages[1])


@pytest.mark.parametrize("fmt", ["pdf", "epub", "docx"])
def test_symbols_and_han_nom_come_from_the_fallback_fonts(tmp_path, fmt):
    a = Article("Ký hiệu ■ ★ 漢 喃 𡨸", blocks=(Paragraph(plain("Kết thúc ■. Sao ★, chữ 漢 喃 𡨸.")),))
    warned: list[str] = []
    path = tmp_path / f"k.{fmt}"
    path.write_bytes(api.export(a, fmt, warn=warned.append))
    assert not warned
    if fmt == "pdf":
        text = pdftotext(path)
        fonts = run([require("pdffonts"), str(path)]).stdout
        assert "[U+" not in text and "■" in text and "漢" in text and "𡨸" in text
        assert "Symbola" in fonts and "HanaMinA" in fonts and "HanaMinB" in fonts
    elif fmt == "epub":
        assert CLEAN in epubcheck(path)
        with zipfile.ZipFile(path) as z:
            subsets = {n: len(z.read(n)) for n in z.namelist() if "fallback" in n}
        # Subsets of a few characters, not the 20 MB faces.
        assert len(subsets) == 3 and max(subsets.values()) < 20_000
        assert '"fallback-0"' in zip_text(path, "EPUB/style.css")
    else:
        body = zip_text(path, "word/document.xml")
        assert 'w:ascii="HanaMinB"' in body and 'w:ascii="Symbola"' in body
        with zipfile.ZipFile(path) as z:
            assert sum("fallback" in n for n in z.namelist()) == 3
        assert "𡨸" in pandoc_plain(path, "docx")


def test_epub_dates_only_the_article(tmp_path):
    a = Article("Không ngày", blocks=(Paragraph(plain("x")),))
    with zipfile.ZipFile(io.BytesIO(api.export(a, "epub"))) as z:
        opf = z.read("EPUB/content.opf").decode()
    assert "<dc:date>" not in opf and "dcterms:modified" in opf
    dated = Article("Có ngày", date="2025-08-05", blocks=(Paragraph(plain("x")),))
    with zipfile.ZipFile(io.BytesIO(api.export(dated, "epub"))) as z:
        assert "<dc:date>2025-08-05</dc:date>" in z.read("EPUB/content.opf").decode()


def test_single_article_epub_opens_on_the_text():
    a = Article("Một bài", blocks=(Paragraph(plain("x")),))
    with zipfile.ZipFile(io.BytesIO(api.export(a, "epub"))) as z:
        opf = z.read("EPUB/content.opf").decode()
    spine = re.findall(r"<itemref ([^>]*)/>", opf)
    assert spine == ['idref="article-001"', 'idref="nav" linear="no"']


