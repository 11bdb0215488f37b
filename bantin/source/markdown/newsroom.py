"""A newsroom's conventions in an article typed in Markdown, read by the rules the
plain-text reader runs (helper-159: they stayed in the text, while the same article
as .txt had them as the outlet, the dateline, the date and the byline):

- the outlet tag that opens the sapo or, with no sapo, the first paragraph
  ("(TTXVN) - Sáng 5/3, …", "HÀ NỘI (TTXVN) – …");
- a place-and-date line over the text ("Hà Nội, ngày 5/3/2025");
- the time and date the sapo opens with ("Sáng 5/3/2025, …");
- the closing name line ("Minh Anh", "Minh Anh./.") and the "./." end mark.

A field the front matter gives is never read again from the text. The Markdown's
structure stays: a rule only cuts a prefix or a whole paragraph, and a paragraph's
emphasis and links are kept around the cut.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from bantin.model import Block, Dateline, Outlet, Paragraph, Span, text_of
from bantin.model.language import vietnamese
from bantin.model.text import after
from bantin.source.rules import admin_header, byline, dateline, end_mark, outlet_tag

# A closing line signs an article with no other newsroom's mark only when it is a
# name of two words or more under Vietnamese prose: "Cheers", "MIT" or an English
# post's "Happy Coding" is the post's own last line, not its author.
_NEWSROOM_NAME_WORDS = 2


@dataclass(frozen=True)
class Given:
    """What the front matter already says (None: the text may say it)."""

    outlet: str | None = None
    date: str | None = None
    place: str | None = None
    byline: str | None = None


@dataclass(frozen=True)
class Found:
    lede: str | None
    blocks: tuple[Block, ...]
    outlet: Outlet | None = None
    dateline: Dateline | None = None
    place: str | None = None
    date: str | None = None
    byline: str | None = None


def place_date(blocks: list[Block], given: Given) -> tuple[list[Block], tuple[str, str] | None]:
    """The blocks without a place-and-date line that opens them, and its (place, date)."""
    if given.place or given.date or not blocks or (words := _plain(blocks[0])) is None:
        return blocks, None
    found = admin_header.stamp(words)
    return (blocks[1:], found) if found and len(blocks) > 1 else (blocks, None)


def read(lede: str | None, blocks: list[Block], given: Given, outlets: Mapping[str, str],
         stamped: tuple[str, str] | None = None) -> Found:
    """The conventions read off the sapo (else the first paragraph) and the last paragraphs."""
    if stamped is None:
        blocks, stamped = place_date(blocks, given)  # under the sapo, where a press office may put it
    out_outlet, place, opening = None, None, lede
    if lede:
        cut = _tag(lede, outlets, given)
        if cut is not None:
            out_outlet, place, lede = cut
            opening = lede
    elif blocks and isinstance(blocks[0], Paragraph):
        words = text_of(blocks[0].text)
        cut = _tag(words, outlets, given)
        if cut is not None:
            out_outlet, place, rest = cut
            blocks = [Paragraph(after(blocks[0].text, len(words) - len(rest))), *blocks[1:]]
            opening = rest  # the sapo the newsroom wrote as the first paragraph
    time = dateline.opening_time(opening) if opening else None
    date = given.date or (stamped[1] if stamped else None) or (dateline.lede_date(opening) if opening else None)
    blocks, by = _closing(blocks, given, bool(lede or out_outlet or place or stamped))
    return Found(lede=lede, blocks=tuple(blocks), outlet=out_outlet,
                 dateline=Dateline(place, time) if place or time else None,
                 place=stamped[0] if stamped else None, date=None if given.date else date, byline=by)


def _tag(text: str, outlets: Mapping[str, str], given: Given) -> tuple[Outlet | None, str | None, str] | None:
    """(outlet, place, the text after the tag) of a tag the text opens with, or None.

    A code the outlets' table does not know is a tag only in brackets and capitals
    in Vietnamese prose ("(PNTĐ) - Sáng nay …"): a README's "Foo - A fast parser" or
    "(Beta) - Use …" keeps its words."""
    outlet, place, rest = outlet_tag.split(text, outlets)
    if outlet is None and place is None:
        return None
    if outlet is not None and outlet.code and outlet.code.casefold() not in outlets:
        prefix = text[:len(text) - len(rest)]
        if "(" not in prefix or not outlet.code.isupper() or not vietnamese(rest):
            return None
    if given.outlet:
        outlet = None  # the front matter's outlet stands; the tag goes with the text's place
    return outlet, place.place if place else None, rest


def _plain(block: Block) -> str | None:
    """The words of a paragraph that is text alone (or one emphasis all through: a
    name set in bold), not a link, code or a note's mark; else None."""
    if not isinstance(block, Paragraph) or not block.text:
        return None
    if any(s.href or s.code or s.note or s.sup or s.sub for s in block.text):
        return None
    return " ".join(text_of(block.text).split())


def _closing(blocks: list[Block], given: Given, newsroom: bool) -> tuple[list[Block], str | None]:
    """The blocks without the "./." and the name line that close them, the mark put
    back after the last paragraph's words; and the name (None if the front matter
    gives the byline: the reader matches that one itself)."""
    tail: list[str | Block] = [text_of(b.text) if isinstance(b, Paragraph) else b for b in blocks[-2:]]
    closed = end_mark.taken(tail)  # a "./." of its own goes; "Minh Anh./." is the name
    if closed and len(tail) < 2:
        blocks = blocks[:-1]
    elif closed:
        blocks = [*blocks[:-1], Paragraph((replace(blocks[-1].text[0], text=str(tail[-1])),))] \
            if isinstance(blocks[-1], Paragraph) else blocks
    by = None
    # The name may stand over notes that stay: "Theo TTXVN", the author's "Email: …".
    at = byline.above_notes([text_of(b.text) if isinstance(b, Paragraph) else None for b in blocks])
    last = _plain(blocks[at]) if at >= 0 else None
    above = _plain(blocks[at - 1]) if at > 0 else None
    if given.byline and last and _signs(last, given.byline):
        # The body signed with the byline the front matter gives: printed once, as
        # the byline (helper-112: "Lê Minh Khoa" twice at the foot).
        blocks = blocks[:at] + blocks[at + 1:]
    elif given.byline is None and last and above and end_mark.ends_sentence(above) and byline.is_byline(last) \
            and not byline.closing_note(last) and not outlet_tag.names_outlet(last) \
            and (newsroom or closed or (len(last.split()) >= _NEWSROOM_NAME_WORDS and _in_vietnamese(blocks))):
        by, blocks = last, blocks[:at] + blocks[at + 1:]
    if closed:
        end = blocks[-1] if blocks else None
        blocks = [*blocks[:-1], Paragraph((*end.text, Span(" " + end_mark.MARK)))] if isinstance(end, Paragraph) \
            else [*blocks, Paragraph((Span(end_mark.MARK),))]
    return blocks, by


def _in_vietnamese(blocks: list[Block]) -> bool:
    return vietnamese(" ".join(text_of(b.text) for b in blocks if isinstance(b, Paragraph)))


def _signs(last: str, byline: str) -> bool:
    """Is the body's last paragraph the byline again ("LÊ MINH KHOA" under "Lê Minh
    Khoa")? A one-word byline must be the paragraph exactly: "Hà." answers a question."""
    said, name = " ".join(last.split()).casefold(), " ".join(byline.split()).casefold()
    return said == name or (len(name.split()) > 1 and said.rstrip(" .") == name)
