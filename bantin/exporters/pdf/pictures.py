"""Pictures in the PDF: each distinct picture decoded once per document, and
drawn at no more than print resolution (``printed``).

reportlab's ``Image`` flowable decodes its picture and hashes the decoded
pixels at every draw to find the PDF object it already wrote, so one 40-megapixel
photo used 60 times took 50 s. Here one ``ImageReader`` per picture is shared by
every place that draws it (reportlab keeps its decoded pixels), and a picture
with more pixels than 300 per inch at the size it is set is first scaled down to
that: the page cannot show more, and the file and every later draw shrink with
it (what a print preset in Ghostscript or Acrobat does too).
"""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from bantin.exporters.printed import pixels_for, scaled
from bantin.model import Image


class Drawn(Flowable):
    """A picture of a fixed size, drawn from a reader shared with its other uses."""

    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.reader, self.width, self.height = reader, width, height
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


class Pictures:
    """The readers of one document's pictures, by their bytes and set width."""

    def __init__(self) -> None:
        self.readers: dict[tuple[bytes, int], ImageReader] = {}

    def flowable(self, image: Image, width: float, height: float) -> Drawn:
        pixels = pixels_for(width)
        key = (image.data, min(pixels, image.width))
        if key not in self.readers:
            self.readers[key] = ImageReader(io.BytesIO(scaled(image, pixels)))
        return Drawn(self.readers[key], width, height)
