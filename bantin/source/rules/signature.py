"""How an administrative text ends (Nghị định 30/2020), copied out of Word as
lines: the recipients and the signer, in either order.

    Nơi nhận:                  KT. GIÁM ĐỐC
    - Như trên;                PHÓ GIÁM ĐỐC
    - Lưu: VT, KSBT.           Nguyễn Thị Hoa

The two columns come one after the other: "Nơi nhận:", its items (each opening
with a dash), then the signer's office in capitals and their name; or the signer
first. Only lines that end the text are taken, and only when every one of them
has its place (a line that is neither an item, an office in capitals nor the
name leaves the text as it is): they become the article's ``Signature``, which
every format prints as the decree's signature block.

A copy sets words in the room to sign ("(Đã ký)") between the office and the
name; with them, the signer's lines end a text signed with no "Nơi nhận" too (a
notice as a website posts it). A citizen's paper is signed by a role in the
office's place ("Người làm đơn"). Two or three signers copied side by side, rows
of as many cells ("THƯ KÝ⇥CHỦ TỌA" / "Nguyễn Văn An⇥Trần Thị Bình"), are one
signature, the right one first and the others ``beside`` it; side by side, a post
in lower case may stand under a party's office ("ĐẠI DIỆN BÊN A" / "Giám đốc").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bantin.model import Signature, Signer
from bantin.model.labels import is_signed, names_paper, opens_with_kind
from bantin.source.rules.byline import is_byline
from bantin.source.rules.cells import cells

LABEL = re.compile(r"Nơi\s+nhận\s*:\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^[-–—+•]\s*(?P<text>.+?)\s*[;.,]?$")
MAX_OFFICE_WORDS = 14
MAX_OFFICE_LINES = 4  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" and a rank at most
MAX_SIDE = 3  # signers side by side: a joint document of three agencies at most on one row
MAX_ROWS = MAX_OFFICE_LINES + 2  # of signers side by side: the offices, the words in the room to sign, the names
# The family names of nearly every Vietnamese (the census's first thirty), in which a
# signer's name set in capitals opens.
_FAMILY_NAMES = frozenset((
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "phùng", "mai", "tô", "hà", "tạ", "lưu",
    "đinh", "cao", "lương", "hứa", "châu", "quách", "thái", "kiều", "la", "triệu", "lại", "chu", "tăng",
))
_SPOKEN = re.compile(r"[;!?]")  # an office may hold a comma: "GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"


def lines_of(value: str) -> tuple[str, ...]:
    """A ";"-parted value (``-M recipients=…``, a front matter field) as its lines,
    each without the dash and the closing mark Nghị định 30 sets around a
    recipient ("- Như trên;"), which the writers set again."""
    return tuple(x for x in (p.strip().removeprefix("- ").strip().rstrip(";.").strip()
                             for p in value.replace("\n", ";").split(";")) if x)


def _office(line: str) -> bool:
    """A line of the signer's authority or office: "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN".
    A line in capitals that speaks ("HÃY CHIA SẺ GIỌT MÁU ĐÀO, TRAO ĐI SỰ SỐNG!") is
    a slogan that closes the text."""
    return any(c.isalpha() for c in line) and line == line.upper() and len(line.split()) <= MAX_OFFICE_WORDS \
        and not _SPOKEN.search(line)


# Who signs a citizen's paper, in the office's place: "Người làm đơn", "Người đề nghị",
# "Người được ủy quyền" (upright or in capitals, as the forms set it).
_ROLE = re.compile(r"Người(?:\s+\w+){1,5}", re.IGNORECASE)


def _signer_line(line: str) -> bool:
    return _office(line) or _ROLE.fullmatch(line) is not None


def _name(line: str) -> bool:
    """The signer's name: "Nguyễn Thị Hoa", or in capitals, as some offices set it,
    when it opens on a family name ("NGUYỄN TRỌNG KHOA"; no office does)."""
    words = line.split()
    if 2 <= len(words) <= 5 and line == line.upper() and words[0].casefold() in _FAMILY_NAMES:
        return all(w.isalpha() for w in words)
    return is_byline(line) and not _office(line) and len(words) <= 6


def _position(line: str) -> bool:
    """A post under a party's line, as contracts type it: "Giám đốc", "Chủ tịch HĐQT"."""
    words = line.split()
    return 1 <= len(words) <= 5 and line[0].isupper() and all(w[0].isalpha() for w in words) \
        and not line.endswith((".", ":", ";", ","))


def _signer(lines: list[str], side: bool = False) -> Signature | None:
    """The office lines, the words that stand for the signature ("(Đã ký)") if
    any, and the name, when ``lines`` are exactly those. Side by side with another
    (``side``), an office line in capitals may have a post under it in lower case."""
    mark = lines[-2] if len(lines) > 2 and is_signed(lines[-2]) else None
    offices = lines[:-2] if mark else lines[:-1]
    if len(lines) < 2 or not offices or not _name(lines[-1]) or not _signer_line(offices[0]) or not all(
            _signer_line(x) or (side and _position(x)) for x in offices[1:]):
        return None
    return Signature(name=lines[-1], title=tuple(offices), signed=mark)


# The words signers side by side stand under, in three tiers (``Paper`` says which a
# text allows). Roles only papers have, in any text: a party ("ĐẠI DIỆN BÊN A", "BÊN
# BÁN", "NGƯỜI LAO ĐỘNG", "NGƯỜI LÀM ĐƠN", "CHỦ ĐẦU TƯ", "NHÀ THẦU"), a meeting's
# secretary and chair, a confirmation, an authority signing for another ("KT.", "TM.").
_ROLES = (r"ĐẠI\s+DIỆN|BÊN\s+\w+|NGƯỜI\s+\w+|THƯ\s+KÝ|CHỦ\s+TỌA|CHỦ\s+ĐẦU\s+TƯ|NHÀ\s+THẦU|TƯ\s+VẤN|GIÁM\s+SÁT"
          r"|XÁC\s+NHẬN|TM\.|KT\.|TL\.|TUQ\.|Q\.\s+\w")
# The posts that sign a paper's kinds ("GIÁM ĐỐC SỞ …", "TRƯỞNG BAN", "KẾ TOÁN").
_POSTS = (r"GIÁM\s+ĐỐC|TRƯỞNG\s+(?:BAN|PHÒNG|ĐOÀN|KHOA|CA|TRẠM)|CHÁNH|KẾ\s+TOÁN|THỦ\s+QUỸ|THỦ\s+KHO|CÁN\s+BỘ"
          r"|GIÁO\s+VIÊN|ĐƠN\s+VỊ|CÔNG\s+TY|BÍ\s+THƯ")
# Posts a news story's closing table may list as well: a team's ("HLV TRƯỞNG", "ĐỘI
# TRƯỞNG"), an election's ("CHỦ TỊCH" over "PHÓ CHỦ TỊCH", "ỦY VIÊN").
_ANY_POSTS = r"\w*TRƯỞNG|CHỦ\s+TỊCH|CHỦ\s+NHIỆM|PHÓ|ỦY\s+VIÊN|THÀNH\s+VIÊN|NGƯỜI"
_PAPER_ONLY = re.compile(rf"\b(?:{_ROLES})", re.IGNORECASE)
_OFFICES = re.compile(rf"\b(?:{_POSTS})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Paper:
    """What a text's opening says it is, for the signers side by side that may close
    it without a "Nơi nhận" beside them. ``sure``: an administrative header, the
    national title and motto, or a title that is a document's kind alone ("BIÊN
    BẢN"): any signers. ``kind``: a title that opens with a kind's words ("Biên bản
    họp Hội đồng quản trị …"), which a headline may do too ("DỰ ÁN TỶ ĐÔ", "LUẬT
    CHƠI MỚI"): signers in a paper's roles or posts.
    Any text: signers in roles only papers have ("ĐẠI DIỆN BÊN A", "THƯ KÝ", "KT.",
    "NGƯỜI LÀM ĐƠN") or a copy's "(Đã ký)". A news story's closing posts over names
    ("HLV TRƯỞNG | ĐỘI TRƯỞNG") are its own."""

    sure: bool = True
    kind: bool = False

    @classmethod
    def titled(cls, title: str, sure: bool = False) -> Paper:
        return cls(sure or names_paper(title), opens_with_kind(title))

    def signed_by(self, columns: Sequence[Sequence[str]]) -> bool:
        lines = [x for c in columns for x in c[:-1]]
        return self.sure or any(_PAPER_ONLY.search(x) or is_signed(x) for x in lines) or (
            self.kind and any(_OFFICES.search(x) for x in lines))


PAPER = Paper()


def split(lines: list[str], paper: Paper = PAPER) -> tuple[list[str], Signature | None]:
    """The text's lines without a closing signature block, and the block: its
    columns one after the other, or side by side as a Word table copies them
    ("Nơi nhận:⇥KT. GIÁM ĐỐC"). ``paper`` says which signers side by side may
    close the text (``Paper``)."""
    head, signed = _split(lines)
    start = _block_start(lines) if signed is None else None
    if start is not None:
        head, signed = _split([*lines[:start], *_columns(lines[start:])])
        if head != lines[:start]:  # the block is all of the lines from the label on, or nothing
            return lines, None
    return (head, signed) if signed is not None else _joint(lines, paper)


# What signers side by side are: a party, a post, a role, an authority ("ĐẠI DIỆN BÊN
# A", "THƯ KÝ", "KT. BỘ TRƯỞNG", "NGƯỜI LẬP BIỂU"), any tier. Capitals over names in
# columns are also a team's line-up ("THỦ MÔN", "HẬU VỆ") or a prize list ("GIẢI NHẤT")
# closing a news story: those stay the story's table.
_SIGNS = re.compile(rf"\b(?:{_ROLES}|{_POSTS}|{_ANY_POSTS})", re.IGNORECASE)


def _signs(column: Sequence[str]) -> bool:
    return any(_SIGNS.search(x) or is_signed(x) for x in column[:-1])


def joint(columns: Sequence[Sequence[str]]) -> Signature | None:
    """Signers side by side (a contract's parties, the minutes' secretary and
    chair, two or three agencies): each column exactly the office lines, the words
    in the room to sign if any, and the name. The right one signs first (Nghị
    định 30: the lead agency signs on the right); the others are beside it, left
    to right."""
    if not 2 <= len(columns) <= MAX_SIDE or not all(_signs(c) for c in columns):
        return None
    signers = [_signer(list(c), side=True) for c in columns]
    if any(x is None for x in signers):
        return None
    *others, first = [x for x in signers if x is not None]
    return replace(first, beside=tuple(Signer(x.name, x.title, x.signed) for x in others))


def columns_of(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """Rows of as many cells as columns, each without its empty cells."""
    return [[r[k] for r in rows if r[k]] for k in range(len(rows[0]) if rows else 0)]


def joint_rows(rows: Sequence[Sequence[str]]) -> Signature | None:
    """Signers from rows of as many cells each, a cell empty where one party has
    a line the others have not (a post, "Giám đốc", under its office in a
    contract); two rows at least must hold every cell."""
    wide = len(rows[0]) if rows else 0
    if any(len(r) != wide for r in rows) or sum(all(r) for r in rows) < 2:
        return None
    return joint(columns_of(rows))


def _joint(lines: list[str], paper: Paper) -> tuple[list[str], Signature | None]:
    """The text without signers copied side by side as rows of two or three cells
    ("THƯ KÝ⇥CHỦ TỌA" / "Nguyễn Văn An⇥Trần Thị Bình") that end it, with the
    recipients above or under them; and the signature. The signers are the longest
    run of closing rows that reads as signers: a table of as many columns may stand
    right above them. Signers the ``paper`` does not allow are signed only by the
    recipients beside them."""
    body, items = recipients_at_end(lines) or (lines, [])  # the signers, then "Nơi nhận"
    rows: list[list[str]] = []
    while len(rows) < min(len(body), MAX_ROWS) and \
            2 <= len(row := [c for c in cells(body[-1 - len(rows)]) if c]) <= MAX_SIDE \
            and (not rows or len(row) == len(rows[-1])):
        rows.append(row)
    rows.reverse()
    signed = None
    while len(rows) >= 2 and (signed := joint_rows(rows)) is None:
        rows = rows[1:]
    if signed is None:
        return lines, None
    head = body[: len(body) - len(rows)]
    if not items:  # "Nơi nhận", then the signers
        head, items = recipients_at_end(head) or (head, [])
    if not (items or paper.signed_by(columns_of(rows))):
        return lines, None
    return head, replace(signed, recipients=tuple(items))


def recipients_at_end(lines: list[str]) -> tuple[list[str], list[str]] | None:
    """The lines before a "Nơi nhận:" and its dashed items that end them, and the
    items; None when they do not end so."""
    label = next((i for i in range(len(lines) - 1, -1, -1) if LABEL.match(lines[i])), None)
    items = [m.group("text") for x in lines[label + 1:] if (m := _ITEM.match(x))] if label is not None else []
    if label is None or not items or len(items) != len(lines) - label - 1:
        return None
    return lines[:label], items


def _block_start(lines: list[str]) -> int | None:
    """Where a block copied side by side opens: the last line "Nơi nhận:⇥…"."""
    return next((i for i in range(len(lines) - 1, -1, -1)
                 if len(row := cells(lines[i])) > 1 and LABEL.match(row[0])), None)


def _columns(block: list[str]) -> list[str]:
    """A block copied side by side as its columns one after the other: the
    recipients, then the signer's lines. A line of one cell is the left column's
    when it is a recipient, else the signer's (the tabs before it were lost with
    the line's indent)."""
    left: list[str] = []
    right: list[str] = []
    for line in block:
        row = [c for c in cells(line.strip()) if c]
        if len(row) > 1:
            left.append(row[0])
            right.extend(row[1:])
        elif row:
            (left if _ITEM.match(row[0]) or LABEL.match(row[0]) else right).append(row[0])
    return left + right


def _split(lines: list[str]) -> tuple[list[str], Signature | None]:
    label = next((i for i in range(len(lines) - 1, -1, -1) if LABEL.match(lines[i])), None)
    if label is None:
        return _unlisted(lines)
    n = label + 1
    items = []
    while n < len(lines) and (m := _ITEM.match(lines[n])):
        items.append(m.group("text"))
        n += 1
    if not items:
        return lines, None
    if n < len(lines):  # the recipients, then the signer to the end
        signer = _signer(lines[n:])
        head = lines[:label]
    else:  # the signer, then the recipients to the end: the office lines and the name above the label
        start = _above(lines, label - 1)
        signer = _signer(lines[start:label])
        head = lines[:start]
    if signer is None:
        return lines, None
    return head, replace(signer, recipients=tuple(items))


def _above(lines: list[str], name: int) -> int:
    """Where the office lines over the name at ``name`` start (the words that
    stand for the signature between them)."""
    start = name - 1 if name > 1 and is_signed(lines[name - 1]) else name
    top = start
    while start > 0 and top - start < MAX_OFFICE_LINES and _signer_line(lines[start - 1]):
        start -= 1
    return start


def _unlisted(lines: list[str]) -> tuple[list[str], Signature | None]:
    """A copy that ends signed with no "Nơi nhận" (a notice as a website posts
    it): the office lines, "(Đã ký)" and the name. Without those words, lines
    in capitals over a name may be a text's own (a slogan, a heading and its
    author), so they stay the text."""
    if len(lines) < 3 or not is_signed(lines[-2]):
        return lines, None
    start = _above(lines, len(lines) - 1)
    signer = _signer(lines[start:])
    return (lines[:start], signer) if signer is not None else (lines, None)
