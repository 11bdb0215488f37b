"""Remove invisible characters and collapse runs of white space.

Zero-width spaces and stray control characters arrive from web copy (one title in
the corpus starts with U+200B); they break searching, wrapping and glyph lookup.
"""

import re

NAME = "cleanup"

# Pictographs an emoji sequence joins (Unicode's Extended_Pictographic, by block:
# a few symbols that are no emoji fall inside, and a joiner between two of them is
# as harmless as it is rare), and what may stand between a pictograph and its
# joiner: a variation selector (🏳️‍🌈 is 🏳 U+FE0F U+200D 🌈).
_PICTOGRAPH = ("\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u25fe"
               "\u2600-\u27bf\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff")
# Cc and Cf characters except the ones that carry meaning in Vietnamese text runs:
# none do, so all of them go, including the BOM and soft hyphen (no hyphenation).
# The one exception is the zero-width joiner between two pictographs: it makes
# 👨‍👩‍👧 one family, and without it the emoji is three faces in every format. A
# joiner anywhere else (between letters, at a span's edge) still goes. Variation
# selectors (U+FE0E, U+FE0F) are not Cf and are kept. The bidirectional
# isolates (U+2066–U+2069, which a right-to-left editor leaves around a pasted
# name) go as the embeddings and overrides (U+202A–U+202E) do: Vietnamese runs
# left to right, and in a PDF they are boxes or reorder the line. Tag characters
# (U+E0020–U+E007F) are Cf too, but they spell a flag's region (🏴 of Scotland),
# so they stay.
INVISIBLE = re.compile(
    "[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u061c\u200b\u200c\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
    f"|(?<![{_PICTOGRAPH}])(?<![{_PICTOGRAPH}][\ufe0e\ufe0f])\u200d|\u200d(?![{_PICTOGRAPH}])"
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
