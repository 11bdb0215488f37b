"""A canonical JSON file that breaks the schema is refused in the user's terms:
the field, the JSON it holds, what it should hold; never a Python repr or
jsonschema's "is not valid under any of the given schemas" (helper-86)."""

from __future__ import annotations

import json

import pytest

from bantin.model.serialize import SchemaError, loads


def _article(**fields: object) -> str:
    return json.dumps({"schema": "bantin/article@3", "title": "Tin", **fields}, ensure_ascii=False)


@pytest.mark.parametrize(("text", "said"), [
    (_article(blocks=[{"type": "paragraph", "text": None}]), "blocks/0/text: must be a string or an array, not null"),
    (_article(blocks=[{"type": "paragraph", "text": "x", "id": "p1"}]), 'blocks/0: unknown field "id"'),
    (_article(blocks=[{"type": "para", "text": "x"}]),
     'blocks/0: unknown block type "para" (known: heading, paragraph'),
    (_article(blocks=[{"text": "x"}]), 'blocks/0: the field "type" is missing'),
    (_article(blocks=[{"type": "heading", "level": True, "text": "x"}]),
     "blocks/0/level: must be a whole number, not true or false"),
    (_article(blocks=[{"type": "quote", "text": "x", "blocks": [{"type": "heading", "level": 9, "text": "x"}]}]),
     "blocks/0/blocks/0/level: must be at most 6, not 9"),
    (_article(blocks=[{"type": "table", "rows": [[{"x": 1}]]}]),
     'blocks/0/rows/0/0: must be a string or an array, not an object ({"x": 1})'),
    (_article(tags=[None]), "tags/0: must be a string, not null"),
    (_article(blocks=[{"type": "paragraph", "text": [{"text": 5}]}]),
     "blocks/0/text/0/text: must be a string, not a number (5)"),
    ('{"schema": "bantin/article@3"}', 'the document: the field "title" is missing'),
    # helper-99: the object's missing field, not "must be null"; the words allowed.
    (_article(blocks=[{"type": "figure", "image": {"media_type": "image/png"}}]), 'the field "'),
    ('{"schema": "bantin/briefing@3", "title": "B", "articles": [], "group_by": 3}',
     'group_by: 3 is not one of "outlet", "tag"'),
    (_article(blocks=[{"type": "list", "items": ["a"], "delimiter": "...."}]), "must hold at most 3 characters"),
    (_article(blocks=[{"type": "quote", "blocks": [{}]}]), 'blocks/0/blocks/0: the field "type" is missing'),
    ("null", "not a canonical document: null in JSON"),
    ('{"schema": [], "title": "x"}', "not a canonical document"),
])
def test_a_schema_error_names_the_field_in_json_terms(text: str, said: str) -> None:
    with pytest.raises(SchemaError) as caught:
        loads(text)
    message = str(caught.value)
    assert said in message
    assert "None" not in message and "True" not in message and "given schemas" not in message


@pytest.mark.parametrize("text", [
    '{"schema": "bantin/article@3", "title": "Một", "title": "Hai"}',
    '{"schema": "bantin/article@99", "schema": "bantin/article@3", "title": "x"}',
    '{"schema": "bantin/article@3", "title": "x", "blocks": [{"type": "paragraph", "text": "a", "text": "b"}]}',
])
def test_a_key_given_twice_is_refused_not_settled_in_silence(text: str) -> None:
    with pytest.raises(SchemaError, match="appears twice"):
        loads(text)
