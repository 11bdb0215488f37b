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

A straight mark right after a digit is a prime, not a quote, unless it closes a
quotation the text opened: feet and inches (5′10″), minutes and seconds of arc
(21°02′15″N) or of a race (3′45″); "Năm 1975" and 'tôi có 2' close as quotes. A
lone double mark after a number at a sentence's end closes a quotation opened in
an earlier paragraph ('… vào năm 2026".'), unless the number has a prime or a
degree before it (… 3′45″.).
A mark after a stray space closes when punctuation follows it ("Tôi đi ", rồi),
and a quotation loses the spaces inside its marks: “Tôi đi”, not “ Tôi đi ”.
Inside an open “…”, a straight double quote that opens (a space or an opener
before it, a letter after it) opens a nested quotation, set ‘…’ as Vietnamese
typesetting nests them, when enough marks follow to close both; otherwise (an
outer quotation never closed) it is read as before. And 'n' between two words
written without Vietnamese letters is an elision of "and": rock ’n’ roll.

Rich text is typeset span by span, and a quote mark often has a span of its own
(quotes around an italic word or a link): ``before`` is the typeset text before
the span in the same paragraph (its last character is what a quote reads), ``after`` the text after it
and ``quoted`` whether a double quotation is open there (``model.map_texts`` hands the paragraph over whole).
"""

import re

NAME = "quotes"

_OPEN_CONTEXT = " \u00a0([{\u2013\u2014/\u201c\u2018"
# After a letter before a letter or digit (it's), and after a digit only before an
# "s" (the 1990's): 5'10 is five feet ten and 105°51'E an angle, primes.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W_])|(?<=\d)'(?=s\b)")
# "rock 'n' roll", "fish 'n chips": an elided "and" between words that have no
# Vietnamese letters; "chữ 'n' trong", "phụ âm 'n' và" quote a letter.
_N = re.compile(r"(?<![^\s(])([A-Za-z]{2,} )'([nN])('?)(?= [A-Za-z]{2,}(?![\w']))")
_DOUBLE = "\"\u201c\u201d"
PRIME, DOUBLE_PRIME = "\u2032", "\u2033"
_ENDS = ("", ".", ",", ";", ":", "!", "?", "\u2026", ")", "]")
_PUNCT = (",", ";", ":", "!", "?", ")", "]")  # a mark before one of these closes
_ARC = re.compile(r"[°\u2032]\d+(?:[.,]\d+)?$")  # 21°02′15, 5′10: seconds or inches follow
# '80s, the '90s, "thập niên '80": the digits a decade's name leaves out, not a
# quotation. Without the "s", only when no straight single mark follows in the
# text to close it ("con số '80' …" is quoted), other than another decade's.
_DECADE = re.compile(r"(?<![\w'])'(?=\d\ds\b|\d\d(?![\w'\u2019])(?![^']*'(?!\d\d)))")
_OPENERS = " \u00a0([{\u2013\u2014"  # what may stand before an opening “
# A quotation (no quote mark inside) opened by “ or ‘‘ and closed by ” or ’’, one
# side at least doubled.
_DOUBLED = re.compile("(?:\u2018\u2018([^\u2018\u2019\u201c\u201d]+)(?:\u2019\u2019|\u201d)"
                      "|\u201c([^\u2018\u2019\u201c\u201d]+)\u2019\u2019)")


def _wordless(before: str, out: list[str]) -> bool:
    """No letter before here in the paragraph: figures alone, as a cell of sizes holds."""
    return not any(c.isalpha() for c in before) and not any(c.isalpha() for c in out)


def apply(text: str, before: str = "", after: str = "", quoted: bool = False) -> str:
    if '"' in text or "'" in text:
        text = _curl(text, before[-1:] or " ", after, quoted)
    if "\u2018\u2018" in text or "\u2019\u2019" in text:
        text = _DOUBLED.sub(lambda m: f"\u201c{m.group(1) or m.group(2)}\u201d", text)
    if "\u201c " in text or " \u201d" in text:
        text = _tight(text, quoted)
    return text


def _tight(text: str, quoted: bool) -> str:
    """No space inside the marks: “ Sau tháng 9 … ” is “Sau tháng 9 …”. A “ opens
    only with no quotation open and after a space, an opener or the start (a “
    typed to close one, or closing a German „…“, keeps the space after it); a
    space goes before ” only where a “ is open (a source that types ” for both
    marks, nói ”Tôi”, has its opening one after a space)."""
    out: list[str] = []
    skip = False
    last = len(text.rstrip(" "))  # past the last word: a “ there has no word to tighten to
    for i, ch in enumerate(text):
        if skip and ch == " ":
            continue
        skip = False
        if ch == "\u201d" and quoted:
            while out and out[-1] == " ":
                out.pop()
            quoted = False
        elif ch == "\u201c":
            opens = not quoted and (not out or out[-1] in _OPENERS)
            # Its spaces go only when a word follows them in this text.
            skip = opens and i + 1 < last and text[i + 1:i + 2] == " "
            quoted = opens
        out.append(ch)
    return "".join(out)


def is_open(text: str, quoted: bool = False) -> bool:
    """Whether a double quotation is open after ``text``, given whether one was
    before it: for the next span of the same paragraph."""
    for ch in text:
        if ch == "\u201c":
            quoted = True
        elif ch == "\u201d":
            quoted = False
    return quoted


def _elision(m: re.Match[str]) -> str:
    return m.group(1) + "\u2019" + m.group(2) + ("\u2019" if m.group(3) else "")


def _curl(text: str, before: str, after: str, quoted: bool) -> str:
    text = _DECADE.sub("\u2019", _APOSTROPHE.sub("\u2019", text))
    if "'n" in text or "'N" in text:
        text = _N.sub(_elision, text)
    out: list[str] = []
    single = nested = False  # a ‘…’ open; a straight " opened one inside “…”
    # Double marks still to come: a nested quotation needs its own close and the
    # outer one's after it.
    left = sum(text.count(c) for c in _DOUBLE)
    for i, ch in enumerate(text):
        if ch in _DOUBLE:
            left -= 1
        if ch in "\u201c\u201d":
            quoted, nested = ch == "\u201c", False
        elif ch == "\u2018":
            single = True
        elif ch == "\u2019" and not text[i + 1:i + 2].isalnum():
            single = False
        if ch != '"' and ch != "'":
            out.append(ch)
            continue
        prev = out[-1] if out else before  # as curled: ''được'' opens with ‘‘
        # What follows, across the span's end: "" when the paragraph ends.
        nxt = text[i + 1:i + 2] or after[:1]
        spaced = nxt.strip() == ""
        if ch == "'":
            if prev.isdigit() and not single:
                out.append(PRIME)  # 5'10, 21°02'15"N
                continue
            # A single mark before a space or the end closes: an empty '' is ‘’.
            single = prev in _OPEN_CONTEXT and not spaced
            out.append("\u2018" if single else "\u2019")
            continue
        if nested:
            # The nested quotation's close, whatever its neighbours.
            nested = False
            out.append("\u2019")
            continue
        if prev.isdigit() and not quoted and (nxt not in _ENDS or _ARC.search("".join(out[-8:]))
                                              or (nxt == "" and _wordless(before, out))):
            # 5'10", 3'45", a 6,1" screen; "Năm 1975" closes its quotation, and
            # so does one at a sentence's or paragraph's end ('năm 2026".'), which
            # a quotation opened in an earlier paragraph leaves, unless minutes
            # come before it (…15′45″.) or the text is a measure and no sentence
            # (a table's cell: 55").
            out.append(DOUBLE_PRIME)
            continue
        if prev in _OPEN_CONTEXT:
            # A space on both sides closes an open quotation; so does a stray space
            # before the mark when punctuation follows ("Tôi đi ", rồi). With no
            # quotation open it opens: a quoted mark (dấu "?") or "…tương lai".
            stop = nxt == "." and not (text[i + 2:i + 3] or after[1:2]).isalnum()
            opening = not (spaced and quoted) and not (quoted and prev.isspace() and (nxt in _PUNCT or stop))
            if opening and quoted and left % 2 == 0 and left >= 2:
                # “a "b" c”: this, the nested close and the outer close make three
                # marks with ``left`` the two after this one.
                nested = True
                out.append("\u2018")
                continue
        else:
            # After a word or a mark: closes, unless a word follows with no
            # quotation open (nói:"Tôi", "A"."B").
            opening = not quoted and nxt.isalnum()
        quoted = opening
        if not opening:
            while out and out[-1].isspace():
                out.pop()  # "Tôi đi " closes tight: “Tôi đi”
        out.append("\u201c" if opening else "\u201d")
    return "".join(out)
