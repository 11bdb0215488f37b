"""A line of asterisks, dashes or a dinkus marks a section break."""

from __future__ import annotations

import re

from bantin.model import Block, SectionBreak

_BREAK = re.compile(r"^(?:(?:\* ?){3,}|(?:- ?){3,}|_{3,}|={3,}|⁂|~{3,}|\.{3,}|·{3,})$")


def match(lines: list[str], i: int) -> tuple[Block, int] | None:
    return (SectionBreak(), 1) if _BREAK.match(lines[i]) else None
