"""A picture's alternative text, kept only when it describes the picture.

Publishing systems fill ``alt`` (and Word its "description") with what the
editor never wrote: the file's name ("flc vietnamnet.jpg", "image1.png"), a
counter ("Picture 3", "Ảnh 2"), or the headline with a counter ("<headline> –
Ảnh 1.", as the CMS behind Người Lao Động and Tuổi Trẻ writes it); Office adds
"Description automatically generated" to the description it writes itself. Where the
picture is missing, every format prints the alt text in its place, and such text
would print a file name or the headline again; an e-reader would speak it.
"""

from __future__ import annotations

import re

# A file's name: no sentence ends in ".jpg".
_FILE = re.compile(r"(?i)\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|svg|heic)$")
# Only a counter or a stand-in: "Picture 3", "Hình 2", "Ảnh minh họa", "IMG_20250814_093012",
# "Screenshot 2025-08-14 at 09.30.12", Notion's "Untitled", a credit alone ("Ảnh: Hoàng Hà"; "Ảnh: Người dân sơ tán
# khỏi vùng lũ …" describes the picture), or no word at all.
_COUNTER = re.compile(r"(?i)^(?:(?:ảnh|hình|hình ảnh|photo|image|picture|img|pic|figure|fig\.?|dscn?)"
                      r"(?:\s+minh\s+h(?:ọa|oạ))?[\s_-]*\d*(?:[_-]\d+)*\.?"
                      r"|untitled(?:[\s_-]*\d+)?|screenshot\b.*|(?:ảnh|photo|nguồn)\s*:(?:\s*\S+){0,4}|[\W_]*)$")
# The counter a CMS appends to the headline: " – Ảnh 1.", " - ảnh 2".
_NUMBERED = re.compile(r"\s*[-–—]\s*(?:ảnh|hình)\s*\d+\s*\.?$", re.IGNORECASE)
# What Office appends to the alt text it writes itself: the description stays.
_GENERATED = re.compile(r"\s*(?:Description automatically generated(?: with (?:low|medium|high) confidence)?"
                        r"|Mô tả (?:được )?tạo tự động(?: với độ tin cậy (?:thấp|trung bình|cao))?)\.?$",
                        re.IGNORECASE)


def alt_text(alt: str) -> str:
    """The alt text on one line, or "" when it names a file or only counts.
    "<headline> – Ảnh 1." keeps the headline: ``model.labels.repeats`` then drops
    it where the caller knows the headline."""
    alt = _GENERATED.sub("", " ".join(alt.split()))
    if _FILE.search(alt) or _COUNTER.match(alt):
        return ""
    return _NUMBERED.sub("", alt)

