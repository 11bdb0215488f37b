"""List numbering: one abstract list per kind, and a fresh instance per list.

python-docx keeps counting across lists that share a numbering instance, so each
list gets its own w:num that restarts at 1.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

_ABSTRACT = {"decimal": "900", "bullet": "901"}


def install(d: Any) -> None:
    """One abstract list per kind, hanging-indented, in the prepared template."""
    part = d.part.numbering_part.element
    first_num = part.find(qn("w:num"))
    for kind, aid in _ABSTRACT.items():
        a = part.makeelement(qn("w:abstractNum"), {qn("w:abstractNumId"): aid})
        lvl = a.makeelement(qn("w:lvl"), {qn("w:ilvl"): "0"})
        text = "%1." if kind == "decimal" else "–"
        for tag, val in (("w:start", "1"), ("w:numFmt", kind), ("w:lvlText", text), ("w:lvlJc", "left")):
            lvl.append(lvl.makeelement(qn(tag), {qn("w:val"): val}))
        ppr = lvl.makeelement(qn("w:pPr"), {})
        ppr.append(ppr.makeelement(qn("w:ind"), {qn("w:left"): "397", qn("w:hanging"): "283"}))
        lvl.append(ppr)
        a.append(lvl)
        if first_num is not None:
            first_num.addprevious(a)
        else:
            part.append(a)


class Numbering:
    """A fresh w:num per list, restarting at 1 (python-docx keeps counting)."""

    def __init__(self, d: Any) -> None:
        self.part = d.part.numbering_part.element
        self.next_id = 1000

    def new(self, ordered: bool) -> str:
        self.next_id += 1
        num = self.part.makeelement(qn("w:num"), {qn("w:numId"): str(self.next_id)})
        num.append(num.makeelement(qn("w:abstractNumId"), {qn("w:val"): _ABSTRACT["decimal" if ordered else "bullet"]}))
        over = num.makeelement(qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
        over.append(over.makeelement(qn("w:startOverride"), {qn("w:val"): "1"}))
        num.append(over)
        self.part.append(num)
        return str(self.next_id)


def numbered(p: Any, num_id: str) -> None:
    ppr = p.get_or_add_pPr()
    numpr = ppr.makeelement(qn("w:numPr"), {})
    numpr.append(numpr.makeelement(qn("w:ilvl"), {qn("w:val"): "0"}))
    numpr.append(numpr.makeelement(qn("w:numId"), {qn("w:val"): num_id}))
    ppr.append(numpr)
