"""Readers: inputs to the canonical model. Exporters never see anything else.

``reader`` is the interface (a name, extensions, a function from bytes and a
context to a document), ``registry`` the table of installed readers and the
choice among them, ``files`` the bytes of a path or of standard input, ``decode``
and ``legacy`` text in any encoding, ``sandbox`` the images an input refers to,
``fragment`` pieces of raw HTML (sanitised, tags never printed).
The readers themselves: ``newsroom`` (with its ``rules``), JSON (``builtin``),
``markdown``, ``docx`` and ``html``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from bantin.errors import InputError
from bantin.model import Document
from bantin.source import bounds
from bantin.source.builtin import json, txt
from bantin.source.reader import Context, Reader
from bantin.source.registry import GROUP, check_reader, codec, extensions, reader_for, readers, sniff
from bantin.source.sandbox import Seen

__all__ = ["GROUP", "Context", "InputError", "Reader", "check_reader", "codec", "extensions", "json", "read",
           "reader_for", "readers", "txt"]


def read(data: bytes, encoding: str | None = None, source_format: str | None = None,
         warn: Callable[[str], None] | None = None, folder: Path | None = None, seen: Seen | None = None,
         name: str | None = None, outlets: Mapping[str, str] | None = None) -> Document:
    """Bytes to a document. ``source_format`` names the reader; without it the
    content decides, when it is unmistakable (a JSON object, an HTML document, a
    Word file, Markdown with front matter), else newsroom text; text that looks
    like Markdown without front matter is refused until a reader is named.
    ``warn`` hears what a reader could not keep and which legacy encoding was
    detected; ``folder`` is where local images may be read from, and ``seen``
    records the pictures read (for ``--incremental``, which converts again when
    one changes); ``name`` is the input's file name, for a reader that needs it;
    ``outlets`` adds outlet codes and names to the built-in table (a style sheet's
    ``[outlets]``)."""
    check_reader(source_format)
    if not data.strip():
        raise InputError("empty input" if not data else "input is only white space")
    chosen = source_format or sniff(data)
    reader = readers()[chosen]
    ctx = Context(encoding, folder, warn or Context().warn, seen or Seen(), name, dict(outlets or {}))
    if encoding is not None and not reader.decodes:
        # Said, not silent: "-e tcvn3" over a folder of Word files changes nothing.
        ctx.warn(f"--encoding {encoding} is not used: {reader.name} input is not text in an encoding")
    doc = reader.read(data, ctx)
    bounds.check(doc)
    return doc
