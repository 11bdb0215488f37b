"""A photo gallery at the end of a one-line body: captions one after another.

Two shapes: an introduction ending in a colon ("Một vài hình ảnh ghi nhận …:")
followed by captions to the end of the article, and a run of captions closing the
article, among which a caption that happens to end with a full stop sits between
two others ("… bị lột trộm vỏ Một số người … Những vết đẽo gọt … lõi gỗ. Những vết
gọt cũ …").
"""

from __future__ import annotations

import re
from dataclasses import replace

from bantin.source.rules.sentences import Piece

_INTRO = re.compile(r"(?i)\b(?:hình ảnh|ảnh|clip)\b[^.!?:]{0,80}:(?=\s|$)")
MAX_WORDS = 45
MAX_CAPTIONS = 10


def _intro(pieces: list[Piece]) -> tuple[list[Piece], int] | None:
    """The pieces with the introduction cut off its captions, and where they start."""
    for i, p in enumerate(pieces):
        if p.kind != "text":
            continue
        m = _INTRO.search(p.text)
        if m is None:
            continue
        head, tail = p.text[:m.end()].strip(), p.text[m.end():].strip()
        rest = pieces[i + 1:]
        if (not rest and not tail) or (tail and not tail[0].isupper()):
            return None
        # A gallery closes the article: a few short captions, nothing else.
        if len(rest) > MAX_CAPTIONS or any(len(q.text.split()) > MAX_WORDS for q in rest):
            continue
        cut = [*pieces[:i], replace(p, text=head), *([Piece(tail, True)] if tail else []), *rest]
        return cut, i + 1
    return None


def _loose(q: Piece) -> bool:
    return q.kind in ("caption", "heading") or (q.kind == "text" and not q.closed)


def split_intro(pieces: list[Piece]) -> list[Piece]:
    """The introduction of a gallery cut from the captions it runs into."""
    found = _intro(pieces)
    return found[0] if found is not None else pieces


def mark(pieces: list[Piece], closing: bool = True) -> list[Piece]:
    """The gallery's captions made "caption" pieces. ``closing``: the pieces end the
    article (nothing follows them)."""
    if not closing or not pieces:
        return pieces
    found = _intro(pieces)
    if found is not None:
        cut, start = found
        return [*cut[:start], *(replace(q, kind="caption") if q.kind in ("text", "heading") else q
                                for q in cut[start:])]
    out = list(pieces)
    if out[-1].closed:
        # An article ending on a sentence ends with a gallery only after a run of
        # captions: "… [caption] [caption] The last one, with its stop."
        if len(out) > 2 and out[-2].kind == out[-3].kind == "caption" and out[-1].kind == "text" \
                and len(out[-1].text.split()) <= MAX_WORDS:
            out[-1] = replace(out[-1], kind="caption")
        return out
    # Back from an unfinished last phrase: phrases, captions, and sentences between
    # two of them ("… bị lột vỏ Một số cây … Những vết bóc … bàn tay. Vài cây …").
    start = len(out)
    for i in range(len(out) - 1, -1, -1):
        q = out[i]
        loose = q.kind in ("caption", "heading") or (q.kind == "text" and not q.closed)
        between = q.kind == "text" and i and _loose(out[i - 1]) and len(q.text.split()) <= MAX_WORDS
        if not (loose or between) or len(q.text.split()) > MAX_WORDS:
            break
        start = i
    tail = out[start:]
    if len(tail) >= 2 and any(q.kind == "caption" for q in tail):
        out[start:] = [replace(q, kind="caption") for q in tail]
    return out
