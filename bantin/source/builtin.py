"""The two readers bantin cannot work without: newsroom text and canonical JSON."""

from __future__ import annotations

from bantin.errors import InputError
from bantin.model import Document
from bantin.model.serialize import SchemaError, loads
from bantin.source import newsroom
from bantin.source.reader import Context, Reader
from bantin.source.rules import outlet_tag


def _txt(data: bytes, ctx: Context) -> Document:
    return newsroom.read(ctx.text(data), ctx.warn, outlet_tag.table(ctx.outlets) if ctx.outlets else None)


def _json(data: bytes, ctx: Context) -> Document:
    try:
        # JSON is UTF-8 (RFC 8259) and written by programs: read as it is, never
        # "mended" as a newsroom's text may be, or a round trip changes its words.
        return loads(ctx.text(data, mend=False))
    except SchemaError as e:
        raise InputError(f"JSON input: {e}") from None


txt = Reader("txt", (".txt",), _txt, "newsroom plain text, any encoding (TCVN3, VNI, VISCII, VIQR included)")
json = Reader("json", (".json",), _json, "bantin's canonical JSON")
