"""The file's core properties (docProps/core.xml), taken as evidence, not as truth.

Templates leave their own values behind: python-docx's "python-docx", "generated
by python-docx" and 2013-12-23T23:15:00Z, Word's "Word", "Admin", "User", zip
times of 1980-01-01, and titles copied from the text of another document. A
creator counts as a byline only when it reads as a person's name; a title only
when it is neither generic nor the national title or motto. Creation dates are
the file's, not the document's: they are never taken as its date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from bantin.model.labels import NATIONAL

DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
TERMS = "{http://purl.org/dc/terms/}"

# Words that make a creator an account, a machine or an organisation, not a person.
NOT_PEOPLE = frozenset("""
python docx word microsoft office windows user users admin administrator author owner unknown guest default
team employee staff dept department company corp corporation inc ltd llc gmbh co group pc laptop computer
desktop home hp dell lenovo asus acer toshiba sony samsung apple mac system test tester client server
phòng ban công ty sở bộ ubnd trung tâm văn thư tổ máy
báo tạp chí đài kênh thông tấn news press media online tv radio times post journal daily magazine agency
""".split())
GENERIC_TITLES = frozenset({"", "title", "document", "untitled", "tài liệu", "văn bản", "tiêu đề", "microsoft word",
                            "new document", "blank document", "document1", "doc1"})
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.]*\.?")


@dataclass(frozen=True)
class Core:
    title: str | None
    creator: str | None
    description: str | None
    modified_by: str | None


def read_core(root: Any) -> Core:
    def text(tag: str) -> str | None:
        el = root.find(tag) if root is not None else None
        value = " ".join((el.text or "").split()) if el is not None else ""
        return unicodedata.normalize("NFC", value) or None

    return Core(text(DC + "title"), text(DC + "creator"), text(DC + "description"), text(CP + "lastModifiedBy"))


def fold(text: str) -> str:
    """Lower case, one kind of dash, one spelling of "hòa", spaces collapsed:
    the form national lines are compared in."""
    t = " ".join(unicodedata.normalize("NFC", text).lower().replace("hoà", "hòa").split())
    # On collapsed spaces: "\s*-" over a long run of them is quadratic.
    return " ".join(re.sub(r" ?[-–—] ?", " - ", t).split())


def national(text: str) -> bool:
    """The national title or motto ("Quốc hiệu", "Tiêu ngữ"), which is never a title."""
    t = fold(text)
    return any(n in t for n in NATIONAL)


def usable_title(title: str | None) -> bool:
    if not title:
        return False
    t = fold(title)
    return t not in GENERIC_TITLES and not t.startswith("microsoft word -") and not national(title) \
        and any(c.isalpha() for c in t)


def person(name: str | None) -> bool:
    """Whether a creator reads as a person's name: two to five words, each a
    capitalised name, none of them an account, team or machine word."""
    if not name or any(c.isdigit() or c in "@_/\\|" for c in name):
        return False
    words = name.replace(",", " ").split()
    if not 2 <= len(words) <= 5:
        return False
    for w in words:
        if not _NAME_WORD.fullmatch(w) or not w[0].isupper() or w.lower().strip(".") in NOT_PEOPLE:
            return False
        if "-" in w:
            return False
    return True
