"""Vietnamese sentences and clauses, by rule: no model, no network, deterministic.

A sentence ends at . ! ? or … (with any closing quote or bracket) before white space
and a capital, an opening quote or a digit, unless the word before the full stop is
an abbreviation ("TP.", "PGS.TS.") or an initial ("N. V. An"); "v.v." before a
capital ends its sentence. "2.900", "5/8" and "11/12"
hold no boundary, since a boundary needs white space after the stop.
"""

from __future__ import annotations

import re

# Words that end in a full stop without ending the sentence; matched case-sensitively
# against the word before the stop (its last dotted part).
ABBREVIATIONS = frozenset(
    "TP Tp TS PGS GS ThS Th.S BS KS NXB Q P TX TT St Mr Mrs Dr Nxb tr Tr tp "
    "PGS.TS GS.TS TS.BS ThS.BS Th.S.BS Ths Co Ltd Inc".split()
)
_END = re.compile(r"[.!?…]+[”’\"»)\]]*(?=\s+[\"“‘«(]?[^\W_])")
_WORD_BEFORE = re.compile(r"(\S+?)[.!?…]+[”’\"»)\]]*$")
_CLAUSE = re.compile(r"[,;:–—](?=\s)")


def sentences(text: str) -> list[tuple[int, str]]:
    """(start offset, sentence) for each sentence of ``text``, in order."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        nxt = text[end:].lstrip()[:1]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘«("):
            continue
        before = _WORD_BEFORE.search(text[start:end])
        word = before.group(1) if before else ""
        last = word.rsplit(".", 1)[-1] if "." in word and not word.endswith(".") else word
        if m.group(0).startswith(".") and (word in ABBREVIATIONS or last in ABBREVIATIONS
                                           or (len(last) == 1 and last.isupper())):
            continue
        _add(out, text, start, end)
        start = end
    _add(out, text, start, len(text))
    return out


def _add(out: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    if piece.strip():
        out.append((start + len(piece) - len(piece.lstrip()), piece.strip()))


def words(text: str) -> int:
    return len(text.split())


def clause_cut(text: str, limit: int, keep: int = 0) -> str:
    """``text`` cut at a clause boundary (, ; : –): the longest prefix of at most
    ``limit`` words and more than ``keep``, else the shortest longer one, else the
    text. A prefix: the words are the article's own."""
    if words(text) <= limit:
        return text
    heads = [h for h in (text[: m.start()].rstrip() for m in _CLAUSE.finditer(text)) if words(h) > keep]
    fitting = [h for h in heads if words(h) <= limit]
    return fitting[-1] if fitting else heads[0] if heads else text


def clause_around(text: str, pattern: re.Pattern[str], limit: int) -> str | None:
    """The clauses of ``text`` from the first one ``pattern`` matches in, as many
    as fit in ``limit`` words: "hoàn thành 11/12 chỉ tiêu, đạt trên 90%" out of a
    long sentence. None when no clause matches."""
    bounds = [0, *(m.end() for m in _CLAUSE.finditer(text)), len(text)]
    spans = list(zip(bounds, bounds[1:], strict=False))
    first = next((i for i, (a, b) in enumerate(spans) if pattern.search(text, a, b)), None)
    if first is None:
        return None
    start, end = spans[first]
    for _a, b in spans[first + 1:]:
        if words(text[start:b]) > limit:
            break
        end = b
    return text[start:end].strip().rstrip(",;:–—").strip()
