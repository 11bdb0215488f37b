"""File names as messages, reports and manifests show them.

A name may hold bytes that are not UTF-8 (Python keeps them as lone surrogates)
or a newline; printed raw, the first breaks every UTF-8 writer and the second
splits an error line in two. Such names are shown escaped, and only those.
"""

from __future__ import annotations


def reported(name: str) -> str:
    """A file name as data (``--report``, the manifest), whose JSON escapes a
    newline itself: as it is, but for bytes that are not UTF-8, written \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def shown(name: str) -> str:
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in text):
        return repr(text)
    return text
