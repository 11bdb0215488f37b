"""Walks that rewrite every string of a document and keep its structure: the one
way typography, sanitising and autolinking reach the model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bantin.model.blocks import Block, CodeBlock, Figure, Heading, ListBlock, Paragraph, Quote, Table
from bantin.model.document import Article, Briefing, Dateline, Document, Outlet
from bantin.model.text import Span, Text


def map_text(doc: Document, fn: Callable[[str], str]) -> Document:
    """Apply ``fn`` to every piece of prose in the document, keeping the structure.

    Prose is every field a reader reads as words: titles, ledes, bylines, the
    outlet, the dateline, tags, the issuer, every block's text, captions, credits,
    alt text and table cells. URLs (the article's and every link's), the date and
    code (spans marked ``code`` and code blocks) are not prose; ``map_strings``
    reaches them too.
    """
    return _map(doc, fn, None)


def map_strings(doc: Document, fn: Callable[[str], str], code: Callable[[str], str] | None = None) -> Document:
    """Apply ``fn`` to every string of the document, the URL and date included;
    ``code``, when given, to code instead (a tab is part of a line of code)."""
    return _map(doc, fn, fn, code=code or fn)


def map_spans(doc: Document, fn: Callable[[Span], Text]) -> Document:
    """Replace every span of rich text (block text, list items, captions, cells)
    with the spans ``fn`` makes of it; other fields stay as they are."""
    return _map(doc, lambda s: s, None, fn)


def _map(doc: Document, fn: Callable[[str], str], other: Callable[[str], str] | None,
         split: Callable[[Span], Text] | None = None, code: Callable[[str], str] | None = None) -> Document:
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
        return code(s) if code is not None else s

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
