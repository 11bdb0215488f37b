"""Paragraphs too long for any sane page are cut at sentence boundaries.

A scraped page with no line breaks can put a whole article, even 1.4 MB, on one
line. Cut here, in the reader, every format gets the same paragraphs, and no
writer has to lay out a block longer than a page. A cut falls after a sentence's
closing punctuation before a capital; only a text with no such boundary for a
whole paragraph's length is cut at a space. Words are never split.
"""

from __future__ import annotations

import re

from bantin.source.rules.table import trimmed

LIMIT = 2000  # characters; the longest real paragraph in the corpus is under 1,500
_SENTENCE_END = re.compile(r"(?<=[.!?…»”\"')])\s+(?=[\"“«(]?[^\W\d_])")


def pieces(text: str, limit: int = LIMIT) -> list[tuple[int, int]]:
    """(start, end) of each piece of ``text``, in order: the whole text when it is
    short enough, else pieces of at most ``limit`` characters cut after a sentence's
    closing punctuation before a capital, or at a space."""
    if len(text) <= limit:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = None
        for m in _SENTENCE_END.finditer(window, limit // 2):
            if window[m.end()].isupper():
                cut = m
        if cut is not None:
            end, resume = start + cut.start(), start + cut.end()
        else:
            space = window.rfind(" ", limit // 2)
            if space <= 0:  # one "word" longer than a paragraph: leave it whole
                space = text.find(" ", start + limit)
                if space < 0:
                    break
                end = resume = space
            else:
                end = resume = start + space
        out.append((start, end))
        start = resume
    out.append((start, len(text)))
    return out


def split(text: str, limit: int = LIMIT) -> list[str]:
    return [p for p in (trimmed(text[a:b]) for a, b in pieces(text, limit)) if p]
