"""The document template: page frame, metadata, outline, and the build.

Every face is a subset-embedded TrueType font from the style; the canvas starts on
the body face so that no standard-14 Helvetica reference is written.
"""

from __future__ import annotations

from functools import partial
from io import BytesIO
from typing import Any

import reportlab.platypus  # noqa: F401 - loaded with the writer, so warm() loads it for forked workers
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from bantin.errors import ExportError
from bantin.exporters import RenderContext
from bantin.exporters.labels import doc_subject, meta_text, short_title
from bantin.exporters.markup import escape
from bantin.exporters.pdf import page
from bantin.exporters.pdf.fonts import fonts
from bantin.exporters.pdf.keep import KeepStart
from bantin.exporters.pdf.story import Story
from bantin.exporters.roles import MM
from bantin.model import Briefing, Document
from bantin.style.stylesheet import Style


class _Doc(BaseDocTemplate):
    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab's name
        o = getattr(flowable, "outline", None) if isinstance(flowable, reportlab.platypus.Paragraph) else None
        if o is None:
            return
        self.canv.addOutlineEntry(o.title, o.key, level=o.level, closed=o.level > 1)
        if o.toc:
            self.notify("TOCEntry", (0, o.markup or escape(o.title), self.page, o.key))


def write(doc: Document, ctx: RenderContext) -> bytes:
    style = ctx.style
    f = fonts(style)
    layout = style.page
    w, h = (x * MM for x in layout.size_mm)
    buf = BytesIO()
    template = _Doc(
        buf,
        pagesize=(w, h),
        leftMargin=layout.margin_left * MM,
        rightMargin=layout.margin_right * MM,
        topMargin=layout.margin_top * MM,
        bottomMargin=layout.margin_bottom * MM,
        title=meta_text(doc.title),
        author=meta_text(doc.author),
        subject=doc_subject(doc),
        creator="bantin",
        producer="bantin (reportlab)",
        lang="vi-VN",
        keywords=list(getattr(doc, "tags", ())),
        # The canvas starts on this font; left at reportlab's default (Helvetica)
        # it is referenced unembedded. Passed per document, not through the
        # process-wide rl_config, so that threads with different styles agree.
        initialFontName=f.body,
        keepTogetherClass=KeepStart,
    )
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    decor = page.decor(style, f, short_title(doc.title, 80), isinstance(doc, Briefing))
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=decor)])
    walker = Story(style, f, ctx.warn, template.width, template.height)
    walker.walk(doc)
    canvas = partial(page.TotalCanvas, epoch=ctx.epoch, total_font=f.body, total_size=style.text.masthead_size,
                     total_colour=style.text.body_colour, outline=walker.count > 1)
    try:
        if isinstance(doc, Briefing):
            template.multiBuild(walker.story, canvasmaker=canvas)
        else:
            template.build(walker.story, canvasmaker=canvas)
    except LayoutError as e:
        raise ExportError(f"cannot lay out the page: {e}") from None
    return buf.getvalue()


def warm(style: Style) -> None:
    fonts(style)
