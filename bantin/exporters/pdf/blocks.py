"""The body of the walk: one flowable (or a few) per block, and the helpers every
part of the story uses to set text."""

from __future__ import annotations

import io
from typing import Any

from reportlab.platypus import CondPageBreak, KeepTogether, Spacer
from reportlab.platypus import Image as Picture

from bantin.exporters import Warn
from bantin.exporters.labels import credit_line, short_title
from bantin.exporters.pdf import tables
from bantin.exporters.pdf.flowables import Marked, Outlined
from bantin.exporters.pdf.fonts import Fonts, mono
from bantin.exporters.pdf.ink import KEEP_LIMIT, Ink, split
from bantin.exporters.pdf.styles import loose, styles
from bantin.exporters.roles import figure_size, roles
from bantin.exporters.walk import Walker
from bantin.model import (
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    SectionBreak,
    Span,
    Table,
    Text,
    plain,
    text_of,
)
from bantin.style.stylesheet import Style


class Blocks(Walker):
    """The platypus story of a document: one flowable list, built by one walk."""

    format = "pdf"

    def __init__(self, style: Style, fonts: Fonts, warn: Warn, width: float, height: float) -> None:
        self.style, self.fonts, self.warn = style, fonts, warn
        self.width, self.height = width, height  # the frame's, in points
        self.st = styles(style, fonts)
        self.story: list[Any] = []
        self.count = 0
        self.ink = Ink(fonts, warn, "")
        self.depth = 0
        self.last_level = 0
        self.link = style.text.accent_colour
        # Which family draws each role: a character's coverage is checked against it.
        self.families = {name: fonts.heading_family if r.font == "heading" else fonts.body_family
                         for name, r in roles(style).items()}

    # -- helpers

    def para(self, markup: str, pst: Any, outline: Outlined | None = None, **kw: Any) -> Any:
        p = Marked(markup, pst, **kw)
        p.outline = outline
        return p

    def paras(self, text: Text, pst: Any, outline: Outlined | None = None, **kw: Any) -> None:
        """One paragraph, or consecutive ones when it is long: the outline mark and
        a bullet go on the first. Only a short paragraph keeps with the next one:
        reportlab loops for ever on a keep-with-next block taller than the page."""
        family = self.families.get(pst.name, self.fonts.body_family)
        chunks = split(text)
        keep = len(chunks) == 1 and sum(len(s.text) for s in text) <= KEEP_LIMIT
        for i, chunk in enumerate(chunks):
            self.story.append(self.para(self.ink.spans(chunk, family, self.link), pst if keep else loose(pst),
                                        outline if i == 0 else None, **(kw if i == 0 else {})))

    def outline(self, title: str, level: int, toc: bool = False) -> Outlined:
        self.count += 1
        return Outlined(short_title(title, 200), level, f"o{self.count}", toc)

    # -- blocks

    def visit_heading(self, b: Heading, depth: int) -> None:
        level = min(depth + b.level, self.last_level + 1)  # an outline may not skip a level
        self.last_level = level
        self.story.append(CondPageBreak(self.st["body"].leading * 4))
        self.paras(b.text, self.st[f"h{min(b.level, 3)}"], self.outline(text_of(b.text), level))

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        self.paras(b.text, self.st["body"])

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        for n, item in enumerate(b.items, 1):
            if b.numbered_in_text:
                self.paras(item.text, self.st["own_item"])
            else:
                self.paras(item.text, self.st["item"], bulletText=f"{n}." if b.ordered else "–")
        self.story.append(Spacer(1, self.style.text.space_after / 2))

    def visit_quote(self, b: Quote, depth: int) -> None:
        self.paras(b.text, self.st["quote"])
        if b.attribution:
            self.paras(plain("— " + b.attribution), self.st["attribution"])

    def visit_figure(self, b: Figure, depth: int) -> None:
        """The image (sized by ``figure_size``), kept on one page with its caption
        and credit."""
        start = len(self.story)
        if b.image is not None:
            w, h = figure_size(b.image, self.width, self.height)
            pic = Picture(io.BytesIO(b.image.data), width=w, height=h)
            pic.hAlign = "CENTER"
            self.story.append(pic)
        caption = b.caption
        if b.credit:
            credit = credit_line(b)
            caption = (*caption, Span(f" ({credit})")) if caption else plain(credit)
        if caption:
            self.paras(caption, self.st["caption"])
        kept = self.story[start:]
        if len(kept) > 1 and sum(len(s.text) for s in caption) <= KEEP_LIMIT:
            self.story[start:] = [KeepTogether(kept)]

    def visit_table(self, b: Table, depth: int) -> None:
        if b.caption:
            self.paras(b.caption, self.st["table_caption"])
        if not b.rows:
            return
        cells = []
        for i, row in enumerate(b.rows):
            kind = "header_cell" if i < b.header_rows else "cell"
            line = []
            for c in range(b.columns):
                align = b.align[c] if c < len(b.align) else "left"
                pst = self.st[kind if align == "left" else f"{kind}-{align}"]
                text = row[c].text if c < len(row) else ()
                line.append(self.para(self.ink.spans(text, self.fonts.body_family, self.link), pst))
            cells.append(line)
        widths = tables.column_widths(b, self.width, self.st["cell"], self.st["header_cell"].fontName)
        self.story.append(tables.grid(cells, b, widths, self.fonts.body, self.style.text.body_colour,
                                      self.style.text.space_after))

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.story.append(self.para("*   *   *", self.st["break"]))

    def visit_codeblock(self, b: CodeBlock, depth: int) -> None:
        name, face = mono(self.fonts.mono)
        self.story.append(tables.code(b.lines, name, face, roles(self.style)["code"], self.width,
                                      self.style.text.body_colour, self.ink.chars))
