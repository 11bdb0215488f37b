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

from bantin.exporters import table_size
from bantin.model import Table

EM_PER_CHAR = 0.6  # an average glyph is a little over half an em (docx/tables.py)
PAD = 0.8  # ems: a cell's padding, 0.4 em each side (css: "padding: 0.2em 0.4em")
# The line a table is shared for, in ems at the cell size: a 360-pixel phone's
# (its margins taken off) for a table a phone shows as a grid; a 600-pixel
# tablet's for one of ``WIDE`` columns or more, whose rows a phone sets as blocks
# (``cells``). A share made for the phone's line is more than the short column
# needs on a wider screen, never less.
PHONE = 24.0
TABLET = 36.0


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
    in ems (a header's bold a tenth wider), by ``table_size.measure``."""
    return table_size.measure(b, lambda x, head: len(x) * EM_PER_CHAR * (1.1 if head else 1.0), PAD, avail)


def colgroup(b: Table, wide: bool) -> str:
    """The ``<colgroup>`` that gives each column its share, or nothing."""
    found = shares(b, wide)
    if found is None:
        return ""
    return "<colgroup>" + "".join(f'<col style="width: {s:g}%"/>' for s in found) + "</colgroup>"
