"""The điểm báo: a press review with one short entry per article.

An entry keeps the article's title, its source line (outlet, dateline, date, URL),
its lede cut to the first sentence when long, and its key points (``points``), all
in the article's own words. The result is a Briefing of kind "digest" whose
articles are the entries, so it travels through every exporter like any document.

Across a bundle, copies of one article (syndication) become one entry that names
every outlet, and no point repeats a lede or a point already shown for another
article (``points.Seen``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from bantin.digest import filters
from bantin.digest.grouping import OTHER, group_key
from bantin.digest.points import Point, select
from bantin.digest.salience import Weights
from bantin.digest.seen import Seen
from bantin.digest.sentences import sentences, words
from bantin.digest.story import supports
from bantin.digest.syndication import copies
from bantin.model import (
    Article,
    Briefing,
    Document,
    ListBlock,
    ListItem,
    Outlet,
    Paragraph,
    Text,
    articles_of,
    plain,
)
from bantin.model.outlets import outlet_key
from bantin.style.stylesheet import Digest
from bantin.typography import autolink, nbsp

LEDE_WORDS = 45  # a longer lede is cut to its first sentence (or two, when short)
# The points' words however long the lede: a one-sentence sapo of 70 to 120 words
# left 52 of ViMs' 1,300 entries with no point at all (13 with this floor, whose
# points would still not fit). Forty words is one sentence of the article's.
POINT_WORDS = 40


def lede(text: str | None) -> str | None:
    """The lede as the entry shows it: whole when short, else its first sentence
    (or two). A lede of a few words is a fragment of a sapo the source lost
    ("Wells Fargo thực hiện."): the entry goes without it, and its points get the
    words."""
    if not text or filters.short(text):
        return None
    if words(text) <= LEDE_WORDS:
        return closed(text)
    parts = [s for _, s in sentences(text)]
    first = parts[0]
    if len(parts) > 1 and words(first) + words(parts[1]) <= LEDE_WORDS:
        return closed(f"{first} {parts[1]}")
    return closed(first)


_PAIRS = {"“": "”", "(": ")"}
# The marks a sentence stops on mid-way, at the lede's end or before its closing marks.
_CUT = re.compile(r"\s*[;:,][;:,\s]*(?=[”\"»’)\]]*\s*$)")


def closed(text: str) -> str:
    """The lede with any quotation or bracket it leaves open closed after an
    ellipsis: a sapo may open a quotation that the article's next paragraph
    closes ("… cho biết: “Việc công văn … trên thị trường."), and the entry,
    which shows the sapo alone, must not leave it open. A lede that stops on a
    semicolon, a colon or a comma ends on an ellipsis instead."""
    # A sapo cut where its sentence goes on in the next paragraph ("…, hoặc cung cấp
    # thêm dịch vụ theo nhu cầu của người sử dụng;") ends on an ellipsis, as an
    # editor marks what is left out (helper-148).
    cut = _CUT.search(text)
    if cut:
        before = text[: cut.start()]
        text = before + ("" if before.endswith((".", "…", "!", "?")) else "…") + text[cut.end():].strip()
    open_: list[str] = []
    for c in text:
        if c in _PAIRS:
            open_.append(c)
        elif open_ and c == _PAIRS[open_[-1]]:
            open_.pop()
    if not open_:
        return text
    body = text.rstrip()
    body = body if body.endswith("…") else body.rstrip(".") + "…"
    return body + "".join(_PAIRS[c] for c in reversed(open_))


def plan(a: Article, points: int, budget: int, seen: Seen | None = None,
         support: Weights | None = None) -> tuple[str | None, list[Point]]:
    """The entry's lede and its points: the points share what the lede leaves of
    the entry's word budget, and at least POINT_WORDS of it. In a bundle, a lede
    that repeats what ``seen`` holds is not shown."""
    short = lede(a.lede)
    if short and seen is not None and seen.told(short):
        # Another outlet's sapo of a story an earlier entry told: the same fact
        # printed again (helper-143 counted up to five ledes of one story). The
        # entry goes without it; its sentences may still be points if they say
        # something new, and the points get the words.
        return None, select(a, points, budget, "", seen, support)
    return short, select(a, points, max(POINT_WORDS, budget - words(short or "")), short, seen, support)


def _in_groups(entries: list[list[Article]], group_by: str) -> list[list[Article]]:
    """The entries in the order the review lists them: by first appearance of each
    group, "Khác" (no outlet or tag) last, input order inside a group. They are
    planned in that order, so that what an entry leaves out as told (a lede, a
    point) was told above it."""
    order: dict[str, int] = {}
    for group in entries:
        order.setdefault(group_key(group[0], group_by), len(order))
    if OTHER in order:
        order[OTHER] = len(order)
    return sorted(entries, key=lambda group: order[group_key(group[0], group_by)])


def _shown(p: Point) -> Text:
    return plain(nbsp.attach(p.text, p.speaker) if p.speaker else p.text)


def plans(articles: tuple[Article, ...], points: int, budget: int,
          group_by: str | None = None) -> list[tuple[list[Article], str | None, list[Point]]]:
    """Each entry of a bundle: the group of copies it stands for, its lede and its
    points, no point repeating what an earlier entry showed. Grouped by outlet,
    each outlet keeps its own copy; otherwise copies collapse into one entry.
    Points are chosen with what the other articles of the same story report
    (``story.supports``), each set of copies counting once."""
    sources = copies(articles)
    support: dict[int, Weights | None] = {}
    for group, weights in zip(sources, supports(sources), strict=True):
        support.update((id(a), weights) for a in group)
    entries = copies(articles, same_outlet_only=True) if group_by == "outlet" else sources
    if group_by:
        entries = _in_groups(entries, group_by)
    seen = Seen()
    out = []
    for group in entries:
        short, chosen = plan(group[0], points, budget, seen, support[id(group[0])])
        out.append((group, short, chosen))
    return out


def explain(doc: Document, caps: Digest, files: Sequence[str] | None = None) -> str:
    """JSON of each article's entry with every point's provenance (the block index,
    the sentence or list item index, its kind, the words) and its score parts, so
    anyone can check that the point is the article's own and see why it was chosen.
    ``files`` names the file of each article of a bundle read from several."""
    articles = articles_of(doc)
    origin = dict(zip(map(id, articles), files, strict=True)) if files is not None else {}
    out = []
    for group, short, chosen in plans(articles, caps.points, caps.words):
        a = group[0]
        out.append({
            **({"file": origin[id(a)]} if origin else {}),
            "title": a.title,
            **({"copies": [c.title for c in group[1:]]} if len(group) > 1 else {}),
            **({"copy_files": [origin[id(c)] for c in group[1:]]} if origin and len(group) > 1 else {}),
            "lede": short,
            "points": [{"block": p.block, "sentence": p.sentence, "kind": p.kind, "text": p.text,
                        **({"speaker": p.speaker} if p.speaker else {}),
                        **({"trimmed": p.trimmed} if p.trimmed else {}),
                        **({"score": p.parts.shown()} if p.parts else {})} for p in chosen],
        })
    return json.dumps({"digest": out}, ensure_ascii=False, indent=2) + "\n"


def _outlets(group: list[Article]) -> Outlet | None:
    """Every outlet of a group of copies, once each, in input order."""
    names: dict[str, str] = {}  # one paper named two ways is named once
    for a in group:
        o = a.outlet
        name = (f"{o.name} ({o.code})" if o.name and o.code else o.display) if o else ""
        if o and name:
            names.setdefault(outlet_key(o.display), name)
    if len(names) <= 1:
        return group[0].outlet
    return Outlet(name=", ".join(names.values()))


def build(articles: tuple[Article, ...], title: str, *, date: str | None = None, issuer: str | None = None,
          points: int = 5, budget: int = 100, group_by: str | None = None) -> Briefing:
    entries = tuple(
        # An entry keeps only its points: the notes go with the body they were referred to from.
        replace(group[0], lede=short, byline=None, outlet=_outlets(group), notes=(), signature=None,
                blocks=(ListBlock(tuple(ListItem((Paragraph(_shown(p)),)) for p in chosen)),) if chosen else ())
        for group, short, chosen in plans(articles, points, budget, group_by))
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
    # The review ends as the document it reviews would: signed, with its recipients.
    if isinstance(doc, Briefing):
        return replace(linked, number=doc.number, place=doc.place, signature=doc.signature)
    return replace(linked, signature=doc.signature)
