"""Badges, labels and place stamps: inline elements a page sets apart from the
words after them by its CSS alone.

A site marks a kind of story in its headline (``<span class="badge">Video</span>Clip
người dân …``), an exclusive at a paragraph's head (``<span class="label">Độc
quyền</span>Thành phố …``), a place at the body's head (``<strong
class="dateline">HUẾ</strong>Chiều cùng ngày …``). The browser shows a box, a
colour or a line between them; the text has none, and trafilatura, the title and
the body read "VideoClip", "HUẾChiều" (helper-153).

Which element is one is told by its kind, never by letters: Vietnamese words are
single syllables, and a word split by formatting ("<b>Hà</b>Nội") looks like two.
An element set apart has a class of its own, stands at the head of a paragraph
or inside a heading, and its words are a stamp (its class says place or
dateline), a known label, or all capitals; the word after it opens with a capital
(a drop cap's "<span class="dropcap">T</span>heo" goes on in lower case) and is
not all capitals too (a heading set in capitals, split by a highlight).

A place stamp at the head of the body's first paragraph is the article's
dateline, as the sapo's is (:func:`.sapo.stamp`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bantin.model import Dateline, Paragraph, Span
from bantin.model.text import after
from bantin.source.html.blocks import Piece
from bantin.source.html.page import key, squash, text_of_el
from bantin.source.html.sapo import PLACE, SEPARATORS, stamp
from bantin.source.rules.outlet_tag import MEDIA_LABELS

# Inline elements a badge is set in.
_INLINE = frozenset({"span", "strong", "b", "em", "i", "a", "small", "label", "mark", "font", "u", "time"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HOLDERS = _HEADINGS | {"p"}
# The labels Vietnamese sites set before a headline, as keys.
LABELS = frozenset(key(w) for w in MEDIA_LABELS)
_LONGEST = 40  # characters: a badge or a stamp is a word or a place, never a sentence
_MATCH = 40  # characters of a stamped paragraph's words compared with the body's


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _first_word(text: str) -> str:
    parts = text.split(None, 1)
    return parts[0] if parts else ""


def _after(el: Any) -> str:
    """The text a browser shows right after the element, within its parent."""
    if el.tail:
        return str(el.tail)
    nxt = el.getnext()
    while nxt is not None:
        if isinstance(nxt.tag, str):
            return str(nxt.text_content())
        nxt = nxt.getnext()
    return ""


def _at_head(el: Any) -> bool:
    """Nothing shown before the element in its parent (an empty icon may be)."""
    parent = el.getparent()
    if (parent.text or "").strip():
        return False
    before = el.getprevious()
    while before is not None:
        if (isinstance(before.tag, str) and before.text_content().strip()) or (before.tail or "").strip():
            return False
        before = before.getprevious()
    return True


def _set_apart(el: Any) -> bool:
    cls = el.get("class") or ""
    parent = el.getparent()
    if not cls.strip() or parent is None or not isinstance(parent.tag, str) or parent.tag not in _HOLDERS:
        return False
    text = squash(el.text_content())
    if not text or len(text) > _LONGEST:
        return False
    place = bool(PLACE.search(cls.lower()))
    if not (place or key(text) in LABELS or _capitals(text)):
        return False
    # Last, the walk back to the paragraph's head: it stops at the first element
    # that shows words, so a page of many badges is read once over.
    if parent.tag == "p" and not _at_head(el):
        return False
    nxt = _after(el)
    first = _first_word(nxt)
    if not nxt or nxt[0].isspace() or not first or not first[0].isalnum():
        return False
    # A place goes on in any case ("Hà Nội" then "ngày 5/8"), as the sapo's does;
    # a badge only before a capital that does not go on in capitals.
    return place or ((first[0].isupper() or first[0].isdigit()) and not _capitals(first))


def space(page: Any) -> None:
    """A space after each badge, label or stamp the page sets apart, where it
    survives trafilatura and is read by the title and the sapo too."""
    for el in [e for e in page.iter(*_INLINE) if _set_apart(e)]:
        el.tail = " " + (el.tail or "")


@dataclass(frozen=True)
class Stamped:
    """A paragraph's place stamp: its text, and the words the paragraph goes on with."""

    raw: str
    rest: str
    dateline: Dateline


def body_stamps(page: Any) -> list[Stamped]:
    """The place stamps at the head of the page's paragraphs that name a place
    (not the outlet, not a time, not the sentence's own words)."""
    out = []
    for p in page.iter("p"):
        first = next((c for c in p if isinstance(c.tag, str)), None)
        if first is None or (p.text or "").strip() or not PLACE.search((first.get("class") or "").lower()):
            continue
        text = text_of_el(p)
        found = stamp(p, text)
        if found is None or found.dateline is None or not found.cut or not text.startswith(found.raw):
            continue
        rest = key(text[len(found.raw):].lstrip(SEPARATORS))[:_MATCH]
        if rest:
            out.append(Stamped(found.raw, rest, found.dateline))
    return out


def take_dateline(pieces: list[Piece], stamps: list[Stamped]) -> Dateline | None:
    """The dateline the body's first paragraph opens with, cut from it (in place)."""
    first = next((i for i, p in enumerate(pieces) if isinstance(p.block, Paragraph)), None)
    if first is None or not stamps:
        return None
    piece = pieces[first]
    text = piece.text
    for s in stamps:
        if text.startswith(s.raw) and key(text[len(s.raw):].lstrip(SEPARATORS)).startswith(s.rest):
            assert isinstance(piece.block, Paragraph)
            spans = _cut(piece.block.text, len(s.raw))
            if not spans:
                return None
            pieces[first] = replace(piece, block=Paragraph(spans), words=max(0, piece.words - len(s.raw.split())))
            return s.dateline
    return None


def _cut(spans: tuple[Span, ...], n: int) -> tuple[Span, ...]:
    """The spans without their first ``n`` characters and the separators after them."""
    out = list(after(spans, n))
    while out and not out[0].text.lstrip(SEPARATORS):
        out.pop(0)
    return (replace(out[0], text=out[0].text.lstrip(SEPARATORS)), *out[1:]) if out else ()
