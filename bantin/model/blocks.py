"""The blocks an article's body is made of.

List items, table cells and quotes hold blocks, not one text: a list item can hold
two paragraphs, a nested list and code; a cell two paragraphs or a list. Readers
written for bantin 0.2 may still hand a list item, a cell or a quote one rich text;
it is taken as one paragraph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from bantin.model.text import Span, Text, text_of


@dataclass(frozen=True)
class Heading:
    text: Text
    level: int = 1  # 1 is the highest heading inside an article; the title sits above it


@dataclass(frozen=True)
class Paragraph:
    text: Text


def _blocks_of(value: Iterable[Block | Span]) -> tuple[Block, ...]:
    """Blocks, from blocks or (the 0.2 form) from one rich text."""
    items = tuple(value)
    if items and all(isinstance(x, Span) for x in items):
        return (Paragraph(tuple(x for x in items if isinstance(x, Span))),)
    return tuple(x for x in items if not isinstance(x, Span))


def plain_text(blocks: tuple[Block, ...]) -> Text:
    """The text of a run of blocks as one rich text, paragraphs joined by a space:
    what a format that holds only one line (a digest point, a measured table
    column) shows of them."""
    out: list[Span] = []
    for b in blocks:
        if isinstance(b, (Paragraph, Heading)):
            part = b.text
        elif isinstance(b, ListBlock):
            part = tuple(s for item in b.items for s in (*plain_text(item.blocks), Span(" ")))[:-1]
        elif isinstance(b, Quote):
            part = plain_text(b.blocks)
        elif isinstance(b, CodeBlock):
            part = (Span(" ".join(b.lines), code=True),) if b.lines else ()
        elif isinstance(b, Table):  # a table inside a cell or an item
            # Each cell's text once: read twice, a table nested in a cell ten deep was read 4^10 times.
            part = plain_text(tuple(Paragraph(t) for r in b.rows for c in r if (t := c.text)))
        else:
            part = ()
        if part:
            out += [*([Span(" ")] if out else []), *part]
    return tuple(out)


class _Container:
    """A list item, a cell or a quote: it holds blocks, and accepts the 0.2 form,
    one rich text, as one paragraph."""

    blocks: tuple[Block, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "blocks", _blocks_of(self.blocks))

    @property
    def text(self) -> Text:
        """Its blocks' text on one line, for what shows only one line of it."""
        return plain_text(self.blocks)


@dataclass(frozen=True)
class ListItem(_Container):
    """One item: a sequence of blocks (usually one paragraph)."""

    blocks: tuple[Block, ...] = ()


NUMBERINGS = ("decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman")


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list. A numbered list keeps the numbers the source
    shows: where it starts (a list that goes on after a paragraph starts at 4),
    how it counts ("1.", "a)", "I.") and what follows the number."""

    items: tuple[ListItem, ...]
    ordered: bool = False
    # Items that already carry their own ordinals ("Thứ nhất, …", "1. …") must not
    # be numbered a second time by an exporter.
    numbered_in_text: bool = False
    start: int = 1
    numbering: str = "decimal"  # one of NUMBERINGS
    delimiter: str = "."  # what follows the number: "." or ")"

    def __post_init__(self) -> None:
        items = tuple(x if isinstance(x, ListItem) else ListItem(x) for x in self.items)
        object.__setattr__(self, "items", items)

    def label(self, index: int) -> str:
        """The label of item ``index`` (from 0) as a reader sees it: "3.", "c)", "IV."."""
        return f"{number(self.start + index, self.numbering)}{self.delimiter}"


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def number(n: int, numbering: str) -> str:
    """``n`` written the way a list counts: 3, c, C, iii, III."""
    if numbering in ("lower-alpha", "upper-alpha") and n > 0:
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(ord("a") + r) + letters
        return letters.upper() if numbering == "upper-alpha" else letters
    if numbering in ("lower-roman", "upper-roman") and 0 < n < 4000:
        out = ""
        for value, digits in _ROMAN:
            while n >= value:
                out, n = out + digits, n - value
        return out.upper() if numbering == "upper-roman" else out
    return str(n)


@dataclass(frozen=True)
class Quote(_Container):
    """A quotation: its blocks, and who said it, set apart under it."""

    blocks: tuple[Block, ...]
    attribution: str | None = None


@dataclass(frozen=True)
class Image:
    """An image's bytes, checked and normalised by ``bantin.model.images``: PNG or JPEG,
    upright (EXIF orientation applied), with its pixel size."""

    data: bytes = field(repr=False)
    media_type: str  # "image/png" or "image/jpeg"
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def extension(self) -> str:
        return ".png" if self.media_type == "image/png" else ".jpg"


@dataclass(frozen=True)
class Figure:
    """A photo with its caption and credit. "Caption" means one thing: the text
    under a figure. A figure whose image is None (a newsroom's "Ảnh: …" line, a
    picture that was refused or not fetched) keeps its alt text and caption, and
    every format shows a placeholder where the picture would be."""

    caption: Text = ()
    credit: str | None = None
    image: Image | None = None
    alt: str = ""


# Deprecated name of 0.2 (a caption line without an image); the block is a Figure.
Caption = Figure


@dataclass(frozen=True)
class Cell(_Container):
    """A table cell: its blocks, and how many columns and rows it spans. A merged
    region is one cell, written once; the grid positions it covers hold no cell."""

    blocks: tuple[Block, ...] = ()
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Placed:
    """A cell where the grid puts it: its row, its first column, and the cell."""

    row: int
    column: int
    cell: Cell


@dataclass(frozen=True)
class Table:
    """Rows of cells; the first ``header_rows`` rows are headers. ``align`` holds
    one entry per grid column ("left", "right" or "center")."""

    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 0
    caption: Text = ()
    align: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        rows = tuple(tuple(c if isinstance(c, Cell) else Cell(c) for c in r) for r in self.rows)
        object.__setattr__(self, "rows", rows)

    def placed(self) -> list[Placed]:
        """Every cell with the grid position it starts at, row by row: a cell goes
        in the first column its row has free, after the rows above have spread
        their spans down."""
        return list(self._grid)

    @cached_property
    def _grid(self) -> tuple[Placed, ...]:
        # Worked out once per table: writers ask for it cell by cell, and a table
        # of 2,000 columns would otherwise cost minutes (the table is immutable).
        taken: set[tuple[int, int]] = set()
        out = []
        for r, row in enumerate(self.rows):
            col = 0
            for cell in row:
                while (r, col) in taken:
                    col += 1
                out.append(Placed(r, col, cell))
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, col + dc))
                col += cell.colspan
        return tuple(out)

    @cached_property
    def columns(self) -> int:
        return max((p.column + p.cell.colspan for p in self._grid), default=0)

    @property
    def spans(self) -> bool:
        return any(c.colspan > 1 or c.rowspan > 1 for r in self.rows for c in r)


@dataclass(frozen=True)
class SectionBreak:
    pass


@dataclass(frozen=True)
class CodeBlock:
    """Lines of code, kept as written (indentation and tabs included): no
    typographic rule and no line filling ever touches them."""

    lines: tuple[str, ...]
    language: str | None = None


Block = Heading | Paragraph | ListBlock | Quote | Figure | Table | SectionBreak | CodeBlock

# A number as Vietnamese tables print them: 2.900, 1.234,5, -3, 12%, 11/12, 5,2 tỷ.
_NUMERIC = re.compile(r"[-+−]?[\d.,/\s\u00a0]*\d[\d.,/\s\u00a0]*(%|‰)?( ?[^\W\d_]{1,6}\.?)?")


def numeric(text: str) -> bool:
    return bool(text.strip()) and _NUMERIC.fullmatch(text.strip()) is not None


def auto_align(rows: tuple[tuple[Cell, ...], ...] | tuple[tuple[Text, ...], ...], header_rows: int) -> tuple[str, ...]:
    """Right for a grid column whose non-empty body cells are all numbers, else left."""
    table = Table(rows, header_rows)  # type: ignore[arg-type]
    by_column: dict[int, list[str]] = {}
    for p in table.placed():
        if p.row >= header_rows and p.cell.colspan == 1:
            text = text_of(p.cell.text).strip()
            if text:
                by_column.setdefault(p.column, []).append(text)
    return tuple("right" if by_column.get(c) and all(numeric(x) for x in by_column[c]) else "left"
                 for c in range(table.columns))
