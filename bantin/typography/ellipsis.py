"""Three full stops become one ellipsis character, so it never breaks across lines."""

import re

NAME = "ellipsis"

_DOTS = re.compile(r"\.(?:\s?\.){2,}")


def _ellipses(m: re.Match[str]) -> str:
    # A run of dots is read whole: "......" is two ellipses, "...." one and a
    # full stop. A second pass then finds nothing left to change.
    n = m.group(0).count(".")
    return "\u2026" * (n // 3) + "." * (n % 3)


def apply(text: str) -> str:
    return _DOTS.sub(_ellipses, text)
