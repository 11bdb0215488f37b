"""Straight quotes become curly ones: “ … ” outside, ‘ … ’ inside.

A quote opens after the start of the text, a space or an opening bracket or dash,
and closes elsewhere. An apostrophe between letters is a right single quote, and
so is one that stands for a decade's first digits ('80s). Two single quotes
typed for a double one are one double quote where they pair with a double quote
or with each other around a quotation (“mẹ hãy yên tâm’’, ‘‘Không’’,
''được''); two that close two single quotes (‘ông trùm ‘bóng đá’’) stay as they
are, and an empty pair ('') is ‘’.

Where its neighbours do not tell, a straight double quote is read by whether a
quotation is open, since they alternate: a space on both sides (" Tôi đi "), a
word on both sides (nói:"Tôi đến", "Hay!"anh nói), or an empty pair ("").

Rich text is typeset span by span, and a quote mark often has a span of its own
(quotes around an italic word or a link): ``before`` is the typeset text before
the span in the same paragraph (its last character), ``after`` the text after it
and ``quoted`` whether a double quotation is open there (``model.map_texts`` hands the paragraph over whole).
"""

import re

NAME = "quotes"

_OPEN_CONTEXT = " \u00a0([{\u2013\u2014/\u201c\u2018"
_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")
# '80s, the '90s: the digits a decade's name leaves out, not a quotation.
_DECADE = re.compile(r"(?<![\w'])'(?=\d\ds\b)")
# A quotation (no quote mark inside) opened by “ or ‘‘ and closed by ” or ’’, one
# side at least doubled.
_DOUBLED = re.compile("(?:\u2018\u2018([^\u2018\u2019\u201c\u201d]+)(?:\u2019\u2019|\u201d)"
                      "|\u201c([^\u2018\u2019\u201c\u201d]+)\u2019\u2019)")


def apply(text: str, before: str = "", after: str = "", quoted: bool = False) -> str:
    if '"' in text or "'" in text:
        text = _curl(text, before[-1:] or " ", after, quoted)
    if "\u2018\u2018" in text or "\u2019\u2019" in text:
        text = _DOUBLED.sub(lambda m: f"\u201c{m.group(1) or m.group(2)}\u201d", text)
    return text


def is_open(text: str, quoted: bool = False) -> bool:
    """Whether a double quotation is open after ``text``, given whether one was
    before it: for the next span of the same paragraph."""
    for ch in text:
        if ch == "\u201c":
            quoted = True
        elif ch == "\u201d":
            quoted = False
    return quoted


def _curl(text: str, before: str, after: str, quoted: bool) -> str:
    text = _DECADE.sub("\u2019", _APOSTROPHE.sub("\u2019", text))
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in "\u201c\u201d":
            quoted = ch == "\u201c"
        if ch != '"' and ch != "'":
            out.append(ch)
            continue
        prev = out[-1] if out else before  # as curled: ''được'' opens with ‘‘
        # What follows, across the span's end: "" when the paragraph ends.
        nxt = text[i + 1:i + 2] or after[:1]
        spaced = nxt.strip() == ""
        if ch == "'":
            # A single mark before a space or the end closes: an empty '' is ‘’.
            out.append("\u2018" if prev in _OPEN_CONTEXT and not spaced else "\u2019")
            continue
        if prev in _OPEN_CONTEXT:
            opening = not (spaced and quoted)
        else:
            # After a word or a mark: closes, unless a word follows with no
            # quotation open (nói:"Tôi", "A"."B").
            opening = not quoted and nxt.isalnum()
        quoted = opening
        out.append("\u201c" if opening else "\u201d")
    return "".join(out)
