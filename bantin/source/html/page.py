"""The saved page as lxml sees it: parsing, ``<meta>`` look-ups, JSON-LD, and the
small text helpers every other module of the web reader uses.

The page is parsed once, with no network and no entities; every later step reads (or prunes) this one tree.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bantin.errors import InputError
from bantin.source import xmlguards
from bantin.source.html import breaks, layout, runs

# CJK, kana, hangul and Thai have no spaces: each character counts as a word.
_CJK = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f"
_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_LANG = re.compile(r"[a-z]{2,3}")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same characters written as references ("&#1;", "&#xFFFF;"): the parser
# decodes them into the tree, and one of them lost the whole page. (HTML maps
# &#0;, &#x80; and a surrogate to other characters itself.)
_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")
_NOT_XML_CODES = frozenset((*range(1, 9), 0xB, 0xC, *range(0xE, 0x20), 0xFFFE, 0xFFFF))


def _reference(m: re.Match[str]) -> str:
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    return "" if code in _NOT_XML_CODES else m.group(0)


def span(value: str | None, limit: int) -> int:
    """A cell's colspan or rowspan attribute as a number from 1 to ``limit``."""
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return max(1, min(n, limit))


def squash(text: str | None) -> str:
    """NFC, white space collapsed, NBSP and zero-width characters folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\u200b", "").replace("\ufeff", "")
    return " ".join(text.split())


def words(text: str | None) -> list[str]:
    """Words for comparing texts: casefolded letters and digits, punctuation dropped."""
    return _WORD.findall(squash(text).casefold())


def more_words(el: Any, limit: int) -> bool:
    """Whether the element holds more than ``limit`` words, read no further than needed."""
    n = 0
    for chunk in el.itertext():
        n += len(chunk.split())
        if n > limit:
            return True
    return False


def key(text: str | None) -> str:
    """A comparison key: the words of the text joined by single spaces."""
    return " ".join(words(text))


def text_of_el(el: Any) -> str:
    """The element's words on one line, a <br> parting the words beside it as a
    browser shows them (a headline over two lines read "điệntừ", helper-124)."""
    if el.find(".//br") is None:
        return squash(el.text_content())
    return " ".join(lines_of_el(el))


def lines_of_el(el: Any) -> list[str]:
    """The element's lines as its <br>s part them, each squashed; empty ones left out."""
    return [t for t in map(squash, breaks.lines(el)) if t]


def parse(text: str) -> Any:
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    # Characters XML cannot hold make trafilatura's XML come out empty.
    text = _NOT_XML.sub("", text)
    if "&#" in text:
        text = _REFERENCE.sub(_reference, text)
    try:
        page = lxml.html.document_fromstring(text, parser=parser)
    except Exception as e:  # noqa: BLE001 - lxml raises several kinds on garbage
        raise InputError(f"not an HTML page lxml can parse ({type(e).__name__})") from None
    # libxml2's HTML parser recovers from its guards: past 256 levels of nesting it
    # drops the rest of the page without raising, and the article may be in it.
    said = next(filter(None, (xmlguards.guard(e.message) for e in parser.error_log)), None)
    if said is not None:
        raise InputError(f"not an article page: {said}")
    layout.prepare(page)  # the page as it reads, before its runs and breaks are settled
    runs.prepare(page)
    breaks.prepare(page)
    return page


class TextIndex:
    """The page's text nodes of ``shortest`` characters or more, squashed, to find
    the node that holds a phrase. Each search starts where the last one found
    its phrase (and looks back only if it must), so a walk through the page in
    its order is linear, however long the page."""

    def __init__(self, page: Any, shortest: int) -> None:
        self.nodes = [t for t in page.xpath("//body//text()") if len(t) >= shortest]
        parts = [squash(t) for t in self.nodes]
        self.starts: list[int] = []
        at = 0
        for part in parts:
            self.starts.append(at)
            at += len(part) + 1
        self.text = "\x00".join(parts)  # no phrase holds a NUL: none is found across two nodes
        self.cursor = 0

    def find(self, phrase: str) -> Any | None:
        """The text node (lxml's string, with ``getparent()``) that holds ``phrase``."""
        if not phrase:
            return None
        at = self.text.find(phrase, self.cursor)
        if at < 0:
            at = self.text.find(phrase, 0, self.cursor + len(phrase))
        if at < 0:
            return None
        self.cursor = at
        return self.nodes[bisect_right(self.starts, at) - 1]


def unescape(text: str) -> str:
    """HTML entities undone, twice over where a CMS escaped them twice ("&amp;#7871;")."""
    for _ in range(3):
        if "&" not in text:
            break
        text = html.unescape(text)
    return text


def meta(page: Any, *names: str) -> str | None:
    """The first non-empty ``content`` of a ``<meta>`` named (property, name or
    itemprop) by one of ``names``, in the order of ``names``."""
    found = list(page.iter("meta"))
    for name in names:
        for el in found:
            if name in (el.get("property"), el.get("name"), el.get("itemprop")):
                value = squash(unescape(el.get("content") or ""))
                if value:
                    return value
    return None


def remove(el: Any) -> None:
    """Take an element out of the page, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


# A quotation's marks, each opening one with its closing one.
_PAIRS = {"“": "”", "\"": "\"", "‘": "’", "'": "'", "«": "»", "„": "“"}
_AMP_PICTURES = ("amp-img", "amp-anim")
_AMP = (*_AMP_PICTURES, "amp-video", "amp-iframe", "amp-carousel", "amp-story", "amp-ad")


def standard_tags(page: Any) -> None:
    """What a browser shows in the tags trafilatura does not know: an AMP page's
    advertisements go, its ``<amp-img>`` and ``<amp-anim>`` are pictures (their figures and captions were
    dropped with them), and an inline ``<q>`` a quotation in running text, drawn
    with its marks (it was read as a block quote that cut its sentence in three)."""
    for el in list(page.iter("amp-ad", "amp-sticky-ad", "amp-embed")):
        remove(el)  # an advertisement's slot: its placeholder's words are no article's (helper-101)
    for el in list(page.iter(*_AMP_PICTURES)):
        parent = el.getparent()
        if (el.get("placeholder") is not None or el.get("fallback") is not None) \
                and parent is not None and parent.tag in _AMP:
            remove(el)  # a low-resolution stand-in for the picture around it
        else:
            el.tag = "img"
    depth: dict[Any, int] = {}
    for q in list(page.iter("q")):
        if q.find(".//p") is not None or q.find(".//div") is not None:
            continue  # a quotation of paragraphs: trafilatura reads it as one
        q.tag = "span"
        # Inside another quotation Vietnamese typesetting nests ‘…’ in “…”, and “…”
        # in that again.
        depth[q] = level = next((depth[a] + 1 for a in q.iterancestors() if a in depth), 0)
        said = "".join(q.itertext()).strip()
        if not said:
            continue  # empty, or spaces only: nothing to mark
        opening, closing = ("‘", "’") if level % 2 else ("“", "”")
        first, last = said[0], said[-1]
        if first in _PAIRS and last == _PAIRS[first] and len(said) > 1:
            continue  # the page typed its own marks ("<q>“…”</q>")
        # One end typed, its partner missing from the text: only the other end is
        # added ("<q>“… đúng hạn</q>"); "<q>«Le Monde» viết …</q>" gets both.
        # (Not for "'": "'90" is an elision.)
        if not (first in _PAIRS and first != "'" and _PAIRS[first] not in said[1:]):
            _mark_start(q, opening)
        if not (last in _PAIRS.values() and last != "'"
                and not any(o in said[:-1] for o, c in _PAIRS.items() if c == last)):
            _mark_end(q, closing)


def _mark_start(q: Any, mark: str) -> None:
    text = q.text or ""
    q.text = text[:len(text) - len(text.lstrip())] + mark + text.lstrip()


def _mark_end(q: Any, mark: str) -> None:
    """The closing mark after the quotation's last word, before the space that
    parts it from the next one ("“sẽ làm ngay” trong"), wherever inside the
    quotation that space was typed ("<q>làm <em>ngay </em></q>"); a line break
    that ends the quotation is that space."""
    space = ""
    while len(q) and q[-1].tag == "br" and not (q[-1].tail or "").strip():
        remove(q[-1])
        space = " "
    said = "".join(q.itertext())
    space = said[len(said.rstrip()):] or space
    for node, attr in reversed(list(_slots(q))):  # the trailing space taken out, however deep
        text = getattr(node, attr) or ""
        setattr(node, attr, text.rstrip())
        if text.strip():
            break
    if len(q):
        q[-1].tail = (q[-1].tail or "") + mark + space
    else:
        q.text = (q.text or "") + mark + space


def _slots(el: Any) -> Iterator[tuple[Any, str]]:
    """Where the text inside ``el`` is held, in reading order: (element, "text" or "tail")."""
    yield el, "text"
    for child in el:
        yield from _slots(child)
        yield child, "tail"


_PROSE_SHARE = 0.25  # of words with a letter beyond ASCII: Vietnamese prose or verse, not code


def mark_code(page: Any) -> None:
    """Preformatted code and inline code in every spelling, as ``<code>``:
    trafilatura keeps a ``<pre>`` as code only when it holds a ``<code>`` (or looks
    like a program to it) and reads any other as a quotation, which the typography
    then curls and joins ("pip install “bantin[dask]”"); ``<kbd>``, ``<samp>`` and
    ``<tt>`` it reads as plain text. A ``<pre>`` of Vietnamese words (a poem, a
    press release typed in a fixed font) is prose, and left to trafilatura."""
    for el in page.iter("kbd", "samp", "tt"):
        el.tag = "code"
    for pre in page.iter("pre"):
        if pre.find(".//code") is not None:
            continue
        tokens = pre.text_content().split()
        if sum(not t.isascii() for t in tokens) >= _PROSE_SHARE * len(tokens):
            continue
        layout.enclose(pre, "code")


def language(page: Any) -> str:
    """The page's own ``<html lang>`` (its primary subtag), Vietnamese when unsaid."""
    lang = (page.get("lang") or page.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip().lower()
    primary = lang.replace("_", "-").split("-")[0]
    return primary if _LANG.fullmatch(primary) else "vi"


def classes(el: Any) -> str:
    """An element's class and id, lower-cased, for structural tests."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


@dataclass(frozen=True)
class LinkedData:
    """What a page's JSON-LD ``NewsArticle`` (or any ``*Article``) says."""

    headline: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()  # people only: organisations are never a byline
    organisations: tuple[str, ...] = ()  # authors that are organisations, and the publisher
    publisher: str | None = None
    description: str | None = None
    types: frozenset[str] = field(default_factory=frozenset)
    sites: tuple[str, ...] = ()  # names of the page's Organization items: the outlet's own name


_ORGANISATIONS = frozenset({"Organization", "NewsMediaOrganization", "Corporation"})


def _items(data: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            out.append(node)
            if "@graph" in node:
                stack.append(node["@graph"])
    return out


def _types(item: dict[str, Any]) -> set[str]:
    t = item.get("@type")
    return {str(x) for x in t} if isinstance(t, list) else {str(t)} if t else set()


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str):
        name = squash(unescape(value))
        if name and "://" not in name:
            return name
    return None


def linked_data(page: Any) -> LinkedData:
    found: dict[str, Any] = {}
    authors: list[str] = []
    orgs: list[str] = []
    sites: list[str] = []
    types: set[str] = set()
    for script in page.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # metadata that cannot be read is metadata the page lacks
            continue
        for item in _items(data):
            kinds = _types(item)
            types |= kinds
            if kinds & _ORGANISATIONS:
                site = _name(item)
                if site:
                    sites.append(site)
            if not any(k.endswith("Article") or k == "BlogPosting" for k in kinds):
                continue
            for k in ("headline", "datePublished", "description"):
                if k not in found and isinstance(item.get(k), str) and item[k].strip():
                    found[k] = squash(unescape(item[k]))
            people = item.get("author")
            for person in people if isinstance(people, list) else [people]:
                name = _name(person)
                if not name:
                    continue
                kind = _types(person) if isinstance(person, dict) else set()
                (orgs if kind & _ORGANISATIONS else authors).append(name)
            pub = _name(item.get("publisher"))
            if pub and "publisher" not in found:
                found["publisher"] = pub
    if found.get("publisher"):
        orgs.append(found["publisher"])
    return LinkedData(found.get("headline"), found.get("datePublished"), tuple(dict.fromkeys(authors)),
                      tuple(dict.fromkeys(orgs)), found.get("publisher"), found.get("description"),
                      frozenset(types), tuple(dict.fromkeys(sites)))
