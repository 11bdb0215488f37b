"""What trafilatura drops from quotes and tables, read from the page beforehand.

A ``<blockquote>``'s ``<footer>`` or ``<cite>`` names who is quoted, and so do
its last element when its class says so (``class="author"``), the
``<figcaption>`` of a pull quote's ``<figure>`` and a last paragraph that opens
with a dash ("— Ông A, Chủ tịch UBND phường"); trafilatura drops the first
ones, so each is taken out of the page here and given back to the quote by
its text. A table's ``<caption>`` comes back from trafilatura as a first row of
header cells; the captions are kept here so that row becomes the table's caption.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bantin.source.html.page import key, remove, squash, text_of_el
from bantin.source.rules.caption import split_credit

_DASHES = re.compile(r"^[\s—–―-]+")
_SIGNED = re.compile(r"^\s*[—–―]\s*\S")  # "— Ông A": a dash that is no hyphen, then the name
_WHO_WORDS = 25  # longer, a dashed last paragraph is the quote's own words
_NAME_WORDS = 8  # "Phó Chủ tịch Nguyễn Văn An": a title and a name, before any comma


def take_attributions(page: Any) -> Callable[[str], str | None]:
    """Remove each blockquote's footer/cite from the page; return the look-up
    from a quote's text to its attribution."""
    found: list[tuple[str, str]] = []
    for bq in page.iter("blockquote"):
        marks = bq.xpath("./footer | ./cite | ./p/cite[not(preceding-sibling::node()[normalize-space()])]"
                         "[not(following-sibling::node()[normalize-space()])] | .//footer") or _signed(bq) \
            or _classed(bq)
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


def _named(text: str) -> bool:
    """A person (or body) named first: a few capitalised words, then nothing or a
    comma and what they are ("Bà Nguyễn Thị Hồng, du khách Hà Nội"); never a
    sentence ("Tôi sang bên kia sông, …"), nor a photo's caption ("Phối cảnh cầu.
    Ảnh: Sở GTVT", "Ảnh chụp màn hình …")."""
    name = text.split(",", 1)[0].split()
    # The name ends the part before the comma, a title may precede it in lower case
    # ("Bộ trưởng Hồ Đức Phớc"): the first word and the last two are capitalised.
    return (0 < len(name) <= _NAME_WORDS and all(w.isalpha() for w in name)
            and all(w[:1].isupper() for w in (name[0], *name[-2:]))
            and len(text.split()) <= _WHO_WORDS and split_credit(text) is None and text.rstrip()[-1:] not in "?!")


def _signed(bq: Any) -> list[Any]:
    """A pull quote's caption (``<figure><blockquote>…</blockquote><figcaption>``,
    no picture in the figure), or the quote's dashed last paragraph after others
    that are not (a dialogue's lines all open with a dash, helper-116); either
    only when it names someone."""
    figure = bq.getparent()
    if figure is not None and figure.tag == "figure" and not figure.xpath(".//img | .//picture | .//video | .//svg"):
        caption = figure.find("figcaption")
        if caption is not None and _named(text_of_el(caption)):
            return [caption]
    paragraphs = [c for c in bq if c.tag == "p"]
    if len(paragraphs) < 2 or any(_SIGNED.match(text_of_el(p)) for p in paragraphs[:-1]):
        return []
    last = text_of_el(paragraphs[-1])
    return [paragraphs[-1]] if _SIGNED.match(last) and _named(_DASHES.sub("", last)) else []


# A quote box's last element named for who speaks: "<div class="author">Chủ tịch UBND
# tỉnh Lê Văn Dũng</div>" (a CMS's quote widget; helper-134).
_WHO_CLASS = re.compile(r"author|byline|cite|source|speaker|tac-?gia|nguoi-?noi", re.IGNORECASE)


def _classed(bq: Any) -> list[Any]:
    """The quote's last element when its class names the speaker, it follows the
    quote's words and names someone."""
    kids = [c for c in bq if isinstance(c.tag, str)]
    if len(kids) < 2 or not _WHO_CLASS.search(f"{kids[-1].get('class') or ''} {kids[-1].get('id') or ''}"):
        return []
    who = _DASHES.sub("", text_of_el(kids[-1]))
    return [kids[-1]] if who and len(who.split()) <= _WHO_WORDS and who.rstrip()[-1:] not in "?!" else []


def table_captions(page: Any) -> Callable[[list[str]], str | None]:
    captions = {key(text_of_el(c)): squash(text_of_el(c)) for c in page.iter("caption") if text_of_el(c)}

    def lookup(first_row: list[str]) -> str | None:
        if not first_row:
            return None
        return captions.get(key(" ".join(first_row)))

    return lookup
