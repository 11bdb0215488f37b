"""Lines a source broke inside a sentence, joined again.

Some crawls turn the no-break space after a number or a link into a line break:
"… hoàn lại cho BDA 958.700" / "USD trong tổng số …" (14 such breaks in the
1,300 ViMs articles). A line that ends in a number or an address, followed by one
that cannot start a paragraph, is one paragraph: the second opens with a
lower-case word ("để đăng ký mua vé.") or a currency code ("USD).").

Not a continuation: a line after one that ends in punctuation (a list's lead-in
"gồm:", a quotation) or that opens lower-case itself (the items of a list without
marks), an enumerator ("a) …", "b. …") and a brand written lower-case first
("iPhone 7 …", "eBay …").
"""

from __future__ import annotations

import re

_ENDS = re.compile(r"[.!?…:;,\"”’»)\]]$")
_CURRENCY = re.compile(r"(?:USD|VND|VNĐ|EUR|JPY|CNY|GBP)\b")
_ADDRESS = re.compile(r"^(?:https?://|www\.)|\w\.(?:vn|com|net|org)(?:/|$)", re.IGNORECASE)
_ENUMERATOR = re.compile(r"[^\W\d_][.)]$")


def _opens_lower(line: str) -> bool:
    word = line.split(" ", 1)[0]
    return (word[:1].isalpha() and word[0].islower() and not any(c.isupper() for c in word[1:])
            and not _ENUMERATOR.match(word))


def continues(line: str, after: str) -> bool:
    """Does ``line`` carry on the sentence ``after`` left open? Only where the
    break stood for a no-break space: after a number or an address. A lead-in
    without its colon ("Thành phần gồm") followed by items in lower case is a list."""
    if not after or _ENDS.search(after) or _opens_lower(after):
        return False
    last = after.rsplit(" ", 1)[-1]
    held = last[-1:].isdigit() or _ADDRESS.search(last) is not None
    return held and (_opens_lower(line) or bool(_CURRENCY.match(line)))


def join(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and continues(line, out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
