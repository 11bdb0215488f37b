"""Loading an entry-point group of plug-ins: exporters and readers alike."""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol, TypeVar

from bantin.errors import BantinWarning

if TYPE_CHECKING:
    from importlib.metadata import EntryPoints

T = TypeVar("T")


def load(group: str, kind: type[T], what: str) -> dict[str, T]:
    """Every plug-in of ``group`` that is a ``kind``, by name, sorted. One that fails
    to load is a warning, never the end of the others; editable installs can list an
    entry point twice, and the first of a name wins. bantin's own come first: a
    plug-in named "pdf" is a warning, never the PDF (helper-89: which one won
    followed the order of the installed packages)."""
    found: dict[str, T] = {}
    taken: dict[str, str] = {}
    for ep in sorted(_installed().select(group=group), key=lambda ep: not ep.value.startswith("bantin.")):
        if ep.name in taken:
            if ep.value != taken[ep.name]:
                warnings.warn(f"{what} plug-in {ep.name!r} ({ep.value}) is ignored: {taken[ep.name]} has that name",
                              BantinWarning, stacklevel=3)
            continue
        taken[ep.name] = ep.value
        try:
            obj = ep.load()
            if not isinstance(obj, kind):
                raise TypeError(f"{ep.value} is not a {kind.__module__}.{kind.__name__}")
        except Exception as e:  # noqa: BLE001 - one broken plug-in must not hide the others
            warnings.warn(f"{what} plug-in {ep.name!r} failed to load: {e}", BantinWarning, stacklevel=3)
            continue
        found[ep.name] = obj
    return dict(sorted(found.items()))


class _Selectable(Protocol):
    """What ``entry_points()`` returns: SelectableGroups on 3.11, EntryPoints later."""

    def select(self, *, group: str) -> EntryPoints: ...


@lru_cache(maxsize=1)
def _installed() -> _Selectable:
    """Every installed entry point, read once: each scan of the installed
    distributions costs about 18 ms, and readers and exporters both need one.
    (importlib.metadata itself, with the e-mail parser it pulls in, loads only
    here: ``bantin --help`` never needs it.)"""
    from importlib.metadata import entry_points

    return entry_points()
