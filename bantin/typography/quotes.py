"""Straight quotes become curly ones: “ … ” outside, ‘ … ’ inside.

A quote opens after the start of the text, a space or an opening bracket or dash,
and closes elsewhere. An apostrophe between letters is a right single quote.
Two single quotes typed for a double one are one double quote where they pair
with a double quote or with each other around a quotation (“mẹ hãy yên tâm’’,
‘‘Không’’, ''được''); two that close two single quotes (‘ông trùm ‘bóng đá’’)
stay as they are, and an empty pair ('') is ‘’.
"""

import re

NAME = "quotes"

_OPEN_CONTEXT = " ([{\u2013\u2014/\u201c\u2018"
_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")
# A quotation (no quote mark inside) opened by “ or ‘‘ and closed by ” or ’’, one
# side at least doubled.
_DOUBLED = re.compile("(?:\u2018\u2018([^\u2018\u2019\u201c\u201d]+)(?:\u2019\u2019|\u201d)"
                      "|\u201c([^\u2018\u2019\u201c\u201d]+)\u2019\u2019)")


def apply(text: str) -> str:
    if '"' in text or "'" in text:
        text = _curl(text)
    if "\u2018\u2018" in text or "\u2019\u2019" in text:
        text = _DOUBLED.sub(lambda m: f"\u201c{m.group(1) or m.group(2)}\u201d", text)
    return text


def _curl(text: str) -> str:
    text = _APOSTROPHE.sub("\u2019", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == '"' or ch == "'":
            before = out[-1] if out else " "  # as curled: ''được'' opens with ‘‘
            # A single mark before a space or the end closes: an empty '' is ‘’. (A
            # double one opens still: '" x "' is typed for “x”.)
            opening = before in _OPEN_CONTEXT and (ch == '"' or text[i + 1:i + 2].strip() != "")
            if ch == '"':
                out.append("\u201c" if opening else "\u201d")
            else:
                out.append("\u2018" if opening else "\u2019")
        else:
            out.append(ch)
    return "".join(out)
