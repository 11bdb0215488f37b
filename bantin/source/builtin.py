"""The two readers bantin cannot work without: newsroom text and canonical JSON."""

from __future__ import annotations

import re

from bantin.errors import InputError
from bantin.model import Document
from bantin.model.serialize import SchemaError, loads
from bantin.source import newsroom
from bantin.source.reader import Context, Reader
from bantin.source.rules import outlet_tag

# A saved web page named .txt would be read as text full of tags: said, with what to do.
_WEB_PAGE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                       re.IGNORECASE | re.DOTALL)
_PAGE_PART = re.compile(r"<(?:head|body)[\s>]|</html>", re.IGNORECASE)  # not a text that opens on the word


def _txt(data: bytes, ctx: Context) -> Document:
    text = ctx.text(data)
    if _WEB_PAGE.match(text[:4096]) and _PAGE_PART.search(text[:65536]):
        raise InputError("a web page (it starts with <html>), named as text: give --from html to read it as one")
    return newsroom.read(text, ctx.warn, outlet_tag.table(ctx.outlets) if ctx.outlets else None)


def _json(data: bytes, ctx: Context) -> Document:
    try:
        # JSON is UTF-8 (RFC 8259) and written by programs: read as it is, never
        # "mended" as a newsroom's text may be, or a round trip changes its words.
        return loads(ctx.text(data, mend=False))
    except SchemaError as e:
        raise InputError(f"JSON input: {e}") from None


txt = Reader("txt", (".txt",), _txt, "newsroom plain text, any encoding (TCVN3, VNI, VISCII, VIQR included)")
json = Reader("json", (".json",), _json, "bantin's canonical JSON")
