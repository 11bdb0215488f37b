"""bantin: Vietnamese news articles into briefings (PDF, DOCX, EPUB, plain text).

The public API is what ``__all__`` lists; it follows semantic versioning. Every
other module and name is internal and may change between releases::

    import bantin

    doc = bantin.read(Path("bai-viet.txt"))
    pdf = bantin.export(doc, "pdf")

Importing this package stays light: the heavy export libraries load only when a
format that needs them is used.
"""

from bantin._api import convert, export, formats, load_style, read, styles
from bantin._version import __version__
from bantin.errors import BantinError, BantinWarning, ExportError, InputError, StyleError, UsageError
from bantin.exporters import Exporter, Warn
from bantin.model import (
    Article,
    Block,
    Briefing,
    Caption,
    Dateline,
    Document,
    Heading,
    ListBlock,
    Outlet,
    Paragraph,
    Quote,
    SectionBreak,
    Span,
    Text,
    articles_of,
    plain,
    text_of,
)
from bantin.report import InputReport, Output, Report
from bantin.stylesheet import Style

__all__ = [
    "Article",
    "BantinError",
    "BantinWarning",
    "Block",
    "Briefing",
    "Caption",
    "Dateline",
    "Document",
    "ExportError",
    "Exporter",
    "Heading",
    "InputError",
    "InputReport",
    "ListBlock",
    "Outlet",
    "Output",
    "Paragraph",
    "Quote",
    "Report",
    "SectionBreak",
    "Span",
    "Style",
    "StyleError",
    "Text",
    "UsageError",
    "Warn",
    "__version__",
    "articles_of",
    "convert",
    "export",
    "formats",
    "load_style",
    "plain",
    "read",
    "styles",
    "text_of",
]
