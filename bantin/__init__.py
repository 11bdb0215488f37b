"""bantin: Vietnamese news articles into briefings (PDF, DOCX, EPUB, plain text).

The public API is what ``__all__`` lists; it follows semantic versioning. Every
other module and name is internal and may change between releases::

    import bantin

    doc = bantin.read(Path("bai-viet.txt"))
    pdf = bantin.export(doc, "pdf")

Importing this package stays light: the heavy export libraries load only when a
format that needs them is used.
"""

import importlib
from typing import TYPE_CHECKING, Any

from bantin._version import __version__

if TYPE_CHECKING:
    from bantin.api import convert, export, formats, load_style, read, styles
    from bantin.errors import BantinError, BantinWarning, ExportError, InputError, StyleError, UsageError
    from bantin.exporters import Exporter, RenderContext, Warn
    from bantin.exporters.labels import SignatureBlock
    from bantin.exporters.walk import Walker
    from bantin.model import (
        LINE_BREAK,
        Article,
        Block,
        Briefing,
        Caption,
        Cell,
        CodeBlock,
        Dateline,
        Document,
        Figure,
        Heading,
        Image,
        ListBlock,
        ListItem,
        Note,
        Outlet,
        Paragraph,
        Quote,
        SectionBreak,
        Signature,
        Span,
        Table,
        Text,
        articles_of,
        plain,
        text_of,
    )
    from bantin.run.report import InputReport, Output, Report
    from bantin.source import Context as ReadContext
    from bantin.source import Reader
    from bantin.style.stylesheet import Style

# Names load on first use (PEP 562), so that ``import bantin`` and
# ``bantin --help`` cost no more than the version string.
_LAZY = {
    "Article": "bantin.model",
    "BantinError": "bantin.errors",
    "BantinWarning": "bantin.errors",
    "Block": "bantin.model",
    "Briefing": "bantin.model",
    "Caption": "bantin.model",
    "Note": "bantin.model",
    "ListItem": "bantin.model",
    "Cell": "bantin.model",
    "Dateline": "bantin.model",
    "Document": "bantin.model",
    "ExportError": "bantin.errors",
    "Exporter": "bantin.exporters",
    "Figure": "bantin.model",
    "Heading": "bantin.model",
    "LINE_BREAK": "bantin.model",
    "Image": "bantin.model",
    "InputError": "bantin.errors",
    "InputReport": "bantin.run.report",
    "ListBlock": "bantin.model",
    "Outlet": "bantin.model",
    "Output": "bantin.run.report",
    "Paragraph": "bantin.model",
    "Quote": "bantin.model",
    "ReadContext": "bantin.source",
    "RenderContext": "bantin.exporters",
    "Reader": "bantin.source",
    "Report": "bantin.run.report",
    "CodeBlock": "bantin.model",
    "SectionBreak": "bantin.model",
    "Signature": "bantin.model",
    "SignatureBlock": "bantin.exporters.labels",
    "Span": "bantin.model",
    "Style": "bantin.style.stylesheet",
    "StyleError": "bantin.errors",
    "Table": "bantin.model",
    "Text": "bantin.model",
    "UsageError": "bantin.errors",
    "Walker": "bantin.exporters.walk",
    "Warn": "bantin.exporters",
    "articles_of": "bantin.model",
    "convert": "bantin.api",
    "export": "bantin.api",
    "formats": "bantin.api",
    "load_style": "bantin.api",
    "plain": "bantin.model",
    "read": "bantin.api",
    "styles": "bantin.api",
    "text_of": "bantin.model",
}

_RENAMED = {"ReadContext": "Context"}  # public name -> the name in its module

__all__ = [
    "LINE_BREAK",
    "Article",
    "BantinError",
    "BantinWarning",
    "Block",
    "Briefing",
    "Caption",
    "Note",
    "ListItem",
    "Cell",
    "Dateline",
    "Document",
    "ExportError",
    "Exporter",
    "Figure",
    "Heading",
    "Image",
    "InputError",
    "InputReport",
    "ListBlock",
    "Outlet",
    "Output",
    "Paragraph",
    "Quote",
    "ReadContext",
    "Reader",
    "RenderContext",
    "Report",
    "CodeBlock",
    "SectionBreak",
    "Signature",
    "SignatureBlock",
    "Span",
    "Style",
    "StyleError",
    "Table",
    "Text",
    "UsageError",
    "Walker",
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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bantin' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
