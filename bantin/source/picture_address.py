"""The real address of an ``<img>``: lazy loaders keep it in ``data-src``,
``data-original`` or a ``srcset`` (the image's own, or a ``<source>`` of the
``<picture>`` around it) and put a placeholder in ``src``.

Shared by the web page reader (``html.pictures``) and the raw HTML of a Markdown
file (``fragment``, ``markdown.inline``): a page saved as Markdown keeps its
lazy pictures as written (helper-165: the placeholder was the picture, and a
``srcset`` alone was no picture at all). The address found is read under the
sandbox's rules like any other (``sandbox.local_image``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

LAZY = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-full-src", "data-echo")
SRCSETS = ("data-srcset", "srcset")
PLACEHOLDER = re.compile(r"(?i)^data:|blank|placeholder|spacer|1x1|pixel|loading|lazy[-_.]?load|grey\.gif|empty")


def srcset_first(value: str | None) -> str | None:
    """The first address a ``srcset`` offers ("a-320.jpg 320w, a-800.jpg 800w")."""
    if not value:
        return None
    first = value.split(",")[0].strip().split()
    return first[0] if first else None


def file_name(src: str) -> str:
    """What an address says of its picture: its file's name, not the folders it is in
    (a page saved as "Vinamilk thay đổi logo … _files/a.jpg" or "Google Pixel 9 …
    _files/b.jpg" lost its photos as logos and placeholders, helper-111)."""
    if src.startswith("data:"):
        return src
    return src.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def address(get: Callable[[str], str | None], sources: Iterable[str | None] = ()) -> str:
    """The real address of an image whose attributes ``get`` gives, lazy loaders'
    placeholders skipped; ``sources`` are the ``srcset`` of the ``<source>``
    elements of its ``<picture>``, looked at last (a generator is read only then)."""
    src = (get("src") or "").strip()
    if src and not PLACEHOLDER.search(file_name(src)):
        return src
    for attr in LAZY:
        value = (get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    for attr in SRCSETS:
        found = srcset_first(get(attr))
        if found and not found.startswith("data:"):
            return found
    for written in sources:
        found = srcset_first(written)
        if found:
            return found
    return src


def source_set(get: Callable[[str], str | None]) -> str | None:
    """The addresses a ``<source>`` of a ``<picture>`` offers, a lazy loader's first."""
    return get("data-srcset") or get("srcset")


def picture_sources(img: Any) -> Iterator[str | None]:
    """The ``srcset`` of each ``<source>`` of the ``<picture>`` an lxml ``<img>`` is in
    (lxml may nest the ``<img>`` inside the ``<source>`` it follows)."""
    picture = next((a for a in islice(img.iterancestors(), 2) if a.tag == "picture"), None)
    if picture is not None:
        for source in picture.iter("source"):
            yield source_set(source.get)


def resolve(img: Any) -> str:
    """The real address of an lxml ``<img>``."""
    return address(img.get, picture_sources(img))
