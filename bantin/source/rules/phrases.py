"""Captions and subheadings a crawl glued into a one-line body without a marker.

A phrase with no final stop stands before a sentence: the crawl's trace of a photo
caption ("…bắt mắt Hãng xe Nhật…" loses its cut, but "…tiền nhiệm Về nội thất…"
keeps it) or of a subheading ("Mạnh ai nấy thu Thời điểm sau Tết…"). Where the
phrase ends is found by ``openers``, by a run of spaces, or by a sentence that
stands alone between two runs of spaces. A subheading is short and reads as a
phrase (few capitals, eight words at most); a caption is longer, or is a name
("Chuyên gia Nguyễn Sỹ Hiển"). A short question between sentences is a subheading
("UBND thị xã nói gì?"); so is an article heading of a regulation ("Điều 17. …").
"""

from __future__ import annotations

import re
from dataclasses import replace

from bantin.source.rules import openers
from bantin.source.rules.sentences import Piece

HEADING_WORDS = 8
CAPTION_WORDS = (3, 45)
QUESTION_WORDS = (3, 6)
MAX_CARRY = 400  # characters
_LEGAL = re.compile(r"^(?:Điều|Chương|Mục) \d{1,3}[.:] +\S")
_CLAUSE = re.compile(r" (?=\d{1,2}\. [^\W\d_])")


def _capital_share(words: list[str]) -> float:
    letters = [w for w in words if w[:1].isalpha()]
    return sum(1 for w in letters if w[:1].isupper()) / max(1, len(letters))


def kind_of(phrase: str) -> str:
    """"heading", "caption", "text" (a sentence that lost its stop) or "join" (no
    phrase: it runs on into what follows) for a phrase with no final stop."""
    words = phrase.split()
    if len(words) < 2 or words[-1].casefold().strip(",;:") in openers.DANGLING or phrase.rstrip()[-1:] in ",;:-–—(":
        return "join"  # the cut was wrong: it runs on into what follows
    if len(words) <= HEADING_WORDS and _capital_share(words) <= 0.5:
        return "heading"
    if CAPTION_WORDS[0] <= len(words) <= CAPTION_WORDS[1]:
        return "caption"
    return "text"  # a sentence that lost its stop


def _legal(piece: Piece) -> list[Piece] | None:
    """"Điều 19. Tổ chức xét tuyển … quốc gia 1. Việc xét tuyển…": the heading ends
    where the first numbered clause starts."""
    legal = _LEGAL.match(piece.text)
    if legal is None:
        return None
    m = _CLAUSE.search(piece.text, legal.end())
    if m is None:
        return None if piece.closed else [replace(piece, kind="heading")]
    head, rest = piece.text[:m.start()].strip(), piece.text[m.end():].strip()
    return [Piece(head, piece.shown, "heading"), Piece(rest, True)]


def _cut(piece: Piece) -> list[Piece]:
    if piece.kind != "text":
        return [piece]
    legal = _legal(piece)
    if legal is not None:
        return legal
    cuts = list(openers.breaks(piece.text))
    if not cuts:
        return [piece]
    bounds = [0, *cuts, len(piece.text)]
    out = []
    for k, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        out.append(Piece(piece.text[a:b].strip(), piece.shown if k == 0 else False,
                         "phrase" if k < len(cuts) else "text", spaced=piece.spaced and k == 0))
    return out


def mark(pieces: list[Piece]) -> list[Piece]:
    """Unmarked captions and subheadings made "caption" and "heading" pieces."""
    cut = [q for p in pieces for q in _cut(p)]
    for i, p in enumerate(cut):
        nxt = cut[i + 1] if i + 1 < len(cut) else None
        if p.kind == "text" and not p.closed and nxt is not None and nxt.shown:
            cut[i] = replace(p, kind="phrase")  # "…an toàn cao  Mazda3 2017…"
        elif p.kind == "text" and p.closed and i and p.spaced and nxt is not None and nxt.spaced \
                and CAPTION_WORDS[0] <= len(p.text.split()) <= CAPTION_WORDS[1] and not p.text.endswith(("?", ":")):
            cut[i] = replace(p, kind="caption")  # a sentence alone between two runs of spaces
        elif p.kind == "text" and _question(cut, i):
            cut[i] = replace(p, kind="heading")
    out: list[Piece] = []
    carry: Piece | None = None
    for p in cut:
        if carry is not None:
            # A wrong cut inside a sentence is mended; across a break the source
            # shows, or once it is longer than any phrase, the carry stands alone.
            if p.kind in ("text", "phrase") and not p.shown and len(carry.text) <= MAX_CARRY:
                p = Piece(f"{carry.text} {p.text}", carry.shown, p.kind, spaced=carry.spaced)
            else:
                out.append(replace(carry, kind="text"))
            carry = None
        if p.kind == "phrase":
            kind = kind_of(p.text)
            if kind == "join":
                carry = p
                continue
            p = replace(p, kind=kind)
        out.append(p)
    if carry is not None:
        out.append(replace(carry, kind="text"))
    return out


def _question(pieces: list[Piece], i: int) -> bool:
    p = pieces[i]
    if not p.text.endswith("?") or not QUESTION_WORDS[0] <= len(p.text.split()) <= QUESTION_WORDS[1]:
        return False
    before = pieces[i - 1] if i else None
    after = pieces[i + 1] if i + 1 < len(pieces) else None
    return (before is not None and before.closed and not before.text.endswith("?")
            and after is not None and not after.text.endswith("?"))
