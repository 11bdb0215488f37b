"""Links as the page meant them: a relative address resolved against the page's own.

A saved page keeps its links as the site wrote them ("/giao-thong/lo-trinh.html",
"huong-dan.html", "//sxd.hanoi.gov.vn/tin"). Out of the site they lead nowhere, so
every exporter would drop them (``exporters.markup.link_target``) and the reader of
a briefing would lose where the article sends them. The browser resolves them
against the page's ``<base href>``, else the page's own address; the page names
its address in ``<link rel="canonical">`` or ``og:url`` (``fields.read_fields``).
Without an absolute address to resolve against, a relative link stays as written:
guessing a host would make a link that looks right and leads elsewhere; so does a
page-relative one ("a.html") when the page names only its site's home. An address
typed without its scheme ("www.moh.gov.vn", a bare mailbox) is the address it
names, not a page of the site. Nothing is fetched; this is string work.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from bantin.model import Article, Span, Text, map_spans
from bantin.source import addresses
from bantin.typography.protect import MAILBOX, TLD

_WEB = ("http", "https")
# An address typed without its scheme, which a browser would take for a page of the
# site ("www.moh.gov.vn", "dichvucong.gov.vn/p/home", "zalo.me/0912345678"): a host
# of two labels or more whose last is a top-level domain, then a path or nothing.
# The top-level domains and the mailbox are typography's (``protect``), which keeps
# the same addresses from its rules.
_DOMAIN = re.compile(rf"(?:www\.)?(?:[a-z0-9-]+\.)+{TLD}(?:\.[a-z]{{2}})?(?:[/:?#]|$)", re.IGNORECASE)
_MAILBOX = re.compile(rf"{MAILBOX}(?:\?\S*)?")
_SCHEME_TYPO = re.compile(r"(https?)//(?=[\w-]+\.)", re.IGNORECASE)
_ONE_SLASH = re.compile(r"(https?):/(?=[\w-]+\.)", re.IGNORECASE)


def _absolute(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if addresses.scheme(url) in _WEB and urlsplit(url).netloc else None


def _join(against: str, href: str) -> str | None:
    try:
        return urljoin(against, href.strip())
    except ValueError:
        return None


def base(page: Any, url: str | None) -> str | None:
    """The address the page's relative links are relative to: its first
    ``<base href>`` (itself resolved against the page's address, as a browser
    does), else the page's address; None when neither is an absolute web address."""
    own = _absolute(url)
    for href in page.xpath("//base/@href")[:1]:
        return _absolute(_join(own, href) if own else href) or own
    return own


def resolve(article: Article, against: str | None) -> Article:
    """The article with every link as the page meant it: a relative one made
    absolute against ``against`` (kept as written when that is None), an address
    typed without its scheme or with a slip in it repaired (with or without
    ``against``: it names its host itself). A link with a scheme (http, mailto,
    tel…) stays as it is."""
    # A page that names only its site's home as its address ("og:url" set to the
    # home page) tells where "/tin/a.html" leads, not where "a.html" does.
    home = against is not None and urlsplit(against).path in ("", "/")

    def one(s: Span) -> Text:
        if s.href is None:
            return (s,)
        href = _meant(s.href.strip(), against, home)
        return (s,) if href == s.href else (Span(s.text, s.em, s.strong, href, s.code, s.sup, s.sub, s.note),)

    out = map_spans(article, one)
    assert isinstance(out, Article)
    return out


def _meant(href: str, against: str | None, home: bool) -> str:
    """The address ``href`` means (spaces around it dropped), or ``href``."""
    if href.startswith("\\\\"):
        return href  # a Windows share (\\server\share\a.pdf): no web address
    scheme = addresses.scheme(href) if href else None
    if scheme is not None and scheme in _WEB:
        href = href.replace("\\", "/")  # http:\\baochinhphu.vn, as a browser reads it
        rest = href[len(scheme) + 1:]
        if (typo := _ONE_SLASH.match(href)) and _DOMAIN.match(href, typo.end()):
            return f"{typo.group(1).lower()}://{href[typo.end():]}"  # "http:/baochinhphu.vn"
        if against and rest.startswith("/") and not rest.startswith("//") and scheme == urlsplit(against).scheme:
            # "https:/bai-viet.html" on an https page: a browser reads a path of the site.
            return _join(against, href) or href
    if scheme != "":
        return href  # an address with a scheme, or no address at all
    if _MAILBOX.fullmatch(href):
        return "mailto:" + href
    if (typo := _SCHEME_TYPO.match(href)) and _DOMAIN.match(href, typo.end()):  # "https//dichvucong.gov.vn"
        return f"{typo.group(1).lower()}://{href[typo.end():]}"
    if _DOMAIN.match(href):
        return "https://" + href  # "www.moh.gov.vn": an address typed without its scheme
    if against is None or (home and not href.startswith(("/", "\\"))):
        return href
    # A browser reads a backslash in a web address as a slash (\tin\a.html).
    return _join(against, href.replace("\\", "/")) or href
