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

from bantin.model import Figure, ListBlock, Table, lines_of, text_of

LONG_WORD = 12  # characters a column keeps whole of a word its exporter may break (an address)
WHOLE = 23  # characters: a word up to this long (a paper's symbol, "01/2025/TT-BGDĐT") stays whole
_ADDRESS = re.compile(r"://|^www\.|@", re.IGNORECASE)
PICTURES = 3  # a picture in a cell claims a third of the text's width, lest it be a stamp; less beside more
# A figure never breaks ("12.345.678.000"): it claims all it needs.
FIGURE = re.compile(r"[+\-−]?\d[\d.,]*%?")
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


def measure(t: Table, word: Callable[[str, bool], float], pad: float,
            avail: float = math.inf) -> tuple[list[int], list[float]]:
    """Per column, its longest one-column cell in characters, and its longest word
    as ``word`` measures it (``True`` in a header row, set bold), its padding
    included, or the longest words of a table in a cell side by side, as much as
    ``avail`` leaves it (``holding``). A merged cell is set across its columns'
    widths and claims none of its own. The DOCX measures words with the font's
    metrics, the EPUB, which has none, by their characters."""
    longest = [0] * t.columns
    least = [0.0] * t.columns
    for p in t.placed():
        if p.cell.colspan != 1:
            continue
        text = text_of(p.cell.text)
        # A list in a cell also takes its indent: about four characters.
        extra = " " * 4 if any(isinstance(x, ListBlock) for x in p.cell.blocks) else ""
        longest[p.column] = max(longest[p.column], max(map(len, lines_of(text))) + len(extra))
        # An address or a very long word breaks where the reader may break it and
        # claims only its first characters (``claim``); a figure never breaks, nor a
        # paper's symbol: they claim all they need.
        words = [(x if FIGURE.fullmatch(x) else claim(x)) + extra for x in text.split()]
        least[p.column] = max([least[p.column], *(word(x, p.row < t.header_rows) + pad for x in words)])
    return longest, holding(least, held(t, avail, lambda inner: sum(measure(inner, word, pad)[1]) + pad), avail)


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


def shared(natural: Sequence[float], least: Sequence[float], avail: float) -> list[float]:
    """Each column's width when the cells' text on one line (``natural``) is wider
    than ``avail`` and their longest words (``least``) are not: the room above each
    column's floor shared in proportion to the text above it, the floor being the
    longest word or, if more, what the column needs up to half the level (the width
    at which columns as wide as they need, their longest word or the level, fill
    ``avail``).

    With the longest word alone as the floor, a long column took nearly all the
    room: beside a cell of 400 words the "Tên" column kept only its longest word
    and set "Nguyễn / Văn An" on two lines, and a title of ten words read a word a
    line. The floor is half the level, not all of it: a summary of twenty words
    among six short columns keeps more than their share, as before."""
    nat = [max(a, m) for a, m in zip(natural, least, strict=True)]
    if sum(nat) <= avail:
        return nat
    half = _level(nat, least, avail) / 2
    floors = [max(m, min(a, half)) for a, m in zip(nat, least, strict=True)]
    spare = max(0.0, avail - sum(floors))
    stretch = sum(a - f for a, f in zip(nat, floors, strict=True)) or 1.0
    return [f + spare * (a - f) / stretch for a, f in zip(nat, floors, strict=True)]


def _level(nat: Sequence[float], least: Sequence[float], avail: float) -> float:
    """The width L at which columns as wide as they need, their longest word or L
    (``min(need, max(word, L))``), fill ``avail``, found by halving."""
    lo, hi = 0.0, max(nat, default=0.0)
    for _ in range(60):
        mid = (lo + hi) / 2
        if sum(min(a, max(m, mid)) for a, m in zip(nat, least, strict=True)) > avail:
            hi = mid
        else:
            lo = mid
    return lo
