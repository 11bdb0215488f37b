"""An HTML ``<table>`` to a table of the model: rows in order (``<thead>``,
``<tbody>``, ``<tfoot>``), merged cells kept as one cell with its spans, the
leading rows of the head or of header cells as header rows, ``<caption>`` as the
caption. Cell contents are blocks, made by the caller's walk."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bantin.model import Block, Cell, Table, Text, auto_align

MAX_SPAN = 1000  # HTML's own limit on colspan
MAX_AREA = 100_000  # grid positions all cells together may cover; past it, spans are dropped


def _span(el: Any, name: str) -> int:
    raw = (el.get(name) or "1").strip()
    return max(1, min(MAX_SPAN, int(raw))) if raw.isdigit() and len(raw) < 7 else 1


def _rows(el: Any) -> list[tuple[Any, bool]]:
    """Each ``<tr>`` of the table (not of a table inside it), and whether it is in the head."""
    out: list[tuple[Any, bool]] = []
    for child in el:
        name = child.tag.lower() if isinstance(child.tag, str) else ""
        if name == "tr":
            out.append((child, False))
        elif name in ("thead", "tbody", "tfoot"):
            out += [(tr, name == "thead") for tr in child if isinstance(tr.tag, str) and tr.tag.lower() == "tr"]
    return out


def table(el: Any, cell_blocks: Callable[[Any], list[Block]], caption_of: Callable[[Any], Text]) -> list[Block]:
    rows: list[tuple[Cell, ...]] = []
    header_rows = 0
    heading = True
    for tr, in_head in _rows(el):
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
        if not cells:
            continue
        row = tuple(Cell(tuple(cell_blocks(c)), _span(c, "colspan"), _span(c, "rowspan")) for c in cells)
        all_th = all(c.tag.lower() == "th" for c in cells)
        if heading and (in_head or all_th):
            header_rows += 1
        else:
            heading = False
        rows.append(row)
    if not rows or not any(c.blocks for r in rows for c in r):
        return []
    # A rowspan reaches no further than the table; a grid too large to lay out loses its spans.
    rows = [tuple(Cell(c.blocks, c.colspan, min(c.rowspan, len(rows) - i)) for c in r) for i, r in enumerate(rows)]
    if sum(c.colspan * c.rowspan for r in rows for c in r) > MAX_AREA:
        rows = [tuple(Cell(c.blocks) for c in r) for r in rows]
    if not any(c.colspan > 1 or c.rowspan > 1 for r in rows for c in r):
        width = max(len(r) for r in rows)
        rows = [r + (Cell(),) * (width - len(r)) for r in rows]
    grid = tuple(rows)
    header_rows = min(header_rows, len(grid) - 1)
    cap = next((c for c in el if isinstance(c.tag, str) and c.tag.lower() == "caption"), None)
    return [Table(grid, header_rows, caption_of(cap) if cap is not None else (), auto_align(grid, header_rows))]
