"""Remove invisible characters and collapse runs of white space.

Zero-width spaces and stray control characters arrive from web copy (one title in
the corpus starts with U+200B); they break searching, wrapping and glyph lookup.
"""

import re

NAME = "cleanup"

# Cc and Cf characters except the ones that carry meaning in Vietnamese text runs:
# none do, so all of them go, including the BOM and soft hyphen (no hyphenation).
INVISIBLE = re.compile(
    "[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)
# Line and paragraph separators (vertical tab, form feed, NEL, U+2028, U+2029) end
# a line as a newline does: between two words they are white space, and removing
# them would glue the words ("Hà\u2028Nội" is "Hà Nội", not "HàNội").
_SPACES = re.compile(r"[ \t\n\r\u000b\u000c\u0085\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def apply(text: str) -> str:
    text = INVISIBLE.sub("", text)
    # No strip here: a span's edge space separates it from the next span. The
    # model strips whole texts (see model.map_text).
    return _SPACES.sub(" ", text)
