"""The size a table's text is set in: the body's cell size, or smaller when the
columns' longest words do not fit side by side at it.

A budget table of six columns of "12.345.678.000" is wider than an A4 column at
the cell size: the DOCX broke each figure in two ("12.345.678." / "000") and the
PDF set the last columns in a second band whose rows no longer named their unit.
Office users shrink such a table's font; so do the PDF and the DOCX, by the same
rule, in half points down to ``SMALLEST``. A table that fits at no size (80
columns) keeps the cell size, and each exporter does what it does with it.

A table or a picture in a cell is set in that cell's width, which its column
claims for it (``held``, ``holding``) as far as the other columns leave room.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from bantin.model import Figure, Table

LONG_WORD = 12  # characters a column keeps whole of a word its exporter may break (an address)
WHOLE = 23  # characters: a word up to this long (a paper's symbol, "01/2025/TT-BGDĐT") stays whole
_ADDRESS = re.compile(r"://|^www\.|@", re.IGNORECASE)
PICTURES = 3  # a picture in a cell claims a third of the text's width, lest it be a stamp; less beside more
SMALLEST = 7.0  # points: the least a printed table's figures stay legible at
STEP = 0.5  # points


def fitting(least: Sequence[float], pad: float, avail: float, size: float) -> float:
    """The largest size, ``size`` itself or smaller by ``STEP`` down to
    ``SMALLEST``, at which the columns fit ``avail``: ``least`` is each column's
    longest word measured at ``size`` with its padding ``pad``, which does not
    shrink with the text."""
    if sum(least) <= avail:
        return size
    trial = size - STEP
    while trial >= SMALLEST - 1e-9:
        scale = trial / size
        if sum((w - pad) * scale + pad for w in least) <= avail:
            return trial
        trial -= STEP
    return size


def claim(word: str) -> str:
    """What of ``word`` a column must hold on one line: all of it (a figure, a
    paper's symbol, which read as another number when broken), but only the first
    ``LONG_WORD`` characters of an address or of a word longer than ``WHOLE`` (a
    joint circular's 34-character symbol), which the exporters break at their
    punctuation rather than crush the other columns."""
    return word[:LONG_WORD] if len(word) > WHOLE or _ADDRESS.search(word) else word


def held(t: Table, avail: float, inner: Callable[[Table], float]) -> list[float]:
    """Per column, what the tables and pictures in its cells need: a table
    ``inner(table)``, its own columns' longest words side by side; a picture its
    share of ``avail``, a third, or less when more columns hold pictures (six
    photos in a row, each a sixth); a merged cell's need shared by its columns."""
    pictured = {c for p in t.placed() if any(_picture(b) for b in p.cell.blocks)
                for c in range(p.column, p.column + p.cell.colspan)}
    share = avail / max(PICTURES, len(pictured)) if avail < math.inf else 0.0
    out = [0.0] * t.columns
    for p in t.placed():
        need = max([0.0, *(inner(b) if isinstance(b, Table) else share * p.cell.colspan
                           for b in p.cell.blocks if isinstance(b, Table) or _picture(b))])
        span = range(p.column, min(t.columns, p.column + p.cell.colspan))
        for c in span:
            out[c] = max(out[c], need / len(span))
    return out


def _picture(b: object) -> bool:
    return isinstance(b, Figure) and b.image is not None


def holding(least: Sequence[float], held: Sequence[float], avail: float) -> list[float]:
    """Each column's least width once the tables and pictures in its cells are
    counted: ``held`` is what they need (``held``). A column gets that, but no more
    than the other columns leave of ``avail``: past that a table in the cell is set
    smaller, or in bands, within its cell, rather than the table around it being
    set in bands that part each row from its name."""
    out = list(least)
    for c, need in enumerate(held):
        if need > out[c]:
            out[c] = max(out[c], min(need, avail - (sum(out) - out[c])))
    return out
