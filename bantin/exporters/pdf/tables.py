"""Tables and code blocks: the two blocks whose layout is more than a paragraph."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table as _Table
from reportlab.platypus import TableStyle, XPreformatted

from bantin.exporters import table_size
from bantin.exporters.pdf.batch import Batched, batches
from bantin.exporters.pdf.breaks import breakable
from bantin.exporters.roles import CODE_GROUND, MM, Role
from bantin.exporters.table_size import claim
from bantin.model import Table, lines_of, text_of
from bantin.style.fonts import Family

PAD = 3.0  # a cell's left and right padding, points
# Points added to each column of a table narrower than the text, half on each side
# of its cells: at PAD alone a cell's last word stood a few points from the next
# column's first ("Thứ Sáu, 25/4 Chánh …", helper-146). Not stretched to the width,
# where a column of figures would stand apart from its labels.
AIR = 9.0
LEAST = 26.0  # the narrowest column worth reading (a number of four digits at 9 pt, and its padding)


class Grid(Batched):
    """reportlab's table, whose rows break inside themselves only when one is
    taller than a whole page (a Word file's text in a one-cell layout table,
    helper-98: "tallest cell 906 points, too large", and no PDF). reportlab's own
    in-row splitting, once on, also cut rows of six lines at a page's foot and
    repeated the header above the cut (helper-99). A long one is set ``LONG`` rows
    at a time (``Batched``)."""

    nested = False  # in a cell of another table, whose own splitting comes first
    # The same table without its merges down the rows (``grid``; a split's rest and
    # a long table's next batch, ``_unmerged``): reportlab cannot break a merged cell
    # taller than a page (helper-102: a giant cell over two rows left a piece of empty
    # rows 850 points tall, and no PDF). reportlab measures a table's rows only until
    # a page is full and the merged cells begun in it end: one further down is
    # measured, and found, by the split of the rest that reaches it, so every rest
    # can unmerge (helper-167: a giant cell after smaller ones gave no PDF).
    unmerged: Callable[[], Grid] | None = None

    def split(self, aW: float, aH: float) -> list[Any]:  # noqa: N803 - reportlab's names
        # The row heights are the wrap's that came before (reportlab's own split
        # works them out again; doing it here too doubled a long table's cost).
        if self.unmerged is not None and self._giant_merge():
            return self.unmerged().split(aW, aH)
        return super().split(aW, aH)

    def _grown(self, aW: float, aH: float) -> Batched:  # noqa: N803 - reportlab's names
        grown = super()._grown(aW, aH)
        if self.unmerged is not None and isinstance(grown, Grid):
            grown.unmerged = grown._unmerged
        return grown

    def _unmerged(self) -> Grid:
        """This table and the rows to come without their merges down the rows."""
        assert self.grow is not None
        table = self.grow(self._cellvalues, int(self.repeatRows), [m for m in self.merges() if not down(m)])
        table.more = [(rows, [m for m in merges if not down(m)]) for rows, merges in self.more]
        table.grow = self.grow
        if hasattr(self, "canv"):
            table.canv = self.canv
        assert isinstance(table, Grid)
        return table

    def pieces(self, aW: float, aH: float) -> list[Any]:  # noqa: N803 - reportlab's names
        repeated: int = getattr(self, "repeatRows", 0)  # reportlab sets it untyped
        heads = sum(float(h or 0.0) for h in self._rowHeights[:repeated])
        if heads > (self._page() or aH) / 3:
            # A header of a third of a page is not repeated: above a giant row it
            # left no room to break the row in, and a header taller than the page
            # could not break at all (helper-102: no PDF on A5 and the nd30 sheet).
            self.repeatRows = 0
        parts = self._split(aW, aH)
        for part in parts:  # reportlab makes the pieces anew: each is where the table was
            part.nested = self.nested
            if self.unmerged is not None:
                part.grow, part.unmerged = self.grow, part._unmerged
        return parts

    def _split(self, aW: float, aH: float) -> list[Any]:  # noqa: N803 - reportlab's names
        self.splitInRow = 0
        parts = list(_Table.split(self, aW, aH))
        # A table in a cell is split by the table around it, without a frame: the
        # room it is given is its page.
        page = self._page() or aH
        heights = [h or 0.0 for h in self._rowHeights]  # a row under a merged cell may have none of its own
        heads = sum(heights[:self.repeatRows])
        if parts:
            after = len(parts[0]._cellvalues) if len(parts) == 2 else len(heights)
            if self.nested or after >= len(heights) or heights[after] + heads <= page:
                return parts
            # The rows that fit, then a giant one: that one splits here, below them.
            # Left to the rest, it was split lower on the same page, under its header
            # printed a second time (helper-102). Not in a cell, whose table splits it.
            inside = self._inside(aH)
            return inside if len(inside) == 2 and inside[0].wrap(aW, aH)[1] <= aH else parts
        if max(heights[self.repeatRows:], default=0.0) + heads <= page:
            return []  # every row fits a page: the table moves on to the next
        self.splitInRow = 1
        try:
            return list(_Table.split(self, aW, aH))
        finally:
            self.splitInRow = 0

    def _inside(self, aH: float) -> list[Any]:  # noqa: N803 - reportlab's names
        self.splitInRow = 1
        try:
            return list(self._splitRows(aH, doInRowSplit=True))
        finally:
            self.splitInRow = 0

    def _giant_merge(self) -> bool:
        """Is a cell merged down the rows taller than a page (with the header)? A
        row reportlab has not measured yet counts nothing: a cell in such rows lies
        past this split, and the split of the rest that reaches it finds it."""
        heights = [h or 0.0 for h in self._rowHeights]
        room = (self._page() or math.inf) - sum(heights[:self.repeatRows])
        return any(span and span[3] > span[1] and sum(heights[span[1]:span[3] + 1]) > room
                   for span in getattr(self, "_spanRanges", {}).values())

    def _page(self) -> float | None:
        """The height a page of its own gives: the frame's, less its paddings."""
        frame = getattr(getattr(self.canv, "_doctemplate", None), "frame", None) if hasattr(self, "canv") else None
        return None if frame is None else frame._height - frame._topPadding - frame._bottomPadding


def needs(t: Table, pst: Any, bold_font: str,
          avail: float = math.inf) -> tuple[list[float], list[float], list[tuple[int, int, float]]]:
    """Per grid column, the width its cells' text needs on one line and the width
    of its longest word (padding included), or of a table in a cell as much as
    ``avail`` leaves it (``table_size.holding``); and each merged cell's (first
    column, columns, width needed)."""
    natural, least = [0.0] * t.columns, [LEAST] * t.columns
    spanning = []
    for p in t.placed():
        spans = p.cell.text
        # A header cell is set bold, and so is a cell's strong run: measured in the
        # regular face, "Kiểm tra VB trước trình ký" wrapped in a table using 60%
        # of the width (bold is some 8% wider).
        font = bold_font if p.row < t.header_rows or any(s.strong and s.text.strip() for s in spans) else pst.fontName
        text = text_of(spans)
        full = max((stringWidth(line, font, pst.fontSize) for line in lines_of(text)), default=0.0) + 2 * PAD + 1
        # A word the PDF breaks at its punctuation (an address, a long symbol number)
        # claims no more than the DOCX gives it: the other columns keep their words.
        word = max((stringWidth(claim(w) if breakable(w) else w, font, pst.fontSize) * 1.1
                    for w in text.split()), default=0.0) + 2 * PAD
        if p.cell.colspan == 1:
            natural[p.column] = max(natural[p.column], full)
            least[p.column] = max(least[p.column], word)
        else:
            spanning.append((p.column, p.cell.colspan, full))
    held = table_size.held(t, avail, lambda inner: sum(needs(inner, pst, bold_font)[1]) + 2 * PAD)
    return natural, table_size.holding(least, held, avail), spanning


def at_size(st: Mapping[str, Any], size: float) -> dict[str, Any]:
    """The paragraph styles with the table's cells ("cell", "header_cell" and their
    aligned forms, "cell-right") set at ``size`` (``table_size``), their leading in
    proportion."""
    scale = size / st["cell"].fontSize
    out = dict(st)
    for name in (n for n in st if n.split("-")[0] in ("cell", "header_cell")):
        base = st[name]
        out[name] = ParagraphStyle(name, parent=base, fontSize=base.fontSize * scale, leading=base.leading * scale,
                                   bulletFontSize=base.fontSize * scale)
    return out


def bands(least: list[float], avail: float) -> list[tuple[int, int]]:
    """The grid columns in bands that fit the width: one band for a table that fits;
    for a table of 80 columns, as many columns as can be read side by side, each
    band set under the one before (every cell still once)."""
    out: list[tuple[int, int]] = []
    start, used = 0, 0.0
    for c, w in enumerate(least):
        w = min(w, avail)
        if c > start and used + w > avail:
            out.append((start, c))
            start, used = c, 0.0
        used += w
    if least:
        out.append((start, len(least)))
    return out


def column_widths(band: tuple[int, int], avail: float, natural: list[float], least: list[float],
                  spanning: list[tuple[int, int, float]]) -> list[float]:
    """Each grid column of the band as wide as its cells need (a merged cell's need
    shared by the columns it spans), shrunk when the band is wider
    than the text (``table_size.shared``), never below its longest word."""
    lo, hi = band
    n = hi - lo
    nat, low = natural[lo:hi], [min(x, avail) for x in least[lo:hi]]
    for first, width, full in spanning:  # a merged cell wider than its columns widens each alike
        first, last = max(first, lo), min(first + width, hi)
        extra = full - sum(nat[first - lo:last - lo])
        if last > first and extra > 0:
            for i in range(first - lo, last - lo):
                nat[i] += extra / (last - first)
    nat = [max(x, m) for x, m in zip(nat, low, strict=True)]
    if sum(nat) <= avail:
        return nat
    spare = avail - sum(low)
    if spare < -0.5:  # the longest words alone are wider: a band of one column too wide
        return [avail / n] * n
    if spare <= 0:  # exactly the longest words (a table in a cell takes what is left)
        return low
    return table_size.shared(nat, low, avail)


def air(widths: list[float], avail: float) -> float:
    """What each column of a band gets besides its width (``AIR``, or less)."""
    return max(0.0, min((avail - sum(widths)) / len(widths), AIR)) if widths else 0.0


def grid(t: Table, band: tuple[int, int], cells: dict[tuple[int, int], list[Any]], widths: list[float],
         body_font: str, ink_colour: str, space_after: float, nested: bool = False, room: float = 0.0) -> Any:
    """The band of the table with hairline rules, its header rows repeated on every
    page; a merged cell is one cell of reportlab's (SPAN), drawn once. ``room``
    (``air``) widens each column and pads its cells by half of it on each side, so
    that the cells' text keeps the widths it was set in."""
    lo, hi = band
    data: list[list[Any]] = [["" for _ in range(lo, hi)] for _ in t.rows]
    spans: list[tuple[Any, ...]] = []
    for p in t.placed():
        if not lo <= p.column < hi:
            continue
        c = p.column - lo
        data[p.row][c] = cells[(p.row, p.column)]
        last_col = min(hi, p.column + p.cell.colspan) - 1 - lo
        last_row = min(len(t.rows), p.row + p.cell.rowspan) - 1
        if last_col > c or last_row > p.row:
            spans.append(("SPAN", (c, p.row), (last_col, last_row)))
    looks = (t, body_font, ink_colour, space_after, nested, PAD + room / 2)
    widths = [w + room for w in widths]

    def batched(kept: list[tuple[Any, ...]]) -> Grid:
        """The table, a long one set some pages of rows at a time (``Batched``); not
        one in a cell, which the table around it splits."""
        (first, merged), *more = [(data, kept)] if nested else batches(data, kept, t.header_rows)
        table = _grid(list(first), widths, list(merged), *looks)
        if more:
            table.more = more
        # The rest of a table (a batch's, or one unmerged, ``Grid.unmerged``) is ruled
        # as reportlab rules its own rest: its repeated header as the table's, else a
        # hairline over its first row.
        table.grow = lambda rows, header, merges: _grid(rows, widths, merges, *looks, header=header, top=False)
        return table

    table = batched(spans)
    if any(down(s) for s in spans):  # the words kept in the merge's first cell, each row ruled alone
        table.unmerged = lambda: batched([s for s in spans if not down(s)])
    return table


def down(span: tuple[Any, ...]) -> bool:
    """Is reportlab's merged cell merged down the rows?"""
    return bool(span[2][1] > span[1][1])


def _grid(data: list[list[Any]], widths: list[float], spans: list[tuple[Any, ...]], t: Table, body_font: str,
          ink_colour: str, space_after: float, nested: bool, pad: float, header: int | None = None,
          top: bool = True) -> Grid:
    header = t.header_rows if header is None else header
    table = Grid(data, colWidths=widths, repeatRows=header, hAlign="LEFT")
    table.nested = nested
    rule = colors.HexColor("#888888")
    ink = colors.HexColor(ink_colour)
    commands: list[tuple[Any, ...]] = [
        # reportlab sets each cell's font even for a Paragraph; left at its
        # default, an unembedded Helvetica would be referenced.
        ("FONTNAME", (0, 0), (-1, -1), body_font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, rule),
        ("LINEABOVE", (0, 0), (-1, 0), *((0.6, ink) if top or header else (0.25, rule))),
        *spans,
    ]
    if t.spans:  # merged cells are read by their borders
        commands.append(("GRID", (0, 0), (-1, -1), 0.25, rule))
    if header:
        commands.append(("LINEBELOW", (0, header - 1), (-1, header - 1), 0.6, ink))
    table.setStyle(TableStyle(commands))
    table.spaceAfter = space_after * 1.5
    return table


def code(lines: tuple[str, ...], name: str, face: Family, r: Role, width: float, ink_colour: str,
         chars: Any, left: float = 0.0, right: float = 0.0) -> Any:
    """Lines as written, in the code face on a light ground. A line wider than the
    column goes on under a hanging "↪", as pandoc's PDF does, rather than running
    off the page; spaces are kept (XPreformatted). ``chars(text, family)`` escapes
    and checks each line."""
    pst = ParagraphStyle("code", fontName=name, fontSize=r.size, leading=r.size * r.leading,
                         spaceBefore=r.before, spaceAfter=r.after, leftIndent=r.left * MM + left, rightIndent=right,
                         backColor=colors.HexColor(CODE_GROUND), borderPadding=(3, 4, 3, 4),
                         textColor=colors.HexColor(ink_colour))
    cols = max(20, int((width - left - right - r.left * MM - 8) // stringWidth("0", name, r.size)))
    marker = "↪ " if face.covers("↪") else "> "
    out: list[str] = []
    for line in lines or ("",):
        line = line.expandtabs(4)  # tab stops every four columns, as the readers expand them
        while len(line) > cols:
            out.append(line[:cols])
            line = marker + line[cols:]
        out.append(line)
    return XPreformatted("\n".join(chars(x, face) for x in out), pst)
