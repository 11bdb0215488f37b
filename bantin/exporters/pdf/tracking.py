"""Letter spacing for the rare justified line that its word spaces cannot fill.

A line followed by a word that cannot come up (a long number-and-unit group, a
document number, a parenthesised foreign title) is left with room that its few
spaces would have to take: past twice the normal space the line reads as a row of
gaps, and ``flowables.Marked`` used to set it flush left, a ragged line in a
justified column. Print desks share such room between the spaces and the letters
(InDesign's letter-spacing range, pdfTeX's microtype): here the spaces take up to
``GAP`` of a word space more than normal, the letters up to ``LIMIT`` em each, and
only a line that still cannot be filled is set flush left.

reportlab draws a one-font justified line with ``_justifyDrawParaLine``; ``install``
wraps it so that a line whose words carry a ``tracking`` sets the PDF character
spacing (Tc) for that line alone. Installed only on the reportlab versions it was
read in; elsewhere no line is tracked and they fall back to flush left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import paragraph

from bantin.exporters.pdf import bound, patch

# reportlab versions whose paragraph module draws a kind-0 justified line with
# _justifyDrawParaLine(tx, offset, extraspace, words, last) (read in 4.0 to 5.1).
CHECKED = ("4.", "5.")
GAP = 0.9  # of a word space: what the spaces take first, before the letters share the room
LIMIT = 0.03  # em per letter: the line reads loose, still as type rather than as letters spaced out

_draw_line: Callable[..., Any] | None = None


class Tracked(list[Any]):
    """A line's words, with the character spacing (pt) to draw them with."""

    tracking: float = 0.0


def spare(chars: int, gaps: int, size: float) -> float:
    """The room letter spacing can take on a line of ``chars`` characters and
    ``gaps`` spaces at ``size`` once its spaces are as wide as allowed: Tc follows
    every glyph but the last, and a space seen between two words takes it twice
    (after the word's last letter and after the space itself). Nothing where it
    cannot be drawn."""
    if _draw_line is None:
        return 0.0
    return LIMIT * size * max(0, chars - 1 - 2 * gaps)


def track(extra: float, words: list[Any], space: float, size: float, max_gap: float) -> tuple[float, list[Any]] | None:
    """The (extra space, words) that set a loose justified line with letter
    spacing, or None when that cannot keep its spaces, as seen, under ``max_gap``
    times the word space (or letter spacing cannot be drawn here). The gaps are
    those reportlab widens: the no-break spaces inside words too (``bound.gaps``)."""
    gaps = bound.gaps(words)
    letters = len(" ".join(words)) - 1
    if _draw_line is None or gaps < 1 or letters <= 2 * gaps:
        return None
    # A seen gap is the space, its share of the extra room (Tw) and two letter
    # spacings: the spaces come to GAP first, the letters take what is left.
    spacing = min(LIMIT * size, max(0.0, extra - gaps * GAP * space) / (letters - 2 * gaps))
    per_gap = (extra - spacing * letters) / gaps
    if per_gap + 2 * spacing > (max_gap - 1) * space + 1e-6:
        return None
    tracked = Tracked(words)
    tracked.tracking = spacing
    return extra - spacing * letters, tracked


def _justify_line(tx: Any, offset: float, extraspace: float, words: list[Any], last: int = 0) -> Any:
    assert _draw_line is not None
    spacing = getattr(words, "tracking", 0.0)
    if not spacing or last:
        return _draw_line(tx, offset, extraspace, words, last)
    tx.setCharSpace(spacing)
    try:
        return _draw_line(tx, offset, extraspace, words, last)
    finally:
        tx.setCharSpace(0)


def install() -> None:
    """Install the tracked line drawing (idempotent), on a reportlab version it was checked against."""
    global _draw_line
    _draw_line = patch.replace(paragraph, "_justifyDrawParaLine", _justify_line, CHECKED) or _draw_line
