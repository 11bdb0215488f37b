"""Bytes to text: any newline convention, any Unicode normal form, BOM or not.

Without a named encoding ("auto"): UTF-8 (with or without BOM, NFC or NFD), UTF-16
or UTF-32 with a BOM, or UTF-16 without one (``utf16_without_bom``), else one of
TCVN3, VNI, VISCII and Windows-1258 when its words are clearly the most Vietnamese
(``legacy.detect``), else one line naming the candidates. A detection is
always reported to the caller, never silent; a wrong guess would be confident
mojibake.

Text that went through the wrong tool on its way is mended, and each mending is
reported (``Decoded.notes``): a few stray Windows-1252 bytes in UTF-8 (a dash
pasted from Word), Windows punctuation that arrived as C1 control codes, UTF-8
or a legacy encoding that was read as Windows-1252 and saved again as UTF-8
("HÃ  Ná»™i", "Hµ Néi"), and a file that an encoding named for a whole folder
does not fit: UTF-8, or another legacy encoding (``_unfit``). Line and page
separators (vertical tab, form feed, U+2028, U+2029) end a line rather than
vanish and glue two words.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from bantin.errors import InputError
from bantin.source import hints, kinds, legacy, mixed
from bantin.source.byte_order import BOMS, CONTROLS, utf16_without_bom

# What ends a line besides LF and CR: Word's manual line break (vertical tab), a
# page break (form feed), and Unicode's line and paragraph separators. (Not NEL,
# U+0085: in Vietnamese text it is Windows-1252's "…" read as Latin-1.)
_BREAKS = re.compile("\r\n?|[\v\f\u2028\u2029]")
# Data a program wrote (JSON) keeps U+2028 and U+2029 as they are: valid inside a
# JSON string, and U+2028 is the model's line break; made "\n", the string broke.
_PROGRAM_BREAKS = re.compile("\r\n?|[\v\f]")
# A reader that places the separators itself (Markdown: a table row or a heading is
# one line, and a separator in one is a space) has them all as they are.
_LINE_ENDS = re.compile("\r\n?")
_C1 = re.compile("[\x80-\x9f]")
# Few enough bytes that are not UTF-8 to be strays in a UTF-8 file, not its encoding.
STRAY_BYTES = 8


@dataclass(frozen=True)
class Decoded:
    text: str
    detected: str | None = None  # a legacy encoding found by detection, or "utf-16-le"/"utf-16-be"
    notes: tuple[str, ...] = ()  # each mending, said once as a warning


def check_encoding(name: str) -> None:
    """Raise InputError unless ``name`` is "auto", a legacy encoding bantin reads
    (``legacy.LEGACY``) or a Python codec of text."""
    if name.lower() in ("auto", *legacy.LEGACY, *legacy.ALIASES):
        return
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        raise InputError(f"unknown encoding {name[:40]!r}: auto, {', '.join(legacy.LEGACY)} "
                         "or a Python codec") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{name[:40]!r} is not a text encoding")


def _check_text_after_bom(data: bytes, encoding: str) -> None:
    """Refuse a binary file that merely starts with FF FE (or another mark): any
    bytes decode as UTF-16, to a soup of CJK characters. Prose, Vietnamese above all,
    is one part in a few white space; the soup has next to none."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return  # said in the decoder's own words below
    if sum(c.isspace() for c in text) * 50 < len(text):
        raise InputError(f"binary file (a {encoding.upper()} byte-order mark, then no text); not a text article")


def decode_reporting(data: bytes, encoding: str | None = None, mend: bool = True,
                     separators: bool = True) -> Decoded:
    """The text, the encoding that was detected (None when UTF-8 or named), and
    what was mended on the way. Without ``mend`` (data a program wrote, such as
    JSON, which is UTF-8 by its standard), auto mode takes UTF-8 (or a byte-order
    mark's encoding) as it is, and refuses what is not: a guess could change a
    valid document's words ("¼¯û", valid UTF-8, reads as TCVN3 mojibake).
    ``separators=False`` leaves the line and page separators (vertical tab, form
    feed, U+2028, U+2029) in the text, for a reader that decides where they end a
    line; CR and CRLF still become LF."""
    if not data.strip():
        raise InputError("empty input" if not data else "input is only white space")
    notes: list[str] = []
    asked = "" if encoding is None or encoding.lower() == "auto" else encoding.lower()
    named = legacy.ALIASES.get(asked, asked) or None
    if named in legacy.LEGACY:
        decoded = _named_legacy(data, named, notes)
    elif named is not None:
        decoded = _named_codec(data, named, encoding or named, notes)
    else:
        decoded = _auto(data, notes, mend)
    ends = _LINE_ENDS if not separators else _BREAKS if mend else _PROGRAM_BREAKS
    text = unicodedata.normalize("NFC", ends.sub("\n", decoded.text))
    c1 = sum(1 for c in _C1.findall(text) if ord(c) in legacy.WINDOWS_C1)  # five bytes are no character
    if c1:
        # No text means a C1 control code: these are Windows-1252's punctuation
        # read by a tool that took the bytes for Latin-1.
        text = text.translate(legacy.WINDOWS_C1)
        notes.append(f"{c1} control code{'s' if c1 > 1 else ''} U+0080–U+009F read as the Windows punctuation "
                     "they stand for (“ ” – …)")
    if not text.strip():
        raise InputError("input is only white space")
    return Decoded(text, decoded.detected, (*decoded.notes, *notes))


STRAY_NULS = 1000  # at most one NUL byte in this many is a slip in a text, not a binary file


def _auto(data: bytes, notes: list[str], mend: bool = True) -> Decoded:
    what = kinds.not_text(data)
    if what:
        raise InputError(what)  # it says what the file is, and what to do
    # A UTF-16 or UTF-32 byte-order mark names its encoding (Notepad's
    # "Unicode" saves UTF-16 LE with one); such text is full of NUL bytes.
    encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None)
    if encoding is not None:
        if encoding == "utf-16" and len(data) % 2:
            data = data[:-1]  # a newline byte a tool added to UTF-16 text
        _check_text_after_bom(data, encoding)
        return _as_said(_decoded(data, encoding), None, notes, mend, encoding.upper())
    if b"\x00" in data:
        encoding = utf16_without_bom(data)
        nuls = data.count(b"\x00")
        if encoding is None and nuls * STRAY_NULS > len(data):
            raise InputError("binary file (contains NUL bytes); not a text article")
        if encoding is not None:
            return _as_said(_decoded(data[: len(data) // 2 * 2], encoding), encoding, notes, mend, "UTF-16")
        # A few in a long text are a tool's slip, not a binary file: a real page of
        # 194 KB held 22 and was refused (helper-139). A browser shows none of them.
        data = data.replace(b"\x00", b"")
        notes.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} left out (a text holds none)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if not mend:
            raise InputError(f"{_not_valid('UTF-8', data, e)}; name its encoding with --encoding") from None
        return _not_utf8(data.removeprefix(codecs.BOM_UTF8), e, notes)
    if mend and text.isascii() and legacy.looks_viqr(text):
        notes.append("the text looks like VIQR (Vietnamese typed in ASCII: “Ha` No^.i”); "
                     "if so, read it with --encoding viqr")
    return (_mojibake(text, notes) if mend else None) or Decoded(text)


def _as_said(text: str, detected: str | None, notes: list[str], mend: bool, saved: str) -> Decoded:
    """UTF-16 or UTF-32 text, mended as UTF-8 is when it holds mojibake: Notepad's
    "Save as Unicode" of a TCVN3 or UTF-8 file it had opened as ANSI keeps the
    wrong letters (helper-72: every output read "ñy ban nh©n d©n", with no word)."""
    found = _mojibake(text, notes, saved) if mend else None
    return Decoded(found.text, detected or found.detected, found.notes) if found else Decoded(text, detected)


def _not_valid(name: str, data: bytes, e: UnicodeDecodeError) -> str:
    return f"not valid {name} (byte 0x{data[e.start]:02x} at offset {e.start})"


def _decoded(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(_not_valid(encoding.upper(), data, e)) from None


def _others(parts: mixed.Pieces) -> str:
    """How many of the parts are not UTF-8, for a note: "1 part (a line or a word)"."""
    n = sum(1 for _, is_old in parts if is_old)
    return f"{n} part{'s' if n > 1 else ''} (a line or a word)"


def _not_utf8(data: bytes, error: UnicodeDecodeError, notes: list[str]) -> Decoded:
    """Bytes that are not UTF-8: UTF-8 with parts in a legacy encoding or a few
    stray Windows-1252 bytes when its UTF-8 reads as Vietnamese, a legacy encoding
    when one is clearly right, else one line naming the candidates."""
    parts = mixed.pieces(data)
    if mixed.says_utf8(parts):
        others = _others(parts)
        found = mixed.read(parts)
        if found is not None:
            notes.append(f"UTF-8, with {others} in {legacy.NAMES[found[1]]}: each read in its own encoding")
            return Decoded(found[0])
        strays = _strays(data)
        if strays is not None:
            notes.append(f"not valid UTF-8 at {strays[1]}: read as Windows-1252")
            return Decoded(strays[0])
        # The UTF-8 lines read as Vietnamese: the file is UTF-8, whatever its other
        # lines are. Read whole as a legacy encoding, every right line became
        # mojibake (helper-134: one line saved lossily in Windows-1258 made the
        # whole file VNI). Those lines get the likeliest encoding, and a warning.
        guess = mixed.read(parts, clear=False)
        if guess is not None:
            notes.append(f"UTF-8, with {others} not UTF-8, read as {legacy.NAMES[guess[1]]}, the likeliest "
                         "but not a clear choice: check them")
            return Decoded(guess[0])
    ranked = legacy.candidates(data)
    found = legacy.detect(data, ranked)
    if found is not None:
        return Decoded(found[1], found[0])
    strays = _strays_unless_legacy(data, ranked)
    if strays is not None:
        text, where = strays
        notes.append(f"not valid UTF-8 at {where}: read as Windows-1252")
        return Decoded(text)
    shares = ", ".join(f"{legacy.NAMES[n]} {s:.0%}" for s, n, _ in ranked)
    raise InputError(
        f"{_not_valid('UTF-8', data, error)}, and no legacy "
        f"encoding is clearly right (Vietnamese words: {shares}); name one with --encoding "
        f"tcvn3, vni, viqr, viscii, cp1258 or another codec{hints.western(data, ranked)}"
    )




def _strays_unless_legacy(data: bytes, ranked: list[tuple[float, str, str]]) -> tuple[str, str] | None:
    """``_strays``, unless a legacy reading (``ranked``: ``legacy.candidates``) is
    clearly better: a short file in a legacy encoding may hold a pair of bytes that
    happens to be UTF-8 ("ươ" in VISCII)."""
    strays = _strays(data)
    if strays is None or any(share >= legacy.syllable_share(strays[0]) + legacy.CLEAR_MARGIN
                             for share, _, _ in ranked):
        return None
    return strays


def _strays(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bytes that are not (``STRAY_BYTES`` at most, each a
    Windows-1252 character: "–" pasted from Word as 0x96), as text and where the
    strays were; None when the bytes are not UTF-8 with strays."""
    text = data.decode("utf-8", "surrogateescape")
    strays = [(i, ord(c) - 0xDC00) for i, c in enumerate(text) if "\udc80" <= c <= "\udcff"]
    if not strays or len(strays) > STRAY_BYTES or not any(ord(c) > 0x7F for c in text if c < "\udc80" or c > "\udfff"):
        return None
    try:
        mended = "".join(bytes([b]).decode("cp1252") for _, b in strays)
    except UnicodeDecodeError:
        return None
    if any(c in CONTROLS for c in mended):
        return None
    offsets = [len(text[:i].encode("utf-8", "surrogateescape")) for i, _ in strays]
    where = ", ".join(f"offset {o} (0x{b:02x}, “{m}”)" for o, (_, b), m in zip(offsets, strays, mended, strict=True))
    for (i, _), m in zip(reversed(strays), reversed(mended), strict=True):
        text = text[:i] + m + text[i + 1:]
    return text, where


def _mojibake(text: str, notes: list[str], saved: str = "UTF-8") -> Decoded | None:
    """Valid UTF-8 that reads as no language: text that a tool read as Windows-1252
    (or Latin-1) and saved again as UTF-8, from UTF-8 ("HÃ  Ná»™i") or from a legacy
    encoding (TCVN3's "Hµ Néi"). Mended when the bytes it stood for are clearly
    Vietnamese; None otherwise (and for any text whose words already are)."""
    sample = unicodedata.normalize("NFC", text[:200_000])
    # Mojibake shows as words of letters beyond ASCII that are no syllables ("Ná»™i",
    # "Néi"); a text whose only signs beyond ASCII are symbols ("33°C", "±") is what
    # it says, whatever those bytes would read as in VISCII.
    if sample.isascii():
        return None
    raw = mixed.as_windows_bytes(text)
    if raw is None:
        # Letters beyond Windows-1252 ("Hà Nội" typed right) beside the mojibake: a
        # paste from a file that went through the wrong tool. Mended line by line.
        by_line = mixed.mend_lines(text)
        if by_line is None:
            return None
        notes.append(by_line[1])
        return Decoded(by_line[0])
    if legacy.evidence(sample)[1] < legacy.MIN_EVIDENCE:
        return None
    share = legacy.syllable_share(sample)
    better = max(legacy.MIN_SHARE, share + legacy.CLEAR_MARGIN)
    # A byte Windows-1252 has no character for came through as U+FFFD: that letter
    # is lost, and stays U+FFFD (0xFF is never UTF-8); the rest is mended. A reading
    # that loses letters the text holds ("ção" in Portuguese) is not a mending.
    again = raw.decode("utf-8", "replace")
    lost = text.count("\ufffd")
    mended = unicodedata.normalize("NFC", again[:200_000])
    if (legacy.syllable_share(mended) >= better and legacy.evidence(mended)[0] >= legacy.MIN_EVIDENCE
            and again.count("\ufffd") <= 2 * lost):
        repeat = " again" if saved == "UTF-8" else ""
        notes.append(f"the text was UTF-8 read as Windows-1252 and saved as {saved}{repeat}: mended"
                     + (f"; {lost} letter{'s' if lost > 1 else ''} lost before bantin read it stay as �"
                        if lost else ""))
        return Decoded(again)
    found = legacy.detect(raw) if "\ufffd" not in text else None
    if found is None or legacy.syllable_share(found[1][:200_000]) < better:
        return None
    name = legacy.NAMES[found[0]]
    notes.append(f"the text was {name} read as Windows-1252 and saved as {saved}: read as {name}")
    return Decoded(found[1], found[0])


def _named_legacy(data: bytes, name: str, notes: list[str]) -> Decoded:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = legacy.decode(data, name)
    except UnicodeDecodeError as e:  # VIQR is ASCII: a byte above 0x7f is not VIQR
        raise InputError(_not_valid(legacy.NAMES[name], data, e)) from None
    if name == "viqr":
        return Decoded(text)
    return _unfit(data, legacy.NAMES[name], text, notes) or Decoded(text)


def _named_codec(data: bytes, name: str, given: str, notes: list[str]) -> Decoded:
    check_encoding(name)
    if codecs.lookup(name).name.startswith(("utf-16", "utf-32")) and b"\x00" not in data:
        # Text in UTF-16 or UTF-32 holds a zero byte in every space: a file with none
        # is not in it, and read so every word is a CJK character, without a word
        # (or, one byte longer, it is refused as no UTF-16).
        try:
            utf8 = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            utf8 = None
        if utf8 is not None:
            notes.append(f"the file is UTF-8, not {legacy.NAMES.get(name, given[:40])} as named: read as UTF-8")
            return Decoded(utf8)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as e:
        # UTF-8 Vietnamese holds bytes Windows-1252 has no character for ("ề" is
        # E1 BB 81), and so does VISCII: such a file in a folder named -e cp1252
        # is read as what it is, not refused.
        said = legacy.NAMES.get(name, given[:40])
        fits = None if codecs.lookup(name).name.startswith("utf") else _unfit(data, said, "", notes, True)
        if fits is not None:
            return fits
        raise InputError(_not_valid(given, data, e)) from None
    except (LookupError, TypeError, ValueError) as e:
        raise InputError(f"cannot decode as {given[:40]!r}: {str(e)[:100]}") from None
    text = text.removeprefix("\ufeff")
    if codecs.lookup(name).name.startswith("utf"):
        return Decoded(text)  # a named Unicode encoding is taken at its word: nothing reads it better
    return _unfit(data, legacy.NAMES.get(name, given[:40]), text, notes, True) or Decoded(text)


def _unfit(data: bytes, named: str, text: str, notes: list[str], codec: bool = False) -> Decoded | None:
    """Another reading when the named encoding clearly does not fit the file, else
    None. An encoding is named for a whole folder, and one file may be UTF-8 or in
    another legacy encoding: read as named, its words would be mojibake ("Hµ Néi"
    under VNI) that every output then carries without a word. Only a reading whose
    words are Vietnamese syllables by a clear margin more than the named one's, with
    evidence enough, replaces it; the note says so. Under a named Python codec
    (``codec``), valid UTF-8 is read as UTF-8 whatever its language."""
    if data.isascii():
        return None
    share = legacy.syllable_share(text[:200_000])
    ranked = None  # the legacy readings, once they are needed
    try:
        utf8: str | None = data.decode("utf-8")
        strays = ""
    except UnicodeDecodeError:
        # UTF-8 with a dash pasted from Word is UTF-8 still, on the terms auto mode uses.
        ranked = legacy.candidates(data)
        utf8, strays = _strays_unless_legacy(data, ranked) or (None, "")
    if utf8 is not None:
        utf8_share = legacy.syllable_share(utf8[:200_000])
        # Text in a code page such as Latin-1 is next to never valid UTF-8 with two
        # characters beyond ASCII or more, and syllables cannot tell: "été" read
        # as Latin-1 is "Ã©tÃ©", whose "Ã" is one. (A short TCVN3 file may be.)
        if utf8_share >= share + legacy.CLEAR_MARGIN or (
                codec and not strays and sum(1 for c in utf8[:200_000] if ord(c) > 0x7F) >= 2):
            notes.append(f"the file is UTF-8, not {named} as named: read as UTF-8"
                         + (f" (not valid at {strays}: read as Windows-1252)" if strays else ""))
            return Decoded(utf8)
        return None
    ranked = ranked if ranked is not None else legacy.candidates(data)
    found = legacy.detect(data, ranked)
    if (found is None or legacy.NAMES[found[0]] == named
            or legacy.syllable_share(found[1][:200_000]) < share + legacy.CLEAR_MARGIN):
        hints.doubt(text, named, ranked, notes)
        return None
    notes.append(f"the file is {legacy.NAMES[found[0]]}, not {named} as named: read as {legacy.NAMES[found[0]]}")
    return Decoded(found[1], found[0])
