"""Schema errors said in the user's terms: which field, what JSON it holds, what it
should hold.

jsonschema speaks its own language: a block that fails its kind's schema is "{'type':
'paragraph', 'text': None} is not valid under any of the given schemas" (a Python
repr, and no field named), and a null is "None" (helper-86). A block's ``oneOf`` is
resolved here by the block's own "type", so the error names the field inside it.
"""

from __future__ import annotations

import json
from typing import Any

from bantin.model.jsonform import SchemaError

_JSON_KIND = {dict: "an object", list: "an array", str: "a string", bool: "true or false", type(None): "null",
              int: "a number", float: "a number"}
_WANTED = {"object": "an object", "array": "an array", "string": "a string", "integer": "a whole number",
           "number": "a number", "boolean": "true or false", "null": "null"}

_BOUND = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "more than", "exclusiveMaximum": "less than"}


def _json(value: Any) -> str:
    """``value`` as JSON writes it, cut short: null, true, "text"."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def kind(value: Any) -> str:
    """A JSON value's kind in words: "null", "a string"."""
    return _JSON_KIND.get(type(value), "a value")  # by exact type: True is no number here


def _shown(value: Any) -> str:
    """What the field holds: "null", "a string ("3")"."""
    said = kind(value)
    return said if value is None or isinstance(value, bool) else f"{said} ({_json(value)})"


def _branch_type(schema: Any) -> str | None:
    """The block type a ``oneOf`` branch stands for ("paragraph"), if it names one."""
    if isinstance(schema, dict):
        const = schema.get("properties", {}).get("type", {})
        name = const.get("const") if isinstance(const, dict) else None
        return name if isinstance(name, str) else None
    return None


def _resolved(error: Any) -> Any:
    """The error a ``oneOf`` hides: for a block, the one of the branch the object
    names by its "type"; for other fields, one inside the value (deeper than the
    field) when the value has one of the forms allowed, by jsonschema's own
    ranking. Else ``error`` itself."""
    from jsonschema.exceptions import best_match

    while error.validator == "oneOf" and error.context:
        depth = len(error.absolute_path)
        if isinstance(error.instance, dict) and "type" in error.instance:
            index = next((i for i, s in enumerate(error.validator_value)
                          if _branch_type(s) == error.instance["type"]), None)
            inner = None if index is None else best_match(
                e for e in error.context if e.relative_schema_path and e.relative_schema_path[0] == index)
        else:
            # The branches the value's JSON type fits say what is wrong with it: a
            # missing field, a word not allowed, a too long list, before anything
            # deeper inside it (which the branch of another form may report).
            fits = [e for e in error.context if e.validator != "type"]
            level = [e for e in fits if len(e.absolute_path) == depth]
            inner = best_match([e for e in level if e.validator != "oneOf"] or level
                               or [e for e in fits if len(e.absolute_path) > depth])
        if inner is None:
            return error
        error = inner
    return error


def _forms(error: Any) -> list[str]:
    """The JSON types the branches of a ``oneOf`` allow, as its failures name them."""
    out: list[str] = []
    for e in error.context:
        if e.validator == "oneOf":  # a branch that is itself a choice ("text": a string or spans)
            out.extend(f for f in _forms(e) if f not in out)
        elif e.validator == "type":
            for t in [e.validator_value] if isinstance(e.validator_value, str) else e.validator_value:
                if _WANTED.get(t, t) not in out:
                    out.append(_WANTED.get(t, t))
    return out


def _said(error: Any) -> str:
    """One sentence for one error, with JSON values, not Python ones."""
    value, rule = error.instance, error.validator_value
    if error.validator == "type":
        wanted = " or ".join(_WANTED.get(t, t) for t in ([rule] if isinstance(rule, str) else rule))
        return f"must be {wanted}, not {_shown(value)}"
    if error.validator == "enum":
        return f"{_json(value)} is not one of {', '.join(_json(v) for v in rule)}"
    if error.validator == "const":
        return f"must be {_json(rule)}, not {_json(value)}"
    if error.validator == "oneOf" and isinstance(value, dict):
        kinds = [k for k in (_branch_type(s) for s in rule) if k]
        if kinds and "type" not in value:
            return 'the field "type" is missing'
        if kinds:
            return f"unknown block type {_json(value.get('type'))} (known: {', '.join(kinds)})"
    if error.validator == "oneOf" and any(_branch_type(b) for b in rule):
        return f"must be a block (an object with its \"type\"), not {_shown(value)}"
    if error.validator == "oneOf":
        forms = _forms(error)
        return f"must be {' or '.join(forms)}, not {_shown(value)}" if forms else "matches none of its allowed forms"
    if error.validator == "required" and isinstance(value, dict):
        missing = [k for k in rule if k not in value]
        return f"the field {_json(missing[0])} is missing" if missing else str(error.message)
    if error.validator == "additionalProperties" and isinstance(value, dict):
        known = error.schema.get("properties", {})
        extra = [k for k in value if k not in known]
        return (f"unknown field {', '.join(_json(k) for k in extra)} (known: {', '.join(known)})" if extra
                else str(error.message))
    if error.validator in _BOUND:
        return f"must be {_BOUND[error.validator]} {_json(rule)}, not {_json(value)}"
    if error.validator in ("maxLength", "maxItems", "minItems"):
        unit = "characters" if error.validator == "maxLength" else "items"
        most = "at most" if error.validator.startswith("max") else "at least"
        return f"must hold {most} {rule} {unit if rule != 1 else unit[:-1]}"
    if error.validator == "minLength":
        return "must not be empty" if rule == 1 else f"must be at least {rule} characters long"
    if error.validator == "pattern":
        return f"{_json(value)} is not in the expected form"
    return str(error.message)


def explain(error: Any) -> str:
    """"where: what is wrong" for the best error jsonschema found."""
    error = _resolved(error)
    where = "/".join(str(p) for p in error.absolute_path) or "the document"
    return f"{where}: {_said(error)[:200]}"


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``json.loads``'s object hook: a key given twice is refused, not settled by
    the last one in silence (two titles: which did the writer mean?)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise SchemaError(f"invalid JSON: the key {_json(key)} appears twice in one object")
        out[key] = value
    return out
