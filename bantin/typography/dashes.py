"""A spaced hyphen used as a separator becomes a spaced en dash.

"kinh tế - xã hội" → "kinh tế – xã hội". Unspaced hyphens are left alone: they are
ranges (2025-2030), dates (15-10) or parts of loanwords (xi-nhan). Two hyphens
typed for an en dash between numbers ("2010--2020") are one.
"""

import re

NAME = "dashes"

# The spaces after a dash are looked at, not consumed, so that a dash right
# after another ("a - - b") is seen in the same pass: applying the rule twice
# must give what applying it once gave.
_SPACED = re.compile(r"(?<=\S) +-{1,2}(?= +\S)")
_LEADING = re.compile(r"^(\s*)-{1,2}(?= +\S)")
_RANGE = re.compile(r"(?<=\d)--(?=\d)")


def apply(text: str) -> str:
    text = _RANGE.sub("\u2013", _SPACED.sub(" \u2013", text))
    return _LEADING.sub("\\1\u2013", text)
