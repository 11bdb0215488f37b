"""Copies of one article in a bundle: the same story sent to several outlets.

Two articles are copies when at least ``SAME`` of the syllable pairs of the
shorter one are in the longer one (title, lede and body together): outlets that
take an agency's story retitle it, trim it or add a line, but keep its sentences.
Only articles that share a sampled pair are compared in full: a pair is sampled
when its hash (CRC-32, so that runs agree) is a multiple of ``RATE``, or among an
article's four smallest, and a pair shared by too many articles to tell them
apart is not used. A bundle of hundreds of articles costs little more than
reading it.
"""

from __future__ import annotations

import zlib

from bantin.digest.salience import bigrams
from bantin.model import Article, ListBlock, Paragraph, Quote, text_of

SAME = 0.8
RATE = 16
SMALLEST = 4
COMMON = 64  # a sampled pair found in more articles than this tells nothing


def prose(a: Article) -> str:
    """The article's words a reader compares: title, lede, paragraphs, quotes
    and list items, one per line (headings, captions and tables left out)."""
    parts = [a.title, a.lede or ""]
    for b in a.blocks:
        if isinstance(b, (Paragraph, Quote)):
            parts.append(text_of(b.text))
        elif isinstance(b, ListBlock):
            parts.extend(text_of(i.text) for i in b.items)
    return "\n".join(parts)


def _pairs(a: Article) -> frozenset[str]:
    return frozenset(f"{x} {y}" for x, y in bigrams(prose(a)))


def _sample(pairs: frozenset[str]) -> set[int]:
    hashes = sorted(zlib.crc32(p.encode("utf-8")) for p in pairs)
    return {h for h in hashes if h % RATE == 0} | set(hashes[:SMALLEST])


def copies(articles: tuple[Article, ...], same_outlet_only: bool = False) -> list[list[Article]]:
    """The articles grouped with their copies, each group in input order, the
    groups in order of their first article. With ``same_outlet_only``, copies
    from different outlets stay apart."""
    pairs = [_pairs(a) for a in articles]
    samples = [_sample(p) for p in pairs]
    owner = list(range(len(articles)))  # the first article of each one's group
    by_hash: dict[int, list[int]] = {}
    for i, p in enumerate(pairs):
        # Copies share most of their sampled pairs: count them before comparing in full.
        shared: dict[int, int] = {}
        for h in samples[i]:
            ids = by_hash.get(h, ())
            if len(ids) <= COMMON:
                for j in ids:
                    shared[j] = shared.get(j, 0) + 1
        for j in sorted(shared):
            if shared[j] < SAME * min(len(samples[i]), len(samples[j])) / 2:
                continue
            if same_outlet_only and articles[i].outlet != articles[j].outlet:
                continue
            small, big = (p, pairs[j]) if len(p) <= len(pairs[j]) else (pairs[j], p)
            if small and len(small & big) >= SAME * len(small):
                owner[i] = owner[j]
                break
        for h in samples[i]:
            by_hash.setdefault(h, []).append(i)
    groups: dict[int, list[Article]] = {}
    for i, a in enumerate(articles):
        groups.setdefault(owner[i], []).append(a)
    return list(groups.values())
