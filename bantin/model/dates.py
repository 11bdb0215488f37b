"""The one check of what bantin accepts as a date: the extended ISO 8601 calendar
form ("2025-08-05", optionally with a time and an offset), and a real day.

Week dates ("2025-W32-2") and the basic form ("20250805") are refused although
Python parses them: every exporter prints the date as "ngày 05 tháng 8 năm 2025"
and reads its parts by position.
"""

from __future__ import annotations

import re
from datetime import datetime

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def iso_date_ok(value: str) -> bool:
    if not _ISO.fullmatch(value) or value.startswith("0000"):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
