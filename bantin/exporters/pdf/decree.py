"""Nghị định 30/2020's header block, as a two-column table without rules: the
issuer and number on the left, the national title and motto on the right, a short
rule under the issuer and one under the motto, and the place-and-date line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import HRFlowable, Table, TableStyle

from bantin.exporters.labels import QUOC_HIEU, TIEU_NGU, DecreeHeader
from bantin.exporters.pdf.fonts import Fonts


def header_block(h: DecreeHeader, base: Any, fonts: Fonts, ink_colour: str, width: float,
                 para: Callable[[str, Any], Any]) -> Any:
    """The block for ``h``; ``para(text, style)`` makes each line's paragraph."""
    bold = ParagraphStyle("decree-bold", parent=base, fontName=fonts.face("body", "bold"))
    italic = ParagraphStyle("decree-italic", parent=base, fontName=fonts.face("body", "italic"))
    ink = colors.HexColor(ink_colour)
    motto = stringWidth(TIEU_NGU, bold.fontName, bold.fontSize)
    rule = {"thickness": 0.5, "color": ink, "spaceBefore": 1, "hAlign": "CENTER"}
    left = [para(h.issuer, bold), HRFlowable(width="30%", spaceAfter=4, **rule)]
    if h.number:
        left.append(para(h.number, base))
    right = [para(QUOC_HIEU, bold), para(TIEU_NGU, bold),
             HRFlowable(width=motto, spaceAfter=6, **rule),
             para(h.place_date, italic)]
    grid = Table([[left, right]], colWidths=[width * 0.4, width * 0.6])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                              ("FONTNAME", (0, 0), (-1, -1), fonts.body),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return grid
