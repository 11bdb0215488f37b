"""Tables in the DOCX: the model's grid (``Table.placed``) as Word's, a merged region
written once. A cell spanning columns is one w:tc with w:gridSpan; a cell spanning
rows opens with w:vMerge "restart", and each row it covers below holds an empty
w:tc with w:vMerge (Word wants a w:tc for every grid slot)."""

from __future__ import annotations

import math
from typing import Any

from bantin.exporters import table_size
from bantin.exporters.docx.metrics import text_width
from bantin.exporters.docx.names import CELL_MARGIN, NAMES, TABLE_STYLE
from bantin.exporters.docx.writer import Writer
from bantin.exporters.table_size import fitting
from bantin.model import Cell, Table

_JC = {"right": "right", "center": "center"}


PAD = 240  # twips: a cell's left and right margins, and a little air


def _widths(w: Writer, b: Table) -> tuple[list[int], float]:
    """Each column's width, and the size the table's text is set in: the cell size,
    or smaller when the columns' longest words do not fit the text's width at it
    (``table_size``)."""
    total = round(w.width_mm / 25.4 * 1440)  # twentieths of a point
    longest, least = _measure(w, b, w.cell_size, total)
    size = fitting(least, PAD, total, w.cell_size)
    if size != w.cell_size:
        longest, least = _measure(w, b, size, total)
    return _shared(longest, least, total, round(size * 20)), size


def _measure(w: Writer, b: Table, size: float, total: float = math.inf) -> tuple[list[int], list[int]]:
    """Per column, its longest one-column cell in characters, and its longest word
    in twips set at ``size`` (``table_size.measure``)."""
    family = w.covered.families[0]
    faces = (family.files["regular"], family.files.get("bold") or family.files["regular"])
    longest, least = table_size.measure(b, lambda x, head: round(text_width(faces[head], x, size) * 20), PAD, total)
    return longest, [math.floor(x) for x in least]


def _shared(longest: list[int], least: list[int], total: int, em: int) -> list[int]:
    """Each column as wide as its longest one-column cell (an average glyph is a
    little over half an ``em``); when that is wider than the text, shrunk as the
    PDF's are (``table_size.shared``), never below the column's longest word (a
    narrow "STT" column set one letter a line, as proportion alone made it)."""
    widths = [max(4, n) * em * 3 // 5 + PAD for n in longest]
    widths = [max(x, lo) for x, lo in zip(widths, least, strict=True)]  # never under its longest word (or picture)
    if sum(widths) > total:
        if total - sum(least) <= 0:
            return _capped(least, total)
        widths = [math.floor(x) for x in table_size.shared(widths, least, total)]
    return widths


def _capped(least: list[int], total: int) -> list[int]:
    """Widths that sum to ``total`` when even the longest words do not fit: the
    widest columns cut down to one cap, the narrow ones ("STT", a figure) whole."""
    cap = total
    for k, x in enumerate(sorted(least)):
        rest = len(least) - k  # columns at least as wide as x
        if sum(sorted(least)[:k]) + x * rest >= total:
            cap = (total - sum(sorted(least)[:k])) // rest
            break
    return [min(x, cap) for x in least]


def table(w: Writer, b: Table) -> None:
    """The table in the "Briefing Table" style, header rows repeated on every page."""
    widths, size = _widths(w, b)
    tbl = w.el("w:tbl")
    tblpr = w.el("w:tblPr")
    tblpr.append(w.el("w:tblStyle", {"w:val": w.ids[TABLE_STYLE]}))
    tblpr.append(w.el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}))
    if b.spans:
        # Merged cells are read by their borders: a grid, as the PDF draws it; rules
        # between rows alone leave a cell two rows tall looking like two (helper-149).
        borders = w.el("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(w.el(f"w:{edge}", {"w:val": "single", "w:sz": "2", "w:space": "0", "w:color": "888888"}))
        tblpr.append(borders)
    tblpr.append(w.el("w:tblLook", {"w:val": "04A0", "w:firstRow": "1" if b.header_rows else "0",
                                      "w:lastRow": "0", "w:firstColumn": "0", "w:lastColumn": "0",
                                      "w:noHBand": "1", "w:noVBand": "1"}))
    tbl.append(tblpr)
    grid = w.el("w:tblGrid")
    for width in widths:
        grid.append(w.el("w:gridCol", {"w:w": str(width)}))
    tbl.append(grid)
    starts: dict[tuple[int, int], Cell] = {}
    below: dict[tuple[int, int], Cell] = {}  # grid slots a cell from a row above covers
    for p in b.placed():
        starts[(p.row, p.column)] = p.cell
        for dr in range(1, p.cell.rowspan):
            below[(p.row + dr, p.column)] = p.cell
    w.put(tbl)  # in place first: a cell's notes and links find their part through it
    for r in range(len(b.rows)):
        head = r < b.header_rows
        tr = w.el("w:tr")
        trpr = w.el("w:trPr")
        trpr.append(w.el("w:cantSplit"))
        if head:  # repeated at the top of every page the table spans
            trpr.append(w.el("w:tblHeader"))
        tr.append(trpr)
        tbl.append(tr)
        c = 0
        while c < b.columns:
            cell = starts.get((r, c))
            over = below.get((r, c))
            span = (cell or over or Cell()).colspan
            span = max(1, min(span, b.columns - c))
            tc = _tc(w, sum(widths[c:c + span]), span,
                     "restart" if cell is not None and cell.rowspan > 1 else "continue" if over else None)
            tr.append(tc)
            if cell is not None:
                _fill(w, tc, cell, head, b.align[c] if c < len(b.align) else "left", sum(widths[c:c + span]))
            _close(w, tc, head)
            c += span
    if size != w.cell_size:
        _resize(w, tbl, size)


def _resize(w: Writer, tbl: Any, size: float) -> None:
    """Every run of the table set at ``size`` and every paragraph's line at its
    leading: a run's own w:sz, a paragraph's own w:spacing, put where Word's schema
    wants them by python-docx's element classes (Word refuses them out of order).
    A table in a cell was sized already, by its own width: it keeps its size."""
    line = str(round(size * w.roles["cell"].leading * 20))
    for ppr in tbl.iter(w.qn("w:pPr")):
        if ppr.spacing is None:
            spacing = ppr.get_or_add_spacing()
            spacing.set(w.qn("w:line"), line)
            spacing.set(w.qn("w:lineRule"), "atLeast")
    half = str(round(size * 2))
    for r in tbl.iter(w.qn("w:r")):
        rpr = r.get_or_add_rPr()
        if rpr.sz is None:
            sz = rpr.get_or_add_sz()
            sz.set(w.qn("w:val"), half)
            sz.addnext(w.el("w:szCs", {"w:val": half}))  # szCs follows sz in CT_RPr


def _tc(w: Writer, width: int, span: int, merge: str | None) -> Any:
    tc = w.el("w:tc")
    tcpr = w.el("w:tcPr")
    tcpr.append(w.el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
    if span > 1:
        tcpr.append(w.el("w:gridSpan", {"w:val": str(span)}))
    if merge == "restart":
        tcpr.append(w.el("w:vMerge", {"w:val": "restart"}))
    elif merge == "continue":
        tcpr.append(w.el("w:vMerge"))
    tc.append(tcpr)
    return tc


def _fill(w: Writer, tc: Any, cell: Cell, head: bool, align: str, width: int) -> None:
    """The cell's blocks: paragraphs in the cell styles (aligned as the column is),
    lists, code, even a table. A table or a picture in the cell is measured against
    the cell's ``width`` (twips) less its margins, not the page's: LibreOffice cut
    a table set at the page's width in a cell half as wide."""
    saved = (w.sink, w.para_role, w.list_level, w.cell_jc, w.width_mm)
    w.sink, w.para_role, w.list_level, w.cell_jc = tc, "header_cell" if head else "cell", -1, _JC.get(align)
    w.width_mm = max(width - 2 * CELL_MARGIN, 0) / 1440 * 25.4
    try:
        for block in cell.blocks:
            w.block(block, 1)
    finally:
        w.sink, w.para_role, w.list_level, w.cell_jc, w.width_mm = saved


def _close(w: Writer, tc: Any, head: bool) -> None:
    """A w:tc ends with a paragraph: an empty cell, or one whose last block is a table."""
    last = tc[-1]
    if last.tag != w.qn("w:p"):
        p = w.el("w:p")
        ppr = w.el("w:pPr")
        ppr.append(w.el("w:pStyle", {"w:val": w.ids[NAMES["header_cell" if head else "cell"]]}))
        p.append(ppr)
        tc.append(p)
