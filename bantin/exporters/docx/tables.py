"""Tables in the DOCX."""

from __future__ import annotations

from bantin.exporters.docx.styles import NAMES, TABLE_STYLE
from bantin.exporters.docx.writer import Writer
from bantin.model import Table, text_of

_JC = {"right": "right", "center": "center"}


def table(w: Writer, b: Table) -> None:
    """The table in the "Briefing Table" style, header rows repeated on every page."""
    # Each column as wide as its longest cell (an average glyph is a little over
    # half an em), shrunk in proportion when that is wider than the text.
    total = round(w.width_mm / 25.4 * 1440)  # twentieths of a point
    em = round(w.cell_size * 20)
    widths = [max(4, max((len(text_of(r[c].text)) for r in b.rows if c < len(r)), default=0)) * em * 3 // 5 + 240
              for c in range(b.columns)]
    if sum(widths) > total:
        widths = [total * w // sum(widths) for w in widths]
    tbl = w.el("w:tbl")
    tblpr = w.el("w:tblPr")
    tblpr.append(w.el("w:tblStyle", {"w:val": w.ids[TABLE_STYLE]}))
    tblpr.append(w.el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}))
    tblpr.append(w.el("w:tblLook", {"w:val": "04A0", "w:firstRow": "1" if b.header_rows else "0",
                                      "w:lastRow": "0", "w:firstColumn": "0", "w:lastColumn": "0",
                                      "w:noHBand": "1", "w:noVBand": "1"}))
    tbl.append(tblpr)
    grid = w.el("w:tblGrid")
    for width in widths:
        grid.append(w.el("w:gridCol", {"w:w": str(width)}))
    tbl.append(grid)
    for i, row in enumerate(b.rows):
        head = i < b.header_rows
        tr = w.el("w:tr")
        trpr = w.el("w:trPr")
        trpr.append(w.el("w:cantSplit"))
        if head:  # repeated at the top of every page the table spans
            trpr.append(w.el("w:tblHeader"))
        tr.append(trpr)
        for c in range(b.columns):
            tc = w.el("w:tc")
            tcpr = w.el("w:tcPr")
            tcpr.append(w.el("w:tcW", {"w:w": str(widths[c]), "w:type": "dxa"}))
            tc.append(tcpr)
            p = w.el("w:p")
            ppr = w.el("w:pPr")
            ppr.append(w.el("w:pStyle", {"w:val": w.ids[NAMES["header_cell" if head else "cell"]]}))
            align = b.align[c] if c < len(b.align) else "left"
            if align in _JC:
                ppr.append(w.el("w:jc", {"w:val": _JC[align]}))
            p.append(ppr)
            w.fill(p, row[c].text if c < len(row) else (), "header_cell" if head else "cell")
            tc.append(p)
            tr.append(tc)
        tbl.append(tr)
    w.sect.addprevious(tbl)
