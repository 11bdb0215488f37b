"""Category, home and search pages are not articles: their main content is a list
of links, each a headline with perhaps a teaser. trafilatura still finds "text"
there (the teasers), so the test looks at where that text sits: a teaser is a
paragraph that is itself a link, or that shares a small card with a headline
link. When such teasers make up most of the text, the page is refused.
"""

from __future__ import annotations

from typing import Any

from bantin.errors import InputError
from bantin.source.html.boilerplate import prose_words
from bantin.source.html.page import TextIndex, more_words, squash, text_of_el, words

_MIN_WORDS = 8  # shorter paragraphs (dates, labels) say nothing either way
_HEADLINE = 4  # words of link text that make a headline link
_HEADLINE_LETTERS = 16
_CARD_SLACK = 60  # words a card may hold besides its teaser
_MIN_TEASERS = 3
_SHORT = 80  # words of prose below which an unmarked page among many links is no article
_MANY_LINKS = 10
_MAX_LINKS = 1000  # headline links compared with the text: enough for any category page
_SAMPLE_WORDS = 400  # words of text read before an article with no teaser in them is taken as one


def _lead(el: Any) -> str:
    """The paragraph's first run of plain text, long enough to find it by."""
    for chunk in el.itertext():
        chunk = squash(chunk)
        if len(chunk) >= 16:
            return chunk[:40]
    return ""


def _card_link(texts: TextIndex, lead: str, n: int) -> Any | None:
    """The headline link in the small card around the DOM text that holds ``lead``:
    the nearest ancestor, of few more words, with a headline link, that is not the
    body of a short article."""
    node = texts.find(lead)
    if node is None:
        return None
    el = node.getparent()
    own = el
    for _ in range(6):
        el = el.getparent()
        if el is None or el.tag in ("body", "html"):
            return None
        if more_words(el, n + _CARD_SLACK):
            return None
        prose = sum(1 for p in el.iter("p") if p is not own and prose_words(p))
        links = [a for a in el.iter("a") if not (own in a.iterancestors() or a in own.iterancestors() or a is own)
                 and _headline(text_of_el(a))]
        # Paragraphs of prose beside this one, and headlines only in a list: the body
        # of a short article with its box of related links, not one story's card
        # (whose teaser may run to two paragraphs under its headline).
        if prose >= 2 or (prose and links and all(_listed(a) for a in links)):
            return None
        if links:
            return links[0]
    return None


def _listed(a: Any) -> bool:
    return any(x.tag == "li" for x in a.iterancestors())


def _headline(text: str) -> bool:
    """Link text long enough for a headline (CJK characters count one word each,
    so letters are counted too)."""
    return len(words(text)) >= _HEADLINE and sum(c.isalpha() for c in text) >= _HEADLINE_LETTERS


def _headline_links(page: Any) -> set[str]:
    return {a.get("href") or "" for a in page.iter("a") if _headline(text_of_el(a)) and
            len(words(text_of_el(a))) > _HEADLINE} - {""}


def _first_text_child(el: Any) -> Any | None:
    """The child where the block's text begins (a picture before it skipped),
    or None when text comes first."""
    if (el.text or "").strip():
        return None
    for child in el:
        if child.tag != "graphic":
            return child
        if (child.tail or "").strip():
            return None
    return None


def check(page: Any, main: Any, marked: bool, dated: bool) -> tuple[list[Any], str]:
    """Raise :class:`InputError` when trafilatura's text is mostly teasers, or
    when a page that does not call itself an article (``marked``: ``og:type``
    article, a JSON-LD article, a publication time) has little prose among many
    headline links.

    A page that names its own publication (``dated``: a JSON-LD article or a
    publication time) is one article however many teasers surround it: then the
    teasers are returned, to be left out, with the refusal to give should
    nothing else remain."""
    total = len(words(" ".join(main.itertext())))
    targets: set[str] = set()
    teaser_words = prose_words = 0
    teasers: list[Any] = []
    texts: TextIndex | None = None
    for el in main.iter("p", "item"):
        text = " ".join(el.itertext())
        n = len(words(text))
        if n < _MIN_WORDS:
            continue
        if prose_words >= _SAMPLE_WORDS and not teasers:
            break  # this far into the text and no teaser: an article
        refs = list(el.iter("ref"))
        linked = sum(len(words(" ".join(r.itertext()))) for r in refs)
        link: Any = None
        if linked * 10 >= n * 8 and el.tag == "p":  # a list of links is navigation, not teasers
            targets.update(r.get("target") or "" for r in refs)
            link = el
        elif linked * 2 >= n:
            # Mostly links: a navigation or related list, dropped later anyway, and no
            # prose either (a category page of <li><a> headlines is all links).
            continue
        else:
            first = _first_text_child(el)
            if first is not None and first.tag == "ref" and _headline(" ".join(first.itertext())) and \
                    n - linked >= _MIN_WORDS:
                link = first  # a headline that is a link, then its teaser: a card in one block
                targets.add(first.get("target") or "")
            else:
                lead = _lead(el)
                if lead and texts is None:
                    texts = TextIndex(page, 16)
                link = _card_link(texts, lead, n) if lead and texts else None
                if link is not None:
                    targets.add(link.get("href") or squash(text_of_el(link)))
        prose_words += n
        if link is not None:
            teasers.append(el)
            teaser_words += n
    headlines = [h for h in main.iter("head") if h.find(".//ref") is not None and len(words(" ".join(
        h.itertext()))) >= _HEADLINE]
    targets.update(r.get("target") or "" for h in headlines for r in h.iter("ref"))
    refusal = f"not an article page ({len(targets - {''})} links, {total} words)"
    if (len(teasers) >= _MIN_TEASERS and teaser_words * 2 >= prose_words) or (
            len(headlines) >= 2 * _MIN_TEASERS and len(headlines) * 40 >= total):
        if not dated:
            raise InputError(refusal)
        return teasers + headlines, refusal
    if not marked:
        links = _headline_links(page)
        if len(links) >= _MANY_LINKS and (prose_words - teaser_words < _SHORT or _all_headlines(page, main, total)):
            raise InputError(f"not an article page ({len(links)} links, {total} words)")
    return [], refusal


def _all_headlines(page: Any, main: Any, total: int) -> bool:
    """Whether the text trafilatura found is the page's headline links run
    together: what its fallback makes of a category page built as a list
    (``<li><a>headline</a></li>`` × 60), one paragraph with no link left in it."""
    anchors = [words(text_of_el(a)) for a in page.iter("a")]
    # The page itself must be links: a round-up that lists the headlines as its own
    # paragraphs, beside a box linking the same stories, is an article.
    if sum(map(len, anchors)) * 10 < len(words(text_of_el(page))) * 8:
        return False
    headlines = dict.fromkeys(h for ws in anchors if _headline(h := " ".join(ws)))
    found = " ".join(words(" ".join(main.itertext())))
    linked = sum(len(h.split()) for h in list(headlines)[:_MAX_LINKS] if h in found)
    return linked * 10 >= total * 8
