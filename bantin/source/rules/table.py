"""A table copied out of Word or a spreadsheet into the text: rows of cells parted
by tabs, one row a line ("STT⇥Họ và tên⇥Số phiếu", "1⇥Nguyễn Văn An⇥120").

Two rows or more of two cells or more are a table. Rows may be ragged (a copy drops
a row's empty cells at its end): they are filled out to the widest row. Not a table:
a quotation with a tab in it, or a form's label and value parted by a tab, line after
line ("Họ và tên:⇥Nguyễn Văn A"), which the heading rule reads as the form's lines.
Cells are parted by tabs only: three spaces inside a sentence are a typing slip more
often than a column.
"""

from __future__ import annotations

import re

from bantin.model import Block, Cell, Paragraph, Table, auto_align, numeric, plain

_TABS = re.compile(r"\t+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_INCHES = re.compile(r"(?<=\d)\"")
MIN_ROWS = 2
MAX_CELL_WORDS = 60  # a longer cell is a paragraph with a stray tab, not a table's cell


_LEADING_TABS = re.compile(r"[ \t]*?(\t+)")


def trimmed(line: str) -> str:
    """A line without the white space around it, but for the tabs that open a
    table's row whose first cells are empty ("⇥Tổng cộng⇥⇥⇥49.500.000", as Word
    copies a total): stripped, every cell after them moved a column left (helper-76).
    The readers' steps that strip lines call this, so the tabs reach ``match``."""
    stripped = line.strip()
    lead = _LEADING_TABS.match(line) if "\t" in stripped else None
    return lead.group(1) + stripped if lead else stripped


def _quoted(cell: str) -> bool:
    """Is a quotation left open or closed in the cell? A quotation with a tab in it
    ("“Chúng ta phải⇥làm ngay") is one sentence, not cells; an inch mark after a
    figure ("6,1"") and an item's bracket ("a)") are a cell's own."""
    straight = _INCHES.sub("", cell).count('"')
    return cell.count("“") != cell.count("”") or straight % 2 == 1


def _row(line: str) -> bool:
    """Two cells or more with words in them, none of them a paragraph or part of
    one (no quotation across cells)."""
    parts = [p.strip() for p in _TABS.split(line)]
    return sum(1 for p in parts if p) >= 2 and not any(len(p.split()) > MAX_CELL_WORDS or _quoted(p) for p in parts)


def _cut(line: str) -> bool:
    """A sentence cut by a stray tab: it goes on in lower case and ends with its stop
    ("Sáng nay⇥tại hội trường xã, …."). A table's row may look so too ("Gạo⇥kg⇥….");
    the run of rows is judged as a whole."""
    return line.rstrip().endswith((".", "!", "?", "…")) and any(p.strip()[:1].islower() for p in line.split("\t")[1:])


def _run(lines: list[str], i: int) -> int:
    """How many rows of a table start at ``i``: 0 when none, or when most of them are
    sentences cut by stray tabs."""
    j = i
    while j < len(lines) and _row(lines[j]):
        j += 1
    return 0 if sum(_cut(x) for x in lines[i:j]) * 2 > j - i else j - i


def starts(lines: list[str]) -> bool:
    """Do ``lines`` open with a table (two rows)? Its first row is then no sapo."""
    return _run(lines, 0) >= MIN_ROWS


def _split(lines: list[str]) -> list[list[str]]:
    """The rows' cells. Word copies an empty cell as two tabs in a row, while a typist
    lines columns up with as many tabs as it takes: the reading that gives every row
    the same number of cells is the one meant, a tab a cell when both do."""
    for split in (lambda x: x.split("\t"), _TABS.split):
        rows = [[c.strip() for c in split(x)] for x in lines]
        if len({len(r) for r in rows}) == 1:
            break
    else:  # ragged either way: a tab a cell, the short rows filled out at their end
        rows = [[c.strip() for c in x.split("\t")] for x in lines]
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
    # Two tabs between every row's cells: a column no row writes in is no column.
    kept = [k for k in range(len(rows[0])) if any(r[k] for r in rows)]
    return [[r[k] for k in kept] for r in rows]


def _header(rows: list[list[str]]) -> int:
    """One header row when the first row names columns: no figure in it, and below it
    a column of figures or a row that is not in capitals where the first is."""
    first, body = rows[0], rows[1:]
    if any(numeric(c) and not _YEAR.fullmatch(c) for c in first):
        return 0  # figures: a row of data (years name the columns of a statistics table)
    figures = any(all(len(r) > k and numeric(r[k]) for r in body) for k in range(len(first)))
    capitals = "".join(first).isupper() and not any("".join(r).isupper() for r in body)
    return 1 if figures or capitals else 0


def match(lines: list[str], i: int) -> tuple[Block, int] | None:
    if i > 0 and _row(lines[i - 1]):
        return None  # inside rows judged already as a whole, and found no table
    n = _run(lines, i)
    if n < MIN_ROWS:
        return None
    rows = _split(lines[i:i + n])
    if sum(r[0].endswith(":") for r in rows) * 2 > len(rows):
        return None  # a form's labels and values, one a line (a label may have lost its colon)
    grid = tuple(tuple(Cell((Paragraph(plain(c)),) if c else ()) for c in r) for r in rows)
    head = _header(rows)
    return Table(grid, head, (), auto_align(grid, head)), n
