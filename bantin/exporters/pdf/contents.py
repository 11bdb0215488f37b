"""The table of contents: each entry a paragraph with a hanging indent, its dot
leader set on a grid so that the dots of every entry stand in columns, and its
page number right-aligned at the end of the measure.

reportlab's TableOfContents draws its dots from wherever an entry ends (no two
rows alike) and builds its table with reportlab's default font, which left an
unembedded Helvetica in every bundle.
"""

from __future__ import annotations

from ast import literal_eval
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from bantin.exporters.pdf.batch import Batched, Merge, batches

DOT = "."
GAP = 4.0  # points kept clear between an entry's words, its dots and its page number


class Contents(TableOfContents):
    """A table of contents whose table and dots are set in ``font``."""

    def __init__(self, font: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.font = font

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        entries = self._lastEntries or [(0, "", 0, None)]  # the first pass has none yet

        def leader(canvas: Any, kind: str, label: str) -> None:
            page, level, key = label.split(",")
            style = self.getLevelStyle(int(level))
            dots(canvas, style, page, literal_eval(key), availWidth)

        self.canv.setNamedCB("bantinContentsEntry", leader)
        rows: list[list[Any]] = []
        for level, text, page, key in entries:
            style = self.getLevelStyle(level)
            value = repr(key).replace(",", "\\x2c").replace('"', "\\x2c") if key else None
            linked = f'<a href="#{key}">{text}</a>' if key else text
            markup = f'{linked}<onDraw name="bantinContentsEntry" label="{page},{level},{value}"/>'
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([Paragraph(markup, style)])
        look = TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ])

        def table(rows: list[list[Any]], _header: int = 0, _merges: Sequence[Merge] = ()) -> Batched:
            return Batched(rows, colWidths=(availWidth,), style=look)

        # Some pages of entries at a time (``Batched``): reportlab made the rest of
        # the contents anew at each page and went over all its rows, and over all
        # the rows before each one as it measured it, so 20,000 articles took 183 s
        # where 10,000 took 65 (135 s in batches, helper-164).
        (first, _), *more = batches(rows, (), 0)
        self._table = table(list(first))
        if more:
            self._table.more, self._table.grow = more, table
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


def dots(canvas: Any, style: Any, page: str, key: str | None, width: float) -> None:
    """The leader after an entry's last word and its page number: dots on a grid
    of the dot's own width, counted from the left of the measure, so that they
    line up from one entry to the next."""
    x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
    font, size = style.fontName, style.fontSize
    number = stringWidth(page, font, size)
    step = stringWidth(DOT + " ", font, size)
    first = int((x + GAP) / step + 0.999)
    last = int((width - number - GAP) / step) - 1
    text = canvas.beginText(0, y)
    text.setFont(font, size)
    text.setFillColor(style.textColor)
    for k in range(first, last + 1):
        text.setTextOrigin(k * step, y)
        text.textOut(DOT)
    text.setTextOrigin(width - number, y)
    text.textOut(page)
    canvas.drawText(text)
    if key:
        canvas.linkRect("", key, (width - number, y, width, y + style.leading), relative=1)
