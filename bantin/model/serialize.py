"""Canonical JSON: the on-disk form of the model, versioned and round-tripping exactly.

``load(dump(x)) == x`` for every document. Text without emphasis is written as a
plain string so that the files stay readable and editable by hand.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from functools import lru_cache
from typing import Any

from bantin.errors import InputError
from bantin.model import (
    Article,
    Block,
    Briefing,
    CodeBlock,
    Dateline,
    Document,
    Figure,
    Heading,
    Image,
    ListBlock,
    Outlet,
    Paragraph,
    Quote,
    SectionBreak,
    Span,
    Table,
    Text,
    auto_align,
)
from bantin.model.dates import iso_date_ok
from bantin.model.images import ImageError, load

ARTICLE_SCHEMA = "bantin/article@2"
BRIEFING_SCHEMA = "bantin/briefing@2"
# Version 1 (bantin 0.1 and 0.2) still reads, against its own frozen schema file.
OLD_SCHEMAS = {"bantin/article@1": ("article", 1), "bantin/briefing@1": ("briefing", 1)}
SCHEMAS = {ARTICLE_SCHEMA: ("article", 2), BRIEFING_SCHEMA: ("briefing", 2), **OLD_SCHEMAS}


class SchemaError(InputError):
    """Canonical JSON that does not match the schema."""


def _text_out(t: Text) -> Any:
    if len(t) == 1 and not t[0].em and not t[0].strong and t[0].href is None and not t[0].code:
        return t[0].text
    out = []
    for s in t:
        d: dict[str, Any] = {"text": s.text}
        if s.em:
            d["em"] = True
        if s.strong:
            d["strong"] = True
        if s.href is not None:
            d["href"] = s.href
        if s.code:
            d["code"] = True
        out.append(d)
    return out


def _text_in(v: Any) -> Text:
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
                              bool(s.get("code", False))))
        else:
            raise SchemaError("a span must be a string or an object with 'text'")
    return tuple(spans)


def _block_out(b: Block) -> dict[str, Any]:
    if isinstance(b, Heading):
        return {"type": "heading", "level": b.level, "text": _text_out(b.text)}
    if isinstance(b, Paragraph):
        return {"type": "paragraph", "text": _text_out(b.text)}
    if isinstance(b, ListBlock):
        return {
            "type": "list",
            "ordered": b.ordered,
            "numbered_in_text": b.numbered_in_text,
            "items": [_text_out(i) for i in b.items],
        }
    if isinstance(b, Quote):
        return {"type": "quote", "text": _text_out(b.text), "attribution": b.attribution}
    if isinstance(b, Figure):
        return {
            "type": "figure",
            "image": None if b.image is None else _image_out(b.image),
            "alt": b.alt,
            "caption": _text_out(b.caption),
            "credit": b.credit,
        }
    if isinstance(b, Table):
        return {
            "type": "table",
            "header_rows": b.header_rows,
            "align": list(b.align),
            "caption": _text_out(b.caption),
            "rows": [[_text_out(c) for c in r] for r in b.rows],
        }
    if isinstance(b, SectionBreak):
        return {"type": "break"}
    if isinstance(b, CodeBlock):
        return {"type": "code", "language": b.language, "lines": list(b.lines)}
    raise TypeError(f"unknown block {b!r}")


def _block_in(d: Any) -> Block:
    if not isinstance(d, dict):
        raise SchemaError("a block must be an object")
    kind = d.get("type")
    if kind == "heading":
        level = d.get("level", 1)
        if not isinstance(level, int) or not 1 <= level <= 6:
            raise SchemaError(f"heading level must be 1-6, not {level!r}")
        return Heading(_text_in(d.get("text", "")), level)
    if kind == "paragraph":
        return Paragraph(_text_in(d.get("text", "")))
    if kind == "list":
        return ListBlock(
            tuple(_text_in(i) for i in d.get("items", [])),
            bool(d.get("ordered", False)),
            bool(d.get("numbered_in_text", False)),
        )
    if kind == "quote":
        return Quote(_text_in(d.get("text", "")), _opt_str(d, "attribution"))
    if kind == "caption":  # version 1: a caption line, now a figure without an image
        return Figure(_text_in(d.get("text", "")), _opt_str(d, "credit"))
    if kind == "figure":
        image = d.get("image")
        return Figure(
            _text_in(d.get("caption", "")),
            _opt_str(d, "credit"),
            None if image is None else _image_in(image),
            d.get("alt") or "",
        )
    if kind == "table":
        rows = tuple(tuple(_text_in(c) for c in r) for r in d.get("rows", []))
        header_rows = d.get("header_rows", 0)
        if header_rows > len(rows):
            raise SchemaError(f"header_rows is {header_rows} but the table has {len(rows)} rows")
        align = tuple(d.get("align") or ()) or auto_align(rows, header_rows)
        width = max((len(r) for r in rows), default=0)
        if len(align) != width:
            raise SchemaError(f"align has {len(align)} entries for {width} columns")
        return Table(rows, header_rows, _text_in(d.get("caption", "")), align)
    if kind == "break":
        return SectionBreak()
    if kind == "code":
        lines = d.get("lines", [])
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise SchemaError("a code block's lines must be a list of strings")
        return CodeBlock(tuple(lines), _opt_str(d, "language"))
    raise SchemaError(f"unknown block type {kind!r}")


def _image_out(im: Image) -> dict[str, Any]:
    return {
        "media_type": im.media_type,
        "width": im.width,
        "height": im.height,
        "sha256": im.sha256,
        "data": base64.b64encode(im.data).decode("ascii"),
    }


def _image_in(d: dict[str, Any]) -> Image:
    """The embedded image, checked three ways: its digest, Pillow, and the stated
    type and size (a document is self-contained, so the bytes are all there is)."""
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
    return im


def _opt_str(d: dict[str, Any], key: str) -> str | None:
    v = d.get(key)
    if v is None or isinstance(v, str):
        return v
    raise SchemaError(f"{key} must be a string or null")


def article_to_dict(a: Article) -> dict[str, Any]:
    return {
        "schema": ARTICLE_SCHEMA,
        "title": a.title,
        "lede": a.lede,
        "outlet": None if a.outlet is None else {"code": a.outlet.code, "name": a.outlet.name},
        "dateline": None
        if a.dateline is None
        else {"place": a.dateline.place, "time": a.dateline.time},
        "date": a.date,
        "byline": a.byline,
        "language": a.language,
        "url": a.url,
        "tags": list(a.tags),
        "blocks": [_block_out(b) for b in a.blocks],
    }


def _iso_date(d: dict[str, Any]) -> str | None:
    value = _opt_str(d, "date")
    if value is not None and not iso_date_ok(value):
        raise SchemaError(f"date must be an ISO 8601 calendar date (YYYY-MM-DD), not {value[:40]!r}")
    return value


def article_from_dict(d: Any) -> Article:
    if not isinstance(d, dict) or SCHEMAS.get(d.get("schema", ""), ("",))[0] != "article":
        raise SchemaError(f"not a canonical article (expected \"schema\": \"{ARTICLE_SCHEMA}\")")
    title = d.get("title")
    if not isinstance(title, str):
        raise SchemaError("title must be a string")
    o, dl = d.get("outlet"), d.get("dateline")
    return Article(
        title=title,
        lede=_opt_str(d, "lede"),
        outlet=None if o is None else Outlet(_opt_str(o, "code"), _opt_str(o, "name")),
        dateline=None if dl is None else Dateline(_opt_str(dl, "place"), _opt_str(dl, "time")),
        date=_iso_date(d),
        byline=_opt_str(d, "byline"),
        language=d.get("language", "vi"),
        url=_opt_str(d, "url"),
        tags=tuple(str(t) for t in d.get("tags", [])),
        blocks=tuple(_located(i, b) for i, b in enumerate(d.get("blocks", []))),
    )


def _located(i: int, b: Any) -> Block:
    """A block, with its place named in any error: "blocks/3 (figure): damaged image"."""
    try:
        return _block_in(b)
    except SchemaError as e:
        kind = b.get("type") if isinstance(b, dict) else None
        raise SchemaError(f"blocks/{i}{f' ({kind})' if kind else ''}: {e}") from None


def to_dict(doc: Document) -> dict[str, Any]:
    if isinstance(doc, Briefing):
        return {
            "schema": BRIEFING_SCHEMA,
            "title": doc.title,
            "date": doc.date,
            "issuer": doc.issuer,
            "number": doc.number,
            "place": doc.place,
            "kind": doc.kind,
            "group_by": doc.group_by,
            "language": doc.language,
            "articles": [article_to_dict(a) for a in doc.articles],
        }
    return article_to_dict(doc)


def from_dict(d: Any) -> Document:
    if isinstance(d, dict) and SCHEMAS.get(d.get("schema", ""), ("",))[0] == "briefing":
        title = d.get("title")
        if not isinstance(title, str):
            raise SchemaError("title must be a string")
        return Briefing(
            title=title,
            articles=tuple(article_from_dict(a) for a in d.get("articles", [])),
            date=_iso_date(d),
            issuer=_opt_str(d, "issuer"),
            number=_opt_str(d, "number"),
            place=_opt_str(d, "place"),
            kind=d.get("kind", "bundle"),
            group_by=_opt_str(d, "group_by"),
            language=d.get("language", "vi"),
        )
    return article_from_dict(d)


def dumps(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"


SCHEMA_FILES = {1: "schema/bantin.v1.schema.json", 2: "schema/bantin.schema.json"}


@lru_cache(maxsize=4)
def _validator(kind: str, version: int) -> Any:
    """The shipped JSON Schema's definition of an article or a briefing, compiled
    once: JSON input is checked against the very schema the documentation
    publishes (by kind, so that an error names the field, not the oneOf)."""
    from importlib import resources

    from jsonschema import Draft202012Validator

    text = resources.files("bantin.model").joinpath(SCHEMA_FILES[version]).read_text("utf-8")
    schema = json.loads(text)
    return Draft202012Validator({"$defs": schema["$defs"], "$ref": f"#/$defs/{kind}"})


def validate(data: Any) -> None:
    """Raise ``SchemaError`` naming the first place where ``data`` breaks the schema."""
    from jsonschema.exceptions import best_match

    if not isinstance(data, dict):
        raise SchemaError(f"not a canonical document: a JSON {type(data).__name__}, not an object")
    if data.get("schema") not in SCHEMAS:
        raise SchemaError(
            f"not a canonical document (expected \"schema\": \"{ARTICLE_SCHEMA}\" or \"{BRIEFING_SCHEMA}\")"
        )
    kind, version = SCHEMAS[data["schema"]]
    error = best_match(_validator(kind, version).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the document"
        raise SchemaError(f"{where}: {error.message[:200]}")


def loads(s: str) -> Document:
    try:
        data = json.loads(s)
    except json.JSONDecodeError as e:
        raise SchemaError(f"invalid JSON: {e}") from None
    except RecursionError:
        raise SchemaError("invalid JSON: nested too deeply") from None
    except ValueError as e:  # an integer of thousands of digits
        raise SchemaError(f"invalid JSON: {str(e)[:120]}") from None
    try:
        validate(data)
        return from_dict(data)
    except SchemaError:
        raise
    except (TypeError, AttributeError, ValueError) as e:
        # A field of the wrong JSON type ("tags": 5, "outlet": "x") surfaces here.
        raise SchemaError(f"malformed document: {e}") from None
