"""The "./." that closes a state newspaper's body, on a line of its own or on the
byline's.

It belongs to the body's last paragraph, above the byline or under it: "Minh
Châu" then "./." was printed as the paragraph "Minh Châu ./." (helper-113). A
reporter may also put it on the name itself ("Hoài Nam./.", "PV ./."): the name is
then the byline and the mark the body's, as if it stood on a line of its own.
"""

from __future__ import annotations

from bantin.model import Block
from bantin.source.rules import byline

MARK = "./."
_NAME_WORDS = 6  # a byline with the mark: a name or two, never a sentence's end ("… thực hiện./.")
_ABBREVIATION = 4  # letters of "TP.", "Q.", "UBND." ending the line above: a sentence cut in two


def _signed(line: str) -> str | None:
    """The name of a line "Hoài Nam./.", "Minh Anh - Quốc Tuấn ./."; None for any
    other line. Not a line with a comma ("Bà Rịa, Tỉnh Bà Rịa – Vũng Tàu./." ends
    an address cut after "TP.")."""
    text = line.strip()
    if not text.endswith(MARK) or len(text) > 2 * byline.MAX_CHARS:
        return None
    name = text[:-len(MARK)].rstrip()
    if not name or "," in name or len(name.split()) > _NAME_WORDS or byline.closing_note(name):
        return None
    return name if byline.is_byline(name) else None


def ends_sentence(line: str) -> bool:
    """Whether a line ends its sentence, not on an abbreviation ("… tại TP.")."""
    words = line.split()
    last = words[-1].rstrip("”\"»)’'") if words else ""
    if not last.endswith((".", "!", "?", "…")):
        return False
    core = last.rstrip(".")
    return not (core.isupper() and len(core.replace(".", "")) <= _ABBREVIATION)


def taken(units: list[str | Block]) -> bool:
    """Take a last "./." off the units after a line of text, alone or on a byline
    under a sentence's end; say whether it was there."""
    if len(units) > 1 and units[-1] == MARK and isinstance(units[-2], str):
        units.pop()
        return True
    last, above = (units[-1], units[-2]) if len(units) > 1 else (None, None)
    if isinstance(last, str) and isinstance(above, str) and ends_sentence(above) \
            and (name := _signed(last)) is not None:
        units[-1] = name
        return True
    return False


def put_back(units: list[str | Block]) -> None:
    """The mark after the last paragraph, or on its own when the body ends otherwise."""
    if units and isinstance(units[-1], str):
        units[-1] = f"{units[-1]} {MARK}"
    else:
        units.append(MARK)
