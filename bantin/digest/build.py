"""The điểm báo: a press review with one short entry per article.

An entry keeps the article's title, its source line (outlet, dateline, date, URL),
its lede cut to the first sentence when long, and its key points (``points``), all
in the article's own words. The result is a Briefing of kind "digest" whose
articles are the entries, so it travels through every exporter like any document.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace

from bantin.digest.grouping import group_label
from bantin.digest.points import Point, select
from bantin.digest.sentences import sentences, words
from bantin.model import Article, Briefing, Document, ListBlock, ListItem, Paragraph, articles_of, plain
from bantin.style.stylesheet import Digest
from bantin.typography import autolink

LEDE_WORDS = 45  # a longer lede is cut to its first sentence (or two, when short)


def lede(text: str | None) -> str | None:
    if not text or words(text) <= LEDE_WORDS:
        return text
    parts = [s for _, s in sentences(text)]
    first = parts[0]
    if len(parts) > 1 and words(first) + words(parts[1]) <= LEDE_WORDS:
        return f"{first} {parts[1]}"
    return first


def plan(a: Article, points: int, budget: int) -> tuple[str | None, list[Point]]:
    """The entry's lede and its points: the points share what the lede leaves of
    the entry's word budget."""
    short = lede(a.lede)
    return short, select(a, points, max(0, budget - words(short or "")))


def entry(a: Article, points: int, budget: int) -> Article:
    """The article reduced to its entry: title, source, lede and points."""
    short, chosen = plan(a, points, budget)
    items = tuple(ListItem((Paragraph(plain(p.text if not p.speaker else f"{p.text} — {p.speaker}")),))
                  for p in chosen)
    # The entry's notes go with the body they were referred to from.
    return replace(a, lede=short, byline=None, notes=(),
                   blocks=(ListBlock(items, numbered_in_text=False),) if items else ())


def explain(doc: Document, caps: Digest) -> str:
    """JSON of each article's entry with every point's provenance: the block index,
    the sentence (or list item) index, its kind, and the words, so anyone can check
    that the point is the article's own."""
    out = []
    for a in articles_of(doc):
        short, chosen = plan(a, caps.points, caps.words)
        out.append({
            "title": a.title,
            "lede": short,
            "points": [{"block": p.block, "sentence": p.sentence, "kind": p.kind, "text": p.text,
                        **({"speaker": p.speaker} if p.speaker else {})} for p in chosen],
        })
    return json.dumps({"digest": out}, ensure_ascii=False, indent=2) + "\n"


def build(articles: tuple[Article, ...], title: str, *, date: str | None = None, issuer: str | None = None,
          points: int = 5, budget: int = 100, group_by: str | None = None) -> Briefing:
    entries = tuple(entry(a, points, budget) for a in articles)
    if group_by:
        # Grouped by first appearance of each group; input order inside a group.
        order: dict[str, int] = {}
        for e in entries:
            order.setdefault(group_label(e, group_by), len(order))
        entries = tuple(sorted(entries, key=lambda e: order[group_label(e, group_by)]))
    return Briefing(title, entries, date, issuer, kind="digest", group_by=group_by)


DIGEST_TITLE = "Điểm báo"


def to_digest(doc: Document, caps: Digest, group_by: str | None = None, meta: Mapping[str, str] | None = None,
              ) -> Briefing:
    """The điểm báo of a prepared document: its articles reduced to entries. A
    single article's review is titled "Điểm báo" and dated as the article is."""
    m = dict(meta or {})
    if isinstance(doc, Briefing):
        title, date, issuer = doc.title, doc.date, doc.issuer
    else:
        title, date, issuer = DIGEST_TITLE, m.get("date") or doc.date, m.get("issuer")
    b = build(articles_of(doc), title, date=date, issuer=issuer, points=caps.points, budget=caps.words,
              group_by=group_by)
    linked = autolink.apply(b)  # the points are plain words again: their addresses become links once more
    assert isinstance(linked, Briefing)
    return replace(linked, number=doc.number, place=doc.place) if isinstance(doc, Briefing) else linked
