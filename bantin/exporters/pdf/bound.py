"""No-break spaces (U+00A0) in a PDF paragraph: the gaps reportlab stretches on a
justified line, and the bound group wider than its line.

The typography layer binds typographic groups with U+00A0 ("5 triệu", "ngày
19.5.2016", "TP. Hồ"; in display text the syllables of a word or name, "Thành
phố Hồ Chí Minh"). reportlab never breaks a line there, but it does stretch them:
``paragraph._justifyDrawParaLine`` shares a line's extra room among
``len(words) + (no-break spaces) - 1`` spaces (``_justifyDrawParaLineX`` likewise
for a line of several fonts), and the TrueType subsetter draws U+00A0 as code 32
("map nbsp into space", ``ttfonts``), which the word spacing Tw widens. ``gaps``
counts the same gaps, so that the looseness measured is the looseness drawn.

A group wider than its line has no place reportlab may break it, and reportlab
then cuts it inside a letter run wherever the line ends ("ngày 1" / "9.5.2016").
``unbind`` turns the fewest of its no-break spaces into spaces, so that each part
fits a line: the binding is a preference, the syllable's shape is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

NBSP = "\u00a0"
try:  # the characters reportlab breaks a line at: every Unicode space but U+00A0
    from reportlab.platypus.paragraph import _wsc as _BREAKING
except ImportError:  # pragma: no cover - another reportlab: the same set, as 5.1 has it
    _BREAKING = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != NBSP) + "\u200b"
_TOKEN = re.compile(f"([{re.escape(_BREAKING)}]+)|({NBSP})")


def gaps(words: Sequence[str]) -> int:
    """The gaps reportlab stretches on a justified line of ``words`` (one font):
    one between two words, and each no-break space inside a word."""
    return len(words) - 1 + sum(w.count(NBSP) for w in words)


def frag_gaps(line: Any) -> int:
    """``gaps`` for a line of several fonts (reportlab's FragLine): its word count
    less one, and each no-break space of its text."""
    bound: int = sum(w.text.count(NBSP) for w in getattr(line, "words", ()) if not hasattr(w, "cbDefn"))
    return int(getattr(line, "wordCount", 0)) - 1 + bound


class _Group:
    """A run of text between two breaking spaces: the widths of its pieces between
    no-break spaces, and where each of those spaces is (frag, offset, width)."""

    def __init__(self, x: float) -> None:
        self.x = x  # the natural width of the paragraph's text before it
        self.pieces = [0.0]
        self.binds: list[tuple[int, int, float]] = []

    @property
    def width(self) -> float:
        return sum(self.pieces) + sum(w for _, _, w in self.binds)

    def cuts(self, widths: Sequence[float]) -> list[tuple[int, int]]:
        """The no-break spaces to break at: none when the group fits a line, else
        the fewest (each part as long as fits, from the left)."""
        if not self.binds:
            return []
        # A group that may stand on the first line must fit the narrower of the
        # first line and the others (an indented first line, a hanging bullet).
        room = min(widths) if self.x < widths[0] else min(widths[1:] or widths)
        if self.width <= room:
            return []
        out, line = [], self.pieces[0]
        for (frag, at, width), piece in zip(self.binds, self.pieces[1:], strict=True):
            if line + width + piece > room:
                out.append((frag, at))
                line = piece
            else:
                line += width + piece
        return out


def _groups(frags: Sequence[Any], first: float) -> list[_Group]:
    """The groups of ``frags``, measured, each with the natural width of the text
    before it (``first``: the first line's width, which a forced line break
    passes)."""
    groups = [_Group(0.0)]
    x = 0.0
    for i, f in enumerate(frags):
        text = getattr(f, "text", None)
        if not isinstance(text, str) or hasattr(f, "cbDefn") or getattr(f, "lineBreak", False):
            if getattr(f, "lineBreak", False):  # what follows stands on a later line
                x = max(x, first)
            groups.append(_Group(x))
            continue
        font, size = f.fontName, f.fontSize
        group, start = groups[-1], 0
        for m in _TOKEN.finditer(text):
            run = stringWidth(text[start:m.start()], font, size)
            group.pieces[-1] += run
            x += run
            if m.group(1):  # a breaking space ends the group
                x += stringWidth(" ", font, size)
                group = _Group(x)
                groups.append(group)
            else:
                width = stringWidth(NBSP, font, size)
                group.binds.append((i, m.start(), width))
                group.pieces.append(0.0)
                x += width
            start = m.end()
        run = stringWidth(text[start:], font, size)
        group.pieces[-1] += run
        x += run
    return groups


def widest(frags: Sequence[Any]) -> float:
    """The width of the widest run of ``frags`` that no line may break: a word, or
    a group bound by no-break spaces."""
    return max((g.width for g in _groups(frags, 0.0)), default=0.0)


def unbind(frags: Sequence[Any], widths: Sequence[float]) -> list[Any] | None:
    """``frags`` (a paragraph's parsed fragments) with the no-break spaces of every
    group wider than its line (``widths``: the first line's, then the others')
    made breaking spaces as ``_Group.cuts`` chooses; None when there are none.
    Fragments already broken into words (a paragraph's part after a page break)
    are left as they are: their lines were chosen when the paragraph was whole."""
    if not any(NBSP in (getattr(f, "text", None) or "") for f in frags):
        return None
    cut: dict[int, list[int]] = {}
    for group in _groups(frags, widths[0]):
        for frag, pos in group.cuts(widths):
            cut.setdefault(frag, []).append(pos)
    if not cut:
        return None
    out = list(frags)
    for i, positions in cut.items():
        chars = list(out[i].text)
        for pos in positions:
            chars[pos] = " "
        out[i] = out[i].clone(text="".join(chars))
    return out
