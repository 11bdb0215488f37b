"""The page each article of a briefing starts on, from bantin's own page layout.

The DOCX contents carry them as the cached results of their PAGEREF fields, so
that Word shows page numbers at once, without asking to update fields when the
file opens. They come from the PDF writer's story laid out on the same page, in
the same fonts and margins, and every article starts a page in both: Word's
numbers agree where its line breaks agree. LibreOffice computes the fields itself.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from bantin.exporters.markup import escape
from bantin.exporters.pdf.fonts import fonts
from bantin.exporters.pdf.story import Story
from bantin.exporters.roles import MM
from bantin.model import Briefing
from bantin.style.stylesheet import Style


class _Layout(BaseDocTemplate):
    """Records the page of every contents entry."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab's name
        o = getattr(flowable, "outline", None)
        if o is not None and o.toc:
            self.pages[o.key] = self.page


class _Unwritten(PDFTextObject):
    """Lines are placed, never encoded: a sixth of the layout's time saved."""

    def _formatText(self, text: str) -> str:  # noqa: N802 - reportlab's name
        return ""


class _Unsaved(Canvas):
    """Pages are counted, never written: no text encoded, no font subsetting, no file."""

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:  # noqa: N802
        return _Unwritten(self, x, y, direction=direction)

    def save(self) -> None:
        pass


def _ignore(_message: str) -> None:
    pass


def article_pages(b: Briefing, style: Style) -> list[int]:
    """The page (from the cover, 1) each article's title lands on, in order; an
    empty list when the PDF writer cannot lay it out (the contents then show no
    numbers until the fields are updated; LibreOffice computes them itself)."""
    f = fonts(style)
    layout = style.page
    w, h = (x * MM for x in layout.size_mm)
    template = _Layout(BytesIO(), pagesize=(w, h), leftMargin=layout.margin_left * MM,
                       rightMargin=layout.margin_right * MM, topMargin=layout.margin_top * MM,
                       bottomMargin=layout.margin_bottom * MM, initialFontName=f.body)
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    try:
        story = Story(style, f, _ignore, template.width, template.height)
        story.walk(b)
        # One pass, not multiBuild's two or three: the contents are given their
        # entries beforehand, so they take the room they will take, and every
        # page after them falls where it will fall.
        entries = [(0, escape(a.title), 99, "") for a in b.articles]
        for flowable in story.story:
            if isinstance(flowable, TableOfContents):
                flowable._lastEntries = entries  # what reportlab's TOC lays itself out from
        template.build(story.story, canvasmaker=_Unsaved)
    except Exception:  # noqa: BLE001 - LayoutError, ExportError or a fault in the PDF writer: not the DOCX's
        return []
    pages = [template.pages[k] for k in sorted(template.pages, key=lambda k: int(k.lstrip("o")))]
    return pages if len(pages) == len(b.articles) else []
