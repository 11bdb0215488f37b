"""Vietnamese news sentences, by rule: no model, no network, deterministic, linear.

A sentence ends at . ! ? … (or "./.", the closing of an official text), with any
closing quote or bracket, before white space and the start of a sentence: a
capital, a digit, or an opening quote or bracket before one. It does not end

- inside a quotation or a bracket that closes later in the text: "“Tôi đi. Anh
  ở”, ông nói." is one sentence, and "“Tôi đi.” Ông nói." two;
- after an abbreviation ("TP.", "PGS.TS.", "St.", "Q."): the list is of titles and
  place words that stand before a name;
- after an initial that is part of a name ("N. V. An", "Donald J. Trump",
  "Nguyễn Văn B. (21 tuổi)", "ông L. 290 triệu"); an initial after a common word
  and before a capitalised one ends its sentence ("nhà bà H. Sau đó", "độ C. Nhiệt");
- after an ordinal that opens an item ("gồm: 1. Tin tặc …", "1. Công ty …");
- after a single word ("Không." inside a longer text stays with what follows).

"2.900", "5/8", "Q.1" and "TP.HCM" hold no boundary, since a boundary needs white
space after the stop; the one exception is a paragraph glued to the next by a
crawler ("… bếp.Lực lượng …"): a stop between a lower-case word and a capitalised
one. A newline always ends a sentence; a paragraph's own line break (a verse's,
Shift+Enter's) ends one only as ``broken_sentences`` tells. Every look-around is
bounded, so the time is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bantin.model import LINE_BREAK
from bantin.typography.starters import STARTERS, initials

# Titles and place words written with a full stop before a name: "TP. Hà Nội",
# "PGS.TS. Nguyễn Văn A", "St. Petersburg". Matched case-sensitively against the
# word before the stop, or against the last part of a dotted word ("PGS.TS").
ABBREVIATIONS = frozenset(
    "TP Tp tp TS PGS GS ThS Th.S Ths BS KS LS NS NSND NSƯT NXB Nxb CN Q P TX TT Tr tr "
    "St Mr Mrs Ms Dr Prof Gen Lt Sgt Col No vs Jr Sr Đ/c đ/c".split()
)
_OPENERS = "\"“‘«([{"
_CLOSERS = "”’\"»)]}"
# A stop: . ! ? … with its closers, "./.", a line break, or a photo credit in
# brackets that ends a caption run into the text ("… Sen Vàng (ảnh từ clip) Cũng …").
_STOP = re.compile(r"[.!?…]+(?:/\.)?[”’\"»)\]}]*|\n|\((?:ảnh|nguồn|clip|video)\b[^()\n]{0,80}\)[.!?…]*",
                   re.IGNORECASE)
_SPACE = re.compile(r"[^\S\n]*")
_WORD = re.compile(r"\S{1,40}")
_BRACKET = re.compile(r"[“”\"«»()\[\]{}]")
_PAIRS = {"”": "“", "»": "«", ")": "(", "]": "[", "}": "{"}


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans (after the opener, up to and including the closer) of the quotations
    and brackets that close: no sentence ends inside one. A straight quote closes
    an open straight quote, else opens one; an opener never closed protects
    nothing. Merged, in order."""
    stack: list[tuple[str, int]] = []
    open_count: dict[str, int] = {}
    found: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(text):
        c, i = m.group(0), m.start()
        want = '"' if c == '"' else _PAIRS.get(c)
        if want is None or (c == '"' and not open_count.get('"')):
            stack.append((c, i))
            open_count[c] = open_count.get(c, 0) + 1
        elif open_count.get(want):
            # Pop to the matching opener; openers left unclosed in between protect nothing.
            while True:
                o, start = stack.pop()
                open_count[o] -= 1
                if o == want:
                    break
            found.append((start + 1, i))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _word_before(text: str, stop: int) -> tuple[str, str]:
    """The word that ends at ``stop`` (without its opening quotes) and the word
    before it, read at most 80 characters back."""
    head = text[max(0, stop - 80):stop]
    parts = head.split()
    if not parts or head[-1:].isspace():
        return "", ""
    word = parts[-1].lstrip(_OPENERS)
    prev = parts[-2].strip(_OPENERS + _CLOSERS + ",;:") if len(parts) > 1 else ""
    return word, prev


def _starts(text: str, i: int) -> bool:
    """Does a sentence start at ``i``: a capital, a digit, a name with an inner
    capital ("iPhone"), after any opening quotes or brackets?"""
    j = i
    while j < len(text) and j < i + 3 and text[j] in _OPENERS:
        j += 1
    if j >= len(text):
        return False
    c = text[j]
    if c.isupper() or c.isdigit():
        return True
    word = _WORD.match(text, j)
    return bool(word and c.isalpha() and any(x.isupper() for x in word.group(0)[1:4]))


def _ends_here(text: str, stop: re.Match[str], start: int) -> int | None:
    """Where the sentence that began at ``start`` ends, if it ends at ``stop``:
    after the stop, or before an ordinal that opens the next item ("… quốc gia
    1. Đối với …" when "2. " follows); None when it goes on."""
    mark = stop.group(0)
    end = stop.end()
    if end >= len(text):
        return end
    if not text[end].isspace():
        # A crawler glued two paragraphs: "… bếp.Lực lượng …".
        before = text[max(0, stop.start() - 2):stop.start()]
        glued = (len(mark) == 1 and len(before) == 2 and before.isalpha() and before.islower()
                 and text[end].isupper() and text[end + 1:end + 2].islower())
        return end if glued else None
    nxt = _SPACE.match(text, end)
    i = nxt.end() if nxt else end
    if i < len(text) and text[i] == "\n":
        return end
    if not _starts(text, i):
        return None
    if mark[0] == "(":
        return end  # a photo credit ends its caption
    word, prev = _word_before(text, stop.start())
    at = stop.start() - len(word)
    if not word or (at - start <= 4 and not text[start:at].strip(_OPENERS + " ")):
        return None  # a lone word ("1.", "Không.") is not a sentence of its own
    if mark[0] != "." or mark.startswith("..") or "/." in mark:
        return end  # ! ? … and "./." always end a sentence
    if mark == "." and word.isdigit() and len(word) <= 2 and _ORDINAL_NEXT.get(word):
        # An item's number run into the sentence before it: the item starts at it.
        if _ORDINAL_NEXT[word].search(text, i, i + 600):
            return at
    return None if _holds(text, word, prev, at, i) else end


def _holds(text: str, word: str, prev: str, at: int, nxt: int) -> bool:
    """Does the full stop after ``word`` (which starts at ``at``) belong to the
    word rather than end the sentence? ``nxt`` is where the next word starts."""
    last = word.rsplit(".", 1)[-1]
    if word in ABBREVIATIONS or last in ABBREVIATIONS:
        # "… trên địa bàn TP. Theo đó, …": a word that opens sentences, not a name.
        after = _WORD.match(text, nxt)
        return not (after and after.group(0).strip(_OPENERS + _CLOSERS + ",.:;") in STARTERS)
    if word.isdigit() and len(word) <= 2:
        # "gồm: 1. Tin tặc", "ngân hàng, 2. Chúng": an item's number, not an end.
        head = text[max(0, at - 40):at].rstrip(_OPENERS + " ")
        return not head or head[-1] in ":;,"
    if not initials(word):
        return False
    follow = text[nxt]
    if follow == "(" or follow.isdigit() and not _ITEM.match(text, nxt):
        return True  # "Nguyễn Văn B. (21 tuổi)", "ông L. 290 triệu đồng"; not "… hạng A. 2. Đội …"
    after = _WORD.match(text, nxt)
    if after and after.group(0).endswith(".") and initials(after.group(0)[:-1]):
        return True  # "N. V. An"
    # "Donald J. Trump", "N. V. An", "Nguyễn Văn H." inside a name; "bà H. Sau đó" ends one.
    return bool(prev) and prev[0].isupper() and (not prev.isupper() or initials(prev.rstrip(".")))


# "1." opens a list run into the text when "2. " and a capital follow within a
# few lines; and so on up to 19.
_ITEM = re.compile(r"\d{1,2}\.\s+[\"“(]?[A-ZĐÀ-Ỹ]")
_ORDINAL_NEXT = {str(n): re.compile(rf"(?<![\w.,]){n + 1}\.\s+[\"“(]?[A-ZĐÀ-Ỹ]") for n in range(1, 20)}


def spans(text: str, whole_quotes: bool = True) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, white space excluded. With
    ``whole_quotes``, a quotation that closes is never cut: its sentences stay
    with the one that quotes them; without, each of them ends inside the quote."""
    guarded = _protected(text) if whole_quotes else []
    g = 0
    start = 0
    for m in _STOP.finditer(text):
        end = m.end()
        while g < len(guarded) and guarded[g][1] < end - 1:
            g += 1
        inside = g < len(guarded) and guarded[g][0] < end <= guarded[g][1]
        if m.group(0) == "\n":
            piece = _trimmed(text, start, m.start())
            if piece:
                yield piece
            start = end
            continue
        stop = None if inside else _ends_here(text, m, start)
        if stop is None:
            continue
        piece = _trimmed(text, start, stop)
        if piece:
            yield piece
        start = stop
    piece = _trimmed(text, start, len(text))
    if piece:
        yield piece


def _trimmed(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


def sentences(text: str, whole_quotes: bool = True) -> list[tuple[int, str]]:
    """(start offset, sentence) for each sentence of ``text``, in order."""
    return [(a, text[a:b]) for a, b in spans(text, whole_quotes)]


def words(text: str) -> int:
    return len(text.split())


HEADLINE_WORDS = 8  # a line this short, unpunctuated, over a line break is a subheading or a verse
# A line that ends a sentence or goes on with it past a line break.
_LINE_ENDS = re.compile(r"[.!?…:;,][\"”’»)]*\s*$")


def broken_sentences(text: str) -> list[str]:
    """The sentences of a paragraph that may break its lines (``LINE_BREAK``): a
    short line that ends without a sentence's punctuation ends a sentence all the
    same when the next line starts anew (a subheading typed over its paragraph
    with Shift+Enter was glued to the sentence under it, helper-124). A longer one,
    or a next line in lower case or opening with a name, goes on with the sentence:
    a line broken by hand before a name or a figure ("số 2 đường" / "Hùng Vương",
    helper-125) is not two sentences."""
    lines = text.split(LINE_BREAK)
    parts: list[str] = [lines[0]]
    for line in lines[1:]:
        opening = line.lstrip(" \"“(").split()[:2]
        tail = sentences(parts[-1])[-1][1] if parts[-1].strip() else ""
        # A new sentence opens with a capital, but not with a name ("Nguyễn Văn Minh",
        # two capitals) a title before the break may be waiting for.
        anew = bool(opening) and opening[0][:1].isupper() and not all(w[:1].isupper() for w in opening)
        if anew and not _LINE_ENDS.search(parts[-1]) and words(tail) <= HEADLINE_WORDS:
            parts.append(line)
        else:
            parts[-1] += " " + line
    return [s for part in parts for _, s in sentences(part)]
