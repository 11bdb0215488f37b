"""Running text of HTML: which tags mark words and which hide them, one tag read
from its source, the marks open at a point, a picture met among words, and
white space as a browser shows it. Shared by the fragment reader and the
Markdown reader's inline HTML."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from bantin.model import Span, Text
from bantin.source.picture_address import address

# Elements whose contents are not the document's words.
HIDDEN = frozenset({"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "canvas",
                    "audio", "video", "head", "title", "textarea", "select", "button", "input"})
EMPHASIS = frozenset({"em", "i", "cite", "dfn", "var"})
STRONG = frozenset({"strong", "b"})
CODE = frozenset({"code", "kbd", "samp", "tt"})
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML's white space; a no-break space is a character
_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)(?![A-Za-z0-9-])")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


@dataclass(frozen=True)
class Tag:
    """One tag as written in the source: ``<a href="x">``, ``</b>``, ``<br/>``."""

    name: str  # lower case
    closing: bool
    attrs: dict[str, str]


def parse_tag(raw: str) -> Tag | None:
    """An opening or closing tag; None for a comment, a declaration or anything else."""
    raw = raw.strip()
    m = _NAME.match(raw)
    if m is None or not raw.endswith(">"):
        return None
    attrs: dict[str, str] = {}
    for a in _ATTR.finditer(raw, m.end(), len(raw) - 1):
        value = next((v for v in a.group(2, 3, 4) if v is not None), "")
        attrs.setdefault(a.group(1).lower(), htmllib.unescape(value))
    return Tag(m.group(2).lower(), bool(m.group(1)), attrs)


@dataclass(frozen=True)
class Marks:
    em: bool = False
    strong: bool = False
    href: str | None = None
    code: bool = False
    sup: bool = False
    sub: bool = False

    def entering(self, name: str, attrs: Any) -> Marks:
        if name in EMPHASIS:
            return replace(self, em=True)
        if name in STRONG:
            return replace(self, strong=True)
        if name in CODE:
            return replace(self, code=True)
        if name == "sup":
            return replace(self, sup=True)
        if name == "sub":
            return replace(self, sub=True)
        if name == "a" and attrs.get("href"):
            return replace(self, href=str(attrs.get("href")).strip())
        return self

    def span(self, text: str) -> Span:
        return Span(text, self.em, self.strong, self.href, self.code, self.sup, self.sub)


@dataclass(frozen=True)
class Picture:
    """An ``<img>`` met in running text: a figure if it stands alone, else its alt text."""

    src: str
    alt: str
    title: str


Item = Span | Picture


def picture(attrs: Any, sources: Iterable[str | None] = ()) -> Picture:
    """An ``<img>`` by its attributes, at the address a lazy loader's placeholder
    hides (``sources``: the ``srcset`` of its ``<picture>``'s ``<source>`` elements)."""
    return Picture(address(attrs.get, sources), " ".join(str(attrs.get("alt") or "").split()),
                   " ".join(str(attrs.get("title") or "").split()))


def _with(s: Span, text: str) -> Span:
    return s if text == s.text else replace(s, text=text)


def tidy(spans: list[Span]) -> Text:
    """Spans with white space as a browser shows it: runs of it one space, none at the ends."""
    out: list[Span] = []
    for s in spans:
        text = s.text if s.code else _SPACES.sub(" ", s.text)
        if out and not s.code and text.startswith(" ") and out[-1].text.endswith(" "):
            text = text[1:]
        if text:
            out.append(_with(s, text))
    start, end = 0, len(out)
    while start < end and not out[start].code and not out[start].text.strip(" "):
        start += 1
    while end > start and not out[end - 1].code and not out[end - 1].text.strip(" "):
        end -= 1
    out = out[start:end]
    if out and not out[0].code:
        out[0] = _with(out[0], out[0].text.lstrip(" "))
    if out and not out[-1].code:
        out[-1] = _with(out[-1], out[-1].text.rstrip(" "))
    return tuple(s for s in out if s.text)
