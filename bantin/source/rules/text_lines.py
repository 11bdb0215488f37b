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
longer than 100 characters, the longest is 40 or more, and many lines are
*full*: the next line's first word would not have fitted after them within the
longest line's width, and they end inside a sentence. Then a full line and the next are one paragraph, unless
the next opens a list item; a line that is not full (a title, a heading, a
paragraph's last line) ends its paragraph, as a blank line does.
"""

from __future__ import annotations

import re

from bantin.source.rules import table
from bantin.typography import cleanup

WIDEST = 100  # characters: a line with words longer than this was never wrapped
NARROWEST = 40  # nor was a text whose longest line is shorter (mail wraps at 60 to 80)
SHARE = 0.4  # of the lines with words: at least this many are full
ENDS = ".!?…:;"
_ITEM = re.compile(r"^(?:[-–—•+*]\s|\(?\d{1,2}[.)]\s|[a-zđ][.)]\s)")


def split(text: str) -> list[str]:
    out: list[str] = []
    item = False  # the last line opens a list item (or goes on with one)
    for raw in text.split("\n"):
        raw = cleanup.INVISIBLE.sub("", raw).replace("\u00a0", " ")
        line = table.trimmed(raw)
        if item and raw.startswith("  ") and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"  # "- Bảo đảm … mùa mưa lũ" / "  và khi thi công …;": one item
            continue
        item = bool(_ITEM.match(line))
        out.append(line)
    return unwrap(out)


def _first_word(line: str) -> str:
    return line.split(" ", 1)[0]


def unwrap(lines: list[str]) -> list[str]:
    """The lines with each wrapped paragraph's lines joined into one (blank lines
    stay); the lines unchanged when the text was not wrapped."""
    worded = [ln for ln in lines if " " in ln.strip()]
    if len(worded) < 4 or any(len(ln) > WIDEST for ln in worded):
        return lines
    width = max(len(ln) for ln in worded)
    if width < NARROWEST:
        return lines
    full = [i for i, ln in enumerate(lines[:-1])
            if ln.strip() and lines[i + 1].strip() and "\t" not in ln + lines[i + 1]
            and not _ITEM.match(lines[i + 1]) and len(ln) + 1 + len(_first_word(lines[i + 1])) > width]
    inside = [i for i in full if lines[i].rstrip()[-1] not in ENDS]
    if len(full) < 3 or len(full) < SHARE * len(worded) or len(inside) < 0.6 * len(full):
        return lines
    # A full line that ends a sentence goes on in the next line only where blank
    # lines part the paragraphs: without them, it may end its paragraph as well.
    parted = sum(1 for ln in lines if not ln.strip()) >= 2
    joined = set(full if parted else inside)
    out: list[str] = []
    held = False  # the last line of ``out`` goes on in the next
    for i, line in enumerate(lines):
        if held:
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line)
        held = i in joined
    return out
