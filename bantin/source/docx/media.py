"""The pictures a Word document embeds, each read once and checked like any image.

A picture is a relationship from the part that draws it to an image part. A
relationship that is missing, points outside the file (a linked picture: a
reader opens no network connection) or holds bytes that are no image costs only
that picture, with a warning; the rest of the document is read.
"""

from __future__ import annotations

from collections.abc import Callable

from bantin.errors import InputError
from bantin.model import Image
from bantin.model.images import MAX_BYTES, ImageError, load
from bantin.source import addresses
from bantin.source.docx.package import Package, ZipBomb
from bantin.source.sandbox import Seen


class Pictures:
    def __init__(self, package: Package, seen: Seen, warn: Callable[[str], None]) -> None:
        self.package, self.seen, self.warn = package, seen, warn

    def embedded(self, part: str, rid: str) -> Image | None:
        rel = self.package.rels(part).get(rid)
        if rel is None:
            self.warn(f"picture {rid[:40]}: the file has no such relationship; left out")
            return None
        if rel.external:
            self.warn(f"linked picture not read ({_why_not(rel.target)}): {rel.target[:200]}")
            return None
        return self.part(rel.target)

    def linked(self, part: str, rid: str) -> None:
        rel = self.package.rels(part).get(rid)
        if rel is None:
            self.warn(f"linked picture {rid[:40]}: the file has no such relationship; left out")
            return
        self.warn(f"linked picture not read ({_why_not(rel.target)}): {rel.target[:200]}")

    def part(self, name: str) -> Image | None:
        key = f"docx:{name}"
        if key in self.seen.images:
            return self.seen.images[key]
        image = self._load(name)
        if image is not None and not self.seen.budget.fits(image):
            self.warn(f"picture {name} not kept: the document's pictures pass {self.seen.budget.limit // 1_000_000} "
                      "megapixels")
            image = None
        self.seen.images[key] = image
        return image

    def _load(self, name: str) -> Image | None:
        if name not in self.package.names:
            self.warn(f"picture {name}: not in the file; left out")
            return None
        try:
            data = self.package.read(name, MAX_BYTES + 1)
            return load(data or b"")
        except ImageError as e:
            self.warn(f"picture {name}: {e}")
        except ZipBomb:
            raise
        except InputError as e:  # this picture's part is damaged or too large
            self.warn(f"picture {name}: {e}")
        return None


def _why_not(target: str) -> str:
    """Why a picture linked from outside the file is not read: Word links a
    picture on a disk ("file:///C:/Anh/lua.jpg", "..\\Anh\\lua.jpg") as often as
    one on the web, and only the second would need the network."""
    if addresses.remote(target):
        return "a reader opens no network connection"
    return "not in the Word file; a reader opens nothing outside it"
