"""The byline that closes an article: "Minh Châu", "Hòa Lê (T/h)", "Bích Lan/VOV.VN".

It is a short run of capitalised names, possibly with a credit in brackets or after
a slash, and no sentence punctuation at its end.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…:;,]$")
_CONNECTORS = {"-", "–", "&", "và", "theo", "Theo", "(Theo", "(theo", "T/h", "(T/h)", "/"}
_TAIL = re.compile(r"^(?P<body>.*[.!?…”\"])\s+(?P<tail>[^.!?…”\"]{2,60})$")


def _name_like(line: str, max_words: int) -> bool:
    words = line.split()
    if not words or len(words) > max_words or len(line) > 60 or _SENTENCE_END.search(line):
        return False
    if not words[0][0].isupper():
        return False
    for w in words:
        core = w.strip("()")
        if w in _CONNECTORS or core in _CONNECTORS or not core:
            continue
        first = core.split("/")[0]
        if not first or not (first[0].isupper() or first[0].isdigit()):
            return False
    return True


def is_byline(line: str) -> bool:
    return _name_like(line.strip(), 8)


def split_tail(line: str) -> tuple[str, str | None]:
    """A byline glued to the end of a one-line body: "… cuối năm. Minh Châu"."""
    m = _TAIL.match(line.strip())
    if m and _name_like(m.group("tail").strip(), 5):
        return m.group("body"), m.group("tail").strip()
    return line, None
