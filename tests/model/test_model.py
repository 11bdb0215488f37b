"""The canonical model: immutable, round-tripping JSON, validated by the shipped schema."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import jsonschema
import pytest
from helpers import EXAMPLES

from bantin.model import Article, Briefing, Caption, Heading, ListBlock, Paragraph, Quote, SectionBreak, Span
from bantin.model.serialize import SchemaError, dumps, loads, to_dict
from bantin.source import read

SAMPLE = Article(
    title="Tiêu đề",
    lede="Sapo",
    blocks=(
        Heading((Span("Phụ"),), 2),
        Paragraph((Span("a "), Span("b", em=True), Span("c", strong=True))),
        ListBlock(((Span("x"),), (Span("y"),)), ordered=True),
        Quote((Span("q"),), "người nói"),
        Caption((Span("ảnh"),), "Tác giả"),
        SectionBreak(),
    ),
    tags=("a", "b"),
)


def schema() -> dict:
    return json.loads(resources.files("bantin.model").joinpath("schema/bantin.schema.json").read_text("utf-8"))


def test_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        SAMPLE.title = "x"  # type: ignore[misc]


@pytest.mark.parametrize("doc", [SAMPLE, Briefing("B", (SAMPLE, SAMPLE), "2025-01-02", "Sở X")])
def test_round_trip(doc):
    text = dumps(doc)
    assert loads(text) == doc
    assert json.loads(text)["schema"] in ("bantin/article@3", "bantin/briefing@3")
    jsonschema.validate(json.loads(text), schema())


@pytest.mark.parametrize("path", sorted(p for p in EXAMPLES.rglob("*.*") if "plugin-markdown" not in p.parts),
                         ids=lambda p: p.name)
def test_every_example_validates(path):
    """Every bundled input, in each of its shapes, reads to a valid model that
    its JSON carries whole."""
    doc = read(path.read_bytes(), source_format=path.suffix[1:], folder=path.parent, name=path.name)
    jsonschema.validate(to_dict(doc), schema())
    assert loads(dumps(doc)) == doc


def test_wrong_schema_tag_is_refused():
    with pytest.raises(SchemaError):
        loads('{"schema": "other@9", "title": "x"}')


@pytest.mark.parametrize("bad", ['{"schema": "bantin/article@1", "title": "x", "tags": 5}',
                                 '{"schema": "bantin/article@1", "title": "x", "outlet": "PNTĐ"}',
                                 '{"schema": "bantin/article@1", "title": "x", "date": "5/8"}',
                                 '{"schema": "bantin/article@1", "title": "x", "blocks": [{"type": "table"}]}'])
def test_malformed_documents_are_schema_errors(bad):
    with pytest.raises(SchemaError):
        loads(bad)
