"""The header of an administrative document copied out of Word as lines (Nghị
định 30/2020): the issuing body in capitals, "Số: …", a công văn's "V/v …", the
national title and motto, and the place-and-date line, in the order the header
table's cells were copied (cells copied onto one line are parted by a tab or a
wide gap).

The lines are a header only when they open the text, hold the national title
and a number or a place-and-date line, and every one of them is a part of a
header; the first line that is not ends it. Without the national title (a press
release or a notice often leaves it out) they must hold the issuer and a
clerk's number ("Số: 45/TCBC-BYT"), or the issuer and a whole place and date
over the document's kind ("THÔNG CÁO BÁO CHÍ"). They become the article's issuer,
number, place and date (``docx.header.parse``, as a Word file's header table;
of several lines in capitals the last is the issuer and those above it the body
it answers to, unless it goes on with the name above: "ỦY BAN NHÂN DÂN" over
"PHƯỜNG KIẾN HƯNG" is one name), and a công văn's subject its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bantin.model import Article, Paragraph, Span, text_of
from bantin.model.labels import by_number, document_type, is_addressee, is_mark, national_kind
from bantin.source.docx.header import (
    NUMBER,
    Header,
    date_line,
    is_number,
    is_rule,
    is_subject,
    last_issuer,
    mark_blocks,
    national_line,
    parse,
)
from bantin.source.rules.cells import cells

MAX_LINES = 14  # a header is the document's first lines
PLACE_DATE_CHARS = 120  # "Thành phố Hồ Chí Minh, ngày 25 tháng 12 năm 2025" has 48
MAX_ISSUER_WORDS = 12
NUMBER_CHARS = 40  # "Số: 123/2025/QĐ-UBND" has 20; a sentence opening "Số: …" is longer
_HEADER_ONLY = ("national", "date", "number", "subject", "more", "mark")  # kinds of line no issuer can be


def _kind(text: str, before: list[str]) -> str | None:
    """What part of a header ``text`` is, given the kinds of the cells before it."""
    if national_line(text):
        return "national"
    if date_line(text) is not None:
        return "date"
    if is_number(text):
        return "number"
    if is_mark(text):
        return "mark"  # "HỎA TỐC" under the number, above or below the subject; "DỰ THẢO" at the top
    if is_subject(text):
        # The subject stands under the number, the first line of the left column after
        # it (the motto or the place and date may be copied between them). "Về việc …"
        # under "QUYẾT ĐỊNH" is the summary of the text, and ends the header.
        left = [k for k in before if k in ("issuer", "number", "subject", "more")]
        return "subject" if left[-1:] == ["number"] else None
    previous = before[-1] if before else None
    if previous in ("subject", "more") and text[:1].islower():
        return "more"  # "V/v tăng cường phòng," / "chống dịch sốt xuất huyết"
    if is_rule(text):
        return "rule"
    if any(c.isalpha() for c in text) and text == text.upper() and len(text.split()) <= MAX_ISSUER_WORDS:
        return "issuer"
    return None


def split(lines: list[str]) -> tuple[Header | None, list[str]]:
    """The header that opens ``lines`` (non-empty lines) and the lines after it."""
    found: list[tuple[int, str, str]] = []  # (line, kind, text)
    stop = MAX_LINES  # the first line holding something no header holds
    for i, line in enumerate(lines[:MAX_LINES]):
        for part in cells(line):
            kind = _kind(part, [k for _, k, _ in found]) if part else "rule"
            if kind is None:
                stop = i
                break
            found.append((i, kind, part))
        if stop == i:
            break
    # The header ends with its last line of a kind an issuer's capitals cannot be.
    last = max((n for n, (_, k, _) in enumerate(found) if k in _HEADER_ONLY), default=-1)
    if last < 0:
        return None, lines
    if not any(k == "national" for _, k, _ in found[: last + 1]) \
            and not _without_national(found[: last + 1], lines[found[last][0] + 1:]):
        return None, lines
    kinds = [k for _, k, _ in found[:3]]
    if kinds[:2] == ["national", "national"] and kinds[2:] != ["date"]:
        # The national lines first, and no place and date under them as a right column
        # copied first has: a paper with no issuer, whose capitals under them are its
        # kind ("HỢP ĐỒNG LAO ĐỘNG") and whose "Số: …" numbers it (``national_opening``).
        return None, lines
    end = found[last][0] + 1
    if stop < end:
        return None, lines  # a line holding a header's cell and text
    zone = [c for c in found if c[0] < end]
    left = [t for _, k, t in zone if k in ("issuer", "number", "subject", "more", "mark")]
    right = [t for _, k, t in zone if k in ("national", "date")]
    # Text has no bold to tell the issuer from the body above it (Nghị định 30:
    # "UBND QUẬN HOÀNG MAI" over "TRUNG TÂM Y TẾ"): its last line is the issuer, as
    # the lines were set, unless it goes on with the name above ("… / TỈNH BẮC NINH").
    header = parse(left, right, last_issuer([t for _, k, t in zone if k == "issuer"]))
    return (header, lines[end:]) if header is not None else (None, lines)


def _without_national(zone: list[tuple[int, str, str]], after: list[str]) -> bool:
    """Do the header's lines hold, without the national title and motto, enough
    of a header to be one? A ministry's or a province's press release or notice
    often leaves the motto out ("BỘ Y TẾ" / "Số: 45/TCBC-BYT" / "Hà Nội, ngày …" /
    "THÔNG CÁO BÁO CHÍ"). A headline in capitals stands over the same lines no
    more than by chance, so this asks for more than the national lines do: the
    issuer's capitals, and a number as a clerk writes one ("…/…", short), or a
    whole place and date over the document's kind ("THÔNG CÁO BÁO CHÍ")."""
    issuers = [t for _, k, t in zone if k == "issuer"]
    if not issuers or any(document_type(t) for t in issuers):
        return False  # no issuer, or a kind above the number: a layout no header has
    numbered = any(k == "number" and _clerks(t) for _, k, t in zone)
    dated = any(k == "date" and stamp(t) is not None for _, k, t in zone)
    return numbered or (dated and bool(after) and document_type(after[0]))


def _clerks(line: str) -> bool:
    """Is the line a number as a clerk writes it, one token with a slash ("Số:
    45/TCBC-BYT", a draft's "Số:    /QĐ-UBND"), not a sentence opening "Số 1/3 …"?"""
    m = NUMBER.fullmatch(line) if len(line) <= NUMBER_CHARS else None
    n = re.sub(r"\s*/\s*", "/", m.group("n").strip()) if m else ""
    return "/" in n and not any(c.isspace() for c in n)


@dataclass(frozen=True)
class NationalPaper:
    """A paper under the national title and motto alone, with no issuer (a
    citizen's đơn, a contract, a declaration): the national lines, its number
    ("Số: 12/2025/HĐLĐ" under its kind), and the lines from its kind on."""

    national: tuple[str, ...]
    number: str | None
    rest: list[str]

    @property
    def lede(self) -> str | None:
        """None (the reader finds it) under a đơn's kind: its "Về việc …" or "Kính
        gửi: …"; else "": a contract's "Hôm nay, … chúng tôi gồm:" is its text."""
        under = self.rest[1] if len(self.rest) > 1 else ""
        return None if not self.national or is_subject(under) or is_addressee(under) else ""

    def article(self, a: Article) -> Article:
        """The article read from ``rest`` with the national lines as its first
        paragraphs, in bold, as the Word reader keeps them: its kind ("ĐƠN ĐỀ
        NGHỊ") is its title. No header dates it: a signed paper's last line "Hà
        Nội, ngày …" does, and stays a line of the text, as in Word."""
        if not self.national:
            return a
        last = a.blocks[-1] if a.blocks and a.signature is not None else None
        found = date_line(text_of(last.text)) if isinstance(last, Paragraph) else None
        return replace(a, number=self.number, date=a.date or (found[1] if found else None),
                       blocks=(*(Paragraph((Span(x, strong=True),)) for x in self.national), *a.blocks))


def national_opening(lines: list[str]) -> NationalPaper:
    """The paper that ``lines`` open as, or one with no national lines and all
    of them as ``rest``. The rules under the motto ("-----") go with it."""
    kinds: list[str | None] = []
    n = 0
    while n < min(len(lines), 5) and ((kind := national_kind(lines[n])) or (kinds and is_rule(lines[n]))):
        kinds.append(kind)
        n += 1
    if sorted(k for k in kinds if k) != ["motto", "nation"] or n == len(lines):
        return NationalPaper((), None, lines)
    rest = lines[n:]
    m = NUMBER.fullmatch(rest[1]) if len(rest) > 2 else None  # under the kind: "Số: 12/2025/HĐLĐ"
    number = m.group("n").strip() if m and any(c.isalnum() for c in m.group("n")) else None
    return NationalPaper(tuple(x for x, k in zip(lines, kinds, strict=False) if k), number,
                         [rest[0], *rest[2:]] if number else rest)


def opening(header: Header, content: list[str]) -> tuple[str, str | None, list[str]]:
    """The title, the lede (None: the reader finds it) and the lines after them
    of the text under ``header``: a công văn's subject is its title; without
    one, a first line "Kính gửi: …" is the lede, and the title what the công văn
    is called by; else the first line is the title. Under a mark ("HỎA TỐC"),
    which stands above the text, there is no lede (a lede is written above the
    marks): "Kính gửi" and the first paragraph stay lines of the text."""
    addressed = bool(content) and is_addressee(content[0])
    if header.marks and (addressed or header.subject):
        return header.subject or by_number(header.number), "", content
    if header.subject:
        return header.subject, None, content
    if addressed:
        return by_number(header.number), content[0], content[1:]
    return content[0], None, content[1:]


def with_header(a: Article, header: Header) -> Article:
    """The article with what its header says: issuer, number, place, date (its
    own, if the text states one) and the marks, as its first paragraphs."""
    return replace(a, issuer=header.issuer, number=header.number, place=header.place, date=a.date or header.date,
                   blocks=(*mark_blocks(header), *a.blocks))


def place_date(title: str, rest: list[str], sapo_to_find: bool) -> tuple[str, list[str], tuple[str, str] | None]:
    """The title and the lines after it without a place-and-date line a press
    release or a statement opens with ("Hà Nội, ngày 5 tháng 8 năm 2025"), over
    its kind ("THÔNG CÁO BÁO CHÍ") or under its headline; and (place, ISO date).
    Taken for the title or the sapo, it pushed the real ones down (helper-152)."""
    if len(rest) > 1 and (stamped := stamp(title)):
        return rest[0], rest[1:], stamped
    if sapo_to_find and len(rest) > 1 and (stamped := stamp(rest[0])):
        return title, rest[1:], stamped
    return title, rest, None


def stamp(line: str) -> tuple[str, str] | None:
    """(place, ISO date) of a line that is a whole place and a whole day ("Hà Nội,
    ngày 5/3/2025"); None for any other line."""
    # A place-and-date line is short; the date's pattern is not for a page-long line.
    found = date_line(line) if len(line) <= PLACE_DATE_CHARS else None
    return (found[0], found[1]) if found and found[0] and found[1] and len(found[1]) == 10 else None
