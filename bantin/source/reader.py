"""The reader interface: a name, the file extensions it claims, and one function
from (bytes, context) to a document. Readers are plug-ins of the
``bantin.readers`` entry-point group, like the exporters."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bantin.model import Document
from bantin.source.decode import decode_reporting
from bantin.source.legacy import NAMES
from bantin.source.sandbox import Seen


def _ignore(_msg: str) -> None:
    pass


@dataclass(frozen=True)
class Context:
    """What a reader may use besides the bytes: the encoding asked for (None:
    auto), the input's folder (the only place local images are read from; None
    for standard input), where warnings go, and the pictures already read."""

    encoding: str | None = None
    folder: Path | None = None
    warn: Callable[[str], None] = field(default=_ignore)
    # The pictures this document has read (each once), and how many pixels.
    seen: Seen = field(default_factory=Seen)
    # The input's file name ("2025-08-05-hop-bao.md"), for a reader that takes a
    # title or a date from it when the document states none; None for stdin.
    name: str | None = None
    # Outlet codes and names to read over the built-in table (a style sheet's [outlets]).
    outlets: Mapping[str, str] = field(default_factory=dict)

    def text(self, data: bytes, mend: bool = True, separators: bool = True) -> str:
        """The bytes decoded as ``encoding`` asks; a detected legacy encoding and
        whatever was mended are reported, never silent. ``mend=False`` for data a
        program wrote, ``separators=False`` to keep the line and page separators
        where they are (``decode.decode_reporting``)."""
        decoded = decode_reporting(data, self.encoding, mend, separators)
        if decoded.detected is not None and not decoded.notes:
            self.warn(f"encoding detected: {NAMES.get(decoded.detected, decoded.detected.upper())} "
                      "(name it with --encoding to skip detection)")
        for note in decoded.notes:
            self.warn(note)
        return decoded.text


@dataclass(frozen=True)
class Reader:
    name: str
    extensions: tuple[str, ...]  # with the dot: (".md", ".markdown")
    read: Callable[[bytes, Context], Document]
    description: str = ""
    # Whether its bytes are text in the encoding asked for (``Context.text``); a
    # Word file holds Unicode, and its legacy fonts say what they are.
    decodes: bool = True


QUOTED = 20_000  # characters of a dropped text a warning quotes: a site's footer whole, not a megabyte


def dropped(what: str, text: str) -> str | None:
    """The warning for text a reader dropped, quoted enough to find it in the file
    (a repeated sapo may be a megabyte long); None when there is no text."""
    text = " ".join(text.split())
    return f"dropped {what}: “{text if len(text) <= QUOTED else text[:QUOTED - 1] + '…'}”" if text else None


def distinct_tags(tags: Iterable[str], repeated: Callable[[str], None] | None = None) -> tuple[str, ...]:
    """Tags as listed, each once: a tag repeated in another case ("bóng đá, Bóng
    đá") is the same tag, and its first spelling stays. ``repeated`` hears each
    repeat left out, for a reader that reports every word it drops."""
    seen: dict[str, str] = {}
    for t in tags:
        t = " ".join(t.split())
        if t and t.casefold() not in seen:
            seen[t.casefold()] = t
        elif t and repeated is not None:
            repeated(t)
    return tuple(seen.values())
