"""UTF-8 text with parts in a legacy encoding: a byline typed in VNI into a UTF-8
article, a phrase pasted from a TCVN3 file, a body in TCVN3 under a title typed
in a CMS. Read as a whole, the UTF-8 words' lead bytes ("Ã", "á") pass for
letters of VNI or TCVN3 and the whole article became mojibake.

Here each line that is UTF-8 stays UTF-8, each line with no UTF-8 in it is read
in the legacy encoding, and a line holding both is read word by word. Only when
the UTF-8 part reads as Vietnamese (``MIN_UTF8_SYLLABLES`` syllables beyond
ASCII, hardly any other word) and the rest is clearly one legacy encoding.
"""

from __future__ import annotations

import re

from bantin.source import legacy

MIN_UTF8_SYLLABLES = 3  # enough to say the UTF-8 part is Vietnamese, and the file UTF-8
_SPACES = re.compile(rb"(\s+)")
_WORDS = re.compile(r"[^\W\d_]+")

Pieces = list[tuple[bytes, bool]]  # (bytes, in the legacy encoding), in file order


def pieces(data: bytes) -> Pieces:
    out: Pieces = []
    for line in data.splitlines(keepends=True):
        if _utf8(line):
            out.append((line, False))
        elif not _holds_utf8(line):
            out.append((line, True))  # a whole line in the legacy encoding: read whole (TCVN3's capitals)
        else:
            out += [(word, not _utf8(word)) for word in _SPACES.split(line) if word]
    return out


def says_utf8(parts: Pieces) -> bool:
    """Whether the UTF-8 part reads as Vietnamese: then the file is UTF-8, and what
    is not is a part in another encoding or a stray byte."""
    good, others = legacy.evidence("".join(p.decode("utf-8") for p, old in parts if not old))
    return good >= MIN_UTF8_SYLLABLES and others * 4 <= good


def read(parts: Pieces) -> tuple[str, str] | None:
    """(text, the legacy encoding of its other parts) when that encoding is
    clearly the one that makes them Vietnamese; None otherwise (stray Windows
    bytes, a dash pasted from Word: ``decode`` mends those)."""
    other = [p for p, old in parts if old]
    # A word that holds UTF-8 letters and bytes that are not ("\x93Tôi\x94") is
    # UTF-8 with strays, not a word of another encoding.
    if any(_holds_utf8(p) for p in other):
        return None
    ranked = legacy.candidates(b"\n".join(other))
    if not ranked:
        return None
    share, name, text = ranked[0]
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    # A stray byte alone between spaces (a dash pasted from Word, 0x96) reads as a
    # one-letter syllable in some encoding ("Ờ" in VISCII): a part in another
    # encoding has a word of two letters at least.
    if share < legacy.MIN_SHARE or share - runner < legacy.CLEAR_MARGIN or not any(
            len(w) > 1 and legacy.is_syllable(w) for w in _WORDS.findall(text) if not w.isascii()):
        return None
    # A word inside a UTF-8 line is not a line's start: TCVN3's capitals are left to whole lines.
    text = "".join(legacy.decode(p, name, capitals=p.endswith((b"\n", b"\r")) or p == parts[-1][0])
                   if old else p.decode("utf-8") for p, old in parts)
    return text, name


def _utf8(chunk: bytes) -> bool:
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _holds_utf8(line: bytes) -> bool:
    """Whether a line that is not UTF-8 still holds a UTF-8 character beyond ASCII."""
    return any("\x80" <= c < "\udc80" or c > "\udcff" for c in line.decode("utf-8", "surrogateescape"))
