"""A spaced hyphen used as a separator becomes a spaced en dash.

"kinh tế - xã hội" → "kinh tế – xã hội". Unspaced hyphens are left alone: they are
ranges (2025-2030), dates (15-10) or parts of loanwords (xi-nhan).
"""

import re

NAME = "dashes"

_SPACED = re.compile(r"(?<=\S) +-{1,2} +(?=\S)")
_LEADING = re.compile(r"^-{1,2} +(?=\S)")


def apply(text: str) -> str:
    text = _SPACED.sub(" \u2013 ", text)
    return _LEADING.sub("\u2013 ", text)
