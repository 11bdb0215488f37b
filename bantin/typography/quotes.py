"""Straight quotes become curly ones: “ … ” outside, ‘ … ’ inside.

A quote opens after the start of the text, a space or an opening bracket or dash,
and closes elsewhere. An apostrophe between letters is a right single quote.
Two single quotes typed for a double one (“mẹ hãy yên tâm’’, ''…'') are one
double quote.
"""

import re

NAME = "quotes"

_OPEN_CONTEXT = " ([{\u2013\u2014/\u201c\u2018"
_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")


_DOUBLED = str.maketrans({"\u2018": "\u201c", "\u2019": "\u201d"})


def apply(text: str) -> str:
    for pair in ("\u2018\u2018", "\u2019\u2019"):
        if pair in text:
            text = text.replace(pair, pair[0].translate(_DOUBLED))
    if '"' not in text and "'" not in text:
        return text
    text = text.replace("''", '"')
    text = _APOSTROPHE.sub("\u2019", text)
    out = []
    for i, ch in enumerate(text):
        if ch == '"' or ch == "'":
            before = text[i - 1] if i else " "
            opening = before in _OPEN_CONTEXT
            if ch == '"':
                out.append("\u201c" if opening else "\u201d")
            else:
                out.append("\u2018" if opening else "\u2019")
        else:
            out.append(ch)
    return "".join(out)
