"""Key points of an article: whole sentences of its own, chosen by what the news is.

Every point is a whole sentence of a paragraph or a quote block, or a whole list
item; nothing is reworded. A sentence may only be shortened, when it would not
fit otherwise, by dropping a trailing attribution ("…, ông A cho biết." becomes
"….", and ông A its speaker) or a parenthesis; it still starts with a capital
and ends with its own punctuation.

Candidates must pass ``filters.flaw`` (no fragment, footer, byline or caption)
and may not repeat the lede. They are ranked by ``salience.parts`` (centrality,
position, cues) and taken greedily with maximal marginal relevance: one that
repeats a point already taken (or, across a bundle, a point of another article of
the same story) is skipped, and one that scores under a third of the best is a
filler, not a key point, even when words are left. The points are shown in
article order.

Each point remembers the block and the sentence (or list item) it came from, and
its score parts, so ``bantin inspect --digest`` can show that nothing was made up
and why the sentence was chosen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from bantin.digest.filters import flaw
from bantin.digest.salience import SAYING, Centroid, Parts, Weights, named_before, parts, spaced, syllables
from bantin.digest.seen import Seen
from bantin.digest.sentences import broken_sentences, sentences, words
from bantin.model import Article, ListBlock, Paragraph, Quote, one_line, text_of

MAX_WORDS = 60  # a longer sentence is a paragraph in disguise, not a point
FLOOR = 1 / 3  # a sentence scoring under a third of the best one is a filler, not a key point
MAX_UNITS = 400  # sentences considered per article: the news is in its first pages

# "…, ông Nguyễn Văn A, Giám đốc Sở, cho biết." : a comma, at most twelve words
# naming the speaker, a verb of saying, and the sentence's own end.
_ATTRIBUTION = re.compile(
    rf"(?P<cut>[”\"»]?)\s*[,–—-]\s+(?P<who>(?:[^\s.!?…]+\s+){{1,12}}?)(?:{SAYING})"
    rf"(?:\s+(?:thêm|rõ|với [^\s.!?…]+(?:\s[^\s.!?…]+){{0,3}}))?(?P<end>[.!?…]+)$"
)
_PAREN = re.compile(r"\s*\(([^()]{1,200})\)")
# A parenthesis that bounds what the sentence says is no aside: "35.000 đồng/môn
# (sau khi trích lại cho Bộ …) sẽ chuyển về các cụm thi" without it says the whole
# fee goes there (helper-82). Such a sentence is shown whole or not at all.
_BOUNDS = re.compile(r"^(?:sau khi|trước khi|trừ|ngoại trừ|không|chưa|chỉ|riêng|nếu|trường hợp|trong trường hợp|"
                     r"tối đa|tối thiểu|ít nhất|nhưng|song|kể cả|bao gồm|trong đó|đã trừ|chưa kể|chưa tính)\b",
                     re.IGNORECASE)
# The sentence's own full stop after one the parenthesis left at the end: an
# initial's ("B."), or an ellipsis ("làm… (cười).").
_DOUBLED_STOP = re.compile(r"(?:(?<=[^.…]\.)|(?<=\.\.\.)|(?<=…))\.(?=[”\"»]?$)")
# An outlet's tag left at the head of the body: "(PLO)- Vài ngày …", "(GD&TĐ) - …".
_TAG = re.compile(r"^\((?:[A-ZĐ][\w&.]*\s?){1,3}\)\s*[-–—]\s*(?=[A-ZĐÀ-Ỹ])")


@dataclass(frozen=True)
class Point:
    text: str  # the article's own words
    block: int  # index of the block in the article
    sentence: int  # index of the sentence in that block (of the item, for a list)
    kind: str  # "sentence", "list", "quote", or "lede" (block -1) for a sentence of a lede shown cut
    speaker: str | None = None
    parts: Parts | None = field(default=None, compare=False)
    trimmed: str | None = None  # what was dropped: "attribution", "parenthesis", "outlet tag"


@dataclass(frozen=True)
class Unit:
    text: str
    block: int
    sentence: int
    kind: str
    speaker: str | None = None
    # A list item whose list a paragraph introduces ("… phải bảo đảm các yêu cầu
    # sau:"): it finishes that sentence, and alone it reads as a rule of its own.
    introduced: bool = False


# A quotation that runs on past its sentence opens one: at the sentence's start or
# after a colon ("… chia sẻ: “Đội tuyển …"). A mark elsewhere quotes a name or a
# phrase ("dự án mang tên “Nước về bản"), and one left open there is a typo.
_SPEECH = re.compile(r"(?:^|:)\s*[-–—]?\s*([“«\"])")
_CLOSES = {"“": "”", "«": "»", '"': '"'}


def _left_open(text: str) -> str | None:
    """The mark of the quotation ``text`` leaves open, when its opening mark opens speech."""
    # The last: an earlier one was closed, or this one is nested in it.
    m = next(iter(reversed(list(_SPEECH.finditer(text)))), None)
    if m is None:
        return None
    mark = m.group(1)
    return mark if _CLOSES[mark] not in text[m.end():] else None


def _quoted(texts: list[str]) -> set[int]:
    """The sentences that start inside a quotation an earlier sentence opened and
    a later one closes: a speaker's words, which a point would show as the
    outlet's (a quote typed one sentence per paragraph, its speaker named in the
    first). Only a quotation opened as speech counts (``_SPEECH``), and one that
    never closes quotes nothing."""
    # Where each closing mark is next found, from each sentence on: one pass from the
    # end, so that an article of unclosed quotes costs its length, not its square.
    after: dict[str, list[int | None]] = {}
    for close in set(_CLOSES.values()):
        found: int | None = None
        nearest: list[int | None] = [None] * (len(texts) + 1)
        for j in range(len(texts) - 1, -1, -1):
            if close in texts[j]:
                found = j
            nearest[j] = found
        after[close] = nearest
    inside: set[int] = set()
    i = 0
    while i < len(texts):
        mark = _left_open(texts[i])
        end = after[_CLOSES[mark]][i + 1] if mark is not None else None
        if end is None:
            i += 1
            continue
        inside.update(range(i + 1, end + 1))
        i = end + 1
    return inside


def units(a: Article, shown_lede: str | None = None) -> Iterator[Unit]:
    """Every sentence of the lede that the entry does not show (block -1), then
    every sentence of the body's paragraphs and quote blocks and every list item,
    in article order, less the sentences inside a quotation that runs over several
    (``_quoted``). Headings, figures, tables and code hold no points."""
    if a.lede and shown_lede is not None:
        # Compared by their words: the lede shown may end on an ellipsis where its
        # sentence stopped on a colon (helper-150).
        shown = spaced(syllables(shown_lede))
        for si, (_, s) in enumerate(sentences(a.lede)):
            if spaced(syllables(s)) not in shown:
                yield Unit(s, -1, si, "lede")
    run: list[Unit] = []  # the sentences of consecutive paragraphs, where a quotation may run on
    for bi, b in enumerate(a.blocks):
        if isinstance(b, Paragraph):
            run.extend(Unit(s, bi, si, "sentence") for si, s in enumerate(broken_sentences(text_of(b.text))))
            continue
        yield from _unquoted(run)
        run = []
        if isinstance(b, ListBlock):
            above = a.blocks[bi - 1] if bi else None
            introduced = isinstance(above, Paragraph) and text_of(above.text).rstrip().endswith(":")
            for ii, item in enumerate(b.items):
                yield Unit(one_line(text_of(item.text)).strip(), bi, ii, "list", introduced=introduced)
        elif isinstance(b, Quote):
            for si, s in enumerate(broken_sentences(text_of(b.text))):
                yield Unit(s, bi, si, "quote", b.attribution)
    yield from _unquoted(run)


def _unquoted(run: list[Unit]) -> Iterator[Unit]:
    inside = _quoted([u.text for u in run])
    return (u for i, u in enumerate(run) if i not in inside)


def trims(u: Unit) -> Iterator[tuple[str, str | None, str | None]]:
    """(text, speaker, what was dropped) for the unit as written (less an outlet's
    tag at its head, "(PLO)- "), then shorter: without its trailing attribution,
    then without its parentheses too."""
    dropped: list[str] = []
    text, speaker = u.text, u.speaker
    tag = _TAG.match(text)
    if tag:
        text = text[tag.end():]
        dropped.append("outlet tag")
    if text.endswith("./."):
        text = text[:-2]  # an official text's closing mark ends the article, not the sentence (helper-143)
    yield text, speaker, ", ".join(dropped) or None
    m = _ATTRIBUTION.search(text)
    if m and words(text[: m.start()]) >= 6:
        text = text[: m.start()] + m.group("cut") + m.group("end")
        speaker = speaker or m.group("who").strip(" ,")
        dropped.append("attribution")
        yield text, speaker, ", ".join(dropped)
    # "… là Nguyễn Văn B. (21 tuổi)." without its parenthesis ends in the initial's
    # full stop and the sentence's: one is enough.
    if any(_BOUNDS.match(m.group(1).strip()) for m in _PAREN.finditer(text)):
        return
    shorter = _DOUBLED_STOP.sub("", _PAREN.sub("", text))
    if shorter != text:
        dropped.append("parenthesis")
        yield shorter, speaker, ", ".join(dropped)


def select(a: Article, limit: int, budget: int, lede: str | None = None, seen: Seen | None = None,
           support: Weights | None = None) -> list[Point]:
    """Up to ``limit`` points within ``budget`` words (speakers included), shown
    in article order. ``lede`` is the lede as the entry shows it (by default the
    article's): no point repeats it or the title. ``seen`` holds what a bundle
    has already shown (other articles' ledes and points): no point repeats it,
    and the chosen points are added to it. ``support`` is what the bundle's other
    articles of the same story hold of this one's terms (``story.supports``)."""
    seen = seen if seen is not None else Seen()
    seen.add(lede if lede is not None else (a.lede or ""))
    seen.add(a.title)
    pool = [u for u, _ in zip(units(a, lede), range(MAX_UNITS), strict=False)]
    centroid = Centroid((u.text for u in pool), a.title, a.lede or "")
    # The body's first sentence comes right under the lede the entry shows: it may
    # lean on it ("Ông cho biết …" under a lede that names him).
    under_lede = bool(a.lede) and bool(pool) and pool[0].block >= 0
    shown = f"{a.title} {lede if lede is not None else (a.lede or '')}"
    texts = [u.text for u in pool]
    ranked = sorted(((parts(u.text, rank, centroid, support, u.speaker, under_lede and rank == 0,
                            u.introduced or named_before(u.text, islice(texts, rank), shown), shown), rank, u)
                     for rank, u in enumerate(pool)), key=lambda x: (-x[0].score, x[1]))
    chosen: list[Point] = []
    used = 0
    for score, _, u in ranked:
        if len(chosen) == limit or budget - used < 6:
            break
        if chosen and score.score < FLOOR * max(p.parts.score for p in chosen if p.parts):
            break
        for text, speaker, dropped in trims(u):
            n = words(text) + (words(speaker) + 1 if speaker else 0)  # shown as "text — speaker"
            if n > MAX_WORDS or used + n > budget or flaw(text):
                continue
            if seen.repeats(text):
                break
            chosen.append(Point(text, u.block, u.sentence, u.kind, speaker, score, dropped))
            seen.add(text)
            used += n
            break
    return sorted(chosen, key=lambda p: (p.block, p.sentence))
