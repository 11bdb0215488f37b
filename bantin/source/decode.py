"""Bytes to text: any newline convention, any Unicode normal form, BOM or not.

Without a named encoding ("auto"): UTF-8 (with or without BOM, NFC or NFD), UTF-16
or UTF-32 with a BOM, or UTF-16 without one (``utf16_without_bom``), else one of
TCVN3, VNI, VISCII and Windows-1258 when its words are clearly the most Vietnamese
(``legacy.detect``), else one line naming the candidates. A detection is
always reported to the caller, never silent; a wrong guess would be confident
mojibake.
"""

from __future__ import annotations

import codecs
import unicodedata

from bantin.errors import InputError
from bantin.source import legacy

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROLS = frozenset(map(chr, range(32))) - {"\t", "\n", "\r", "\f"}


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``data`` is UTF-16 written without a
    byte-order mark (some exporters and Windows tools do): the high byte of every
    ASCII letter, digit and space is a NUL, so NULs fill one byte column (a third
    of the pairs at least: Vietnamese text is mostly ASCII letters and spaces) and
    almost never the other, and the text decodes with no control character. A
    binary file puts its NULs anywhere."""
    sample = data[:65536]
    pairs = len(sample) // 2
    if len(data) % 2 or pairs < 8:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    for nuls, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= pairs / 3 and others <= pairs / 100:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return None if _CONTROLS.intersection(text) else codec
    return None


def check_encoding(name: str) -> None:
    """Raise InputError unless ``name`` is "auto", a legacy encoding bantin reads
    (``legacy.LEGACY``) or a Python codec of text."""
    if name.lower() in ("auto", *legacy.LEGACY):
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


def decode_reporting(data: bytes, encoding: str | None = None) -> tuple[str, str | None]:
    """The text, and the encoding that was detected (None when UTF-8 or named)."""
    detected = None
    if not data.strip():
        raise InputError("empty input" if not data else "input is only white space")
    if encoding is None:
        # A UTF-16 or UTF-32 byte-order mark names its encoding (Notepad's
        # "Unicode" saves UTF-16 LE with one); such text is full of NUL bytes.
        encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
        if encoding is not None:
            _check_text_after_bom(data, encoding)
    if encoding is None and b"\x00" in data[:8192]:
        detected = encoding = utf16_without_bom(data)
        if encoding is None:
            raise InputError("binary file (contains NUL bytes); not a text article")
    if encoding is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            found = legacy.detect(data)
            if found is None:
                shares = ", ".join(f"{legacy.NAMES[n]} {s:.0%}" for s, n, _ in legacy.candidates(data))
                raise InputError(
                    f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}), and no legacy "
                    f"encoding is clearly right (Vietnamese words: {shares}); name one with --encoding "
                    "tcvn3, vni, viqr, viscii, cp1258 or another codec"
                ) from None
            detected, text = found
    elif encoding.lower() in legacy.LEGACY:
        try:
            text = legacy.decode(data, encoding.lower())
        except UnicodeDecodeError as e:  # VIQR is ASCII: a byte above 0x7f is not VIQR
            raise InputError(f"not valid {legacy.NAMES[encoding.lower()]} (byte 0x{data[e.start]:02x} at offset "
                             f"{e.start})") from None
    else:
        check_encoding(encoding)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(f"not valid {encoding} (byte 0x{data[e.start]:02x} at offset {e.start})") from None
        except (LookupError, TypeError, ValueError) as e:
            raise InputError(f"cannot decode as {encoding[:40]!r}: {str(e)[:100]}") from None
        text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError("input is only white space")
    return text, detected
