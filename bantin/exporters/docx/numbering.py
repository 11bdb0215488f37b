"""List numbering: Word's own numbering definitions.

One abstract numbering per list style (bullets, or a numbering, a delimiter and a
start: "1.", "a)", "IV.", "4."), each with nine levels (w:ilvl is the nesting),
and one w:num per list that restarts it (w:startOverride, the same start): a
list that goes on after a paragraph shows 4, and two lists never count on from
each other (python-docx's "List Number" keeps counting across lists).
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from bantin.exporters.docx.fields import ppr_put
from bantin.exporters.labels import bullet
from bantin.exporters.roles import Role
from bantin.model import ListBlock

LEVELS = 9
STEP_MM = 6.0  # each level of nesting moves the items this much to the right
FORMATS = {"decimal": "decimal", "lower-alpha": "lowerLetter", "upper-alpha": "upperLetter",
           "lower-roman": "lowerRoman", "upper-roman": "upperRoman"}


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def text_indent(item: Role, level: int) -> int:
    """Where an item's text starts at ``level`` (twips): its second paragraph and
    the blocks it holds are set there."""
    return twips(item.left + level * STEP_MM)


def _key(b: ListBlock) -> tuple[str, str, int]:
    if not b.ordered:
        return ("bullet", "", 1)
    return (FORMATS.get(b.numbering, "decimal"), b.delimiter if b.delimiter in (".", ")") else ".", max(0, b.start))


class Numbering:
    """The document's numbering part: abstract numberings made on first use, and a
    fresh w:num per list."""

    def __init__(self, d: Any, item: Role) -> None:
        self.part = d.part.numbering_part.element
        self.item = item
        self.abstract: dict[tuple[str, str, int], str] = {}
        self.next_id = 1000

    def _abstract_id(self, key: tuple[str, str, int]) -> str:
        aid = self.abstract.get(key)
        if aid is not None:
            return aid
        aid = str(900 + len(self.abstract))
        self.abstract[key] = aid
        fmt, delim, start = key
        a = self.part.makeelement(qn("w:abstractNum"), {qn("w:abstractNumId"): aid})
        a.append(a.makeelement(qn("w:multiLevelType"), {qn("w:val"): "multilevel" if fmt != "bullet" else
                                                         "hybridMultilevel"}))
        hanging = twips(-self.item.first) if self.item.first < 0 else twips(5)
        for level in range(LEVELS):
            lvl = a.makeelement(qn("w:lvl"), {qn("w:ilvl"): str(level)})
            text = bullet(level) if fmt == "bullet" else f"%{level + 1}{delim}"
            for tag, val in (("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
                lvl.append(lvl.makeelement(qn(tag), {qn("w:val"): val}))
            ppr = lvl.makeelement(qn("w:pPr"), {})
            ppr.append(ppr.makeelement(qn("w:ind"), {qn("w:left"): str(text_indent(self.item, level)),
                                                     qn("w:hanging"): str(hanging)}))
            lvl.append(ppr)
            a.append(lvl)
        # CT_Numbering: every abstractNum comes before the first num.
        first_num = self.part.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(a)
        else:
            self.part.append(a)
        return aid

    def new(self, b: ListBlock, level: int) -> str:
        """A w:num for list ``b`` set at ``level``, starting at ``b.start``."""
        self.next_id += 1
        num = self.part.makeelement(qn("w:num"), {qn("w:numId"): str(self.next_id)})
        num.append(num.makeelement(qn("w:abstractNumId"), {qn("w:val"): self._abstract_id(_key(b))}))
        over = num.makeelement(qn("w:lvlOverride"), {qn("w:ilvl"): str(level)})
        over.append(over.makeelement(qn("w:startOverride"), {qn("w:val"): str(b.start if b.ordered else 1)}))
        num.append(over)
        self.part.append(num)
        return str(self.next_id)


# A digest's entries and points are numbered by their styles (Entry Title, Point):
# an editor who deletes, moves or adds an entry in Word or LibreOffice sees the
# numbers follow, and Enter after a point gives the next point its dash. The ids
# stand apart from the lists' (from 900 and 1000).
ENTRIES, POINTS = "800", "801"


def digest_lists(d: Any, entries: tuple[Role, Any], points: tuple[Role, Any]) -> None:
    """Define the entries' numbering ("1.", "2.", …) and the points' dash in the
    template ``d``, each tied to its paragraph style: ``entries`` and ``points``
    are each a role and the Word style it is set in."""
    part = d.part.numbering_part.element
    for num_id, fmt, text, (_role, style) in ((ENTRIES, "decimal", "%1.", entries),
                                              (POINTS, "bullet", bullet(0), points)):
        a = part.makeelement(qn("w:abstractNum"), {qn("w:abstractNumId"): num_id})
        a.append(a.makeelement(qn("w:multiLevelType"), {qn("w:val"): "singleLevel"}))
        lvl = a.makeelement(qn("w:lvl"), {qn("w:ilvl"): "0"})
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:pStyle", style.style_id),
                         ("w:lvlText", text), ("w:lvlJc", "left")):
            lvl.append(lvl.makeelement(qn(tag), {qn("w:val"): val}))
        lvl.append(lvl.makeelement(qn("w:pPr"), {}))
        a.append(lvl)
        first_num = part.find(qn("w:num"))
        (first_num.addprevious(a) if first_num is not None else part.append(a))
        num = part.makeelement(qn("w:num"), {qn("w:numId"): num_id})
        num.append(num.makeelement(qn("w:abstractNumId"), {qn("w:val"): num_id}))
        part.append(num)
        ppr = style.element.get_or_add_pPr()
        numpr = ppr.makeelement(qn("w:numPr"), {})
        numpr.append(numpr.makeelement(qn("w:numId"), {qn("w:val"): num_id}))
        ppr_put(ppr, numpr)
    indent_lists(d, entries[0], points[0])


def indent_lists(d: Any, title: Role, point: Role) -> None:
    """The number and the dash hang where the styles say (their left indent and
    negative first line), which ``styles.number_column`` may widen per document:
    a list level's indent would otherwise win over its paragraph style's."""
    part = d.part.numbering_part.element
    for a in part.findall(qn("w:abstractNum")):
        role = {ENTRIES: title, POINTS: point}.get(a.get(qn("w:abstractNumId")))
        if role is None:
            continue
        ppr = a.find(qn("w:lvl")).find(qn("w:pPr"))
        for old in ppr.findall(qn("w:ind")):
            ppr.remove(old)
        ppr.append(ppr.makeelement(qn("w:ind"), {qn("w:left"): str(twips(role.left)),
                                                 qn("w:hanging"): str(twips(-role.first))}))


def numbered(p: Any, num_id: str, level: int = 0) -> None:
    ppr = p.get_or_add_pPr() if hasattr(p, "get_or_add_pPr") else p.find(qn("w:pPr"))
    numpr = ppr.makeelement(qn("w:numPr"), {})
    numpr.append(numpr.makeelement(qn("w:ilvl"), {qn("w:val"): str(level)}))
    numpr.append(numpr.makeelement(qn("w:numId"), {qn("w:val"): num_id}))
    # CT_PPr: numPr follows pStyle, keepNext, keepLines, pageBreakBefore, framePr, widowControl.
    style = ppr.find(qn("w:pStyle"))
    (style.addnext(numpr) if style is not None else ppr.insert(0, numpr))
