"""The canonical representation: plain, typed, immutable data.

Readers produce it, typography rewrites it, exporters only read it. Rich text is a
tuple of spans so that emphasis survives without any exporter parsing markup.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Span:
    text: str
    em: bool = False
    strong: bool = False
    href: str | None = None  # a link's address; not prose, so typography never touches it
    code: bool = False  # code, set in a monospace face; not prose either


Text = tuple[Span, ...]


def plain(text: str) -> Text:
    return (Span(text),) if text else ()


def text_of(spans: Text) -> str:
    return "".join(s.text for s in spans)


@dataclass(frozen=True)
class Heading:
    text: Text
    level: int = 1  # 1 is the highest heading inside an article; the title sits above it


@dataclass(frozen=True)
class Paragraph:
    text: Text


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Text, ...]
    ordered: bool = False
    # Items that already carry their own ordinals ("Thứ nhất, …", "1. …") must not
    # be numbered a second time by an exporter.
    numbered_in_text: bool = False


@dataclass(frozen=True)
class Quote:
    text: Text
    attribution: str | None = None


@dataclass(frozen=True)
class Image:
    """An image's bytes, checked and normalised by ``bantin.images``: PNG or JPEG,
    upright (EXIF orientation applied), with its pixel size."""

    data: bytes = field(repr=False)
    media_type: str  # "image/png" or "image/jpeg"
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def extension(self) -> str:
        return ".png" if self.media_type == "image/png" else ".jpg"


@dataclass(frozen=True)
class Figure:
    """A photo with its caption and credit. "Caption" means one thing: the text
    under a figure. A newsroom's "Ảnh: …" line with no picture is a figure whose
    image is None; every format still prints its caption and credit."""

    caption: Text = ()
    credit: str | None = None
    image: Image | None = None
    alt: str = ""


# Deprecated name of 0.2 (a caption line without an image); the block is a Figure.
Caption = Figure


@dataclass(frozen=True)
class Table:
    """Rows of cells; the first ``header_rows`` rows are headers. ``align`` holds
    one entry per column ("left", "right" or "center")."""

    rows: tuple[tuple[Text, ...], ...]
    header_rows: int = 0
    caption: Text = ()
    align: tuple[str, ...] = ()

    @property
    def columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class SectionBreak:
    pass


@dataclass(frozen=True)
class CodeBlock:
    """Lines of code, kept as written (indentation included, tabs expanded by the
    reader): no typographic rule and no line filling ever touches them."""

    lines: tuple[str, ...]
    language: str | None = None


Block = Heading | Paragraph | ListBlock | Quote | Figure | Table | SectionBreak | CodeBlock

# A number as Vietnamese tables print them: 2.900, 1.234,5, -3, 12%, 11/12, 5,2 tỷ.
_NUMERIC = re.compile(r"[-+−]?[\d.,/\s\u00a0]*\d[\d.,/\s\u00a0]*(%|‰)?( ?[^\W\d_]{1,6}\.?)?")


def numeric(text: str) -> bool:
    return bool(text.strip()) and _NUMERIC.fullmatch(text.strip()) is not None


def auto_align(rows: tuple[tuple[Text, ...], ...], header_rows: int) -> tuple[str, ...]:
    """Right for a column whose non-empty body cells are all numbers, else left."""
    width = max((len(r) for r in rows), default=0)
    body = rows[header_rows:]
    out = []
    for c in range(width):
        cells = [text_of(r[c]) for r in body if c < len(r) and text_of(r[c]).strip()]
        out.append("right" if cells and all(numeric(x) for x in cells) else "left")
    return tuple(out)


@dataclass(frozen=True)
class Outlet:
    code: str | None = None
    name: str | None = None

    @property
    def display(self) -> str:
        return self.name or self.code or ""


@dataclass(frozen=True)
class Dateline:
    place: str | None = None
    time: str | None = None

    @property
    def display(self) -> str:
        return ", ".join(p for p in (self.place, self.time) if p)


@dataclass(frozen=True)
class Article:
    title: str
    lede: str | None = None
    outlet: Outlet | None = None
    dateline: Dateline | None = None
    date: str | None = None  # ISO 8601, only when known exactly; never guessed
    byline: str | None = None
    language: str = "vi"
    blocks: tuple[Block, ...] = ()
    url: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def author(self) -> str:
        """Who the document is by, for metadata: the outlet, else the byline."""
        return self.outlet.display if self.outlet else (self.byline or "")


@dataclass(frozen=True)
class Briefing:
    title: str
    articles: tuple[Article, ...] = field(default_factory=tuple)
    date: str | None = None
    issuer: str | None = None
    number: str | None = None  # the document's number ("Số: 12/BC-VP"), Nghị định 30's header
    place: str | None = None  # where it is issued ("Hà Nội"), for the place-and-date line
    # "bundle": whole articles; "digest": the điểm báo, one short entry per article
    # (title, source line, lede, key points as a list), see bantin.digest.
    kind: str = "bundle"
    group_by: str | None = None  # a digest's grouping of entries: "outlet" or "tag"
    language: str = "vi"

    @property
    def author(self) -> str:
        return self.issuer or ""


Document = Article | Briefing


def articles_of(doc: Document) -> tuple[Article, ...]:
    return doc.articles if isinstance(doc, Briefing) else (doc,)


def map_text(doc: Document, fn: Callable[[str], str]) -> Document:
    """Apply ``fn`` to every piece of prose in the document, keeping the structure.

    Prose is every field a reader reads as words: titles, ledes, bylines, the
    outlet, the dateline, tags, the issuer, every block's text, captions, credits,
    alt text and table cells. URLs (the article's and every link's), the date and
    code (spans marked ``code`` and code blocks) are not prose; ``map_strings``
    reaches them too.
    """
    return _map(doc, fn, None)


def map_strings(doc: Document, fn: Callable[[str], str]) -> Document:
    """Apply ``fn`` to every string of the document, the URL and date included."""
    return _map(doc, fn, fn)


def map_spans(doc: Document, fn: Callable[[Span], Text]) -> Document:
    """Replace every span of rich text (block text, list items, captions, cells)
    with the spans ``fn`` makes of it; other fields stay as they are."""
    return _map(doc, lambda s: s, None, fn)


def _map(doc: Document, fn: Callable[[str], str], other: Callable[[str], str] | None,
         split: Callable[[Span], Text] | None = None) -> Document:
    def spans(t: Text) -> Text:
        out = [replace(s, text=verbatim(s.text) if s.code else fn(s.text), href=raw(s.href)) for s in t]
        if split is not None:
            return tuple(x for s in out for x in split(s))
        if out:
            out[0] = replace(out[0], text=out[0].text.lstrip())
            out[-1] = replace(out[-1], text=out[-1].text.rstrip())
        return tuple(s for s in out if s.text)

    def one(s: str) -> str:
        return fn(s).strip()

    def opt(s: str | None) -> str | None:
        if not s:
            return s
        return one(s) or None

    def raw(s: str | None) -> str | None:
        return other(s) if other is not None and s else s

    def verbatim(s: str) -> str:
        return other(s) if other is not None else s

    def block(b: Block) -> Block:
        if isinstance(b, ListBlock):
            return replace(b, items=tuple(spans(i) for i in b.items))
        if isinstance(b, Quote):
            return replace(b, text=spans(b.text), attribution=opt(b.attribution))
        if isinstance(b, Figure):
            return replace(b, caption=spans(b.caption), credit=opt(b.credit), alt=opt(b.alt) or "")
        if isinstance(b, Table):
            return replace(b, rows=tuple(tuple(spans(c) for c in r) for r in b.rows), caption=spans(b.caption))
        if isinstance(b, (Heading, Paragraph)):
            return replace(b, text=spans(b.text))
        if isinstance(b, CodeBlock):
            return replace(b, lines=tuple(map(verbatim, b.lines)))
        return b

    def article(a: Article) -> Article:
        return replace(
            a,
            title=one(a.title),
            lede=opt(a.lede),
            byline=opt(a.byline),
            outlet=None if a.outlet is None else Outlet(opt(a.outlet.code), opt(a.outlet.name)),
            dateline=None if a.dateline is None else Dateline(opt(a.dateline.place), opt(a.dateline.time)),
            tags=tuple(t for t in (one(t) for t in a.tags) if t),
            url=raw(a.url),
            date=raw(a.date),
            blocks=tuple(block(b) for b in a.blocks),
        )

    if isinstance(doc, Briefing):
        return replace(
            doc,
            title=one(doc.title),
            issuer=opt(doc.issuer),
            number=raw(doc.number),
            place=opt(doc.place),
            date=raw(doc.date),
            articles=tuple(article(a) for a in doc.articles),
        )
    return article(doc)
