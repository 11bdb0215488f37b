"""Walks that rewrite every string of a document and keep its structure: the one
way typography, sanitising and autolinking reach the model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import assert_never

from bantin.model.blocks import (
    Block,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    SectionBreak,
    Table,
)
from bantin.model.document import Article, Briefing, Dateline, Document, Note, Outlet, Signature, Signer
from bantin.model.text import Span, Text

Fn = Callable[[str], str]


def map_text(doc: Document, fn: Fn) -> Document:
    """Apply ``fn`` to every piece of prose in the document, keeping the structure.

    Prose is every field a reader reads as words: titles, ledes, bylines, the
    outlet, the dateline, tags, the issuer and place, every block's text (in list
    items, quotes, cells and notes too), captions, credits, attributions, alt text.
    URLs (the article's and every link's), the date, the document number and code
    (spans marked ``code`` and code blocks) are not prose; ``map_strings`` reaches
    them too.
    """
    return _Mapper(fn, None, None, None).doc(doc)


def map_strings(doc: Document, fn: Fn, code: Fn | None = None, field: Fn | None = None) -> Document:
    """Apply ``fn`` to every string of the document, the URL and date included;
    ``code``, when given, to code instead (a tab is part of a line of code);
    ``field``, when given, after ``fn`` to every prose field that is no rich text
    (a title, a byline, an alt text: one line each)."""
    return _Mapper(fn, fn, code or fn, None, field=field).doc(doc)


def map_spans(doc: Document, fn: Callable[[Span], Text]) -> Document:
    """Replace every span of rich text (block text, list items, captions, cells)
    with the spans ``fn`` makes of it; other fields stay as they are."""
    return _Mapper(lambda s: s, None, None, fn).doc(doc)


def map_texts(doc: Document, fn: Callable[[Text], Text]) -> Document:
    """Replace every piece of rich text (block text, list items, quotes, cells,
    captions, notes) with what ``fn`` makes of it, whole: a rule that reads a span's
    neighbours (whether a quote opens) sees its paragraph. Other fields stay as
    they are."""
    return _Mapper(lambda s: s, None, None, None, fn).doc(doc)


@dataclass(frozen=True)
class _Mapper:
    prose: Fn
    raw_fn: Fn | None  # URLs, dates, numbers; None leaves them
    code_fn: Fn | None  # code; None leaves it
    split: Callable[[Span], Text] | None
    whole: Callable[[Text], Text] | None = None  # each piece of rich text at once
    field: Fn | None = None  # prose fields that are no rich text, after ``prose``

    def raw(self, s: str | None) -> str | None:
        return self.raw_fn(s) if self.raw_fn is not None and s else s

    def verbatim(self, s: str) -> str:
        return self.code_fn(s) if self.code_fn is not None else s

    def one(self, s: str) -> str:
        s = self.prose(s)
        return (self.field(s) if self.field is not None else s).strip()

    def opt(self, s: str | None) -> str | None:
        if not s:
            return s
        return self.one(s) or None

    def span(self, s: Span) -> Span:
        text, href, note = self.verbatim(s.text) if s.code else self.prose(s.text), self.raw(s.href), self.raw(s.note)
        # The same span when nothing changed: a table of 100,000 cells is mapped
        # several times, and a copy per span per walk was most of its reading time.
        return s if (text, href, note) == (s.text, s.href, s.note) else replace(s, text=text, href=href, note=note)

    def spans(self, t: Text) -> Text:
        if self.whole is not None:
            return self.whole(t)
        out = [self.span(s) for s in t]
        if self.split is not None:
            return tuple(x for s in out for x in self.split(s))
        if out:
            if out[0].text != out[0].text.lstrip():
                out[0] = replace(out[0], text=out[0].text.lstrip())
            if out[-1].text != out[-1].text.rstrip():
                out[-1] = replace(out[-1], text=out[-1].text.rstrip())
        return tuple(s for s in out if s.text)

    def blocks(self, bs: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(self.block(b) for b in bs)

    def block(self, b: Block) -> Block:
        match b:
            case Heading() | Paragraph():
                return replace(b, text=self.spans(b.text))
            case ListBlock():
                return replace(b, items=tuple(ListItem(self.blocks(i.blocks)) for i in b.items))
            case Quote():
                return replace(b, blocks=self.blocks(b.blocks), attribution=self.opt(b.attribution))
            case Figure():
                return replace(b, caption=self.spans(b.caption), credit=self.opt(b.credit), alt=self.opt(b.alt) or "")
            case Table():
                rows = tuple(tuple(replace(c, blocks=self.blocks(c.blocks)) for c in r) for r in b.rows)
                return replace(b, rows=rows, caption=self.spans(b.caption))
            case CodeBlock():
                return replace(b, lines=tuple(map(self.verbatim, b.lines)))
            case SectionBreak():
                return b
            case _:
                assert_never(b)

    def article(self, a: Article) -> Article:
        return replace(
            a,
            title=self.one(a.title),
            lede=self.opt(a.lede),
            byline=self.opt(a.byline),
            outlet=None if a.outlet is None else Outlet(self.opt(a.outlet.code), self.opt(a.outlet.name)),
            dateline=None if a.dateline is None else Dateline(self.opt(a.dateline.place), self.opt(a.dateline.time)),
            tags=tuple(t for t in (self.one(t) for t in a.tags) if t),
            url=self.raw(a.url),
            date=self.raw(a.date),
            blocks=self.blocks(a.blocks),
            notes=tuple(Note(self.raw(n.id) or n.id, self.blocks(n.blocks), n.kind) for n in a.notes),
            issuer=self.opt(a.issuer),
            number=self.raw(a.number),
            place=self.opt(a.place),
            signature=self.signature(a.signature),
        )

    def signature(self, s: Signature | None) -> Signature | None:
        if s is None:
            return None
        return Signature(self.opt(s.name), tuple(filter(None, map(self.one, s.title))),
                         tuple(filter(None, map(self.one, s.recipients))), self.opt(s.signed),
                         tuple(Signer(self.opt(x.name), tuple(filter(None, map(self.one, x.title))), self.opt(x.signed))
                               for x in s.beside))

    def doc(self, doc: Document) -> Document:
        if isinstance(doc, Briefing):
            return replace(
                doc,
                title=self.one(doc.title),
                issuer=self.opt(doc.issuer),
                number=self.raw(doc.number),
                place=self.opt(doc.place),
                signature=self.signature(doc.signature),
                date=self.raw(doc.date),
                articles=tuple(self.article(a) for a in doc.articles),
            )
        return self.article(doc)


def spans_of(a: Article) -> list[Span]:
    """Every span of an article's rich text, in reading order: blocks (inside list
    items, quotes and cells too), then notes."""
    found: list[Span] = []

    def keep(span: Span) -> Text:
        found.append(span)
        return (span,)

    _Mapper(lambda s: s, None, None, keep).article(a)
    return found
