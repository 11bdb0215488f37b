"""Tone-mark placement: keep the source's (default), or unify on one convention.

Old style marks the first vowel of open "oa", "oe", "uy" (hòa, khỏe, thủy); new
style (Quyết định 1989/QĐ-BGDĐT) marks the second (hoà, khoẻ, thuỷ). Only syllables
that end in those pairs differ; "hoàng", "quý" and "thuyết" are the same in both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

NAME = "tone_marks"
STYLES = ("keep", "old", "new")

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# In NFD, a syllable-final pair with the tone on its first or second vowel; the
# letter before must not be q/g (in "qu", "gi" the u/i is part of the consonant).
_END = r"(?![\w\u0300-\u036f])"
_OLD = re.compile(rf"(?<![qQ])([oO])([{_TONES}])([aAeE]){_END}|(?<![qQ])([uU])([{_TONES}])([yY]){_END}")
_NEW = re.compile(rf"(?<![qQ])([oO])([aAeE])([{_TONES}]){_END}|(?<![qQ])([uU])([yY])([{_TONES}]){_END}")


def _swap(m: re.Match[str]) -> str:
    g = m.groups()
    return g[0] + g[2] + g[1] if g[0] else g[3] + g[5] + g[4]


def converter(style: str) -> Callable[[str], str]:
    if style == "keep":
        return lambda s: s
    if style not in STYLES:
        raise ValueError(f"tone_marks must be one of {', '.join(STYLES)}, not {style!r}")
    pattern, fix = (_OLD if style == "new" else _NEW), _swap

    def convert(text: str) -> str:
        d = unicodedata.normalize("NFD", text)
        return unicodedata.normalize("NFC", pattern.sub(fix, d))

    return convert
