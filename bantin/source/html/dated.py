"""The date a page states, and only that: JSON-LD ``datePublished``, the
publication ``<meta>`` tags, a ``<time>`` element, or the visible date line by the
headline. Never trafilatura's guess, never a year found in the body or in a
copyright line: an article with no stated date has none.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bantin.model.dates import iso_date_ok, local_day
from bantin.source.html.page import LinkedData, classes, meta, squash

_META = ("article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate",
         "publish-date", "publish_date", "dc.date.issued", "DC.date.issued", "dc.date", "DC.date",
         "citation_publication_date", "sailthru.date", "parsely-pub-date", "date")
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"))}
_MONTHS.update({m[:3]: n for m, n in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|$)")
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d])")
_D_MONTH_Y = re.compile(r"\b(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_D_Y = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
# Elements whose text may state the date: a date line, never a footer.
_DATED = re.compile(r"date|time|publish|posted|ngay|thoigian")
_NOT_DATED = re.compile(r"copyright|footer|comment|related|update|modif")


def _ok(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat() if 1900 <= y <= 2100 else None
    except ValueError:
        return None


def parse(text: str | None, *, words_too: bool = False) -> str | None:
    """``YYYY-MM-DD`` from a stated date: ISO 8601 (extended or basic), a
    day-first Vietnamese/European date, and (``words_too``) English month names."""
    s = squash(text)
    if not s:
        return None
    # A timestamp with an offset is dated as Vietnam sees the instant; a page's year
    # or month alone ("2016") dates no article.
    if len(s) >= 10 and iso_date_ok(s):
        return local_day(s)
    m = _ISO.search(s) or _COMPACT.search(s)
    if m:
        return _ok(int(m[1]), int(m[2]), int(m[3]))
    m = _DMY.search(s)
    if m:
        return _ok(int(m[4]), int(m[3]), int(m[1]))
    if words_too:
        m = _D_MONTH_Y.search(s)
        if m and m[2].lower() in _MONTHS:
            return _ok(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
        m = _MONTH_D_Y.search(s)
        if m and m[1].lower() in _MONTHS:
            return _ok(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    return None


def page_date(page: Any, ld: LinkedData) -> str | None:
    for value in (ld.date, meta(page, *_META)):
        found = parse(value)
        if found:
            return found
    times = page.xpath("//time[@itemprop='datePublished']") + page.xpath("//time")
    for el in times:
        found = parse(el.get("datetime") or el.get("content")) or parse(el.text_content(), words_too=True)
        if found:
            return found
    for el in page.xpath("//body//*[@class or @id]"):
        cls = classes(el)
        if not _DATED.search(cls) or _NOT_DATED.search(cls):
            continue
        text = squash(el.text_content())
        if text and len(text.split()) <= 12:
            # The page's words as they run, then parted where its elements part
            # them: a time set in an element of its own right after the year
            # ("6/3/2026<span>14:30</span>") ran into it ("6/3/202614:30") and
            # gave no date (helper-153).
            found = parse(text, words_too=True) or parse(" ".join(el.itertext()), words_too=True)
            if found:
                return found
    return None
