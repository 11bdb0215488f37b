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

from bantin.model import Block, Heading, ListBlock, Paragraph, Table, text_of
from bantin.source.docx.core import fold, national

_NUMBER = re.compile(r"số\s*(?:[:.]|(?=\d))\s*(?P<n>.*)", re.I)
_DATE = re.compile(r"(?P<place>[^,;:]{0,60}?)\s*,?\s*ngày\s+(?P<d>\S+)\s+tháng\s+(?P<m>\S+)\s+năm\s+(?P<y>\S+)", re.I)
_SUBJECT = re.compile(r"(?:v/v|về việc)\s*[:.]?\s*(?P<s>.+)", re.I)
_RULE = re.compile(r"[\s_\-–—─━═=*~.…]*")
_FILLER = re.compile(r"[\s.…_/-]*")


@dataclass(frozen=True)
class Header:
    issuer: str | None
    number: str | None
    place: str | None
    date: str | None  # ISO
    subject: str | None  # a công văn's "V/v …"


def lines(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, (Paragraph, Heading)):
            out.extend(" ".join(x.split()) for x in text_of(b.text).split("\n"))
        elif isinstance(b, ListBlock):
            for item in b.items:
                out.extend(lines(item.blocks))
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    out.extend(lines(cell.blocks))
    return [x for x in out if x and not _RULE.fullmatch(x)]


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def is_subject(text: str) -> bool:
    return _SUBJECT.fullmatch(text) is not None


def is_rule(text: str) -> bool:
    return _RULE.fullmatch(text) is not None


def _int(raw: str) -> int | None:
    digits = raw.strip(" .,")
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 4 else None


def date_line(text: str) -> tuple[str | None, str | None] | None:
    """(place, ISO date) of a place-and-date line; either may be missing (a blank
    form's "ngày … tháng … năm …")."""
    m = _DATE.fullmatch(text.strip().rstrip("."))
    if m is None:
        return None
    place = m.group("place").strip(" ,")
    place = place if place and not _FILLER.fullmatch(place) else None
    d, mo, y = _int(m.group("d")), _int(m.group("m")), _int(m.group("y"))
    when = None
    if d and mo and y and 1900 <= y <= 2100:
        try:
            when = datetime.date(y, mo, d).isoformat()
        except ValueError:
            when = None
    return place, when


def _bold_lines(blocks: tuple[Block, ...]) -> set[str]:
    """The lines of a cell set all in bold: the issuer under the body it answers to."""
    return {" ".join(text_of(b.text).split()) for b in blocks
            if isinstance(b, (Paragraph, Heading)) and all(s.strong or not s.text.strip() for s in b.text)}


def _issuer(names: list[str], bold: set[str]) -> str | None:
    """The issuer's lines as one name, or, when upright lines stand above bold ones
    (Nghị định 30: "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" over a bold "SỞ NÔNG NGHIỆP"), the
    two levels parted by "; ", as ``-M issuer`` writes them."""
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


def parse(left: list[str], right: list[str], bold: set[str] | None = None) -> Header | None:
    """The header of the lines of its two columns: on the left the issuer's lines
    (``bold``: those set in bold), the number and the subject; on the right the
    national title, the motto and the place-and-date line. None without a number
    or a place-and-date line."""
    bold = bold or set()
    issuer_lines: list[str] = []
    number = place = date = subject = None
    found_number = found_date = False
    for text in left:
        m = _NUMBER.fullmatch(text)
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
        elif not found_number and not national(text) and date_line(text) is None:
            issuer_lines.append(text)
        elif subject is not None:
            subject += " " + text
    for text in right + left:
        found = date_line(text)
        if found is not None:
            found_date = True
            place, date = found
            break
    if not (found_number or found_date):
        return None
    return Header(_issuer(issuer_lines, bold), number, place, date, subject)


def is_motto(text: str) -> bool:
    t = fold(text)
    return national(text) and len(t) <= 90
