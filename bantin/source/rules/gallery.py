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
        if not rest and not tail:
            return None
        if any(q.kind == "heading" or len(q.text.split()) > MAX_WORDS for q in rest):
            continue
        cut = [*pieces[:i], replace(p, text=head), *([Piece(tail, True)] if tail else []), *rest]
        return cut, i + 1
    return None


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
        return [*cut[:start], *(replace(q, kind="caption") if q.kind == "text" else q for q in cut[start:])]
    out = list(pieces)
    last = out[-1]
    run = len(out) > 2 and out[-2].kind == out[-3].kind == "caption"
    if last.kind == "text" and len(last.text.split()) <= MAX_WORDS and (
            run or (not last.closed and any(q.kind == "caption" for q in out[-3:-1]))):
        out[-1] = replace(last, kind="caption")  # the last caption of the run, before the byline
    for i in range(len(out) - 2, 0, -1):
        if out[i].kind == "text" and out[i - 1].kind == out[i + 1].kind == "caption" \
                and len(out[i].text.split()) <= MAX_WORDS:
            out[i] = replace(out[i], kind="caption")
        elif out[i].kind != "caption":
            break
    return out
