"""No space before , . ; : ! ? … and one space after them before the next word.

An ellipsis loses the space before it only at the end: one with spaces on both
sides, or after "ngày", "tháng" or "năm", is a blank of a form (ngày … tháng …).

A space is only added where the next character is a letter, so numbers (45,5;
30.000), times (23:41), abbreviations (TP.HCM) and addresses (vov.vn) are untouched:
after a full stop only a lower-case letter followed by a capital counts as a
sentence boundary.
"""

import re

NAME = "punctuation_spacing"

# After a word, a closing bracket or quote, straight or curly: quotes are curled
# after this rule runs, and a second pass must find the same spaces.
# An ellipsis with a space on both sides is a blank to fill in, as in a form's
# "ngày … tháng … năm …", and keeps them; so does one at the end after a word
# of a date ("năm …"). At a sentence's end it sits tight: "không biết …" loses it.
_BEFORE = re.compile(r"(?<=[\w\u201d\u2019\"')\]])\s+(?=[,;!?]|[.:](?:\s|$))"
                     r"|(?<=[\w\u201d\u2019\"')\]])(?<![nN]gày)(?<![tT]háng)(?<![nN]ăm)\s+(?=\u2026$)")
_AFTER_COMMA = re.compile(r"(?<=[^\W\d_])([,;!?])(?=[^\W\d_])")
# An address (hidden by ``protect`` as one private-use character) is a word too:
# "Nguồn:https://…" becomes "Nguồn: https://…". So is a quotation opened right
# after the colon ('nói:"Tôi đến"'): an opening quote has a space before it.
_AFTER_COLON = re.compile(r"(?<=[^\W\d_])(:)(?=[^\W\d_]|[\U000F0000-\U000FFFFD]|[\"\u201c][^\W_])")
_AFTER_STOP = re.compile(r"(?<=[^\W\d_]\.)(?=[^\W\d_]{2})")


def _sentence_gap(m: re.Match[str]) -> str:
    s, i = m.string, m.start()
    return " " if s[i - 2].islower() and s[i].isupper() and s[i + 1].islower() else ""


def apply(text: str) -> str:
    text = _BEFORE.sub("", text)
    text = _AFTER_COMMA.sub(r"\1 ", text)
    text = _AFTER_COLON.sub(r"\1 ", text)
    return _AFTER_STOP.sub(_sentence_gap, text)
