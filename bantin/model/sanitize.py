"""Characters no output may carry, removed once from every field of the model.

XML 1.0 (DOCX, EPUB) forbids C0 controls but tab and newline, lone surrogates and
U+FFFE/U+FFFF; a terminal obeys C0 and C1 controls (ESC, CSI) that a plain-text
briefing would pass on; Unicode's noncharacters are not text at all. Readers of
JSON can produce any of them, so they are dropped here, for every field at once,
before typography and before any exporter runs, with one warning naming them.
Every string leaves in NFC.

A link whose address would run something rather than lead somewhere
(``javascript:``, ``data:``, ``file:``, any scheme but http(s), ftp, mailto and
tel) loses its address and keeps its text, so that no exporter, a plug-in's
included, can pass one on. A relative address stays: it runs nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from bantin.model import Document, Span, Text, map_spans, map_strings, one_line

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)

_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_FOLLOWED = frozenset({"http", "https", "ftp", "mailto", "tel"})
# A vertical tab (Word's manual line break) and a form feed end a line as a
# newline does: between two words they are a space, not nothing ("Huế\vĐà Nẵng").
_LINE_BREAKS = str.maketrans("\t\n\r\v\f", "     ")
_CODE_BREAKS = str.maketrans("\n\r\v\f", "    ")


def sanitize(doc: Document, warn: Callable[[str], None] | None = None) -> Document:
    """The document without forbidden characters; ``warn`` hears which went."""
    dropped: set[str] = set()

    def clean(text: str, keep_tabs: bool = False) -> str:
        if "\t" in text or "\n" in text or "\r" in text or "\v" in text or "\f" in text:
            # A newline is white space: blocks are the structure, and a line that
            # ends on purpose inside a paragraph is LINE_BREAK, which only a reader
            # that sees such a break puts in. A carriage return would let a
            # plain-text briefing overwrite its own lines. A tab is white space in
            # prose, but part of a line of code.
            text = text.replace("\r\n", " ").translate(_CODE_BREAKS if keep_tabs else _LINE_BREAKS)
        if FORBIDDEN.search(text) is not None:
            dropped.update(f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text))
            text = FORBIDDEN.sub("", text)
        # NFC everywhere, URLs and dates too: every reader of bytes gives NFC, so
        # a document built by hand must be NFC to read back unchanged.
        return unicodedata.normalize("NFC", text)

    # The line break (LINE_BREAK) stays in rich text; code and every one-line field
    # (a title, a byline, an alt text) take it as a space.
    out = map_spans(map_strings(doc, clean, lambda text: one_line(clean(text, keep_tabs=True)), one_line),
                    _safe_link)
    if dropped and warn is not None:
        shown = sorted(dropped)
        more = f" and {len(shown) - 8} more" if len(shown) > 8 else ""
        warn(f"dropped control or non-text characters ({', '.join(shown[:8])}{more})")
    return out


def _safe_link(span: Span) -> Text:
    if span.href is None:
        return (span,)
    # Browsers ignore white space inside a scheme ("java script:"): so does this.
    m = _SCHEME.match("".join(span.href.split()))
    if m is None or m.group(1).lower() in _FOLLOWED:
        return (span,)
    return (replace(span, href=None),)
