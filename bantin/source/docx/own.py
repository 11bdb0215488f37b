"""What bantin's own Word files say in their own styles, read back: an editor who
revises a bantin DOCX in Word and converts it again keeps its outlet, dateline,
date, byline, source address and keywords as fields, not as body text.

- "Masthead": "Báo Mẫu (BM) · CẦN THƠ, Sáng 12/3 · ngày 12 tháng 9 năm 2025", the
  outlet, the dateline and the date (``exporters.labels.meta_line`` writes it), and an
  administrative document's issuer, number and place of issue: "UBND quận Hoàng Mai,
  Trung tâm Y tế · Số: 245/TTYT-KSBT · Hoàng Mai, ngày 12 tháng 9 năm 2025";
- "Source Note": "Nguồn: <address>" and "Từ khóa: a, b" under the byline, and the
  empty one that keeps two tables apart;
- "Byline" after the body (``styles.ROLES`` reads it as an author);
- the signature block's table, its every line in "Recipients Heading", "Recipient",
  "Signer Title" or "Signer Name", is the article's ``Signature`` again;
- "Figure Placeholder" ("[Ảnh]" where a picture was missing) and "Quote
  Attribution" are handled where blocks are assembled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bantin.model import Dateline, Outlet, Signature, Signer
from bantin.model.dates import PART_OF_DAY
from bantin.model.labels import SEPARATOR, SOURCE, TAGS

_OUTLET = re.compile(r"(?P<name>.+?) \((?P<code>[^()]+)\)")
_FIELD = re.compile(rf"(?P<label>{SOURCE}|{TAGS}|Từ khoá)\s*:\s*(?P<value>.+)")


@dataclass
class Masthead:
    outlet: Outlet | None = None
    dateline: Dateline | None = None
    date: str | None = None  # the words: "ngày 12 tháng 9 năm 2025"
    issuer: str | None = None  # its levels parted by "; ", as ``-M issuer`` writes them
    number: str | None = None
    place: str | None = None  # where the document is issued
    clock: str | None = None  # "14:30", said before the date


NUMBER = "Số: "  # as ``exporters.labels.meta_line`` writes a document's number
# "Hoàng Mai, ngày 12 tháng 9 năm 2025": the place of issue and the date, as meta_line writes
# them; a draft's month or year alone, "tháng 8 năm 2025", "năm 2025" (``labels.vi_date``).
_WHEN = r"(?:ngày \d{2} tháng \d{1,2} năm \d{4}|tháng \d{1,2} năm \d{4}|năm \d{4})"
_PLACE_DATE = re.compile(rf"(?P<place>[^,]+), (?P<date>{_WHEN})")
# A dateline's time alone ("Trưa nay", "Sáng 5/8"), which meta_line writes with no place.
_TIMED = re.compile(rf"(?:{PART_OF_DAY.pattern}|hôm|nửa đêm)\b|\d{{1,2}}[:h/]\d", re.IGNORECASE)
# "Chiều ngày 12 tháng 9 năm 2025", "Hoàng Mai, 14:30 ngày …": the dateline's time of
# day or the date's clock, said before the date (``labels.meta_line``).
_SAID_DATE = re.compile(rf"(?:(?P<place>[^,]+), )?(?P<said>{PART_OF_DAY.pattern}|\d{{2}}:\d{{2}}) (?P<date>{_WHEN})",
                        re.IGNORECASE)


def masthead(text: str) -> Masthead:
    """The outlet, the dateline, the words of the date, and an administrative
    document's issuer, number and place of issue, of a masthead line. The parts
    come in meta_line's order: outlet, issuer, number, dateline, place and date."""
    m = Masthead()
    parts = [p.strip() for p in text.split(SEPARATOR) if p.strip()]
    numbered = next((n for n, p in enumerate(parts) if p.startswith(NUMBER)), None)
    for n, part in enumerate(parts):
        when = _PLACE_DATE.fullmatch(part)
        if part.startswith(NUMBER):
            m.number = part[len(NUMBER):].strip()
        elif re.fullmatch(_WHEN, part):
            m.date = part
        elif (said := _SAID_DATE.fullmatch(part)) is not None:
            if said["place"]:
                m.place = said["place"].strip()
            m.date = said["date"]
            _said(m, said["said"])
        elif when is not None:
            m.place, m.date = when["place"].strip(), when["date"]
        elif _issuer(part, n, numbered):
            m.issuer = "; ".join(part.split(", "))
        else:
            place, comma, time = part.partition(", ")
            # The outlet comes first; a first part in capitals with a space or a time
            # ("HÀ NỘI", "HUẾ, Sáng 5/8") is a dateline with no outlet before it.
            if not comma and _TIMED.match(place) and not _OUTLET.fullmatch(part):
                # A time alone is neither a place nor an outlet (helper-108).
                m.dateline = Dateline(None, place)
                continue
            if n > 0 or (place == place.upper() and (comma or " " in place) and not _OUTLET.fullmatch(part)):
                m.dateline = Dateline(place or None, time or None)
                continue
            o = _OUTLET.fullmatch(part)
            m.outlet = Outlet(code=o["code"], name=o["name"]) if o else Outlet(name=part)
    return m


def _said(m: Masthead, said: str) -> None:
    """A clock goes back to the date ("14:30"); a time of day to the dateline's time,
    with the day it names ("Chiều" of 12/9 is "Chiều 12/9")."""
    if ":" in said:
        m.clock = said
        return
    day = re.match(r"ngày (\d{2}) tháng (\d{1,2})", m.date or "")
    if day is not None:
        place = m.dateline.place if m.dateline is not None else None
        m.dateline = Dateline(place, f"{said} {int(day[1])}/{int(day[2])}")


def _issuer(part: str, n: int, numbered: int | None) -> bool:
    """Is the ``n``-th part the issuer? Before the number, unless it is the outlet
    that opens the line; with no number, a line of capitals whose levels are
    parted by commas and that holds no digit ("UBND QUẬN HOÀNG MAI, TRUNG TÂM Y
    TẾ"), which no dateline is ("HUẾ, Sáng 5/8")."""
    if _OUTLET.fullmatch(part):
        return False
    if numbered is not None:
        return n < numbered and not (n == 0 and numbered > 1)
    return ", " in part and part == part.upper() and not any(c.isdigit() for c in part)


def source_field(text: str) -> tuple[str, str] | None:
    """("url", address) or ("tags", "a, b") for a source note's line, else None."""
    m = _FIELD.fullmatch(text.strip())
    if m is None:
        return None
    return ("url" if m["label"] == SOURCE else "tags"), m["value"].strip()


SIGNING = frozenset({"sign_label", "sign_recipient", "sign_title", "sign_name", "sign_signed"})
_ITEM = re.compile(r"^[-–—]\s*(?P<text>.+?)[;.]?$")


def signature(cells: list[tuple[int, list[tuple[str, str]]]]) -> Signature | None:
    """The signature of a table whose every line, (role, words), is in one of
    bantin's signature styles and names a signer; else None (a table). ``cells``
    are each cell's grid column and lines, row by row. Each column with an office
    or a name is a signer's, the last one the first signer's (several stand side
    by side, their offices in one row and their names in the next)."""
    lines = [x for _, c in cells for x in c]
    if not lines or any(role not in SIGNING for role, _ in lines):
        return None
    columns: dict[int, list[tuple[str, str]]] = {}
    for col, c in cells:
        columns.setdefault(col, []).extend(c)
    found = [_signer(c) for _, c in sorted(columns.items())
             if any(role in ("sign_title", "sign_name") for role, _ in c)]
    signers = [x for x in found if x is not None]
    if not signers or len(signers) < len(found):
        return None
    first = signers[-1]
    # "- Như trên;" is "Như trên" again: the writer puts the dash and the stop back.
    recipients = tuple((m["text"] if (m := _ITEM.match(t)) else t).strip() for role, t in lines
                       if role == "sign_recipient")
    return Signature(first.name, first.title, recipients, first.signed, tuple(signers[:-1]))


def _signer(lines: list[tuple[str, str]]) -> Signer | None:
    title = tuple(" ".join(t.split()) for role, t in lines if role == "sign_title")  # a broken line is one
    names = [t for role, t in lines if role == "sign_name"]
    signed = [t for role, t in lines if role == "sign_signed"]
    if not (title or names) or len(names) > 1 or len(signed) > 1:
        return None
    return Signer(names[0] if names else None, title, signed[0] if signed else None)

