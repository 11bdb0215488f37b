"""Image bytes in, a checked ``Image`` out: the one gate every picture passes.

Readers and the JSON loader both call ``load``. Pillow decodes the whole image
(a header alone can lie), its decompression-bomb guard stays on, EXIF orientation
is applied, and formats that not every target can hold (WebP, GIF, TIFF, BMP) are
re-encoded as PNG. The result depends only on the input bytes, so the same input
gives the same file in every format.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import Any

from bantin.errors import InputError
from bantin.model import Image

MAX_BYTES = 20 * 1024 * 1024
# Pillow warns at MAX_IMAGE_PIXELS and raises at twice that; a press photo is a few
# megapixels, so anything above this is refused outright rather than warned about.
MAX_PIXELS = 40_000_000
# A phone's 48- or 108-megapixel JPEG is read at a half, a quarter or an eighth of
# its size, which a JPEG decodes to directly (Pillow's draft mode, without the
# memory of the whole): it was refused as a decompression bomb (helper-119). Under
# Pillow's own limit, past which it refuses to open a picture at all.
MAX_JPEG_PIXELS = 150_000_000
# An MPO (a phone's photo with a depth or HDR image after it) is a JPEG whose first
# picture every reader shows: kept as it is, not made a PNG twice its size.
KEPT = {"PNG": "image/png", "JPEG": "image/jpeg", "MPO": "image/jpeg"}
# The modes a kept picture may be in: what reportlab, python-docx and a phone's
# reader all draw as they are. A 16-bit grey PNG (drawn white in the PDF) or a CMYK
# or Adobe RGB JPEG (pink or inverted on a phone) is made again, as RGB or grey.
_KEPT_MODES = {"image/png": ("1", "L", "LA", "P", "RGB", "RGBA"), "image/jpeg": ("L", "RGB")}
# JPEG's APP0 segment, JFIF 1.01 with no density and no thumbnail.
_JFIF = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
# The formats Pillow may open. Pillow otherwise tries every plugin it has, and its
# EPS plugin runs Ghostscript on the bytes: an EPS named x.png would reach it.
ALLOWED = ("PNG", "JPEG", "GIF", "WEBP", "TIFF", "BMP")
# How the files of those formats begin (WebP's "RIFF" is followed by "WEBP" at byte 8).
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"BM")


DOCUMENT_PIXELS = 200_000_000  # decoded pixels of distinct pictures one document may hold


class ImageError(InputError):
    """Bytes that are not an image bantin can put in every format."""


class Budget:
    """The decoded pixels of the distinct pictures one document holds, bounded
    (``DOCUMENT_PIXELS``): the one count every reader keeps, whether it warns and
    leaves a picture out or refuses the document."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = DOCUMENT_PIXELS if limit is None else limit
        self.pixels = 0

    def fits(self, image: Image) -> bool:
        """Whether ``image`` fits in what is left, counting it when it does."""
        if self.pixels + image.width * image.height > self.limit:
            return False
        self.pixels += image.width * image.height
        return True


class Embedded:
    """The pictures a canonical document embeds, decoded once each: a picture
    placed in 100 figures is 100 copies of the same base64, and decoding each
    took 40 s for one 38-megapixel photo. An article's distinct pictures are
    bounded as a reader bounds one input's (``DOCUMENT_PIXELS``); the articles of
    a briefing share what is decoded, each with its own budget (``sibling``), so
    a briefing bantin wrote from many inputs reads back."""

    def __init__(self, decoded: dict[str, tuple[str, Image]] | None = None) -> None:
        self._decoded = decoded if decoded is not None else {}
        self._counted: set[str] = set()
        self.budget = Budget()

    def sibling(self) -> Embedded:
        """The pictures of another article of the same file."""
        return Embedded(self._decoded)

    def known(self, digest: str, data: str) -> Image | None:
        """The image already decoded from this very base64 text, counted here."""
        seen = self._decoded.get(digest)
        if seen is None or seen[0] != data:
            return None
        self._count(digest, seen[1])
        return seen[1]

    def add(self, digest: str, data: str, image: Image) -> None:
        self._count(digest, image)
        self._decoded[digest] = (data, image)

    def _count(self, digest: str, image: Image) -> None:
        if digest in self._counted:
            return
        if not self.budget.fits(image):
            raise ImageError(f"the article's pictures pass {self.budget.limit // 1_000_000} megapixels")
        self._counted.add(digest)


def load(data: bytes) -> Image:
    """Decode, check and normalise ``data``; raise ``ImageError`` with the reason."""
    from PIL import Image as Pil

    if len(data) > MAX_BYTES:
        raise ImageError(f"image of {len(data)} bytes is larger than the {MAX_BYTES} allowed")
    # Pillow warns of a picture past its own limit on stderr, in its words and with
    # its path (helper-66); the size is refused below with the reason, in ours.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Pil.DecompressionBombWarning)
        return _checked(data)


def _checked(data: bytes) -> Image:
    from PIL import Image as Pil
    from PIL import ImageOps, UnidentifiedImageError

    try:
        with Pil.open(io.BytesIO(data), formats=ALLOWED) as check:
            # Chunk structure and checksums (a PNG that ends before its IEND decodes,
            # and then fails in python-docx); verify() spends the image, so it is
            # opened again to decode.
            check.verify()
        with Pil.open(io.BytesIO(data), formats=ALLOWED) as probe:
            fmt = probe.format or ""
            pixels = probe.width * probe.height
            if pixels > MAX_PIXELS and (fmt not in ("JPEG", "MPO") or pixels > MAX_JPEG_PIXELS):
                raise ImageError(f"image of {probe.width}×{probe.height} pixels is larger than bantin reads "
                                 f"({MAX_PIXELS // 1_000_000} megapixels, a JPEG {MAX_JPEG_PIXELS // 1_000_000})")
            reduced = pixels > MAX_PIXELS
            if reduced:
                scale = next(r for r in (2, 4, 8) if pixels <= MAX_PIXELS * r * r)
                probe.draft("RGB", (probe.width // scale, probe.height // scale))
            probe.load()  # decodes every pixel: truncated data fails here, not in a writer
            orientation = probe.getexif().get(0x0112, 1)
            if fmt in KEPT and orientation in (None, 1) and not reduced and _keeps(probe, data):
                return Image(_first(data, probe), KEPT[fmt], probe.width, probe.height)
            upright = ImageOps.exif_transpose(probe)
            # A lossless WebP (a screenshot, a chart: its data is VP8L) stays lossless.
            return encode(upright, "PNG" if fmt == "WEBP" and b"VP8L" in data[:4096] else fmt)
    except ImageError:
        raise
    except Pil.DecompressionBombError as e:
        # Pillow refuses past twice its own limit before the size can be read here;
        # its message ("could be decompression bomb DOS attack") is not the user's.
        size = re.search(r"\((\d+) pixels\)", str(e))
        counted = f" of {int(size.group(1)):,} pixels" if size else ""
        raise ImageError(f"image{counted} is a possible decompression bomb") from None
    except UnidentifiedImageError:
        if data.startswith(_SIGNATURES) or data[8:12] == b"WEBP":
            # Pillow cannot tell a PNG whose header fails its checksum from no image.
            raise ImageError("damaged image: its header does not read as the kind it names") from None
        raise ImageError(f"not an image of a kind bantin reads ({', '.join(ALLOWED)})") from None
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise ImageError(f"damaged image: {e}") from None


def _keeps(probe: Any, data: bytes) -> bool:
    """Whether the picture goes into the outputs as its own bytes: a PNG or JPEG in
    a mode every writer draws as it is. An Adobe JPEG without JFIF or Exif may hold
    untransformed RGB, which a JFIF segment would misname: it is made again."""
    if probe.mode not in _KEPT_MODES[KEPT[probe.format]]:
        return False
    return probe.format == "PNG" or _named(data) or "adobe" not in probe.info


def _first(data: bytes, probe: Any) -> bytes:
    """The bytes of a kept picture as every writer takes them. A JPEG whose first
    segment is neither JFIF nor Exif (one saved without them, a scanner's) is
    refused by python-docx, which finds a JPEG by those words alone: a JFIF
    segment is put first, the pixels untouched. An MPO is its first picture
    alone: the depth map or the second eye after it would double every output."""
    if probe.format == "MPO":
        entries = (getattr(probe, "mpinfo", None) or {}).get(0xB002) or []
        size = entries[0].get("Size", 0) if entries else 0
        if 0 < size < len(data) and data[size - 2:size] == b"\xff\xd9":
            data = data[:size]
    if probe.format in ("JPEG", "MPO") and not _named(data):
        data = data[:2] + _JFIF + data[2:]
    return data


def _named(data: bytes) -> bool:
    """A JPEG whose first segment names it, JFIF or Exif: how python-docx finds one."""
    return data[6:10] in (b"JFIF", b"Exif")


def flat(im: Any) -> Any:
    """``im`` in a mode that can be resampled and saved as PNG: a palette or a CMYK
    picture as RGB, as RGBA when it has transparency; a 16-bit grey one (a
    scanner's) as 8-bit grey, each value scaled, not clipped to white."""
    if im.mode in ("RGB", "RGBA", "L", "LA"):
        return im
    if im.mode.startswith("I"):
        return im.convert("I").point(lambda v: v / 256).convert("L")
    return im.convert("RGBA" if "A" in im.mode or "transparency" in im.info else "RGB")


def encode(im: object, fmt: str) -> Image:
    """``im`` (a Pillow image) as JPEG or PNG bytes, the same way every time."""
    from PIL import Image as Pil

    assert isinstance(im, Pil.Image)
    buf = io.BytesIO()
    # A rotated JPEG stays a JPEG: PNG would make a photo five times larger. So
    # does a WebP photo without transparency, the sites' own: made a PNG, a 386 KB
    # photo was 3.3 MB in each output (helper-119).
    photo = fmt == "WEBP" and "A" not in im.mode and "transparency" not in im.info
    if fmt in ("JPEG", "MPO") or photo:
        im.convert("RGB").save(buf, "JPEG", quality=90, optimize=False)
        media = "image/jpeg"
    else:
        # No metadata chunks (times, software names): the bytes depend on the pixels.
        flat(im).save(buf, "PNG", optimize=False)
        media = "image/png"
    return Image(buf.getvalue(), media, im.width, im.height)
