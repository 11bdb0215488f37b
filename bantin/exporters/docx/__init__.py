"""DOCX that editors keep working in (python-docx).

Every block gets a named paragraph style defined from the style sheet (``styles``),
so changing "Normal" or "Heading 1" in Word restyles the whole document; the body
(``body``) carries no direct formatting beyond the bold, italic and links of the
source. Fonts are embedded as ECMA-376 obfuscated fonts (``package``) so that Word
and LibreOffice draw the same faces as the PDF on machines that lack them.

The modules: ``styles`` (named styles), ``numbering`` (lists), ``fields`` (runs,
fields, page set-up), ``body`` (the walk of the model), ``package`` (the parts and
the zip) and ``render`` (the document). python-docx loads when the first document is written.
"""

from __future__ import annotations

from bantin.exporters import Exporter, RenderContext
from bantin.model import Document
from bantin.style.stylesheet import Style


def write(doc: Document, ctx: RenderContext) -> bytes:
    from bantin.exporters.docx import render  # the lazy writer load: python-docx comes with it

    return render.write(doc, ctx)


def warm(style: Style) -> None:
    from bantin.exporters.docx import render

    render.warm(style)


exporter = Exporter("docx", ".docx", write, "Word document with named styles (python-docx)", warm=warm)
