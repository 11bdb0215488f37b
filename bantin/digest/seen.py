"""What a reader of the review has already been shown: ledes, titles and points.

A sentence repeats what was shown when at least ``REPEAT`` of its syllable pairs
are in one text shown, or when it says no new fact: every figure it gives (a
number with its unit, a date) was shown, and the texts that gave them also gave
every name it has and a fair share of its words (``FACT_WORDS``). Outlets that
tell one story each in their own words keep its figures and names: "Khoảng 1.000
người dân … đã phải sơ tán" under a lede that told how "khoảng 1.000 dân làng"
were moved ("di dời") shares under half of its pairs with it, and says nothing
new (helper-144 counted 74 repeats among 219 points of 15 bundles). Over the 200
ViMs clusters read as bundles the rule leaves out 149 sentences, and R-2 stays
at 0.336.

Texts are indexed by their pairs, so that checking a sentence against a whole
bundle costs the length of the sentence, not the size of the bundle.
"""

from __future__ import annotations

import re

from bantin.digest.salience import FIGURE, WORD, bigrams, syllables

REPEAT = 0.5  # a sentence whose syllable pairs are this much in one text shown repeats it
FACT_WORDS = 0.35  # of its pairs in the texts that gave its figures, with no new name: it repeats them
_BARE = re.compile(r"(?<![\d.,/:])\d{2,}(?!\d|[.,/:]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def figures(text: str) -> set[str]:
    """The numbers of a text's figures (amounts, dates) and its other numbers of
    two digits or more but years, written one way: "1.000 người" and "1000 dân"
    alike, since one outlet's unit is another's noun; "170 ngôi nhà bị hư hỏng"
    is news though its noun is no unit. A year, or "bão số 3", dates or names
    what is told; it is no fact of its own."""
    found = {re.sub(r"[^\d,/]", "", m.group(0)).strip(",") for m in FIGURE.finditer(text)}
    found.update(n for n in _BARE.findall(text) if not _YEAR.fullmatch(n))
    return found


def names(text: str) -> set[str]:
    """The capitalised words of a text after its first, in lower case as
    ``syllables`` gives them: names of people, places, bodies."""
    return {w.lower() for w in WORD.findall(text)[1:] if w[0].isupper()}


class Seen:
    """The texts shown so far, indexed by their syllable pairs and their figures."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, str], list[int]] = {}
        self._holding: dict[str, list[int]] = {}  # the texts that gave each figure
        self._words: list[set[str]] = []  # every word of each text: a name at its start too
        self._pairs: list[set[tuple[str, str]]] = []

    def add(self, text: str) -> None:
        n = len(self._words)
        pairs = bigrams(text)
        for p in pairs:
            self._index.setdefault(p, []).append(n)
        self._pairs.append(pairs)
        for f in figures(text):
            self._holding.setdefault(f, []).append(n)
        self._words.append(set(syllables(text)))

    def repeats(self, text: str) -> bool:
        """Does ``text`` say what one text shown says (``REPEAT`` of its pairs in
        it), or nothing that the texts which gave its figures have not said
        (``FACT_WORDS``)? Only those texts: in a day's bundle of many stories,
        another story's "20 người" and its words are no repeat of this one's."""
        pairs = bigrams(text)
        if not pairs:
            return True
        shared: dict[int, int] = {}
        for p in pairs:
            for i in self._index.get(p, ()):
                shared[i] = shared.get(i, 0) + 1
        if max(shared.values(), default=0) >= REPEAT * len(pairs):
            return True
        found = figures(text)
        if not found or any(f not in self._holding for f in found):
            return False
        givers = {i for f in found for i in self._holding[f]}
        if not names(text) <= set().union(*(self._words[i] for i in givers)):
            return False
        return len(pairs & set().union(*(self._pairs[i] for i in givers))) >= FACT_WORDS * len(pairs)

    def told(self, text: str) -> bool:
        """Does a lede say nothing new: it repeats what was shown (``repeats``) and
        gives no figure that was not (helper-144: a lede that repeated another's
        words gave the programme's dates, and went)."""
        return self.repeats(text) and all(f in self._holding for f in figures(text))

