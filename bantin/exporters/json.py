"""Canonical JSON, the model as it is on disk."""

from __future__ import annotations

from bantin.exporters import Exporter, RenderContext
from bantin.model import Document
from bantin.model.serialize import dumps


def write(doc: Document, ctx: RenderContext) -> bytes:
    return dumps(doc).encode("utf-8")


exporter = Exporter("json", ".json", write, "canonical bantin JSON")
