"""What bantin's own Word files say in their own styles, read back: an editor who
revises a bantin DOCX in Word and converts it again keeps its outlet, dateline,
date, byline, source address and keywords as fields, not as body text.

- "Masthead": "Báo Mẫu (BM) · CẦN THƠ, Sáng 12/3 · ngày 12 tháng 9 năm 2025", the
  outlet, the dateline and the date (``exporters.labels.meta_line`` writes it);
- "Source Note": "Nguồn: <address>" and "Từ khóa: a, b" under the byline, and the
  empty one that keeps two tables apart;
- "Byline" after the body (``styles.ROLES`` reads it as an author);
- "Figure Placeholder" ("[Ảnh]" where a picture was missing) and "Quote
  Attribution" are handled where blocks are assembled.
"""

from __future__ import annotations

import re

from bantin.model import Dateline, Outlet
from bantin.model.labels import SEPARATOR, SOURCE, TAGS

_OUTLET = re.compile(r"(?P<name>.+?) \((?P<code>[^()]+)\)")
_FIELD = re.compile(rf"(?P<label>{SOURCE}|{TAGS}|Từ khoá)\s*:\s*(?P<value>.+)")


def masthead(text: str) -> tuple[Outlet | None, Dateline | None, str | None]:
    """The outlet, the dateline and the words of the date of a masthead line."""
    outlet, dateline, date = None, None, None
    for n, part in enumerate(p.strip() for p in text.split(SEPARATOR)):
        if not part:
            continue
        if part.startswith("ngày "):
            date = part
            continue
        place, comma, time = part.partition(", ")
        # The outlet comes first; a first part in capitals with a space or a time
        # ("HÀ NỘI", "HUẾ, Sáng 5/8") is a dateline with no outlet before it.
        if n > 0 or (place == place.upper() and (comma or " " in place) and not _OUTLET.fullmatch(part)):
            dateline = Dateline(place or None, time or None)
            continue
        m = _OUTLET.fullmatch(part)
        outlet = Outlet(code=m["code"], name=m["name"]) if m else Outlet(name=part)
    return outlet, dateline, date


def source_field(text: str) -> tuple[str, str] | None:
    """("url", address) or ("tags", "a, b") for a source note's line, else None."""
    m = _FIELD.fullmatch(text.strip())
    if m is None:
        return None
    return ("url" if m["label"] == SOURCE else "tags"), m["value"].strip()
