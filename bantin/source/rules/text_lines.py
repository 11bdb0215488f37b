"""A newsroom text's lines as the rules read them: invisible characters gone,
no-break spaces plain, a table row's leading tabs kept, a list item's indented
lower-case line joined to it, and paragraphs that a sender's program broke into
lines of a fixed width joined again.

A newsroom's text has a paragraph per line. Text that went through an e-mail
program or an editor set to wrap (70, 72 or 76 columns) has its paragraphs cut
into lines at the last space that fits, with or without a blank line between
paragraphs; read line by line, every line was a paragraph, a short one a
heading, and the sapo stopped mid-sentence.

Such a text is told by its shape, never by one line: no line with words is
longer than 100 characters, the longest is 56 or more, and many lines are
*full*: the next line's first word would not have fitted after them within the
longest line's width, and they end inside a sentence. Then a full line and the next are one paragraph, unless
the next opens a list item; a line that is not full (a title, a heading, a
paragraph's last line) ends its paragraph, as a blank line does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bantin.source.rules import table
from bantin.source.rules.lists import opens_item
from bantin.typography import cleanup

WIDEST = 100  # characters: a line with words longer than this was never wrapped
NARROWEST = 56  # nor was a text whose longest line is shorter (mail wraps at 60 to 80; verse is shorter)
SHARE = 0.3  # of the lines with words: at least this many are full (a list and short lines count too)
ENDS = ".!?…:;"
_ALIGNED = re.compile(r"\t|\S {2,}\S")  # a table's columns, set with tabs or runs of spaces


def split(text: str, warn: Callable[[str], None] | None = None) -> list[str]:
    out: list[str] = []
    widths: list[int] = []  # each line's width as written, its indent counted: the wrap's measure
    item = False  # the last line opens a list item (or goes on with one)
    for raw in text.split("\n"):
        raw = cleanup.INVISIBLE.sub("", raw).replace("\u00a0", " ")
        line = table.trimmed(raw)
        if item and raw.startswith("  ") and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"  # "- Bảo đảm … mùa mưa lũ" / "  và khi thi công …;": one item
            widths[-1] = len(raw.expandtabs(8).rstrip())
            continue
        item = opens_item(line)
        out.append(line)
        widths.append(len(raw.expandtabs(8).rstrip()))
    return unwrap(out, widths, warn)


def _first_word(line: str) -> str:
    return line.split(" ", 1)[0]


def _ends(line: str) -> bool:
    """Whether the line ends a sentence or a quotation: "… nhiều”" closes one
    (helper-88: five one-line quotes became one lede)."""
    return line.rstrip()[-1:] in ENDS + "”’\"'»)]"


def unwrap(lines: list[str], widths: list[int] | None = None,
           warn: Callable[[str], None] | None = None) -> list[str]:
    """The lines with each wrapped paragraph's lines joined into one (blank lines
    stay); the lines unchanged when the text was not wrapped. ``widths``: each
    line's width as written (an indented first line is wider than its words)."""
    shown = widths if widths is not None else [len(ln) for ln in lines]
    worded = [i for i, ln in enumerate(lines) if " " in ln.strip()]
    if len(worded) < 4 or any(shown[i] > WIDEST for i in worded):
        return lines
    # The measure is the longest line that opens at the margin: a paragraph's
    # indented first line (a tab of eight columns) may pass it.
    flush = [shown[i] for i in worded if shown[i] <= len(lines[i])]
    width = max(flush) if len(flush) >= 3 else max(shown[i] for i in worded)
    if width < NARROWEST:
        return lines
    full = [i for i, ln in enumerate(lines[:-1])
            if ln.strip() and lines[i + 1].strip() and not _ALIGNED.search(ln + "\n" + lines[i + 1])
            and not opens_item(lines[i + 1]) and shown[i] + 1 + len(_first_word(lines[i + 1])) > width]
    inside = [i for i in full if not _ends(lines[i])]
    # A wrap falls inside a phrase: most of its next lines open in lower case. A
    # brief per line, each of one line's width, opens every line with a capital.
    lower = [i for i in inside if lines[i + 1].lstrip()[:1].islower()]
    if len(full) < 3 or len(full) < SHARE * len(worded) or len(inside) < 0.6 * len(full) \
            or len(lower) < 0.3 * len(inside):
        return lines
    # A full line that ends a sentence goes on in the next line only where blank
    # lines part the paragraphs (without them, it may end its paragraph as well),
    # and never one that ends in ";" or ":", a list's item or its lead-in.
    parted = sum(1 for ln in lines if not ln.strip()) >= 2
    joined = set(inside) | {i for i in full if parted and lines[i].rstrip()[-1:] not in ";:"}
    if warn is not None:
        warn(f"joined the lines of paragraphs wrapped at {width} characters ({len(joined)} line breaks)")
    out: list[str] = []
    held = False  # the last line of ``out`` goes on in the next
    for i, line in enumerate(lines):
        if held:
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line)
        held = i in joined
    return out
