"""Line and page separators in Markdown: where they end a line, and where they cannot.

A text reader makes the separators a file may hold end a line (``decode``): the
vertical tab (Word's manual line break), the form feed, U+2028 LINE SEPARATOR and
U+2029 PARAGRAPH SEPARATOR. In Markdown a line is structure: a table row and an
ATX heading are one line each, and a separator inside one split it (helper-165:
the row's cells after it became a paragraph under the table, the heading's words
after it a paragraph, out of the quote or the list item that held the heading).
There a separator between two words is a space. Everywhere else (prose, a list
item's or a quote's lines, code, front matter) it ends the line as it did: in a
paragraph that is a soft break, a space between the words, and a line after it
opens a list item or a heading as its marks say. Which lines are rows and
headings is markdown-it's own reading of the text with the separators as
characters.

A file may write its lines with separators instead of newlines (Qt's editors
copy paragraphs parted by U+2029); read as spaces there, they would make a
heading's line hold the article under it. So every separator stays a line's end
in a file with no newline, or where one makes a blank line or starts or ends a
line (one inside a line has words on both sides); and so does one in a heading
whose next part opens a block of its own ("# Tin", a separator, "## Mục"; "- …",
"> …"), and in a row that would then hold more cells than its table has
columns, or that has a cell of a separator alone (rows written one after
another: markdown-it drops the cells past the last column).
"""

from __future__ import annotations

import re

from bantin.source.markdown.parse import parse, subtree

_SEPARATOR = "\v\f\u2028\u2029"
SEPARATORS = re.compile(f"[{_SEPARATOR}]")
# A separator inside a line's text: words (or a cell's "|") on both sides. (Python's
# \S excludes the separators: two in a row are a blank line, not a space.)
_INSIDE = re.compile(rf"(?<=\S)[ \t]*[{_SEPARATOR}](?=[ \t]*\S)")
# What opens a block of its own after a separator: a heading, a quote, a list item,
# a fence, a table row.
_OPENS = re.compile(r"[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|\|)")
# A list or quote's marks before a table row in it ("> | a | b |").
_MARKERS = re.compile(r"^[ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)*")
# The borders of a row's cells, as markdown-it splits a row ("\|" is none).
_BORDER = re.compile(r"(?<!\\)\|")


def placed(text: str) -> str:
    """``text`` with each separator a space inside a table row or a heading, else a newline."""
    if SEPARATORS.search(text) is None:
        return text  # the usual file: no second reading
    lines = text.split("\n")
    if "\n" not in text.strip() or any(SEPARATORS.search(_INSIDE.sub("", line)) for line in lines):
        return SEPARATORS.sub("\n", text)  # the file's own line ends
    one_line = _one_line(text, lines)
    return "\n".join(_INSIDE.sub(" ", line) if k in one_line else SEPARATORS.sub("\n", line)
                     for k, line in enumerate(lines))


def _one_line(text: str, lines: list[str]) -> set[int]:
    """The numbers of the lines that are a table row or a heading's text, and stay one."""
    out: set[int] = set()
    parsed = parse(text)
    # The footnotes nothing refers to are kept apart from the tree, and read too.
    stack = [*parsed.tree.children, *(n for _label, tokens in parsed.orphans for n in subtree(tokens).children)]
    while stack:
        node = stack.pop()
        if node.type == "heading":
            # Its text's lines: a setext heading's underline is none.
            where = next((c.map for c in node.children if c.type == "inline"), None)
            if where is not None:
                out.update(k for k in range(*where) if not any(
                    _OPENS.match(part) for part in SEPARATORS.split(lines[k])[1:]))
        elif node.type == "tr":
            if node.map is not None and _one_row(lines[node.map[0]], len(node.children)):
                out.add(node.map[0])
        else:
            stack.extend(node.children)
    return out


def _one_row(line: str, columns: int) -> bool:
    """Whether the row's separators are inside its cells: no cell is only a
    separator ("| a |\u2028| b |"), and made spaces they leave the row no more
    cells than the table's columns (markdown-it drops the cells past the last)."""
    cells = _BORDER.split(_MARKERS.sub("", line).strip())
    if any(SEPARATORS.search(c) and not c.strip() for c in cells):
        return False
    return len(cells) - (cells[0] == "") - (len(cells) > 1 and cells[-1] == "") <= columns
