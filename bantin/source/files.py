"""An input's bytes: a regular file of at most 50 MB, or standard input.

Only regular files are read: a FIFO or a device would block or never end. The
reader is the one named, else the path's extension; standard input has none, and
its content decides (``bantin.source.read``).
"""

from __future__ import annotations

import errno
import stat
import sys
import unicodedata
from pathlib import Path
from typing import BinaryIO

from bantin.errors import InputError
from bantin.source import kinds
from bantin.source.registry import reader_for

MAX_BYTES = 50 * 2**20  # no article is this long; a larger input is a mistake, read no further


def _read_limited(f: BinaryIO) -> bytes:
    data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 2**20} MB; not an article")
    return data


def _other_form(p: Path) -> str:
    """A hint when the folder holds the name in another Unicode form: "Tết.txt" typed
    (NFC) for a file a Mac named in NFD looks the same in ``ls`` (helper-97)."""
    want = unicodedata.normalize("NFC", p.name)
    try:
        found = next((c.name for c in p.parent.iterdir() if c.name != p.name
                      and unicodedata.normalize("NFC", c.name) == want), None)
    except OSError:
        return ""
    return ("; a file of that name is there, its letters written in another Unicode form (as a Mac writes "
            "them): name its folder, or copy its name from a file manager") if found else ""


def _unexpanded(source: str) -> str:
    """A hint for a name holding a wildcard no shell expanded: a CI job's YAML or
    a Windows prompt passes "tin/*.txt" as it is (helper-137)."""
    if not any(c in Path(source).name for c in "*?["):
        return ""
    return "; its name holds a wildcard no shell expanded: name the folder instead (bantin walks it)"


def load(source: str, source_format: str | None = None) -> tuple[bytes, str | None]:
    """The bytes of a path, or of "-" (standard input), and the reader to use: the
    one named, else a path's extension; ``None`` lets the content decide (stdin)."""
    if source == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            raise InputError("standard input is closed")
        try:
            return _read_limited(stdin), source_format
        except (OSError, ValueError):
            raise InputError("standard input is closed") from None
    p = Path(source)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError("no such file" + (_unexpanded(source) or _other_form(p))) from None
    except OSError as e:
        raise InputError("symlink loop" if e.errno == errno.ELOOP else (e.strerror or str(e))) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file (a FIFO, socket or device); not read")
    if st.st_size > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 2**20} MB; not an article")
    with p.open("rb") as f:
        data = _read_limited(f)
    if source_format is None and reader_for(p) == "txt" and kinds.web_page(data):
        # Its tags would be read as words; --from txt still reads it as text.
        raise InputError("a web page (it starts with <html>), named as text: give --from html to read it as one")
    return data, source_format or reader_for(p)


def name_of(source: str) -> str | None:
    """The input's file name, for a reader that takes a title or a date from it."""
    return None if source == "-" else Path(source).name


def folder_of(source: str) -> Path | None:
    """Where an input's images may be read from: its own folder; none for stdin."""
    return None if source == "-" else Path(source).parent
