"""EPUB 3 for phones and e-readers (ebooklib), clean under epubcheck.

The modules: ``html`` (the walk: semantic XHTML, one file per article), ``css``
(from the style sheet through the shared roles), ``fonts`` (the faces embedded as
subsets of the characters the book shows, fallbacks included), ``package`` (the
metadata and a zip whose bytes depend only on the content) and ``render`` (the
book). ebooklib loads when the first book is written.
"""

from __future__ import annotations

from bantin.exporters import Exporter, RenderContext
from bantin.model import Document
from bantin.style.stylesheet import Style


def write(doc: Document, ctx: RenderContext) -> bytes:
    from bantin.exporters.epub import render  # the lazy writer load: ebooklib comes with it

    return render.write(doc, ctx)


def warm(style: Style) -> None:
    from bantin.exporters.epub import render

    render.warm(style)


exporter = Exporter("epub", ".epub", write, "EPUB 3 e-book (ebooklib)", warm=warm)
