"""Photo captions: "Ảnh: …", "(Ảnh: Vi Thảo)", or a description ending with its credit."""

from __future__ import annotations

import re

from bantin.model import Block, Caption, plain

_CREDIT_AT_END = re.compile(
    r"^(?P<text>.*?)\s*(?P<open>[(\[])?\s*Ảnh\s*:\s*(?P<credit>[^()\[\]:]{1,60}?)\s*[)\]]?\s*\.?$"
)
_STARTS = re.compile(r"^[(\[]?\s*Ảnh\b")


def _short(credit: str) -> bool:
    return 0 < len(credit.split()) <= 8 and not re.search(r"[.!?]\s", credit)


def match(lines: list[str], i: int) -> tuple[Block, int] | None:
    line = lines[i]
    m = _CREDIT_AT_END.match(line)
    if m and _short(m.group("credit")):
        text, credit = m.group("text").strip(), m.group("credit").strip()
        # A sentence that merely mentions a photo mid-paragraph is not a caption:
        # the credit must close the line, and a bare description must be short.
        if m.group("open") or not text or len(text) <= 300:
            return Caption(plain(text), credit), 1
    if _STARTS.match(line) and len(line) <= 300:
        return Caption(plain(line)), 1
    return None
