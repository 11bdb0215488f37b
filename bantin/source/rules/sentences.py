"""Sentences of a body that a crawl collapsed onto one line, and the breaks it shows.

The source still shows some paragraph breaks: a run of spaces before a capital
("…năm.  Trong…"), or a join with no space at all ("…bếp.Lực lượng…",
"…này."Với…"). Those are *shown* breaks. Between them the text is cut into
sentences at a closing stop followed by a space and a capital, a digit or an
opening quote, but never inside a quotation, after an abbreviation ("TP. Hà Nội",
"PGS. TS.") or an initial ("Phan Đình Q."), nor between an article number and
its title ("Điều 17. Yêu cầu…"). One pass over the text, so a 100,000-character
line costs no more than its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bantin.typography.starters import initials


@dataclass(frozen=True)
class Piece:
    """A sentence, or what later rules make of one: a "caption" (with its credit)
    or a "heading"."""

    text: str
    shown: bool  # the source shows a break before it (its start, a run of spaces, a glued join)
    kind: str = "text"
    credit: str | None = None
    spaced: bool = False  # the break before it is a run of spaces

    @property
    def closed(self) -> bool:
        return ends_sentence(self.text)


# Each pattern starts only where its run starts and never gives back what it took
# (possessive quantifiers), so a line of 100,000 spaces or dots is read once.
_RUN = re.compile(r"(?<![^\S\n])[^\S\n]{2,}+(?=[^\W\d_]|\d|[“\"(\[‘'])")
_GLUED = re.compile(r"(?<=[^\W_]|%)[.!?…](?=[“\"]?[^\W\d_][^\W\d_])")
_STOP = re.compile(r"(?<![.!?…])[.!?…]++(?:[”\"’)\]]++[.!?…]*+)*+[^\S\n]++(?=[“\"(‘]?[^\W_])")
_CLOSED = re.compile(r"[.!?…](?:[”\"’)\]»]*)$|[.!?…][”\"’)\]»]*[.!?…]$")
# Abbreviations Vietnamese news writes with a full stop and then a space.
ABBREVIATIONS = frozenset(
    "tp tx q p h ts ths gs pgs bs ks th ths.bs ncs ls nsnd nsưt ngnd pv ctv st mr mrs ms dr no vs tt"
    " tr đ/c tskh bsck cki ckii ck1 ck2".split()
)
_DOMAINS = frozenset({"vn", "com", "net", "org", "edu", "gov", "info", "com.vn"})
QUOTE_LIMIT = 1500  # an opening quote never closed this long after is a typo, not a quotation


def word_before(text: str, stop: int) -> str:
    """The word that ends at ``stop`` (a stop's position), twelve letters at most:
    looked at no further back, so that a long line costs no more than its length."""
    start = stop
    while start > max(0, stop - 12) and text[start - 1].isalnum():
        start -= 1
    return text[start:stop]


def _acronym(text: str, stop: int) -> bool:
    """Is the word before ``stop`` two capitals or more, and what follows a sentence
    of its own: a capital, then a word in lower case ("5 USD.Người dân", "của
    IDF.Chiến dịch")? Not a place or a name after a body's initials ("Sở GTVT.Hà
    Nội", "CDC.Hà Nội"), a domain ("VNM.Vn"), nor inside brackets ("(HUST.Edu)").
    Title abbreviations ("TP.", "TS.", "CKII.") are told apart later."""
    word = word_before(text, stop)
    # Inside brackets: an opening one nearer than any closing one (looked for only a
    # sentence back, so that a long line costs no more than its length).
    near = max(0, stop - 300)
    if len(word) < 2 or not word.isupper() or text.rfind("(", near, stop) > text.rfind(")", near, stop):
        return False
    after = text[stop + 1:stop + 40].split()
    return len(after) >= 2 and after[0].casefold() not in _DOMAINS and after[1][:1].islower()


def ends_sentence(text: str) -> bool:
    return bool(_CLOSED.search(text.rstrip()[-8:]))


def _no_break_after(text: str, stop: int, start: int) -> bool:
    """Whether the full stop at ``stop`` belongs to an abbreviation, an initial or
    an article number rather than ending a sentence."""
    if text[stop] != ".":
        return False
    space = max(text.rfind(" ", start, stop), start - 1)
    word = text[space + 1:stop].lstrip("(“\"")
    if not word:
        return False
    low = word.casefold()
    # "GS.TSKH.Nguyễn": the title before the stop is the word's last part.
    if low in ABBREVIATIONS or low.rsplit(".", 1)[-1] in ABBREVIATIONS or initials(word):
        return True
    # "Điều 17. Yêu cầu", "… quốc gia 1. Việc …": a small number before a full
    # stop numbers what follows; a year ("năm 2016.") ends a sentence.
    return word.isdigit() and len(word) <= 3


class Quotes:
    """Whether a position is inside a quotation, read left to right once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0
        self.opened = 0

    def inside(self, upto: int) -> bool:
        t = self.text
        for i in range(self.pos, upto):
            c = t[i]
            if c == "“":
                if self.depth == 0:
                    self.opened = i
                self.depth += 1
            elif c == "”" or (c == "’" and i + 1 < len(t) and t[i + 1] == "’"):
                self.depth = max(0, self.depth - 1)  # "’’" is a typed closing quote too
            elif c == '"':
                before = t[i - 1] if i else " "
                after = t[i + 1] if i + 1 < len(t) else " "
                if self.depth == 0 and (before.isspace() or before in "([.!?…:") and not after.isspace():
                    self.depth, self.opened = 1, i
                elif self.depth:
                    self.depth -= 1
        self.pos = max(self.pos, upto)
        if self.depth and upto - self.opened > QUOTE_LIMIT:
            self.depth = 0
        return self.depth > 0


def _sentences(chunk: str) -> list[str]:
    out: list[str] = []
    quotes = Quotes(chunk)
    start = 0
    for m in _STOP.finditer(chunk):
        if quotes.inside(m.end()) or _no_break_after(chunk, m.start(), start):
            continue
        nxt = chunk[m.end()]
        first = chunk[m.end() + 1] if nxt in "“\"(‘" and m.end() + 1 < len(chunk) else nxt
        if not (first.isupper() or first.isdigit()) or (nxt.isdigit() and chunk[m.start()] != "."):
            continue
        out.append(chunk[start:m.end()].strip())
        start = m.end()
    out.append(chunk[start:].strip())
    return [s for s in out if s]


def _glued(chunk: str) -> list[str]:
    """Cut at "…bếp.Lực", "…này."Với" (an opening quote goes with what follows,
    a closing one with what precedes)."""
    parts: list[str] = []
    quotes = Quotes(chunk)
    start = 0
    for m in _GLUED.finditer(chunk):
        at = m.end()
        before = chunk[m.start() - 1]
        if not (before.islower() or before.isdigit() or before == "%" or chunk[at] in "“\""
                or _acronym(chunk, m.start())):
            continue
        inside = quotes.inside(at)
        if chunk[at] in "“\"":
            if chunk[at] == '"' and inside:
                at += 1  # the quotation closes here; the next sentence follows it
            elif inside:
                continue
        elif inside:
            continue
        if not (chunk[at].isupper() and at + 1 < len(chunk) and chunk[at + 1].islower()):
            if not (chunk[at] in "“\"" and chunk[at + 1].isupper()):
                continue
        if _no_break_after(chunk, m.start(), start):
            continue
        parts.append(chunk[start:at])
        start = at
    parts.append(chunk[start:])
    return parts


def split(text: str) -> list[Piece]:
    """The sentences of ``text`` in order, each marked with whether the source
    shows a break before it (the first always does)."""
    pieces: list[Piece] = []
    for r, run in enumerate(_RUN.split(text)):
        for g, part in enumerate(_glued(run)):
            pieces.extend(Piece(s, k == 0, spaced=r > 0 and g == 0 and k == 0) for k, s in enumerate(_sentences(part)))
    return pieces


def join(pieces: list[Piece]) -> str:
    return " ".join(p.text for p in pieces)


def cut_after(text: str, head: list[Piece]) -> tuple[str, str]:
    """The pieces ``head`` that open ``text``, joined, and the text after them."""
    pos = 0
    for p in head:
        at = text.find(p.text, pos)
        if at < 0:
            return text, ""
        pos = at + len(p.text)
    return text[:pos].strip(), text[pos:].strip()
