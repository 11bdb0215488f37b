"""Each column's share of a table's width in the EPUB, by the rule the PDF and the
DOCX share (``table_size.shared``).

Left to itself a reading system's table layout gives each column its longest word
and shares the rest in proportion to the text above it, the rule ``table_size``
gave up: beside a cell of 400 words "Trần Thị Bình" stood on three lines and
"Thành phố Hồ Chí Minh" on five (helper-168). The book has no font metrics and
no page: widths are estimated from character counts, as the DOCX does, and
written as percentages of the table, so that they hold at any screen width."""

from __future__ import annotations

import math
import re

from bantin.exporters import table_size
from bantin.exporters.table_size import claim
from bantin.model import ListBlock, Table, lines_of, text_of

EM_PER_CHAR = 0.6  # an average glyph is a little over half an em (docx/tables.py)
PAD = 0.8  # ems: a cell's padding, 0.4 em each side (css: "padding: 0.2em 0.4em")
# The line a table is shared for, in ems at the cell size: a 360-pixel phone's
# (its margins taken off) for a table a phone shows as a grid; a 600-pixel
# tablet's for one of ``WIDE`` columns or more, whose rows a phone sets as blocks
# (``cells``). A share made for the phone's line is more than the short column
# needs on a wider screen, never less.
PHONE = 24.0
TABLET = 36.0
_FIGURE = re.compile(r"[+\-−]?\d[\d.,]*%?")  # a figure never breaks ("12.345.678.000"): it claims all it needs


def shares(b: Table, wide: bool) -> list[float] | None:
    """Each column's percentage of the table's width, or None when the columns'
    text fits the line on one line each (the reading system sets it as wide as it
    needs) or their longest words alone do not (it sets them side by side, and the
    table scrolls in its box)."""
    avail = TABLET if wide else PHONE
    longest, least = _measure(b, avail)
    natural = [max(4, n) * EM_PER_CHAR + PAD for n in longest]
    natural = [max(a, m) for a, m in zip(natural, least, strict=True)]
    if sum(natural) <= avail or sum(least) >= avail:
        return None
    widths = table_size.shared(natural, least, avail)
    total = sum(widths)
    # Rounded down to a tenth, so that the shares never add up to more than the table.
    return [math.floor(1000 * w / total) / 10 for w in widths]


def _measure(b: Table, avail: float = math.inf) -> tuple[list[int], list[float]]:
    """Per column, its longest one-column cell in characters, and its longest word
    in ems with the padding (a header's bold a tenth wider), or the longest words
    of a table in a cell side by side, as much as ``avail`` leaves it
    (``table_size.holding``). A merged cell is set across its columns' widths and
    claims none of its own, as in the DOCX."""
    longest = [0] * b.columns
    least = [0.0] * b.columns
    for p in b.placed():
        if p.cell.colspan != 1:
            continue
        text = text_of(p.cell.text)
        extra = 4 if any(isinstance(x, ListBlock) for x in p.cell.blocks) else 0  # a list's indent
        longest[p.column] = max(longest[p.column], max(map(len, lines_of(text))) + extra)
        bold = 1.1 if p.row < b.header_rows else 1.0
        words = [len(x if _FIGURE.fullmatch(x) else claim(x)) + extra for x in text.split()]
        least[p.column] = max([least[p.column], *(n * EM_PER_CHAR * bold + PAD for n in words)])
    held = table_size.held(b, avail, lambda inner: sum(_measure(inner)[1]) + PAD)
    return longest, table_size.holding(least, held, avail)


def colgroup(b: Table, wide: bool) -> str:
    """The ``<colgroup>`` that gives each column its share, or nothing."""
    found = shares(b, wide)
    if found is None:
        return ""
    return "<colgroup>" + "".join(f'<col style="width: {s:g}%"/>' for s in found) + "</colgroup>"
