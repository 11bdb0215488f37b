"""No space before , . ; : ! ? … and one space after them before the next word;
none between a figure and its per cent sign ("46 %" is "46%").

An ellipsis sits tight too, except the blanks of a form's "ngày … tháng … năm …".

A space is only added where the next character is a letter, so numbers (45,5;
30.000), times (23:41), abbreviations (TP.HCM) and addresses (vov.vn) are untouched:
after a full stop only a lower-case letter followed by a capital counts as a
sentence boundary.
"""

import re

NAME = "punctuation_spacing"

# After a word, a closing bracket or quote, straight or curly: quotes are curled
# after this rule runs, and a second pass must find the same spaces. An ellipsis
# sits tight against the word before it, unless it is a blank of a
# form's "ngày … tháng … năm …": between two of those words, or last after "tháng
# … năm". The three words are what make it a form; "nhiều năm …" ends a sentence.
# A colon spaced on both sides between two numbers ("lúc 7 : 30", "tỷ lệ 1 : 500")
# stays as typed: tightened on one side only it read "7: 30".
# A per cent sign ends its figure's word: "1,5 % ." is "1,5%." (helper-113).
_BEFORE = re.compile(r"(?<=[\w\u201d\u2019\"')\]%‰])(?<!\d)\s+(?=[,;!?]|[.:](?:\s|$))"
                     r"|(?<=\d)\s+(?=[,;!?]|\.(?:\s|$)|:(?:$|\s(?!\s*\d)))"
                     r"|(?<=[\w\u201d\u2019\"')\]])(?:(?<![nN]gày)(?<![tT]háng)|(?!\s+\u2026\s+(?:tháng|năm)\b))"
                     r"(?<!tháng \u2026 năm)\s+(?=\u2026(?:\s|$))"
                     # "46 %": Vietnamese sets the per cent sign against its figure (18,164 to 89).
                     r"|(?<=\d)[^\S\n]+(?=[%‰])")
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
