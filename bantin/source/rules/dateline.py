"""Time words that open a sapo ("Sáng 5/8,", "Ngày 10-2,") and full dates.

A date becomes ISO 8601 only when the text gives the year: "5/8" has none and is
never completed by guessing.
"""

from __future__ import annotations

import re

_PERIODS = (
    "Rạng sáng", "Sáng sớm", "Sáng nay", "Chiều nay", "Tối nay", "Trưa nay", "Tối qua", "Đêm qua", "Chiều qua",
    "Sáng qua", "Chiều tối", "Hôm nay", "Hôm qua", "Sáng", "Trưa", "Chiều", "Tối", "Đêm", "Khuya", "Ngày",
)
_PERIOD = "(?:" + "|".join(_PERIODS) + ")"
_DAY = r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?"
_OPENING = re.compile(rf"^(?P<time>{_PERIOD}(?: (?:ngày|hôm) )? ?(?:\(?{_DAY}\)?)?|{_DAY})(?=[,:])")
_FULL = re.compile(
    r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\D{1,3}(\d{1,2})[:h](\d{2}))?(?:.*?GMT ?([+-]\d{1,2}))?"
)
_STAMP = re.compile(
    r"^(?:[^\W\d_]+(?: [^\W\d_]+)?, )?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
    r"(?:,? \d{1,2}[:h]\d{2})?(?: ?\(?GMT ?[+-]\d{1,2}\)?)?$"
)


def opening_time(lede: str) -> str | None:
    m = _OPENING.match(lede)
    if not m:
        return None
    t = m.group("time").strip()
    return t if any(ch.isdigit() for ch in t) or " " in t else None


def is_timestamp(line: str) -> bool:
    """A line that is only a publication date/time, e.g. "13/05/2017 10:28 GMT+7"."""
    return bool(_STAMP.match(line.strip()))


def iso_date(text: str) -> str | None:
    m = _FULL.search(text)
    if not m:
        return None
    day, month, year, hour, minute, tz = m.groups()
    d, mo = int(day), int(month)
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    out = f"{int(year):04d}-{mo:02d}-{d:02d}"
    if hour is not None and int(hour) < 24 and int(minute) < 60:
        out += f"T{int(hour):02d}:{int(minute):02d}"
        if tz is not None:
            out += f"{int(tz):+03d}:00"
    return out
