"""Nghị định 30's header block in the DOCX."""

from __future__ import annotations

from bantin.exporters.docx.fields import run
from bantin.exporters.docx.styles import NAMES
from bantin.exporters.docx.writer import Writer
from bantin.exporters.labels import QUOC_HIEU, TIEU_NGU, DecreeHeader

# Left to be filled in by hand when the document has no number or place yet, as
# an unnumbered draft is printed.
NUMBER_BLANK = "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/"
PLACE_BLANK = "……………"


def _with_place(place_date: str) -> str:
    """The place-and-date line with a blank for a place the document does not name
    ("……………, ngày 05 tháng 8 năm 2025")."""
    if "," in place_date:
        return place_date
    return f"{PLACE_BLANK}, {place_date[:1].lower()}{place_date[1:]}"


def header_block(w: Writer, h: DecreeHeader) -> None:
    """Nghị định 30's header block: a borderless two-column table in the
    "Header Block" style, with a short rule under the issuer and the motto."""
    total = round(w.width_mm / 25.4 * 1440)
    widths = (total * 2 // 5, total - total * 2 // 5)
    tbl = w.el("w:tbl")
    tblpr = w.el("w:tblPr")
    tblpr.append(w.el("w:tblW", {"w:w": str(total), "w:type": "dxa"}))
    borders = w.el("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(w.el(f"w:{edge}", {"w:val": "nil"}))
    tblpr.append(borders)
    tbl.append(tblpr)
    grid = w.el("w:tblGrid")
    for width in widths:
        grid.append(w.el("w:gridCol", {"w:w": str(width)}))
    tbl.append(grid)
    size = w.roles["decree_line"].size
    motto_twips = round(len(TIEU_NGU) * size * 0.52 * 20)  # about half an em a letter
    # (text, role, bold, italic, rule): the issuer and the national title in the
    # "decree" role (12–13 pt), the number, the motto and the place-and-date line in
    # "decree_line" (13–14 pt). A rule is an empty paragraph whose bottom border is
    # indented to the rule's length.
    cells = (
        [(h.issuer, "decree", True, False, 0), ("", "decree", False, False, widths[0] // 3),
         (h.number or NUMBER_BLANK, "decree_line", False, False, 0)],
        [(QUOC_HIEU, "decree", True, False, 0), (TIEU_NGU, "decree_line", True, False, 0),
         ("", "decree", False, False, max(0, (widths[1] - motto_twips) // 2)),
         (_with_place(h.place_date), "decree_line", False, True, 0)],
    )
    tr = w.el("w:tr")
    for cell_width, lines in zip(widths, cells, strict=True):
        tc = w.el("w:tc")
        tcpr = w.el("w:tcPr")
        tcpr.append(w.el("w:tcW", {"w:w": str(cell_width), "w:type": "dxa"}))
        tc.append(tcpr)
        for text, role, bold, italic, rule in lines:
            p = w.el("w:p")
            ppr = w.el("w:pPr")
            ppr.append(w.el("w:pStyle", {"w:val": w.ids[NAMES[role]]}))
            if rule:
                bdr = w.el("w:pBdr")
                bdr.append(w.el("w:bottom", {"w:val": "single", "w:sz": "6", "w:space": "1",
                                                "w:color": "auto"}))
                ppr.append(bdr)
                ppr.append(w.el("w:spacing", {"w:before": "0", "w:after": "60", "w:line": "60",
                                                 "w:lineRule": "exact"}))
                ppr.append(w.el("w:ind", {"w:left": str(rule), "w:right": str(rule)}))
            p.append(ppr)
            if not text:
                tc.append(p)
                continue
            w.faces.add(("body", "bold" if bold else "italic" if italic else "regular"))
            run(p, text, bold, italic)
            tc.append(p)
        tr.append(tc)
    tbl.append(tr)
    w.sect.addprevious(tbl)
