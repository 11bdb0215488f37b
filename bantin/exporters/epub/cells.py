"""What a phone needs of a table in the EPUB: which tables are too wide for its
screen, and each column's name, shown before each of its cells when the rows of
such a table stand as blocks (the narrow-screen rule of ``css``)."""

from __future__ import annotations

import re

from bantin.model import Table, text_of

# Columns from which a table is set as blocks of cells on a phone: four columns of
# figures fit a 360-pixel screen at the cell size; a fifth does not.
WIDE = 5
_NUMBERED = re.compile(r"\(\d{1,2}\)|\([A-Z]\)")  # "(1)", "(A)": a column's number; "1" may be a month


def column_labels(b: Table) -> dict[int, str]:
    """Each column's name: its header cells' texts from the top down ("Công nghiệp –
    Quý I" under a group "Công nghiệp"), a group's name once however many rows it
    spans."""
    parts: dict[int, list[str]] = {}
    for p in b.placed():
        text = " ".join(text_of(p.cell.text).split())
        # A row across the whole head (the table's title, its unit) and a row of
        # column numbers ("(1)" … "(6)") name no column (helper-77).
        if p.cell.colspan >= b.columns > 1 or _NUMBERED.fullmatch(text):
            continue
        if p.row < b.header_rows and text:
            for c in range(p.column, min(b.columns, p.column + p.cell.colspan)):
                if text not in parts.setdefault(c, []):
                    parts[c].append(text)
    return {c: " – ".join(names) for c, names in parts.items()}


def label(labels: dict[int, str], column: int, colspan: int) -> str | None:
    """The name shown before a body cell: its column's, or the one name of all the
    columns a merged cell spans ("Tổng cộng" across the row is no "Huyện")."""
    names = {labels.get(c) for c in range(column, column + colspan)}
    return names.pop() if len(names) == 1 else None
