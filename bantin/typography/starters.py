"""Words on either side of a full stop that may not end a sentence: those that
open Vietnamese sentences and never a name ("Theo đó", "Sau khi", "Ông A cho
biết"), after which the stop of an abbreviation or an initial ("TP.", "Nguyễn Văn
T.") did end one; and a name's initials before it ("T.T. Hà", "Ng. Hà").

One place for every rule that asks: the no-break space after an initial
(``typography.nbsp``), the readers' sentences (``source.rules.sentences``) and the
digest's sentence splitter (``digest.sentences``).
"""

from __future__ import annotations

STARTERS = frozenset(
    "Theo Trong Tại Sau Khi Nếu Tuy Ngoài Hiện Đây Điều Việc Các Những Với Do Vì Để Cũng Còn Về "
    "Nhưng Ngay Riêng Trước Đó Hôm Dù Bởi Nhờ Qua Đặc Bên Trả Song Như Tất Mọi Năm Ngày "
    "Ông Bà Chị Họ Chúng Tôi".split()
)

# A surname cut to its consonants, which no Vietnamese word is: "Ng. Hà" (Nguyễn),
# "Tr." (Trần), "Th." (Thị).
_CLUSTERS = frozenset("Ngh Ng Nh Th Tr Ph Kh Ch Gi Qu".split())


def initials(word: str) -> bool:
    """"N", "Th", "T.T", "M.U": a name cut to its first letters, the word before an
    initial's full stop ("Á" and "Ý" are words: châu Á, nước Ý)."""
    if word in ("Á", "Ý"):
        return False
    parts = word.split(".")
    return all(p and ((len(p) == 1 and p.isupper()) or p in _CLUSTERS) for p in parts)
