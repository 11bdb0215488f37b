"""The byline that closes an article: "Minh Châu", "Hòa Lê (T/h)", "Bích Lan/VOV.VN".

It is a short run of capitalised names, possibly with a credit in brackets or after
a slash, and no sentence punctuation at its end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SENTENCE_END = re.compile(r"[.!?…:;,]$")
MAX_CHARS = 60  # of a byline's names
# A Vietnamese phone number (0912 345 678, 0228.3849.555, +84 912 345 678), not a
# date ("21/3/2026") nor an amount ("3.000.000 đồng").
PHONE = r"(?<![\d/.,])(?:\+84[ .-]?|0)\d{2,4}[ .-]?\d{3,4}[ .-]?\d{3,4}(?![\d/])"
_CONNECTORS = {"-", "–", "&", "và", "theo", "Theo", "(Theo", "(theo", "T/h", "(T/h)", "/"}
_TAIL = re.compile(r"^(?P<body>.*[.!?…”\"])\s+(?P<tail>[^.!?…”\"]{2,60})$")


def _name_like(line: str, max_words: int) -> bool:
    words = line.split()
    if not words or len(words) > max_words or len(line) > MAX_CHARS or _SENTENCE_END.search(line):
        return False
    if not words[0][0].isupper():
        return False
    if "@" in line or re.search(PHONE, line):
        return False  # "ĐT: 0912.345.678", an address: a way to reach someone, never a name
    for w in words:
        core = w.strip("()")
        if w in _CONNECTORS or core in _CONNECTORS or not core:
            continue
        first = core.split("/")[0]
        if not first or not (first[0].isupper() or first[0].isdigit()):
            return False
    return True


# A signature's role, in small letters as newsrooms set it, before the names
# ("Bài và ảnh: Thanh Chi", "Tin, ảnh: Văn Long") or after them in brackets ("Mai
# Phương (thực hiện)", "PV (tổng hợp)"); or a team that signs ("Nhóm phóng viên").
_WRITERS = r"Bài|Tin|Ghi chép|Thực hiện|Nhóm thực hiện"  # roles that name an author
_MORE_ROLES = r"(?:\s*(?:,|và|&|-)\s*(?:bài|tin|ảnh|video|clip))*\s*:\s*(?=\S)"
_ROLE_BEFORE = re.compile(rf"^(?:{_WRITERS}|Ảnh|Video|Clip){_MORE_ROLES}")
_ROLE_AFTER = re.compile(r"\s*\((?:thực hiện|tổng hợp|lược dịch|biên dịch|dịch|ghi|ghi chép|chuyển ngữ|"
                         r"biên soạn)\)$")
_TEAM = re.compile(r"Nhóm (?:phóng viên|PV|thực hiện|tác giả)")


# The author's role before the names, the words of a signature set under the
# headline as magazines and features print it: "Bài và ảnh: Phạm Hoài", "Bài: …",
# "Tin, ảnh: …", "Thực hiện: …". Not "Ảnh: …" nor "Video: …" alone: a picture's
# or a clip's credit, which may stand there too.
_AUTHOR_ROLE = re.compile(rf"(?:{_WRITERS}){_MORE_ROLES}")


def under_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The byline a feature sets under its headline, over the sapo ("Bài và ảnh:
    Phạm Hoài"), and the lines after it; or None and the lines. Only a signature
    that names the author's role: a name alone there may be a subtitle."""
    if len(lines) > 1 and _AUTHOR_ROLE.match(lines[0].strip()) and is_byline(lines[0]):
        return lines[0], lines[1:]
    return None, lines


def is_byline(line: str) -> bool:
    # Names parted by a tab ("Mai Đức Chung⇥Huỳnh Như") are a table's row, copied from Word.
    text = line.strip()
    if "\t" in text or len(text) > 2 * MAX_CHARS:  # a byline is short: no pattern runs on a page-long line
        return False
    names = _ROLE_AFTER.sub("", _ROLE_BEFORE.sub("", text))
    return _TEAM.fullmatch(names) is not None or _name_like(names, 8) or _affiliated(text)


# Degrees and ranks written out before a person's name: a signature's here, a
# speaker's line in ``quote`` (one list for both).
TITLES = ("Giáo sư", "Phó Giáo sư", "Tiến sĩ", "Thạc sĩ", "Bác sĩ", "Luật sư", "Kỹ sư", "Kiến trúc sư", "Nhà báo",
          "Nhà văn", "Nhà thơ", "Nhà nghiên cứu", "Nghệ sĩ", "NSND", "NSƯT", "Nhạc sĩ", "Họa sĩ", "Nghệ nhân",
          "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu tướng",
          "Trung tướng", "Thượng tướng", "Đại tướng")
# An author's degree or rank, the first word of a signature that names where they
# work ("TS Nguyễn Văn A – Học viện Chính trị quốc gia", "ThS. Lê B - Trường Đại học
# Luật"): a commentary's signature, whose institution is in small letters after its
# first word and so is no run of capitalised names. Short forms chain ("PGS.TS").
_DEGREE = re.compile(r"(?:(?:GS|PGS|TS|TSKH|ThS|BS|BSCKI|BSCKII|NCS|KTS|LS)(?:\.\s?|\s))+"
                     rf"|(?i:{'|'.join(TITLES)})\s")
_AFFILIATION = re.compile(r"\s[-–—]\s")
_PLACE_WORDS = 12  # of an institution's name


def _affiliated(text: str) -> bool:
    """A degree or rank and a name, a dash, and where the author works: one dash,
    the institution opening in a capital, no sentence in it."""
    parts = _AFFILIATION.split(text)
    degree = _DEGREE.match(parts[0]) if len(parts) == 2 else None
    if degree is None:
        return False
    person, place = parts[0][degree.end():].strip(), parts[1].strip()
    return _name_like(person, 5) and 0 < len(place.split()) <= _PLACE_WORDS and place[0].isupper() \
        and not any(c in place for c in ":;!?()") and not _SENTENCE_END.search(place)


def split_tail(line: str) -> tuple[str, str | None]:
    """A byline glued to the end of a one-line body: "… cuối năm. Minh Châu"."""
    m = _TAIL.match(line.strip())
    if m and _name_like(m.group("tail").strip(), 5):
        return m.group("body"), m.group("tail").strip()
    return line, None


# "Theo TTXVN", or the credit a press office writes under an article it took:
# "Nguồn: TTXVN", "(Nguồn: Báo Nhân Dân)".
_THEO = re.compile(r"^\(?(?:[Tt]heo\s+|(?:Nguồn|NGUỒN)(?: tin| bài)?\s*:\s*)(?P<source>[^():]{2,40}?)\)?\.?$")
# Initials glued to a name, as Người Lao Động signs: "B.H.Thanh", "N.Lan".
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,3}\s?[^\W\d_]+")
_LEAD = re.compile(r"\S+")


def source_credit(line: str) -> str | None:
    """"Theo Vnexpress", "(Theo TTXVN)", "Nguồn: TTXVN": the source an article was
    taken from (a publisher, never a byline); its name, or None."""
    m = _THEO.match(line.strip())
    return m.group("source").strip() if m else None


CLOSING_NOTES = 3  # lines under a byline: "Theo TTXVN", "ĐT: …", "Email: …"


def above_notes(lines: Sequence[object]) -> int:
    """Where a closing byline may stand among a body's lines (blocks already read
    are no note): the last line, a name ("Quý Sáng" under a video's sapo), or the
    line above the closing notes that stay where they stand: the source ("Hoài Nam"
    over "Theo Hànộimới", a publisher and never the byline), "(Còn nữa)", the
    author's e-mail and phone, one line each. -1 when there are no lines."""
    at = len(lines) - 1
    while at > 0 and len(lines) - at <= CLOSING_NOTES and isinstance(note := lines[at], str) and closing_note(note):
        at -= 1
    return at


# A series' note under the last paragraph: "(Còn nữa)", "(Hết)", "(Kỳ sau: …)".
_TO_FOLLOW = re.compile(r"\((?:còn nữa|còn tiếp|hết|kỳ sau|kỳ tới|kỳ cuối|xem tiếp|tiếp theo)\b[^()]{0,80}\)\.?",
                        re.IGNORECASE)


# How to reach the author, under the name: "Email: minhanh@plo.vn", "ĐT: 0912 345
# 678 - Email: …", or the address alone. A contributor's article and a press release
# close so; the name above is the byline, not a heading.
_REACH_LABEL = re.compile(r"(?:E-?mail|Thư điện tử|Điện thoại|ĐT|SĐT|DĐ|Di động|Tel|Mobile|Fax)\s*:", re.IGNORECASE)
_REACH = re.compile(rf"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|{PHONE}")
_BETWEEN = re.compile(r"[\s()\-–|;,.]*")  # what may part them


def contact(line: str) -> bool:
    """Is the line only a way to reach someone: e-mail addresses and phone numbers,
    each perhaps after its label? Each is found alone and the rest must be what parts
    them: one pattern for a run of them backtracks without end on a run of digits."""
    text = line.strip()
    if len(text) > 2 * MAX_CHARS or not _REACH.search(text):
        return False
    return _BETWEEN.fullmatch(_REACH.sub(" ", _REACH_LABEL.sub(" ", text))) is not None


def closing_note(line: str) -> bool:
    """A line that may stand under the byline and is not one: the source the
    article was taken from ("Theo TTXVN"), a series' note ("(Còn nữa)"), or how
    to reach the author ("Email: …")."""
    return source_credit(line) is not None or _TO_FOLLOW.fullmatch(line.strip()) is not None or contact(line)


def leading(text: str) -> tuple[str, str] | None:
    """A byline that opens a body, as Người Lao Động prints it before the lead
    photo: "B.H.Thanh - Hữu Hưng Chủ tịch nước…" gives "B.H.Thanh - Hữu Hưng".
    Only a signature with initials counts: a name alone cannot be told from the
    caption or sentence it runs into."""
    if not _INITIALS.match(text) or not text[:1].isupper():
        return None
    tokens = list(_LEAD.finditer(text[:200]))
    end = 0
    for i, m in enumerate(tokens[:10]):
        w = m.group()
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if w in ("-", "–", "&", "và"):
            continue
        if not w[:1].isupper() or (end and not w.isupper() and nxt[:1].islower()):
            break
        end = m.end()
    if not end or end >= len(text):
        return None
    by = text[:end].strip()
    return (by, text[end:].strip()) if _name_like(by, 8) else None
