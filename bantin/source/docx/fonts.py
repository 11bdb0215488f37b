"""Text set in legacy Vietnamese fonts, and symbol-font characters.

Runs set in a legacy font hold that font's bytes as Word saw them through
Windows-1252: ".VnTime", ".VnArial", … (names starting ".Vn", in any case) are
TCVN3 and the "H" faces (".VnTimeH") are upper case; "VNI-…" fonts are VNI. Only
characters in the legacy byte range are converted: a run that already holds
Vietnamese Unicode (someone typed Unicode with the old font still selected)
stays as it is, and a character beyond the byte range is kept.

Symbol and Wingdings characters are glyph numbers in a private-use area, not
text: they are left out, and the reader says how many.
"""

from __future__ import annotations

import re

from bantin.source import legacy

# Letters only Vietnamese Unicode has (Latin-1 letters such as "â" or "ê" are also
# TCVN3 bytes, so they are no evidence either way).
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9\u0300-\u0303\u0309\u0323]")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
SYMBOL_FONTS = frozenset({"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings", "zapfdingbats",
                          "marlett", "mt extra"})


def legacy_font(name: str | None) -> tuple[str, bool] | None:
    """(encoding, upper case) for a legacy Vietnamese font name."""
    if not name:
        return None
    name = name.strip()
    low = name.lower()
    if low.startswith(".vn"):
        return "tcvn3", name.endswith("H") or (name == low and low.endswith("h") and len(low) > 4)
    if low.startswith("vni-") or low.startswith("vni "):
        return "vni", False
    return None


def _byte(c: str) -> int | None:
    """The byte a character stands for in a legacy font's run, or None."""
    try:
        return c.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(c) if ord(c) < 256 else None


def decode(text: str, font: tuple[str, bool]) -> str:
    """A legacy-font run's text in Unicode: byte-range characters decoded, the rest kept."""
    if not text or _UNICODE_VIETNAMESE.search(text):
        return text
    encoding, upper = font
    out: list[str] = []
    pending = bytearray()
    for c in text:
        b = _byte(c)
        if b is None:
            if pending:
                out.append(legacy.decode(bytes(pending), encoding))
                pending.clear()
            out.append(c)
        else:
            pending.append(b)
    if pending:
        out.append(legacy.decode(bytes(pending), encoding))
    result = "".join(out)
    return result.upper() if upper else result


def symbol_font(name: str | None) -> bool:
    return bool(name) and name.strip().lower() in SYMBOL_FONTS  # type: ignore[union-attr]
