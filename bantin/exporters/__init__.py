"""The exporter interface and the table of exporters.

An exporter is a name, a file extension and one function from (document, style,
warn) to bytes, like Pandoc's writers. It reads only the model and the style; the
typography has already been applied. Built-in exporters are registered through the
same entry-point group as third-party ones, ``bantin.exporters``, so a pip-installed
package adds a format without touching bantin.

Exporter modules import their heavy libraries inside ``write``: loading the table
(``bantin formats``) stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from bantin.errors import ExportError

if TYPE_CHECKING:
    from bantin.model import Document
    from bantin.style.stylesheet import Style

__all__ = ["GROUP", "ExportError", "Exporter", "Warn", "registry", "warm"]

Warn = Callable[[str], None]
GROUP = "bantin.exporters"


@dataclass(frozen=True)
class Exporter:
    name: str
    extension: str  # with the dot: ".pdf"
    write: Callable[[Document, Style, Warn], bytes]
    description: str = ""
    # Loads fonts and libraries ahead of time, so forked workers start warm.
    warm: Callable[[Style], None] | None = None


@lru_cache(maxsize=1)
def registry() -> dict[str, Exporter]:
    from bantin import plugins

    return plugins.load(GROUP, Exporter, "exporter")


def warm(style: Style, formats: tuple[str, ...]) -> None:
    """Load the fonts and libraries of these formats ahead of the first document,
    so that workers start warm. A format that cannot warm up reports its problem
    when it writes a document, per input."""
    for fmt in formats:
        hook = registry()[fmt].warm
        if hook is not None:
            try:
                hook(style)
            except Exception:  # noqa: BLE001 - reported by the export itself
                pass
