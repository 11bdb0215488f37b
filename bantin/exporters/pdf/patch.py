"""Replacing a reportlab function, only on the reportlab versions the replacement
was read against: a later reportlab may fix the fault or change the function,
and then keeps its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reportlab


def replace(module: Any, name: str, new: Callable[..., Any], checked: tuple[str, ...]) -> Callable[..., Any] | None:
    """Put ``new`` in place of ``module.name`` (idempotent); the function it
    replaced, or None when nothing was replaced (another reportlab, no such
    function, or ``new`` already in place)."""
    current = getattr(module, name, None)
    if not reportlab.Version.startswith(checked) or current is None or current is new:
        return None
    setattr(module, name, new)
    return current  # type: ignore[no-any-return]
