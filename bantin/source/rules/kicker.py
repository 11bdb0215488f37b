"""A series' part or a genre's name set apart from the headline, as newsrooms type
a series: "Bài 1: Mưu sinh giữa núi rác" on the line under the headline, "Bài 1"
or "PHÓNG SỰ" on the line over it. Either is the headline's, joined to it in its
place; read as lines, the part was taken for the sapo (and the sapo for the
body's first paragraph), the kicker for the title (helper-152).
"""

from __future__ import annotations

import re

_PART = re.compile(r"(?:Bài|Kỳ|Phần|Tập)\s+(?:\d{1,2}(?:/\d{1,2})?|cuối)(?:\s*[:.–—-]\s*\S.*)?", re.IGNORECASE)
PART_WORDS = 20
# A genre or a label printed over a headline: a line of these words alone.
_GENRES = frozenset({
    "phóng sự", "ghi chép", "điều tra", "bình luận", "xã luận", "chính luận", "phỏng vấn", "tiêu điểm",
    "góc nhìn", "ký sự", "tản văn", "trực tiếp", "độc quyền", "đối thoại", "tọa đàm", "toạ đàm", "chuyên đề",
    "phóng sự điều tra", "ghi chép thực tế", "phóng sự ảnh"})


def part(line: str) -> bool:
    """A series' part: "Bài 1: Mưu sinh giữa núi rác", "Kỳ cuối", "Phần 2 - …"."""
    text = line.strip()
    return len(text.split()) <= PART_WORDS and not text.endswith(".") and _PART.fullmatch(text) is not None


def over_headline(line: str) -> bool:
    """A line printed over a headline: a part alone ("Bài 1") or a genre ("PHÓNG SỰ")."""
    text = line.strip()
    return (part(text) and len(text.split()) <= 3) or text.casefold() in _GENRES


def joined(first: str, second: str) -> str:
    return f"{first.strip().rstrip(':–—-').rstrip()} – {second.strip()}"


def take(title: str, rest: list[str], sapo_to_find: bool) -> tuple[str, list[str]]:
    """The title with the kicker over it or the part under it, and the lines after."""
    if rest and over_headline(title) and not over_headline(rest[0]):
        title, rest = joined(title, rest[0]), rest[1:]  # "PHÓNG SỰ" over the headline
    if sapo_to_find and len(rest) > 1 and part(rest[0]):
        title, rest = joined(title, rest[0]), rest[1:]  # "Bài 1: …" under it
    return title, rest
