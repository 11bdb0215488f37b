"""Canonical JSON: the on-disk form of the model, versioned and round-tripping exactly.

``load(dump(x)) == x`` for every document. Blocks and text have their JSON form in
``jsonform``; this module writes and reads whole documents, checked against the
schema the package ships (``schema/``). Version 3 is written; versions 1 and 2
still read, each against its own frozen schema file.
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from importlib import resources
from typing import Any

from bantin.model.blocks import Block
from bantin.model.dates import iso_date_ok
from bantin.model.document import NOTE_KINDS, Article, Briefing, Dateline, Document, Note, Outlet, Signature, Signer
from bantin.model.images import Embedded
from bantin.model.jsonform import MAX_DEPTH, SchemaError, blocks_in, blocks_out, opt_str
from bantin.model.maps import spans_of
from bantin.model.schema_errors import explain, unique_keys
from bantin.model.schema_errors import kind as json_kind
from bantin.model.text import LINE_BREAK

__all__ = ["ARTICLE_SCHEMA", "BRIEFING_SCHEMA", "SchemaError", "dumps", "from_dict", "loads", "to_dict", "validate"]

ARTICLE_SCHEMA = "bantin/article@3"
BRIEFING_SCHEMA = "bantin/briefing@3"
# Versions 1 (bantin 0.1 and 0.2) and 2 (0.2) still read, against their own frozen schema files.
SCHEMAS = {
    ARTICLE_SCHEMA: ("article", 3), BRIEFING_SCHEMA: ("briefing", 3),
    "bantin/article@2": ("article", 2), "bantin/briefing@2": ("briefing", 2),
    "bantin/article@1": ("article", 1), "bantin/briefing@1": ("briefing", 1),
}
SCHEMA_FILES = {1: "schema/bantin.v1.schema.json", 2: "schema/bantin.v2.schema.json", 3: "schema/bantin.schema.json"}
_opt_str = opt_str


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
        "blocks": blocks_out(a.blocks),
        "notes": [{"id": n.id, "kind": n.kind, "blocks": blocks_out(n.blocks)} for n in a.notes],
        "issuer": a.issuer,
        "number": a.number,
        "place": a.place,
        **_signature_out(a.signature),
    }


def _signature_out(s: Signature | None) -> dict[str, Any]:
    """The key only when there is a signature: a file without one reads in any
    version-3 reader."""
    if s is None:
        return {}
    # "signed" and "beside" only when set, as the signature itself: a file
    # without them reads in any version-3 reader.
    beside = {"beside": [_signer_out(x) for x in s.beside]} if s.beside else {}
    return {"signature": {**_signer_out(s), "recipients": list(s.recipients), **beside}}


def _signer_out(s: Signature | Signer) -> dict[str, Any]:
    return {"name": s.name, "title": list(s.title), **({} if s.signed is None else {"signed": s.signed})}


def _signature_in(d: dict[str, Any]) -> Signature | None:
    s = d.get("signature")
    if s is None:
        return None
    recipients = _lines_in(s, "recipients", "signature")
    beside = s.get("beside", []) if isinstance(s, dict) else None
    if not isinstance(beside, list):
        raise SchemaError("signature: beside must be a list of signers")
    main = _signer_in(s, "signature")
    return Signature(main.name, main.title, recipients, main.signed, tuple(_signer_in(x, "beside") for x in beside))


def _signer_in(s: Any, where: str) -> Signer:
    title = _lines_in(s, "title", where)
    return Signer(opt_str(s, "name"), title, opt_str(s, "signed"))


def _lines_in(s: Any, key: str, where: str) -> tuple[str, ...]:
    v = s.get(key, []) if isinstance(s, dict) else None
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise SchemaError(f"{where} must be an object with a name and a list of strings {key}")
    return tuple(v)


def _iso_date(d: dict[str, Any]) -> str | None:
    value = _opt_str(d, "date")
    if value is not None and not iso_date_ok(value):
        raise SchemaError(f"date must be an ISO 8601 calendar date (YYYY-MM-DD, or YYYY-MM or YYYY alone), "
                          f"not {value[:40]!r}")
    return value


def article_from_dict(d: Any, pictures: Embedded | None = None) -> Article:
    if not isinstance(d, dict) or SCHEMAS.get(d.get("schema", ""), ("",))[0] != "article":
        raise SchemaError(f"not a canonical article (expected \"schema\": \"{ARTICLE_SCHEMA}\")")
    title = d.get("title")
    if not isinstance(title, str):
        raise SchemaError("title must be a string")
    o, dl = d.get("outlet"), d.get("dateline")
    pictures = pictures if pictures is not None else Embedded()
    return _checked_notes(Article(
        title=title,
        lede=_opt_str(d, "lede"),
        outlet=None if o is None else Outlet(_opt_str(o, "code"), _opt_str(o, "name")),
        dateline=None if dl is None else Dateline(_opt_str(dl, "place"), _opt_str(dl, "time")),
        date=_iso_date(d),
        byline=_opt_str(d, "byline"),
        language=d.get("language", "vi"),
        url=_opt_str(d, "url"),
        tags=tuple(str(t) for t in d.get("tags", [])),
        blocks=_located("blocks", d.get("blocks", []), pictures),
        notes=tuple(_note(i, n, pictures) for i, n in enumerate(d.get("notes", []))),
        issuer=_opt_str(d, "issuer"),
        number=_opt_str(d, "number"),
        place=_opt_str(d, "place"),
        signature=_signature_in(d),
    ))


def _article_in(i: int, d: Any, pictures: Embedded) -> Article:
    """A briefing's article, named by its place in any error."""
    try:
        return article_from_dict(d, pictures)
    except SchemaError as e:
        raise SchemaError(f"articles/{i}: {e}") from None


def _checked_notes(a: Article) -> Article:
    """Every note reference must name a note of the article, and note ids are unique:
    a format would otherwise link to nothing."""
    ids = [n.id for n in a.notes]
    if len(set(ids)) != len(ids):
        raise SchemaError("notes: two notes have the same id")
    missing = sorted({s.note for s in spans_of(a) if s.note is not None} - set(ids))
    if missing:
        raise SchemaError(f"a note reference names no note of the article: {missing[0]!r}")
    return a


def _note(i: int, n: Any, pictures: Embedded) -> Note:
    if not isinstance(n, dict) or not isinstance(n.get("id"), str) or n.get("kind", "footnote") not in NOTE_KINDS:
        raise SchemaError(f"notes/{i}: a note needs an id and a kind of {' or '.join(NOTE_KINDS)}")
    return Note(n["id"], _located(f"notes/{i}/blocks", n.get("blocks", []), pictures), n.get("kind", "footnote"))


def _located(where: str, blocks: Any, pictures: Embedded) -> tuple[Block, ...]:
    """Blocks, with the place of a bad one named in any error: "blocks/3 (figure): damaged image"."""
    if not isinstance(blocks, list):
        raise SchemaError(f"{where} must be a list")
    out = []
    for i, b in enumerate(blocks):
        try:
            out.append(blocks_in([b], 0, pictures)[0])
        except SchemaError as e:
            kind = b.get("type") if isinstance(b, dict) else None
            raise SchemaError(f"{where}/{i}{f' ({kind})' if kind else ''}: {e}") from None
    return tuple(out)


def to_dict(doc: Document) -> dict[str, Any]:
    if isinstance(doc, Briefing):
        return {
            "schema": BRIEFING_SCHEMA,
            "title": doc.title,
            "date": doc.date,
            "issuer": doc.issuer,
            "number": doc.number,
            "place": doc.place,
            **_signature_out(doc.signature),
            "kind": doc.kind,
            "group_by": doc.group_by,
            "language": doc.language,
            "articles": [article_to_dict(a) for a in doc.articles],
        }
    return article_to_dict(doc)


def from_dict(d: Any) -> Document:
    if isinstance(d, dict) and SCHEMAS.get(d.get("schema", ""), ("",))[0] == "briefing":
        pictures = Embedded()  # decoded once for the file, each article with its own budget
        title = d.get("title")
        if not isinstance(title, str):
            raise SchemaError("title must be a string")
        return Briefing(
            title=title,
            articles=tuple(_article_in(i, a, pictures.sibling()) for i, a in enumerate(d.get("articles", []))),
            date=_iso_date(d),
            issuer=_opt_str(d, "issuer"),
            number=_opt_str(d, "number"),
            place=_opt_str(d, "place"),
            signature=_signature_in(d),
            kind=d.get("kind", "bundle"),
            group_by=_opt_str(d, "group_by"),
            language=d.get("language", "vi"),
        )
    return article_from_dict(d)


def dumps(doc: Document) -> str:
    # A line break (U+2028) is written escaped: raw, a reader that splits lines as
    # Unicode does (Python's splitlines, JavaScript before ES2019) would split the
    # string, and a person would not see it. It is only ever inside a string.
    text = json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"
    return text.replace(LINE_BREAK, "\\u2028").replace("\u2029", "\\u2029")


@lru_cache(maxsize=4)
def _validator(kind: str, version: int) -> Any:
    """The shipped JSON Schema's definition of an article or a briefing, compiled
    once: JSON input is checked against the very schema the documentation
    publishes (by kind, so that an error names the field, not the oneOf)."""
    from jsonschema import Draft202012Validator

    text = resources.files("bantin.model").joinpath(SCHEMA_FILES[version]).read_text("utf-8")
    schema = json.loads(text)
    return Draft202012Validator({"$defs": schema["$defs"], "$ref": f"#/$defs/{kind}"})


MAX_LEVELS = 160  # of JSON objects and arrays: the schema's checker needs about four frames a level


def _shallow(data: Any) -> None:
    """Refuse blocks nested deeper than the reader takes before the schema sees
    them: the schema's checker recurses once per level and, a hundred quotes deep,
    ran out of stack inside its Rust part, which no ``except`` catches (helper-86)."""
    stack: list[tuple[Any, int, int]] = [(data, 0, 0)]
    while stack:
        node, depth, level = stack.pop()
        if level > MAX_LEVELS:  # a table in a cell is five levels of JSON: 44 of them crashed it too
            raise SchemaError(f"the JSON is nested more than {MAX_LEVELS} levels deep")
        if isinstance(node, dict):
            depth += "type" in node
            if depth > MAX_DEPTH:
                raise SchemaError(f"blocks are nested more than {MAX_DEPTH} deep")
            stack.extend((v, depth, level + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, depth, level + 1) for v in node if isinstance(v, dict | list))


def validate(data: Any) -> None:
    """Raise ``SchemaError`` naming the first place where ``data`` breaks the schema."""
    from jsonschema.exceptions import best_match

    if not isinstance(data, dict):
        raise SchemaError(f"not a canonical document: {json_kind(data)} in JSON, not an object")
    if not isinstance(data.get("schema"), str):
        data = {**data, "schema": None}  # "schema": [] is no name: said as a missing one below
    newer = re.fullmatch(r"bantin/(article|briefing)@(\d{1,9})", str(data.get("schema")))
    latest = max(version for _, version in SCHEMAS.values())
    if newer and int(newer.group(2)) > latest:
        raise SchemaError(f"written by a newer bantin ({newer.group(0)}): this version reads "
                          f"bantin/{newer.group(1)}@1 to @{latest}; upgrade bantin to read it")
    if data.get("schema") not in SCHEMAS:
        raise SchemaError(
            f"not a canonical document (expected \"schema\": \"{ARTICLE_SCHEMA}\" or \"{BRIEFING_SCHEMA}\")"
        )
    kind, version = SCHEMAS[data["schema"]]
    _shallow(data)
    error = best_match(_validator(kind, version).iter_errors(data))
    if error is not None:
        raise SchemaError(explain(error))


def loads(s: str) -> Document:
    try:
        data = json.loads(s, object_pairs_hook=unique_keys)
    except SchemaError:
        raise
    except json.JSONDecodeError as e:
        raise SchemaError(f"invalid JSON: {e}") from None
    except RecursionError:
        raise SchemaError("invalid JSON: nested too deeply") from None
    except ValueError:  # Python's guard against an integer of thousands of digits
        raise SchemaError(f"invalid JSON: a number of more than {sys.get_int_max_str_digits():,} digits") from None
    try:
        validate(data)
        return from_dict(data)
    except SchemaError:
        raise
    except (TypeError, AttributeError, ValueError) as e:
        # A field of the wrong JSON type ("tags": 5, "outlet": "x") surfaces here.
        raise SchemaError(f"malformed document: {e}") from None
