"""Non-breaking spaces where a line break would hurt the reader.

Between a number and the word it counts ("179 đại biểu", "5 km"), inside dates
("ngày 5/8"), and after short abbreviations ("TP. Hà Nội", "PGS.TS. Nguyễn").
"""

import re

NAME = "nbsp"

NBSP = "\u00a0"

# A number binds to the unit or noun it counts ("179 đại biểu", "5 km"), never to a
# function word that follows it ("Boeing 767 của", "69 đã"): that is no unit.
FUNCTION_WORDS = (
    "của đã và là thì với cho được bị trong trên dưới tại từ đến tới vào ra sẽ đang cũng "
    "có không này đó khi mà nên vì do theo như so còn rồi hay hoặc nhưng nếu để về"
).split()
_NUMBER_WORD = re.compile(
    r"(?<![\w.,/])(\d[\d.,/]*\d|\d)%? (?=[^\W\d_])(?!(?:" + "|".join(FUNCTION_WORDS) + r")(?!\w))"
)
_DATE_WORD = re.compile(r"\b(ngày|tháng|năm|Ngày|Tháng|Năm) (?=\d)")
_ABBREV = re.compile(r"\b((?:TP|TS|PGS|GS|ThS|BS|KS|NXB|Q|P|TX|TT)\.(?:[A-Z]{1,3}\.)?) (?=\w)")


def apply(text: str) -> str:
    text = _NUMBER_WORD.sub(lambda m: m.group(0)[:-1] + NBSP, text)
    text = _DATE_WORD.sub(lambda m: m.group(1) + NBSP, text)
    return _ABBREV.sub(lambda m: m.group(1) + NBSP, text)
