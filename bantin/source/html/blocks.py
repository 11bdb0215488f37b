"""trafilatura's XML to the model's blocks, every element kind of it.

Paragraphs, headings, lists, quotes, tables, pictures and code become their
blocks; ``div`` and any kind trafilatura may add later are walked for the blocks
inside them, and text found directly in them becomes a paragraph, so no word
that trafilatura found is dropped here.

A list item, a table cell and a quote hold blocks: their running text is a
paragraph, and a ``p``, a nested ``list`` or a multi-line ``code`` inside them
is a block of its own, so a nested list stays under its item and a cell keeps
its two paragraphs (eight levels deep at most). A list straight inside a list (``<ul><li>…</li><ul>…``, as
old editors write it) belongs to the item before it. Lists and tables grafted
from the page (:mod:`.graft`) bring where an ordered list starts, how it counts,
and which cells span rows or columns. A picture inside a container comes after
the container, where every format can show it.

Each block comes as a :class:`Piece` that remembers how much of it was link text
and whether it was all bold, for the clean-up that follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from bantin.model import (
    NUMBERINGS,
    Block,
    Cell,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Span,
    Table,
    Text,
    auto_align,
    plain,
    plain_text,
    text_of,
)
from bantin.source.html import inline
from bantin.source.html.page import key, span, squash, words
from bantin.source.html.pictures import Picture, clean_alt, picture_of, split_caption

_BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table", "div", "main", "section", "body", "doc"})
# A link's target that is a file to download, not a page: by its extension.
_FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar)(?:[?#]|$)", re.IGNORECASE)
_MAX_COLSPAN = 100  # wider than any table a page shows; a larger colspan is a mistake
# Lists, quotes and tables inside each other, deeper than any article nests them:
# what lies deeper is running text of the deepest one.
_DEEPEST = 8


@dataclass
class Piece:
    block: Block
    words: int = 0
    link_words: int = 0
    bold: bool = False  # every word set in bold
    picture: Picture | None = None

    @property
    def text(self) -> str:
        b = self.block
        if isinstance(b, (Paragraph, Heading)):
            return text_of(b.text)
        if isinstance(b, (Quote, ListBlock)):
            return text_of(plain_text((b,)))
        if isinstance(b, Figure):
            return text_of(b.caption)
        if isinstance(b, Table):
            return " ".join(text_of(c.text) for r in b.rows for c in r)
        if isinstance(b, CodeBlock):
            return "\n".join(b.lines)
        return ""

    @property
    def linky(self) -> bool:
        """Mostly link text: a related-news line, a link list; not links to files."""
        return self.words > 0 and self.link_words * 2 >= self.words and not self.attachment

    @property
    def attachment(self) -> bool:
        """Links to files only ("Quyết định số 12/QĐ-UBND" to its PDF, a form to fill
        in): what the story reports, posted with it, where a related story's link
        leads to a page."""
        b = self.block
        paras = [b] if isinstance(b, Paragraph) else \
            [x for it in b.items for x in it.blocks if isinstance(x, Paragraph)] if isinstance(b, ListBlock) else []
        hrefs = [s.href for x in paras for s in x.text if s.href]
        return bool(hrefs) and all(_FILE.search(h) for h in hrefs)


def _square(rows: list[list[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    """Rows whose spans stay inside the table, each filled to the grid's width."""
    n = len(rows)
    clamped = [tuple(replace(c, rowspan=min(c.rowspan, n - r)) if c.rowspan > n - r else c for c in row)
               for r, row in enumerate(rows)]
    table = Table(tuple(clamped))
    width = table.columns
    covered = [0] * n
    for p in table.placed():
        for dr in range(p.cell.rowspan):
            covered[p.row + dr] += p.cell.colspan
    return tuple(row + (Cell(()),) * max(0, width - covered[r]) for r, row in enumerate(clamped))


def _flat(pieces: list[Piece]) -> list[Piece]:
    """A table inside a cell, as one paragraph a row: the model's cells hold no tables."""
    out: list[Piece] = []
    for p in pieces:
        if isinstance(p.block, Table):
            for row in p.block.rows:
                text = tuple(s for c in row for s in (*c.text, Span(" ")))[:-1]
                if inline.tidy(list(text)):
                    out.append(Piece(Paragraph(inline.tidy(list(text))), p.words, p.link_words))
        else:
            out.append(p)
    return out


class Converter:
    def __init__(self, pictures: list[Picture], attribution: Callable[[str], str | None],
                 table_caption: Callable[[list[str]], str | None], notes: Mapping[str, str] | None = None) -> None:
        self.pictures, self.attribution, self.table_caption = pictures, attribution, table_caption
        self.notes: Mapping[str, str] = notes or {}
        self._inside = 0  # containers (lists, quotes, tables) being read: their pictures come after them

    def spans(self, el: Any, base: Span = inline.PLAIN) -> list[Span]:
        return inline.spans(el, base, self.notes)

    def _piece(self, block: Block, spans: Text) -> Piece:
        n = len(words(text_of(spans))) if spans else 0
        linked = sum(len(words(s.text)) for s in spans if s.href)
        bold = bool(spans) and all(s.strong or not s.text.strip() for s in spans)
        return Piece(block, n, linked, bold)

    def figure(self, g: Any) -> Piece | None:
        pic = picture_of(g.get("src"), self.pictures)
        if pic is None:
            src = (g.get("src") or "").strip()
            pic = Picture(src, clean_alt(g.get("alt")), squash(g.get("title")), None, bool(src))
        if not pic.figure:
            return None
        return Piece(Figure(plain(pic.caption), pic.credit, None, pic.alt), len(words(pic.caption)), 0, False, pic)

    def _figures(self, el: Any) -> list[Piece]:
        if self._inside:
            return []  # the outermost container shows them
        found = [self.figure(g) for g in el.iter("graphic")]
        return [p for p in found if p is not None]

    def convert(self, main: Any) -> list[Piece]:
        out: list[Piece] = []
        if (main.text or "").strip():
            self._paragraph([Span(main.text)], out)
        for el in main:
            self.block(el, out)
            if el.tail and el.tail.strip():
                self._paragraph([Span(el.tail)], out)
        return out

    def _paragraph(self, spans: list[Span], out: list[Piece]) -> None:
        text = inline.tidy(spans)
        if text:
            out.append(self._piece(Paragraph(text), text))

    def _is_block(self, child: Any, said: bool) -> bool:
        """Whether ``child`` is a block of its own; ``said``: running text before it holds words."""
        tag = child.tag
        if not isinstance(tag, str):
            return False
        if tag in _BLOCK_TAGS:
            return True
        if tag == "code":
            # A program's lines, or code standing alone, are a block; a name in a sentence is not.
            standalone = not said and not (child.tail or "").strip()
            return "\n" in "".join(child.itertext()).strip() or standalone
        return False

    def flow(self, el: Any, out: list[Piece]) -> None:
        """The blocks of a container: runs of running text become paragraphs,
        block elements their blocks, pictures in running text follow it (or
        precede it, when they open it)."""
        run: list[Span] = []
        before: list[Piece] = []
        after: list[Piece] = []

        def flush() -> None:
            out.extend(before)
            self._paragraph(run, out)
            out.extend(after)
            run.clear()
            before.clear()
            after.clear()

        if el.text:
            run.append(Span(el.text))
        said = bool((el.text or "").strip())
        for child in el:
            if self._is_block(child, said):
                flush()
                self.block(child, out)
                if child.tail:
                    run.append(Span(child.tail))
                said = bool((child.tail or "").strip())
                continue
            if isinstance(child.tag, str):
                (after if said else before).extend(self._figures(child))  # iter() includes the element
            start = len(run)
            inline.child_spans(child, inline.PLAIN, self.notes, run)
            said = said or any(s.text.strip() for s in run[start:])
        flush()

    def block(self, el: Any, out: list[Piece]) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag == "head":
            out += self._figures(el)
            text = inline.tidy(self.spans(el))
            rend = el.get("rend") or "h2"
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            if text:
                out.append(self._piece(Heading(text, max(1, min(6, level - 1))), text))
        elif tag == "graphic":
            fig = self.figure(el) if not self._inside else None
            if fig is not None:
                out.append(fig)
        elif tag == "code":
            lines = "".join(el.itertext()).expandtabs(4).strip("\n").split("\n")
            if any(line.strip() for line in lines):
                out.append(Piece(CodeBlock(tuple(line.rstrip() for line in lines)), len(words(" ".join(lines)))))
        elif tag in ("list", "quote", "table") and self._inside >= _DEEPEST:
            self._paragraph(self.spans(el), out)
        elif tag == "list":
            self._list(el, out)
        elif tag == "quote":
            self._quote(el, out)
        elif tag == "table":
            self._table(el, out)
        elif tag in _BLOCK_TAGS or any(self._is_block(c, False) for c in el):
            self.flow(el, out)
        else:  # ref, hi, lb and any other inline kind standing alone: a paragraph
            spans: list[Span] = []
            inline.element_spans(el, inline.PLAIN, self.notes, spans)
            out += self._figures(el)
            self._paragraph(spans, out)

    def contents(self, el: Any) -> list[Piece]:
        """A container's blocks, its pictures left for the outermost container."""
        pieces: list[Piece] = []
        self._inside += 1
        try:
            self.flow(el, pieces)
        finally:
            self._inside -= 1
        return pieces

    def _list(self, el: Any, out: list[Piece]) -> None:
        items: list[list[Piece]] = []
        for child in el:
            if not isinstance(child.tag, str):
                continue
            pieces: list[Piece] = []
            if child.tag == "item":
                pieces = self.contents(child)
            else:
                self._inside += 1
                try:
                    self.block(child, pieces)
                finally:
                    self._inside -= 1
                if child.tag == "list" and items:
                    items[-1] += pieces  # a list straight inside a list: the sublist of the item before
                    pieces = []
            if child.tail and child.tail.strip():
                self._paragraph([Span(child.tail)], pieces)
            if pieces:
                items.append(pieces)
        if items:
            numbering = el.get("numbering") or "decimal"
            start = (el.get("start") or "").strip()
            lst = ListBlock(tuple(ListItem(tuple(p.block for p in item)) for item in items),
                            (el.get("rend") or "").startswith("o"), start=int(start) if start.isdigit() and len(
                                start) < 10 else 1, numbering=numbering if numbering in NUMBERINGS else "decimal")
            flat = [p for item in items for p in item]
            out.append(Piece(lst, sum(p.words for p in flat), sum(p.link_words for p in flat),
                             len(items) == 1 and all(p.bold for p in flat)))
        out += self._figures(el)

    def _quote(self, el: Any, out: list[Piece]) -> None:
        pieces = self.contents(el)
        blocks = tuple(p.block for p in pieces)
        if blocks:
            who = self.attribution(text_of(plain_text(blocks)))
            out.append(Piece(Quote(blocks, who), sum(p.words for p in pieces), sum(p.link_words for p in pieces),
                             all(p.bold for p in pieces)))
        out += self._figures(el)

    def _table(self, el: Any, out: list[Piece]) -> None:
        graphics = list(el.iter("graphic"))
        rows: list[list[Cell]] = []
        head = total = linked = 0
        caption: str | None = None
        for row in el:
            if row.tag == "caption":
                caption = text_of(inline.tidy(self.spans(row))) or None
            if row.tag != "row":
                continue
            cells: list[Cell] = []
            heads = []
            for c in (c for c in row if c.tag == "cell"):
                pieces = _flat(self.contents(c))
                total += sum(p.words for p in pieces)
                linked += sum(p.link_words for p in pieces)
                cells.append(Cell(tuple(p.block for p in pieces), span(c.get("colspan"), _MAX_COLSPAN),
                                  span(c.get("rowspan"), 10**6)))
                if pieces:
                    heads.append(c.get("role") == "head")
            if (row.get("role") == "head" or (heads and all(heads))) and head == len(rows):
                head += 1
            rows.append(cells)
        texts = [" ".join(text_of(c.text) for c in r).strip() for r in rows]
        if len(graphics) == 1 and len(rows) <= 4 and len(words(" ".join(texts))) <= 80:
            # A one-picture table is the picture and its caption (table.picture, td legends).
            fig = self.figure(graphics[0]) if not self._inside else None
            if fig is not None and isinstance(fig.block, Figure):
                if not fig.block.caption and any(texts):
                    cap, credit = split_caption(" ".join(t for t in texts if t))
                    fig.block = Figure(plain(cap), credit, None, fig.block.alt)
                    fig.words = len(words(cap))
                out.append(fig)
            return
        if caption is None:
            caption = self.table_caption(texts[:1])
            if caption and rows and key(texts[0]) == key(caption):
                rows = rows[1:]
                head = max(0, head - 1)
        if not any(c.rowspan > 1 for r in rows for c in r):
            rows = [r for r in rows if r]  # a row a span covers stays, or the span would reach too far
        if rows:
            grid = _square(rows)
            out.append(Piece(Table(grid, min(head, len(grid)), plain(caption or ""), auto_align(grid, head)),
                             total, linked, False))
        out += self._figures(el)
