"""Three full stops become one ellipsis character, so it never breaks across lines."""

import re

NAME = "ellipsis"

_DOTS = re.compile(r"\.\s?\.\s?\.(?!\.)")


def apply(text: str) -> str:
    return _DOTS.sub("\u2026", text)
