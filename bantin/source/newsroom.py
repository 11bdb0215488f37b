"""Reader for the plain text a newsroom sends: title, sapo, body, byline.

It handles the three shapes met in the wild (one sentence per line; title / sapo /
whole body on one line; a "Title:/…/Content:" header block) and the seed's shape
(paragraph per line with subheadings, an enumeration and a byline). Each rule lives
in ``bantin.source.rules``; this module only runs them in order. Nothing is
dropped: every word of the input lands in some field or block.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bantin.errors import InputError
from bantin.model import Article, Block, Dateline, Outlet, Paragraph, plain
from bantin.source.rules import (
    byline,
    caption,
    dateline,
    glued_body,
    header_block,
    heading,
    lists,
    long_paragraph,
    outlet_tag,
    quote,
    section_break,
)
from bantin.typography import cleanup

BlockRule = Callable[[list[str], int], "tuple[Block, int] | None"]

# Tried in this order at each line; the first to claim it wins.
BLOCK_RULES: tuple[BlockRule, ...] = (
    section_break.match,
    caption.match,
    lists.ordinal,
    lists.numbered,
    lists.bulleted,
    quote.match,
    heading.match,
)

_INVISIBLE = cleanup.INVISIBLE
_END_MARK = "./."
_LONG_LINE = 400


def _clean_lines(text: str) -> list[str]:
    return [_INVISIBLE.sub("", line).replace("\u00a0", " ").strip() for line in text.split("\n")]


def read(text: str) -> Article:
    lines = _clean_lines(text)
    header = header_block.parse(lines)
    if header is not None:
        return _from_header(header)
    content = [line for line in lines if line]
    if not content:
        raise InputError("no text")
    title, rest = content[0], content[1:]
    return _article(title, rest)


def _article(
    title: str,
    rest: list[str],
    *,
    outlet: Outlet | None = None,
    lede: str | None = None,
    by: str | None = None,
    date: str | None = None,
    time: str | None = None,
    url: str | None = None,
    tags: tuple[str, ...] = (),
) -> Article:
    place = None
    if lede is None and rest and dateline.is_timestamp(rest[0]):
        time = rest[0]
        date = dateline.iso_date(time)
        rest = rest[1:]
    if lede is None and rest:
        lede, rest = rest[0], rest[1:]
    if lede:
        tag_outlet, tag_place, lede = outlet_tag.split(lede)
        outlet = outlet or tag_outlet
        place = tag_place.place if tag_place else None
        time = time or dateline.opening_time(lede)
        date = date or dateline.iso_date(lede[:40])

    body: list[str] = []
    if lede and len(lede) > long_paragraph.LIMIT:
        # A whole body on the sapo's line: the sapo is its first part.
        lede, *more = long_paragraph.split(lede)
        body.extend(more)
    for line in rest:
        for part in glued_body.split(line, collapsed=len(line) > _LONG_LINE):
            body.extend(long_paragraph.split(part))
    if by is None and len(body) > 1 and byline.is_byline(body[-1]):
        by = body.pop()
    elif by is None and body and (len(rest) <= 1 or len(rest[-1]) > _LONG_LINE):
        # A body stored on one line carries its byline at its very end.
        body[-1], by = byline.split_tail(body[-1])
    elif by is None and lede and not rest:
        lede, by = byline.split_tail(lede)
    if len(body) > 1 and body[-1] == _END_MARK:
        body.pop()
        body[-1] += " " + _END_MARK

    return Article(
        title=title,
        lede=lede or None,
        outlet=outlet,
        dateline=Dateline(place, time) if (place or time) else None,
        date=date,
        byline=by,
        blocks=_blocks(body),
        url=url,
        tags=tags,
    )


def _blocks(lines: list[str]) -> tuple[Block, ...]:
    out: list[Block] = []
    i = 0
    while i < len(lines):
        for rule in BLOCK_RULES:
            hit = rule(lines, i)
            if hit is not None:
                block, used = hit
                out.append(block)
                i += used
                break
        else:
            out.append(Paragraph(plain(lines[i])))
            i += 1
    return tuple(out)


def _from_header(h: header_block.Header) -> Article:
    f = h.fields
    source = f.get("source") or None
    title = f.get("title", "")
    if source and title.endswith(" - " + source):
        title = title[: -len(source) - 3].rstrip()
    body = [line for line in h.body if line]
    summary = f.get("summary") or None
    if summary and body:
        # Scraped bodies repeat the summary as their first paragraph.
        first = body[0]
        if first.startswith(summary):
            body[0] = first[len(summary) :].strip()
            body = [b for b in body if b]
    if not title:
        title = summary or (body[0] if body else "")
    if not title:
        raise InputError("header block has neither a title nor any text")
    published = f.get("published date") or f.get("date") or None
    tags = tuple(t.strip() for t in re.split(r"\s*,\s*", f.get("tags", "")) if t.strip())
    return _article(
        title,
        body,
        outlet=Outlet(None, source) if source else None,
        lede=summary,
        by=f.get("author") or None,
        date=dateline.iso_date(published) if published else None,
        time=published,
        url=f.get("link") or f.get("url") or None,
        tags=tags,
    )
