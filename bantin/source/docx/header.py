"""The header of a Vietnamese administrative document (Nghị định 30/2020).

It is a borderless table at the top: on the left the issuing body (its parent
body above it), a short rule and the number ("Số: 12/QĐ-UBND"), and for a công
văn the subject ("V/v …"); on the right the national title ("CỘNG HÒA XÃ HỘI CHỦ
NGHĨA VIỆT NAM"), the motto ("Độc lập - Tự do - Hạnh phúc"), a rule, and the
place-and-date line ("Hà Nội, ngày 05 tháng 8 năm 2025"). A table is taken for
this header only when it has the national title and a number or a place-and-date
line: a form that merely prints the national title beside a photo box is body.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from bantin.model import Block, Heading, ListBlock, Paragraph, Span, Table, Text, lines_of, text_of
from bantin.model.dates import WEEKDAY
from bantin.model.labels import NATIONAL, is_mark
from bantin.source.docx.core import fold, national

NUMBER = re.compile(r"số\s*(?:[:.]|(?=\d))\s*(?P<n>.*)", re.I)  # "Số: 12/BC-VP", its number in ``n``
# "Hà Nội, ngày 05 tháng 8 năm 2025"; a draft's blanks may be dots run into the words
# ("ngày.....tháng.....năm 2025"); some clerks write the day in figures ("ngày 05/8/2025").
# A draft's date may name its month or year alone ("Kiến Hưng, tháng 8 năm 2025", "năm 2025").
_DATE = re.compile(r"(?P<place>[^,;:]{0,60}?)\s*,?\s*(?:(?:ngày\s*(?P<d>\S*?)\s*)?tháng\s*(?P<m>\S*?)\s*năm"
                   r"\s*(?P<y>\S*)|ngày\s*(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4})|năm\s+(?P<y3>\d{4})"
                   # A draft's day (and month) left blank in figures: "ngày …/…/2025", "ngày    /8/2025".
                   r"|ngày[.…_ \t]*/(?:[ \t]*(?P<m4>\d{1,2})[ \t]*|[.…_ \t]*)/[ \t]*(?P<y4>\d{4}))",
                   re.I)
_SUBJECT = re.compile(r"(?:v/v|về việc)\s*[:.]?\s*(?P<s>.+)", re.I)
_RULE = re.compile(r"[\s_\-–—─━═=*~.…]*")
_FILLER = re.compile(r"[\s.…_/-]*")
# The words of an administrative unit's name, which a place may keep in lower case.
_UNITS = frozenset(("thành", "phố", "tỉnh", "quận", "huyện", "thị", "xã", "trấn", "phường", "đặc", "khu"))


@dataclass(frozen=True)
class Header:
    issuer: str | None
    number: str | None
    place: str | None
    date: str | None  # ISO
    subject: str | None  # a công văn's "V/v …"
    # Lines under the number a header holds besides the subject: the urgency or
    # secrecy mark ("HỎA TỐC", "MẬT"), which the readers keep as the text's first
    # lines rather than lose.
    marks: tuple[str, ...] = ()


def lines(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, (Paragraph, Heading)):
            out.extend(" ".join(x.split()) for x in lines_of(text_of(b.text)))
        elif isinstance(b, ListBlock):
            for item in b.items:
                out.extend(lines(item.blocks))
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    out.extend(lines(cell.blocks))
    return [x for x in out if x and not _RULE.fullmatch(x)]


def is_number(text: str) -> bool:
    return NUMBER.fullmatch(text) is not None


def is_subject(text: str) -> bool:
    return _SUBJECT.fullmatch(text) is not None


def mark_blocks(header: Header) -> tuple[Block, ...]:
    """The header's urgency or secrecy marks as the text's first paragraphs, in
    bold as the decree sets them."""
    return tuple(Paragraph((Span(m, strong=True),)) for m in header.marks)


def is_rule(text: str) -> bool:
    return _RULE.fullmatch(text) is not None


def _int(raw: str) -> int | None:
    digits = raw.strip(" .,")
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 4 else None


def is_place(text: str) -> bool:
    """A place name as a place-and-date line starts with it ("Hà Nội", "TP. Hồ
    Chí Minh", "thành phố Huế", "Quận 1"): a few capitalised words, the names of
    administrative units aside, and a number only last. A sentence that runs into
    a date ("… nộp hồ sơ trước ngày …", "Ông sinh tại Hà Nội, ngày …") has other
    words in lower case."""
    words = text.split()
    if len(words) >= 2 and words[-1].isdigit():
        words = words[:-1]  # "Quận 1", "Phường 12"
    return 0 < len(words) <= 8 and not any(c.isdigit() for c in "".join(words)) and words[-1][:1].isupper() \
        and all(w[:1].isupper() or not w[:1].isalpha() or w.casefold() in _UNITS for w in words)


def date_line(text: str) -> tuple[str | None, str | None] | None:
    """(place, ISO date) of a place-and-date line; either may be missing (a blank
    form's "ngày … tháng … năm …"), and a draft's date may be a month or a year
    alone ("2025-08" of "ngày    tháng 8 năm 2025")."""
    m = _DATE.fullmatch(text.strip().rstrip("."))
    if m is None:
        return None
    place = m.group("place").strip(" ,")
    place = place if place and not _FILLER.fullmatch(place) else None
    if place is not None and not (is_place(place) or WEEKDAY.fullmatch(place)):
        return None  # "…, hoàn thiện hồ sơ trước ngày 30 tháng 9 năm 2025": a sentence's deadline
    if place is not None and "ngày" not in text.casefold() and "," not in text:
        return None  # "Trong năm 2025": with no day, only a comma tells a place from a sentence's start
    d, mo, y = (_int(m.group(k) or m.group(k + "2") or "") for k in ("d", "m", "y"))
    mo = mo or _int(m.group("m4") or "")
    y = y or _int(m.group("y3") or m.group("y4") or "")
    when = None
    if y and 1900 <= y <= 2100:
        if d and mo:
            try:
                when = datetime.date(y, mo, d).isoformat()
            except ValueError:
                when = None
        elif not d and (mo is None or 1 <= mo <= 12):  # a draft's "ngày    tháng 8 năm 2025": its month
            when = f"{y:04d}-{mo:02d}" if mo else f"{y:04d}"
    return place, when


def _bold_lines(blocks: tuple[Block, ...]) -> set[str]:
    """The lines of a cell set all in bold: the issuer under the body it answers to."""
    return {" ".join(text_of(b.text).split()) for b in blocks
            if isinstance(b, (Paragraph, Heading)) and all(s.strong or not s.text.strip() for s in b.text)}


def capitals(text: str) -> bool:
    """Is the text set in capitals ("QUYẾT ĐỊNH"), two letters or more?"""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def goes_on(above: str, line: str) -> bool:
    """Does ``line`` continue the issuer's name on ``above`` rather than name the
    body under it? Without bold, nothing else tells them apart: a line that opens
    with an administrative unit goes on ("VĂN PHÒNG UBND" / "TỈNH BẮC NINH"), and so
    does one under a line broken off at "VÀ" or a comma ("SỞ GIÁO DỤC VÀ" / "ĐÀO TẠO")."""
    first = line.split()[0].casefold().rstrip(".") if line.split() else ""
    return first in _UNITS or first == "tp" or above.rstrip().endswith((" VÀ", ",", "-", "–"))


def last_issuer(names: list[str]) -> set[str]:
    """The issuer among unbolded lines, as the text reader reads a copy: the last,
    under the body it answers to ("BỘ Y TẾ" over "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH"),
    unless it goes on with the line above."""
    return {names[-1]} if len(names) > 1 and not goes_on(names[-2], names[-1]) else set()


def _issuer(names: list[str], bold: set[str]) -> str | None:
    """The issuer's lines as one name, or, when upright lines stand above bold ones
    (Nghị định 30: "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" over a bold "SỞ NÔNG NGHIỆP"), the
    two levels parted by "; ", as ``-M issuer`` writes them."""
    if not bold & set(names):  # a table typed with no bold at all
        bold = last_issuer(names)
    upright = [x for x in names if x not in bold]
    if upright and upright == names[: len(upright)] and len(upright) < len(names):
        return f"{' '.join(upright)}; {' '.join(names[len(upright):])}"
    return " ".join(names) or None


def read_header(table: Table) -> Header | None:
    columns: dict[int, list[str]] = {}
    bold: set[str] = set()
    for p in table.placed():
        columns.setdefault(p.column, []).extend(lines(p.cell.blocks))
        bold |= _bold_lines(p.cell.blocks)
    motto_side = [c for c, ls in columns.items() if any(national(x) for x in ls)]
    if not motto_side:
        return None
    left = [x for c, ls in sorted(columns.items()) if c not in motto_side for x in ls]
    right = [x for c in motto_side for x in columns[c]]
    return parse(left, right, bold)


def split_tab(spans: Text) -> tuple[str, str, bool] | None:
    """A line of a header typed with tabs, "SỞ Y TẾ⇥Độc lập - Tự do - Hạnh phúc": its
    left and right column, and whether the left one is all bold. None without a
    tab."""
    raw = "".join(s.text for s in spans if s.note is None)
    text = raw.strip(" ")
    if "\t" not in text:
        return None
    # A tab before both columns indents the line ("⇥BỘ Y TẾ⇥⇥CỘNG HÒA …"). Before one
    # alone, it leaves the left column empty ("⇥Độc lập - Tự do - Hạnh phúc"), unless
    # that one is the left column's, indented as the lines above ("⇥V/v …").
    alone = text.strip("\t")
    indented = text.startswith("\t") and ("\t" in alone or not (national_part(alone) or date_line(alone)))
    left, _, right = (text.lstrip("\t") if indented else text).partition("\t")
    cut = raw.index(left) + len(left) if left else 0
    bold = all(s.strong or not s.text.strip() for s in _upto(spans, cut))
    return " ".join(left.split()), " ".join(right.split()), bold


def _upto(spans: Text, n: int) -> list[Span]:
    out: list[Span] = []
    seen = 0
    for s in spans:
        if s.note is not None:
            continue
        if seen >= n:
            break
        out.append(s)
        seen += len(s.text)
    return out


def read_tabbed(rows: list[Text | None]) -> tuple[Header, int] | None:
    """The header of the first lines of a document when they are typed as two
    columns parted by tabs: the header and how many lines it took. Its right
    column must hold the national title or the motto, as a header table's. A
    row that is None (a table, a picture) ends the lines."""
    left: list[str] = []
    right: list[str] = []
    bold: set[str] = set()
    used = 0
    for spans in rows:
        cols = split_tab(spans) if spans is not None else None
        if cols is None:
            break
        used += 1
        for text, side in ((cols[0], left), (cols[1], right)):
            if text and not is_rule(text):
                side.append(text)
        if cols[2] and cols[0]:
            bold.add(cols[0])
    if not any(national(x) for x in right):
        return None
    header = parse(left, right, bold)
    return (header, used) if header is not None else None


def _mark(text: str) -> bool:
    """A line in capitals that is no part of the national title or the date."""
    return any(c.isalpha() for c in text) and text == text.upper() and not national(text) \
        and date_line(text) is None


def parse(left: list[str], right: list[str], bold: set[str] | None = None) -> Header | None:
    """The header of the lines of its two columns: on the left the issuer's lines
    (``bold``: those set in bold), the number and the subject; on the right the
    national title, the motto and the place-and-date line. None without a number
    or a place-and-date line."""
    bold = bold or set()
    issuer_lines: list[str] = []
    marks: list[str] = []
    number = place = date = subject = None
    found_number = found_date = False
    for text in left:
        m = NUMBER.fullmatch(text)
        if m and not found_number:
            found_number = True
            n = m.group("n").strip()
            number = n if any(c.isalnum() for c in n) else None
            continue
        s = _SUBJECT.fullmatch(text)
        if s and found_number:
            # As written, "V/v" and all: the title of a công văn, which a writer in
            # Nghị định 30's layout sets back under the number.
            subject = text.strip()
        elif is_mark(text):
            marks.append(text)
        elif not found_number and not national(text) and date_line(text) is None:
            issuer_lines.append(text)
        elif found_number and _mark(text) and not (subject and _mark(subject)):
            marks.append(text)
        elif subject is not None:
            subject += " " + text  # "V/v tăng cường phòng," / "chống dịch sốt xuất huyết"
    for text in right + left:
        found = date_line(text)
        if found is not None:
            found_date = True
            place, date = found
            break
    if not (found_number or found_date):
        return None
    # What else the right column holds ("DỰ THẢO", "Mẫu số 01") is kept with the marks.
    extras = [x for x in right if not national_part(x) and date_line(x) is None]
    return Header(_issuer(issuer_lines, bold), number, place, date, subject, tuple(extras + marks))


def national_line(text: str) -> bool:
    """The national title or motto as a line of its own, or a line of one set over
    two ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"); not a headline that names "nước
    Cộng hòa xã hội chủ nghĩa Việt Nam"."""
    t = fold(text).strip(" -–—_.")
    return len(t.split()) >= 2 and any(f" {t} " in f" {n} " for n in NATIONAL)


def national_part(text: str) -> bool:
    """The national title or motto, within a line or as a line of one."""
    return national(text) or national_line(text)


def is_motto(text: str) -> bool:
    t = fold(text)
    return national(text) and len(t) <= 90


_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}


def parse_date(text: str) -> str | None:
    """A stated date: "July 28, 2014", "28 July 2014", "2014-07-28", "28/7/2014",
    "ngày 28 tháng 7 năm 2014" (with or without a place before it)."""
    t = " ".join(text.lower().replace(",", " ").split())
    found = date_line(text)
    if found is not None and found[1]:
        return found[1]
    parts: tuple[int, int, int] | None = None
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", t):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := re.fullmatch(r"([a-z]+)\.? (\d{1,2}) (\d{4})", t):
        parts = (int(m[3]), _MONTHS.get(m[1], 0), int(m[2])) if m[1] in _MONTHS else None
    elif m := re.fullmatch(r"(\d{1,2}) ([a-z]+)\.? (\d{4})", t):
        parts = (int(m[3]), _MONTHS.get(m[2], 0), int(m[1])) if m[2] in _MONTHS else None
    if parts is None:
        return None
    try:
        return datetime.date(*parts).isoformat()
    except ValueError:
        return None
