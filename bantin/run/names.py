"""File names and input text as messages, reports and manifests show them.

A name may hold bytes that are not UTF-8 (Python keeps them as lone surrogates)
or a newline; printed raw, the first breaks every UTF-8 writer and the second
splits an error line in two. Such names are shown escaped, and only those.

A message line may also quote what an input holds (a picture's address, a YAML
error's snippet, a file name): the characters a terminal or a CI log obeys
instead of showing are written escaped where a line is printed (``visible``) or
a report is written (``visible_json``), and every other letter as it is.
"""

from __future__ import annotations

import re

# What a terminal or log viewer acts on rather than shows: C0 controls but the
# newline that ends a printed line (ESC opens a sequence that clears the screen or
# recolours the log; CR makes the line overwrite itself), DEL and C1 (U+009B is a
# one-character ESC [), the bidirectional controls that reorder the rest of the
# line ("bao\u202ecod.txt" shows as "baotxt.doc") and the line and paragraph
# separators some viewers break at. Combining marks (NFD Vietnamese), joiners and
# every letter stay as they are.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSEEN = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}\u2028\u2029]")
# The same in JSON that ``json.dumps(ensure_ascii=False)`` wrote: it escapes C0
# itself, and its raw newlines are the layout's, never inside a string.
_UNSEEN_JSON = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029]")
_NAMED = {"\t": "\\t", "\r": "\\r"}


def _escaped(m: re.Match[str]) -> str:
    c = m.group()
    return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def visible(text: str) -> str:
    """Message text as it may be printed: each character a terminal would obey
    written as Python writes it escaped ("\\x1b", "\\u202e"); newlines stay (a
    traceback under --debug, click's help)."""
    return _UNSEEN.sub(_escaped, text)


def visible_json(text: str) -> str:
    """JSON text with the same characters as JSON escapes ("\\u202e"): the same
    data for any JSON reader, and ``cat report.json`` in a CI log shows them."""
    return _UNSEEN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def reported(name: str) -> str:
    """A file name as data (``--report``, the manifest), whose JSON escapes a
    newline itself: as it is, but for bytes that are not UTF-8, written \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def shown(name: str) -> str:
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in text):
        return repr(text)
    return text
