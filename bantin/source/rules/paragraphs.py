"""Paragraphs of a one-line body: its sentences grouped again.

A break the source shows (a run of spaces, a join with no space, a quotation glued
to the stop before it) always starts a paragraph, and so does the text after a
caption or a subheading. Where the source shows nothing, sentences are gathered
until a paragraph reaches about ``TARGET`` characters, the length of a newspaper
paragraph. Pieces are whole sentences, so no cut falls inside a number, an
abbreviation or a quotation.
"""

from __future__ import annotations

from bantin.model import Block, Figure, Heading, Paragraph, plain
from bantin.source.rules.sentences import Piece

TARGET = 300  # characters


def blocks(pieces: list[Piece], target: int | None = None) -> list[Block]:
    target = target or TARGET
    out: list[Block] = []
    current: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal size
        if current:
            out.append(Paragraph(plain(" ".join(current))))
            current.clear()
        size = 0

    for p in pieces:
        if p.kind == "caption":
            flush()
            out.append(Figure(plain(p.text), p.credit))
        elif p.kind == "heading":
            flush()
            out.append(Heading(plain(p.text), 1))
        else:
            overfull = size >= target or (size > target // 2 and size + len(p.text) > target * 3 // 2)
            if p.shown or overfull:
                flush()
            current.append(p.text)
            size += len(p.text) + 1
    flush()
    return out
