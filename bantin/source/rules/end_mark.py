"""The "./." that closes a state newspaper's body, on a line of its own.

It belongs to the body's last paragraph, above the byline or under it: "Minh
Châu" then "./." was printed as the paragraph "Minh Châu ./." (helper-113).
"""

from __future__ import annotations

from bantin.model import Block

MARK = "./."


def taken(units: list[str | Block]) -> bool:
    """Take a last "./." off the units after a line of text; say whether it was there."""
    if len(units) > 1 and units[-1] == MARK and isinstance(units[-2], str):
        units.pop()
        return True
    return False


def put_back(units: list[str | Block]) -> None:
    """The mark after the last paragraph, or on its own when the body ends otherwise."""
    if units and isinstance(units[-1], str):
        units[-1] = f"{units[-1]} {MARK}"
    else:
        units.append(MARK)
