"""The widened model (issue 22): list items, cells and quotes hold blocks, cells
span, lists count as the source does, spans rise and fall and refer to notes; JSON
@3 round-trips it and validates against the shipped schema; @1 and @2 still read."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from depth_doc import depth_article

from bantin.model import (
    Article,
    Cell,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Span,
    Table,
    map_text,
    plain,
    spans_of,
    text_of,
)
from bantin.model.sanitize import sanitize
from bantin.model.serialize import SchemaError, dumps, loads
from bantin.prepare import prepare
from bantin.style.stylesheet import load as load_style


def test_json_3_round_trips_every_construct_and_matches_the_schema() -> None:
    a = depth_article()
    text = dumps(a)
    assert loads(text) == a
    data = json.loads(text)
    assert data["schema"] == "bantin/article@3"
    schema = json.loads(resources.files("bantin.model").joinpath("schema/bantin.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    lists = [b for b in data["blocks"] if b["type"] == "list"]
    items = lists[0]["items"]
    # A nested list goes on as levels: a reader of version 2 sees each item as an item.
    assert items[0] == "Việc thứ nhất là chuẩn bị hồ sơ" and lists[1]["start"] == 3
    assert items[1][0]["level"] == 1 and items[1][0]["list"]["numbering"] == "lower-alpha"
    assert items[1][0]["text"] == "Mục con thứ nhất" and items[2][0]["level"] == 1
    assert items[3][0]["text"] == "Việc thứ hai là nộp hồ sơ Đoạn thứ hai của mục này"
    table = next(b for b in data["blocks"] if b["type"] == "table")
    assert table["rows"][0][1] == [{"text": "Năm 2024", "blocks": [{"type": "paragraph", "text": "Năm 2024"}],
                                    "colspan": 2}]
    quote = next(b for b in data["blocks"] if b["type"] == "quote")
    assert quote["text"].startswith("Chúng tôi sẽ hoàn thành") and len(quote["blocks"]) == 2
    assert [n["kind"] for n in data["notes"]] == ["footnote", "footnote", "endnote"]


def test_version_2_shapes_still_read() -> None:
    v2 = {"schema": "bantin/article@2", "title": "Bài cũ", "blocks": [
        {"type": "list", "ordered": True, "items": ["Một", [{"text": "Hai", "strong": True}]]},
        {"type": "quote", "text": "Câu nói.", "attribution": "Ông A"},
        {"type": "table", "header_rows": 1, "rows": [["Tên", "Số"], ["Lúa", "12"]]},
    ]}
    a = loads(json.dumps(v2, ensure_ascii=False))
    assert isinstance(a, Article)
    lst, quote, table = a.blocks
    assert isinstance(lst, ListBlock) and lst.items[1] == ListItem((Paragraph((Span("Hai", strong=True),)),))
    assert isinstance(quote, Quote) and quote.blocks == (Paragraph(plain("Câu nói.")),)
    assert isinstance(table, Table) and table.rows[1][1] == Cell((Paragraph(plain("12")),))
    assert table.align == ("left", "right")
    with pytest.raises(SchemaError):  # version 2 has no notes
        loads(json.dumps({"schema": "bantin/article@2", "title": "x", "notes": []}))


def test_the_grid_places_merged_cells_once() -> None:
    table = next(b for b in depth_article().blocks if isinstance(b, Table))
    placed = [(p.row, p.column, text_of(p.cell.text)) for p in table.placed()]
    assert placed == [(0, 0, "Chỉ tiêu"), (0, 1, "Năm 2024"), (1, 1, "Quý I"), (1, 2, "Quý II"),
                      (2, 0, "Diện tích"), (2, 1, "120 ha"), (2, 2, "Tăng nhẹ so với cùng kỳ")]
    assert table.columns == 3 and table.spans


@pytest.mark.parametrize("start, numbering, delimiter, labels", [
    (1, "decimal", ".", ["1.", "2.", "3."]),
    (4, "decimal", ")", ["4)", "5)", "6)"]),
    (1, "lower-alpha", ")", ["a)", "b)", "c)"]),
    (25, "upper-alpha", ".", ["Y.", "Z.", "AA."]),
    (3, "upper-roman", ".", ["III.", "IV.", "V."]),
    (9, "lower-roman", ".", ["ix.", "x.", "xi."]),
])
def test_labels_count_as_the_source_does(start: int, numbering: str, delimiter: str, labels: list[str]) -> None:
    lst = ListBlock((ListItem(plain("a")),) * 3, ordered=True, start=start, numbering=numbering, delimiter=delimiter)
    assert [lst.label(i) for i in range(3)] == labels


def test_typography_reaches_every_new_text_field_and_skips_code() -> None:
    a = prepare(depth_article(), load_style("default"))
    assert isinstance(a, Article)
    texts = [s.text for s in spans_of(a)]
    assert any("Mục con thứ nhất" in t for t in texts) and any("cùng kỳ" in t for t in texts)
    odd = map_text(Article("T", blocks=(ListBlock((ListItem((Paragraph(plain("a...b")),
                                                              Quote((Paragraph(plain('"c"')),)))),)),)),
                   lambda s: s.replace("...", "…").replace('"', "“"))
    assert isinstance(odd, Article)
    assert [s.text for s in spans_of(odd)] == ["a…b", "“c“"]
    code = next(b for b in a.blocks if type(b).__name__ == "CodeBlock")
    assert code.lines == ("def tong(a, b):", "\treturn a + b")  # type: ignore[attr-defined]


def test_sanitize_reaches_notes() -> None:
    a = depth_article()
    dirty = Article(a.title, notes=(a.notes[0].__class__("n1", (Paragraph(plain("x\x07y")),)),),
                    blocks=(Paragraph((Span("1", note="n1"),)),))
    clean = sanitize(dirty)
    assert isinstance(clean, Article) and text_of(clean.notes[0].blocks[0].text) == "xy"  # type: ignore[union-attr]


def test_a_line_break_between_two_words_in_json_is_a_space_not_nothing() -> None:
    """A vertical tab (Word's manual line break) or a form feed from a JSON
    reader ends a line: the two words stay two words."""
    clean = sanitize(Article("Huế\vĐà Nẵng", blocks=(Paragraph(plain("mưa\flớn")),)))
    assert isinstance(clean, Article) and clean.title == "Huế Đà Nẵng"
    assert text_of(clean.blocks[0].text) == "mưa lớn"  # type: ignore[attr-defined]


def test_a_link_that_would_run_something_keeps_only_its_text() -> None:
    """javascript:, data:, file: (white space in the scheme too) lose their
    address before any exporter, a plug-in's included, sees them; web, mail and
    phone links and relative ones stay."""
    hrefs = ["javascript:alert(3)", "java\tscript:alert(1)", " data:text/html,<script>", "file:///etc/passwd",
             "https://x.vn/a", "mailto:a@b.vn", "tel:+84243", "/tin/1.html", "#muc-2"]
    dirty = Article("T", blocks=(Paragraph(tuple(Span(f"liên kết {i} ", href=h) for i, h in enumerate(hrefs))),))
    clean = sanitize(dirty)
    assert isinstance(clean, Article)
    para = clean.blocks[0]
    assert isinstance(para, Paragraph)
    assert [s.href for s in para.text] == [None] * 4 + hrefs[4:]
    assert text_of(para.text).strip() == text_of(dirty.blocks[0].text).strip()  # type: ignore[attr-defined]


def test_a_reference_to_no_note_is_refused() -> None:
    bad = {"schema": "bantin/article@3", "title": "x",
           "blocks": [{"type": "paragraph", "text": [{"text": "1", "note": "missing"}]}]}
    with pytest.raises(SchemaError, match="names no note"):
        loads(json.dumps(bad))


def _flat(text: object) -> str:
    """How a program written for version 2 reads a text: a string, or a list of spans."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return "".join(sp.get("text", "") for sp in text)  # type: ignore[attr-defined, union-attr]


def test_a_version_2_reader_finds_every_word_of_version_3() -> None:
    """Items, cells and quotes read as version 2 read them (text, or a list of spans)
    hold the same words as the model's containers."""
    from helpers import words

    a = depth_article()
    data = json.loads(dumps(a))
    model_lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    json_lists = [b for b in data["blocks"] if b["type"] == "list"]
    for lst, raw in zip(model_lists, json_lists, strict=True):
        assert [w for i in lst.items for w in words(text_of(i.text))] == [w for i in raw["items"]
                                                                           for w in words(_flat(i))]
    table = next(b for b in a.blocks if isinstance(b, Table))
    raw_table = next(b for b in data["blocks"] if b["type"] == "table")
    assert [words(text_of(c.text)) for r in table.rows for c in r] == [
        words(_flat(c)) for r in raw_table["rows"] for c in r]
    quote = next(b for b in a.blocks if isinstance(b, Quote))
    raw_quote = next(b for b in data["blocks"] if b["type"] == "quote")
    assert words(text_of(quote.text)) == words(_flat(raw_quote["text"]))


def test_an_empty_paragraph_in_a_container_reads_back_as_itself():
    # Written as text "", it used to read back as a container of no blocks.
    for doc in (Article("t", blocks=(Quote((Paragraph(()),)),)),
                Article("t", blocks=(ListBlock((ListItem((Paragraph(()),)),)),))):
        assert loads(dumps(doc)) == doc


def test_the_text_of_nested_tables_is_read_once_per_cell(monkeypatch):
    """helper-86: each level read its cells' text twice, so a table nested in a
    cell forty deep (a 2 KB JSON file) never finished converting."""
    from bantin.model import Cell, Paragraph, Table, blocks, plain

    inner: Table = Table(rows=((Cell((Paragraph(plain("lõi")),)), Cell((Paragraph(plain("ô")),))),))
    for _ in range(16):
        inner = Table(rows=((Cell((inner,)), Cell((Paragraph(plain("ô")),))),))
    calls = 0
    real = blocks.plain_text

    def counted(bs):
        nonlocal calls
        calls += 1
        return real(bs)

    monkeypatch.setattr(blocks, "plain_text", counted)
    text = counted((inner,))
    assert "".join(s.text for s in text).split().count("ô") == 17
    assert calls < 100, calls  # linear in the depth (about 3 a level), not 2 ** depth


@pytest.mark.parametrize("levels", [65, 100, 300])
def test_quotes_nested_past_the_limit_are_one_clear_refusal(levels: int) -> None:
    """helper-86: a hundred quotes deep, the schema's checker ran out of stack in
    its Rust part (a panic no ``except Exception`` catches, 2,000 lines of trace,
    and with --jobs 1 the run's other inputs lost)."""
    block: dict = {"type": "paragraph", "text": "lõi"}
    for _ in range(levels):
        block = {"type": "quote", "blocks": [block]}
    doc = {"schema": "bantin/article@3", "title": "Trích dẫn lồng nhau", "blocks": [block]}
    with pytest.raises(SchemaError, match="nested more than 64 deep"):
        loads(json.dumps(doc))


def test_a_count_of_header_rows_written_1_0_is_refused() -> None:
    # helper-86: the schema counts 1.0 as an integer; the PDF and EPUB then failed
    # with an internal error, where "level": 2.0 was already refused by name.
    table = {"type": "table", "header_rows": 1.0, "rows": [["Huyện"], ["Mường Tè"]]}
    with pytest.raises(SchemaError, match="header_rows must be a whole number, not 1.0"):
        loads(json.dumps({"schema": "bantin/article@3", "title": "Bảng", "blocks": [table]}))


def test_a_document_of_a_newer_version_says_so() -> None:
    with pytest.raises(SchemaError, match=r"newer bantin \(bantin/article@4\).*@1 to @3"):
        loads(json.dumps({"schema": "bantin/article@4", "title": "Mới", "blocks": []}))


def test_tables_nested_deep_in_json_are_one_clear_refusal() -> None:
    """helper-88: 44 tables each in a cell of the last (264 levels of JSON, 44
    blocks) still crashed the schema's checker in its Rust part."""
    block: dict = {"type": "paragraph", "text": "lõi"}
    for _ in range(44):
        block = {"type": "table", "rows": [[{"blocks": [block]}]]}
    with pytest.raises(SchemaError, match="nested more than 160 levels deep"):
        loads(json.dumps({"schema": "bantin/article@3", "title": "Bảng lồng nhau", "blocks": [block]}))
