"""The one exception hierarchy of bantin, and its warning class.

Everything bantin raises for bad input, a bad style sheet or a document a format
cannot hold is a ``BantinError``; its message is written for the user and names
no internals. Any other exception escaping the API is a bug in bantin.
"""

from __future__ import annotations


class BantinError(Exception):
    """Base class: catch this to handle every failure bantin reports."""


class InputError(BantinError, ValueError):
    """An input that cannot become an article; the message says why."""


class StyleError(BantinError, ValueError):
    """A style sheet that cannot be used: unknown key, bad value, missing font."""


class ExportError(BantinError, RuntimeError):
    """The document cannot be written in this format."""


class UsageError(BantinError, ValueError):
    """Options that do not fit together: an unknown format, a bad ``-M`` value."""


class ArgumentError(UsageError, TypeError):
    """An argument of the wrong type given to the API (``read(None)``); a
    ``TypeError`` too, as Python's own would be."""


class StdoutError(BantinError, OSError):
    """Standard output could not take the document (a full disk, an I/O error)."""


class BantinWarning(UserWarning):
    """Something converted, but not exactly as written (a glyph no font has, say)."""
