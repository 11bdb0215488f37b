"""Word files (.docx), read with lxml straight from the zip.

Styles are resolved once per document (by id and by built-in name, so
Vietnamese Word's and other localised ids map all the same), numbering from
numbering.xml (nested lists that keep their numbers), footnotes and endnotes
from their own parts, tables cell by cell (merged regions once, with their
spans), text boxes where they are anchored, tracked changes as they read after
acceptance. The title, sapo, byline, date and administrative header are found
in the document (``front``); the core properties are evidence, never trusted
blindly. Legacy ``.VnTime`` (TCVN3) and ``VNI-…`` text is converted wherever the
font is set: on the run, its style, the paragraph style's chain or the document
defaults. The zip is read with a byte budget counted while decompressing.
"""

from __future__ import annotations

from dataclasses import replace

from bantin.errors import InputError
from bantin.model import Article, Briefing, Dateline, Document, Note, Signature
from bantin.model.labels import national_kind
from bantin.model.maps import spans_of
from bantin.source.docx import bundle, signature
from bantin.source.docx.assemble import assemble, looks
from bantin.source.docx.body import Body, Item, Para
from bantin.source.docx.byline import closing_byline
from bantin.source.docx.core import Core, read_core
from bantin.source.docx.fonts import legacy_font
from bantin.source.docx.front import find_front
from bantin.source.docx.header import mark_blocks
from bantin.source.docx.inline import Doc
from bantin.source.docx.media import Pictures
from bantin.source.docx.notes import Notes
from bantin.source.docx.numbering import Numbering
from bantin.source.docx.package import Package, body_children
from bantin.source.docx.styles import Styles, theme_fonts
from bantin.source.reader import Context, Reader
from bantin.source.rules import outlet_tag
from bantin.source.rules.dateline import opening_time
from bantin.source.rules.signature import Paper

__all__ = ["read", "reader"]

_legacy_font = legacy_font  # the name bantin 0.2's tests import
NATIONAL_WITHIN = 6  # paragraphs: the national title and motto open a paper with no header table


# What a damaged part of each kind costs the document, by the part's name.
_HELD = {"footnotes": "footnotes", "endnotes": "endnotes", "numbering": "list numbers",
         "styles": "headings and styles", "rels": "links, pictures and notes"}


def _lost(part: str) -> str:
    """What a damaged part cost: "word/_rels/document.xml.rels" its links and pictures."""
    base = part.rsplit("/", 1)[-1]
    return _HELD.get("rels" if base.endswith(".rels") else base.split(".")[0], "what it held")


def read(data: bytes, ctx: Context) -> Document:
    package = Package(data)
    main = package.main

    def part(kind: str) -> object:
        name = package.related(main, kind)
        return package.xml(name) if name else None

    theme = package.related(main, "theme")
    styles = Styles(part("styles"), theme_fonts(package.xml(theme) if theme else None))
    numbering = Numbering(part("numbering"), styles)
    notes = Notes(package, main, part("settings"))
    doc = Doc(package, styles, notes, Pictures(package, ctx.seen, ctx.warn), ctx.warn)
    body = Body(doc, numbering, lambda items: assemble(items))
    items = body.items(body_children(package), main)
    done: list[Note] = []
    while len(done) < len(notes.order):  # a note may refer to another
        pending = notes.order[len(done)]
        note_items = body.items(pending.element, pending.part)
        done.append(Note(pending.id, tuple(assemble(note_items)), pending.kind))
    if doc.symbols:
        ctx.warn(f"{doc.symbols} symbol-font character(s) left out (glyphs of a private-use area, not text)")
    if body.diagrams:
        ctx.warn(f"{body.diagrams} SmartArt diagram(s) read as lists of their words; their drawing is not kept")
    if doc.subdocs:
        ctx.warn(f"{doc.subdocs} sub-document(s) of a master document (w:subDoc) not read: each is a file of "
                 "its own; convert it on its own")
    if body.chunks:
        ctx.warn(f"{body.chunks} embedded document chunk(s) (w:altChunk) not read")
    if notes.missing and not package.broken:  # a damaged part's own warning says what it cost
        # A file copied without its notes part, or cut down by hand: the marks in the
        # text lead nowhere, and are left out.
        kinds = " and ".join(sorted({kind for kind, _ in notes.missing}))
        ctx.warn(f"{len(notes.missing)} reference(s) to {kinds}(s) the file does not hold; their marks are left out")
    if package.broken:
        # A damaged notes, numbering, styles or relationships part costs what it
        # held: the file is read, and the user told what is lost (helper-122).
        lost = dict.fromkeys(_lost(name) for name in sorted(package.broken))
        ctx.warn(f"damaged part(s) not read: {', '.join(sorted(package.broken))}; {', '.join(lost)} lost")
    own = bundle.split(items)
    if own is not None:
        # Each article's title is its own: the file's core title is the briefing's.
        articles = [_article(chunk, Core(None, None, None, None), None, done, ctx) for chunk in own.articles]
        h = own.header
        return Briefing(own.title, tuple(_own_notes(a, done) for a in articles), date=h.date if h else own.date,
                        issuer=h.issuer if h else own.issuer, number=h.number if h else None,
                        place=h.place if h else None)
    core = package.related("", "core-properties") or "docProps/core.xml"
    return _article(bundle.ordinary(items, ctx.warn), read_core(package.xml(core)), ctx.name, done, ctx)


def _article(items: list[Item], core: Core, name: str | None, done: list[Note], ctx: Context) -> Article:
    """An article of the file's items: its front (title, sapo, byline, date,
    administrative header), its blocks, its signature."""
    if not done and all(isinstance(it, Para) and not it.text and not it.images for it in items):
        # Checked before a title is taken from the file's name or properties, which
        # would make an empty body a document (helper-134: a header's text only).
        raise InputError("the Word document has no text in its body")
    look = looks(items)
    front, rest = find_front(items, look, core, name, ctx.warn)
    signed = [it for it in rest if isinstance(it, Signature)]
    rest = [it for it in rest if not isinstance(it, Signature)]
    if not signed:
        # Signers side by side close a paper: a header, the national title over the text, or a document's type.
        national = any(national_kind(it.text) for it in rest[:NATIONAL_WITHIN] if isinstance(it, Para))
        rest, typed = signature.typed(rest, Paper.titled(front.title, front.header is not None or national))
        signed = [typed] if typed is not None else []
    byline = front.byline
    if not signed and front.header is None:  # an administrative document is signed, never bylined
        rest, byline = closing_byline(rest, byline)
    # A document that uses heading styles marks its sections with them; one
    # stray heading paragraph does not make it such a document.
    styled = sum(1 for it in rest if isinstance(it, Para) and it.role == "heading" and it.text) >= 2
    blocks = assemble(rest, None if styled else look)
    if not front.title and not blocks and not done:
        raise InputError("the Word document has no text")
    h = front.header
    blocks = [*mark_blocks(h), *blocks] if h else blocks
    lede, outlet, dateline = front.lede, front.outlet, front.dateline
    if lede and outlet is None and dateline is None:
        # "HÀ NỘI (TTXVN) – Sáng 5/8, …": the outlet's tag and the place, as newsroom
        # text gives them (helper-154: they stayed the lede's words).
        outlet, place, lede = outlet_tag.split(lede, outlet_tag.table(ctx.outlets) if ctx.outlets else None)
        time = opening_time(lede)
        dateline = Dateline(place.place if place else None, time) if place or time else None
    return Article(title=front.title, lede=lede, byline=byline, date=front.date, blocks=tuple(blocks),
                   outlet=outlet, dateline=dateline, url=front.url, tags=front.tags,
                   notes=tuple(done), issuer=h.issuer if h else None, number=h.number if h else None,
                   place=h.place if h else None, signature=signed[-1] if signed else None)


def _own_notes(a: Article, notes: list[Note]) -> Article:
    """An article of a bundle with the notes its text refers to (the file holds
    every article's notes in one part)."""
    used = {s.note for s in spans_of(replace(a, notes=())) if s.note is not None}
    return replace(a, notes=tuple(n for n in notes if n.id in used))


reader = Reader("docx", (".docx",), read,
                "Word document (lxml); numbering, notes, merged cells, text boxes, tracked changes; "
                "legacy .VnTime and VNI fonts converted", decodes=False)
