"""What every page carries around the text: the page number ("Trang N/M", or the
bare number at the top for Nghị định 30), the running head, and the document's
dates.

"Trang N/M" draws M through a form defined only when the document is saved
(``TotalCanvas``), so every page is written as soon as it is done and outline
destinations point at their own pages. A briefing's cover carries no number.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from hashlib import md5
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from bantin.exporters.labels import PAGE
from bantin.exporters.pdf.fonts import Fonts
from bantin.exporters.roles import MM
from bantin.style.stylesheet import Style

TOTAL = "bantin-page-total"  # the form that prints the page count, defined at save
# reportlab subsets each embedded face when a document is saved, reading the face's
# shared parse state (TTFontFace.makeSubset): two threads saving at once read each
# other's glyph positions (an IndexError, or a wrong glyph). Saving is serialised;
# laying out, the long part, is not.
_SAVE_LOCK = threading.Lock()


class _Stamp:
    """The document's time, as reportlab's ``TimeStamp`` holds it, but from the
    render context instead of the environment (reportlab reads SOURCE_DATE_EPOCH
    itself, which two threads with different epochs would share)."""

    def __init__(self, epoch: int | None) -> None:
        self.t = epoch if epoch is not None else int(time.time())
        self.lt = time.gmtime(self.t)
        self.YMDhms = tuple(self.lt)[:6]  # noqa: N815 - reportlab's name
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


class TotalCanvas(Canvas):
    """A canvas whose dates are the document's own and which defines the
    page-count form once the count is known."""

    def __init__(self, *args: Any, epoch: int | None = None, total_font: str = "", total_size: float = 8,
                 total_colour: str = "#000000", outline: bool = False, **kw: Any) -> None:
        super().__init__(*args, **kw)
        # The viewer's title bar (and a screen reader) names the document by its
        # title, not its file name (PDF/UA asks this); a document with an outline
        # to find one's way in opens with it shown.
        self.setViewerPreference("DisplayDocTitle", "true")
        if outline:
            self.showOutline()
        stamp = _Stamp(epoch)
        doc = self._doc
        doc._timeStamp = stamp
        # The file's /ID starts from the time as reportlab's own start does, so a
        # given epoch gives the bytes reportlab gives with that epoch in the environment.
        doc.signature = md5(usedforsecurity=False)
        doc.signature.update(b"a reportlab document")
        doc.signature.update(ascii(stamp.t).encode("latin-1"))
        self.total_font, self.total_size, self.total_colour = total_font, total_size, total_colour

    def save(self) -> None:
        total = self.getPageNumber() - 1  # save follows the last showPage
        self.beginForm(TOTAL)
        self.setFillColor(self.total_colour)
        self.setFont(self.total_font, self.total_size)
        self.drawString(0, 0, str(total))
        self.endForm()
        with _SAVE_LOCK:
            super().save()


def decor(style: Style, fonts: Fonts, running: str, cover: bool) -> Callable[[Any, Any], None]:
    """The header and footer, drawn as each page ends."""
    page = style.page
    w, h = (x * MM for x in page.size_mm)
    size = style.text.masthead_size

    # Page numbers are centred over the text area, between the margins, as Word
    # centres a header or footer (and the DOCX does): with uneven margins (nd30's
    # 30 mm left, 15 mm right) the page's centre stood 7.5 mm to the left.
    centre = (page.margin_left * MM + w - page.margin_right * MM) / 2

    def draw(canv: Any, doc: Any) -> None:
        n = canv.getPageNumber()
        canv.saveState()
        canv.setFillColor(colors.HexColor(style.text.body_colour))
        if page.page_numbers == "top":
            if n > 1:
                canv.setFont(fonts.body, style.text.body_size)
                canv.drawCentredString(centre, h - page.margin_top * MM / 2 - 4, str(n))
        elif not (cover and n == 1):
            canv.setFont(fonts.body, size)
            head = f"{PAGE} {n}/"
            # Centred as if the total had as many digits as this page's number.
            x = centre - stringWidth(head + str(n), fonts.body, size) / 2
            y = page.margin_bottom * MM / 2 - 3
            canv.drawString(x, y, head)
            canv.translate(x + stringWidth(head, fonts.body, size), y)
            canv.doForm(TOTAL)
        canv.restoreState()
        if page.running_header and n > 1 and running:
            canv.saveState()
            canv.setFillColor(colors.HexColor(style.text.body_colour))
            canv.setFont(fonts.heading, size)
            y = h - page.margin_top * MM / 2
            left, right = page.margin_left * MM, w - page.margin_right * MM
            canv.drawString(left, y, running)
            canv.setStrokeColor(colors.HexColor(style.text.accent_colour))
            canv.setLineWidth(0.4)
            canv.line(left, y - 4, right, y - 4)
            canv.restoreState()

    return draw
