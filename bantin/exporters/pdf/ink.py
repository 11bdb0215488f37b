"""Model text to reportlab paragraph markup, and long runs cut into pieces.

Text reaches reportlab's paragraph parser only through ``Ink``, which escapes it
and checks every character against the font that will draw it: a character the
font lacks is drawn from a fallback font, or replaced visibly with a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bantin.errors import ExportError
from bantin.exporters import Warn
from bantin.exporters.markup import NOTE_SEPARATOR, escape, tag_span, with_marks_apart
from bantin.exporters.pdf.fonts import Fonts, lazy_name, mono
from bantin.model import LINE_BREAK, Span, Text
from bantin.style.fonts import Family, fallback_for

# reportlab re-wraps the rest of a paragraph at every page split, which is
# quadratic in its length; longer runs are set as consecutive chunks instead.
CHUNK = 3000
MAX_WORD = 5000
NB_HYPHEN = "\u2011"
KEEP_LIMIT = 600  # characters; a title or heading this long still fits on a page


class Ink:
    """Turns model text into escaped reportlab markup for one font family."""

    def __init__(self, fonts: Fonts, warn: Warn, article: str, notes: dict[str, str] | None = None) -> None:
        self.fonts, self.warn, self.article = fonts, warn, article
        self.reported: set[str] = set()
        # Each note's anchor name (``note_anchor``); a reference links to its note,
        # and the first reference to a note is where the note links back to.
        self.notes = notes or {}
        self.referred: set[str] = set()

    def chars(self, text: str, family: Family) -> str:
        if LINE_BREAK in text:
            return "<br/>".join(self.chars(line, family) for line in text.split(LINE_BREAK))
        if NB_HYPHEN in text and not family.covers(NB_HYPHEN):
            # The typography's non-breaking hyphen (a range, "2‑2"): reportlab never breaks
            # at a hyphen, so the font's own hyphen draws it, and extracts as one.
            text = text.replace(NB_HYPHEN, "-")
        if family.covers_all(text):
            return escape(text)
        out = []
        for c in text:
            if family.covers(c) or c in "\n":
                out.append(escape(c))
                continue
            fb = fallback_for(self.fonts.fallbacks, c)
            if fb is not None:
                out.append(f'<font name="{lazy_name(fb)}">{escape(c)}</font>')
            elif c not in "\u200d\ufe0e\ufe0f":  # an emoji's joiner or selector draws nothing: no font, no loss
                code = f"U+{ord(c):04X}"
                if code not in self.reported:
                    self.reported.add(code)
                    self.warn(f"{code} ({c!r}) is in neither font {family.name} nor an installed fallback; "
                              f"shown as [{code}] in “{self.article}”")
                out.append(f"[{code}]")
        return "".join(out)

    def spans(self, text: Text, family: Family, link_colour: str = "") -> str:
        out = []
        for s, after_note in with_marks_apart(text):
            if after_note:
                out.append(f"<super>{NOTE_SEPARATOR}</super>")
            if s.code:
                name, face = mono(self.fonts.mono)
                inner = f'<font name="{name}">{self.chars(s.text, face)}</font>'
            else:
                inner = self.chars(s.text, family)
            if s.note is not None and s.note in self.notes:
                out.append(self.reference(s, inner, link_colour))
                continue
            if s.note is not None:  # a mark whose note is not in this document: raised all the same
                s = replace(s, sup=True)
            # A link becomes an annotation over the words; the colour shows it on screen.
            inner = tag_span(s, inner, "b", "i", f' color="{link_colour}"')
            if s.sup or s.sub:
                tag = "super" if s.sup else "sub"
                inner = f"<{tag}>{inner}</{tag}>"
            out.append(inner)
        return "".join(out)

    def reference(self, s: Span, inner: str, link_colour: str) -> str:
        """A note's mark, raised, linking to the note; the first reference is the
        place the note links back to."""
        key = self.notes[s.note or ""]
        back = ""
        if key not in self.referred:
            self.referred.add(key)
            back = f'<a name="{back_anchor(key)}"/>'
        colour = f' color="{link_colour}"' if link_colour else ""
        return f'{back}<super><a href="#{key}"{colour}>{inner}</a></super>'


def back_anchor(key: str) -> str:
    return f"{key}-ref"


def _chunks(text: str) -> list[str]:
    if len(text) <= CHUNK:
        return [text]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = text.rfind(" ", start + CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append(text[start:end])
        start = end
    return out


_LONG_WORD = re.compile(rf"\S{{{MAX_WORD},}}")


def split(text: Text) -> list[Text]:
    """Runs of at most CHUNK characters, cut at spaces, each span keeping its
    emphasis: every kind of block is set in linear time, not only plain
    paragraphs (a 1.4 MB title or emphasised paragraph took minutes)."""
    if sum(len(s.text) for s in text) <= CHUNK:
        return [text]
    if any(_LONG_WORD.search(s.text) for s in text):
        raise ExportError(f"a run of more than {MAX_WORD} characters without a space cannot be set")
    out: list[Text] = []
    cur: list[Span] = []
    size = 0
    for span in text:
        for piece in _chunks(span.text):
            if cur and size + len(piece) > CHUNK:
                out.append(tuple(cur))
                cur, size = [], 0
            cur.append(replace(span, text=piece))
            size += len(piece)
    if cur:
        out.append(tuple(cur))
    return out
