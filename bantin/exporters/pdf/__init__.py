"""PDF print briefings with reportlab.

The modules: ``fonts`` (the style's faces registered with reportlab, fallbacks and
the code face on first use), ``tounicode`` (a fix to reportlab's ToUnicode maps),
``ink`` (model text to escaped paragraph markup, character by character against
the font that draws it), ``styles`` (paragraph styles from the shared role table),
``flowables`` (bantin's paragraph, the article's tail, balanced titles), ``breaks``
(justified paragraphs broken as a whole, addresses broken at their punctuation),
``story`` and ``blocks`` (the one walk of the model), ``lists`` (labels and their
column), ``tables``, ``contents`` (the table of contents), ``decree`` (Nghị định
30's header block), ``page`` (page numbers, running head, dates) and ``render``
(the document template). reportlab loads when the first PDF is written, not when the
table of formats is read.
"""

from __future__ import annotations

from bantin.exporters import Exporter, RenderContext
from bantin.model import Document
from bantin.style.stylesheet import Style


def write(doc: Document, ctx: RenderContext) -> bytes:
    from bantin.exporters.pdf import render  # the lazy writer load: reportlab comes with it

    return render.write(doc, ctx)


def warm(style: Style) -> None:
    from bantin.exporters.pdf import render

    render.warm(style)


exporter = Exporter("pdf", ".pdf", write, "A4 print briefing (reportlab)", warm=warm)
