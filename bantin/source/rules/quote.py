"""A quotation standing on its own line, with its attribution when the text gives one.

Reported speech inside a sentence ("“…”, đồng chí X nhấn mạnh.") is an ordinary
paragraph: setting it off would change how the article reads. A line that is only a
quotation is a quote block; its attribution may follow in brackets on the same line
or on the next line after a dash ("— Hồ Chí Minh").
"""

from __future__ import annotations

import re

from bantin.model import Block, Paragraph, Quote, plain

_WHOLE = re.compile(r"^[“\"](?P<q>[^“”\"]{2,})[”\"]\s*(?:\((?P<attr>[^()]{2,60})\))?\s*\.?$")
_ATTRIBUTION = re.compile(r"^[—–-]\s*(?P<attr>[^\W\d_].{1,59})$")


def match(lines: list[str], i: int) -> tuple[Block, int] | None:
    m = _WHOLE.match(lines[i])
    if not m:
        return None
    attr = m.group("attr")
    if attr is None and i + 1 < len(lines):
        nxt = _ATTRIBUTION.match(lines[i + 1])
        if nxt:
            return Quote((Paragraph(plain(m.group("q").strip())),), nxt.group("attr").strip()), 2
    return Quote((Paragraph(plain(m.group("q").strip())),), attr.strip() if attr else None), 1
