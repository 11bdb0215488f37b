"""The one check of what bantin accepts as a date: the extended ISO 8601 calendar
form ("2025-08-05", optionally with a time and an offset), and a real day; or a
month or a year alone ("2025-08", "2025"), as a draft states its date.

Week dates ("2025-W32-2") and the basic form ("20250805") are refused although
Python parses them: every exporter prints the date as "ngày 05 tháng 8 năm 2025"
and reads its parts by position.

A time with an offset names an instant; the day printed is that instant's day in
Vietnam (``local_day``), where the briefing is read: a JSON-LD
"2016-09-20T23:30:00Z" is the morning of 21/9 in Hà Nội, not 20/9. The model keeps
the value as the source gave it.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

# Vietnam time (ICT): UTC+7 all year, no daylight saving since 1975.
VIETNAM = timezone(timedelta(hours=7))

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
# A weekday as Vietnamese writes it before a date ("Thứ Hai, 5/8/2025", "Chủ nhật"):
# what the Word and web readers know of a page's or a paper's time stamp.
WEEKDAY = re.compile(r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\b", re.IGNORECASE)
# ISO 8601's reduced precision: a month ("2025-08") or a year ("2025") alone, as a
# draft is dated before it is signed ("ngày    tháng 8 năm 2025").
_REDUCED = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2}))?")


def iso_date_ok(value: str) -> bool:
    if value.startswith("0000"):
        return False
    reduced = _REDUCED.fullmatch(value)
    if reduced is not None:
        return reduced["m"] is None or 1 <= int(reduced["m"]) <= 12
    if not _ISO.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def local_day(value: str) -> str:
    """The "YYYY-MM-DD" a reader in Vietnam calls the date of ``value``: its own
    date when it has no time or no offset (a newsroom's local time), else its
    instant's date in UTC+7; a month or a year alone as it is."""
    day = value[:10]
    if len(value) <= 10 or not re.search(r"(?:Z|[+-]\d{2}:?\d{2})$", value):
        return day
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return day
    return _in_vietnam(when).date().isoformat()


def _in_vietnam(when: datetime) -> datetime:
    """``when`` in Vietnam time; as given when that falls past year 9999 or before
    year 1 ("9999-12-31T23:00:00-05:00"), which Python cannot hold (helper-163: an
    internal error in every reader and writer that printed such a date)."""
    try:
        return when.astimezone(VIETNAM)
    except OverflowError:
        return when


def names_day(text: str, iso: str) -> bool:
    """Does "Sáng 5/8" (or "05/08/2025") name the day of "2025-08-05"?"""
    if len(iso) < 10 or not iso[:10].replace("-", "").isdigit():
        return False
    day, month = int(iso[8:10]), int(iso[5:7])
    return re.search(rf"(?<!\d)0?{day}/0?{month}(?!\d)", text) is not None


def beside_day(text: str, iso: str) -> str:
    """The time of day a dateline's time gives besides the day of ``iso``: "Chiều"
    of "Chiều 20/5", "14:30" of "12/08/2024 14:30 GMT+7"; "" when it says anything
    else (a label, a second day, "Sáng nay (5/8)"'s brackets: helper-106)."""
    day, month = int(iso[8:10]), int(iso[5:7])
    rest = re.sub(rf"(?<!\d)(?:ngày\s+)?0?{day}/0?{month}(?:/\d{{2,4}})?(?!\d)", " ", text, flags=re.IGNORECASE)
    rest = _LABEL.sub("", _ZONE.sub(" ", WEEKDAY.sub(" ", rest)).strip())
    rest = " ".join(re.sub(r"[,–-]", " ", rest).split())
    if PART_OF_DAY.fullmatch(rest):
        return rest
    clock = _CLOCK.fullmatch(rest)
    return f"{int(clock[1]):02d}:{clock[2]}" if clock else ""


PART_OF_DAY = re.compile(r"(?:rạng sáng|sáng sớm|sáng|trưa|chiều|chiều tối|tối|đêm|khuya)", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2})[:h](\d{2})")
# A page stamp's label ("Cập nhật: 08:15 ngày 2/9/2024"): its clock is the time (helper-110).
_LABEL = re.compile(r"^(?:cập nhật|ngày đăng|đăng lúc|đăng ngày|xuất bản|updated|published)"
                    r"(?: lúc| ngày| vào)?\s*:?\s*", re.IGNORECASE)
_ZONE = re.compile(r"\(?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}\s*\)?", re.IGNORECASE)


def local_clock(value: str) -> str:
    """The hour and minute of ``value`` as Vietnam reads them ("14:30"), or "" when
    it gives no time."""
    if len(value) <= 10:
        return ""
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if (when.hour, when.minute) == (0, 0):
        return ""  # a day stored as its midnight, in any zone, as feeds do: no time of its own (helper-106, -108)
    if when.tzinfo is not None:
        when = _in_vietnam(when)
        if (when.hour, when.minute) == (0, 0):
            return ""  # "…T17:00:00Z", the midnight of a day in Vietnam (helper-110)
    return f"{when.hour:02d}:{when.minute:02d}"
