"""Running text of trafilatura's XML as spans: emphasis, links, code, raised and
lowered characters, and note references.

``hi`` carries its kind in ``rend`` (``#b``, ``#i``, ``#sup``, ``#sub``); a ``ref``
whose target is one of the page's footnotes becomes a note reference (its mark
without brackets, "[2]" read "2"), any other ``ref`` a link. Block elements met
inside running text (a ``p`` in an item, a rule) leave a space, so that no two
words run together; a ``<br>`` (``lb``) is a line break.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bantin.model import LINE_BREAK, Span, Text

_SPACE = re.compile(rf"[^\S{LINE_BREAK}]+")  # white space, but a line break stays
SPACED = frozenset({"item", "p", "list", "head", "row", "cell", "quote", "div", "table", "code", "lb", "caption"})
_MARK = re.compile(r"^[\s\[\](){}]+|[\s\[\](){}]+$")
PLAIN = Span("")
_OPENERS = ("“", "‘", "«", "(", "[", '"', "'")


def _as(base: Span, text: str) -> Span:
    """``base``'s kind of text with ``text`` (quicker than ``dataclasses.replace``)."""
    return Span(text, base.em, base.strong, base.href, base.code, base.sup, base.sub, base.note)


def mark(text: str) -> str:
    """A note reference's mark as the reader reads it: "[2]" is "2"."""
    return _MARK.sub("", " ".join(text.split()))


def styled(base: Span, rend: str) -> Span:
    return replace(base, em=base.em or "#i" in rend, strong=base.strong or "#b" in rend,
                   sup=base.sup or "#sup" in rend, sub=base.sub or "#sub" in rend)


def child_spans(child: Any, base: Span, notes: Mapping[str, str], out: list[Span]) -> None:
    """One child of running text, and the text that follows it, appended to ``out``."""
    element_spans(child, base, notes, out)
    if child.tail:
        out.append(_as(base, child.tail))


def element_spans(child: Any, base: Span, notes: Mapping[str, str], out: list[Span]) -> None:
    """One element of running text (without the text that follows it) appended to ``out``."""
    tag = child.tag
    if isinstance(tag, str):
        if tag == "lb" and child.get("rend") != "hr":
            out.append(_as(base, LINE_BREAK))  # a <br>: the line ends, the paragraph goes on
        elif tag in SPACED and out:
            out.append(_as(base, " "))
        if tag == "hi":
            spans(child, styled(base, child.get("rend") or ""), notes, out)
        elif tag == "ref":
            target = child.get("target") or ""
            note = notes.get(target) if target else None
            if note is not None:
                out.append(Span(mark("".join(child.itertext())) or "*", note=note))
            else:
                spans(child, replace(base, href=target or base.href), notes, out)
        elif tag == "code":
            spans(child, replace(base, code=True), notes, out)
        elif tag != "graphic":
            spans(child, base, notes, out)


def spans(el: Any, base: Span, notes: Mapping[str, str], out: list[Span] | None = None) -> list[Span]:
    """The element's running text, its children's included."""
    out = [] if out is None else out
    if el.text:
        out.append(_as(base, el.text))
    for child in el:
        child_spans(child, base, notes, out)
    return out


def _marked(s: Span) -> bool:
    return s.href is not None or s.em or s.strong or s.code or s.sup or s.sub


def tidy(found: list[Span]) -> Text:
    """Runs of white space to one space, across span boundaries too; none at the
    ends. Code keeps its spaces; a note reference is kept whatever its text."""
    if not any(s.text.strip() or s.note for s in found):
        return ()
    out: list[Span] = []
    ends_in_space = True
    for s in found:
        text = s.text if s.code or s.note else _SPACE.sub(" ", s.text)
        if ends_in_space and not s.code and not s.note:
            text = text.lstrip(" ")
        elif text.startswith(" ") and out and _marked(s) and not _marked(out[-1]) and not s.code and not s.note \
                and not out[-1].code and not out[-1].note:
            # The space before a link or emphasis belongs to the plain text before
            # it: a link does not underline it. After an opening quote or bracket
            # there is none ("“Cổng…", "(Báo…").
            if not out[-1].text.endswith(_OPENERS):
                out[-1] = _as(out[-1], out[-1].text + " ")
            text = text[1:]
        if text:
            out.append(_as(s, text))
            ends_in_space = text.endswith(" ")
    while out and not out[-1].code and not out[-1].note and not out[-1].text.strip():
        out.pop()
    if out and not out[-1].code and not out[-1].note:
        out[-1] = _as(out[-1], out[-1].text.rstrip())
    return tuple(out)
