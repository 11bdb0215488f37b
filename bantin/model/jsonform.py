"""Blocks and rich text to and from their JSON form.

Text without marks is written as a plain string, and a list item, a table cell or a
quote that is one paragraph (spanning nothing) as its text, exactly as version 2
wrote them, so that the files stay readable and editable by hand. A container that
holds more (two paragraphs, a nested list, a merged cell) is written as a list of
one object, ``[{"text": …, "blocks": […], "colspan": 2}]``: "blocks" is its
structure, and "text" its words on one line, so that a program written for version
2, which reads an item or a cell as a list of spans, still finds every word (a quote
keeps its "text" the same way). Reading, "blocks" wins. Version 1 and 2 shapes read
too: a quote's "text", a list item or cell as text, a version 1 "caption" block.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Any, assert_never

from bantin.errors import InputError
from bantin.model import jsonlists
from bantin.model.blocks import (
    Block,
    Cell,
    CodeBlock,
    Figure,
    Heading,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    SectionBreak,
    Table,
    auto_align,
    plain_text,
)
from bantin.model.images import Embedded, ImageError, load
from bantin.model.text import Span, Text, text_of

MAX_DEPTH = 64  # blocks inside blocks: deeper than any document, shallow enough for the stack


class SchemaError(InputError):
    """Canonical JSON that does not match the schema."""


_MARKS = ("em", "strong", "code", "sup", "sub")


def text_out(t: Text) -> Any:
    if len(t) == 1 and t[0].href is None and t[0].note is None and not any(getattr(t[0], m) for m in _MARKS):
        return t[0].text
    out = []
    for s in t:
        d: dict[str, Any] = {"text": s.text}
        for mark in ("em", "strong"):
            if getattr(s, mark):
                d[mark] = True
        if s.href is not None:
            d["href"] = s.href
        for mark in ("code", "sup", "sub"):
            if getattr(s, mark):
                d[mark] = True
        if s.note is not None:
            d["note"] = s.note
        out.append(d)
    return out


def text_in(v: Any) -> Text:
    if isinstance(v, str):
        return (Span(v),) if v else ()
    if not isinstance(v, list):
        raise SchemaError(f"text must be a string or a list of spans, not {type(v).__name__}")
    spans = []
    for s in v:
        if isinstance(s, str):
            spans.append(Span(s))
        elif isinstance(s, dict) and isinstance(s.get("text"), str):
            spans.append(Span(s["text"], bool(s.get("em", False)), bool(s.get("strong", False)), s.get("href"),
                              bool(s.get("code", False)), bool(s.get("sup", False)), bool(s.get("sub", False)),
                              s.get("note")))
        else:
            raise SchemaError("a span must be a string or an object with 'text'")
    return tuple(spans)


def _one_paragraph(blocks: tuple[Block, ...]) -> Text | None:
    """The text of a container that is one paragraph, which JSON writes as text.
    An empty paragraph is not: its text would read back as no blocks at all."""
    if len(blocks) == 1 and isinstance(blocks[0], Paragraph) and blocks[0].text:
        return blocks[0].text
    return () if not blocks else None


def _container_out(blocks: tuple[Block, ...], extra: dict[str, Any] | None = None) -> Any:
    text = _one_paragraph(blocks)
    if text is not None and not extra:
        return text_out(text)
    return [{"text": text_of(plain_text(blocks)), "blocks": blocks_out(blocks), **(extra or {})}]


def blocks_out(blocks: tuple[Block, ...]) -> list[dict[str, Any]]:
    return [block_out(b) for b in blocks]


def block_out(b: Block) -> dict[str, Any]:
    match b:
        case Heading():
            return {"type": "heading", "level": b.level, "text": text_out(b.text)}
        case Paragraph():
            return {"type": "paragraph", "text": text_out(b.text)}
        case ListBlock():
            return {"type": "list", **jsonlists.props(b), "items": jsonlists.items_out(b, _container_out)}
        case Quote():
            one = _one_paragraph(b.blocks)
            if one is not None:
                return {"type": "quote", "text": text_out(one), "attribution": b.attribution}
            return {"type": "quote", "text": text_of(plain_text(b.blocks)), "blocks": blocks_out(b.blocks),
                    "attribution": b.attribution}
        case Figure():
            return {"type": "figure", "image": None if b.image is None else image_out(b.image), "alt": b.alt,
                    "caption": text_out(b.caption), "credit": b.credit}
        case Table():
            def cell(c: Cell) -> Any:
                spans = {k: v for k, v in (("colspan", c.colspan), ("rowspan", c.rowspan)) if v != 1}
                return _container_out(c.blocks, spans)

            return {"type": "table", "header_rows": b.header_rows, "align": list(b.align),
                    "caption": text_out(b.caption), "rows": [[cell(c) for c in r] for r in b.rows]}
        case SectionBreak():
            return {"type": "break"}
        case CodeBlock():
            return {"type": "code", "language": b.language, "lines": list(b.lines)}
        case _:
            assert_never(b)


def blocks_in(v: Any, depth: int = 0, pictures: Embedded | None = None) -> tuple[Block, ...]:
    if not isinstance(v, list):
        raise SchemaError("blocks must be a list")
    if depth > MAX_DEPTH:
        raise SchemaError(f"blocks are nested more than {MAX_DEPTH} deep")
    pictures = pictures if pictures is not None else Embedded()
    return tuple(block_in(b, depth, pictures) for b in v)


def _structured(v: Any) -> dict[str, Any] | None:
    """The object of a container written with its structure: ``[{"blocks": …}]``."""
    if isinstance(v, list) and len(v) == 1 and isinstance(v[0], dict) and "blocks" in v[0]:
        return v[0]
    return v if isinstance(v, dict) and "blocks" in v else None


def _container_in(v: Any, depth: int, pictures: Embedded) -> tuple[Block, ...]:
    structured = _structured(v)
    if structured is not None:
        if depth > MAX_DEPTH:
            raise SchemaError(f"blocks are nested more than {MAX_DEPTH} deep")
        return blocks_in(structured["blocks"], depth + 1, pictures)
    text = text_in(v)
    return (Paragraph(text),) if text else ()


def _span_of(v: Any, key: str) -> int:
    structured = _structured(v)
    n = structured.get(key, 1) if structured is not None else 1
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise SchemaError(f"{key} must be a whole number of at least 1, not {n!r}")
    return n


def block_in(d: Any, depth: int = 0, pictures: Embedded | None = None) -> Block:
    pictures = pictures if pictures is not None else Embedded()
    if not isinstance(d, dict):
        raise SchemaError("a block must be an object")
    kind = d.get("type")
    if kind == "heading":
        level = d.get("level", 1)
        if not isinstance(level, int) or not 1 <= level <= 6:
            raise SchemaError(f"heading level must be 1-6, not {level!r}")
        return Heading(text_in(d.get("text", "")), level)
    if kind == "paragraph":
        return Paragraph(text_in(d.get("text", "")))
    if kind == "list":
        try:
            return jsonlists.list_in(d, lambda v, depth: _container_in(v, depth, pictures), depth)
        except ValueError as e:
            raise SchemaError(str(e)) from None
    if kind == "quote":
        blocks = (blocks_in(d["blocks"], depth + 1, pictures) if "blocks" in d
                  else _container_in(d.get("text", ""), depth, pictures))
        return Quote(blocks, opt_str(d, "attribution"))
    if kind == "caption":  # version 1: a caption line, now a figure without an image
        return Figure(text_in(d.get("text", "")), opt_str(d, "credit"))
    if kind == "figure":
        image = d.get("image")
        return Figure(text_in(d.get("caption", "")), opt_str(d, "credit"),
                      None if image is None else image_in(image, pictures), d.get("alt") or "")
    if kind == "table":
        return _table_in(d, depth, pictures)
    if kind == "break":
        return SectionBreak()
    if kind == "code":
        lines = d.get("lines", [])
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise SchemaError("a code block's lines must be a list of strings")
        return CodeBlock(tuple(lines), opt_str(d, "language"))
    raise SchemaError(f"unknown block type {kind!r}")


def _table_in(d: dict[str, Any], depth: int, pictures: Embedded) -> Table:
    rows = tuple(tuple(Cell(_container_in(c, depth, pictures), _span_of(c, "colspan"), _span_of(c, "rowspan"))
                       for c in r) for r in d.get("rows", []))
    header_rows = d.get("header_rows", 0)
    if not isinstance(header_rows, int) or isinstance(header_rows, bool) or header_rows < 0:
        # The schema's "integer" takes 1.0, which sliced no row in the PDF and the EPUB.
        raise SchemaError(f"header_rows must be a whole number, not {header_rows!r}")
    if header_rows > len(rows):
        raise SchemaError(f"header_rows is {header_rows} but the table has {len(rows)} rows")
    table = Table(rows, header_rows, text_in(d.get("caption", "")))
    align = tuple(d.get("align") or ()) or auto_align(rows, header_rows)
    if len(align) != table.columns:
        raise SchemaError(f"align has {len(align)} entries for {table.columns} columns")
    return Table(rows, header_rows, table.caption, align)


def image_out(im: Image) -> dict[str, Any]:
    return {
        "media_type": im.media_type,
        "width": im.width,
        "height": im.height,
        "sha256": im.sha256,
        "data": base64.b64encode(im.data).decode("ascii"),
    }


def image_in(d: dict[str, Any], pictures: Embedded | None = None) -> Image:
    """The embedded image, checked three ways: its digest, Pillow, and the stated
    type and size (a document is self-contained, so the bytes are all there is).
    ``pictures`` holds those of the same document already checked."""
    pictures = pictures if pictures is not None else Embedded()
    try:
        known = pictures.known(d["sha256"], d["data"])
    except ImageError as e:
        raise SchemaError(str(e)) from None
    if known is not None:
        return known
    try:
        data = base64.b64decode(d["data"], validate=True)
    except (binascii.Error, ValueError):
        raise SchemaError("image data is not valid base64") from None
    if hashlib.sha256(data).hexdigest() != d["sha256"]:
        raise SchemaError("image data does not match its sha256")
    try:
        im = load(data)
    except ImageError as e:
        raise SchemaError(f"image: {e}") from None
    if (im.media_type, im.width, im.height) != (d["media_type"], d["width"], d["height"]):
        raise SchemaError(
            f"image is {im.media_type} {im.width}×{im.height}, not the {d['media_type']} "
            f"{d['width']}×{d['height']} the document states (write it with bantin inspect)"
        )
    try:
        pictures.add(d["sha256"], d["data"], im)
    except ImageError as e:
        raise SchemaError(str(e)) from None
    return im


def opt_str(d: dict[str, Any], key: str) -> str | None:
    v = d.get(key)
    if v is None or isinstance(v, str):
        return v
    raise SchemaError(f"{key} must be a string or null")
