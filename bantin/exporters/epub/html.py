"""Semantic XHTML for the EPUB, one string per article (one page for a digest)."""

from __future__ import annotations

from bantin.exporters.labels import briefing_meta, count_line, credit_line, digest_meta
from bantin.exporters.markup import attr, escape, tag_span
from bantin.exporters.walk import Walker
from bantin.model import (
    Article,
    Briefing,
    CodeBlock,
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


class Html(Walker):
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
        self.kind = "article"  # "digest" once the walk meets a digest's header
        self.section: list[str] = []  # the digest entry being written, one section

    def x(self, text: str, role: str = "body", face: str = "regular") -> str:
        self.faces.setdefault((role, face), set()).update(text)
        return escape(text)

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

    def digest_header(self, b: Briefing) -> None:
        self.kind = "digest"
        meta = digest_meta(b)
        self.parts.append(f'<h1>{self.x(b.title, "heading", "bold")}</h1>'
                          + (f'<p class="digest-meta">{self.x(meta, "heading")}</p>' if meta else ""))

    def end_digest(self, b: Briefing) -> None:
        self.flush("digest", b.title)

    def group(self, label: str) -> None:
        self.parts.append(f'<h2 class="group">{self.x(label, "heading", "bold")}</h2>')

    def entry_title(self, a: Article, n: int) -> None:
        anchor = f"entry-{n:03d}"
        self.anchors.append((anchor, f"{n}. {a.title}"))
        self.section = [f'<section class="entry" id="{anchor}"><h3>{self.x(f"{n}. {a.title}", "heading", "bold")}</h3>']

    def entry_source(self, source: Text) -> None:
        self.section.append(f'<p class="source-line">{self.spans(source, "heading")}</p>')

    def entry_lede(self, text: str) -> None:
        self.section.append(f'<p class="entry-lede">{self.x(text)}</p>')

    def points(self, items: tuple[Text, ...]) -> None:
        self.section.append('<ul class="points">' + "".join(f"<li>{self.spans(i)}</li>" for i in items) + "</ul>")

    def end_entry(self, a: Article, n: int) -> None:
        self.parts.append("".join(self.section) + "</section>")
        self.section = []

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
