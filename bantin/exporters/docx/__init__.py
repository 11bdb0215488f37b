"""DOCX that editors keep working in (python-docx).

Every block gets a named paragraph style defined from the style sheet (``styles``),
so changing "Body Text" or "Heading 1" in Word restyles the whole document ("Normal"
is the base of them all); the body (``body``) carries no direct formatting beyond
the bold, italic, links and raised or lowered characters of the source, a table
column's alignment and the indent of a block inside a list item. Fonts are embedded
as ECMA-376 obfuscated fonts (``package``) so that Word and LibreOffice draw the
same faces as the PDF on machines that lack them.

The modules: ``styles`` (named styles), ``numbering`` (Word's list numbering),
``fields`` (runs, fields, page set-up), ``writer`` (paragraphs, runs and where
they go), ``notes`` (footnotes and endnotes in their parts), ``body`` (the walk
of the model), ``lists``, ``tables`` and ``decree`` (their blocks), ``pages``
(the page each article of a bundle starts on, for the contents), ``package``
(the parts and the zip) and ``render`` (the document). python-docx loads when
the first document is written.
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
