"""Footnotes and endnotes, read from their own parts (word/footnotes.xml and
word/endnotes.xml, which python-docx does not expose).

A w:footnoteReference in the text becomes a note reference: a span whose text is
the mark the reader sees ("1", "2", … for footnotes; "i", "ii", … for endnotes,
as Word numbers them unless the settings say otherwise) and whose ``note`` names
the note. Notes are numbered, and listed, in the order of their first reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bantin.model import Span
from bantin.model.blocks import number
from bantin.source.docx.numbering import FORMATS
from bantin.source.docx.package import Package, W

KINDS = {"footnote": ("footnotes", "fn", "decimal"), "endnote": ("endnotes", "en", "lower-roman")}
SKIPPED_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


@dataclass(frozen=True)
class Pending:
    id: str
    kind: str
    element: Any  # the w:footnote or w:endnote element
    part: str  # the part it lives in (its relationships resolve its links and pictures)


class Notes:
    def __init__(self, package: Package, main: str, settings: Any) -> None:
        self.package, self.main = package, main
        self.parts: dict[str, str | None] = {k: package.related(main, v[0]) for k, v in KINDS.items()}
        self.elements: dict[str, dict[str, Any]] = {}
        self.refs: dict[tuple[str, str], Span] = {}
        self.order: list[Pending] = []
        self.counts = {k: 0 for k in KINDS}
        self.missing: set[tuple[str, str]] = set()  # references to notes the file does not hold
        self.formats = {k: v[2] for k, v in KINDS.items()}
        for kind in KINDS:
            fmt = settings.find(f"{W}{kind}Pr/{W}numFmt") if settings is not None else None
            if fmt is not None and fmt.get(W + "val") in FORMATS:
                self.formats[kind] = FORMATS[fmt.get(W + "val")]

    def _elements(self, kind: str) -> dict[str, Any]:
        found = self.elements.get(kind)
        if found is None:
            found = self.elements[kind] = {}
            part = self.parts[kind]
            root = self.package.xml(part) if part else None
            for el in root if root is not None else ():
                if el.tag == W + kind and el.get(W + "type") not in SKIPPED_TYPES:
                    found.setdefault(el.get(W + "id", ""), el)
        return found

    def reference(self, kind: str, wid: str, custom: str | None = None) -> Span | None:
        """The span that refers to note ``wid``; None when the file has no such note."""
        known = self.refs.get((kind, wid))
        if known is not None:
            return known
        el = self._elements(kind).get(wid)
        part = self.parts[kind]
        if el is None or part is None:
            self.missing.add((kind, wid))
            return None
        self.counts[kind] += 1
        note_id = f"{KINDS[kind][1]}{self.counts[kind]}"
        mark = custom or number(self.counts[kind], self.formats[kind])
        span = Span(mark, note=note_id)
        self.refs[(kind, wid)] = span
        self.order.append(Pending(note_id, kind, el, part))
        return span
