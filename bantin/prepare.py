"""What every document goes through once, after it is read and before any exporter
runs: the ``-M`` overrides, removal of characters no output may carry, a check of
its dates, and the style's typography.

Every prose field of every format comes out of here, so every format carries the
same words and punctuation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bantin.errors import InputError
from bantin.model import (
    Article,
    Block,
    Briefing,
    Dateline,
    Document,
    ListBlock,
    ListItem,
    Outlet,
    Paragraph,
    Quote,
    Signature,
    Span,
    Table,
    Text,
    articles_of,
)
from bantin.model.dates import iso_date_ok, names_day
from bantin.model.sanitize import sanitize
from bantin.source.rules import long_paragraph
from bantin.source.rules.signature import lines_of
from bantin.style.stylesheet import Style
from bantin.typography import apply as apply_typography

Meta = tuple[tuple[str, str], ...]


def prepare(doc: Document, style: Style, meta: Meta = (), warn: Callable[[str], None] | None = None) -> Document:
    """The document with the overrides, clean characters, checked dates and the
    style's typography; ``InputError`` when a title is missing."""
    doc = apply_meta(doc, meta)
    doc = sanitize(doc, warn)
    doc = _valid_dates(doc, warn)
    doc = apply_typography(doc, style.typography, style.tone_marks)
    doc = _cut_long_paragraphs(doc)
    if isinstance(doc, Briefing) and not doc.title:
        raise InputError("the briefing has no title")
    for a in articles_of(doc):
        if not a.title:
            raise InputError("the article has no title")
    return doc


def apply_meta(doc: Document, meta: Meta) -> Document:
    """``-M KEY=VALUE`` over what the reader found; an empty value removes the field."""
    m = dict(meta)
    if not m:
        return doc
    if isinstance(doc, Briefing):
        changes: dict[str, object] = {k: m[k] or None for k in ("date", "issuer", "number", "place") if k in m}
        if "title" in m:
            changes["title"] = m["title"]
        return replace(doc, **changes, signature=_signature(doc.signature, m))  # type: ignore[arg-type]
    return replace(_override_article(doc, m), signature=_signature(doc.signature, m))


def _signature(s: Signature | None, m: dict[str, str]) -> Signature | None:
    """The document's signature with ``-M signer``, ``signer_title``,
    ``recipients`` and ``signed`` over it; None when nothing is left."""
    if not {"signer", "signer_title", "recipients", "signed"} & m.keys():
        return s
    s = s or Signature()
    s = Signature(m["signer"].strip() or None if "signer" in m else s.name,
                  lines_of(m["signer_title"]) if "signer_title" in m else s.title,
                  lines_of(m["recipients"]) if "recipients" in m else s.recipients,
                  m["signed"].strip() or None if "signed" in m else s.signed)
    return s if s.name or s.title or s.recipients else None


def _override_article(a: Article, meta: dict[str, str]) -> Article:
    changes: dict[str, object] = {}
    if "title" in meta:
        changes["title"] = meta["title"]
    if "date" in meta:
        changes["date"] = meta["date"] or None
        if a.dateline and a.dateline.time:  # "Thứ hai, 2/9/2024, 08:15" would stand beside the date given
            changes["dateline"] = Dateline(a.dateline.place) if a.dateline.place else None
    if "byline" in meta:
        changes["byline"] = meta["byline"] or None
    if "outlet" in meta:
        code = a.outlet.code if a.outlet else None
        changes["outlet"] = Outlet(code, meta["outlet"]) if meta["outlet"] else None
    for key in ("issuer", "number", "place"):  # a single administrative document's header
        if key in meta:
            changes[key] = meta[key] or None
    return replace(a, **changes) if changes else a  # type: ignore[arg-type]


def _valid_dates(doc: Document, warn: Callable[[str], None] | None) -> Document:
    """An impossible date (2017-02-31, a week date, GMT+25) is dropped with a
    warning: bantin never writes a date that it would refuse to read back."""

    def check(value: str | None) -> str | None:
        if value is None or iso_date_ok(value):
            return value
        if warn is not None:
            warn(f"dropped the impossible date {value[:40]!r}")
        return None

    def article(a: Article) -> Article:
        date = check(a.date)
        if a.date and date is None and a.dateline and a.dateline.time and names_day(a.dateline.time, a.date):
            # The dateline's "29/2/2023" is that impossible date: the masthead printed
            # it under the warning that it was dropped (helper-105).
            return replace(a, date=None, dateline=replace(a.dateline, time=None))
        return replace(a, date=date)

    if isinstance(doc, Briefing):
        return replace(doc, date=check(doc.date), articles=tuple(article(a) for a in doc.articles))
    return article(doc)


def _cut_long_paragraphs(doc: Document) -> Document:
    """Paragraphs longer than the newsroom reader's limit, from any reader, cut at
    sentence boundaries as it cuts them: every format and the digest then work on
    pieces of bounded length (a 300 KB paragraph of JSON or Markdown made the digest
    quadratic). Emphasis and links are kept across the cuts."""

    def blocks(bs: tuple[Block, ...]) -> tuple[Block, ...]:
        out: list[Block] = []
        for b in bs:
            match b:
                case Paragraph() if sum(len(s.text) for s in b.text) > long_paragraph.LIMIT:
                    out += [Paragraph(t) for t in _pieces(b.text)]
                case ListBlock():
                    out.append(replace(b, items=tuple(ListItem(blocks(i.blocks)) for i in b.items)))
                case Quote():
                    out.append(replace(b, blocks=blocks(b.blocks)))
                case Table():
                    out.append(replace(b, rows=tuple(tuple(replace(c, blocks=blocks(c.blocks)) for c in r)
                                                     for r in b.rows)))
                case _:
                    out.append(b)
        return tuple(out)

    def article(a: Article) -> Article:
        notes = tuple(replace(n, blocks=blocks(n.blocks)) for n in a.notes)
        return replace(a, blocks=blocks(a.blocks), notes=notes)

    if isinstance(doc, Briefing):
        return replace(doc, articles=tuple(article(a) for a in doc.articles))
    return article(doc)


def _pieces(text: Text) -> list[Text]:
    """Rich text cut where its plain text is cut, each span split at the cuts."""
    plain = "".join(s.text for s in text)
    out: list[Text] = []
    for a, b in long_paragraph.pieces(plain):
        part: list[Span] = []
        pos = 0
        for s in text:
            lo, hi = max(a, pos), min(b, pos + len(s.text))
            if lo < hi:
                part.append(replace(s, text=s.text[lo - pos:hi - pos]))
            pos += len(s.text)
        if part:
            part[0] = replace(part[0], text=part[0].text.lstrip())
            part[-1] = replace(part[-1], text=part[-1].text.rstrip())
        kept = tuple(s for s in part if s.text)
        if kept:
            out.append(kept)
    return out
