"""Subheadings: short lines that stand alone and end without sentence punctuation.

A line that runs on into a lower-case next line is a sentence broken by the
source, and one ending in a digit is a number cut off, so neither is a heading.
"""

from __future__ import annotations

import re

from bantin.model import Block, Heading, plain
from bantin.model.labels import is_addressee

_CLOSING = re.compile(r"[.!?;:,…\-–—/(]$")
MAX_WORDS = 25


def looks_like(line: str, next_line: str | None) -> bool:
    core = line.rstrip("”’\")]» ")
    if not core or _CLOSING.search(core) or core[-1].isdigit() or is_addressee(line):
        return False  # "Kính gửi: Ủy ban nhân dân phường" is whom a paper is addressed to
    if len(line.split()) > MAX_WORDS or len(line) > 180:
        return False
    first = line.lstrip("“\"‘'([«")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if next_line is None:
        return False
    nxt = next_line.lstrip("“\"‘'([«-–— ")[:1]
    return not nxt.islower()


def match(lines: list[str], i: int) -> tuple[Block, int] | None:
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return (Heading(plain(lines[i]), 1), 1) if looks_like(lines[i], nxt) else None
