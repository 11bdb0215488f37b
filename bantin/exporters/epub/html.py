"""Semantic XHTML for the EPUB, one string per article (one page for a digest)."""

from __future__ import annotations

import re

from bantin.exporters.epub import cells, screen
from bantin.exporters.labels import (
    NOTES,
    QUOC_HIEU,
    RECIPIENTS,
    TIEU_NGU,
    SignatureBlock,
    SignerLines,
    briefing_meta,
    count_line,
    credit_line,
    decree_header,
    digest_meta,
    display,
    linked,
    meta_text,
    placeholder,
    undated,
)
from bantin.exporters.markup import NOTE_SEPARATOR, attr, escape, tag_span, with_marks_apart
from bantin.exporters.roles import lead_in
from bantin.exporters.walk import Walker
from bantin.model import (
    LINE_BREAK,
    Article,
    Block,
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
from bantin.typography.words import join

# A run holding a non-breaking hyphen ("2025\u20112030"): no text face has U+2011,
# so it is written as a hyphen in a span that does not wrap, which keeps the whole
# run on one line in every reading system.
_NB_RUN = re.compile("[^\\s\u2011]*(?:\u2011[^\\s\u2011]*)+")


def _nobr(m: re.Match[str]) -> str:
    return '<span class="nobr">' + drawn(m.group(0)) + "</span>"


def drawn(text: str) -> str:
    """The characters the book draws for ``text``: U+2011 is drawn as a hyphen."""
    return text.replace("\u2011", "-")

_OL_TYPES = {"lower-alpha": "a", "upper-alpha": "A", "lower-roman": "i", "upper-roman": "I", "decimal": "1"}


class Html(Walker):
    """Semantic XHTML, one string per article. Every piece of text goes through
    ``x`` with the font face the CSS will draw it in, so that each embedded face
    is subset to exactly the characters it shows."""

    format = "epub"

    def __init__(self, decree: bool = False, lede_bold: bool = True) -> None:
        self.decree = self.decree_layout = decree  # the style asks for Nghị định 30's header block
        self.lede_bold = lede_bold  # a news sapo is bold; nd30's opening paragraph is not
        self.headed = False  # the article under way opened with it
        self.parts: list[str] = []
        self.faces: dict[tuple[str, str], set[str]] = {}
        self.images: dict[str, Image] = {}  # file name -> image, each stored once
        self.chapters: list[tuple[str, str, str]] = []  # (uid, title, body XHTML)
        self.anchors: list[tuple[str, str]] = []  # a digest's entries, for the navigation
        self.groups: list[tuple[str, str, int]] = []  # its groups: (anchor, label, index of the first entry)
        # Each chapter's headings for the navigation: (anchor, text, level 1 or 2).
        self.sections: dict[str, list[tuple[str, str, int]]] = {}
        self.contained = 0  # inside a list item, quote, cell or note: a heading there is not the article's
        self.unnamed = 0  # pictures with no alt text and no caption: the book does not claim alternativeText
        self.screened: dict[str, Image] = {}  # each picture scaled for the screen once (one shown sixty times)
        self.uid = "article-001"
        self.kind = "article"  # "digest" once the walk meets a digest's header
        self.section: list[str] = []  # the digest entry being written, one section
        self.entry_level = 2  # an entry's heading: h2 under the digest's h1, h3 under a group's h2
        self.quoted = 0  # inside a quotation: its text is set in italics
        self.notes_of: dict[str, int] = {}  # the article's note ids, numbered from 1
        self.refs = 0  # note references written in this article, for their ids
        self.first_ref: dict[int, tuple[int, str]] = {}  # note -> (its first reference's id, its mark)

    def x(self, text: str, role: str = "body", face: str = "regular") -> str:
        if LINE_BREAK in text:
            return "<br/>".join(self.x(line, role, face) for line in text.split(LINE_BREAK))
        if "\u2011" not in text:
            self.faces.setdefault((role, face), set()).update(text)
            return escape(text)
        self.faces.setdefault((role, face), set()).update(drawn(text))
        return _NB_RUN.sub(_nobr, escape(text))

    def display(self, text: str, role: str = "heading", face: str = "bold") -> str:
        """Display text (titles, headings): the syllables of each word joined, so
        that the reading system never breaks a line inside a word ("Chủ tịch")."""
        return self.x(join(text), role, face)

    def spans(self, text: Text, role: str = "body", bold: bool = False, italic: bool = False) -> str:
        out = []
        for s, after_note in with_marks_apart(text):
            if after_note:
                out.append(f"<sup>{NOTE_SEPARATOR}</sup>")
            b, i = bold or s.strong, italic or s.em or self.quoted > 0
            face = "bold_italic" if b and i else "bold" if b else "italic" if i else "regular"
            h = f"<code>{self.x(s.text, 'mono', face)}</code>" if s.code else self.x(s.text, role, face)
            if s.note is not None:
                out.append(self.noteref(s.note, h))
                continue
            if s.sup or s.sub:
                tag = "sup" if s.sup else "sub"
                h = f"<{tag}>{h}</{tag}>"
            out.append(tag_span(s, h, "strong", "em"))
        return "".join(out)

    def noteref(self, note: str, mark: str) -> str:
        """A reference to a note: a link to it, raised, with an id the note links back to."""
        n = self.notes_of.get(note)
        if n is None:  # a reference to no note of this article: its mark, raised, and no link
            return f"<sup>{mark}</sup>"
        self.refs += 1
        self.first_ref.setdefault(n, (self.refs, mark))
        return (f'<sup><a epub:type="noteref" role="doc-noteref" id="ref-{n}-{self.refs}" '
                f'href="#note-{n}">{mark}</a></sup>')

    def render(self, blocks: tuple[Block, ...]) -> str:
        """Blocks inside a container (a list item, a quote, a cell, a note), as XHTML."""
        saved, self.parts = self.parts, []
        self.contained += 1
        try:
            for b in blocks:
                self.block(b, 1)
        finally:
            self.contained -= 1
        out, self.parts = "".join(self.parts), saved
        return out

    def inline_or_blocks(self, blocks: tuple[Block, ...], bold: bool = False) -> str:
        """One paragraph as its text alone (an item or a cell that is one line),
        anything else as blocks."""
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
            return self.spans(blocks[0].text, bold=bold)
        return self.render(blocks)

    def flush(self, uid: str, title: str) -> None:
        self.chapters.append((uid, title, "\n".join(self.parts)))
        self.parts = []

    def header(self, doc: Article | Briefing) -> str:
        """Nghị định 30's header block, when the style asks for it and the document
        names its issuer: the PDF's and the DOCX's two columns, as a table that
        reading systems of every age lay out alike."""
        h = decree_header(doc, self.decree)
        if h is None:
            return ""
        parents = "".join(f'<p class="decree-parent">{self.x(p)}</p>' for p in h.parent)
        subject = f'<p class="decree-subject">{self.x(h.subject)}</p>' if h.subject else ""
        return ('<table class="decree" role="presentation"><tr>'
                f'<td>{parents}<p class="decree-issuer">{self.x(h.issuer, "body", "bold")}</p><hr/></td>'
                f'<td><p class="decree-nation">{self.x(QUOC_HIEU, "body", "bold")}</p>'
                f'<p class="decree-motto"><span>{self.x(TIEU_NGU, "body", "bold")}</span></p></td></tr>'
                f'<tr><td><p>{self.x(h.number)}</p>{subject}</td>'
                f'<td><p class="decree-place">{self.x(h.place_date, "body", "italic")}</p></td></tr></table>')

    def signature(self, s: SignatureBlock) -> None:
        """At the end of the chapter (a bundle's own, after its last article's), as
        on the last page: the recipients and the signer side by side."""
        left = "".join([f'<p class="sign-label">{self.x(RECIPIENTS, "body", "bold_italic")}</p>',
                        *(f'<p class="sign-recipient">{self.x(r)}</p>' for r in s.recipients)]) if s.recipients else ""
        # Several signers side by side, the recipients under them. Each stays one cell,
        # office over name, so that a phone's screen can stack them (css.py); the
        # shorter offices are padded so that the names stand level on a wide one.
        tall = max(len(x.title) + bool(x.signed) for x in s.signers)
        signers = "".join(f"<td>{self.signer(x, tall - len(x.title) - bool(x.signed))}</td>" for x in s.signers)
        if s.beside:
            under = f'<tr class="under"><td>{left}</td>{"<td></td>" * len(s.beside)}</tr>' if left else ""
            block = f'<table class="signature joint" role="presentation"><tr>{signers}</tr>{under}</table>'
        else:
            block = f'<table class="signature" role="presentation"><tr><td>{left}</td>{signers}</tr></table>'
        if self.parts:  # an article of a bundle, its chapter still open
            self.parts.append(block)
            return
        uid, title, body = self.chapters[-1]
        self.chapters[-1] = (uid, title, f"{body}\n{block}")

    def signer(self, s: SignerLines, pad: int = 0) -> str:
        return "".join([*(f'<p class="sign-title">{self.x(t, "body", "bold")}</p>' for t in s.title),
                        *([f'<p class="sign-signed">{self.x(s.signed, "body", "italic")}</p>'] if s.signed else []),
                        '<p class="sign-pad">\u00a0</p>' * pad,
                        f'<p class="sign-name">{self.x(s.name, "body", "bold")}</p>' if s.name else ""])

    def cover(self, b: Briefing) -> None:
        header = self.header(b)
        meta = "" if header else briefing_meta(b)  # the header block already names both
        self.parts.append(
            f'<section class="cover" epub:type="cover">{header}<h1>{self.display(b.title)}</h1>'
            + (f'<p class="cover-meta">{self.x(meta, "heading")}</p>' if meta else "")
            + f'<p class="cover-meta">{self.x(count_line(b), "heading")}</p></section>'
        )
        self.flush("cover", b.title)

    def start_article(self, a: Article, n: int) -> None:
        self.uid = f"article-{max(n, 1):03d}"
        self.notes_of = {note.id: k for k, note in enumerate(a.notes, 1)}
        self.refs = 0
        self.first_ref = {}
        header = "" if n else self.header(a)  # a single công văn names its issuer
        self.headed = bool(header)
        if header:
            self.parts.append(header)

    def end_article(self, a: Article) -> None:
        self.flush(self.uid, a.title)

    def contents(self, b: Briefing) -> None:
        """The briefing's contents are the navigation document itself (see write)."""

    # -- the điểm báo: one page, an anchor per entry for the navigation

    def digest_header(self, b: Briefing) -> None:
        self.kind = "digest"
        header = self.header(b)
        meta = digest_meta(b, bool(header))
        self.parts.append(f'{header}<h1 class="digest-title">{self.display(b.title)}</h1>'
                          + (f'<p class="digest-meta">{self.x(meta, "heading")}</p>' if meta else ""))

    def end_digest(self, b: Briefing) -> None:
        self.flush("digest", b.title)

    def group(self, label: str) -> None:
        self.entry_level = 3
        anchor = f"group-{len(self.groups) + 1:03d}"
        self.groups.append((anchor, label, len(self.anchors)))
        self.parts.append(f'<h2 class="group" id="{anchor}">{self.display(label)}</h2>')

    def entry_title(self, a: Article, n: int) -> None:
        anchor = f"entry-{n:03d}"
        self.anchors.append((anchor, f"{n}. {a.title}"))
        h = f"h{self.entry_level}"
        self.section = [f'<section class="entry" id="{anchor}"><{h}>{self.display(f"{n}. {a.title}")}</{h}>']

    def entry_source(self, source: Text) -> None:
        self.section.append(f'<p class="source-line">{self.spans(source, "heading")}</p>')

    def entry_lede(self, text: str) -> None:
        self.section.append(f'<p class="entry-lede">{self.spans(linked(text))}</p>')

    def points(self, items: tuple[Text, ...]) -> None:
        self.section.append('<ul class="points">' + "".join(f"<li>{self.spans(i)}</li>" for i in items) + "</ul>")

    def end_entry(self, a: Article, n: int) -> None:
        self.parts.append("".join(self.section) + "</section>")
        self.section = []

    def masthead(self, text: str, a: Article) -> None:
        text = undated(text, a) if self.headed else text  # the header block's place-and-date line says it
        if text:
            self.parts.append(f'<p class="masthead">{self.x(text, "heading")}</p>')

    def title(self, a: Article, depth: int) -> None:
        self.parts.append(f"<h1>{self.display(a.title)}</h1>")

    def subject_title(self, a: Article) -> None:
        """The header block shows the title: the chapter's name in the navigation holds it too."""

    def lede(self, text: str) -> None:
        self.parts.append(f'<p class="lede">{self.spans(linked(text), bold=self.lede_bold)}</p>')

    def national_title(self) -> None:
        self.parts.append(f'<div class="national"><p class="decree-nation">{self.x(QUOC_HIEU, "body", "bold")}</p>'
                          f'<p class="decree-motto"><span>{self.x(TIEU_NGU, "body", "bold")}</span></p></div>')

    def decree_part(self, b: Paragraph | Heading, part: str) -> None:
        bold = part in ("authority", "enact", "mark")
        italic = part in ("basis", "closing_place")
        self.parts.append(f'<p class="decree-{part}">{self.spans(b.text, bold=bold, italic=italic)}</p>')

    def summary(self, text: str) -> None:
        # The box is as wide as the summary's longest line, so the rule is a share of that line.
        self.parts.append(f'<div class="summary"><p>{self.spans(linked(text), bold=True)}</p><hr/></div>')

    def visit_heading(self, b: Heading, depth: int) -> None:
        if self.contained:
            # Inside a list item, a quote, a cell or a note: bold text there, as in the
            # PDF and the DOCX, not a heading whose level skips the outline's.
            self.parts.append(f"<p><strong>{self.spans(b.text)}</strong></p>")
            return
        n = min(6, 1 + b.level)
        anchor = ""
        if b.level <= 2 and self.kind == "article" and meta_text(text_of(b.text)).strip():
            # An article's own headings are in the navigation: a reader of thirty
            # sections on a phone goes to the seventeenth from the contents.
            found = self.sections.setdefault(self.uid, [])
            anchor = f' id="section-{len(found) + 1}"'
            found.append((f"section-{len(found) + 1}", " ".join(text_of(b.text).split()), b.level))  # one line
        self.parts.append(f"<h{n}{anchor}>{self.spans(display(b.text), 'heading', bold=True)}</h{n}>")

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        cls = ' class="lead-in"' if lead_in(b) else ""  # kept with the next paragraph, as on paper
        self.parts.append(f"<p{cls}>{self.spans(b.text)}</p>")

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        # Items that carry their own ordinals ("Thứ nhất, …") are a <ul> with no
        # marker: a reading system that sets aside the book's styles would number
        # an <ol> a second time ("1. Thứ nhất, …").
        tag = "ol" if b.ordered and not b.numbered_in_text else "ul"
        cls = ' class="own-numbers"' if b.numbered_in_text else ""
        if b.ordered and not b.numbered_in_text:
            cls += f' start="{b.start}"' if b.start != 1 else ""
            cls += f' type="{_OL_TYPES[b.numbering]}"' if b.numbering != "decimal" else ""
            if b.delimiter != ".":
                # "1)", "a)": a list style writes only "1." and "a."; the CSS draws the
                # marker from the list's own counter (the PDF, DOCX and text say "a)").
                cls += f' class="paren {b.numbering}" style="counter-reset: item {b.start - 1}"'
        items = "".join(f"<li>{self.inline_or_blocks(i.blocks)}</li>" for i in b.items)
        self.parts.append(f"<{tag}{cls}>{items}</{tag}>")

    def visit_quote(self, b: Quote, depth: int) -> None:
        self.quoted += 1
        body = self.render(b.blocks)
        self.quoted -= 1
        footer = f"<footer>— {self.x(b.attribution)}</footer>" if b.attribution else ""
        self.parts.append(f"<blockquote>{body}{footer}</blockquote>")

    def visit_figure(self, b: Figure, depth: int) -> None:
        img = ""
        if b.image is not None:
            sha = b.image.sha256
            if sha not in self.screened:
                self.screened[sha] = screen.fit(b.image)
            shown = self.screened[sha]
            name = f"images/{shown.sha256[:16]}{shown.extension}"
            self.images[name] = shown
            alt = b.alt or text_of(b.caption)
            self.unnamed += 0 if alt.strip() else 1
            img = f'<img src="{name}" alt="{attr(alt)}" width="{shown.width}" height="{shown.height}"/>'
        else:  # the picture is not in the book: say so where it would be, with its alt text
            img = f'<div class="placeholder">[{self.x(placeholder(b))}]</div>'
        caption = self.spans(b.caption, italic=True)
        if b.credit:
            credit = self.x(credit_line(b), "body", "italic")
            caption = f'{caption} <span class="credit">({credit})</span>' if caption else credit
        cap = f"<figcaption>{caption}</figcaption>" if caption else ""
        self.parts.append(f"<figure>{img}{cap}</figure>")

    def visit_table(self, b: Table, depth: int) -> None:
        self.parts.append(cells.table(b, self.spans, self.inline_or_blocks))

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.parts.append('<hr class="break"/>')

    def visit_codeblock(self, b: CodeBlock, depth: int) -> None:
        lang = f' class="language-{attr(b.language)}"' if b.language else ""
        lines = "\n".join(self.x(line, "mono") for line in b.lines)
        self.parts.append(f"<pre><code{lang}>{lines}</code></pre>")

    def byline(self, text: str) -> None:
        self.parts.append(f'<p class="byline">{self.x(text, "body", "bold")}</p>')

    def footnotes(self, a: Article) -> None:
        """The notes at the end of the article, each linking back to its first
        reference: EPUB 3's noteref and footnote, which reading systems show as
        pop-ups. An endnote is marked up as a footnote too: in a book of one
        article per file the two sit in the same place."""
        heading = f'<h2>{self.x(NOTES, "heading", "bold")}</h2>'
        out = [f'<section class="notes" epub:type="footnotes">{heading}']
        for k, note in enumerate(a.notes, 1):
            ref = self.first_ref.get(k)
            back = f'<a href="#ref-{k}-{ref[0]}" role="doc-backlink">{ref[1]}</a>. ' if ref else f"{k}. "
            body = self.render(note.blocks) or "<p></p>"
            # The mark goes inside the note's first paragraph, as a back link.
            body = body.replace("<p>", f"<p>{back}", 1) if body.startswith("<p>") else f"<p>{back}</p>{body}"
            # A note no text refers to (its mark was in the title, say) is set as text:
            # reading systems hide a footnote aside until its mark is tapped.
            out.append(f'<aside id="note-{k}" epub:type="footnote" role="doc-footnote">{body}</aside>' if ref
                       else f'<div id="note-{k}" class="note">{body}</div>')
        self.parts.append("".join(out) + "</section>")

    def notes(self, lines: list[Text]) -> None:
        for line in lines:
            self.parts.append(f'<p class="source">{self.spans(line)}</p>')
