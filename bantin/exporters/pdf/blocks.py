"""The body of the walk: one flowable (or a few) per block, and the helpers every
part of the story uses to set text.

Blocks nest (a list item holds paragraphs, a list and code; a quote and a cell hold
blocks), so the walk keeps a *place*: the style a plain paragraph takes there, the
indents nesting has added and the flowables it is filling. ``nested`` opens a place
inside the current one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from reportlab.platypus import CondPageBreak, Indenter, Spacer

from bantin.exporters import Warn, table_size
from bantin.exporters.labels import credit_line, meta_text, placeholder, short_title
from bantin.exporters.pdf import lists, tables
from bantin.exporters.pdf.flowables import Marked, Outlined, framed
from bantin.exporters.pdf.fonts import Fonts, mono
from bantin.exporters.pdf.ink import KEEP_LIMIT, Ink, split
from bantin.exporters.pdf.pictures import Pictures
from bantin.exporters.pdf.styles import loose, placed, styles
from bantin.exporters.roles import MM, figure_size, lead_in, low_resolution, roles
from bantin.exporters.walk import Walker
from bantin.model import (
    Block,
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
from bantin.typography.words import join


@dataclass(frozen=True)
class Place:
    """Where blocks are being set. ``body`` and ``item`` name the styles of a plain
    paragraph and of a list item's first paragraph there; ``left`` and ``right``
    are the indents (points) nesting has added; ``cell`` is true inside a table
    cell (no page flow: no outline, no indenter)."""

    body: str = "body"
    item: str = "item"
    left: float = 0.0
    right: float = 0.0
    depth: int = 0  # lists around this place
    cell: bool = False


class Blocks(Walker):
    """The platypus story of a document: one flowable list, built by one walk."""

    format = "pdf"

    def __init__(self, style: Style, fonts: Fonts, warn: Warn, width: float, height: float) -> None:
        self.style, self.fonts, self.warn = style, fonts, warn
        self.width, self.height = width, height  # the frame's, in points
        self.st = styles(style, fonts)
        self.decree_layout = style.page.decree_header
        self.story: list[Any] = []
        self.count = 0
        self.ink = Ink(fonts, warn, "")
        self.depth = 0
        self.last_level = 0
        self.link = style.text.accent_colour
        self.place = Place()
        self.pictures = Pictures()
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
        family = self.families.get(pst.name.split("@")[0].split("-")[0], self.fonts.body_family)
        chunks = split(text)
        keep = len(chunks) == 1 and sum(len(s.text) for s in text) <= KEEP_LIMIT
        for i, chunk in enumerate(chunks):
            self.story.append(self.para(self.ink.spans(chunk, family, self.link), pst if keep else loose(pst),
                                        outline if i == 0 else None, **(kw if i == 0 else {})))

    def outline(self, title: str, level: int, toc: bool = False) -> Outlined:
        self.count += 1
        # The outline shows plain words: no non-breaking or other typographic space,
        # no non-breaking hyphen (a reader searches it for "2-2").
        plain_title = short_title(" ".join(meta_text(title).split()), 200)
        markup = self.ink.chars(join(title), self.fonts.body_family) if toc else ""
        return Outlined(plain_title, level, f"o{self.count}", toc, markup)

    def here(self, name: str) -> Any:
        """The style ``name`` at the current place."""
        return placed(self.st[name], self.place.left, self.place.right)

    @property
    def avail(self) -> float:
        return self.width - self.place.left - self.place.right

    @contextmanager
    def nested(self, **change: Any) -> Iterator[None]:
        """A place inside the current one: ``left``/``right`` are added to its indents."""
        outer = self.place
        left, right = change.pop("left", 0.0), change.pop("right", 0.0)
        self.place = replace(outer, left=outer.left + left, right=outer.right + right, **change)
        try:
            yield
        finally:
            self.place = outer

    @contextmanager
    def into(self, flowables: list[Any]) -> Iterator[None]:
        """Set blocks into ``flowables`` instead of the story (a table cell)."""
        outer = self.story
        self.story = flowables
        try:
            yield
        finally:
            self.story = outer

    def indented(self, flowable: Any) -> None:
        """A block that is not a paragraph (a table) at the place's indent."""
        if self.place.left and not self.place.cell:
            self.story += [Indenter(left=self.place.left), flowable, Indenter(left=-self.place.left)]
        else:
            self.story.append(flowable)

    # -- blocks

    def visit_heading(self, b: Heading, depth: int) -> None:
        if self.place != Place():  # a heading inside a list, quote or cell: bold text, no outline entry
            self.paras(tuple(replace(s, strong=True) for s in b.text), self.here(self.place.body))
            return
        level = min(depth + b.level, self.last_level + 1)  # an outline may not skip a level
        self.last_level = level
        if not (self.story and self.story[-1].getKeepWithNext()):
            # Not between a heading and its subheading: the break would part them,
            # where keep-with-next holds the two and the paragraph's start together.
            self.story.append(CondPageBreak(self.st["body"].leading * 4))
        self.paras(display(b.text), self.st[f"h{min(b.level, 3)}"], self.outline(text_of(b.text), level))

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        self.paras(b.text, self.here(self.place.body))
        if lead_in(b) and not self.place.cell:
            self.story[-1].keepWithNext = True

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        """Each item's first paragraph with its label hanging in the list's label
        column; the item's other blocks (paragraphs, a nested list, code, a quote)
        aligned with its text."""
        base = self.st[self.place.item]
        marks = lists.labels(b, self.place.depth)
        hang = lists.hang(marks, base.fontName, base.fontSize)
        for item, mark in zip(b.items, marks, strict=True):
            blocks: tuple[Block, ...] = item.blocks
            if b.numbered_in_text:  # the ordinals are in the words: paragraphs, no label
                first = blocks[0] if blocks and isinstance(blocks[0], Paragraph) else None
                if first is not None:
                    self.paras(first.text, placed(self.st["own_item"] if not self.place.cell else base,
                                                  self.place.left, self.place.right))
                    blocks = blocks[1:]
                # A list under the item ("a) …" under "1. …") stands indented under it,
                # as its own marks would set it (helper-120: level with the "1.").
                under = lists.hang(["a)"], base.fontName, base.fontSize) if any(
                    isinstance(x, ListBlock) for x in blocks) else 0.0
                with self.nested(left=under, body=self.cont()):
                    for inner in blocks:
                        self.block(inner, depth)
                continue
            pst = placed(base, self.place.left, self.place.right, hang)
            if blocks and isinstance(blocks[0], Paragraph):
                self.paras(blocks[0].text, pst, bulletText=mark)
                blocks = blocks[1:]
            else:
                self.story.append(self.para("", pst, bulletText=mark))
            with self.nested(left=hang, body=self.cont(), depth=self.place.depth + 1):
                for inner in blocks:
                    self.block(inner, depth)
        self.story.append(Spacer(1, self.style.text.space_after / 2))

    def cont(self) -> str:
        """The style of an item's later paragraphs: the item's, without its label."""
        return self.place.body if self.place.cell else "item-text"

    def visit_quote(self, b: Quote, depth: int) -> None:
        """The quote's blocks indented on both sides, and who said it under them,
        set apart on a line of its own."""
        q = self.st["quote"]
        inset = {} if self.place.cell else {"left": q.leftIndent, "right": q.rightIndent}
        body = self.place.body if self.place.cell else "quote-text"
        with self.nested(body=body, **inset):
            for inner in b.blocks:
                self.block(inner, depth)
            if b.attribution:
                pst = self.here(self.place.body if self.place.cell else "attribution-text")
                self.paras(plain("— " + b.attribution), pst)

    def visit_figure(self, b: Figure, depth: int) -> None:
        """The image (sized by ``figure_size``), or a framed placeholder where the
        document has none, kept on one page with its caption and credit."""
        start = len(self.story)
        if b.image is not None:
            w, h = figure_size(b.image, self.avail, self.height)
            warning = low_resolution(b.image, self.avail, w)
            if warning:
                self.warn(f"{warning} in “{self.ink.article}”")
            self.story.append(self.pictures.flowable(b.image, w, h))
        else:
            self.story.append(framed(self.ink.chars(f"[{placeholder(b)}]", self.fonts.body_family),
                                     self.here("caption"), self.style.text.body_colour))
        caption = b.caption
        if b.credit:
            credit = credit_line(b)
            caption = (*caption, Span(f" ({credit})")) if caption else plain(credit)
        if caption:
            self.paras(caption, self.here("caption"))
        kept = self.story[start:]
        if len(kept) > 1 and sum(len(s.text) for s in caption) <= KEEP_LIMIT and not self.place.cell:
            # Kept with its caption by keep-with-next, not in a KeepTogether: so a
            # heading just above (keep-with-next too) still goes with the picture.
            kept[0].keepWithNext = True

    def visit_table(self, b: Table, depth: int) -> None:
        """The grid, each cell's blocks set in it; a table too wide for the text is
        set in bands of columns, one under the other."""
        if b.caption:
            self.paras(b.caption, self.here("table_caption"))
        if not b.rows or not b.columns:
            return
        natural, least, spanning = tables.needs(b, self.st["cell"], self.st["header_cell"].fontName, self.avail)
        size = table_size.fitting(least, 2 * tables.PAD, self.avail, self.st["cell"].fontSize)
        if size == self.st["cell"].fontSize:
            self._table(b, depth, natural, least, spanning)
            return
        outer = self.st
        self.st = tables.at_size(outer, size)  # too wide at the cell size: set smaller
        try:
            self._table(b, depth, *tables.needs(b, self.st["cell"], self.st["header_cell"].fontName, self.avail))
        finally:
            self.st = outer

    def _table(self, b: Table, depth: int, natural: list[float], least: list[float],
               spanning: list[tuple[int, int, float]]) -> None:
        for band in tables.bands(least, self.avail):
            widths = tables.column_widths(band, self.avail, natural, least, spanning)
            cells = self._cells(b, band, widths, depth)
            self.indented(tables.grid(b, band, cells, widths, self.fonts.body, self.style.text.body_colour,
                                      self.style.text.space_after, self.place.cell, tables.air(widths, self.avail)))

    def _cells(self, b: Table, band: tuple[int, int], widths: list[float],
               depth: int) -> dict[tuple[int, int], list[Any]]:
        """The flowables of each cell of the band, set in its column's width: a
        table or a picture in a cell measured against the page printed over the
        columns beside it and past the margin."""
        lo, hi = band
        cells: dict[tuple[int, int], list[Any]] = {}
        page_width = self.width
        for p in b.placed():
            if not lo <= p.column < hi:
                continue
            kind = "header_cell" if p.row < b.header_rows else "cell"
            # A column's alignment is for its own cells; a merged cell reads from the left.
            align = b.align[p.column] if p.column < len(b.align) and p.cell.colspan == 1 else "left"
            name = kind if align == "left" else f"{kind}-{align}"
            flowables: list[Any] = []
            self.width = sum(widths[p.column - lo:min(hi, p.column + p.cell.colspan) - lo]) - 2 * tables.PAD
            try:
                with self.into(flowables), self.nested(body=name, item=kind, left=-self.place.left,
                                                       right=-self.place.right, depth=0, cell=True):
                    for inner in p.cell.blocks:
                        self.block(inner, depth)
            finally:
                self.width = page_width
            cells[(p.row, p.column)] = flowables
        return cells

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.story.append(self.para("*   *   *", self.st["break"]))

    def visit_codeblock(self, b: CodeBlock, depth: int) -> None:
        name, face = mono(self.fonts.mono)
        self.story.append(tables.code(b.lines, name, face, roles(self.style)["code"], self.width,
                                      self.style.text.body_colour, self.ink.chars,
                                      self.place.left, self.place.right))


def display(text: Text) -> Text:
    """Headline text whose words are kept whole on a line (``typography.words``);
    addresses and code are left as they are."""
    return tuple(s if s.code or s.href else replace(s, text=join(s.text)) for s in text)


__all__ = ["MM", "Blocks", "Place", "display"]
