"""Reader for the plain text a newsroom sends: title, sapo, body, byline.

It handles the three shapes met in the wild (one sentence per line; title / sapo /
whole body on one line; a "Title:/…/Content:" header block) and the seed's shape
(paragraph per line with subheadings, an enumeration and a byline). Each rule lives
in ``bantin.source.rules``; this module only runs them in the orders declared
below. Nothing is dropped silently: every word of the input lands in some field or
block, except site furniture (footers, banners, mastheads), and each piece of that
is reported through ``warn``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bantin.errors import InputError
from bantin.model import Article, Block, Dateline, Heading, Outlet, Paragraph, plain
from bantin.source.reader import distinct_tags, dropped
from bantin.source.rules import (
    admin_header,
    byline,
    caption,
    dateline,
    end_mark,
    furniture,
    gallery,
    glued_body,
    header_block,
    heading,
    inline_caption,
    kicker,
    lists,
    long_paragraph,
    mail,
    outlet_tag,
    paragraphs,
    phrases,
    quote,
    related,
    sapo,
    section_break,
    sentences,
    signature,
    slug_title,
    table,
    text_lines,
    title_line,
    wrapped_line,
)
from bantin.source.rules.sentences import Piece

BlockRule = Callable[[list[str], int], "tuple[Block, int] | None"]
PieceRule = Callable[[list[Piece]], list[Piece]]
Warn = Callable[[str], None]

# Tried in this order at each line; the first to claim it wins.
BLOCK_RULES: tuple[BlockRule, ...] = (
    section_break.match,
    caption.match,
    lists.ordinal,
    lists.numbered,
    lists.bulleted,
    quote.match,
    table.match,
    heading.match,
)

# Run in this order over the sentences of a body a crawl collapsed onto one line,
# after its furniture is cut and its byline taken; then a closing gallery is
# looked for and the sentences are grouped into paragraphs.
ONE_LINE_RULES: tuple[PieceRule, ...] = (
    inline_caption.mark,  # captions with a credit or a note: "… Ảnh: Thu Huyền"
    gallery.split_intro,  # "Một vài hình ảnh …:" cut from the captions it introduces
    phrases.mark,  # unmarked captions and subheadings, short questions, "Điều 17. …"
)

_LONG_LINE = 400
_COLLAPSED_SENTENCES = 3


@dataclass
class _Context:
    warn: Warn
    outlets: Mapping[str, str]
    outlet: Outlet | None = None
    byline: str | None = None
    front: list[Block] = field(default_factory=list)

    def drop(self, what: str, text: str) -> None:
        said = dropped(what, text)
        if said:
            self.warn(said)


def read(text: str, warn: Warn | None = None, outlets: Mapping[str, str] | None = None) -> Article:
    """An article from newsroom text. ``warn`` hears each piece of site furniture
    dropped; ``outlets`` maps outlet codes to names (``outlet_tag.table()`` and
    whatever a caller merged into it)."""
    ctx = _Context(warn or (lambda _msg: None), outlets if outlets is not None else outlet_tag.table())
    lines = text_lines.split(mail.plain(text, ctx.warn), ctx.warn)  # an article saved out of an e-mail: wrapping off
    header = header_block.parse(lines)
    if header is not None:
        return _from_header(header, ctx)
    content = [line for line in lines if line]
    if not content:
        raise InputError("no text")
    admin, content = admin_header.split(content)  # an administrative document's header, copied as lines
    if admin is None:  # a paper under the national title alone (a đơn, a contract) is titled by its kind
        paper = admin_header.national_opening(content)
        return paper.article(_article(paper.rest[0], paper.rest[1:], ctx, lede=paper.lede,
                                      paper=bool(paper.national)))
    if not content and not admin.subject:
        raise InputError("no text after the administrative header")
    title, lede, rest = admin_header.opening(admin, content)
    a = _article(title, rest, ctx, lede=lede, paper=True)
    ctx.warn("issuer, number, place, date read from the administrative header")
    return admin_header.with_header(a, admin)


def _untagged(lede: str, ctx: _Context) -> tuple[str, str | None]:
    """The sapo without its outlet tag ("(PNTĐ) - ", "HÀ NỘI –"), and the tag's place."""
    tag_outlet, tag_place, lede = outlet_tag.split(lede, ctx.outlets)
    ctx.outlet = ctx.outlet or tag_outlet
    return lede, tag_place.place if tag_place else None


def _split_sapo(lede: str, has_body: bool, ctx: _Context) -> tuple[str, str]:
    """The sapo and what its line carries after it: a sapo ends before the first
    photo, a subheading glued to its end opens the body, and a line that holds a
    whole article holds its body after the sapo."""
    pieces = sentences.split(lede)
    marked = inline_caption.mark(pieces)
    first = next((i for i, p in enumerate(marked) if p.kind == "caption"), 0)
    if first:
        return sentences.cut_after(lede, marked[:first])
    last = pieces[-1] if pieces else None
    if last is not None and len(pieces) > 1 and not last.closed and phrases.kind_of(last.text) == "heading":
        ctx.front.append(Heading(plain(last.text), 1))  # "…từ bên trong. Máy bay bị đặt bom"
        return sentences.join(pieces[:-1]), ""
    if not has_body and len(lede) > _LONG_LINE and len(pieces) > 1:
        end = next((i for i, p in enumerate(pieces) if i and p.shown), 1)
        return sentences.cut_after(lede, pieces[:end])
    return lede, ""


def _article(title: str, rest: list[str], ctx: _Context, *, lede: str | None = None, by: str | None = None,
             date: str | None = None, time: str | None = None, url: str | None = None, tags: tuple[str, ...] = (),
             whole: bool = False, paper: bool = False) -> Article:
    """``whole``: the first line of ``rest`` holds the whole body; ``paper``: a header or the national lines open it."""
    place, stamped = None, None
    if not paper:
        title, rest = kicker.take(title, rest, lede is None)
        title, rest, stamped = admin_header.place_date(title, rest, lede is None)
        date = date or (stamped[1] if stamped else None)
    if (said := title_line.doubt(title)) is not None:
        ctx.warn(said)
    if lede is None and by is None and not paper:  # "Bài và ảnh: Phạm Hoài" over the sapo: no sapo
        by, rest = byline.under_title(rest)
    if lede is None and rest and dateline.is_timestamp(rest[0]):
        time = rest[0]
        date = dateline.iso_date(time)
        rest = rest[1:]
    if lede is None and rest and not table.starts(rest):  # a table under the title: no sapo
        lede, rest = rest[0], rest[1:]
        lede, place = _untagged(lede, ctx)
        lede, spill = _split_sapo(lede, bool(rest), ctx)
        if spill:
            rest, whole = [spill, *rest], True
    elif lede:  # a header's summary opens with the tag a body's line does ("Nam Định- Các …")
        lede, place = _untagged(lede, ctx)
    if lede:
        time = time or dateline.opening_time(lede)
        date = date or dateline.lede_date(lede)
    # "Nơi nhận:" and the signer, closing an administrative text; signers side by side close a paper.
    rest, signed = signature.split(rest, signature.Paper.titled(title, paper))
    count = len(rest)
    rest = _body_opening(rest, lede, ctx)
    rest, boxed = related.cut(rest)
    for line in boxed:
        ctx.drop("related news", line)
    whole = whole and len(rest) == count
    rest = wrapped_line.join(rest)  # "… BDA 958.700" / "USD trong tổng số …": one paragraph

    units: list[str | Block] = []
    if lede and len(lede) > long_paragraph.LIMIT:
        # A whole body on the sapo's line: the sapo is its first part.
        lede, *more = long_paragraph.split(lede)
        units.extend(more)
    footer_open = False
    for n, line in enumerate(rest):
        if footer_open and furniture.cues(line):
            ctx.drop("site footer", line)
            continue
        if (n == 0 and whole) or (len(rest) <= 2 and _collapsed(line)):
            # A whole body on one line; a long line among many is a paragraph.
            blocks, footer_open = _one_line(line, ctx, closing=n == len(rest) - 1 and by is None)
            units.extend(blocks)
            continue
        for part in glued_body.split(line, collapsed=len(line) > _LONG_LINE):
            units.extend(long_paragraph.split(part))
    by = by or ctx.byline
    # "./." on a line of its own closes the body, above the byline or under it ("Minh
    # Châu" then "./." gave the paragraph "Minh Châu ./.", helper-113).
    closed = end_mark.taken(units)
    at = byline.above_notes(units)
    last = units[at] if at >= 0 else None
    if by is None and isinstance(last, str) and byline.is_byline(last) and not byline.closing_note(last) \
            and (len(units) > 1 or lede):
        by = last
        units.pop(at)
    elif by is None and lede and not rest:
        lede, by = byline.split_tail(lede)
    if end_mark.taken(units) or closed:  # above the byline, under it, or both: once
        end_mark.put_back(units)

    return Article(
        title=title,
        lede=lede or None,
        outlet=ctx.outlet,
        dateline=Dateline(place, time) if (place or time) else None,
        place=stamped[0] if stamped else None,  # of issue: "Hà Nội, ngày …" over a press release
        date=date,
        byline=by,
        blocks=(*ctx.front, *_blocks(units)),
        url=url,
        tags=tags,
        signature=signed,
    )


def _collapsed(line: str) -> bool:
    """A body stored on one line: long, or several sentences (a paragraph per
    line holds one or two)."""
    return len(line) > _LONG_LINE or len(sentences.split(line[:_LONG_LINE])) >= _COLLAPSED_SENTENCES


def _body_opening(rest: list[str], lede: str | None, ctx: _Context) -> list[str]:
    """The body without the outlet tag and the copy of the sapo that open it."""
    if not rest:
        return rest
    first = tagged = rest[0]
    tag_outlet, tag_place, after = outlet_tag.split(first, ctx.outlets)
    known = ctx.outlet.code if ctx.outlet else None
    if tag_outlet is not None and tag_place is None and known in (None, tag_outlet.code):
        ctx.outlet = Outlet(tag_outlet.code, tag_outlet.name or (ctx.outlet.name if ctx.outlet else None))
        first = after
    if lede:
        stripped = sapo.strip_repeat(lede, first)
        if stripped is not None:
            # "(ICTPress) - <sapo>" again: the second tag goes with the second sapo.
            ctx.drop("repeated sapo", tagged[:len(tagged) - len(stripped)] if known else lede)
            first = stripped
    return [first, *rest[1:]] if first else rest[1:]


def _one_line(text: str, ctx: _Context, closing: bool) -> tuple[list[Block], bool]:
    """Blocks of a body stored on one line; also whether a footer ran to its end."""
    end = furniture.after_end_mark(text)
    footer_open = False
    if end is not None:
        tail = text[end:].strip()
        if tail and closing and byline.is_byline(tail):
            ctx.byline = tail
        else:
            ctx.drop("text after the end mark", tail)
        text, footer_open = text[:end], True
    cut = furniture.footer(text)
    if cut is not None:
        ctx.drop("site footer", text[cut:])
        text, footer_open = text[:cut], True
    pieces = sentences.split(text)
    if closing and pieces:
        pieces = _closing_byline(pieces, ctx)
    for rule in ONE_LINE_RULES:
        pieces = rule(pieces)
    pieces = gallery.mark(pieces, closing)
    # A short line keeps its sentences together unless the source shows a break:
    # it may be one paragraph that a newsroom wrote on one line.
    return paragraphs.blocks(pieces, None if len(text) > _LONG_LINE else len(text) + 1), footer_open


def _closing_byline(pieces: list[Piece], ctx: _Context) -> list[Piece]:
    last = pieces[-1]
    if last.closed or last.kind != "text":
        return pieces
    if outlet_tag.names_outlet(last.text, ctx.outlets):
        # "… tại đây. VnExpress": the publisher, kept where it stands.
        ctx.outlet = ctx.outlet or outlet_tag.outlet(last.text, ctx.outlets)
        return pieces
    credit = byline.source_credit(last.text)
    if credit is not None and (outlet_tag.names_outlet(credit, ctx.outlets) or len(credit.split()) <= 3):
        return pieces  # "Theo Vnexpress": where the article came from, not who wrote it
    if byline.is_byline(last.text) and len(pieces) > 1:
        ctx.byline = last.text
        return pieces[:-1]
    return pieces


def _blocks(units: list[str | Block]) -> tuple[Block, ...]:
    out: list[Block] = []
    lines: list[str] = []

    def flush() -> None:
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
        lines.clear()

    for u in units:
        if isinstance(u, str):
            lines.append(u)
        else:
            flush()
            out.append(u)
    flush()
    return tuple(out)


def _from_header(h: header_block.Header, ctx: _Context) -> Article:
    f = h.fields
    source = f.get("source") or None
    title = f.get("title", "")
    if source and title.endswith(" - " + source):
        title = title[: -len(source) - 3].rstrip()
    body = [line for line in h.body if line]
    title = slug_title.completed(title, f.get("link") or f.get("url"), [f.get("summary", ""), *body[:1]])
    if source:
        ctx.outlet = outlet_tag.named(source, ctx.outlets)
    content = body[0] if body else ""
    content = _content_opening(content, ctx)
    summary = f.get("summary") or None
    lede: str | None = None
    found = sapo.from_summary(summary, content) if summary else None
    if found is None and (found := sapo.doubled(content)) is not None:
        ctx.drop("repeated sapo", found[0])
    if found is not None:
        lede, content = found
    elif summary and not sapo.truncated(summary) and summary not in content:
        lede = summary  # a summary that stands alone: the page's own sapo
    else:
        lede, content = sapo.before_photo(content)
    body = [content, *body[1:]] if content else body[1:]
    if not title:
        title = (lede or "") or (body[0] if body else "")
    if not title:
        raise InputError("header block has neither a title nor any text")
    published = f.get("published date") or f.get("date") or None
    # An ISO timestamp is data for the date; the masthead shows the date, not the stamp.
    stamp = dateline.iso_stamp(published) if published else None
    tags = distinct_tags(re.split(r"\s*,\s*", f.get("tags", "")), lambda t: ctx.drop("repeated tag", t))
    return _article(
        title,
        body,
        ctx,
        lede=lede or "",
        by=f.get("author") or None,
        date=stamp or (dateline.iso_date(published) if published else None),
        time=None if stamp else published,
        url=h.address(ctx.warn),
        tags=tags,
        whole=bool(content),
    )


def _content_opening(content: str, ctx: _Context) -> str:
    """Content without the banner, masthead or menu label before the article, its
    outlet tag taken as the outlet, and a signature that opens it as the byline."""
    cut = furniture.banner(content)
    if cut:
        ctx.drop("login banner", content[:cut])
        content = content[cut:]
    cut = furniture.masthead(content, ctx.outlets)
    if cut:
        ctx.drop("masthead", content[:cut])
        content = content[cut:]
    signed = byline.leading(content)
    if signed is not None:
        ctx.byline, content = signed
        return content
    tag_outlet, _, after = outlet_tag.split(content, ctx.outlets)
    if tag_outlet is not None:
        # The Source: field names the outlet as the page does; the tag gives its code.
        name = (ctx.outlet.name if ctx.outlet else None) or tag_outlet.name
        ctx.outlet = Outlet(tag_outlet.code, name)
        content = after
    return content

