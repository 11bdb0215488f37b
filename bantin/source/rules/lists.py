"""Lists: enumerations in words ("Thứ nhất, …"), numbered lines, and bulleted lines.

Items keep their own words. Ordinal words and source numbers stay in the text and
the list is marked as numbered in the text, so no exporter counts them again.
"""

from __future__ import annotations

import re

from bantin.model import Block, ListBlock, ListItem, Paragraph, plain

_ORDINAL = re.compile(r"^Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b\s*[,:]", re.I)
_NUMBERED = re.compile(r"^(?:\d{1,2}|[a-zđ])[.)]\s+\S")
_BULLET = re.compile(r"^[-–—•●▪+*]\s+(?=\S)")


def opens_item(line: str) -> bool:
    """Whether the line opens a numbered or bulleted item ("1. …", "a) …", "- …")."""
    return bool(_NUMBERED.match(line) or _BULLET.match(line))


def _item(line: str) -> ListItem:
    return ListItem((Paragraph(plain(line)),))


def _run(lines: list[str], i: int, pattern: re.Pattern[str]) -> int:
    j = i
    while j < len(lines) and pattern.match(lines[j]):
        j += 1
    return j - i


def ordinal(lines: list[str], i: int) -> tuple[Block, int] | None:
    n = _run(lines, i, _ORDINAL)
    if n < 2:
        return None
    return ListBlock(tuple(_item(x) for x in lines[i : i + n]), ordered=True, numbered_in_text=True), n


def numbered(lines: list[str], i: int) -> tuple[Block, int] | None:
    # Numbered lines standing alone are usually numbered subheadings ("1. Thiếu
    # thốn xảy ra trên cả nước"), so a list needs two in a row.
    n = _run(lines, i, _NUMBERED)
    if n < 2:
        return None
    return ListBlock(tuple(_item(x) for x in lines[i : i + n]), ordered=True, numbered_in_text=True), n


def bulleted(lines: list[str], i: int) -> tuple[Block, int] | None:
    n = _run(lines, i, _BULLET)
    if n < 2:
        return None
    items = tuple(_item(_BULLET.sub("", x, count=1)) for x in lines[i : i + n])
    return ListBlock(items, ordered=False), n
