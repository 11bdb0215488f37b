"""What the other articles of a bundle say of the same story.

A press review is made from many outlets' coverage of the day's news. What
several of them report is what the news is; what one alone dwells on is its
colour. So, across a bundle, each article's terms (``salience.terms``) are
weighted by how many *other* articles of the same story hold them, and a
sentence's ``story`` part (``salience.parts``) is its cosine with those weights.
A single article has no such support: its points rest on its own centroid.

Another article tells an article's story when the cosine of their terms (title,
lede and body) is at least ``SAME_STORY`` and it holds at least ``HEADLINE`` of
the syllable pairs of the article's own title and lede. Vocabulary alone links
stories of one kind: two Party congresses, two investment reports share "đại hội
đảng bộ nhiệm kỳ" or "dự án tỷ đồng" at cosines of 0.4 and 0.5; the headline's
names and events ("phường Kiến Hưng", "khai bút") are what one story shares. On
the ViMs clusters, 85% of the ordered pairs of one cluster's articles pass both
tests and 0.02% of pairs from different clusters do; in the 53 articles of the
shared corpus, 4 pairs pass (34 on the cosine alone). Copies of one article
(``syndication.copies``) vote once: a story that one agency sent to ten outlets
is still one source. The ``STORY_MAX`` most alike articles of a story are enough
to say what it is. Two articles dated more than ``STORY_DAYS`` apart tell two
stories, however alike: this year's and last year's vía Thần Tài, two years'
public-investment plans (helper-123 found both matched at cosines of 0.94–0.97).

The articles are compared through an inverted index of their terms, so a bundle
costs what its articles share, not the square of its size. A term held by more
than ``COMMON`` articles is left out of that comparison: it is a word of the
day, not of one story. Bundles of up to ``COMMON`` articles compare every term.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import date

from bantin.digest.salience import Weights, terms
from bantin.digest.syndication import prose
from bantin.model import Article

SAME_STORY = 0.3
HEADLINE = 0.2
STORY_MAX = 32
COMMON = 64
STORY_DAYS = 7


def _day(a: Article) -> date | None:
    try:
        return date.fromisoformat(a.date[:10]) if a.date else None
    except ValueError:
        return None


def _apart(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) > STORY_DAYS


def supports(groups: Sequence[Sequence[Article]]) -> list[Weights | None]:
    """For each group of copies, the support of its first article's terms among
    the other groups of its story, or None when no other group tells it."""
    vecs = [terms(prose(g[0])) for g in groups]
    heads = [[k for k in terms(f"{g[0].title}\n{g[0].lede or ''}") if " " in k] for g in groups]
    days = [_day(g[0]) for g in groups]
    index: dict[str, list[tuple[int, int]]] = {}
    for i, v in enumerate(vecs):
        for k, n in v.items():
            index.setdefault(k, []).append((i, n))
    # The cosine is taken over the terms compared, so that leaving the words of
    # the day out of a large bundle does not make its stories look apart.
    norms = [math.sqrt(sum(n * n for k, n in v.items() if len(index[k]) <= COMMON)) or 1.0 for v in vecs]
    out: list[Weights | None] = []
    for i, v in enumerate(vecs):
        if not heads[i]:  # no title nor lede to tell its story by
            out.append(None)
            continue
        dots: dict[int, float] = {}
        for k, x in v.items():
            holders = index[k]
            if len(holders) <= COMMON:
                for j, y in holders:
                    dots[j] = dots.get(j, 0.0) + x * y
        dots.pop(i, None)
        for j in [j for j in dots if _apart(days[i], days[j])]:
            del dots[j]
        alike = sorted((-d / (norms[i] * norms[j]), j) for j, d in dots.items()
                       if d >= SAME_STORY * norms[i] * norms[j]
                       and sum(k in vecs[j] for k in heads[i]) >= HEADLINE * len(heads[i]))
        held: Counter[str] = Counter()
        for _, j in alike[:STORY_MAX]:
            held.update(v.keys() & vecs[j].keys())
        out.append(Weights({k: float(n) for k, n in held.items()}) if held else None)
    return out
