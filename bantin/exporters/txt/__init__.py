"""The plain-text briefing: UTF-8, NFC, LF, wrapped at the style's width.

``layout`` measures and wraps lines and lays tables out, ``raised`` writes
superscripts and subscripts, ``writer`` is the walk.
"""

from __future__ import annotations

import unicodedata

from bantin.exporters import Exporter, RenderContext
from bantin.exporters.labels import meta_text
from bantin.exporters.txt.writer import Writer
from bantin.model import Document
from bantin.typography.nbsp import NB_HYPHEN


def write(doc: Document, ctx: RenderContext) -> bytes:
    message = ctx.style.text.txt_layout == "message"
    text = ctx.style.text
    w = Writer(max(20, text.txt_width), message, ctx.style.page.decree_header, max(20, text.digest_width))
    w.walk(doc)
    out = "\n".join(line.rstrip() for line in w.out) + "\n"
    # A no-break hyphen has done its work once the lines are broken: written as a
    # hyphen, "2025-2030" is found by a search and shows in a terminal or editor
    # font that has no U+2011. No-break spaces stay (every font has them, and they
    # hold when the text is wrapped again), except in a message: a chat app wraps
    # where it likes.
    out = meta_text(out) if message else out.replace(NB_HYPHEN, "-")
    return unicodedata.normalize("NFC", out).encode("utf-8")


exporter = Exporter("txt", ".txt", write, "plain-text briefing, wrapped")
