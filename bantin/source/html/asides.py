"""What trafilatura drops from quotes and tables, read from the page beforehand.

A ``<blockquote>``'s ``<footer>`` or ``<cite>`` names who is quoted, and so does
the ``<figcaption>`` of a pull quote's ``<figure>`` and a last paragraph that
opens with a dash ("— Ông A, Chủ tịch UBND phường"); trafilatura drops the first
ones, so each is taken out of the page here and given back to the quote by
its text. A table's ``<caption>`` comes back from trafilatura as a first row of
header cells; the captions are kept here so that row becomes the table's caption.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bantin.source.html.page import key, remove, squash, text_of_el

_DASHES = re.compile(r"^[\s—–―-]+")
_SIGNED = re.compile(r"^\s*[—–―]\s*\S")  # "— Ông A": a dash that is no hyphen, then the name
_WHO_WORDS = 25  # longer, a dashed last paragraph is the quote's own words


def take_attributions(page: Any) -> Callable[[str], str | None]:
    """Remove each blockquote's footer/cite from the page; return the look-up
    from a quote's text to its attribution."""
    found: list[tuple[str, str]] = []
    for bq in page.iter("blockquote"):
        marks = bq.xpath("./footer | ./cite | ./p/cite[not(preceding-sibling::node()[normalize-space()])]"
                         "[not(following-sibling::node()[normalize-space()])] | .//footer") or _signed(bq)
        if not marks:
            continue
        who = _DASHES.sub("", squash(" ".join(text_of_el(m) for m in marks[:1])))
        for m in marks[:1]:
            remove(m)
        # The quote's text as its blocks read it, inline tags joined as they stand
        # and cells, items and paragraphs apart: text_content() runs a table's
        # cells together ("KhoảnDự toán").
        for text in dict.fromkeys((key(text_of_el(bq)), key(" ".join(bq.itertext())))):  # in this order, once
            if who and text:
                found.append((text, who))

    def lookup(quote: str) -> str | None:
        k = key(quote)
        if not k:
            return None
        for text, who in found:
            if text == k or text.startswith(k[:80]) or k.startswith(text[:80]):
                return who
        return None

    return lookup


def _signed(bq: Any) -> list[Any]:
    """A pull quote's caption (``<figure><blockquote>…</blockquote><figcaption>``,
    no picture in the figure), or the quote's dashed last paragraph, after another."""
    figure = bq.getparent()
    if figure is not None and figure.tag == "figure" and figure.find(".//img") is None:
        caption = figure.find("figcaption")
        if caption is not None and 0 < len(text_of_el(caption).split()) <= _WHO_WORDS:
            return [caption]
    paragraphs = [c for c in bq if c.tag == "p"]
    last = paragraphs[-1] if len(paragraphs) > 1 else None
    if last is not None and _SIGNED.match(text_of_el(last)) and len(text_of_el(last).split()) <= _WHO_WORDS:
        return [last]
    return []


def table_captions(page: Any) -> Callable[[list[str]], str | None]:
    captions = {key(text_of_el(c)): squash(text_of_el(c)) for c in page.iter("caption") if text_of_el(c)}

    def lookup(first_row: list[str]) -> str | None:
        if not first_row:
            return None
        return captions.get(key(" ".join(first_row)))

    return lookup
