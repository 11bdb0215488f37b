"""Restore paragraph breaks that scrapers collapsed.

Bodies stored on one line lose their breaks as runs of spaces ("…năm.  Trong…")
or with no space at all ("…bếp.Lực lượng…"). Only a lower-case letter or digit,
a full stop and a capital followed by a lower-case letter count as a glued
boundary, so "TP.HCM", "VOV.VN" and "vnexpress.net" stay whole.
"""

from __future__ import annotations

import re

_DOUBLE_SPACE = re.compile(r"(?<=[.!?…”\"])\s{2,}(?=\S)")
_CANDIDATE = re.compile(r"(?<=[^\W_][.!?…])(?=[^\W\d_]{2})")


def _glued(text: str, at: int) -> bool:
    before, first, second = text[at - 2], text[at], text[at + 1]
    return (before.islower() or before.isdigit()) and first.isupper() and second.islower()


def _split_glued(text: str) -> list[str]:
    cuts = [m.start() for m in _CANDIDATE.finditer(text) if _glued(text, m.start())]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def split(line: str, collapsed: bool = True) -> list[str]:
    """Split at glued boundaries; at runs of spaces too when the line is a whole
    body collapsed onto one line."""
    parts: list[str] = []
    for chunk in _DOUBLE_SPACE.split(line) if collapsed else [line]:
        parts.extend(p.strip() for p in _split_glued(chunk))
    return [p for p in parts if p]
