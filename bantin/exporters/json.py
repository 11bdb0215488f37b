"""Canonical JSON, the model as it is on disk."""

from __future__ import annotations

from bantin.exporters import Exporter, Warn
from bantin.model import Document
from bantin.model.serialize import dumps
from bantin.style.stylesheet import Style


def write(doc: Document, style: Style, warn: Warn) -> bytes:
    return dumps(doc).encode("utf-8")


exporter = Exporter("json", ".json", write, "canonical bantin JSON")
