"""Superscript and subscript in plain text: the Unicode characters where every
character has one (m², H₂O, x⁻¹), else a caret or an underscore before the text
(m^(2a)), so that the raised text is never run into the word."""

from __future__ import annotations

SUP = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", strict=True))
SUB = dict(zip("0123456789+-=()aeox", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓ", strict=True))


def raised(text: str, kind: str) -> str:
    table = SUP if kind == "sup" else SUB
    if text and all(c in table for c in text):
        return "".join(table[c] for c in text)
    mark = "^" if kind == "sup" else "_"
    return f"{mark}{text}" if len(text) == 1 else f"{mark}({text})"
