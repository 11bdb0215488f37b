"""The canonical representation: plain, typed, immutable data.

Readers produce it, typography rewrites it, exporters only read it. The types live
in ``text`` (spans), ``blocks`` and ``document``; ``maps`` holds the walks that
rewrite every string while keeping the structure. ``serialize`` is its on-disk
form (canonical JSON), ``sanitize`` and ``images`` the gates every string and
picture passes, ``dates`` the one check of a date.
"""

from bantin.model.blocks import (
    NUMBERINGS,
    Block,
    Caption,
    Cell,
    CodeBlock,
    Figure,
    Heading,
    Image,
    ListBlock,
    ListItem,
    Paragraph,
    Placed,
    Quote,
    SectionBreak,
    Table,
    auto_align,
    number,
    numeric,
    plain_text,
)
from bantin.model.document import (
    NOTE_KINDS,
    Article,
    Briefing,
    Dateline,
    Document,
    Note,
    Outlet,
    Signature,
    Signer,
    articles_of,
)
from bantin.model.maps import map_spans, map_strings, map_text, map_texts, spans_of
from bantin.model.text import LINE_BREAK, Span, Text, lines_of, lines_of_spans, one_line, plain, text_of

__all__ = [
    "LINE_BREAK", "NOTE_KINDS", "NUMBERINGS", "Article", "Block", "Briefing", "Caption", "Cell", "CodeBlock",
    "Dateline", "Document", "Figure", "Heading", "Image", "ListBlock", "ListItem", "Note", "Outlet", "Paragraph",
    "Placed", "Quote", "SectionBreak", "Signature", "Signer", "Span", "Table", "Text", "articles_of", "auto_align",
    "lines_of", "map_spans", "map_strings", "map_text", "map_texts", "number", "spans_of", "numeric", "one_line",
    "plain", "plain_text", "text_of", "lines_of_spans",
]
