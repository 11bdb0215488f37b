"""A cache on disk for work every process would otherwise redo at start-up: the font
subsets embedded in DOCX and EPUB, each font's character map and name, and the
prepared Word template.

A CI job starts a fresh process per run, and these cost about 0.2 s of fontTools
and python-docx work before the first article. Entries are addressed by everything
the result depends on (the font's bytes, the characters, the library versions, the
source of the code that makes them), so a cached result is byte-identical to a
fresh one and a change to any input simply misses. A payload is stored behind its
own SHA-256 and written under a temporary name, then renamed: a torn or damaged
entry is never used, only recomputed. The cache is an optimisation and nothing
more: an unwritable or missing directory means the work is done in memory.

``BANTIN_CACHE_DIR`` names the directory; set it empty (or to ``off``) to turn the
cache off. The default is ``$XDG_CACHE_HOME/bantin``, else ``~/.cache/bantin``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from bantin._version import __version__

ENV = "BANTIN_CACHE_DIR"


def directory() -> Path | None:
    """Where entries live, or None when the cache is off."""
    named = os.environ.get(ENV)
    if named is not None:
        return None if named.strip().lower() in ("", "off", "0", "no") else Path(named).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bantin"


def key(*parts: bytes | str) -> str:
    """A hex digest of the parts, each length-prefixed so that no two lists of
    parts can spell the same key."""
    h = hashlib.sha256(__version__.encode())
    for p in parts:
        b = p.encode("utf-8") if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "big"))
        h.update(b)
    return h.hexdigest()


@lru_cache(maxsize=16)
def source_of(*files: str | Path) -> bytes:
    """The bytes of the source files that make an entry, as part of its key: an
    edited module must never be served what its old version made. Read once per
    process: a module does not change under a running program."""
    return b"".join(Path(f).read_bytes() for f in files)


def cached(kind: str, digest: str, make: Callable[[], bytes]) -> bytes:
    """The entry ``kind/digest``, made and stored when it is missing or damaged."""
    root = directory()
    if root is None:
        return make()
    path = root / kind / digest[:2] / digest
    try:
        stored = path.read_bytes()
    except OSError:
        stored = b""
    if len(stored) >= 32 and hashlib.sha256(stored[32:]).digest() == stored[:32]:
        return stored[32:]
    data = make()
    _store(path, hashlib.sha256(data).digest() + data)
    return data


def _store(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return  # a read-only home or a full disk: the result is still returned
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
