"""Vietnamese typography, applied once to the model before any exporter runs.

Each rule is a small module with a ``NAME`` and an ``apply(text) -> str``; ``RULES``
declares their order (as markdown-it-py's core rules do). A style sheet switches
rules off by name in its ``[typography]`` table; NFC is not switchable because
every later rule, font lookup and comparison relies on it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping

from bantin.model import Document, map_text
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


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def pipeline(switches: Mapping[str, bool], tone_style: str = "keep") -> Callable[[str], str]:
    active = [r.apply for r in RULES if switches.get(r.NAME, True)]
    tone = tone_marks.converter(tone_style)

    def run(text: str) -> str:
        # Addresses are hidden from every rule (tone placement included) and
        # restored unchanged: a URL's "?" or "," is not punctuation.
        text, addresses = protect.hide(nfc(text))
        for rule in active:
            text = rule(text)
        return protect.show(tone(text), addresses)

    return run


def apply(doc: Document, switches: Mapping[str, bool], tone_style: str = "keep") -> Document:
    """The rules on every prose field, then addresses in running text made links."""
    return autolink.apply(map_text(doc, pipeline(switches, tone_style)))
