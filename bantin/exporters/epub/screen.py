"""Pictures for a phone's screen: the EPUB is read on screens some 1,000 to 2,000
pixels wide, and a camera's 4000×3000 photo made a book of one picture 10.8 MB
(helper-71). A picture wider than ``WIDEST`` pixels goes into the book scaled to
that width, when that makes it smaller (a screenshot's PNG grew 3.4 times, helper-77);
a tall infographic keeps its height, which a reader scrolls. The PDF and the DOCX
keep every picture whole for print."""

from __future__ import annotations

import io

from bantin.model import Image

WIDEST = 2000  # pixels: a tablet's screen at full width, twice a phone's
JPEG_QUALITY = 85


def fit(image: Image) -> Image:
    """``image``, or a copy ``WIDEST`` pixels wide of the same kind when that is
    smaller; the same bytes for the same picture (no time, no metadata)."""
    if image.width <= WIDEST:
        return image
    scaled = _scaled(image)
    return scaled if len(scaled.data) < len(image.data) else image


def _scaled(image: Image) -> Image:
    from PIL import Image as Pil

    scale = WIDEST / image.width
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    with Pil.open(io.BytesIO(image.data)) as im:
        small = im.resize(size, Pil.Resampling.LANCZOS)
    buf = io.BytesIO()
    if image.media_type == "image/jpeg":
        small.convert("RGB").save(buf, "JPEG", quality=JPEG_QUALITY, optimize=False)
    else:
        small.save(buf, "PNG", optimize=False)
    return Image(buf.getvalue(), image.media_type, size[0], size[1])
