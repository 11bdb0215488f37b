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

SYMBOL = frozenset({"symbol", "symbol mt"})  # the font's names, lower case


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
    """A run set in the Symbol font as the characters Word and LibreOffice show:
    its own code points (U+F020 to U+F0FF, as Word stores an inserted symbol) and
    what was typed on an ASCII keyboard ("a" is α, "D" is Δ, as the writer saw).
    A run that holds a Vietnamese letter is words set in Symbol by mistake: only
    its code points of the font are read ("Hà Nội" is not "Ηà Νộι")."""
    typed = not any(c.isalpha() and not c.isascii() and not "\uf020" <= c <= "\uf0ff" for c in text)
    return "".join((symbol_char(ord(c)) or c) if "\uf020" <= c <= "\uf0ff" or (typed and "!" <= c <= "~") else c
                   for c in text)
