"""List labels and the column they hang in."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from bantin.exporters.labels import bullet
from bantin.exporters.pdf.styles import LABEL_GAP
from bantin.exporters.roles import MM
from bantin.model import ListBlock

GAP = 1.8 * MM  # between a label and its text
LEAST = 5 * MM  # the label column of a short label, as the item role has it


def labels(b: ListBlock, depth: int) -> list[str]:
    """Each item's label as the reader sees it: "3.", "c)", "IV.", or a bullet."""
    if b.ordered:
        return [b.label(i) for i in range(len(b.items))]
    return [bullet(depth)] * len(b.items)


def hang(marks: list[str], font: str, size: float) -> float:
    """The width of the label column: the widest label and a gap, so that the
    text of every item (and every line of it) starts at the same place."""
    widest = max((stringWidth(m, font, size) for m in marks), default=0.0)
    return max(LEAST, widest + max(GAP, LABEL_GAP * size))
