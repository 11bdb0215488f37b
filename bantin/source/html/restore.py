"""Pictures trafilatura dropped, put back where the page has them.

trafilatura sometimes leaves out a ``<figure>`` whose caption and credit sit in
their own block, and the caption goes with it. A captioned picture that lies
between the headline and the body's last paragraph in the page is part of the
article: it is put back before the first block that follows it in the page.
"""

from __future__ import annotations

from typing import Any

from bantin.model import Figure, Heading, Paragraph, Quote, plain
from bantin.source.html.blocks import Piece
from bantin.source.html.page import squash, words
from bantin.source.html.pictures import Picture

_LEAD = 24  # characters of a block's text that find it in the page


def _in_page(el: Any, page: Any) -> bool:
    return any(a is page for a in el.iterancestors())


def restore(pieces: list[Piece], pictures: list[Picture], imgs: list[Any], page: Any, title: str) -> list[Piece]:
    shown = {p.picture.src for p in pieces if p.picture is not None}
    missing: list[tuple[Picture, Any]] = []
    for pic, img in zip(pictures, imgs, strict=True):
        if pic.figure and pic.caption and pic.src not in shown and _in_page(img, page):
            shown.add(pic.src)
            missing.append((pic, img))
    if not missing:
        return pieces
    # The dictionary keeps lxml's element proxies alive, so each stays the same object.
    order = {el: i for i, el in enumerate(page.iter())}
    texts = [(squash(t), t) for t in page.xpath("//body//text()") if len(t) >= _LEAD]
    where: list[int | None] = []
    for p in pieces:
        lead = squash(p.text)[:_LEAD] if isinstance(p.block, (Paragraph, Heading, Quote)) else ""
        node = next((t for s, t in texts if lead in s), None) if len(lead) == _LEAD else None
        where.append(order.get(node.getparent()) if node is not None else None)
    known = [w for w in where if w is not None]
    if not known:
        return pieces
    heads = [order[h] for h in page.iter("h1") if squash(h.text_content()) and
             squash(h.text_content())[:40] == squash(title)[:40] and h in order]
    start, end = (heads[0] if heads else min(known)), max(known)
    out = list(pieces)
    for pic, img in missing:
        at = order.get(img)
        if at is None or not start < at < end:
            continue
        index = next((i for i, w in enumerate(where) if w is not None and w > at), len(out))
        fig = Piece(Figure(plain(pic.caption), pic.credit, None, pic.alt), len(words(pic.caption)), 0, False, pic)
        out.insert(index, fig)
        where.insert(index, at)
    return out
