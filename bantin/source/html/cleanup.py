"""The blocks trafilatura found, read as an editor would.

The headline and the sapo are printed once (their repeats in the body go); a
caption that trafilatura left as a paragraph goes back under its picture, and so
does one the page typed as a paragraph under it, ending in "Ảnh: …"; the
journalist's line that closes the body ("Hà Thu (tổng hợp)", "Theo TTXVN")
becomes the byline; the link lists and prompts that related-news boxes leave
before and after the article go; a paragraph set wholly in bold, short and
without a final stop, is the subheading it looks like.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bantin.model import Figure, Heading, ListBlock, Paragraph, Quote, Table, lines_of, plain, text_of
from bantin.model.labels import repeats
from bantin.source.docx.header import capitals
from bantin.source.html.blocks import Piece
from bantin.source.html.boilerplate import is_phrase
from bantin.source.html.fields import outlet_like
from bantin.source.html.page import key, squash, words
from bantin.source.html.pictures import Picture
from bantin.source.html.sapo import strip_outlet_tag
from bantin.source.rules.caption import credited

_PAREN_END = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_CONNECTORS = frozenset({"và", "theo", "-", "–", "&", "and", "de", "van", "von", "da", "do", "dos", "der"})
_PROSE = 12  # words that make a paragraph prose rather than a label
_HEADING_WORDS = 25
_WINDOW = 3  # blocks around a picture where trafilatura leaves its caption
CAPTION_WORDS = 40  # a longer paragraph under a picture is text, however it is set


def name_like(text: str) -> bool:
    """A journalist's line: "Hà Thu (tổng hợp)", "XUÂN LONG", "Theo TTXVN"."""
    text = _PAREN_END.sub("", squash(text))
    parts = text.replace(",", " , ").split()
    names = [w for w in parts if w not in (",",)]
    if not 1 <= len(names) <= 7 or any(ch.isdigit() for ch in text) or text.endswith((".", "!", "?", ":", ";")):
        return False
    return all(w.casefold() in _CONNECTORS or w[0].isupper() for w in names) and any(w[0].isupper() for w in names)


def _prose(p: Piece) -> bool:
    return isinstance(p.block, (Paragraph, Quote)) and p.words >= _PROSE and not p.linky


def _stamp(p: Piece) -> bool:
    """A short line with figures and no sentence: a date, a page count, a citation.
    A note's mark is no figure of the line ("… có số liệu.¹" is a sentence)."""
    if not isinstance(p.block, Paragraph) or p.words > 8:
        return False
    text = "".join(s.text for s in p.block.text if not s.note).strip()
    return any(c.isdigit() for c in text) and not text.endswith((".", "!", "?", "…", "\"", "”", "»"))


def _junk(p: Piece) -> bool:
    """What a box leaves: a link line or list, a box heading or prompt, a bare
    picture, a date or citation line."""
    b = p.block
    if _stamp(p):
        return True
    if isinstance(b, Figure):
        return not b.caption and not b.credit
    if isinstance(b, (Paragraph, Heading)) and is_phrase(p.text):
        return True
    if isinstance(b, ListBlock):
        return p.linky
    return p.linky and isinstance(b, (Paragraph, Heading))


def _trim_end(pieces: list[Piece]) -> None:
    while pieces and (_junk(pieces[-1]) or isinstance(pieces[-1].block, Heading)):
        pieces.pop()


def _drop_boxes(pieces: list[Piece]) -> list[Piece]:
    """A box heading or prompt, and the link lines and bare pictures after it."""
    out: list[Piece] = []
    skipping = False
    for p in pieces:
        b = p.block
        phrase = isinstance(b, (Paragraph, Heading)) and is_phrase(p.text)
        linked_phrase = isinstance(b, Paragraph) and p.linky and is_phrase(p.text.split(":")[0])
        if phrase or linked_phrase:
            skipping = True
            continue
        if _boxed(p):
            continue
        if skipping and (p.linky or (isinstance(b, Figure) and not b.caption)):
            continue
        skipping = False
        if isinstance(b, Paragraph) and p.words >= 4 and p.link_words * 10 >= p.words * 9 and not p.attachment:
            continue  # a headline that is a link: related news between paragraphs
        out.append(p)
    return out


def _boxed(p: Piece) -> bool:
    """A box set in a one-cell table inside the text (helper-101: "<table
    class="article"><td><h4>Tin liên quan</h4><ul>…"): its heading a box's phrase,
    the rest links."""
    b = p.block
    if not isinstance(b, Table) or len(b.rows) != 1 or len(b.rows[0]) != 1:
        return False
    inner = b.rows[0][0].blocks
    if not inner or not isinstance(inner[0], (Paragraph, Heading)) or not is_phrase(text_of(inner[0].text)):
        return False
    rest = p.words - len(words(text_of(inner[0].text)))  # trafilatura may have taken the links already
    return rest <= 0 or p.link_words * 2 >= rest


def _captions(pieces: list[Piece], pictures: list[Picture]) -> list[Piece]:
    """Caption paragraphs under their pictures: a repeat goes, an orphan becomes a figure."""
    shown = {id(p.picture): i for i, p in enumerate(pieces) if p.picture is not None}
    by_text: dict[str, Picture] = {}
    for pic in pictures:
        for text in (pic.raw, pic.caption):
            if text and len(words(text)) >= 2:
                by_text.setdefault(key(text), pic)
    credits = [(key(pic.credit), shown[id(pic)]) for pic in pictures if pic.credit and id(pic) in shown]
    out: list[Piece] = []
    for i, p in enumerate(pieces):
        if isinstance(p.block, Paragraph):
            line = credited(p.text.strip()) if credits else None
            if line is not None and not line[0] and any(
                    k == key(line[1]) and abs(at - i) <= _WINDOW for k, at in credits):
                continue  # the credit again, a caption's second line under its picture (helper-139)
            found = by_text.get(key(p.text))
            if found is not None:
                at = shown.get(id(found))
                if at is not None and abs(at - i) <= _WINDOW:
                    continue  # the caption again, next to its picture
                if at is None and found.figure:
                    fig = Figure(plain(found.caption), found.credit, None, found.alt)
                    out.append(Piece(fig, p.words, 0, False, found))
                    continue
        out.append(p)
    return out


def _typed_captions(pieces: list[Piece]) -> list[Piece]:
    """A picture with no caption, then a short paragraph that ends in its credit
    ("… Ảnh: CTV"): the caption a CMS typed as a paragraph under it (the older
    Người Lao Động and Thanh Niên pages, many a local paper). Italics alone do not
    make one: an interview's questions, a standfirst, a note are set so too."""
    out: list[Piece] = []
    for p in pieces:
        last = out[-1].block if out else None
        b = p.block
        if isinstance(last, Figure) and not last.caption and last.credit is None and isinstance(b, Paragraph) \
                and p.words <= CAPTION_WORDS and not p.linky:
            parts = credited(p.text.strip())
            if parts is not None:
                out[-1].block = replace(last, caption=plain(parts[0]), credit=parts[1])
                continue
        out.append(p)
    return out


def _headings(pieces: list[Piece]) -> None:
    for i, p in enumerate(pieces):
        if not isinstance(p.block, Paragraph) or i + 1 >= len(pieces) or p.linky:
            continue
        text = p.text.strip()
        if not text or text.endswith((".", ":", ";", ",")) or p.words > _HEADING_WORDS:
            continue
        letters = [c for c in text if c.isalpha()]
        shouting = p.words >= 2 and bool(letters) and all(c.isupper() for c in letters)
        if p.bold or (shouting and i > 0 and _prose(pieces[i + 1])):
            if _prose(pieces[i + 1]) or isinstance(pieces[i + 1].block, (ListBlock, Figure)):
                p.block = Heading(p.block.text, 1)


def _office_over(text: str) -> bool:
    """"HIỆU TRƯỞNG<br><br>Lê Thị Hà": an office in capitals on a line of its own over
    a name is a signer's block, not the journalist's line ("Minh Anh<br>(tổng hợp)")."""
    lines = [x for x in lines_of(text) if x.strip()]
    return len(lines) > 1 and any(len(x.split()) >= 2 and capitals(x) for x in lines[:-1])


def clean(pieces: list[Piece], *, title: str, sapo: str | None, byline: str | None,
          pictures: list[Picture], outlets: tuple[str, ...] = ()) -> tuple[list[Piece], str | None]:
    """(the body's pieces, the byline), the byline found at the body's end when
    the page's metadata named none."""
    tkey, skey = key(title), key(sapo)
    kept: list[Piece] = []
    for p in pieces:
        k = key(p.text)
        if isinstance(p.block, (Heading, Paragraph)) and k and k == tkey and all(
                isinstance(x.block, Figure) for x in kept):
            continue  # the headline again, under the lead picture if any (helper-139)
        if skey and isinstance(p.block, (Heading, Paragraph)) and k and (
                k == skey or key(strip_outlet_tag(p.text)) == skey):
            continue  # the sapo again
        if isinstance(p.block, Figure) and p.block.alt and repeats(p.block.alt, title or ""):
            p.block = replace(p.block, alt="")  # the CMS's "<headline> – Ảnh 1."
        kept.append(p)
    kept = _drop_boxes(_typed_captions(_captions(kept, pictures)))
    bkey = key(byline)
    if bkey:
        kept = [p for p in kept if not (isinstance(p.block, Figure) and key(p.block.alt) == bkey
                                        and not p.block.caption)]  # the journalist's avatar
    _trim_end(kept)
    while kept and not isinstance(kept[0].block, Figure) and (_junk(kept[0]) or (
            isinstance(kept[0].block, Paragraph) and kept[0].words <= 6 and outlet_like(kept[0].text, outlets))):
        kept.pop(0)  # what the page's header leaves: the outlet's name, a link, a date
    if kept and isinstance(kept[0].block, (Heading, Paragraph)) and tkey and key(kept[0].text) == tkey:
        kept.pop(0)  # the headline again, under the outlet's name the header left
    last = kept[-1] if kept else None
    if last is not None and isinstance(last.block, Paragraph):
        lkey = key(last.text)
        # The byline's own line, with what leads or follows it ("Bài, ảnh: Minh Châu").
        if bkey and (lkey == bkey or ((lkey.startswith(bkey) or lkey.endswith(bkey))
                                      and last.words <= len(bkey.split()) + 4)):
            kept.pop()
        elif not bkey and name_like(last.text) and len(kept) > 1 and not _office_over(last.text):
            byline = squash(last.text)
            kept.pop()
        _trim_end(kept)
    if bkey and kept and isinstance(kept[0].block, Paragraph) and key(kept[0].text).endswith(bkey) and \
            kept[0].words <= len(bkey.split()) + 3:
        kept.pop(0)
    _headings(kept)
    return kept, byline

