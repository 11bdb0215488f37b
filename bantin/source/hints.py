"""What to tell a user whose file's encoding is in doubt: a legacy encoding
named with -e that another reads better, or a refused file in another language.

Notes only: the reading itself is decided in ``decode``.
"""

from __future__ import annotations

from bantin.source import legacy

_ACCENTED = 0.2  # of a Western European text's letters, accented ones (French has about 4%)
_DOUBT_WORDS = 2  # Vietnamese words the other reading must find beyond the named one's, to be said


def doubt(text: str, named: str, ranked: list[tuple[float, str, str]], notes: list[str]) -> None:
    """A note when a file too short for detection to overrule the named encoding
    reads better in another: a folder's -e tcvn3 on a four-word VNI file gives
    "Haứ Noọi", which every output would carry without a word."""
    good, others = legacy.evidence(text[:200_000])
    if not others:
        return
    share, best, best_text = max(ranked)
    if legacy.NAMES[best] == named or share < good / (good + others) + legacy.CLEAR_MARGIN:
        return
    if share < legacy.MIN_SHARE:
        return  # no reading is Vietnamese: an English file's curly quotes are letters in VISCII
    if legacy.evidence(best_text)[0] < good + _DOUBT_WORDS:
        return  # one foreign name ("de Terán") that happens to read as a syllable in another encoding
    notes.append(f"only {good} of {good + others} words with marks are Vietnamese read as {named}, as named; "
                 f"{share:.0%} are read as {legacy.NAMES[best]}: check the file's encoding")


def western(data: bytes, ranked: list[tuple[float, str, str]]) -> str:
    """The codec to name for a text in another language: an English or French
    file saved in Windows-1252 is refused like any, but the hint names its codec.
    Not when a legacy reading is Vietnamese at all: a file too short for
    detection to be sure of TCVN3 is no Western text."""
    if any(share >= 0.5 for share, _, _ in ranked):
        return ""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    letters = [c for c in text[:200_000] if c.isalpha()]
    if sum(1 for c in letters if not c.isascii()) > len(letters) * _ACCENTED:
        return ""  # Russian in cp1251, Greek, Thai…: read as cp1252, all its letters are accented
    return " (cp1252 reads it as Western European text)"
