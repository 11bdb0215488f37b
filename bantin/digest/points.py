"""Key points of an article: extractive, never invented.

Every point is a sentence of the article, or a prefix of one cut at a clause
boundary; nothing is reworded. Candidates, in order of value:

1. enumerations ("Thứ nhất, …", numbered and bulleted lists): each item's first clause;
2. sentences that carry figures (amounts, percentages, ratios such as 11/12, dates);
3. quoted statements, with their speaker;
4. the first sentence after each subheading.

Each point remembers the block and the sentence (or list item) it came from, so
``bantin inspect --digest`` can show that nothing was made up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bantin.digest.sentences import clause_around, clause_cut, sentences, words
from bantin.model import Article, Heading, ListBlock, Paragraph, Quote, text_of

ITEM_WORDS = 12  # an enumeration's item becomes one short line
SENTENCE_WORDS = 30
QUOTE_WORDS = 40
MIN_WORDS = 3  # "2." or "Điều 17." alone says nothing
_STRONG_FIGURE = re.compile(r"\d[\d.,]*\s?%|\d+/\d+|\d{1,3}(?:\.\d{3})+|\d[\d.,]*\s?(?:tỷ|triệu|nghìn|ngàn|đồng|USD)")
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"^(?:Thứ \w+|\d+[.)]|[a-zđ][.)])[,:]?\s", re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    text: str  # the article's own words
    block: int  # index of the block in the article
    sentence: int  # index of the sentence in that block (of the item, for a list)
    kind: str  # "list", "figure", "quote" or "heading"
    speaker: str | None = None


def candidates(a: Article) -> list[Point]:
    """Every candidate, most valuable kind first, each kind in article order."""
    lists: list[Point] = []
    figures: list[tuple[int, Point]] = []
    quotes: list[Point] = []
    after_heading: list[Point] = []
    lede = a.lede or ""
    heading_before = False
    for bi, b in enumerate(a.blocks):
        if isinstance(b, ListBlock):
            for ii, item in enumerate(b.items):
                first = sentences(text_of(item.text))[:1]
                if first:
                    clause = first[0][1].split(";")[0].rstrip(" ,:")
                    ordinal = _ORDINAL.match(clause)
                    keep = words(ordinal.group(0)) if ordinal else 0
                    lists.append(Point(clause_cut(clause, ITEM_WORDS, keep), bi, ii, "list"))
        elif isinstance(b, Quote):
            first = sentences(text_of(b.text))[:1]
            if first and words(first[0][1]) <= QUOTE_WORDS:
                quotes.append(Point(first[0][1], bi, 0, "quote", b.attribution))
        elif isinstance(b, Paragraph):
            for si, (_, s) in enumerate(sentences(text_of(b.text))):
                if si == 0 and heading_before:
                    after_heading.append(Point(clause_cut(s, SENTENCE_WORDS, 3), bi, si, "heading"))
                if s.startswith(("“", '"')) and ("”" in s[1:] or '"' in s[1:]) and words(s) <= QUOTE_WORDS:
                    quotes.append(Point(s, bi, si, "quote"))
                elif any(c.isdigit() for c in s) and s not in lede:
                    # The clauses that hold the figures, the strongest kind first.
                    short = clause_around(s, _STRONG_FIGURE, SENTENCE_WORDS) or clause_around(
                        s, _DIGIT, SENTENCE_WORDS)
                    if short:
                        strength = len(_STRONG_FIGURE.findall(short))
                        figures.append((strength, Point(short, bi, si, "figure")))
        heading_before = isinstance(b, Heading)
    ranked = [p for _, p in sorted(figures, key=lambda sp: -sp[0])]  # stable: article order within a rank
    return lists + ranked + quotes + after_heading


def select(a: Article, limit: int, budget: int) -> list[Point]:
    """Up to ``limit`` points within ``budget`` words, chosen by value, shown in
    article order. A candidate already chosen (the same sentence) is not repeated."""
    chosen: list[Point] = []
    used = 0
    seen: set[tuple[int, int]] = set()
    texts: set[str] = set()  # the same words from two places are one point
    for p in candidates(a):
        if len(chosen) == limit:
            break
        n = words(p.text)
        if (p.block, p.sentence) in seen or p.text in texts or used + n > budget or n < MIN_WORDS:
            continue
        chosen.append(p)
        seen.add((p.block, p.sentence))
        texts.add(p.text)
        used += n
    return sorted(chosen, key=lambda p: (p.block, p.sentence))
