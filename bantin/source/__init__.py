"""Readers: inputs to the canonical model. Exporters never see anything else.

A reader is a name and a function from decoded text to a document. The file
extension picks the reader for a path (``EXTENSIONS``); content is only sniffed
when there is no name to go by (standard input, bytes handed to the API), and a
caller can always name the reader instead (``--from``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bantin.errors import InputError, UsageError
from bantin.model import Document
from bantin.source.decode import decode_reporting

__all__ = ["EXTENSIONS", "READERS", "InputError", "check_reader", "codec", "read", "reader_for"]


def _json(text: str) -> Document:
    from bantin.serialize import SchemaError, loads

    try:
        return loads(text)
    except SchemaError as e:
        raise InputError(f"JSON input: {e}") from None


def _txt(text: str) -> Document:
    from bantin.source import newsroom

    return newsroom.read(text)


READERS: dict[str, Callable[[str], Document]] = {"txt": _txt, "json": _json}
EXTENSIONS = {".txt": "txt", ".json": "json"}


def codec(encoding: str | None) -> str | None:
    """The codec to decode with: None for "auto" (UTF-8, or a BOM's encoding)."""
    return None if encoding in (None, "auto") else encoding


def check_reader(name: str | None) -> None:
    if name is not None and name not in READERS:
        raise UsageError(f"unknown input format {name!r} (known: {', '.join(READERS)})")


def reader_for(path: str | Path) -> str:
    """The reader a file's extension names; newsroom text for anything else."""
    return EXTENSIONS.get(Path(path).suffix.lower(), "txt")


def read(data: bytes, encoding: str | None = None, source_format: str | None = None,
         warn: Callable[[str], None] | None = None) -> Document:
    """Bytes to a document. ``source_format`` names the reader; without it the
    content decides: a JSON object is canonical JSON, anything else newsroom text.
    ``warn`` hears which legacy encoding was detected, when one was."""
    check_reader(source_format)
    text, detected = decode_reporting(data, encoding)
    if detected is not None and warn is not None:
        from bantin.source.legacy import NAMES

        warn(f"encoding detected: {NAMES[detected]} (name it with --encoding to skip detection)")
    if source_format is None:
        source_format = "json" if text.lstrip().startswith("{") else "txt"
    return READERS[source_format](text)
