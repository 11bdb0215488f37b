"""Readers: inputs to the canonical model. Exporters never see anything else.

A reader is a name, the file extensions it claims, and one function from (bytes,
context) to a document. Built-in readers are registered through the same
entry-point group as third-party ones, ``bantin.readers``, like the exporters. The
file extension picks the reader for a path; content is only sniffed when there is
no name to go by (standard input, bytes handed to the API), and a caller can
always name the reader instead (``--from``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bantin.errors import InputError, UsageError
from bantin.model import Document
from bantin.source.decode import decode_reporting

__all__ = ["GROUP", "Context", "InputError", "Reader", "check_reader", "codec", "extensions", "read",
           "reader_for", "readers"]

GROUP = "bantin.readers"


def _ignore(_msg: str) -> None:
    pass


@dataclass(frozen=True)
class Context:
    """What a reader may use besides the bytes: the encoding asked for (None:
    auto), the input's folder (the only place local images are read from; None
    for standard input), and where warnings go."""

    encoding: str | None = None
    folder: Path | None = None
    warn: Callable[[str], None] = field(default=_ignore)

    def text(self, data: bytes) -> str:
        """The bytes decoded as ``encoding`` asks; a detected legacy encoding is
        reported, never silent."""
        text, detected = decode_reporting(data, self.encoding)
        if detected is not None:
            from bantin.source.legacy import NAMES

            self.warn(f"encoding detected: {NAMES[detected]} (name it with --encoding to skip detection)")
        return text


@dataclass(frozen=True)
class Reader:
    name: str
    extensions: tuple[str, ...]  # with the dot: (".md", ".markdown")
    read: Callable[[bytes, Context], Document]
    description: str = ""


def _txt(data: bytes, ctx: Context) -> Document:
    from bantin.source import newsroom

    return newsroom.read(ctx.text(data), ctx.warn)


def _json(data: bytes, ctx: Context) -> Document:
    from bantin.serialize import SchemaError, loads

    try:
        return loads(ctx.text(data))
    except SchemaError as e:
        raise InputError(f"JSON input: {e}") from None


txt = Reader("txt", (".txt",), _txt, "newsroom plain text, any encoding (TCVN3, VNI, VISCII, VIQR included)")
json = Reader("json", (".json",), _json, "bantin's canonical JSON")


@lru_cache(maxsize=1)
def readers() -> dict[str, Reader]:
    from bantin import plugins

    found = plugins.load(GROUP, Reader, "reader")
    # The two readers bantin cannot work without, even from a source tree with no
    # installed entry points.
    found.setdefault("txt", txt)
    found.setdefault("json", json)
    return dict(sorted(found.items()))


def extensions() -> dict[str, str]:
    """Every extension a reader claims, to its reader's name."""
    return {ext: r.name for r in readers().values() for ext in r.extensions}


def codec(encoding: str | None) -> str | None:
    """The codec to decode with: None for "auto"."""
    return None if encoding in (None, "auto") else encoding


def check_reader(name: str | None) -> None:
    if name is not None and name not in readers():
        raise UsageError(f"unknown input format {name!r} (known: {', '.join(readers())})")


def reader_for(path: str | Path) -> str:
    """The reader a file's extension names; newsroom text for anything else."""
    return extensions().get(Path(path).suffix.lower(), "txt")


# Markdown syntax a newsroom's plain text does not use: an ATX heading on the first
# line, a fenced code block, a GFM table's delimiter row.
_MARKDOWN = re.compile(rb"\A\s*#{1,6} \S|^```|^\|?[ \t]*:?-{3,}:?[ \t]*\|", re.M)
# YAML front matter; a line is "[^\n]*\n" so that CRLF lines match one way only.
_FRONT_MATTER = re.compile(rb"---\r?\n(?:[^\n]*\n)*?---\r?\n")


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"{"):
        return "json"
    if head.startswith((b"<!doctype html", b"<html")) and "html" in readers():
        return "html"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096] and "docx" in readers():
        return "docx"
    if _FRONT_MATTER.match(data[:8192]) and "md" in readers():
        return "md"  # YAML front matter: only Markdown files open with it
    if _MARKDOWN.search(data[:8192]):
        # Read as newsroom text, "# Tiêu đề" would print its hash mark; read as
        # Markdown, a newsroom file would lose its line-per-paragraph shape. Ask.
        raise InputError("the content looks like Markdown but has no file name to tell; "
                         "name its reader with --from md or --from txt")
    return "txt"


def read(data: bytes, encoding: str | None = None, source_format: str | None = None,
         warn: Callable[[str], None] | None = None, folder: Path | None = None) -> Document:
    """Bytes to a document. ``source_format`` names the reader; without it the
    content decides, when it is unmistakable (a JSON object, an HTML document, a
    Word file, Markdown with front matter), else newsroom text; text that looks
    like Markdown without front matter is refused until a reader is named.
    ``warn`` hears what a reader could not keep and which legacy encoding was
    detected; ``folder`` is where local images may be read from."""
    check_reader(source_format)
    if not data.strip():
        raise InputError("empty input" if not data else "input is only white space")
    name = source_format or _sniff(data)
    return readers()[name].read(data, Context(encoding, folder, warn or _ignore))
