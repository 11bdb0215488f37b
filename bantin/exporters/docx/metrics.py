"""Glyph widths of the fonts a DOCX names, read from the font files bantin embeds,
so that the DOCX can measure what Word will set (a column's longest word, a
balanced line) as reportlab measures it for the PDF."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=8)
def _advances(path: Path) -> tuple[dict[int, int], int]:
    """Each character's advance width in the font at ``path``, and its units per em
    (read once per process)."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as f:
        metrics = f["hmtx"].metrics
        return {cp: metrics[g][0] for cp, g in f.getBestCmap().items()}, f["head"].unitsPerEm


def text_width(path: Path, text: str, size: float) -> float:
    """``text``'s width in points at ``size`` in the font at ``path``, unkerned, as
    reportlab's stringWidth measures it for the PDF."""
    advances, upem = _advances(path)
    return sum(advances.get(ord(c), upem // 2) for c in text) * size / upem
