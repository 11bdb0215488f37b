"""Related news kept inside the body by a crawl or a paste: a box, "Tin liên quan:"
(or "Xem thêm:", "Đọc thêm:", "TIN LIÊN QUAN") over a few headlines, a line each
with no full stop; or one such headline on its line (">> …", "Xem thêm: …"). The
site's, not the article's: cut, and the reader says so. Read as lines, the label
was a paragraph, a headline a subheading, the bulleted ones a list led by the
label (helper-152).
"""

from __future__ import annotations

import re

from bantin.source.rules import byline

_NAMES = r"(?:Tin liên quan|Tin cùng chuyên mục|Bài liên quan|Tin khác|Xem thêm|Đọc thêm|Có thể bạn quan tâm)"
_LABEL = re.compile(rf"[*•>\-–—+\s]*{_NAMES}\s*:?\s*", re.IGNORECASE)
# A related headline on a line of its own: ">> Người dân nói gì …?", "Xem thêm: Hà Nội …".
_ONE = re.compile(rf"\s*(?:>>|»)\s*(?P<a>\S.*)|[*•>\-–—+\s]*{_NAMES}\s*:\s*(?P<b>\S.*)", re.IGNORECASE)
_MARKS = "-–—•*+>» "
HEADLINE_WORDS = 30
MAX_HEADLINES = 8


def _headline(line: str) -> bool:
    text = line.strip().lstrip(_MARKS).strip()
    return bool(text) and len(text.split()) <= HEADLINE_WORDS and not text.endswith((".", ":", ";", ","))


def cut(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines without each box of related news, and the lines cut. The body's
    last line, a name under the box, is the byline and stays."""
    kept: list[str] = []
    dropped: list[str] = []
    i = 0
    while i < len(lines):
        j = i + 1
        if _LABEL.fullmatch(lines[i]):
            while j < len(lines) and j - i <= MAX_HEADLINES and _headline(lines[j]):
                j += 1
            if j == len(lines) and j - i > 2 and byline.is_byline(lines[-1]):
                j -= 1
            if j > i + 1:
                dropped.extend(lines[i:j])
                i = j
                continue
        one = _ONE.fullmatch(lines[i])
        if one and _headline(one.group("a") or one.group("b")):
            dropped.append(lines[i])
        else:
            kept.append(lines[i])
        i += 1
    return kept, dropped
