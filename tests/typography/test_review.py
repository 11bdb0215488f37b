"""Regressions from the fourth review of the typography: quotes across spans,
ambiguous straight quotes, tone marks on foreign names, line separators, and
addresses glued to a word by an invisible character."""

from __future__ import annotations

import pytest

from bantin.model import Article, Cell, Figure, ListBlock, ListItem, Note, Paragraph, Quote, Span, Table, text_of
from bantin.typography import SWITCHES, apply, pipeline

ON = {k: True for k in SWITCHES}


def texts(doc: Article) -> list[str]:
    block = doc.blocks[0]
    assert isinstance(block, Paragraph)
    return [s.text for s in block.text]


@pytest.mark.parametrize(("spans", "expected"), [
    # Quotes around an italic word: the closing mark is in a span of its own.
    ((Span('Ông nói "'), Span("Không", em=True), Span('" rồi.')), ["Ông nói “", "Không", "” rồi."]),
    # Quotes around a link, and a comma after the closing one.
    ((Span('Xem "'), Span("trang này", href="https://x.vn"), Span('", rồi.')), ["Xem “", "trang này", "”, rồi."]),
    # Each mark a span of its own (a bold quote mark, a Word run).
    ((Span("Ông gọi là "), Span('"', strong=True), Span("x", em=True), Span('"', strong=True), Span(".")),
     ["Ông gọi là ", "“", "x", "”", "."]),
    # Code inside quotes: the code is context, never typeset.
    ((Span('lệnh "'), Span('a - "b"', code=True), Span('" chạy')), ["lệnh “", 'a - "b"', "” chạy"]),
    # A single quote before an italic word opens.
    ((Span("gọi là '"), Span("hay", em=True), Span("' thôi")), ["gọi là ‘", "hay", "’ thôi"]),
])
def test_quotes_read_the_spans_around_them(spans, expected):
    out = apply(Article("T", blocks=(Paragraph(spans),)), ON)
    assert texts(out) == expected
    assert apply(out, ON) == out


def test_quotes_across_spans_everywhere_rich_text_is():
    para = (Span('a "'), Span("b", em=True), Span('" c'))
    doc = Article("T", blocks=(
        ListBlock((ListItem((Paragraph(para),)),)),
        Quote((Paragraph(para),)),
        Figure(caption=para),
        Table(((Cell((Paragraph(para),)),),), caption=para),
    ), notes=(Note("1", (Paragraph(para),)),))
    out = apply(doc, ON)
    assert [text_of(t) for t in _texts(out)] == ["a “b” c"] * 6


def _texts(doc: Article) -> list[tuple[Span, ...]]:
    out: list[tuple[Span, ...]] = []
    lst, quote, fig, table = doc.blocks
    assert isinstance(lst, ListBlock) and isinstance(quote, Quote) and isinstance(fig, Figure)
    assert isinstance(table, Table)
    for b in (lst.items[0].blocks[0], quote.blocks[0], table.rows[0][0].blocks[0], doc.notes[0].blocks[0]):
        assert isinstance(b, Paragraph)
        out.append(b.text)
    return [*out, fig.caption, table.caption]


@pytest.mark.parametrize(("source", "expected"), [
    ('" Tôi đi " anh nói', "“Tôi đi” anh nói"),  # spaces on both sides of both marks, dropped inside
    ('Anh nói:"Tôi đến".', "Anh nói: “Tôi đến”."),  # glued to a colon: opens, and gets its space
    ('Câu "A"."B" rồi', "Câu “A”.“B” rồi"),
    ('Ngày 5/8,"tin mới"', "Ngày\u00a05/8,“tin mới”"),
    ('"Hay quá!"anh nói', "“Hay quá!”anh nói"),  # glued after a quotation closes it
    ('Ông ấy nói "" rồi', "Ông ấy nói “” rồi"),
    ("thập niên '80s, the '90s", "thập niên ’80s, the ’90s"),  # elided digits, not a quotation
    # Unchanged: what was right before.
    ('Ông nói "đoàn kết" và \'dân chủ\', it\'s', "Ông nói “đoàn kết” và ‘dân chủ’, it’s"),
    ("'ông trùm 'bóng đá'' và \"'a' b\"", "‘ông trùm ‘bóng đá’’ và “‘a’ b”"),
    ("lúc 10:30, Vd:abc", "lúc 10:30, Vd: abc"),
])
def test_ambiguous_straight_quotes_alternate(source, expected):
    run = pipeline(ON)
    assert run(source) == expected
    assert run(expected) == expected


@pytest.mark.parametrize(("style", "source", "expected"), [
    # Foreign names end in "oé", "uý" too; no Vietnamese syllable starts with chl, z, j.
    ("old", "Chloé, Zoé và Joé", "Chloé, Zoé và Joé"),
    ("new", "Chúy và Chloé", "Chuý và Chloé"),  # "chuỳ" is Vietnamese: ch is an initial
    ("old", "Khoá, ĐOÁ, Uỷ ban, Nguỵ, xuỳ", "Khóa, ĐÓA, Ủy ban, Ngụy, xùy"),
    ("new", "khóa, Đóa, ủy, thủy, quý, hoàng", "khoá, Đoá, uỷ, thuỷ, quý, hoàng"),
])
def test_tone_marks_move_only_in_vietnamese_syllables(style, source, expected):
    assert pipeline(ON, style)(source) == expected


@pytest.mark.parametrize("sep", ["\u2029", "\u000b", "\u000c", "\u0085"])
def test_a_line_separator_separates_words(sep):
    assert pipeline(ON)(f"Hà{sep}Nội") == "Hà Nội"


def test_the_line_separator_is_the_models_line_break():
    assert pipeline(ON)("Hà \u2028 Nội") == "Hà\u2028Nội"


@pytest.mark.parametrize(("source", "expected"), [
    # A zero-width space between a word and an address: removed, and the address
    # still found on this pass and the next.
    ("Nguồn\u200bhttp://x.vn/a?b=1,c", "Nguồnhttp://x.vn/a?b=1,c"),
    ("Nguồnhttps://x.vn/?q=1;2", "Nguồnhttps://x.vn/?q=1;2"),
    ("ư\u2029http://x.vn/a?b", "ư http://x.vn/a?b"),
    ("ư\u2028http://x.vn/a?b", "ư\u2028http://x.vn/a?b"),  # a line break before the address
])
def test_an_address_glued_to_a_word_is_still_an_address(source, expected):
    run = pipeline(ON)
    assert run(source) == expected
    assert run(run(source)) == expected


@pytest.mark.parametrize("spans", [
    (Span(""), Span(" www.y.vn a")),  # the edge space of a span after an empty one
    (Span("c "), Span("")),
    (Span(" "), Span(" x "), Span(" ")),
])
def test_a_paragraph_is_stripped_once(spans):
    once = apply(Article("T", blocks=(Paragraph(spans),)), ON)
    assert apply(once, ON) == once
    assert not texts(once)[0].startswith(" ") and not texts(once)[-1].endswith(" ")


@pytest.mark.parametrize(("spans", "expected"), [
    # An address that became a link of its own: the dash after it stays bound.
    ((Span("xem www.x.vn – tin mới"),), ["xem ", "www.x.vn", "\u00a0– tin mới"]),
    ((Span("Hà Nội", em=True), Span(" – tin mới")), ["Hà Nội", "\u00a0– tin mới"]),
    ((Span("Hà Nội ", em=True), Span("– tin mới")), ["Hà Nội\u00a0", "– tin mới"]),
    # A dash glued to the link after it is no spaced dash: nothing to bind.
    ((Span("nguồn —www.x.vn"),), ["nguồn —", "www.x.vn"]),
])
def test_a_spaced_dash_binds_to_the_word_before_it_across_spans(spans, expected):
    out = apply(Article("T", blocks=(Paragraph(spans),)), ON)
    assert texts(out) == expected
    assert apply(out, ON) == out
