"""What a phone needs of a table in the EPUB: which tables are too wide for its
screen, and each column's name, shown before each of its cells when the rows of
such a table stand as blocks (the narrow-screen rule of ``css``)."""

from __future__ import annotations

from bantin.model import Table, text_of

# Columns from which a table is set as blocks of cells on a phone: four columns of
# figures fit a 360-pixel screen at the cell size; a fifth does not.
WIDE = 5


def column_labels(b: Table) -> dict[int, str]:
    """Each column's name: the text of the lowest header cell over it ("Tháng 1"
    under "Sản lượng")."""
    out: dict[int, str] = {}
    for p in b.placed():
        if p.row < b.header_rows and text_of(p.cell.text).strip():
            for c in range(p.column, p.column + p.cell.colspan):
                out[c] = " ".join(text_of(p.cell.text).split())
    return out
