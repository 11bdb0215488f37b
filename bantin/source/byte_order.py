"""Which Unicode form bytes are in before they are decoded: a byte-order mark's,
or UTF-16 written without one (some exporters and Windows tools do).

Apart from ``decode`` because the registry asks it too: it sniffs a file's first
bytes (JSON, HTML) past a byte-order mark that Windows tools put before them.
"""

from __future__ import annotations

import codecs

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# The C0 controls no text holds (tab, line feed, carriage return, form feed and
# vertical tab are a text's own): a decoding that yields many of them is wrong.
CONTROLS = frozenset(map(chr, range(32))) - {"\t", "\n", "\r", "\f", "\v"}


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``data`` is UTF-16 written without a
    byte-order mark (some exporters and Windows tools do): the high byte of every
    ASCII letter, digit and space is a NUL, so NULs fill one byte column (a third
    of the pairs at least: Vietnamese text is mostly ASCII letters and spaces) and
    much less the other (decomposed text's tone marks, U+0300 to U+0323, put a
    NUL there), and the text decodes with hardly a control character. A binary
    file puts its NULs anywhere. A last odd byte (a newline added by a tool that
    knew no better) is dropped."""
    data = data[: len(data) // 2 * 2]
    sample = data[:65536]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    for nuls, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= pairs / 3 and others * 4 <= nuls:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for c in text if c in CONTROLS)
            return None if controls * 1000 > len(text) else codec
    return None
