"""Pictures at print resolution, for the formats that are printed (PDF, DOCX).

A picture with more pixels than ``PRINT_PPI`` per inch at the size it is set is
scaled down to that: paper cannot show more, and a camera's 24-megapixel photo
went into the DOCX whole (five of them made a 64 MB file, helper-119), as a print
preset in Ghostscript or Acrobat would also scale it.
"""

from __future__ import annotations

import io

from bantin.model import Image, images

PRINT_PPI = 300


def pixels_for(width_pt: float) -> int:
    """The pixels a picture set ``width_pt`` points wide needs on paper."""
    return max(1, round(width_pt / 72 * PRINT_PPI))


def scaled(image: Image, pixels: int) -> bytes:
    """The picture's bytes, scaled down to ``pixels`` wide when it is wider. A JPEG
    that is not scaled keeps its bytes (reportlab writes them into the PDF as
    they are); a scaled one is encoded as the model encodes pictures, a JPEG as
    JPEG, a PNG as PNG (it may hold transparency)."""
    if image.width <= pixels:
        return image.data
    from PIL import Image as Pil

    with Pil.open(io.BytesIO(image.data)) as opened:
        size = (pixels, max(1, round(image.height * pixels / image.width)))
        small = images.flat(opened).resize(size, Pil.Resampling.LANCZOS)
    return images.encode(small, "JPEG" if image.media_type == "image/jpeg" else "PNG").data
