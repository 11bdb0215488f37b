"""Even lines for a short piece of display text that wraps: the issuer's name
at the head of a công văn ("VĂN PHÒNG UBND" / "TỈNH BẮC NINH", not "VĂN PHÒNG
UBND TỈNH BẮC" / "NINH"), where a greedy wrap leaves a word alone on its last
line. The PDF narrows a paragraph's measure the same way (``pdf.flowables.balanced``);
the DOCX and the text, which set their own line breaks, take the lines from here.
"""

from __future__ import annotations

from collections.abc import Callable

STEPS = 12  # halvings of the measure: a 4096th of it, finer than any face's unit


def balance(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` in the number of lines a greedy wrap at ``width`` gives, at the
    narrowest measure that keeps that number, so the lines come out of like
    length. Lines break only at ordinary spaces (a word whose syllables
    ``words.join`` bound with no-break spaces stays whole, and comes back with
    ordinary ones); a word wider than ``width`` stands alone."""
    words = [w for w in text.split(" ") if w]
    lines = _greedy(words, width, measure)
    if len(lines) < 2:
        return [line.replace("\u00a0", " ") for line in lines]
    low, high = max(measure(w) for w in words), width
    for _ in range(STEPS):
        if high - low <= 0:
            break
        mid = (low + high) / 2
        low, high = (low, mid) if len(_greedy(words, mid, measure)) <= len(lines) else (mid, high)
    return [line.replace("\u00a0", " ") for line in _greedy(words, high, measure)]


def _greedy(words: list[str], width: float, measure: Callable[[str], float]) -> list[str]:
    lines: list[str] = []
    for w in words:
        if lines and measure(f"{lines[-1]} {w}") <= width:
            lines[-1] = f"{lines[-1]} {w}"
        else:
            lines.append(w)
    return lines
