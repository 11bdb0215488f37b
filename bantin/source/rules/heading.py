"""Subheadings: short lines that stand alone and end without sentence punctuation.

A line that runs on into a lower-case next line is a sentence broken by the
source, and one ending in a digit is a number cut off, so neither is a heading;
unless the digits are a year or a part's number that a short heading ends with
("Kết quả năm 2024", "Giai đoạn 2021-2025", "Kỳ 2"; see ``_ENDS_IN_PART``). A
credit ("Nguồn: Tổng cục Thống kê" under a table, "Ảnh: …") is the line above's,
and a table's unit ("Đơn vị: triệu đồng/lượng") the table's: never a heading.
Nor is a line of a form ("Địa chỉ: 15 Lê Lợi", "BÊN A (NGƯỜI SỬ DỤNG LAO ĐỘNG): Công
ty …", "Thời gian: 19h ngày 5/8") next to another: a label, a colon and its value,
line after line, are a contract's parties or an event's details, not subheadings.
Nor is a programme's entry next to another, a clock time and what happens then
("7h30: Đón tiếp đại biểu", "08:00 – 08:15 Khai mạc"). Nor are the lines a
lead-in's colon opens ("Thông tin liên hệ:" over the contact's name and office,
"Địa chỉ:" over an address's lines): what it announces follows.
"""

from __future__ import annotations

import re

from bantin.model import Block, Heading, plain
from bantin.model.labels import is_addressee
from bantin.source.rules import end_mark
from bantin.typography.pairs import unbalanced

_CLOSING = re.compile(r"[.!?;:,…\-–—/(]$")
MAX_WORDS = 25
PROSE_WORDS = 15  # a shorter line with commas is a heading ("Nhà báo, nhà văn và nghề viết")
PROSE_ONE_COMMA = 20  # words of a line with one comma past which it is a sentence
# What a short heading may end in: a year (or a span of years) after "năm", "giai
# đoạn", "nhiệm kỳ", "mùa giải" or an event's name ("Kết quả năm 2024", "Giai đoạn
# 2021-2025", "EURO 2016"; not "sinh năm 1968"), or a part's number after its word
# ("Kỳ 2", "Phần 3", "Bước 1", "Hiệp 2"). Any other figure at a line's end (a
# standing, a shirt number, a temperature, "ngày 30", "Số 8 ngõ 15", a score) is a
# number cut off or a table's row.
_YEAR = r"(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)\d\d)?"
_ENDS_IN_PART = re.compile(
    rf"(?:(?<!sinh )(?:năm|giai đoạn|nhiệm kỳ|niên khóa|niên khoá|mùa giải|mùa) {_YEAR}"
    # An event's name: a word in capitals ("EURO 2016", "COPA AMERICA 2016"; not
    # "SN 1990", a birth year) or a contest's ("Music Awards 2016", "SEA Games 2025");
    # not a name's last word ("Ông Lê Văn Nam 1962") nor a car's ("Toyota Vios 2019").
    rf"|(?-i:(?<![\w(])(?!SN )[A-ZĐ]{{2,}} {_YEAR})"
    rf"|(?:awards|games|cup|open|expo|festival|olympic|olympics|euro|asiad|copa) {_YEAR}"
    r"|(?<!\w)(?:kỳ|phần|bài|chương|tập|mục|điều|phụ lục|vòng|bước|câu|hiệp|giai đoạn) \d{1,2})$",
    re.IGNORECASE)
# A date or a clock time anywhere: a timestamp line ("19/05/2016 10:25 GMT+7").
_DATED = re.compile(r"tháng\s+\d{1,2}\s+năm\s+\d{4}$|\d/\d|\d:\d\d", re.IGNORECASE)
NUMBERED_WORDS = 12
_CREDIT = re.compile(r"(?:Nguồn(?: ảnh| tin| số liệu)?|Ảnh|Đồ họa|Đồ hoạ|Infographic|Video|Clip|Số liệu|Bản đồ|"
                     r"Biểu đồ|Đơn vị(?: tính)?|ĐVT)\s*:", re.IGNORECASE)
# A form's label: a few words (a bracket may explain them) before a colon and its value.
_FIELD = re.compile(r"[^\W\d_][^:]{0,60}:[ \t]+\S")
_FIELD_WORDS = 8
FIELD_LINE = 25  # words: a longer "X: …" is a statement, an interview's answer, not a form's field
# A clock time ("7h", "7h30", "07:30", "9g30", "9 giờ", "9 giờ 30 phút"), or a span
# of two, opening a line and followed by a colon or a dash, or a space and a capital:
# a programme's entry. Anchored, each part bounded: linear on any line.
_CLOCK = r"\d{1,2}(?:[hH]\d{0,2}|g\d{2}|:\d{2}| ?giờ(?: ?\d{1,2}(?: ?phút)?)?)"
_ENTRY = re.compile(rf"{_CLOCK}(?:\s{{0,3}}[-–—]\s{{0,3}}{_CLOCK})?(\s{{0,3}}[:\-–—]\s{{0,3}}|\s{{1,3}})([^\W\d_])")
_LEAD_IN_REACH = 8  # stopless lines a lead-in's colon may open, one under the other (an address, a contact)


def _prose(line: str) -> bool:
    """A sentence that lost its stop, not a subheading: long, with the commas of a
    clause or a list ("Mullah Mansour từ lâu nay là …, ông này thân cận với …,
    Mullah Omar"). A heading may run to twenty words and hold one comma ("Phát triển
    thương mại dịch vụ là phù hợp, nhưng cần khơi dậy tinh thần khởi nghiệp của nhân
    dân"); a comma inside brackets is a name's note, no clause."""
    words = len(line.split())
    if words < PROSE_WORDS:
        return False
    depth = commas = 0
    for c in line:
        depth += (c in "([") - (c in ")]" and depth > 0)
        commas += c == "," and not depth
    return commas >= 2 or (commas >= 1 and words > PROSE_ONE_COMMA)


def looks_like(line: str, next_line: str | None) -> bool:
    core = line.rstrip("”’\")]» ")
    if not core or _CLOSING.search(core) or is_addressee(line) or _CREDIT.match(line.lstrip("([ ")):
        return False  # "Kính gửi: Ủy ban nhân dân phường" is whom a paper is addressed to; "(Nguồn: …)" a credit
    if core[-1].isdigit() and not (_ENDS_IN_PART.search(core) and not _DATED.search(core) and "," not in core
                                   and len(core.split()) <= NUMBERED_WORDS and not core.startswith("Theo ")):
        return False
    if len(line.split()) > MAX_WORDS or len(line) > 180 or _prose(line) or unbalanced(line):
        # Long, a clause's commas, or a quotation or bracket opened or closed and not
        # both ("… sẽ phải tính toán", ông Tuyến nói"): a sentence that lost its stop.
        return False
    first = line.lstrip("“\"‘'([«")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if next_line is None:
        return False
    nxt = next_line.lstrip("“\"‘'([«-–— ")[:1]
    return not nxt.islower()


def is_field(line: str | None) -> bool:
    """Is the line a label, a colon and its value ("Địa chỉ: 15 Lê Lợi"), as a form
    sets it: short, no sentence ("PV: Thưa Bộ trưởng, …?" and "Bộ trưởng: Chúng tôi
    … định kỳ." are an interview's paragraphs, and the "Phần 2: …" between them a
    heading)?"""
    m = _FIELD.match(line or "")
    return m is not None and len(m.group().split()) <= _FIELD_WORDS + 1 and len((line or "").split()) <= FIELD_LINE \
        and not (line or "").rstrip().endswith((".", "?", "!", "…", ":"))


def _under_lead_in(lines: list[str], i: int) -> bool:
    """Is line ``i`` one of the lines a colon announces, two or more stopless
    lines under a line ending in ":"? "Thông tin liên hệ:" / "Bà Nguyễn Thị Hà –
    Trưởng phòng Truyền thông" / "Điện thoại: …"; "Xin liên hệ:" / "Văn phòng UBND
    tỉnh" / "Số 61 Nguyễn Huệ"; a programme's entries: a name, an office, an
    address, not subheadings. A single line between the colon and a sentence
    ("* Tổng biên tập …:" / "Kỳ vọng TP.HCM bứt phá" / the talk) titles what the
    colon announces and stays a heading; a list's item or a sentence above ends
    the colon's reach, a form's field ("ĐT: …") does not. Looks back a bounded
    number of lines."""
    nxt = lines[i + 1].rstrip() if i + 1 < len(lines) else ""
    j = i - 1
    while j >= 0 and i - j <= _LEAD_IN_REACH:
        if lines[j].rstrip().endswith(":"):
            return j < i - 1 or (bool(nxt) and not end_mark.ends_sentence(nxt))
        if not (looks_like(lines[j], lines[j + 1]) or is_field(lines[j])):
            return False  # "ĐT: 0912 345 678" between the name and the office goes on the block
        j -= 1
    return False


def is_entry(line: str | None) -> bool:
    """Does the line open with a clock time, a programme's entry ("7h30: Khai mạc")?"""
    m = _ENTRY.match(line or "")
    return m is not None and (bool(m.group(1).strip()) or m.group(2).isupper())


def match(lines: list[str], i: int) -> tuple[Block, int] | None:
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if is_field(lines[i]) and (is_field(nxt) or (i > 0 and is_field(lines[i - 1]))):
        return None  # a form's lines, one field each
    if is_entry(lines[i]) and (is_entry(nxt) or (i > 0 and is_entry(lines[i - 1]))):
        return None  # a programme's entries, a time each; one alone may title a live report's update
    if not looks_like(lines[i], nxt) or _under_lead_in(lines, i):
        return None
    return Heading(plain(lines[i]), 1), 1
