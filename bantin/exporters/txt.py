"""The plain-text briefing: UTF-8, NFC, LF, wrapped at the style's width.

Width is measured in terminal display columns (wcwidth), so wide characters count
double, and lines break only at ordinary spaces: never inside a syllable and never
at the non-breaking spaces typography put between a number and its noun.
"""

from __future__ import annotations

import unicodedata

from wcwidth import wcswidth

from bantin.exporters import Exporter, Warn
from bantin.exporters._shared import (
    CONTENTS,
    briefing_meta,
    caption_line,
    footer_lines,
    meta_line,
)
from bantin.model import (
    Article,
    Briefing,
    Caption,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    SectionBreak,
    text_of,
)
from bantin.stylesheet import Style


def width(s: str) -> int:
    w = wcswidth(s)
    return w if w >= 0 else len(s)


def wrap(text: str, cols: int, first: str = "", rest: str | None = None) -> list[str]:
    """Greedy wrap at spaces; a word wider than the line stands on its own line."""
    rest = first if rest is None else rest
    lines: list[str] = []
    line, lw = first, width(first)
    empty = True
    for word in text.split(" "):
        if not word:
            continue
        ww = width(word)
        if not empty and lw + 1 + ww > cols:
            lines.append(line)
            line, lw, empty = rest, width(rest), True
        if empty:
            line, lw, empty = line + word, lw + ww, False
        else:
            line, lw = line + " " + word, lw + 1 + ww
    if not empty:
        lines.append(line)
    return lines


def _underlined(text: str, cols: int, char: str) -> list[str]:
    lines = wrap(text, cols)
    return lines + [char * max(width(x) for x in lines)] if lines else []


def _right(text: str, cols: int) -> list[str]:
    return [" " * max(0, cols - width(x)) + x for x in wrap(text, cols)]


def _list(block: ListBlock, cols: int) -> list[str]:
    out: list[str] = []
    for n, item in enumerate(block.items, 1):
        text = text_of(item)
        if block.numbered_in_text:
            out += wrap(text, cols, "  ", "    ")
        else:
            marker = f"{n}. " if block.ordered else "– "
            marker = "  " + marker
            out += wrap(text, cols, marker, " " * width(marker))
    return out


def _article(a: Article, cols: int) -> list[str]:
    out = _underlined(a.title, cols, "=")
    meta = meta_line(a)
    if meta:
        out += wrap(meta, cols)
    if a.lede:
        out += [""] + wrap(a.lede, cols)
    for b in a.blocks:
        out.append("")
        if isinstance(b, Heading):
            out += _underlined(text_of(b.text), cols, "-" if b.level == 1 else "·")
        elif isinstance(b, Paragraph):
            out += wrap(text_of(b.text), cols)
        elif isinstance(b, ListBlock):
            out += _list(b, cols)
        elif isinstance(b, Quote):
            out += wrap(text_of(b.text), cols, "    ")
            if b.attribution:
                out += wrap("— " + b.attribution, cols, "    ", "      ")
        elif isinstance(b, Caption):
            out += wrap(caption_line(b), cols, "  [", "   ")
            out[-1] += "]"
        elif isinstance(b, SectionBreak):
            out.append("* * *".center(cols).rstrip())
    if a.byline:
        out += [""] + _right(a.byline, cols)
    extra = footer_lines(a)
    if extra:
        out.append("")
        for line in extra:
            out += wrap(line, cols)
    return out


def _briefing(b: Briefing, cols: int) -> list[str]:
    out = ["#" * cols]
    out += [x.center(cols).rstrip() for x in wrap(b.title.upper(), cols - 4)]
    meta = briefing_meta(b)
    if meta:
        out += [x.center(cols).rstrip() for x in wrap(meta, cols - 4)]
    out += ["#" * cols, "", CONTENTS, ""]
    for n, a in enumerate(b.articles, 1):
        label = f"{n:>3}. "
        out += wrap(a.title, cols, label, " " * len(label))
    for a in b.articles:
        out += ["", "", "─" * cols, ""]
        out += _article(a, cols)
    return out


def write(doc: Document, style: Style, warn: Warn) -> bytes:
    cols = max(20, style.text.txt_width)
    lines = _briefing(doc, cols) if isinstance(doc, Briefing) else _article(doc, cols)
    text = "\n".join(line.rstrip() for line in lines) + "\n"
    return unicodedata.normalize("NFC", text).encode("utf-8")


exporter = Exporter("txt", ".txt", write, "plain-text briefing, wrapped")
