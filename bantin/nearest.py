"""The name a mistyped one was likely meant to be, for a usage error's hint.

"-f pfd", "--style ND30", "text.body_sise" and "-M isuer=X" were each refused
with the list of what is known and no pointer into it (helper-137).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def hint(given: str, known: Iterable[str]) -> str:
    """"; did you mean 'pdf'?" when one known name is close to ``given`` (in any
    case), else ""."""
    names = list(known)
    same_case = {n.lower(): n for n in names}
    if given.lower() in same_case and same_case[given.lower()] != given:
        return f"; did you mean {same_case[given.lower()]!r}?"
    close = difflib.get_close_matches(given.lower(), list(same_case), n=1, cutoff=0.6)
    return f"; did you mean {same_case[close[0]]!r}?" if close else ""
