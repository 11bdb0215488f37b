"""Images an article refers to, read under the sandbox's rules.

A reader opens no network connection and reads nothing outside the input's folder:
a remote image (``http(s)://``, ``//host/…``) is not fetched, and a local one is
read only from inside that folder (no absolute path, no ``file://``, no ``..`` that
leaves it, no symlink out). A refused reference costs the article nothing but the
picture: its alt text and caption stay, and a warning names the reference. The
bytes then pass the same Pillow checks as every image (``bantin.model.images``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from bantin.model import Image
from bantin.model.images import DOCUMENT_PIXELS, MAX_BYTES, Budget, ImageError, load
from bantin.source import addresses

Warn = Callable[[str], None]


class Seen:
    """The pictures one document has read, by real path: a picture referred to 60
    times is read and decoded once, and the pixels a document decodes are bounded.
    ``files`` holds the SHA-256 (``digest``) of each picture file looked for, by
    its path relative to the input's folder, of the very bytes read: what an
    output was made from, for ``--incremental``. ``wanted`` holds the local
    pictures referred to where there was no folder to read them from (a Dask
    worker has the input's bytes only: the client converts such an input itself)."""

    def __init__(self) -> None:
        self.images: dict[str, Image | None] = {}
        self.files: dict[str, str] = {}
        self.budget = Budget(DOCUMENT_PIXELS)
        self.wanted: list[str] = []


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks (a picture too large to use
    may be any size); "" when there is none to read (not there, a folder, a pipe
    that would block, unreadable): a picture that appears later then differs."""
    try:
        if not path.is_file():
            return ""
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except (OSError, ValueError):  # ValueError: a NUL in a hand-edited manifest's path
        return ""


def local_image(ref: str, folder: Path | None, warn: Warn, seen: Seen | None = None) -> Image | None:
    ref = ref.strip()
    shown = ref[:200]
    parts = addresses.split(ref)
    if parts is None:
        warn(f"image reference refused (not a valid address): {shown}")
        return None
    if addresses.remote(ref):
        warn(f"remote image not fetched (a reader opens no network connection): {shown}")
        return None
    if parts.scheme == "data":
        warn(f"inline data image not read: {shown[:60]}")
        return None
    if parts.scheme:  # file://, C:\…, mailto: … whether or not there is a folder
        warn(f"image reference refused ({_scheme_reason(parts.scheme)}): {shown}")
        return None
    if not parts.path:
        # "#top", "?v=2", "": no file is named, wherever the input is (a Dask worker
        # need not send the input back to the client for it).
        warn(f"image reference refused ({_no_path(ref)}, not a file){': ' + shown if shown else ''}")
        return None
    if folder is None:
        if seen is not None:
            seen.wanted.append(ref)
        warn(f"image reference refused: {shown} (no folder to read it from)")
        return None
    rel = unquote(parts.path)
    if "\x00" in rel:
        warn(f"image reference refused (a NUL character in the path): {shown!r}")
        return None
    if os.path.isabs(rel) or rel.startswith(("\\", "/")):
        warn(f"image reference refused (an absolute path): {shown}")
        return None
    root = folder.resolve()
    target = (folder / rel).resolve()
    if target != root and root not in target.parents:
        warn(f"image reference refused (outside the input's folder): {shown}")
        return None
    key = str(target)
    if seen is not None and key in seen.images:
        return seen.images[key]
    data = _read(target, shown, warn)
    if seen is not None:
        # A picture read is recorded as read, not as found later: one changed
        # while the run went on made the output stale (helper-147).
        read = hashlib.sha256(data).hexdigest() if data is not None else digest(target)
        seen.files[os.path.relpath(target, root)] = read
    image = _decode(data, shown, warn) if data is not None else None
    if image is not None and seen is not None and not seen.budget.fits(image):
        warn(f"image {shown} not kept: the document's pictures pass {seen.budget.limit // 1_000_000} megapixels")
        image = None
    if seen is not None:
        seen.images[key] = image
    return image


def _scheme_reason(scheme: str) -> str:
    """Why an address with a scheme other than the web's names no picture beside
    the input: "file:" and a Windows drive ("C:\\Anh\\a.jpg", which urllib reads
    as scheme "c") name a place on some disk; the rest ("mailto:", "javascript:")
    no file at all."""
    if scheme.lower() == "file" or len(scheme) == 1:
        return "an absolute path"
    return f"a {scheme.lower()[:20]}: address, not a file"


def _no_path(ref: str) -> str:
    """What a reference without a path is ("#top", "?v=2", ""), for the warning
    that refuses it."""
    return {"#": "a fragment", "?": "a query alone"}.get(ref[:1], "empty")


def _read(target: Path, shown: str, warn: Warn) -> bytes | None:
    try:
        if not target.is_file():
            # A folder or a pipe (which would block the read) is there but is no picture.
            warn(f"image not a file: {shown}" if target.exists() else f"image not found: {shown}")
            return None
        if target.stat().st_size > MAX_BYTES:
            warn(f"image too large: {shown}")
            return None
        return target.read_bytes()
    except OSError as e:
        warn(f"image not readable: {shown}: {e.strerror or e}")
        return None


def _decode(data: bytes, shown: str, warn: Warn) -> Image | None:
    try:
        return load(data)
    except ImageError as e:
        warn(f"image {shown}: {e}")
        return None
