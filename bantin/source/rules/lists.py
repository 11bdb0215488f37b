"""Lists: enumerations in words ("Thứ nhất, …"), numbered lines ("1.", "1)", "1/",
"a)"), and bulleted lines.

Items keep their own words. Ordinal words and source numbers stay in the text and
the list is marked as numbered in the text, so no exporter counts them again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bantin.model import Block, ListBlock, ListItem, Paragraph, plain

_ORDINAL = re.compile(r"^Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b\s*[,:]", re.I)
# "1/ …" and "a/ …" are a Vietnamese notice's own numbering; the space after the
# slash tells it from a fraction or a date ("1/3 dân số", "15/11", "1/2025").
_NUMBERED = re.compile(r"^(?:\d{1,2}|[a-zđ])[.)/]\s+\S")
_BULLET = re.compile(r"^[-–—•●▪+*]\s+(?=\S)")


def numbered_in_words(line: str) -> bool:
    """Whether the line carries its own ordinal: "1. …", "1/ …", "a) …", "Thứ nhất, …"."""
    return bool(_NUMBERED.match(line) or _ORDINAL.match(line))


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


# The newsroom's two levels: "+" items under "-" (or "•") items, "a)" under "1.".
# Any other change of mark is a slip ("- a", "* b", "- c"), one level (helper-120).
_UNDER = {"-": "+", "–": "+", "—": "+", "•": "+", "●": "+", "▪": "+", "digit": "letter"}


def _nested(lines: list[str], kind: Callable[[str], str], make: Callable[[list[str]], ListBlock]) -> ListBlock:
    """The lines as a list whose items of the mark that goes under the first line's
    are a list under the item before them: newsrooms write "- Thị xã Sa Pa" then
    "+ Bản Cát Cát", "1. Về hạ tầng:" then "a) Nâng cấp …" (helper-114: one flat
    list, which village in which district lost)."""
    under = _UNDER.get(kind(lines[0]))
    groups: list[list[str]] = []
    for line in lines:
        if not groups or kind(line) != under:
            groups.append([line])
        else:
            groups[-1].append(line)
    flat = make([g[0] for g in groups])
    items = tuple(ListItem((*item.blocks, make(g[1:])) if len(g) > 1 else item.blocks)
                  for item, g in zip(flat.items, groups, strict=True))
    return replace(flat, items=items)


def numbered(lines: list[str], i: int) -> tuple[Block, int] | None:
    # Numbered lines standing alone are usually numbered subheadings ("1. Thiếu
    # thốn xảy ra trên cả nước"), so a list needs two in a row.
    n = _run(lines, i, _NUMBERED)
    if n < 2:
        return None
    # "1." items and "a)" items are of two levels.
    return _nested(lines[i: i + n], lambda line: "digit" if line[0].isdigit() else "letter", lambda run: ListBlock(
        tuple(_item(x) for x in run), ordered=True, numbered_in_text=True)), n


# Dashed lines that are people speaking, not a list: an interview's questions and
# answers ("- Thưa ông, …?" / "- Theo tôi, …") or a story's dialogue ("– Các anh
# sang bên kia à?" / "– Vâng, chúng cháu …"). A question among them, and someone
# addressed or speaking in the first person: a list of tasks or places has neither.
_SPOKEN = re.compile(r"(?<!\w)(?:tôi|chúng tôi|cháu|chúng cháu|Thưa|Vâng|Dạ|[Xx]in cảm ơn|[Cc]ảm ơn)(?!\w)")


DIALOGUE_LINES = 200  # an interview's or a scene's lines; a longer run is a list


def _dialogue(run: list[str]) -> bool:
    return len(run) <= DIALOGUE_LINES and any(line.rstrip("”\"' ").endswith("?") for line in run) \
        and any(_SPOKEN.search(line) for line in run)


def bulleted(lines: list[str], i: int) -> tuple[Block, int] | None:
    n = _run(lines, i, _BULLET)
    if n < 2:
        return None
    start = i
    while start > 0 and i - start <= DIALOGUE_LINES and _BULLET.match(lines[start - 1]):
        start -= 1  # the whole run is judged, wherever the rules look at it from
    if _dialogue(lines[start: i + n]):
        return None  # each line a paragraph, its dash kept
    return _nested(lines[i: i + n], lambda line: line[0], lambda run: ListBlock(
        tuple(_item(_BULLET.sub("", x, count=1)) for x in run), ordered=False)), n
