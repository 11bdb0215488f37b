"""Restore paragraph breaks that scrapers collapsed.

Bodies stored on one line lose their breaks as runs of spaces ("…năm.  Trong…")
or with no space at all ("…bếp.Lực lượng…", "…của IDF.Chiến dịch…"). A full
stop between a word and a capital followed by a lower-case letter counts as a
glued boundary when the word ends in a lower-case letter, a digit or a per cent
sign ("70%.Các nghề"), or is an acronym of two capitals or more; so "TP.HCM",
"VOV.VN" and "vnexpress.net" stay whole, and so do a title or place word
("TP.Bạc Liêu", "PGS.TS.Lê", "Mr.Smith") and an initial ("Q.Ba Đình", "A.Nguyễn").
"""

from __future__ import annotations

import re

from bantin.source.rules.sentences import ABBREVIATIONS, word_before
from bantin.source.rules.table import trimmed

_DOUBLE_SPACE = re.compile(r"(?<=[.!?…”\"])\s{2,}(?=\S)")
_CANDIDATE = re.compile(r"(?<=[^\W_][.!?…]|%[.!?…])(?=[^\W\d_]{2})")


def _glued(text: str, at: int) -> bool:
    if not (text[at].isupper() and text[at + 1].islower()):
        return False
    stop = at - 1
    if text[stop - 1] == "%":  # "hỗ trợ 70%.Các nghề": a figure ends the sentence
        return True
    word = word_before(text, stop)
    if word.casefold() in ABBREVIATIONS:
        return False
    return word[-1].islower() or word[-1].isdigit() or (len(word) >= 2 and word.isupper())


def _split_glued(text: str) -> list[str]:
    cuts = [m.start() for m in _CANDIDATE.finditer(text) if _glued(text, m.start())]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def split(line: str, collapsed: bool = True) -> list[str]:
    """Split at glued boundaries; at runs of spaces too when the line is a whole
    body collapsed onto one line."""
    parts: list[str] = []
    for chunk in _DOUBLE_SPACE.split(line) if collapsed else [line]:
        parts.extend(trimmed(p) for p in _split_glued(chunk))
    return [p for p in parts if p]
