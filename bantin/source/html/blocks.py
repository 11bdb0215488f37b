"""trafilatura's XML to the model's blocks, every element kind of it.

Paragraphs, headings, lists, quotes, tables, pictures and code become their
blocks; ``div`` and any kind trafilatura may add later are walked for the blocks
inside them, and text found directly in them becomes a paragraph, so no word
that trafilatura found is dropped here. Nested lists are flattened into their
parent item's text, in order, until the model holds nested items.

Each block comes as a :class:`Piece` that remembers how much of it was link text
and whether it was all bold, for the clean-up that follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bantin.model import (
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
    text_of,
)
from bantin.source.html.page import key, squash, words
from bantin.source.html.pictures import Picture, clean_alt, picture_of, split_caption

_SPACE = re.compile(r"\s+")
_SPACED = {"item", "p", "list", "head", "row", "cell", "quote", "div", "table", "code", "lb"}


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
        if isinstance(b, (Paragraph, Heading, Quote)):
            return text_of(b.text)
        if isinstance(b, ListBlock):
            return " ".join(text_of(i.text) for i in b.items)
        if isinstance(b, Figure):
            return text_of(b.caption)
        if isinstance(b, Table):
            return " ".join(text_of(c.text) for r in b.rows for c in r)
        if isinstance(b, CodeBlock):
            return "\n".join(b.lines)
        return ""

    @property
    def linky(self) -> bool:
        """Mostly link text: a related-news line, a link list."""
        return self.words > 0 and self.link_words * 2 >= self.words


def _tidy(spans: list[Span]) -> Text:
    """Runs of white space to one space, across span boundaries too; none at the ends."""
    if not "".join(s.text for s in spans).strip():
        return ()
    out: list[Span] = []
    ends_in_space = True
    for s in spans:
        text = s.text if s.code else _SPACE.sub(" ", s.text)
        if ends_in_space and not s.code:
            text = text.lstrip(" ")
        if text:
            out.append(Span(text, s.em, s.strong, s.href, s.code))
            ends_in_space = text.endswith(" ")
    while out and not out[-1].code and not out[-1].text.strip():
        out.pop()
    if out and not out[-1].code:
        out[-1] = Span(out[-1].text.rstrip(), out[-1].em, out[-1].strong, out[-1].href, out[-1].code)
    return tuple(out)


class Converter:
    def __init__(self, pictures: list[Picture], attribution: Callable[[str], str | None],
                 table_caption: Callable[[list[str]], str | None]) -> None:
        self.pictures, self.attribution, self.table_caption = pictures, attribution, table_caption

    def spans(self, el: Any, em: bool = False, strong: bool = False, href: str | None = None,
              code: bool = False) -> list[Span]:
        out: list[Span] = []
        if el.text:
            out.append(Span(el.text, em, strong, href, code))
        for child in el:
            tag = child.tag
            rend = child.get("rend") or ""
            if tag in _SPACED and out:
                out.append(Span(" ", em, strong, href, code))
            if tag == "hi":
                out += self.spans(child, em or "#i" in rend, strong or "#b" in rend, href, code)
            elif tag == "ref":
                out += self.spans(child, em, strong, child.get("target") or href, code)
            elif tag == "code":
                out += self.spans(child, em, strong, href, True)
            elif tag != "graphic":
                out += self.spans(child, em, strong, href, code)
            if child.tail:
                out.append(Span(child.tail, em, strong, href, code))
        return out

    def _piece(self, block: Block, el: Any | None, spans: Text = ()) -> Piece:
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
        found = [self.figure(g) for g in el.iter("graphic")]
        return [p for p in found if p is not None]

    def convert(self, main: Any) -> list[Piece]:
        out: list[Piece] = []
        for el in main:
            self.block(el, out)
        return out

    def _paragraph(self, spans: list[Span], out: list[Piece]) -> None:
        text = _tidy(spans)
        if text:
            out.append(self._piece(Paragraph(text), None, text))

    def block(self, el: Any, out: list[Piece]) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag == "head":
            out += self._figures(el)
            text = _tidy(self.spans(el))
            rend = el.get("rend") or "h2"
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            if text:
                out.append(self._piece(Heading(text, max(1, min(6, level - 1))), el, text))
        elif tag == "p":
            figs = self._figures(el)
            leading = not (el.text or "").strip() and len(el) > 0 and el[0].tag == "graphic"
            if leading:
                out += figs
            self._paragraph(self.spans(el), out)
            if not leading:
                out += figs
        elif tag == "graphic":
            fig = self.figure(el)
            if fig is not None:
                out.append(fig)
        elif tag == "code":
            lines = "".join(el.itertext()).expandtabs(4).strip("\n").split("\n")
            if any(line.strip() for line in lines):
                out.append(Piece(CodeBlock(tuple(line.rstrip() for line in lines)), len(words(" ".join(lines)))))
        elif tag == "list":
            self._list(el, out)
        elif tag == "quote":
            self._quote(el, out)
        elif tag == "table":
            self._table(el, out)
        elif tag in ("div", "main", "section", "body", "doc") or any(
                isinstance(c.tag, str) and c.tag in ("p", "head", "list", "quote", "table", "div", "code")
                for c in el):
            if (el.text or "").strip():
                self._paragraph([Span(el.text)], out)
            for child in el:
                self.block(child, out)
                if child.tail and child.tail.strip():
                    self._paragraph([Span(child.tail)], out)
        else:  # ref, hi, lb and any other inline kind at the top level: a paragraph
            spans = self.spans(el) if tag != "ref" else self.spans(el, href=el.get("target"))
            if tag == "hi":
                rend = el.get("rend") or ""
                spans = self.spans(el, "#i" in rend, "#b" in rend)
            out += self._figures(el)
            self._paragraph(spans, out)
        if el.getparent() is not None and el.getparent().tag == "main" and el.tail and el.tail.strip():
            self._paragraph([Span(el.tail)], out)

    def _list(self, el: Any, out: list[Piece]) -> None:
        items: list[Text] = []
        linked = total = 0
        bold = True
        for item in el:
            if item.tag != "item":
                continue
            text = _tidy(self.spans(item))
            if text:
                items.append(text)
                piece = self._piece(Paragraph(text), item, text)
                total += piece.words
                linked += piece.link_words
                bold = bold and piece.bold
        if items:
            lst = ListBlock(tuple(ListItem((Paragraph(t),)) for t in items), (el.get("rend") or "").startswith("o"))
            out.append(Piece(lst, total, linked,
                             bold and len(items) == 1))
        out += self._figures(el)

    def _quote(self, el: Any, out: list[Piece]) -> None:
        parts: list[Text] = []
        if any(c.tag in ("p", "quote", "list") for c in el):
            if (el.text or "").strip():
                parts.append(_tidy([Span(el.text)]))
            for child in el:
                parts.append(_tidy(self.spans(child)))
                if child.tail and child.tail.strip():
                    parts.append(_tidy([Span(child.tail)]))
        else:
            parts.append(_tidy(self.spans(el)))
        parts = [p for p in parts if p]
        if not parts:
            return
        who = self.attribution(" ".join(text_of(p) for p in parts))
        for i, text in enumerate(parts):
            last = i == len(parts) - 1
            out.append(self._piece(Quote((Paragraph(text),), who if last else None), el, text))
        out += self._figures(el)

    def _table(self, el: Any, out: list[Piece]) -> None:
        graphics = list(el.iter("graphic"))
        rows: list[tuple[Text, ...]] = []
        head = 0
        for row in (r for r in el if r.tag == "row"):
            cells = [_tidy(self.spans(c)) for c in row if c.tag == "cell"]
            if row.get("role") == "head" or any(c.get("role") == "head" for c in row if c.tag == "cell"):
                head = len(rows) + 1 if head == len(rows) else head
            rows.append(tuple(cells))
        texts = [" ".join(text_of(c) for c in r).strip() for r in rows]
        if len(graphics) == 1 and len(rows) <= 4 and len(words(" ".join(texts))) <= 80:
            # A one-picture table is the picture and its caption (table.picture, td legends).
            fig = self.figure(graphics[0])
            if fig is not None and isinstance(fig.block, Figure):
                if not fig.block.caption and any(texts):
                    cap, credit = split_caption(" ".join(t for t in texts if t))
                    fig.block = Figure(plain(cap), credit, None, fig.block.alt)
                    fig.words = len(words(cap))
                out.append(fig)
            return
        caption = self.table_caption([t for t in texts[:1]])
        if caption and rows and key(texts[0]) == key(caption):
            rows = rows[1:]
            head = max(0, head - 1)
        width = max((len(r) for r in rows), default=0)
        rows = [r + ((),) * (width - len(r)) for r in rows]
        if rows and width:
            spans = tuple(s for r in rows for c in r for s in c)
            grid = tuple(tuple(Cell((Paragraph(c),) if c else ()) for c in r) for r in rows)
            piece = self._piece(Table(grid, head, plain(caption or ""), auto_align(grid, head)), el, spans)
            piece.bold = False
            out.append(piece)
        out += [f for f in (self.figure(g) for g in graphics) if f is not None]
