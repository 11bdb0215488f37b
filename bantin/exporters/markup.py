"""Text as XML-like formats carry it (XHTML, reportlab's paragraph markup): escaped
character data and attributes, emphasis tags, and link targets that a URI may hold."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

from bantin.model import Span, Text

_SCHEMES = re.compile(r"(?:https?|ftp)://[^/?#\s]+\S*|mailto:\S+@\S+|tel:\+?[0-9-]+", re.I)
_URI_SAFE = "-._~:/?#@!$&'()*+,;=%"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def link_target(href: str | None) -> str | None:
    """The address a format's link points at, or None when there is none to make:
    only absolute addresses with a scheme (a relative one from a saved page would
    be a broken link, and an epubcheck error). Characters a URI may not hold
    (Vietnamese letters, brackets, a lone %) are percent-encoded; the text shown
    keeps them."""
    if not href or _SCHEMES.fullmatch(href) is None:
        return None
    scheme, rest = href.split(":", 1)
    return scheme.lower() + ":" + quote(_LONE_PERCENT.sub("%25", rest), safe=_URI_SAFE)


def escape(text: str) -> str:
    """Text escaped for XML character data: xml.sax.saxutils.escape, without the
    11 ms its import of urllib.request and http.client adds to every start-up."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """Text escaped for a double-quoted XML attribute."""
    return escape(text).replace('"', "&quot;")


def tag_span(s: Span, inner: str, strong: str, em: str, link_attrs: str = "") -> str:
    """Already-escaped ``inner`` wrapped in the markup of an XML-like format (XHTML,
    reportlab's paragraph markup): emphasis tags, then a link when it has a target."""
    if s.strong:
        inner = f"<{strong}>{inner}</{strong}>"
    if s.em:
        inner = f"<{em}>{inner}</{em}>"
    target = link_target(s.href)
    if target:
        inner = f'<a href="{attr(target)}"{link_attrs}>{inner}</a>'
    return inner


# Between two note marks side by side: raised, "³,⁴", never "³⁴" read as note 34 (helper-112).
NOTE_SEPARATOR = ","


def with_marks_apart(text: Text) -> Iterator[tuple[Span, bool]]:
    """Each span, and whether it is a note's mark right after another's: a
    writer sets ``NOTE_SEPARATOR`` between them."""
    after_note = False
    for s in text:
        yield s, after_note and s.note is not None
        after_note = s.note is not None or (after_note and not s.text)
