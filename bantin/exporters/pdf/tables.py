"""Tables and code blocks: the two blocks whose layout is more than a paragraph."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table as Grid
from reportlab.platypus import TableStyle, XPreformatted

from bantin.exporters.pdf.styles import MM
from bantin.exporters.roles import CODE_GROUND, Role
from bantin.model import Table, text_of
from bantin.style.fonts import Family


def column_widths(t: Table, avail: float, pst: Any, bold_font: str) -> list[float]:
    """Each column as wide as its text needs, shrunk in proportion when the table
    is wider than the page, but never below its longest word."""
    pad = 8.0
    natural, least = [], []
    for c in range(t.columns):
        texts = [text_of(r[c].text) for r in t.rows if c < len(r)]
        bold = [i < t.header_rows for i, r in enumerate(t.rows) if c < len(r)]
        full = [stringWidth(x, bold_font if b else pst.fontName, pst.fontSize)
                for x, b in zip(texts, bold, strict=True)]
        words = [stringWidth(w, pst.fontName, pst.fontSize) * 1.1 for x in texts for w in x.split()]
        natural.append(max(full, default=0) + pad)
        least.append(min(max(words, default=0) + pad, avail / max(1, t.columns) * 1.5))
    if sum(natural) <= avail:
        return natural
    spare = avail - sum(least)
    if spare <= 0:
        return [avail / t.columns] * t.columns
    stretch = sum(n - m for n, m in zip(natural, least, strict=True)) or 1
    return [m + spare * (n - m) / stretch for n, m in zip(natural, least, strict=True)]


def grid(cells: list[list[Any]], t: Table, widths: list[float], body_font: str, ink_colour: str,
         space_after: float) -> Any:
    """The table with hairline rules, its header rows repeated on every page."""
    table = Grid(cells, colWidths=widths, repeatRows=t.header_rows, hAlign="LEFT")
    rule = colors.HexColor("#888888")
    ink = colors.HexColor(ink_colour)
    commands: list[tuple[Any, ...]] = [
        # reportlab sets each cell's font even for a Paragraph; left at its
        # default, an unembedded Helvetica would be referenced.
        ("FONTNAME", (0, 0), (-1, -1), body_font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, rule),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, ink),
    ]
    if t.header_rows:
        commands.append(("LINEBELOW", (0, t.header_rows - 1), (-1, t.header_rows - 1), 0.6, ink))
    table.setStyle(TableStyle(commands))
    table.spaceAfter = space_after * 1.5
    return table


def code(lines: tuple[str, ...], name: str, face: Family, r: Role, width: float, ink_colour: str,
         chars: Any) -> Any:
    """Lines as written, in the code face on a light ground. A line wider than the
    column goes on under a hanging "↪", as pandoc's PDF does, rather than running
    off the page; spaces are kept (XPreformatted). ``chars(text, family)`` escapes
    and checks each line."""
    pst = ParagraphStyle("code", fontName=name, fontSize=r.size, leading=r.size * r.leading,
                         spaceBefore=r.before, spaceAfter=r.after, leftIndent=r.left * MM,
                         backColor=colors.HexColor(CODE_GROUND), borderPadding=(3, 4, 3, 4),
                         textColor=colors.HexColor(ink_colour))
    cols = max(20, int((width - r.left * MM - 8) // stringWidth("0", name, r.size)))
    marker = "↪ " if face.covers("↪") else "> "
    out: list[str] = []
    for line in lines or ("",):
        line = line.expandtabs(4)  # tab stops every four columns, as the readers expand them
        while len(line) > cols:
            out.append(line[:cols])
            line = marker + line[cols:]
        out.append(line)
    return XPreformatted("\n".join(chars(x, face) for x in out), pst)
