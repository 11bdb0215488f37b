"""Lines a source broke inside a sentence, joined again.

Some crawls turn the no-break space after an amount or a link into a line break:
"… hoàn lại cho BDA 958.700" / "USD trong tổng số …" (14 such breaks in the
1,300 ViMs articles). Such a line and the next are one paragraph when the next
cannot start one: it opens with a lower-case word after a number or an address
("… vào ngày 27.4.2005" / "và đã tổ chức …", "… www.hopon-hopoff.vn" / "để đăng ký
mua vé."), or with a currency code after an amount ("958.700" / "USD …").

Not a continuation:
- a line after one that ends in punctuation (a list's lead-in "gồm:", a quotation)
  or that opens lower-case itself (an item of a list without marks);
- the first of several lines in lower case: the items of a list whose lead-in has
  no colon ("Các chỉ tiêu chủ yếu năm 2025" / "tốc độ tăng trưởng …;" / "thu nhập …");
- a currency code after a date or a plain number ("Diễn biến phiên ngày 5/8" /
  "USD tại Vietcombank …" is a subheading and its paragraph);
- an enumerator ("a) …", "b. …") and a brand written lower-case first ("iPhone 7").
"""

from __future__ import annotations

import re

from bantin.typography.protect import addresses

_ENDS = frozenset(".!?…:;,\"”’»)]")
_CURRENCY = re.compile(r"(?:USD|VND|VNĐ|EUR|JPY|CNY|GBP)\b")
_AMOUNT = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+,\d+")
_ENUMERATOR = re.compile(r"[^\W\d_][.)]$")


def _opens_lower(line: str) -> bool:
    word = line.split(" ", 1)[0]
    return (word[:1].isalpha() and word[0].islower() and not any(c.isupper() for c in word[1:])
            and not _ENUMERATOR.match(word))


def continues(line: str, first: str, last: str, after: str | None = None) -> bool:
    """Does ``line`` carry on the paragraph that opens with ``first`` and ends
    with ``last`` (its lines), ``after`` being the line that follows ``line``?
    Only the paragraph's two ends are read, so joining stays linear."""
    if not last or last[-1] in _ENDS or _opens_lower(first):
        return False
    word = last.rsplit(" ", 1)[-1]
    if _CURRENCY.match(line):
        return _AMOUNT.fullmatch(word) is not None
    held = word[-1].isdigit() or bool(addresses(word))
    return held and _opens_lower(line) and not (after is not None and _opens_lower(after))


def join(lines: list[str]) -> list[str]:
    out: list[list[str]] = []
    for n, line in enumerate(lines):
        after = lines[n + 1] if n + 1 < len(lines) else None
        if out and continues(line, out[-1][0], out[-1][-1], after):
            out[-1].append(line)
        else:
            out.append([line])
    return [" ".join(parts) for parts in out]
