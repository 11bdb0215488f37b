"""Vietnamese typography, applied once to the model before any exporter runs.

Each rule is a small module with a ``NAME`` and an ``apply(text) -> str``; ``RULES``
declares their order (as markdown-it-py's core rules do). A style sheet switches
rules off by name in its ``[typography]`` table; NFC is not switchable because
every later rule, font lookup and comparison relies on it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from typing import Protocol

from bantin.model import LINE_BREAK, Article, Briefing, Document, Span, Text, map_text, map_texts
from bantin.model.language import sample_of, vietnamese
from bantin.typography import (
    autolink,
    cleanup,
    dashes,
    ellipsis,
    nbsp,
    protect,
    punctuation_spacing,
    quotes,
    tone_marks,
)

# Order matters: spacing is settled before quotes decide open/close from their
# neighbours, and non-breaking spaces go in last so no rule has to expect them.
RULES = (cleanup, ellipsis, dashes, punctuation_spacing, quotes, nbsp)

SWITCHES = tuple(r.NAME for r in RULES)


class Typeset(Protocol):
    def __call__(self, text: str, before: str = "", after: str = "", quoted: bool = False) -> str:
        """``text`` typeset; for a span, ``before``, ``after`` and ``quoted`` are its
        paragraph around it, as ``quotes.apply`` and ``nbsp.apply`` read them."""


# A tone typed before the vowel's own mark ("o" + acute + circumflex, as some
# keyboards and converters write "ố"): both marks are of combining class 230, so
# NFC keeps their order, composes nothing, and a PDF sets one mark on the other.
_TONE_FIRST = re.compile("([\u0300\u0301\u0303\u0309]+)([\u0302\u0306])")


def nfc(text: str) -> str:
    """NFC, with a tone typed before the circumflex or breve put after it ("muó̂n"
    is "muốn"): only such a text still holds a combining circumflex or breve."""
    text = unicodedata.normalize("NFC", text)
    if "\u0302" in text or "\u0306" in text:
        text = unicodedata.normalize("NFC", _TONE_FIRST.sub(r"\2\1", unicodedata.normalize("NFD", text)))
    return text


def pipeline(switches: Mapping[str, bool], tone_style: str = "keep") -> Typeset:
    active = [r for r in RULES if switches.get(r.NAME, True)]
    tone = tone_marks.converter(tone_style)
    # Invisible characters go before addresses are looked for: removed after, a
    # zero-width space between a word and a URL ("Nguồn\u200bhttp://…") hid the URL
    # once and glued it to the word, and the next pass no longer saw an address.
    # Removing them and collapsing white space never changes an address.
    first = [r for r in active if r is cleanup]
    active = [r for r in active if r is not cleanup]

    def run(text: str, before: str = "", after: str = "", quoted: bool = False) -> str:
        if LINE_BREAK not in text:
            return run_line(text, before, after, quoted)
        # A line break ends a line as a paragraph's end does: no rule joins or
        # spaces across it (white space around it goes), and a quotation opened on
        # one verse may close on the next. One empty line may part two stanzas.
        lines = text.split(LINE_BREAK)
        out: list[str] = []
        for k, line in enumerate(lines):
            line = line.lstrip() if k else line
            line = line.rstrip() if k < len(lines) - 1 else line
            if not line and out and not out[-1] and 0 < k < len(lines) - 1:
                continue
            done = run_line(line, before if k == 0 else "", after if k == len(lines) - 1 else "", quoted)
            quoted = quotes.is_open(done, quoted)
            out.append(done)
        return LINE_BREAK.join(out)

    def run_line(text: str, before: str, after: str, quoted: bool) -> str:
        text = nfc(text)
        for rule in first:
            text = rule.apply(text)
        # Addresses are hidden from every other rule (tone placement included) and
        # restored unchanged: a URL's "?" or "," is not punctuation.
        text, addresses = protect.hide(text)
        for rule in active:
            # Two rules read a span's neighbours: whether a quote mark opens, and
            # whether a dash that opens the span follows a word.
            if rule is quotes:
                text = quotes.apply(text, before, after, quoted)
            elif rule is nbsp:
                text = nbsp.apply(text, before, after)
            else:
                text = rule.apply(text)
        return protect.show(tone(text), addresses)

    return run


# Characters of the spans around a span that its rules read: the most any rule
# reads (a title's or an initial's name; a quote reads one).
CONTEXT = nbsp.REACH


# Rules that hold in any language. The others are Vietnamese usage, which English
# shares (no space before a colon, “…” quotes): applied to a French article they
# would take the space from "contre : 10", to a German one turn „…“ into “…”.
ANY_LANGUAGE = frozenset({cleanup.NAME, ellipsis.NAME, dashes.NAME})
# Tags whose text gets every rule: Vietnamese, English, and the tags that say
# nothing ("und", "mul", "zxx": a page that does not know its language).
OWN_RULES = ("vi", "en", "und", "mul", "zxx")


def for_language(language: str, switches: Mapping[str, bool], tone_style: str,
                 sample: str = "") -> tuple[dict[str, bool], str]:
    """The switches and tone style for text in ``language`` (a BCP 47 tag), of
    which ``sample`` is a part."""
    # A page that declares another language but is written in Vietnamese ("lang=en"
    # templates) gets the Vietnamese rules all the same.
    if language.split("-")[0].lower() in OWN_RULES or vietnamese(sample):
        return dict(switches), tone_style
    return {r.NAME: switches.get(r.NAME, True) and r.NAME in ANY_LANGUAGE for r in RULES}, "keep"


def apply(doc: Document, switches: Mapping[str, bool], tone_style: str = "keep") -> Document:
    """The rules on every prose field, then addresses in running text made links.
    Each article is set by the rules of its own language."""
    if isinstance(doc, Briefing):
        shell = _apply(replace(doc, articles=()), switches, tone_style)
        assert isinstance(shell, Briefing)
        return replace(shell, articles=tuple(_article(a, switches, tone_style) for a in doc.articles))
    return _apply(doc, switches, tone_style)


def _article(a: Article, switches: Mapping[str, bool], tone_style: str) -> Article:
    done = _apply(a, switches, tone_style)
    assert isinstance(done, Article)
    return done


def _apply(doc: Document, switches: Mapping[str, bool], tone_style: str) -> Document:
    language = doc.language
    run = pipeline(*for_language(language, switches, tone_style, "" if language == "vi" else sample_of(doc)))
    done: set[str] = set()

    def typeset(text: Text) -> Text:
        # Each span in its paragraph: a quote in a span of its own ("*Không*",
        # quotes around a link) opens or closes by the spans around it.
        out: list[Span] = []
        before, quoted = "", False
        # The text after each span (CONTEXT characters: the quotes read its first,
        # a title or initials the name it starts), found in one backward scan: a
        # Word paragraph can hold thousands of runs.
        afters, after = [""] * len(text), ""
        for i in range(len(text) - 1, -1, -1):
            # As the rules will see it: an invisible character that cleanup
            # removes is not what follows.
            shown = cleanup.INVISIBLE.sub("", text[i].text[:CONTEXT + 8])
            afters[i], after = after, (shown + after)[:CONTEXT]
        for i, span in enumerate(text):
            if not span.code:
                new = run(span.text, before, afters[i], quoted)
                done.add(new)
                span = span if new == span.text else replace(span, text=new)
            out.append(span)
            before = (before + span.text)[-CONTEXT:]
            quoted = quotes.is_open(span.text, quoted)
        return _trim(out, done)

    # Rich text first, in context; then every other prose field. A span already
    # typeset is left as it is: typeset again alone, without its neighbours, it
    # could lose what they told (the no-break space before a dash that opens it).
    doc = map_texts(doc, typeset)
    return autolink.apply(map_text(doc, lambda s: s if s in done else run(s)))


def _trim(spans: list[Span], done: set[str]) -> Text:
    """The spans without empty ones and without white space at the paragraph's
    edges. Stripping only the first and last span, as a plain walk does, leaves the
    space of " x" in ("", " x") to the next pass, which then strips it: typography
    applied to its own output would change it."""
    for i, s in enumerate(spans):
        # No space at a line's edge when the line break is a span of its own
        # ("lan <br/> Ta" from a page): the spans around it lose theirs.
        if LINE_BREAK not in s.text or s.code:
            continue
        if i and s.text.lstrip(" ").startswith(LINE_BREAK) and not spans[i - 1].code:
            spans[i - 1] = replace(spans[i - 1], text=spans[i - 1].text.rstrip(" "))
            done.add(spans[i - 1].text)
        if i + 1 < len(spans) and s.text.rstrip(" ").endswith(LINE_BREAK) and not spans[i + 1].code:
            spans[i + 1] = replace(spans[i + 1], text=spans[i + 1].text.lstrip(" "))
            done.add(spans[i + 1].text)
    spans = [s for s in spans if s.text]
    while spans and not spans[0].text.strip():
        spans.pop(0)
    while spans and not spans[-1].text.strip():
        spans.pop()
    if spans:
        spans[0] = replace(spans[0], text=spans[0].text.lstrip())
        spans[-1] = replace(spans[-1], text=spans[-1].text.rstrip())
        done.update((spans[0].text, spans[-1].text))
    return tuple(spans)
