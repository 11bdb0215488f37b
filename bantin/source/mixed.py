"""UTF-8 text with parts in another encoding, or mangled by another tool: a byline typed in VNI into a UTF-8
article, a phrase pasted from a TCVN3 file, a body in TCVN3 under a title typed
in a CMS. Read as a whole, the UTF-8 words' lead bytes ("Ã", "á") pass for
letters of VNI or TCVN3 and the whole article became mojibake.

Here each line that is UTF-8 stays UTF-8, each line with no UTF-8 in it is read
in the legacy encoding, and a line holding both is read word by word. Only when
the UTF-8 part reads as Vietnamese (``MIN_UTF8_SYLLABLES`` syllables beyond
ASCII, hardly any other word) and the rest is clearly one legacy encoding.

A file that is valid UTF-8 may still hold a line that went through the wrong tool
before it was pasted ("thµnh phè Hµ Néi", "SÃ¡ng") among lines typed right:
``mend_lines`` reads each such line as the bytes it stood for.
"""

from __future__ import annotations

import re
import unicodedata

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


def read(parts: Pieces, clear: bool = True) -> tuple[str, str] | None:
    """(text, the legacy encoding of its other parts) when that encoding is
    clearly the one that makes them Vietnamese; None otherwise (stray Windows
    bytes, a dash pasted from Word: ``decode`` mends those). With ``clear``
    False, the likeliest encoding even when another comes close (a line saved
    lossily, its lost letters made "?")."""
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
    if share < legacy.MIN_SHARE or (clear and share - runner < legacy.CLEAR_MARGIN) or not any(
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


LINE_EVIDENCE = 3  # Vietnamese syllables a mended line must show: a line is little evidence


def mend_lines(text: str) -> tuple[str, str] | None:
    """Valid UTF-8 in which some lines are mojibake ("thµnh phè Hµ Néi", "SÃ¡ng")
    among lines typed right: (the text with each such line read as the bytes it
    stood for, when that reading is clearly Vietnamese, and the note that says
    so); None when no line is."""
    out, mended, names = [], 0, set()
    for line in text.splitlines(keepends=True):
        found = _mended_line(line)
        if found is None:
            out.append(line)
        else:
            out.append(found[0])
            names.add(found[1])
            mended += 1
    if not mended:
        return None
    return "".join(out), (f"{mended} line{'s' if mended > 1 else ''} of {' and '.join(sorted(names))} read as "
                          "Windows-1252 and pasted as UTF-8: mended")


def _mended_line(line: str) -> tuple[str, str] | None:
    """(the line mended, what it was) for a line of mojibake, else None."""
    raw = as_windows_bytes(line)
    if raw is None or raw.isascii():
        return None
    readings = []
    try:
        # Bytes that make valid UTF-8 beyond ASCII: a line typed right has none
        # ("à" alone, 0xE0, is no UTF-8), so this is UTF-8 read as Windows-1252,
        # whose "SÃ¡ng" passes for syllables and cannot be out-scored.
        readings.append((raw.decode("utf-8"), "UTF-8", legacy.MIN_SHARE))
    except UnicodeDecodeError:
        good, others = legacy.evidence(unicodedata.normalize("NFC", line))
        ranked = legacy.candidates(raw) if others >= 2 else []
        if ranked and (len(ranked) < 2 or ranked[0][0] - ranked[1][0] >= legacy.CLEAR_MARGIN):
            better = max(legacy.MIN_SHARE, good / (good + others) + legacy.CLEAR_MARGIN)
            readings.append((legacy.decode(raw, ranked[0][1]), legacy.NAMES[ranked[0][1]], better))
    for mended, name, better in readings:
        norm = unicodedata.normalize("NFC", mended)
        if legacy.syllable_share(norm) >= better and legacy.evidence(norm)[0] >= LINE_EVIDENCE:
            return norm, name
    return None


_WINDOWS_BYTES = {ch: i for i, ch in legacy.WINDOWS_C1.items()}


def as_windows_bytes(text: str) -> bytes | None:
    """The bytes a tool read as Windows-1252 (or Latin-1) to make ``text``, or None."""
    out = bytearray()
    for c in text:
        n = ord(c)
        if c == "\ufffd":
            out.append(0xFF)
        elif c in _WINDOWS_BYTES:
            out.append(_WINDOWS_BYTES[c])
        elif n < 0x100:
            out.append(n)
        else:
            return None
    return bytes(out)
