"""Word numbering: what number each numbered paragraph shows.

A paragraph's w:numPr names a numbering instance (numId) and a level (ilvl); the
instance points at an abstract definition (numbering.xml), whose levels give the
format ("decimal", "lowerLetter", "bullet", …), the label pattern ("%1.",
"%1.%2.", "Điều %1.") and the first number. Instances that share a definition
share its counters, as in Word, so a list that goes on after a paragraph keeps
counting; an instance with a w:lvlOverride (w:startOverride) starts those levels
again where the override says, the first time it is used, and the instances
after it count on from there. A label the model can say as a format and a delimiter
("3.", "c)", "IV.") becomes a numbered list; any other label ("(1)", "1.2.",
"Điều 3.") is kept in the item's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bantin.model.blocks import number
from bantin.source.docx.package import W
from bantin.source.docx.styles import Styles

FORMATS = {"decimal": "decimal", "lowerLetter": "lower-alpha", "upperLetter": "upper-alpha",
           "lowerRoman": "lower-roman", "upperRoman": "upper-roman"}
LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int
    indent: int = 0  # the left indent (twips) the level sets its paragraphs at; 0 when none


@dataclass(frozen=True)
class NumItem:
    """One numbered paragraph: which list it belongs to and what it shows."""

    key: str  # the list's identity: items of one key at one level form one list
    level: int
    ordered: bool
    numbering: str  # one of the model's NUMBERINGS
    delimiter: str
    value: int
    label: str | None  # the label to keep in the text when the model cannot say it
    restart: bool = False  # an instance's start override began counting again here
    indent: int = 0  # its level's left indent (twips): how deep Word sets it when the paragraph does not say


def _int(el: Any, default: int) -> int:
    raw = el.get(W + "val", "") if el is not None else ""
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else default


def _level(el: Any) -> Level:
    fmt = el.find(W + "numFmt")
    text = el.find(W + "lvlText")
    return Level(fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                 text.get(W + "val", "") if text is not None else "", _int(el.find(W + "start"), 1),
                 left_indent(el.find(W + "pPr")))


def left_indent(ppr: Any) -> int:
    """The left indent a paragraph's (or a numbering level's) properties set, in
    twips (w:left, or w:start in newer files); 0 when they set none."""
    ind = ppr.find(W + "ind") if ppr is not None else None
    value = ind.get(W + "left", ind.get(W + "start")) if ind is not None else None
    try:
        return int(value) if value is not None else 0
    except ValueError:  # a measure with units ("1in") from another writer: not nested
        return 0


class Numbering:
    def __init__(self, root: Any, styles: Styles) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstractNum id -> numbering style it takes its levels from
        self.nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()  # instances whose start overrides have been applied
        self.styles = styles
        if root is None:
            return
        for ab in root.iter(W + "abstractNum"):
            aid = ab.get(W + "abstractNumId", "")
            self.abstract[aid] = {_ilvl(lvl): _level(lvl) for lvl in ab.findall(W + "lvl")}
            link = ab.find(W + "numStyleLink")
            if link is not None:
                self.links[aid] = link.get(W + "val", "")
        for num in root.iter(W + "num"):
            aid_el = num.find(W + "abstractNumId")
            levels: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _ilvl(ov)
                so = ov.find(W + "startOverride")
                if so is not None:
                    starts[ilvl] = _int(so, 1)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                    starts.setdefault(ilvl, levels[ilvl].start)
            self.nums[num.get(W + "numId", "")] = (aid_el.get(W + "val", "") if aid_el is not None else "",
                                                   levels, starts)

    def levels(self, aid: str) -> dict[int, Level]:
        """An abstract definition's levels, following a numbering-style link once."""
        if aid in self.links:
            style = self.styles.raw.get(self.links[aid])
            numpr = style.find(f"{W}pPr/{W}numPr/{W}numId") if style is not None else None
            target = self.nums.get(numpr.get(W + "val", "")) if numpr is not None else None
            if target is not None and target[0] != aid and target[0] in self.abstract:
                return self.abstract[target[0]]
        return self.abstract.get(aid, {})

    def level(self, num_id: str, ilvl: int) -> Level | None:
        found = self.nums.get(num_id)
        if found is None:
            return None
        aid, levels, _ = found
        return levels.get(ilvl) or self.levels(aid).get(ilvl)

    def item(self, num_id: str, ilvl: int) -> NumItem | None:
        """Count one paragraph numbered (num_id, ilvl); None when it shows no number
        (numId 0, an unknown instance, a level whose format is "none")."""
        found = self.nums.get(num_id)
        if not num_id or num_id == "0" or found is None:
            return None
        aid, overrides, starts = found
        lvl = self.level(num_id, ilvl)
        if lvl is None or lvl.fmt == "none" or (not lvl.text and lvl.fmt != "bullet"):
            return None
        list_key = f"abstract:{aid}"
        counters = self.counters.setdefault(list_key, [None] * LEVELS)
        restart = num_id not in self.used and bool(starts)
        if num_id not in self.used:
            self.used.add(num_id)
            for i, start in starts.items():  # the instance starts its levels again
                counters[i] = start - 1
        current = counters[ilvl]
        value = (lvl.start if current is None else current + 1)
        counters[ilvl] = value
        for deeper in range(ilvl + 1, LEVELS):
            counters[deeper] = None
        if lvl.fmt == "bullet":
            return NumItem(list_key, ilvl, False, "decimal", ".", value, None, restart, lvl.indent)
        label = self.render(num_id, lvl.text, counters)
        m = re.fullmatch(rf"%{ilvl + 1}([.)])", lvl.text)
        if m and lvl.fmt in FORMATS:
            return NumItem(list_key, ilvl, True, FORMATS[lvl.fmt], m.group(1), value, None, restart, lvl.indent)
        return NumItem(list_key, ilvl, True, "decimal", ".", value, label, restart, lvl.indent)

    def render(self, num_id: str, pattern: str, counters: list[int | None]) -> str:
        def one(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            lvl = self.level(num_id, i)
            n = counters[i] if counters[i] is not None else (lvl.start if lvl else 1)
            return number(n or 0, FORMATS.get(lvl.fmt if lvl else "decimal", "decimal"))

        return _PLACEHOLDER.sub(one, pattern).strip()


def _ilvl(el: Any) -> int:
    raw = el.get(W + "ilvl", "0")
    return int(raw) if raw.isascii() and raw.isdigit() and int(raw) < LEVELS else 0
