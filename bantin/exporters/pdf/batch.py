"""A long table set some pages of rows at a time.

reportlab makes the rest of a table anew at every page it breaks (its rows, their
styles, its commands), so a table of 20,000 one-line rows took a minute, 40,000
rows three (helper-163), and a briefing's contents of 10,000 articles, one table
too, some seventy seconds (helper-164). A ``Batched`` table holds a first batch of
rows; the others wait in ``more`` and come into the rest of the table when fewer
than ``LONG`` of its rows are left, which is always more than a page holds: every
page breaks where the whole table would have, and the rest is made anew from a
few hundred rows, not from all that follow.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Table

# Body rows a long table is set with at a time: some pages' worth.
LONG = 300

# reportlab's merged cell, ("SPAN", (first column, first row), (last column, last row)).
Merge = tuple[Any, ...]
# A batch of rows and the merged cells in them, their rows counted from its first.
Batch = tuple[Sequence[list[Any]], Sequence[Merge]]
# How to make a table of rows that go on: its rows, how many of them head it (the
# rows reportlab repeats), and its merged cells.
Grow = Callable[[list[list[Any]], int, list[Merge]], "Batched"]


class Batched(Table):
    """reportlab's table, with the batches of rows still to come (``more``) and
    how to make a table of the rows that go on (``grow``)."""

    more: Sequence[Batch] = ()
    grow: Grow | None = None

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        w, h = super().wrap(aW, aH)
        # Rows still to come never fit: the frame splits the table, and the split
        # takes them in.
        return (w, max(h, aH + 1)) if self.more else (w, h)

    def split(self, aW: float, aH: float) -> list[Any]:  # noqa: N803 - reportlab's names
        if self.more and len(self._cellvalues) - int(getattr(self, "repeatRows", 0)) < LONG:
            return self._grown(aW, aH).split(aW, aH)  # a page's worth of rows or less left in it
        parts = self.pieces(aW, aH)
        if self.more and len(parts) == 1:  # every row in it fits: more of the rest comes in
            return self._grown(aW, aH).split(aW, aH)
        if self.more and parts:
            self.carry(parts[-1])
        return parts

    def carry(self, rest: Batched) -> None:
        """Give the rest of a split (which reportlab makes anew) the rows to come."""
        rest.more, rest.grow = self.more, self.grow

    def pieces(self, aW: float, aH: float) -> list[Any]:  # noqa: N803 - reportlab's names
        """The table split as reportlab splits it (a subclass's own way here)."""
        return list(super().split(aW, aH))

    def merges(self) -> list[Merge]:
        """This table's merged cells, counted from its first row and column (a
        split's rest holds them as reportlab moved them)."""
        out = []
        for op, (c0, r0), (c1, r1) in self._spanCmds:
            c0, c1 = (c + self._ncols if c < 0 else c for c in (c0, c1))
            r0, r1 = (r + self._nrows if r < 0 else r for r in (r0, r1))
            out.append((op, (c0, r0), (c1, r1)))
        return out

    def _grown(self, aW: float, aH: float) -> Batched:  # noqa: N803 - reportlab's names
        """This table with the next batch in it, measured on this one's canvas, as
        the frame measures what it splits."""
        assert self.grow is not None
        rows: list[list[Any]] = self._cellvalues
        added, merged = self.more[0]
        grown = self.grow([*rows, *added], int(getattr(self, "repeatRows", 0)),
                          [*self.merges(), *moved(merged, len(rows))])
        grown.more, grown.grow = self.more[1:], self.grow
        canv = getattr(self, "canv", None)
        if canv is not None:
            grown.canv = canv
        grown.wrap(aW, aH)
        return grown


def moved(merges: Sequence[Merge], by: int) -> list[Merge]:
    """The merged cells ``by`` rows further down."""
    return [(op, (c0, r0 + by), (c1, r1 + by)) for op, (c0, r0), (c1, r1) in merges]


def batches(rows: Sequence[list[Any]], merges: Sequence[Merge], head: int) -> list[Batch]:
    """The rows in batches, each with its merged cells: the first the ``head``
    rows (a header) and ``LONG`` more, each other ``LONG`` rows, a batch ending
    later only where a cell merged down the rows goes on into the next row (a
    batch never cuts a merged cell). One batch for a table of up to two batches'
    rows after its head, and for one that a merged cell crosses from top to bottom."""
    n = len(rows)
    if n <= head + 2 * LONG:
        return [(rows, merges)]
    # crossing[b]: how many merged cells go on from row b - 1 into row b.
    crossing = [0] * (n + 1)
    for _op, (_c0, r0), (_c1, r1) in merges:
        if r1 > r0:
            crossing[r0 + 1] += 1
            crossing[min(r1, n - 1) + 1] -= 1
    starts, open_, due = [0], 0, head + LONG
    for b in range(1, n):
        open_ += crossing[b]
        if b >= due and not open_:
            starts.append(b)
            due = b + LONG
    ends = [*starts[1:], n]
    held: list[list[Merge]] = [[] for _ in starts]
    for m in merges:
        held[bisect_right(starts, m[1][1]) - 1].append(m)
    return [(rows[a:z], moved(held[i], -a)) for i, (a, z) in enumerate(zip(starts, ends, strict=True))]
