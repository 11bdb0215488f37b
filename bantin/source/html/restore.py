"""Pictures, subheadings and lists trafilatura dropped, put back where the page has them.

trafilatura sometimes leaves out a ``<figure>`` whose caption sits in its own
block (the caption goes with it), the ``<h2>`` subheadings of a body it read
through a fallback, or the lists of a body written straight in ``<body>``
(helper-114: "Rác được chia thành các nhóm:" and then nothing). Such an element
is part of the article when it sits among the body's own paragraphs: its parent
(or grandparent) is the parent of paragraphs trafilatura kept, and it lies after
the headline and before the last of them; a captioned picture between the
headline and the body is the lead picture. It is put back before the first block
that follows it in the page.
Boxes inside the body (a promotion, a dossier) are deeper, and stay out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from bantin.model import Figure, Heading, Paragraph, Quote, plain
from bantin.source.html.blocks import Piece
from bantin.source.html.boilerplate import is_phrase
from bantin.source.html.page import TextIndex, key, squash, text_of_el, words
from bantin.source.html.pictures import Picture
from bantin.source.html.tei import tei

_LEAD = 24  # characters of a block's text that find it in the page
_HEADINGS = ("h2", "h3", "h4")
_HEADING_WORDS = 30
_BOX_LINKS = 3


def _in_page(el: Any, page: Any) -> bool:
    return any(a is page for a in el.iterancestors())


def _up(el: Any, levels: int) -> list[Any]:
    out = []
    for anc in el.iterancestors():
        out.append(anc)
        if len(out) == levels:
            break
    return out


# Blocks that hold their own headings (helper-75: a heading in a quote was printed
# in the quote and again after it).
_HELD = frozenset({"blockquote", "li", "td", "th", "figcaption"})


def _boxed(el: Any) -> bool:
    """Inside a box of links (a promotion, a dossier), not the article's head."""
    return any(sum(1 for a in box.iter("a") if len(words(text_of_el(a))) >= 2) >= _BOX_LINKS for box in _up(el, 2))


def _lost_lists(pieces: list[Piece], page: Any, convert: Callable[[Any], list[Piece]]) -> list[tuple[Any, Piece]]:
    """The page's outermost lists that a kept paragraph introduces ("Rác được chia
    thành các nhóm:") and of which the pieces lack an item, read as the converter
    reads a list. Only after such a paragraph: a page's menus, meta lines ("Lượt
    xem: 1.234") and related links are lists too, and trafilatura dropped them
    rightly (helper-116)."""
    out: list[tuple[Any, Piece]] = []
    shown = " ".join(key(p.text) for p in pieces)
    for el in page.iter("ul", "ol"):
        # An item's own words, without its sublist's: the pieces hold them apart, and an
        # item whole was never "shown", so a kept list came back twice (helper-139).
        items = [key(squash(" ".join(li.xpath(".//text()[not(ancestor::ul[ancestor::li]) and "
                                              "not(ancestor::ol[ancestor::li])]"))))
                 for li in el if li.tag == "li"]
        if not items or not all(items) or any(a.tag in ("ul", "ol", "a", *_HELD) for a in el.iterancestors()):
            continue
        before = el.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        intro = text_of_el(before) if before is not None and before.tag in ("p", "div", "strong", "b") else ""
        if not intro.endswith(":") or key(intro) not in shown or all(item in shown for item in items):
            continue
        if el.find(".//a") is not None:
            continue
        holder = page.makeelement("div", {})  # the converter reads a container's blocks
        holder.append(tei(el))
        out += [(el, piece) for piece in convert(holder)]
    return out


def _candidates(pieces: list[Piece], pictures: list[Picture], imgs: list[Any], page: Any) -> list[tuple[Any, Piece]]:
    out: list[tuple[Any, Piece]] = []
    shown = {p.picture.src for p in pieces if p.picture is not None}
    for pic, img in zip(pictures, imgs, strict=True):
        if pic.figure and pic.caption and pic.src not in shown and _in_page(img, page):
            shown.add(pic.src)
            box = next((a for a in _up(img, 4) if a.tag == "figure"), img)
            fig = Figure(plain(pic.caption), pic.credit, None, pic.alt)
            out.append((box, Piece(fig, len(words(pic.caption)), 0, False, pic)))
    have = {key(p.text) for p in pieces}
    for h in page.iter(*_HEADINGS):
        text = text_of_el(h)
        n = len(words(text))
        if not 0 < n <= _HEADING_WORDS or key(text) in have or is_phrase(text) or h.find(".//a") is not None:
            continue
        if any(a.tag in _HELD for a in h.iterancestors()):
            continue  # a quote's, an item's or a cell's own heading: kept in its block, not restored beside it
        level = int(h.tag[1]) - 1
        out.append((h, Piece(Heading(plain(text), level), n)))
    return out


def restore(pieces: list[Piece], pictures: list[Picture], imgs: list[Any], page: Any, title: str,
            convert: Callable[[Any], list[Piece]]) -> list[Piece]:
    """The pieces with what trafilatura dropped of the body put back in place;
    ``convert`` reads a page element in trafilatura's vocabulary (``tei``)."""
    candidates = _candidates(pieces, pictures, imgs, page) + _lost_lists(pieces, page, convert)
    if not candidates:
        return pieces
    # The dictionary keeps lxml's element proxies alive, so each stays the same object.
    order = {el: i for i, el in enumerate(page.iter())}
    texts = TextIndex(page, _LEAD)
    where: list[int | None] = []
    homes: set[Any] = set()
    for p in pieces:
        lead = squash(p.text)[:_LEAD] if isinstance(p.block, (Paragraph, Heading, Quote)) else ""
        node = texts.find(lead) if len(lead) == _LEAD else None
        el = node.getparent() if node is not None else None
        where.append(order.get(el) if el is not None else None)
        if el is not None and isinstance(p.block, Paragraph) and el.getparent() is not None:
            homes.add(el.getparent())
    known = [w for w in where if w is not None]
    if not known:
        return pieces
    heads = [order[h] for h in page.iter("h1") if h in order and squash(h.text_content())[:40] == squash(title)[:40]]
    start, end = (heads[0] if heads else min(known)), max(known)
    # The first piece that follows a place in the page: the first whose running
    # maximum passes it (a bisection, however many pieces and candidates).
    reach: list[int] = []
    for w in where:
        reach.append(max(reach[-1] if reach else -1, w if w is not None else -1))
    placed: list[tuple[int, int, Piece]] = []
    for el, piece in candidates:
        at = order.get(el)
        if at is None or not start < at < end:
            continue
        lead_picture = isinstance(piece.block, Figure) and at < min(known) and not _boxed(el)
        if not lead_picture and not any(a in homes for a in _up(el, 2)):
            continue
        placed.append((bisect_right(reach, at), at, piece))
    placed.sort(key=lambda x: (x[0], x[1]))
    out: list[Piece] = []
    k = 0
    for i, p in enumerate(pieces):
        while k < len(placed) and placed[k][0] <= i:
            out.append(placed[k][2])
            k += 1
        out.append(p)
    out += [x[2] for x in placed[k:]]
    return out
