"""EPUB 3 for phones and e-readers (ebooklib), clean under epubcheck.

One XHTML file per article, semantic HTML, CSS generated from the style sheet, and
the style's fonts embedded as subsets of exactly the characters the book uses.
ebooklib's weak spots are handled here rather than trusted: the identifier is
derived from the content (not a random UUID), dcterms:modified comes from
SOURCE_DATE_EPOCH, and the zip is rewritten with the mimetype first and stored
and fixed entry times, so the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from functools import lru_cache
from pathlib import Path

from bantin.exporters import Exporter, Warn
from bantin.exporters._shared import (
    CODE_GROUND,
    CONTENTS,
    attr,
    briefing_meta,
    build_time,
    count_line,
    credit_line,
    digest_meta,
    doc_subject,
    escape,
    source_line,
    tag_span,
    zip_entry,
)
from bantin.exporters.walk import Walker
from bantin.style.fonts import REPERTOIRE, Family, fallback_for, licence, resolve, subset
from bantin.model import (
    Article,
    Briefing,
    CodeBlock,
    Document,
    Figure,
    Heading,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    SectionBreak,
    Table,
    Text,
    text_of,
)
from bantin.style.stylesheet import Style

LANG = "vi"
FACES = {  # face -> (css font-weight, font-style)
    "regular": ("normal", "normal"),
    "bold": ("bold", "normal"),
    "italic": ("normal", "italic"),
    "bold_italic": ("bold", "italic"),
}


def _x(text: str) -> str:
    return escape(text)


class _Html(Walker):
    """Semantic XHTML, one string per article. Every piece of text goes through
    ``x`` with the font face the CSS will draw it in, so that each embedded face
    is subset to exactly the characters it shows."""

    format = "epub"

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.faces: dict[tuple[str, str], set[str]] = {}
        self.images: dict[str, Image] = {}  # file name -> image, each stored once
        self.chapters: list[tuple[str, str, str]] = []  # (uid, title, body XHTML)
        self.anchors: list[tuple[str, str]] = []  # a digest's entries, for the navigation
        self.uid = "article-001"

    def x(self, text: str, role: str = "body", face: str = "regular") -> str:
        self.faces.setdefault((role, face), set()).update(text)
        return _x(text)

    def spans(self, text: Text, role: str = "body", bold: bool = False, italic: bool = False) -> str:
        out = []
        for s in text:
            b, i = bold or s.strong, italic or s.em
            face = "bold_italic" if b and i else "bold" if b else "italic" if i else "regular"
            h = f"<code>{self.x(s.text, 'mono', face)}</code>" if s.code else self.x(s.text, role, face)
            out.append(tag_span(s, h, "strong", "em"))
        return "".join(out)

    def flush(self, uid: str, title: str) -> None:
        self.chapters.append((uid, title, "\n".join(self.parts)))
        self.parts = []

    def cover(self, b: Briefing) -> None:
        meta = briefing_meta(b)
        self.parts.append(
            f'<section class="cover" epub:type="cover"><h1>{self.x(b.title, "heading", "bold")}</h1>'
            + (f"<p>{self.x(meta)}</p>" if meta else "")
            + f"<p>{self.x(count_line(b))}</p></section>"
        )
        self.flush("cover", b.title)

    def start_article(self, a: Article, n: int) -> None:
        self.uid = f"article-{max(n, 1):03d}"

    def end_article(self, a: Article) -> None:
        self.flush(self.uid, a.title)

    def contents(self, b: Briefing) -> None:
        """The briefing's contents are the navigation document itself (see write)."""

    # -- the điểm báo: one page, an anchor per entry for the navigation

    def digest(self, b: Briefing) -> None:
        super().digest(b)
        self.flush("digest", b.title)

    def digest_header(self, b: Briefing) -> None:
        meta = digest_meta(b)
        self.parts.append(f'<h1>{self.x(b.title, "heading", "bold")}</h1>'
                          + (f'<p class="digest-meta">{self.x(meta, "heading")}</p>' if meta else ""))

    def group(self, label: str) -> None:
        self.parts.append(f'<h2 class="group">{self.x(label, "heading", "bold")}</h2>')

    def entry(self, a: Article, n: int) -> None:
        anchor = f"entry-{n:03d}"
        self.anchors.append((anchor, f"{n}. {a.title}"))
        out = [f'<section class="entry" id="{anchor}"><h3>{self.x(f"{n}. {a.title}", "heading", "bold")}</h3>']
        source = source_line(a)
        if source:
            out.append(f'<p class="source-line">{self.spans(source, "heading")}</p>')
        if a.lede:
            out.append(f'<p class="entry-lede">{self.x(a.lede)}</p>')
        for b in a.blocks:
            if isinstance(b, ListBlock):
                out.append('<ul class="points">' + "".join(f"<li>{self.spans(i)}</li>" for i in b.items) + "</ul>")
        self.parts.append("".join(out) + "</section>")
        others = [b for b in a.blocks if not isinstance(b, ListBlock)]
        for b in others:
            self.block(b, 1)

    def masthead(self, text: str, a: Article) -> None:
        self.parts.append(f'<p class="masthead">{self.x(text, "heading")}</p>')

    def title(self, a: Article, depth: int) -> None:
        self.parts.append(f"<h1>{self.x(a.title, 'heading', 'bold')}</h1>")

    def lede(self, text: str) -> None:
        self.parts.append(f'<p class="lede">{self.x(text, "body", "bold")}</p>')

    def visit_heading(self, b: Heading, depth: int) -> None:
        n = min(6, 1 + b.level)
        self.parts.append(f"<h{n}>{self.spans(b.text, 'heading', bold=True)}</h{n}>")

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        self.parts.append(f"<p>{self.spans(b.text)}</p>")

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        tag = "ol" if b.ordered else "ul"
        cls = ' class="own-numbers"' if b.numbered_in_text else ""
        items = "".join(f"<li>{self.spans(i)}</li>" for i in b.items)
        self.parts.append(f"<{tag}{cls}>{items}</{tag}>")

    def visit_quote(self, b: Quote, depth: int) -> None:
        attr = f'<p class="attribution">— {self.x(b.attribution)}</p>' if b.attribution else ""
        self.parts.append(f"<blockquote><p>{self.spans(b.text, italic=True)}</p>{attr}</blockquote>")

    def visit_figure(self, b: Figure, depth: int) -> None:
        img = ""
        if b.image is not None:
            name = f"images/{b.image.sha256[:16]}{b.image.extension}"
            self.images[name] = b.image
            alt = b.alt or text_of(b.caption)
            img = f'<img src="{name}" alt="{attr(alt)}" width="{b.image.width}" height="{b.image.height}"/>'
        caption = self.spans(b.caption, italic=True)
        if b.credit:
            credit = self.x(credit_line(b), "body", "italic")
            caption = f'{caption} <span class="credit">({credit})</span>' if caption else credit
        cap = f"<figcaption>{caption}</figcaption>" if caption else ""
        self.parts.append(f"<figure>{img}{cap}</figure>")

    def visit_table(self, b: Table, depth: int) -> None:
        out = ["<table>"]
        if b.caption:
            out.append(f"<caption>{self.spans(b.caption, bold=True)}</caption>")

        def row(r: tuple[Text, ...], head: bool) -> str:
            cells = []
            for c, cell in enumerate(r):
                align = b.align[c] if c < len(b.align) else "left"
                cls = f' class="{align}"' if align != "left" else ""
                if head:
                    cells.append(f'<th scope="col"{cls}>{self.spans(cell, bold=True)}</th>')
                else:
                    cells.append(f"<td{cls}>{self.spans(cell)}</td>")
            return "<tr>" + "".join(cells) + "</tr>"

        if b.header_rows:
            out.append("<thead>" + "".join(row(r, True) for r in b.rows[: b.header_rows]) + "</thead>")
        out.append("<tbody>" + "".join(row(r, False) for r in b.rows[b.header_rows:]) + "</tbody></table>")
        self.parts.append("".join(out))

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.parts.append('<hr class="break"/>')

    def visit_codeblock(self, b: CodeBlock, depth: int) -> None:
        lang = f' class="language-{attr(b.language)}"' if b.language else ""
        lines = "\n".join(self.x(line, "mono") for line in b.lines)
        self.parts.append(f"<pre><code{lang}>{lines}</code></pre>")

    def byline(self, text: str) -> None:
        self.parts.append(f'<p class="byline">{self.x(text, "body", "bold")}</p>')

    def notes(self, lines: list[Text]) -> None:
        for line in lines:
            self.parts.append(f'<p class="source">{self.spans(line)}</p>')


def _css(style: Style, fonts: list[tuple[str, Family, str]], fallbacks: list[str]) -> str:
    t = style.text
    faces = []
    for role, _fam, face in fonts:
        weight, fstyle = FACES[face]
        faces.append(
            f'@font-face {{ font-family: "{role}"; font-weight: {weight}; font-style: {fstyle}; '
            f'src: url("fonts/{role}-{face}.ttf") format("truetype"); }}'
        )
    for name in fallbacks:
        faces.append(f'@font-face {{ font-family: "{name}"; src: url("fonts/{name}.ttf") format("truetype"); }}')
    then = "".join(f'"{name}", ' for name in fallbacks)
    hs = list(t.heading_sizes) + [t.body_size] * 3
    rel = lambda pt: f"{pt / t.body_size:.3f}em"  # noqa: E731 - sizes relative to the reader's choice
    indent = f"{t.first_line_indent / 10:.2f}cm" if t.first_line_indent else "0"
    return "\n".join(
        faces
        + [
            f'html {{ font-family: "body", {then}serif; line-height: {t.leading}; color: {t.body_colour}; }}',
            "html, body, p, li, h1, h2, h3, blockquote { hyphens: none; -webkit-hyphens: none; "
            "-epub-hyphens: none; adobe-hyphenate: none; }",
            "body { margin: 0 4%; widows: 2; orphans: 2; }",
            f"p {{ margin: 0 0 {t.space_after / t.body_size:.3f}em 0; text-indent: {indent}; "
            f"text-align: {'justify' if t.justify else 'left'}; }}",
            f'h1, h2, h3, h4 {{ font-family: "heading", {then}sans-serif; font-weight: bold; line-height: 1.3; '
            "text-align: left; page-break-after: avoid; break-after: avoid; }",
            f"h1 {{ font-size: {rel(t.title_size)}; margin: 0.2em 0 0.5em; text-wrap: balance; }}",
            f"h2 {{ font-size: {rel(hs[0])}; margin: 1.2em 0 0.4em; }}",
            f"h3 {{ font-size: {rel(hs[1])}; margin: 1em 0 0.3em; }}",
            f"h4 {{ font-size: {rel(hs[2])}; margin: 1em 0 0.3em; }}",
            f'.masthead {{ font-family: "heading", {then}sans-serif; font-size: {rel(t.masthead_size)}; '
            f"color: {t.accent_colour}; text-indent: 0; margin-bottom: 0.6em; }}",
            f".lede {{ font-weight: bold; font-size: {rel(t.lede_size)}; text-indent: 0; }}",
            "ol, ul { margin: 0 0 0.6em 0; padding-left: 1.6em; }",
            ".own-numbers { list-style: none; padding-left: 0; }",
            f".own-numbers li {{ text-indent: {indent}; }}",
            "li { margin-bottom: 0.3em; text-align: justify; }",
            "blockquote { margin: 0.6em 2em; font-style: italic; }",
            "blockquote p.attribution { font-style: normal; text-align: right; }",
            f"figure {{ margin: 0.6em 0; }} figcaption {{ font-style: italic; font-size: {rel(t.caption_size)}; "
            f"color: {t.accent_colour}; }}",
            "hr.break { border: none; text-align: center; margin: 1em 0; }",
            'hr.break::after { content: "* * *"; }',
            ".byline { font-weight: bold; text-align: right; text-indent: 0; margin-top: 1em; }",
            f".source {{ font-size: {rel(t.caption_size)}; text-align: left; text-indent: 0; "
            "word-break: break-all; }",
            ".cover { text-align: center; margin-top: 30%; }",
            ".cover p { text-align: center; text-indent: 0; }",
            "figure img { display: block; max-width: 100%; height: auto; max-height: 60vh; margin: 0 auto; }",
            ".credit { font-style: normal; }",
            f"table {{ border-collapse: collapse; margin: 0.6em 0; font-size: {rel(t.caption_size + 0.5)}; }}",
            "caption { font-weight: bold; text-align: left; margin-bottom: 0.3em; }",
            "th, td { border-top: 0.5px solid #888; border-bottom: 0.5px solid #888; padding: 0.2em 0.4em; "
            "vertical-align: top; text-align: left; }",
            "th.right, td.right { text-align: right; } th.center, td.center { text-align: center; }",
            "a { color: inherit; overflow-wrap: anywhere; word-break: break-word; }",
            f'code, pre {{ font-family: "mono", {then}monospace; hyphens: none; }}',
            # A long line of code wraps on a phone rather than running off the screen.
            f"pre {{ white-space: pre-wrap; overflow-wrap: anywhere; text-align: left; margin: 0.6em 0; "
            f"padding: 0.4em 0.6em; background: {CODE_GROUND}; font-size: 0.82em; line-height: 1.35; }}",
            "nav ol { list-style: none; padding-left: 0; } nav li { margin: 0.4em 0; }",
            f".digest-meta {{ text-align: center; text-indent: 0; color: {t.accent_colour}; }}",
            "section.entry { margin: 1em 0; } section.entry h3 { margin: 0 0 0.2em; }",
            f".source-line {{ font-size: {rel(t.masthead_size)}; color: {t.accent_colour}; text-indent: 0; "
            "margin: 0 0 0.3em; }",
            ".entry-lede { text-indent: 0; } ul.points { margin: 0.2em 0 0 0; padding-left: 1.2em; }",
            f'nav h1, nav h2 {{ font-family: "heading", {then}sans-serif; }}',
            "@media (max-width: 30em) { p, li { text-align: start; } }",
        ]
    )


def _face(path: Path, chars: set[str]) -> bytes:
    """A face subset to the whole Vietnamese repertoire, computed once per process
    and shared by every book; a book that draws more in this face (a rare sign)
    gets its own subset with those characters added."""
    extra = chars - REPERTOIRE
    return subset(path, REPERTOIRE | frozenset(extra) if extra else REPERTOIRE)


def _identifier(canonical: str, style: Style) -> str:
    digest = hashlib.sha256((canonical + style.name).encode("utf-8")).digest()
    return f"urn:uuid:{uuid.UUID(bytes=digest[:16], version=5)}"


@lru_cache(maxsize=32)
def _head(fonts: tuple[tuple[str, bytes], ...]) -> bytes:
    """The zip's first entries: the mimetype (stored, first, as OCF asks) and the
    shared font subsets, compressed once per process and set of faces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zip_entry("mimetype", stored=True), b"application/epub+zip")
        for name, body in fonts:
            z.writestr(zip_entry(name), body)
    return out.getvalue()


def _repack(data: bytes, fonts: tuple[tuple[str, bytes], ...]) -> bytes:
    """ebooklib's zip rewritten with fixed entry times behind ``_head``; the font
    entries ebooklib wrote (empty stand-ins, see write) are left out."""
    skip = {name for name, _ in fonts} | {"mimetype"}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()
                   if i.filename.removeprefix("EPUB/") not in skip and i.filename not in skip]
    out = io.BytesIO(_head(tuple((f"EPUB/{name}", body) for name, body in fonts)))
    out.seek(0, io.SEEK_END)
    with zipfile.ZipFile(out, "a") as z:
        for name, body in entries:
            z.writestr(zip_entry(name), body)
    return out.getvalue()


def write(doc: Document, style: Style, warn: Warn) -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    from bantin.model.serialize import dumps

    html = _Html()
    html.walk(doc)  # first: a block no writer knows fails here, naming its type
    # The canonical JSON holds every piece of text the book shows: it names the
    # book (the identifier) and lists the characters its fonts must keep.
    canonical = dumps(doc)
    book.set_identifier(_identifier(canonical, style))
    book.set_title(doc.title)
    book.set_language(LANG)
    creator = doc.author
    if creator:
        book.add_author(creator)
    subject = doc_subject(doc)
    if subject:
        book.add_metadata("DC", "description", subject)
    when = build_time()
    # dc:date is the article's own date; a build date there would claim the
    # article was published today. The build time goes only to dcterms:modified.
    if doc.date:
        book.add_metadata("DC", "date", doc.date[:10])

    pictured = bool(html.images)
    for prop, value in (
        ("schema:accessMode", "textual"),
        *((("schema:accessMode", "visual"),) if pictured else ()),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        *((("schema:accessibilityFeature", "alternativeText"),) if pictured else ()),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary",
         "Văn bản có cấu trúc tiêu đề và mục lục; ảnh có chú thích và văn bản thay thế."
         if pictured else
         "Văn bản thuần, có cấu trúc tiêu đề và mục lục; không có hình ảnh, âm thanh hay hiệu ứng nhấp nháy."),
    ):
        book.add_metadata(None, "meta", value, {"property": prop})

    families = {"body": resolve(style.body_font), "heading": resolve(style.heading_font)}
    if any(role == "mono" for role, _ in html.faces):  # the code face, only for a book with code
        families["mono"] = resolve(style.mono_font)
    # The regular body face is the CSS default: it also draws the navigation and
    # anything no other rule claims, so it keeps every character of the book.
    face_chars = html.faces
    face_chars.setdefault(("body", "regular"), set()).update(canonical + CONTENTS)
    used = [(role, families[role], face) for role, face in sorted(face_chars) if face_chars[(role, face)] - {" "}]
    # The faces go into the zip through _repack, compressed once per process;
    # ebooklib gets empty stand-ins so that its manifest lists them.
    fonts = tuple((f"fonts/{role}-{face}.ttf", _face(fam.files[face], face_chars[(role, face)]))
                  for role, fam, face in used)
    for role, _fam, face in used:
        book.add_item(epub.EpubItem(uid=f"font-{role}-{face}", file_name=f"fonts/{role}-{face}.ttf",
                                    media_type="font/ttf", content=b""))
    # Characters neither text font has (■, 漢, 🎉) come from the style's fallbacks,
    # each embedded as a subset of just those characters and named after the text
    # fonts in every font-family list.
    needed: dict[Family, set[str]] = {}
    for c in sorted(set(canonical) - set(" \n")):
        if not all(fam.covers(c) for fam in families.values()):
            fb = fallback_for(style.fallback_fonts, c)
            if fb is not None:
                needed.setdefault(fb, set()).add(c)
    extra = [f"fallback-{i}" for i in range(len(needed))]
    for name, (fam, chars) in zip(extra, needed.items(), strict=True):
        book.add_item(epub.EpubItem(uid=f"font-{name}", file_name=f"fonts/{name}.ttf", media_type="font/ttf",
                                    content=subset(fam.files["regular"], frozenset(chars | {" "}))))
    licences = {fam.name: licence(fam) for fam in families.values()}
    for n, (name, text) in enumerate(sorted((k, v) for k, v in licences.items() if v)):
        book.add_item(epub.EpubItem(uid=f"licence-{n}", file_name=f"fonts/OFL-{n}.txt",
                                    media_type="text/plain", content=f"{name}\n\n{text}".encode()))
    for name, image in sorted(html.images.items()):
        book.add_item(epub.EpubImage(uid=f"img-{name[7:23]}", file_name=name, media_type=image.media_type,
                                     content=image.data))

    css = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css",
                        content=_css(style, used, extra).encode("utf-8"))
    book.add_item(css)

    chapters = []
    for uid, title, body in html.chapters:
        c = epub.EpubHtml(uid=uid, title=title, file_name=f"{uid}.xhtml", lang=LANG)
        c.content = f"<html><head><title>{_x(title)}</title></head><body>{body}</body></html>".encode()
        c.add_item(css)
        book.add_item(c)
        chapters.append(c)
    nav = epub.EpubNav(title=CONTENTS)
    nav.add_item(css)
    # The navigation document is the book's contents page; like pandoc, it stays
    # out of the linear reading order, so a reader opens on the text.
    if isinstance(doc, Briefing) and doc.kind == "digest":
        page = chapters[0]
        book.toc = [epub.Link(f"digest.xhtml#{anchor}", title, anchor) for anchor, title in html.anchors]
        book.spine = [page, (nav, "no")]
    elif isinstance(doc, Briefing):
        cover, *articles = chapters
        book.toc = [epub.Link("cover.xhtml", doc.title, "cover"), *articles]
        book.spine = [cover, (nav, "no"), *articles]
    else:
        book.toc = chapters
        book.spine = [*chapters, (nav, "no")]
    book.add_item(epub.EpubNcx())
    book.add_item(nav)

    buf = io.BytesIO()
    epub.write_epub(buf, book, {"mtime": when, "raise_exceptions": True, "epub3_pages": False})
    return _repack(buf.getvalue(), fonts)


def warm(style: Style) -> None:
    import ebooklib.epub  # noqa: F401

    for fam in (resolve(style.body_font), resolve(style.heading_font)):
        for path in set(fam.files.values()):
            _face(path, set())  # the repertoire subsets every book shares


exporter = Exporter("epub", ".epub", write, "EPUB 3 e-book (ebooklib)", warm=warm)
