"""Readers: inputs to the canonical model. Exporters never see anything else.

``read`` picks the reader by content: canonical JSON (a ``"schema": "bantin/…"``
object) or newsroom plain text.
"""

from __future__ import annotations

from bantin.model import Document
from bantin.source.decode import decode
from bantin.source.errors import InputError

__all__ = ["InputError", "read"]


def read(data: bytes, encoding: str | None = None) -> Document:
    text = decode(data, encoding)
    if text.lstrip().startswith("{"):
        from bantin.serialize import SchemaError, loads

        try:
            return loads(text)
        except SchemaError as e:
            raise InputError(f"JSON input: {e}") from None
    from bantin.source import newsroom

    return newsroom.read(text)
