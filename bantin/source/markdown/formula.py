"""Pandoc's "$…$" and "$$…$$" formulas (``tex_math_dollars``), found as pandoc finds
them and kept as written, dollars included, as code: no typographic rule may touch
a formula (helper-156: "$a - b = c$" was printed "$a – b = c$", its minus an en dash).

Inline, the opening "$" is followed by a non-space and the closing one, the first
unescaped "$" after it, follows a non-space and is followed by no digit: "$20,000
và $30,000" and "giá 5$ và 10$" are prose. One rule more than pandoc's, as
markdown-it's dollarmath reads prices: a "$" right after a digit opens nothing
("100$/tấn và 200$/tấn" is prose). Display, "$$" runs to the next "$$", over
lines if it must (within the paragraph: a blank line ends it, as in pandoc).
Each scan looks only as far as the next "$", so a line of them stays linear.
"""

from __future__ import annotations

from typing import Any

TOKEN = "bantin_math"  # the inline token of a formula: its ``content`` is the formula as written


def _escaped(src: str, at: int) -> bool:
    """Whether the character at ``at`` follows an odd run of backslashes."""
    k = at
    while k > 0 and src[k - 1] == "\\":
        k -= 1
    return (at - k) % 2 == 1


def _end(src: str, pos: int) -> int | None:
    """Where the formula opening at ``pos`` ends (past its closing marks), or None."""
    if src.startswith("$$", pos):
        close = src.find("$$", pos + 2)
        return close + 2 if close > pos + 2 and src[pos + 2:close].strip() else None
    if pos + 1 >= len(src) or src[pos + 1].isspace() or (pos > 0 and src[pos - 1].isdigit()):
        return None
    close = pos + 1
    while True:
        close = src.find("$", close)
        if close < 0:
            return None
        if not _escaped(src, close):
            break
        close += 1
    if src[close - 1].isspace() or (close + 1 < len(src) and src[close + 1].isdigit()):
        return None  # pandoc tries no later "$": the first one closes, or nothing does
    return close + 1


def rule(state: Any, silent: bool) -> bool:
    """markdown-it's inline rule: a formula at ``state.pos``."""
    if state.src[state.pos] != "$" or _escaped(state.src, state.pos):
        return False
    end = _end(state.src, state.pos)
    if end is None:
        return False
    if not silent:
        token = state.push(TOKEN, "", 0)
        token.content = state.src[state.pos:end]
    state.pos = end
    return True
