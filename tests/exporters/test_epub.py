"""EPUB checked by epubcheck and read back by pandoc."""

from __future__ import annotations

import re
import zipfile

import pytest
from helpers import (
    EXAMPLES,
    assert_in_order,
    bantin,
    corpus_files,
    corpus_sample,
    epubcheck,
    example_stems,
    load_json,
    model_words,
    needs_corpus,
    pandoc_plain,
    zip_text,
)

CLEAN = "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos"


@pytest.mark.slow
@pytest.mark.parametrize("stem", example_stems())
def test_epubcheck_clean(exported, stem):
    report = epubcheck(exported / f"{stem}.epub")
    assert CLEAN in report, report


@pytest.mark.parametrize("stem", example_stems())
def test_pandoc_reads_every_word(exported, stem):
    doc = load_json(exported / f"{stem}.json")
    assert_in_order(model_words(doc, caption_last=True), pandoc_plain(exported / f"{stem}.epub", "epub"),
                    f"{stem}.epub")


def test_structure_language_and_metadata(exported):
    path = exported / "ban-tin-tong-hop.epub"
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
        names = z.namelist()
    assert "EPUB/toc.ncx" in names and "EPUB/nav.xhtml" in names
    html = zip_text(path, "EPUB/article-001.xhtml")
    assert 'lang="vi"' in html and 'xml:lang="vi"' in html
    for tag in ("<h1>", '<h2 id="section-1">', "<h3", "<ol>", "<ul>", "<blockquote>", "<figure>", "<figcaption>",
                '<p class="byline">', "<em>", "<strong>", '<hr class="break"/>'):
        assert tag in html, tag
    assert "&lt;script&gt;" in html and "a &lt; b &amp;&amp; c &gt; d" in html
    opf = zip_text(path, "EPUB/content.opf")
    assert "<dc:language>vi</dc:language>" in opf
    assert "<dc:creator" in opf and "Nhóm biên tập" in opf  # the byline, not the outlet
    assert "<dc:description>Bài mẫu ở dạng JSON chuẩn" in opf
    assert "<dc:date>2025-05-20</dc:date>" in opf
    assert '<meta property="dcterms:modified">2025-08-05T08:00:00Z</meta>' in opf
    for prop in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                 "schema:accessibilityHazard", "schema:accessibilitySummary"):
        assert f'property="{prop}"' in opf, prop
    assert 'media-type="font/ttf"' in opf and "x-font-ttf" not in opf
    assert re.search(r"urn:uuid:[0-9a-f-]{36}", opf)
    css = zip_text(path, "EPUB/style.css")
    assert "hyphens: none" in css and "@font-face" in css and "text-align: justify" in css


def test_fonts_subset_with_licence_and_small(exported):
    from fontTools.ttLib import TTFont

    path = exported / "hoi-nghi-chuyen-doi-so.epub"
    assert path.stat().st_size < 200_000
    with zipfile.ZipFile(path) as z:
        fonts = [n for n in z.namelist() if n.endswith(".ttf")]
        assert fonts
        import io

        cmaps = {n.rsplit("/", 1)[-1]: set(TTFont(io.BytesIO(z.read(n))).getBestCmap()) for n in fonts}
        # Each face is the Vietnamese repertoire subset every book shares (computed
        # once per process), not the font's whole character set.
        from bantin.style.fonts import REPERTOIRE

        for name, cmap in cmaps.items():
            assert {ord(c) for c in REPERTOIRE if ord(c) in cmap} and len(cmap) <= len(REPERTOIRE), name
            assert all(ord(c) in cmap for c in "ệỄƯởđĐ"), name
        # Only the faces the book draws in: it has no bold italic.
        assert "body-bold_italic.ttf" not in cmaps
        licences = [n for n in z.namelist() if "licence" in n]
        assert licences and "SIL OPEN FONT LICENSE" in z.read(licences[0]).decode().upper()


@pytest.mark.slow
def test_article_without_body_is_valid(tmp_path):
    f = tmp_path / "only-title.txt"
    f.write_text("Chỉ có tiêu đề\n", encoding="utf-8")
    r = bantin("export", "-f", "epub", "-o", str(tmp_path), str(f))
    assert r.returncode == 0, r.stderr
    assert CLEAN in epubcheck(tmp_path / "only-title.epub")


@pytest.mark.slow
def test_bundle_is_a_small_book(tmp_path):
    r = bantin("export", "-f", "epub", "--bundle", "Bản tin tuần", "-M", "issuer=Văn phòng", "-o", str(tmp_path),
               str(EXAMPLES))
    assert r.returncode == 0, r.stderr
    path = tmp_path / "ban-tin-tuan.epub"
    assert CLEAN in epubcheck(path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        opf = z.read("EPUB/content.opf").decode()
    # One contents page (the navigation document), kept out of the reading order.
    assert "EPUB/cover.xhtml" in names and "EPUB/contents.xhtml" not in names
    import bantin as api

    articles = sum(len(api.read(p).articles) if p.suffix == ".json" and "briefing" in p.read_text() else 1
                   for p in EXAMPLES.rglob("*.*") if p.suffix in (".txt", ".json", ".md", ".html", ".docx")
                   and "plugin-markdown" not in p.parts)
    assert sum(n.startswith("EPUB/article-") for n in names) == articles
    spine = re.findall(r"<itemref ([^>]*)/>", opf)
    assert spine[0].startswith('idref="cover"') and 'idref="nav" linear="no"' in spine[1]


def _checked(paths: list) -> dict:
    reports = {p: epubcheck(p) for p in paths}
    return {p.name: r[-800:] for p, r in reports.items() if CLEAN not in r}


@needs_corpus
def test_corpus_bundle_and_one_article_per_shape(tmp_path):
    """The fast lane's check: the whole corpus as one book, and one article of
    each of the corpus's three shapes (one sentence a line, one-line bodies,
    header blocks)."""
    files, sample = corpus_files(), corpus_sample()
    r = bantin("export", "-f", "epub", "-o", str(tmp_path), *map(str, sample))
    assert r.returncode == 0, r.stderr
    r = bantin("export", "-f", "epub", "--bundle", "Toàn bộ kho", "-o", str(tmp_path), *map(str, files))
    assert r.returncode == 0, r.stderr
    epubs = sorted(tmp_path.glob("*.epub"))
    assert len(epubs) == len(sample) + 1
    assert not _checked(epubs)


@pytest.mark.slow
@needs_corpus
def test_corpus_each_article(tmp_path):
    files = corpus_files()
    r = bantin("export", "-f", "epub", "-o", str(tmp_path), *map(str, files))
    assert r.returncode == 0, r.stderr
    epubs = sorted(tmp_path.glob("*.epub"))
    assert len(epubs) == len(files)
    assert not _checked(epubs)


def test_items_with_their_own_ordinals_are_never_numbered_twice(tmp_path):
    """"Thứ nhất, …" items carry their ordinals in their words: a <ul> without a
    marker, so that a reading system that sets the book's styles aside (pandoc here)
    does not put "1." before "Thứ nhất"."""
    from bantin import api
    from bantin.model import Article, ListBlock, ListItem, Paragraph, plain

    items = tuple(ListItem((Paragraph(plain(f"Thứ {n}, một việc cần làm ngay trong năm nay.")),))
                  for n in ("nhất", "hai", "ba"))
    path = tmp_path / "a.epub"
    path.write_bytes(api.export(Article("Tiêu đề", blocks=(ListBlock(items, ordered=True, numbered_in_text=True),)),
                                "epub"))
    with zipfile.ZipFile(path) as z:
        html = z.read("EPUB/article-001.xhtml").decode()
    assert '<ul class="own-numbers">' in html and "<ol" not in html
    text = pandoc_plain(path, "epub")
    assert re.findall(r"^(\S+)\s+Thứ", text, re.M) == ["-", "-", "-"], text


def test_a_phone_reads_the_book_in_any_theme_and_width(tmp_path):
    """What a reader on a phone sees: a table scrolls in its own box, syllables are
    never cut at the line's end, the text takes the theme's colour, a missing picture
    and a quote's speaker are styled, and a digest's headings go h1, h2 (h3 under a
    group)."""
    from bantin import api
    from bantin.model import Article, Cell, Figure, Outlet, Paragraph, Quote, Table, plain

    cell = lambda t: Cell((Paragraph(plain(t)),))  # noqa: E731
    a = Article("Bảng giá lúa", outlet=Outlet(name="Báo Mẫu"), tags=("Đồng bằng sông Cửu Long",),
                blocks=(Table(((cell("Tỉnh"), cell("Giá")), (cell("Đồng Tháp"), cell("7.200"))), header_rows=1),
                        Figure(caption=plain("Cánh đồng lúa")),
                        Quote((Paragraph(plain("Giá lúa giữ ở mức cao.")),), attribution="ông A")))
    path = tmp_path / "a.epub"
    path.write_bytes(api.export(a, "epub"))
    css = zip_text(path, "EPUB/style.css")
    html = zip_text(path, "EPUB/article-001.xhtml")
    assert '<div class="table"><table>' in html and "div.table { overflow-x: auto;" in css
    assert "break-all" not in css
    assert not re.search(r"(?:^|[;{ ])color: #", css.split("@media", 1)[0].split("html {", 1)[1].split("}", 1)[0])
    assert '<div class="placeholder">' in html and ".placeholder {" in css
    assert "<footer>— ông A</footer>" in html and "blockquote footer {" in css
    digest = tmp_path / "d.epub"
    from bantin.digest.build import build

    second = Article("Tin thứ hai", blocks=(Paragraph(plain("Giá lúa tươi tại ruộng dao động từ 7.200 đến 7.600 "
                                                              "đồng mỗi kilôgam trong tuần này.")),))
    digest.write_bytes(api.export(build((a, second), "Điểm báo"), "epub"))
    page = zip_text(digest, "EPUB/digest.xhtml")
    assert re.findall(r"<(h\d)", page) == ["h1", "h2", "h2"], page
    assert "section.entry > h2, section.entry > h3 {" in zip_text(digest, "EPUB/style.css")
    assert CLEAN in epubcheck(path) and CLEAN in epubcheck(digest)


def test_a_style_whose_headings_share_the_body_font_ships_each_face_once(tmp_path):
    """nd30 sets headings in the body's family: one file per face, the licence the
    installed font states under its own name, and no fallback font for a
    non-breaking hyphen, which the book draws as a hyphen."""
    from bantin import api
    from bantin.model import Article, Paragraph, plain

    a = Article("Kế hoạch 2025\u20112030", blocks=(Paragraph(plain("Giai đoạn 2025\u20112030 có 5 mục tiêu.")),))
    path = tmp_path / "a.epub"
    path.write_bytes(api.export(a, "epub", style="nd30"))
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        fonts = sorted(n for n in names if n.endswith(".ttf"))
        bodies = [z.read(n) for n in fonts]
        licences = [z.read(n).decode() for n in names if "licence" in n]
    assert len(set(bodies)) == len(bodies), fonts
    assert not any("fallback" in n for n in fonts), fonts
    assert licences and all("Open Font License" in t for t in licences), licences
    assert not any(t.startswith("Times New Roman") for t in licences), licences
    assert CLEAN in epubcheck(path)


def test_an_articles_headings_are_in_the_contents(tmp_path):
    """helper-71: an article of thirty sections had one entry in the contents and
    no anchor on its headings; a reader on a phone could not go to the seventeenth.
    Each heading is in the navigation (nav and NCX), a subheading under its
    section, each link to an id of the page; a bundle's under their article."""
    body = "".join(f"## Phần {k}: Lĩnh vực số {k}\n\nNội dung phần {k} của báo cáo tổng kết năm.\n\n"
                   + (f"### Mục {k}.1\n\nChi tiết mục {k}.1 của phần này.\n\n" if k == 2 else "") for k in range(1, 31))
    src = tmp_path / "bao-cao.md"
    src.write_text(f"# Báo cáo tổng kết năm 2024\n\nBáo cáo của Ủy ban nhân dân tỉnh.\n\n{body}", encoding="utf-8")
    other = tmp_path / "tin.md"
    other.write_text("# Tin ngắn\n\nMột tin ngắn không có mục nào.\n", encoding="utf-8")
    r = bantin("export", "-f", "epub", "-o", str(tmp_path / "one"), str(src))
    assert r.returncode == 0, r.stderr
    r = bantin("export", "-f", "epub", "--bundle", "Bản tin", "-o", str(tmp_path / "two"), str(other), str(src))
    assert r.returncode == 0, r.stderr
    for book, page in ((tmp_path / "one" / "bao-cao.epub", "article-001.xhtml"),
                       (tmp_path / "two" / "ban-tin.epub", "article-002.xhtml")):
        assert CLEAN in epubcheck(book)
        with zipfile.ZipFile(book) as z:
            nav, ncx = z.read("EPUB/nav.xhtml").decode(), z.read("EPUB/toc.ncx").decode()
            xhtml = z.read(f"EPUB/{page}").decode()
        links = re.findall(rf'<a href="{page}#([^"]+)">([^<]+)</a>', nav)
        assert [t for _, t in links] == [f"Phần {k}: Lĩnh vực số {k}" if k != 2.5 else "Mục 2.1"
                                         for k in (1, 2, 2.5, *range(3, 31))], links[:4]
        assert all(f'id="{a}"' in xhtml for a, _ in links)
        # "Mục 2.1" inside the list of "Phần 2", not beside it.
        assert re.search(r"Phần 2: Lĩnh vực số 2</a>\s*<ol>\s*<li>\s*<a [^>]*>Mục 2\.1</a>", nav), nav[:3000]
        assert ncx.count("<navPoint") >= 32


def test_text_alternatives_are_claimed_only_when_every_picture_has_one():
    """helper-71: the package claimed alternativeText for a picture set with alt="";
    helper-83: and textual access sufficient."""
    import io

    from PIL import Image as Pillow

    import bantin as api
    from bantin.model import Article, Figure, Image, Paragraph, plain

    buf = io.BytesIO()
    Pillow.new("RGB", (300, 200), (40, 120, 200)).save(buf, "PNG")
    image = Image(buf.getvalue(), "image/png", 300, 200)
    for figure, claimed in ((Figure(image=image), False), (Figure(image=image, alt="Cầu Rồng về đêm"), True),
                            (Figure(plain("Cầu Rồng về đêm"), image=image), True)):
        doc = Article("Ảnh", blocks=(Paragraph(plain("Một bức ảnh.")), figure))
        with zipfile.ZipFile(io.BytesIO(api.export(doc, "epub"))) as z:
            opf = z.read("EPUB/content.opf").decode()
        assert ('property="schema:accessibilityFeature">alternativeText<' in opf) == claimed, (figure, opf)
        # helper-83: the picture alone was still said to be unneeded to a reader.
        sufficient = "textual" if claimed else "textual,visual"
        assert f'property="schema:accessModeSufficient">{sufficient}<' in opf, opf


def test_the_digest_title_stands_centred_over_its_line_as_on_paper(tmp_path):
    """helper-90: the review's title stood flush left over its centred "7 bài"."""
    from helpers import EXAMPLES, bantin

    r = bantin("export", "-f", "epub", "--bundle", "Điểm báo", "--digest", "-o", str(tmp_path),
               str(EXAMPLES / "thu-vien-so.txt"), str(EXAMPLES / "mua-lua-dong-thap.txt"))
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(tmp_path / "diem-bao.epub") as z:
        page, css = z.read("EPUB/digest.xhtml").decode(), z.read("EPUB/style.css").decode()
    assert '<h1 class="digest-title">' in page and "h1.digest-title { text-align: center; }" in css


def test_a_note_no_text_refers_to_is_shown_as_text(tmp_path):
    """A note whose mark was lost with the line it stood on (a title's, read as a
    plain field) is no footnote aside, which reading systems hide until its mark is
    tapped: it is text under "Chú thích", and pandoc reads it back. A referred note
    stays a pop-up footnote. Word attaches such a note to the last paragraph."""
    from bantin import api
    from bantin.model import Article, Note, Paragraph, Span, plain

    a = Article("Phụ lục V", blocks=(Paragraph((Span("Đoạn có chú thích"), Span("1", note="fn1"), Span("."))),),
                notes=(Note("fn1", (Paragraph(plain("Chú thích có dấu trong bài.")),)),
                       Note("fn2", (Paragraph(plain("Chú thích mất dấu cùng dòng tiêu đề.")),))))
    path = tmp_path / "phu-luc.epub"
    path.write_bytes(api.export(a, "epub"))
    text = zip_text(path, "EPUB/article-001.xhtml")
    assert re.search(r'<aside id="note-1" epub:type="footnote"', text)
    assert '<div id="note-2" class="note">' in text and "Chú thích mất dấu cùng dòng tiêu đề." in text
    assert "Chú thích mất dấu cùng dòng tiêu đề." in pandoc_plain(path, "epub")
    assert CLEAN in epubcheck(path)
