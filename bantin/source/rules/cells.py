"""The cells of a table row copied as one line of text: parted by tabs or a wide
gap, as Word copies a header's two columns ("SỞ Y TẾ⇥Độc lập - Tự do - Hạnh phúc")
or a signature's ("Nơi nhận:⇥KT. GIÁM ĐỐC")."""

from __future__ import annotations

import re

_CELLS = re.compile(r"\t+|\s{3,}")
# A draft leaves its number and its day blank, to be written in by hand ("Số:      /BYT-KCB",
# "ngày      tháng 8 năm 2025"): such a blank is no gap between two cells.
_BLANKED = re.compile(r"(?:số\s*:|ngày|tháng)\s*$", re.IGNORECASE)
_FILLED = re.compile(r"/|tháng\b|năm\b", re.IGNORECASE)


def cells(line: str) -> list[str]:
    """The cells copied onto one line, parted by tabs or a wide gap."""
    out: list[str] = []
    for part in (p.strip() for p in _CELLS.split(line)):
        if out and _BLANKED.search(out[-1]) and _FILLED.match(part):
            out[-1] += " " + part
        else:
            out.append(part)
    return out
