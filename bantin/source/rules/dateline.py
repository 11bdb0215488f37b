"""Time words that open a sapo ("Sáng 5/8,", "Ngày 10-2,") and full dates.

A date becomes ISO 8601 only when the text gives the year: "5/8" has none and is
never completed by guessing.
"""

from __future__ import annotations

import re

from bantin.model.dates import iso_date_ok

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
# A line that is a page's time stamp: "Thứ Hai, 12/8/2024 - 14:30", "13/05/2017 10:28
# GMT+7", "Cập nhật: 08:15 ngày 2/9/2024" (helper-105: the last two were taken for the
# sapo, and the real one pushed into the body).
_CLOCK = r"\d{1,2}[:h]\d{2}"
_STAMP = re.compile(
    # Labels a page's stamp carries; not "Thời gian:", which times an event (helper-106).
    r"^(?:(?:cập nhật|ngày đăng|đăng lúc|đăng ngày|xuất bản|updated|published)(?: lúc| ngày| vào)?\s*:?\s*)?"
    r"(?:[^\W\d_]+(?: [^\W\d_]+)?, )?"
    rf"(?:{_CLOCK}(?: ?\(?GMT ?[+-]\d{{1,2}}\)?)?\s*(?:[,|–-]\s*)?(?:ngày )?)?"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
    rf"(?:\s*(?:[,|–-]\s*)?{_CLOCK})?(?: ?\(?GMT ?[+-]\d{{1,2}}\)?)?$",
    re.IGNORECASE,
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


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def iso_stamp(text: str) -> str | None:
    """A timestamp already in ISO 8601 ("2024-09-20T23:30:00Z", as feeds and
    crawlers write it), to the minute, or None."""
    m = _ISO.match(text.strip())
    if not m:
        return None
    year, month, day, hour, minute, tz = m.groups()
    out = f"{year}-{month}-{day}"
    if not iso_date_ok(out):  # "2017-02-31" is no day
        return None
    if hour is not None and int(hour) < 24 and int(minute) < 60:
        out += f"T{hour}:{minute}"
        if tz is not None:
            out += "+00:00" if tz == "Z" else f"{tz[:3]}:{tz[-2:]}"
    return out


# A lede that opens on what happened before ("Trước đó, ngày 29/4/2016, bà …", "Như
# đã đưa tin, …"): its date is that earlier event's, not the article's (helper-107).
_EARLIER = re.compile(r"\s*(?:trước đó|trước đây|như (?:đã đưa tin|tin đã đưa|tin tức đã đưa|báo đã đưa tin)"
                      r"|cách đây \d+ (?:năm|tháng|tuần|ngày))\b", re.IGNORECASE)


def lede_date(lede: str) -> str | None:
    """The article's date from the opening of its lede ("Sáng 5/8/2025, …"), unless
    the lede opens on an earlier event."""
    return None if _EARLIER.match(lede) else iso_date(lede[:40])


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

