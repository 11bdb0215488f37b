"""The blocks an article's body is made of."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from bantin.model.text import Text, text_of


@dataclass(frozen=True)
class Heading:
    text: Text
    level: int = 1  # 1 is the highest heading inside an article; the title sits above it


@dataclass(frozen=True)
class Paragraph:
    text: Text


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Text, ...]
    ordered: bool = False
    # Items that already carry their own ordinals ("Thứ nhất, …", "1. …") must not
    # be numbered a second time by an exporter.
    numbered_in_text: bool = False


@dataclass(frozen=True)
class Quote:
    text: Text
    attribution: str | None = None


@dataclass(frozen=True)
class Image:
    """An image's bytes, checked and normalised by ``bantin.model.images``: PNG or JPEG,
    upright (EXIF orientation applied), with its pixel size."""

    data: bytes = field(repr=False)
    media_type: str  # "image/png" or "image/jpeg"
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def extension(self) -> str:
        return ".png" if self.media_type == "image/png" else ".jpg"


@dataclass(frozen=True)
class Figure:
    """A photo with its caption and credit. "Caption" means one thing: the text
    under a figure. A newsroom's "Ảnh: …" line with no picture is a figure whose
    image is None; every format still prints its caption and credit."""

    caption: Text = ()
    credit: str | None = None
    image: Image | None = None
    alt: str = ""


# Deprecated name of 0.2 (a caption line without an image); the block is a Figure.
Caption = Figure


@dataclass(frozen=True)
class Table:
    """Rows of cells; the first ``header_rows`` rows are headers. ``align`` holds
    one entry per column ("left", "right" or "center")."""

    rows: tuple[tuple[Text, ...], ...]
    header_rows: int = 0
    caption: Text = ()
    align: tuple[str, ...] = ()

    @property
    def columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class SectionBreak:
    pass


@dataclass(frozen=True)
class CodeBlock:
    """Lines of code, kept as written (indentation included, tabs expanded by the
    reader): no typographic rule and no line filling ever touches them."""

    lines: tuple[str, ...]
    language: str | None = None


Block = Heading | Paragraph | ListBlock | Quote | Figure | Table | SectionBreak | CodeBlock

# A number as Vietnamese tables print them: 2.900, 1.234,5, -3, 12%, 11/12, 5,2 tỷ.
_NUMERIC = re.compile(r"[-+−]?[\d.,/\s\u00a0]*\d[\d.,/\s\u00a0]*(%|‰)?( ?[^\W\d_]{1,6}\.?)?")


def numeric(text: str) -> bool:
    return bool(text.strip()) and _NUMERIC.fullmatch(text.strip()) is not None


def auto_align(rows: tuple[tuple[Text, ...], ...], header_rows: int) -> tuple[str, ...]:
    """Right for a column whose non-empty body cells are all numbers, else left."""
    width = max((len(r) for r in rows), default=0)
    body = rows[header_rows:]
    out = []
    for c in range(width):
        cells = [text_of(r[c]) for r in body if c < len(r) and text_of(r[c]).strip()]
        out.append("right" if cells and all(numeric(x) for x in cells) else "left")
    return tuple(out)
