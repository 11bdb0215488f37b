"""The Markdown reader: front matter, body and notes to one article.

The title is the front matter's (or pandoc's "%" title block's), else the first
level-1 heading (or a heading that opens the text), else the file's name without
its extension and its Jekyll date, with a warning; a file is never refused for
having none, and ``-M title=`` always applies (only standard input, with no
name, can end without a title, and then ``-M title=`` is what gives it one).
Headings below the title are levelled so the highest is 1. The lede is the front
matter's (unless it only repeats the first paragraph, as a Jekyll summary cut
from it does), else a first paragraph that is all bold.
"""

from __future__ import annotations

import re
from typing import Any

from bantin.model import Article, Block, Heading, ListBlock, Note, Outlet, Paragraph, Quote, text_of
from bantin.source.markdown import dialects, front, front_syntax, newsroom, separators, templates, title_block
from bantin.source.markdown.blocks import Builder, notes
from bantin.source.markdown.inline import note_id
from bantin.source.markdown.parse import parse, subtree
from bantin.source.reader import Context
from bantin.source.rules import outlet_tag

_WORD = re.compile(r"\w+")
_SAME_START = 5  # words a repeated summary shares with the first paragraph's start


def _same(a: str, b: str) -> bool:
    return _WORD.findall(a.casefold()) == _WORD.findall(b.casefold())


def _title(given: str | None, blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """The title, and the blocks without the heading that was it."""
    if given:
        if blocks and isinstance(blocks[0], Heading) and _same(text_of(blocks[0].text), given):
            return given, blocks[1:]  # the front matter's title written again as a heading
        return given, blocks
    k = next((k for k, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1), None)
    if k is None and blocks and isinstance(blocks[0], Heading):
        k = 0
    if k is None:
        return None, blocks
    heading = blocks[k]
    assert isinstance(heading, Heading)
    return " ".join(text_of(heading.text).split()) or None, blocks[:k] + blocks[k + 1:]


def _levelled(blocks: tuple[Block, ...] | list[Block], shift: int) -> tuple[Block, ...]:
    """Headings moved up by ``shift`` levels (at least 1), in containers too."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Heading):
            b = Heading(b.text, max(1, min(6, b.level - shift)))
        elif isinstance(b, ListBlock):
            items = tuple(type(i)(_levelled(i.blocks, shift)) for i in b.items)
            b = ListBlock(items, b.ordered, b.numbered_in_text, b.start, b.numbering, b.delimiter)
        elif isinstance(b, Quote):
            b = Quote(_levelled(b.blocks, shift), b.attribution)
        out.append(b)
    return tuple(out)


def _repeats(summary: str, blocks: list[Block]) -> bool:
    """Whether a front-matter summary only repeats the first paragraph (cut from it)."""
    first = next((b for b in blocks if isinstance(b, Paragraph)), None)
    if first is None:
        return False
    said = _WORD.findall(summary.casefold())
    body = _WORD.findall(text_of(first.text).casefold())
    if not said or said[:_SAME_START] != body[:_SAME_START]:
        return False
    pool = set(body)
    return sum(w in pool for w in said) >= 0.8 * len(said)


def _lede(given: str | None, blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """The sapo: an all-bold first paragraph, the one the page shows; else the front
    matter's, unless it only repeats the first paragraph. (helper-155: a description
    beside a bold sapo left the sapo in the body, twice when they differed.)"""
    if blocks and isinstance(blocks[0], Paragraph) and blocks[0].text and all(
            s.strong for s in blocks[0].text if s.text.strip()):
        return " ".join(text_of(blocks[0].text).split()), blocks[1:]
    if given:
        return (None if _repeats(given, blocks) else given), blocks
    return None, blocks


def read(data: bytes, ctx: Context) -> Article:
    text = separators.placed(ctx.text(data, separators=False))
    hugo = front_syntax.toml_front(text, ctx.warn)
    if hugo is not None or front_syntax.opens_yaml(text):  # a site's page: its template syntax is the site's
        text = templates.rendered(hugo[1] if hugo is not None else text, ctx.warn)
    # Pandoc's "%" title block, where a site's page has its front matter.
    pandoc = title_block.read(text, ctx.warn) if hugo is None and not front_syntax.opens_yaml(text) else None
    if pandoc is not None:
        text = pandoc[1]
    text = dialects.read(text, ctx.warn)
    parsed = parse(text, front_matter=hugo is None and pandoc is None)
    meta: dict[str, Any] | None = hugo[0] if hugo is not None else pandoc[0] if pandoc is not None else (
        front_syntax.load(parsed.front, ctx.warn) if parsed.front is not None else {})
    if meta is None:
        ctx.warn("the block between the opening \"---\" lines is not a YAML mapping: read as Markdown")
        parsed, meta = parse(text, front_matter=False), {}
    builder = Builder(ctx)
    blocks = builder.blocks(parsed.tree.children, 0)
    numbered = notes(parsed.tree, [subtree(tokens) for _label, tokens in parsed.orphans], builder)
    title, blocks = _title(front.text(meta, "title", ctx.warn), blocks)
    levels = [b.level for b in blocks if isinstance(b, Heading)]
    if levels and min(levels) > 1:
        blocks = list(_levelled(blocks, min(levels) - 1))
    given = newsroom.Given(outlet=front.outlet(meta, ctx.warn), date=front.date(meta, ctx.warn),
                           place=front.text(meta, "place", ctx.warn), byline=front.byline(meta, ctx.warn))
    blocks, stamped = newsroom.place_date(blocks, given)  # "Hà Nội, ngày 5/3/2025" over the sapo
    lede, blocks = _lede(front.lede(meta, ctx.warn), blocks)
    named = front.file_name(ctx.name)
    if not title:
        if named.title:
            ctx.warn(f"no title in the document (front matter or # heading): its file name, {named.title!r}, "
                     "is the title")
        else:
            ctx.warn("no title in the document (front matter or # heading) and no file name: give one with "
                     "-M title=…")
        title = named.title or ""
    # The outlet tag, the dateline, the closing name and "./." as the text reader reads them.
    found = newsroom.read(lede, blocks, given, outlet_tag.table(ctx.outlets), stamped)
    outlet = Outlet(None, given.outlet) if given.outlet else found.outlet
    return Article(
        title=title, lede=found.lede, outlet=outlet, dateline=found.dateline,
        date=given.date or found.date or named.date, byline=given.byline or found.byline,
        url=front.url(meta, ctx.warn), tags=front.tags(meta, ctx.warn), blocks=found.blocks,
        notes=tuple(Note(note_id(n), b) for n, b in numbered),
        # An administrative document's header and signature, as the -M keys of the same names give them.
        issuer=front.text(meta, "issuer", ctx.warn), number=front.text(meta, "number", ctx.warn),
        place=given.place or found.place, signature=front.signature(meta, ctx.warn),
    )

