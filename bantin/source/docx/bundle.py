"""bantin's own bundle, revised in Word and read back as the briefing it was.

``bantin export --bundle -f docx`` writes a cover ("Cover Title", a "Cover Meta"
line of the issuer and the date, another of the count, Nghị định 30's header
block in its table), a contents page ("Contents Heading", "TOC 1" lines with
their page numbers) and each article under a "Heading 1" title, its sections
one level down, a "Masthead" line just above its title. Read as one article,
the cover's lines ran into the title, the contents became body text with stale
page numbers and every article's lede, byline and masthead became paragraphs
(helper-74). Here the cover gives the briefing's title, issuer, number, place
and date, the contents go, and each title opens an article whose own headings
rise back by one level. Anything else an editor typed on the cover goes with
the first article: no word is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bantin.model import Table
from bantin.model.labels import SEPARATOR
from bantin.source.docx.body import Item, Para
from bantin.source.docx.header import Header, parse_date, read_header

_PASSED = ("cover_meta", "contents", "contents_title")  # the cover's lines and the contents page: made again on export
_COUNT = re.compile(r"\d+ bài")  # the cover's count line (``labels.count_line``)


@dataclass
class Bundle:
    title: str
    header: Header | None = None  # the cover's header block (Nghị định 30)
    issuer: str | None = None  # the cover's meta line, when no header block names it
    date: str | None = None  # ISO
    articles: list[list[Item]] = field(default_factory=list)


def split(items: list[Item]) -> Bundle | None:
    """The briefing of ``items`` when they are those of a bantin bundle (a
    paragraph in "Cover Title"); None otherwise."""
    covers = [it for it in items if isinstance(it, Para) and it.role == "cover_title" and it.text]
    if not covers:
        return None
    found = Bundle(" ".join(covers[0].text.split()))
    typed: list[Item] = []  # the cover's other words, for the first article
    pending: list[Item] = []  # a masthead line waits for the title under it
    titled = False  # the meta lines bantin writes stand under the cover's title
    for it in items:
        titled = titled or it is covers[0]
        if isinstance(it, Para) and it.role == "cover_meta" and not found.articles and not (
                titled and _meta(found, it.text)):
            typed.append(replace(it, role="body"))  # a line an editor added on the cover: kept
            continue
        if isinstance(it, Para) and (it.role == "cover_title" or it.role in _PASSED):
            continue
        if isinstance(it, Para) and it.role == "masthead":
            pending.append(it)
        elif isinstance(it, Para) and it.role == "heading" and it.level == 1 and it.text:
            found.articles.append([*pending, replace(it, role="title", level=0)])
            pending = []
        elif found.articles:
            found.articles[-1] += [*pending, _risen(it)]
            pending = []
            if typed and len(found.articles) == 1 and not (isinstance(it, Para) and it.role == "subtitle"):
                # The cover's typed words open the first article's body, after its lede.
                found.articles[0][-1:-1] = typed
                typed = []
        elif isinstance(it, Table) and found.header is None and (header := read_header(it)) is not None:
            found.header = header
        elif not (isinstance(it, Para) and not it.text and not it.images):
            typed.append(it)
    if found.articles:
        found.articles[-1] += [*pending, *typed]
    elif pending or typed:
        found.articles.append([*pending, *typed])
    return found


def _meta(found: Bundle, text: str) -> bool:
    """Whether ``text`` is the cover's meta line, "Ủy ban nhân dân tỉnh Bắc Ninh,
    Văn phòng · ngày 05 tháng 01 năm 2026" (``labels.briefing_meta``), or its count,
    "3 bài"; its issuer and date taken. A line an editor added there ("Lưu hành nội
    bộ") is not: an issuer is read once, from the first line that names one."""
    parts = [p.strip() for p in text.split(SEPARATOR.strip()) if p.strip()]
    if all(_COUNT.fullmatch(p) for p in parts):
        return True
    dated = [p for p in parts if len(p) <= 40 and parse_date(p)]
    rest = [p for p in parts if p not in dated and not _COUNT.fullmatch(p)]
    if len(rest) > 1 or (rest and found.issuer is not None) or (dated and found.date is not None):
        return False
    if dated:
        found.date = parse_date(dated[0])
    if rest:
        found.issuer = "; ".join(x.strip() for x in rest[0].split(", ") if x.strip())
    return True


def _risen(it: Item) -> Item:
    """A heading of an article one level up: its sections were written under its title."""
    if isinstance(it, Para) and it.role == "heading" and it.level > 1:
        return replace(it, level=it.level - 1)
    return it


def ordinary(items: list[Item], warn: Callable[[str], None]) -> list[Item]:
    """The items of any other Word file, its cover lines read as the paragraphs
    they were before bundles were read back. Its table of contents goes: the lines
    ("TOC 1", a page number at the end) that name a heading of the file, which
    Word made from them with its own page numbers (helper-103), and the short
    "TOC Heading" just over them; a line that names no heading stays (helper-104:
    body text set in "TOC 1")."""
    items = _listed_headings(items)
    headings = {_toc_key(it.text) for it in items if isinstance(it, Para) and it.role == "heading"}
    gone = {k for k, it in enumerate(items) if isinstance(it, Para) and it.role == "contents" and it.text
            and (_toc_key(it.text) in headings or _toc_key(_TOC_PAGE.sub("", it.text)) in headings)}
    if gone:
        above = min(gone) - 1
        head = items[above] if above >= 0 else None
        if isinstance(head, Para) and head.role == "contents_title":
            gone.add(above)
        warn(f"Word's table of contents left out ({len(gone)} line{'s' if len(gone) != 1 else ''}): the outputs "
             "list the headings themselves")
        items = [it for k, it in enumerate(items) if k not in gone]
    roles = ("cover_title", *_PASSED)
    # A "TOC Heading" left over heads what follows, as it did before it had a role.
    return [replace(it, role="heading", level=1) if isinstance(it, Para) and it.role == "contents_title"
            else replace(it, role="body") if isinstance(it, Para) and it.role in roles else it for it in items]


_TOC_PAGE = re.compile(r"[\t .…]+(?:\d{1,4}|[ivxlc]{1,6})\s*$")
LISTED_WORDS = 20  # a heading Word's contents lists is a line, not a paragraph


def _listed_headings(items: list[Item]) -> list[Item]:
    """A short paragraph that Word's table of contents lists is a heading at the
    contents line's level: its outline level was set on the paragraph alone
    ("Kết quả bước đầu", bold, outline level 1), which bantin does not trust by
    itself (converters scatter it on body text), but Word's own contents proves it.
    Unread, it stayed body text and its contents line leaked into the body with
    its page number (helper-122). Only when every contents line is accounted for,
    by a heading or by one such paragraph each: an outline pasted from another
    paper lists lines this one lacks, and a line that names a heading already
    there makes no second one (helper-125)."""
    listed: list[tuple[set[str], int]] = []
    for it in items:
        if isinstance(it, Para) and it.role == "contents" and it.level and it.text:
            listed.append(({_toc_key(it.text), _toc_key(_TOC_PAGE.sub("", it.text))}, it.level))
    if not listed:
        return items
    headings = {_toc_key(it.text) for it in items if isinstance(it, Para) and it.role == "heading"}
    promote: dict[int, int] = {}
    for keys, level in listed:
        if keys & headings:
            continue
        found = next((k for k, it in enumerate(items) if k not in promote and isinstance(it, Para)
                      and it.role == "body" and it.num is None and it.text
                      and len(it.text.split()) <= LISTED_WORDS and not it.text.endswith(".")
                      and _toc_key(it.text) in keys), None)
        if found is None:
            return items  # a line this paper has nothing for: not its own contents
        promote[found] = level
    return [replace(it, role="heading", level=promote[k]) if k in promote and isinstance(it, Para) else it
            for k, it in enumerate(items)]


def _toc_key(text: str) -> str:
    """A heading, or a contents line less its page number, without its numbering:
    "1.1. Sản xuất nông nghiệp" and "Sản xuất nông nghiệp" are one."""
    text = re.sub(r"^\s*(?:[\dIVXLC]+[.)]?)+(?:\s+|$)", "", text)
    return " ".join(text.casefold().split())
