"""Whether an article is written in Vietnamese, whatever its page declares.

Many Vietnamese sites ship templates that say ``<html lang="en">`` (Tuổi Trẻ's
2015 pages do). The letters only Vietnamese writes settle it: ơ, ư, and the
vowels with a hook above or a dot below. Not â ê ô (French), ã õ (Portuguese),
ă (Romanian) or đ (Croatian, Serbian).
"""

from __future__ import annotations

import re
import unicodedata

from bantin.model.document import Article, Document
from bantin.model.maps import spans_of

_VIETNAMESE = re.compile("[ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]")
SAMPLE = 4000  # characters of an article looked at for those letters
ENOUGH = 12  # of them, in the sample, make it Vietnamese
# Words that hold one, of the sample's words: half in Vietnamese news, a tenth at
# least in every ViMs article; an English text that names Hà Nội and Nguyễn Văn
# An now and then stays English.
SHARE = 0.1


def sample_of(doc: Document) -> str:
    """The first SAMPLE characters of the document's title, lede and text."""
    parts: list[str] = [doc.title]
    if isinstance(doc, Article):
        parts += [doc.lede or "", *(s.text for s in spans_of(doc))]
    out, size = [], 0
    for part in parts:
        out.append(part)
        size += len(part)
        if size > SAMPLE:
            break
    return " ".join(out)[:SAMPLE]


def vietnamese(text: str) -> bool:
    """Does ``text`` (a sample of an article) hold enough letters only Vietnamese writes?"""
    text = text[:SAMPLE].lower()
    if len(_VIETNAMESE.findall(text)) < ENOUGH:
        return False
    words = text.split()
    return sum(1 for w in words if _VIETNAMESE.search(w)) >= SHARE * len(words)


def unmarked(text: str) -> str:
    """Vietnamese letters without their marks, "đ" as "d": "Tuổi Trẻ" as "Tuoi Tre",
    as a page's address or a headline in capitals without marks writes it."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
