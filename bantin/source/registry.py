"""The table of readers, and the choice of one for an input.

Built-in readers are registered through the same entry-point group as third-party
ones, ``bantin.readers``. The file extension picks the reader for a path; content
is only sniffed when there is no name to go by (standard input, bytes handed to
the API), and a caller can always name the reader instead (``--from``).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from bantin import plugins
from bantin.errors import InputError, UsageError
from bantin.source import builtin
from bantin.source.byte_order import BOMS
from bantin.source.reader import Reader

GROUP = "bantin.readers"


@lru_cache(maxsize=1)
def readers() -> Mapping[str, Reader]:
    found = plugins.load(GROUP, Reader, "reader")
    # The two readers bantin cannot work without, even from a source tree with no
    # installed entry points.
    found.setdefault("txt", builtin.txt)
    found.setdefault("json", builtin.json)
    return MappingProxyType(dict(sorted(found.items())))


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


def _head(data: bytes, n: int) -> bytes:
    """The first bytes as UTF-8 without a byte-order mark: Windows tools put one
    before JSON and HTML, and save them as UTF-16 too."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data[: 4 * n].decode(enc, "ignore").encode("utf-8")[:n]
    return data[:n].removeprefix(codecs.BOM_UTF8)


def sniff(data: bytes) -> str:
    """The reader for bytes that came without a name: only what is unmistakable."""
    head, start = _head(data, 2048).lstrip().lower(), _head(data, 8192)
    if head.startswith(b"{"):
        return "json"
    if head.startswith((b"<!doctype html", b"<html")) and "html" in readers():
        return "html"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096] and "docx" in readers():
        return "docx"
    if _FRONT_MATTER.match(start) and "md" in readers():
        return "md"  # YAML front matter: only Markdown files open with it
    if _MARKDOWN.search(start):
        # Read as newsroom text, "# Tiêu đề" would print its hash mark; read as
        # Markdown, a newsroom file would lose its line-per-paragraph shape. Ask.
        raise InputError("the content looks like Markdown but has no file name to tell; "
                         "name its reader with --from md or --from txt")
    return "txt"
