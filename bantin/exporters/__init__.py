"""The exporter interface, the render context and the table of exporters.

An exporter is a name, a file extension and one function from (document, render
context) to bytes, like Pandoc's writers. It reads only the model and the context;
the typography has already been applied. Built-in exporters are registered through
the same entry-point group as third-party ones, ``bantin.exporters``, so a
pip-installed package adds a format without touching bantin.

Exporter modules load their heavy libraries (reportlab, python-docx, ebooklib) only
when a document is first written: loading the table (``bantin formats``) stays cheap.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from bantin import plugins
from bantin.errors import ExportError
from bantin.model import Document
from bantin.style.stylesheet import Style

__all__ = ["GROUP", "ExportError", "Exporter", "RenderContext", "Warn", "registry", "warm"]

Warn = Callable[[str], None]
GROUP = "bantin.exporters"


def _ignore(_msg: str) -> None:
    pass


@dataclass(frozen=True)
class RenderContext:
    """Everything a writer may use besides the document, passed explicitly so that
    no writer reads the environment: the style sheet, where warnings go, and the
    ``SOURCE_DATE_EPOCH`` read once at the edge (the CLI or the API). Two threads
    with different epochs never see each other's."""

    style: Style
    warn: Warn = _ignore
    epoch: int | None = None  # seconds since 1970; None: the time of the build

    def build_time(self) -> datetime:
        """The epoch when given (reproducible builds), else now; UTC, whole seconds."""
        if self.epoch is not None:
            return datetime.fromtimestamp(self.epoch, tz=UTC)
        return datetime.now(UTC).replace(microsecond=0)


Write = Callable[[Document, RenderContext], bytes]


@dataclass(frozen=True)
class Exporter:
    name: str
    extension: str  # with the dot: ".pdf"
    write: Write
    description: str = ""
    # Loads fonts and libraries ahead of time, so forked workers start warm.
    warm: Callable[[Style], None] | None = None

    def render(self, doc: Document, ctx: RenderContext) -> bytes:
        """The document's bytes. A plug-in written for bantin 0.2 takes (document,
        style, warn); it still works, without the epoch."""
        if _takes_style(self.write):
            out = self.write(doc, ctx.style, ctx.warn)  # type: ignore[call-arg, arg-type]
        else:
            out = self.write(doc, ctx)
        if not isinstance(out, bytes):  # a plug-in's: said as its fault, not as bantin's internal error
            raise ExportError(f"the {self.name} exporter returned {type(out).__name__}, not bytes")
        return out


@lru_cache(maxsize=64)
def _takes_style(write: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(write).parameters
    except (TypeError, ValueError):
        return False
    # (document, style, warn): three positional parameters, "warn" maybe optional
    # (helper-91). A keyword-only parameter, or a third with a default under
    # another name, is a modern writer's option (helper-89).
    positional = [p for p in params.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(positional) != 3:
        return False
    return positional[2].default is positional[2].empty or positional[2].name == "warn" \
        or positional[1].name == "style"


@lru_cache(maxsize=1)
def registry() -> dict[str, Exporter]:
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
