"""The Symbol font's characters as Unicode: what Word's Insert > Symbol writes
(``<w:sym w:font="Symbol" w:char="F0B3"/>``) and what a run set in Symbol shows.

A notice's "≥ 2 m³", "± 5%" or "hệ số α" is typed that way; dropped as a dingbat
is, the sentence says something else. The table is Adobe's Symbol encoding as
Unicode maps it (SYMBOL.TXT), less the pieces of large brackets and integrals,
which draw nothing alone. Wingdings and the other picture fonts have no such
meaning and stay left out.
"""

from __future__ import annotations

# Code points 0x20 to 0x7E, then 0xA0 to 0xFE; "\0" where the font draws a piece.
_LOW = (" !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_\0"
        "αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼")
_HIGH = ("€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…\0\0↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓"
         "◊〈®©™∑\0\0\0\0\0\0\0\0\0\0\0〉∫⌠\0⌡\0\0\0\0\0\0\0\0\0")
assert len(_LOW) == 0x7F - 0x20 and len(_HIGH) == 0xFF - 0xA0

SYMBOL = "symbol"  # the font's name, lower case


def symbol_char(code: int) -> str | None:
    """The character the Symbol font draws at ``code`` (0x20–0xFF, or the same
    shifted to U+F020–U+F0FF as Word writes it), or None when it draws a piece
    of something or nothing."""
    if 0xF020 <= code <= 0xF0FF:
        code -= 0xF000
    if 0x20 <= code <= 0x7E:
        c = _LOW[code - 0x20]
    elif 0xA0 <= code <= 0xFE:
        c = _HIGH[code - 0xA0]
    else:
        return None
    return None if c == "\0" else c


def from_symbol(text: str) -> str:
    """A run set in the Symbol font with the font's own code points (U+F020 to
    U+F0FF, as Word stores them) as the characters they show. Any other character
    stays: a word typed in Vietnamese and set in Symbol by mistake is still words."""
    return "".join((symbol_char(ord(c)) or c) if "\uf020" <= c <= "\uf0ff" else c for c in text)
