"""A quotation standing on its own line, with its attribution when the text gives one.

Reported speech inside a sentence ("“…”, đồng chí X nhấn mạnh.") is an ordinary
paragraph: setting it off would change how the article reads. A line that is only a
quotation is a quote block; its attribution may follow in brackets on the same line,
or on the next line after a dash ("— Hồ Chí Minh") or as a person named with the
form of address that opens a speaker's line ("Bà Trần Thị Lan, phường Tân Mai"; a
short line without a sentence's end, which was taken for a heading, helper-114).
"""

from __future__ import annotations

import re

from bantin.model import Block, Paragraph, Quote, plain
from bantin.source.rules.byline import TITLES
from bantin.source.rules.outlet_tag import known_place

_WHOLE = re.compile(r"^[“\"](?P<q>[^“”\"]{2,})[”\"]\s*(?:\((?P<attr>[^()]{2,60})\))?\s*\.?$")
_ATTRIBUTION = re.compile(r"^[—–-]\s*(?P<attr>[^\W\d_].{1,59})$")
# Forms of address and titles that open a person's name.
_ADDRESS = frozenset(("Ông", "Bà", "Anh", "Chị", "Cô", "Chú", "Bác", "Cụ", "Em", "Thầy", "Cháu", "Đồng chí", "GS.",
                      "PGS.", "TS.", "ThS.", "BS.", "PGS.TS.", "GS.TS.", "ThS.BS.", *TITLES))
_SPEAKER_WORDS = 16
# Family names, for a person's full name: "Ông Già Noel", "Chị Hằng Nga", "Cô Gái Đồ
# Long" head sections, and their second word names no family (helper-118).
_SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Lâm Trương Mai Cao Hà Tô "
    "Tạ Trịnh Đoàn Lương Vương Thái Châu Quách Lưu Phùng Kiều Văn Triệu Từ Tăng Lạc Khúc Mạc Chu Giang Thân "
    "Thạch Khổng Tôn Hứa Nông La Quan Lục Lò Vi Sầm Tống Doãn Kim Mã Ninh Âu Diệp Đồng Hàn Lã Lại Cù Bạch Đàm "
    "Bế Hầu Phí Tiêu Giáp Lăng Giàng Sùng Thào Vàng Quàng Hờ Ksor Rơ Y H Nghiêm Đậu Khuất Vừ Bàn Hạng Lầu Ma "
    "Mông Lộc Phó Nhữ Cấn Khương Ông Cung Tào Thiều Kha Lều Mẫn Trình".split())


def _speaker(line: str) -> str | None:
    """A line that only names who spoke: a form of address and a capitalised name,
    then nothing or a comma and what the person is ("…, phường Tân Mai"); never a
    sentence's end. Not "Cô Tô đón khách", nor "Bà Rịa - Vũng Tàu"."""
    words = line.split()
    if not 2 <= len(words) <= _SPEAKER_WORDS or line.rstrip()[-1:] in ".!?:;…\"”":
        return None
    for n in (3, 2, 1):  # "Phó Giáo sư", "Đại tá" before "Ông"
        if " ".join(words[:n]) not in _ADDRESS:
            continue
        for k, w in enumerate(words[n:]):
            if not w[:1].isupper() or not w.rstrip(",").isalpha():
                return None
            if w.endswith(",") or n + k + 1 == len(words):
                # A full name, family name first, and no place: "Bà Rịa", "Chú Tễu",
                # "Cô Tô, đảo ngọc" and "Anh Quốc, Pháp và Đức" head sections (helper-116).
                name = " ".join(words[:n + k + 1]).rstrip(",")
                # A family name first, or a name said with what the person is ("Ông
                # Antony Blinken, Ngoại trưởng Mỹ"; helper-120).
                full = k >= 1 and (words[n] in _SURNAMES or w.endswith(","))
                return line.strip() if full and not known_place(name) else None
    return None


def match(lines: list[str], i: int) -> tuple[Block, int] | None:
    m = _WHOLE.match(lines[i])
    if not m:
        return None
    attr = m.group("attr")
    if attr is None and i + 1 < len(lines):
        nxt = _ATTRIBUTION.match(lines[i + 1])
        if nxt:
            return Quote((Paragraph(plain(m.group("q").strip())),), nxt.group("attr").strip()), 2
        who = _speaker(lines[i + 1])
        if who:
            return Quote((Paragraph(plain(m.group("q").strip())),), who), 2
    return Quote((Paragraph(plain(m.group("q").strip())),), attr.strip() if attr else None), 1
