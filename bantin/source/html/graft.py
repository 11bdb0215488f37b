"""The page's own lists and tables (and quotes holding them) in place of trafilatura's, where they hold the same words.

trafilatura pads a merged cell with empty ones, drops a list inside a cell, loses
where an ordered list starts and how it counts, and flattens a list written
straight inside a list, and runs a table or a list in a quote into one paragraph
of the quote's. So each list, table and quote it kept is paired with the page's
element that holds its words, in the same order, and no more than a few words
besides (what trafilatura lost); that element, read by :mod:`.tei`, takes its
place, with the pictures trafilatura kept of it. A table that holds a table is the page's layout, not a table of the
article, and stays as trafilatura read it; so does anything without a pair.
Pairs are found by their first words, so the look-up stays linear on a long page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bantin.source.html.page import remove, words
from bantin.source.html.tei import tei

_PROBE = 4  # first words that find a pair
# (times, plus) the words trafilatura kept that the page's element may hold: a
# table's lost lists are more than a list's lost item. A quote is grafted only for
# its structure, when trafilatura kept every word of it: a word more on the page
# is what it took out (a hidden note, an advertisement, a "Xem thêm" box; helper-73).
_SLACK = {"list": (1.2, 5), "table": (1.5, 12), "quote": (1.0, 0)}


def _words(el: Any) -> list[str]:
    return words(" ".join(el.itertext()))


def _besides_lists(el: Any) -> list[str]:
    """A table's words but those of the lists in its cells, which trafilatura drops
    whole: three cells of three items are more words than any slack (helper-77:
    a table of tasks read with its every "Nhiệm vụ" cell empty)."""
    return words(" ".join(t for t in el.xpath(".//text()[not(ancestor::li)]")))


def _in_order(part: list[str], whole: list[str]) -> bool:
    it: Iterator[str] = iter(whole)
    return all(w in it for w in part)


def _holds(ours: list[str], page: list[str], kind: str) -> bool:
    times, plus = _SLACK[kind]
    return ours == page or (bool(ours) and len(page) <= len(ours) * times + plus and _in_order(ours, page))


def _outermost(main: Any, kind: str) -> list[Any]:
    return [el for el in main.iter(kind) if not any(a.tag in ("list", "table") for a in el.iterancestors())]


def graft(main: Any, page: Any) -> None:
    """Put the page's lists and tables in trafilatura's XML (``main``) in place of its own."""
    for kind, tags in (("table", ("table",)), ("list", ("ul", "ol")), ("quote", ("blockquote",))):
        ours = [el for el in _outermost(main, kind) if kind != "table" or el.find(".//table") is None]
        if kind == "list":
            ours = [el for el in ours if (el.get("rend") or "") in ("ul", "ol")]
        if not ours:
            continue
        buckets: dict[tuple[str, ...], list[tuple[Any, list[str], list[str]]]] = {}
        for el in page.iter(*tags):
            if kind == "table" and el.find(".//table") is not None:
                continue
            if kind == "quote" and not el.xpath(".//table | .//ul | .//ol"):
                continue  # trafilatura's quote stands unless it ran the page's table or list into its text
            found = _words(el)
            if found:
                # A table is also judged by its words besides its cells' lists, which
                # trafilatura may have lost whole; its first words are its own anyway.
                besides = _besides_lists(el) if kind == "table" else found
                buckets.setdefault(tuple(found[:_PROBE]), []).append((el, found, besides))
        for el in ours:
            found = _words(el)
            bucket = buckets.get(tuple(found[:_PROBE]), [])
            pair = next((i for i, (_, theirs, besides) in enumerate(bucket)
                         if _holds(found, theirs, kind) or _holds(found, besides, kind)), None)
            if pair is None:
                continue
            source, _, _ = bucket.pop(pair)
            new = tei(source)
            kept = {g.get("src") for g in el.iter("graphic")}
            for g in [g for g in new.iter("graphic") if g.get("src") not in kept]:
                remove(g)  # trafilatura's choice of pictures stands
            new.tail = el.tail
            el.getparent().replace(el, new)
