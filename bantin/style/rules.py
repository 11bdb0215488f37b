"""What each value of a style sheet may be, as data, and the check of one value.

Apart from ``stylesheet`` so that the table of rules reads as one page.
"""

from __future__ import annotations

import re
from pathlib import Path

from bantin.errors import StyleError
from bantin.typography import SWITCHES
from bantin.typography.tone_marks import STYLES as TONE_STYLES

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}

# What each value may be, as data: (kind, low, high) for numbers, a tuple of
# choices, or a kind alone. Every value reaches a PDF, a DOCX or CSS; a size of
# 0, a width given as text or a colour with CSS after it must stop at load time,
# with a message naming the key and the file, not fail per input later.
_NUMBER = "number"
RULES: dict[str, tuple[object, ...]] = {
    "page.size": (tuple(PAGE_SIZES_MM),),
    "page.margin_top": (_NUMBER, 0, 100),
    "page.margin_bottom": (_NUMBER, 0, 100),
    "page.margin_left": (_NUMBER, 0, 100),
    "page.margin_right": (_NUMBER, 0, 100),
    "page.page_numbers": (("footer", "top"),),
    "page.running_header": (bool,),
    "page.decree_header": (bool,),
    "text.body_size": (_NUMBER, 5, 48),
    "text.leading": (_NUMBER, 1, 3),
    "text.title_size": (_NUMBER, 5, 96),
    "text.lede_size": (_NUMBER, 5, 48),
    "text.lede_bold": (bool,),
    "text.heading_sizes": (list, 5, 72),
    "text.caption_size": (_NUMBER, 5, 48),
    "text.masthead_size": (_NUMBER, 5, 48),
    "text.space_after": (_NUMBER, 0, 72),
    "text.item_space": (_NUMBER, 0, 72),
    "text.first_line_indent": (_NUMBER, 0, 50),
    "text.justify": (bool,),
    "text.txt_width": (int, 20, 400),
    "text.digest_width": (int, 20, 400),
    "text.title_align": (("left", "center"),),
    "text.txt_layout": (("print", "message"),),
    "text.body_colour": ("colour",),
    "text.accent_colour": ("colour",),
    "typography.tone_marks": (tuple(TONE_STYLES),),
    "digest.points": (int, 1, 20),
    "digest.words": (int, 20, 500),
    **{f"typography.{k}": (bool,) for k in SWITCHES},
}
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def full_colour(v: str) -> str:
    """A colour as every writer reads it: CSS's short "#0a0" is "#00aa00" (reportlab
    read "#00f" as a near-black, python-docx refused it), and letters in lower case."""
    v = v.lower()
    return "#" + "".join(c * 2 for c in v[1:]) if len(v) == 4 else v


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_value(key: str, v: object, path: Path) -> None:
    rule = RULES.get(key)
    if rule is None:
        return
    kind = rule[0]

    def bad(what: str) -> StyleError:
        return StyleError(f"{path}: {key} must be {what}, not {v!r}"[:300])

    if isinstance(kind, tuple):
        if v not in kind:
            raise bad("one of " + ", ".join(map(str, kind)))
    elif kind is bool:
        if not isinstance(v, bool):
            raise bad("true or false")
    elif kind == "colour":
        if not isinstance(v, str) or not _COLOUR.fullmatch(v):
            raise bad('a colour written "#rrggbb" or "#rgb"')
    elif kind is list:
        low, high = rule[1], rule[2]
        if not isinstance(v, list) or not 1 <= len(v) <= 6 or not all(_is_number(x) and low <= x <= high for x in v):
            raise bad(f"a list of one to six sizes between {low} and {high}")
    else:
        low, high = rule[1], rule[2]
        ok = (isinstance(v, int) and not isinstance(v, bool)) if kind is int else _is_number(v)
        if not ok or not low <= v <= high:  # type: ignore[operator]
            raise bad(f"{'a whole number' if kind is int else 'a number'} between {low} and {high}")
