"""The sapo (standfirst) as the site marks it, so that it is printed once.

A site marks its sapo with a class (``.sapo``, ``.detail-sapo``, ``.description``,
``.lead``, ``.standfirst``, ``.subtitle``, ``.teaser-text`` …) or an ``itemprop``,
next to the headline; or it repeats it in its ``og:description``. The element is
taken out of the page before trafilatura reads it, and the outlet tag that opens
a Vietnamese sapo ("(NLĐO)- ", "TTO - ", "(Dân trí) - ") or a wire dateline
("LOS ANGELES (Reuters) - ") goes to no one: it is the outlet's, not the lede's.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Collection
from typing import Any, NamedTuple

from bantin.model import Dateline
from bantin.model.dates import WEEKDAY
from bantin.source.html.page import classes, key, remove, squash, text_of_el, words
from bantin.source.rules.outlet_tag import names_outlet

_MARK = re.compile(r"(?<![a-z])(?:sapo|lead|lede|chapo|standfirst|description|summary|subtitle|subhead|"
                   r"teaser|intro|excerpt|deck|dek|abstract|tomtat|tom-tat)(?![a-z])")
_ITEMPROP = ("description", "alternativeHeadline", "abstract")
_TAGS = ("p", "div", "h2", "h3", "h4", "span", "section", "strong", "em", "b", "i", "header")
_OUTLET_TAG = re.compile(
    r"^\s*(?:(?:[A-ZÀ-Ỹ][\w.'’-]*\s+){0,4}\(\s*[^()]{1,30}\)\s*[-–—]+|[A-ZĐ][A-ZĐ.]{1,7}\s+[-–—]+)\s*")
# A place stamp set in its own element at the head of the sapo (VnExpress's
# ``<span class="location-stamp">Hà Nội</span>Từ tháng 4, …``): the page's CSS
# sets it apart, the text runs it into the sapo's first word ("Hà NộiTừ").
PLACE = re.compile(r"(?<![a-z])(?:location|dateline|place)(?![a-z])")
SEPARATORS = " -–—:,|"
_TIMED = re.compile(r"\d\s*[/:.]\s*\d|\d\s?h\b")  # a date or a time: "5/8/2025", "08:30", "8h"
_LED = re.compile(r"(.+?)\s[-–—]\s(.+)")  # "TTO – Hà Nội": what stands before a dash
_CLOCK = re.compile(r"\d\s*:\s*\d|\d\s?h\b")  # "08:30", "8h"
_TIME_WORDS = re.compile(r"\b(?:ngày|lúc|gmt|utc)\b", re.IGNORECASE)
# A time of day named in words ("Sáng nay", "Hôm qua", "Tối 5/8"): a sentence's
# opening, not a place ("Hoàng Mai", "Rạng Đông" are places).
_TIME_OF_DAY = re.compile(r"(?:sáng|trưa|chiều|tối|đêm|khuya|hôm)\s+(?:nay|qua|mai|kia|\d)", re.IGNORECASE)
_NEAR = 4  # levels from the headline to the ancestor it shares with the sapo
_SCOPE = 600  # elements after the headline where a sapo may stand


def strip_outlet_tag(text: str) -> str:
    """The text without an opening outlet tag or wire dateline."""
    m = _OUTLET_TAG.match(text)
    if m and len(text) - m.end() >= 20:
        return text[m.end():].lstrip()
    return text


def has_outlet_tag(text: str) -> bool:
    return strip_outlet_tag(text) != text


def _depth_to(ancestor: Any, el: Any) -> int:
    depth = 0
    node = el
    while node is not None and node is not ancestor:
        node = node.getparent()
        depth += 1
    return depth if node is ancestor else 99


def _near(h1: Any, el: Any) -> bool:
    ancestors = {id(a): a for a in h1.iterancestors()}
    for d, anc in enumerate(el.iterancestors(), 1):
        if id(anc) in ancestors:
            return d <= _NEAR and _depth_to(anc, h1) <= _NEAR
        if d > _NEAR:
            return False
    return False


def _linky(el: Any, n: int) -> bool:
    linked = sum(len(words(text_of_el(a))) for a in el.iter("a"))
    return linked * 10 > n * 3


def _start(el: Any, size: int = 80) -> str:
    """The first characters of an element's text, read no further than needed."""
    out: list[str] = []
    got = 0
    for chunk in el.itertext():
        out.append(chunk)
        got += len(chunk)
        if got >= size:
            break
    return squash("".join(out))


class Stamp(NamedTuple):
    raw: str  # the stamp element's text
    dateline: Dateline | None
    cut: bool  # False: words of the sapo's first sentence, kept in the lede


def _piece_is_time(piece: str) -> bool:
    """A weekday, a date or a clock time ("thứ Hai", "5/8/2025", "08:30"), and nothing
    else but "ngày", "lúc", "GMT+7": the page's time, not the sentence's words."""
    rest = _TIMED.sub(" ", _TIME_WORDS.sub(" ", WEEKDAY.sub(" ", piece)))
    return (bool(WEEKDAY.search(piece)) or bool(_TIMED.search(piece))) and not any(c.isalpha() for c in rest)


def stamp(el: Any, rest: str) -> Stamp | None:
    """The stamp the sapo ``el`` opens with, in an element of its own marked as a
    place or a dateline; None when there is none.

    - A place ("Hà Nội", "Quận 1, TP HCM"), with a day ("ĐÀ NẴNG, 31/5") or a
      weekday after it, is the article's dateline.
    - The outlet's tag or name ("(Dân trí) -", "VnExpress") and the page's time
      ("Thứ Hai, 5/8/2025, 08:30", "08:30 (GMT+7)") are cut: neither a place nor
      the lede's.
    - Words of the sapo's first sentence stay the lede's, parted from the next
      word as the page shows them: a stamp that ``rest`` (the sapo's text after
      it) goes on from in lower case or after a comma ("Ngày 5/8, ba tuyến …",
      "Thứ Hai tuần tới, …"), a time of day in words ("Sáng nay"), a word in
      lower case."""
    first = next((c for c in el if isinstance(c.tag, str)), None)
    lead = squash(el.text or "")
    # Only the outlet's tag may come before the stamp ("(PLO)- <span>TP.HCM</span>…").
    if first is None or (lead and not _OUTLET_TAG.fullmatch(lead)) or not PLACE.search(classes(first)):
        return None
    raw = text_of_el(first)
    rest = rest[len(lead):].lstrip() if lead and rest.startswith(lead) else rest
    after = rest[len(raw):].lstrip() if rest.startswith(raw) else ""
    if after[:1] == "," or after[:1].islower():
        return Stamp(raw, None, False)
    stated = raw.split("(")[0].strip(SEPARATORS)
    # The outlet's name before the place ("TTO – Hà Nội", "VnExpress - Hà Nội").
    led = _LED.match(stated)
    if led and names_outlet(led.group(1)):
        stated = led.group(2).strip(SEPARATORS)
    pieces = [x for x in (p.strip(SEPARATORS) for p in stated.split(",")) if x]
    times = [x for x in pieces if _piece_is_time(x)]
    places = [x for x in pieces if x not in times]
    if names_outlet(stated) or not stated:
        return Stamp(raw, None, True)  # the outlet's tag or name
    if not places:
        # The page's time ("Thứ Hai, 5/8/2025, 08:30", "08:30") is cut; a date
        # alone ("Ngày 5/8") may be the sentence's, and stays.
        return Stamp(raw, None, any(_CLOCK.search(t) or WEEKDAY.search(t) for t in times))
    place = ", ".join(places)
    # A date inside the place, or a word that opens a sentence
    # rather than a name ("Sáng nay", "theo"): the sentence's own words.
    if len(place.split()) > 6 or _TIMED.search(place) or not place[0].isupper() \
            or _TIME_OF_DAY.match(place):
        return Stamp(raw, None, False)
    day = ", ".join(times)
    return Stamp(raw, Dateline(place, day or None), True)


def unmarked(el: Any, marks: Collection[str]) -> Any:
    """The element without its notes' marks (links to ``marks``, the notes'
    addresses): the lede is plain text, where "2030" and a note's "1" ran together
    into "20301" (helper-112). The notes stay the article's (``notes_of``); any
    other link keeps its words (helper-120: "#quy-hoach" lost "quy hoạch …")."""
    if not any(a.get("href") in marks for a in el.iter("a")):
        return el
    el = copy.deepcopy(el)
    for a in [a for a in el.iter("a") if a.get("href") in marks]:
        remove(a)
    return el


def notes_of(el: Any, refs: dict[str, str]) -> list[str]:
    """The ids of the notes the sapo's marks refer to, in order."""
    return [refs[a.get("href")] for a in el.iter("a") if a.get("href") in refs]


def find(page: Any, title: str, descriptions: list[str],
         marks: Collection[str] = ()) -> tuple[Any, str, Dateline | None] | None:
    """(the sapo element, its text without the outlet tag or place stamp, the
    dateline the stamp gives), or None."""
    tkey = key(title)
    h1 = next((h for h in page.iter("h1") if key(text_of_el(h)) and tkey.startswith(key(text_of_el(h))[:40])),
              None)
    dkeys = [key(strip_outlet_tag(d)) for d in descriptions if d and len(words(d)) >= 6]
    probes = [d[:24] for d in dkeys]
    # The sapo sits by the headline: only what follows it is read, and not far.
    scope = page.iter(*_TAGS) if h1 is None else h1.xpath("following::*")[:_SCOPE]
    for el in scope:
        if not isinstance(el.tag, str) or el.tag not in _TAGS:
            continue
        marked = bool(_MARK.search(classes(el))) or el.get("itemprop") in _ITEMPROP
        if not marked and not any(key(strip_outlet_tag(_start(el)))[:24] == p for p in probes):
            continue
        text = text_of_el(unmarked(el, marks))
        st = stamp(el, text)
        dateline = st.dateline if st else None
        at = text.find(st.raw) if st is not None else -1
        if st is not None and at >= 0 and (at == 0 or _OUTLET_TAG.fullmatch(squash(text[:at]))):
            # The stamp's own text is the element's first, or comes right after
            # the outlet's tag: cut where the rest begins, or parted from it by
            # the space the page's CSS shows. The tag goes with the others below.
            tag, rest = text[:at], text[at + len(st.raw):]
            text = tag + (squash(rest).lstrip(SEPARATORS) if st.cut
                          else squash(st.raw + ("" if rest[:1] in ",.;:)" else " ") + rest))
        n = len(words(text))
        if not 6 <= n <= 150 or el.find(".//h1") is not None:
            continue
        stripped = strip_outlet_tag(text)
        matches = any(key(stripped) == d or (len(d) > 60 and key(stripped).startswith(d[:-12]))
                      for d in dkeys)
        if not (matches or (marked and (h1 is None or _near(h1, el)))) or _linky(el, n):
            continue
        if len(el.findall(".//p")) > 1:
            continue  # a container of paragraphs is the body, not its sapo
        # The innermost element that carries the whole text.
        inner = el
        for child in el:
            if isinstance(child.tag, str) and key(text_of_el(child)) == key(text):
                inner = child
        return inner, squash(stripped), dateline
    return None
