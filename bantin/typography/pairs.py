"""Marks that come in pairs, brackets and quotes, and whether a text's pair up.

One place for every rule that asks: the digest keeps no point that opens a
bracket or a quotation it does not close (``digest.filters``), and the newsroom
reader takes no line that does for a subheading (``source.rules.heading``).
"""

from __future__ import annotations

PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"), ("«", "»"))


def unbalanced(text: str) -> bool:
    """Brackets or curly quotes that do not pair up, or an odd number of straight
    quotes. ’ doubles as an apostrophe, so single quotes are only checked one way."""
    for a, b in PAIRS:
        depth = 0
        for c in text:
            if c == a:
                depth += 1
            elif c == b:
                depth -= 1
                if depth < 0:
                    return True
        if depth:
            return True
    if text.count("‘") > text.count("’"):
        return True
    return text.count('"') % 2 == 1
