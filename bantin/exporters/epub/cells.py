"""A table in the EPUB, and what a phone needs of it: which tables are too wide
for its screen, and each column's name, shown before each of its cells when the
rows of such a table stand as blocks (the narrow-screen rule of ``css``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bantin.exporters.epub.columns import colgroup
from bantin.exporters.markup import attr
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


def table(b: Table, spans: Callable[..., str], blocks: Callable[..., str]) -> str:
    """The table's XHTML; ``spans`` writes a caption's text and ``blocks`` a cell's
    blocks, as the chapter writes them (``Html``)."""
    # A table wider than a phone scrolls inside its own box instead of running
    # off the screen, where a reading system that scrolls lets the reader follow
    # it. One that pages does not: there a table of WIDE columns or more stands
    # each row as a block of its cells, each named by its column's header
    # (``data-label``, shown by the style sheet on a narrow screen only).
    wide = b.columns >= WIDE
    labels = column_labels(b) if wide else {}
    # Columns shared by the PDF's and the DOCX's rule (``columns``) fill the line:
    # their cells do not fit it on one line each.
    cols = colgroup(b, wide)
    classes = " ".join(c for c, on in (("wide", wide), ("shared", bool(cols))) if on)
    out = [f'<div class="table"><table class="{classes}">' if classes else '<div class="table"><table>']
    if b.caption:
        out.append(f"<caption>{spans(b.caption, bold=True)}</caption>")
    out.append(cols)
    rows: dict[int, list[str]] = {}
    for p in b.placed():
        head = p.row < b.header_rows
        align = b.align[p.column] if p.column < len(b.align) else "left"
        extra = f' class="{align}"' if align != "left" else ""
        extra += f' colspan="{p.cell.colspan}"' if p.cell.colspan > 1 else ""
        extra += f' rowspan="{p.cell.rowspan}"' if p.cell.rowspan > 1 else ""
        name = None if head else label(labels, p.column, p.cell.colspan)
        extra += f' data-label="{attr(name)}"' if name else ""
        body = blocks(p.cell.blocks, bold=head)
        scope = ' scope="colgroup"' if p.cell.colspan > 1 else ' scope="col"'
        rows.setdefault(p.row, []).append(f"<th{scope}{extra}>{body}</th>" if head else f"<td{extra}>{body}</td>")
    lines = ["<tr>" + "".join(rows.get(r, [])) + "</tr>" for r in range(len(b.rows))]
    if b.header_rows:
        out.append("<thead>" + "".join(lines[: b.header_rows]) + "</thead>")
    out.append("<tbody>" + "".join(lines[b.header_rows:]) + "</tbody></table></div>")
    return "".join(out)
