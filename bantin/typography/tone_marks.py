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
# In NFD, a whole syllable: a Vietnamese initial consonant (or none) at the start of
# a word, then the pair with the tone on its first or second vowel, at its end.
# Foreign names end in these pairs too (Chloé, Zoé, Chúy) and keep their spelling:
# "chl", "z", "j" start no Vietnamese syllable. No "qu" either: its u is part of
# the consonant ("quý" is the same in both styles).
_START = r"(?<![\w\u0300-\u036f])((?i:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|[bcdđghklmnprstvx])?)"
_END = r"(?![\w\u0300-\u036f])"
_OLD = re.compile(rf"{_START}(?:([oO])([{_TONES}])([aAeE])|([uU])([{_TONES}])([yY])){_END}")
_NEW = re.compile(rf"{_START}(?:([oO])([aAeE])([{_TONES}])|([uU])([yY])([{_TONES}])){_END}")


def _swap(m: re.Match[str]) -> str:
    g = m.groups()
    return g[0] + (g[1] + g[3] + g[2] if g[1] else g[4] + g[6] + g[5])


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
