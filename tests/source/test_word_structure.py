"""Word constructs the model holds: numbered and nested lists that keep their
numbers, footnotes and endnotes, merged cells written once with their spans,
cells of several paragraphs (and lists, and tables), raised and lowered text,
headings by style name."""

from __future__ import annotations

import json

from helpers import bantin
from word_docs import (
    docx,
    level,
    note_ref,
    numbering_xml,
    p,
    r,
    style,
    styles_xml,
    tbl,
    tc,
)

from bantin.model import Article, Heading, ListBlock, Paragraph, Span, Table, text_of
from bantin.source import read


def word(data: bytes) -> Article:
    doc = read(data, source_format="docx", name="bai.docx")
    assert isinstance(doc, Article)
    return doc


NUMBERING = numbering_xml(
    {0: [level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)"), level(2, "bullet", "•")],
     1: [level(0, "upperRoman", "%1.")],
     2: [level(0, "decimal", "%1."), level(1, "decimal", "%1.%2.")],
     3: [level(0, "decimal", "Điều %1.")]},
    {1: (0, {}), 2: (0, {}), 3: (0, {0: 1}), 4: (1, {}), 5: (2, {}), 6: (3, {})})


def lists(a: Article) -> list[ListBlock]:
    return [b for b in a.blocks if isinstance(b, ListBlock)]


def test_a_list_that_goes_on_after_a_paragraph_keeps_counting():
    body = (p("Tiêu đề", style="Title") + p("Một", num=(1, 0)) + p("Hai", num=(1, 0)) + p("Ba", num=(1, 0))
            + p("Đoạn chen giữa.") + p("Bốn", num=(1, 0))
            # another instance of the same definition goes on counting too
            + p("Năm", num=(2, 0))
            # an instance with a start override starts again, even right after a list,
            # and the instances after it count on from there (as Word numbers them)
            + p("Sáu", num=(1, 0)) + p("Lại một", num=(3, 0)) + p("Lại hai", num=(1, 0)))
    found = lists(word(docx(body, numbering=NUMBERING)))
    assert [(x.ordered, x.start, [text_of(i.text) for i in x.items]) for x in found] == [
        (True, 1, ["Một", "Hai", "Ba"]), (True, 4, ["Bốn", "Năm", "Sáu"]), (True, 1, ["Lại một", "Lại hai"])]
    assert [x.label(0) for x in found] == ["1.", "4.", "1."]


def test_levels_nest_and_keep_their_format_and_delimiter():
    body = (p("Tiêu đề", style="Title") + p("Một", num=(1, 0)) + p("Ý a", num=(1, 1)) + p("Ý b", num=(1, 1))
            + p("Chấm", num=(1, 2)) + p("Hai", num=(1, 0)) + p("Phần La Mã", num=(4, 0))
            + p("Tiếp phần La Mã", num=(4, 0)))
    top, roman = lists(word(docx(body, numbering=NUMBERING)))
    assert [text_of(i.blocks[0].text) for i in top.items] == ["Một", "Hai"]
    nested = top.items[0].blocks[1]
    assert isinstance(nested, ListBlock) and (nested.numbering, nested.delimiter) == ("lower-alpha", ")")
    assert [nested.label(i) for i in range(2)] == ["a)", "b)"]
    bullets = nested.items[1].blocks[1]
    assert isinstance(bullets, ListBlock) and not bullets.ordered and text_of(bullets.items[0].text) == "Chấm"
    assert (roman.numbering, roman.label(1)) == ("upper-roman", "II.")


def test_a_label_the_model_cannot_say_stays_in_the_text():
    body = (p("Tiêu đề", style="Title") + p("Chung", num=(5, 0)) + p("Phạm vi", num=(5, 1))
            + p("Đối tượng", num=(5, 1)) + p("Giải thích", num=(6, 0)) + p("Hiệu lực", num=(6, 0)))
    top, articles = lists(word(docx(body, numbering=NUMBERING)))
    inner = top.items[0].blocks[1]
    assert isinstance(inner, ListBlock) and inner.numbered_in_text
    assert [text_of(i.text) for i in inner.items] == ["1.1. Phạm vi", "1.2. Đối tượng"]
    assert articles.numbered_in_text and [text_of(i.text) for i in articles.items] == ["Điều 1. Giải thích",
                                                                                      "Điều 2. Hiệu lực"]


def test_a_list_paragraph_without_a_number_is_more_of_the_item():
    body = (p("Tiêu đề", style="Title") + p("Một", num=(1, 0)) + p("Giải thích thêm.", style="ListParagraph")
            + p("Hai", num=(1, 0)))
    (only,) = lists(word(docx(body, numbering=NUMBERING)))
    assert [[text_of(b.text) for b in i.blocks if isinstance(b, Paragraph)] for i in only.items] == [
        ["Một", "Giải thích thêm."], ["Hai"]]


def test_list_styles_number_their_paragraphs_through_the_style():
    styles = styles_xml(style("ListNumber", "List Number", num=1))
    body = p("Tiêu đề", style="Title") + p("Một", style="ListNumber") + p("Hai", style="ListNumber")
    (only,) = lists(word(docx(body, styles=styles, numbering=NUMBERING)))
    assert only.ordered and [text_of(i.text) for i in only.items] == ["Một", "Hai"]


def test_footnotes_and_endnotes_are_notes_referred_to_from_the_text(tmp_path):
    body = (p("Tiêu đề", style="Title")
            + p("Thư viện mở cửa", note_ref("footnote", 2), " từ 7 giờ", note_ref("footnote", 3), ".")
            + p(r("Bảng giá"), note_ref("endnote", 1)))
    data = docx(body, footnotes={2: "Theo Sở Giáo dục.", 3: "Kể cả Chủ nhật."}, endnotes={1: "Số liệu năm 2025."})
    a = word(data)
    para = a.blocks[0]
    assert isinstance(para, Paragraph)
    assert [s for s in para.text if s.note] == [Span("1", note="fn1"), Span("2", note="fn2")]
    assert text_of(para.text) == "Thư viện mở cửa1 từ 7 giờ2."
    assert [(n.id, n.kind, text_of(n.blocks[0].text)) for n in a.notes] == [  # type: ignore[union-attr]
        ("fn1", "footnote", "Theo Sở Giáo dục."), ("fn2", "footnote", "Kể cả Chủ nhật."),
        ("en1", "endnote", "Số liệu năm 2025.")]
    assert [s.text for s in a.blocks[1].text if s.note] == ["i"]  # type: ignore[union-attr]
    f = tmp_path / "ghi-chu.docx"
    f.write_bytes(data)
    out = bantin("export", "-f", "txt", "-o", "-", str(f))
    assert out.returncode == 0, out.stderr.decode()
    shown = " ".join(out.stdout.decode().split())  # typography puts no-break spaces in "năm 2025"
    for text in ("Theo Sở Giáo dục.", "Kể cả Chủ nhật.", "Số liệu năm 2025."):
        assert text in shown


def test_merged_cells_are_written_once_with_their_spans():
    table = tbl(
        [tc("Tỉnh", vmerge="restart"), tc("Sản lượng", span=2)],
        [tc(vmerge="continue"), "Vụ đông xuân", "Vụ hè thu"],
        ["Đồng Tháp", "2.900", "2.700"],
        header_rows=2)
    a = word(docx(p("Tiêu đề", style="Title") + table))
    t = a.blocks[0]
    assert isinstance(t, Table) and t.header_rows == 2 and t.columns == 3
    cells = [(x.row, x.column, text_of(x.cell.text), x.cell.colspan, x.cell.rowspan) for x in t.placed()]
    assert cells == [(0, 0, "Tỉnh", 1, 2), (0, 1, "Sản lượng", 2, 1), (1, 1, "Vụ đông xuân", 1, 1),
                     (1, 2, "Vụ hè thu", 1, 1), (2, 0, "Đồng Tháp", 1, 1), (2, 1, "2.900", 1, 1),
                     (2, 2, "2.700", 1, 1)]
    assert t.align == ("left", "right", "right")


def test_a_cell_holds_paragraphs_lists_and_tables():
    cell = tc(p("Đoạn một."), p("Đoạn hai."), p("Mục", num=(1, 0)),
              tbl(["Trong", "bảng"]))
    a = word(docx(p("Tiêu đề", style="Title") + tbl([cell, "Bên cạnh"]), numbering=NUMBERING))
    t = a.blocks[0]
    assert isinstance(t, Table)
    blocks = t.rows[0][0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "ListBlock", "Table"]
    assert [text_of(b.text) for b in blocks[:2]] == ["Đoạn một.", "Đoạn hai."]  # type: ignore[union-attr]
    assert text_of(t.rows[0][1].text) == "Bên cạnh"


def test_raised_and_lowered_text_from_the_run_and_from_its_style(tmp_path):
    styles = styles_xml(style("Sup", "Mũ", kind="character", vert="superscript"))
    body = (p("Tiêu đề", style="Title")
            + p("Diện tích 30 m", r("2", vert="superscript"), ", nước H", r("2", style="Sup"), "O? Không: H",
                r("2", vert="subscript"), "O.")
            + p("TỔ CHỨC", r("2", vert="superscript")))
    data = docx(body, styles=styles)
    a = word(data)
    first, second = a.blocks
    assert isinstance(first, Paragraph) and isinstance(second, Paragraph)
    assert [(s.text, s.sup, s.sub) for s in first.text if s.sup or s.sub] == [("2", True, False), ("2", True, False),
                                                                              ("2", False, True)]
    assert second.text == (Span("TỔ CHỨC"), Span("2", sup=True))  # not "TỔ CHỨC2"
    f = tmp_path / "mu.docx"
    f.write_bytes(data)
    out = bantin("export", "-f", "txt", "-o", "-", str(f))
    shown = " ".join(out.stdout.decode().split())
    assert "30 m²" in shown and "H₂O" in shown and "TỔ CHỨC²" in shown


def test_headings_by_style_name_whatever_the_id_and_levels_start_at_one():
    styles = styles_xml(style("Titre1", "heading 1"), style("Titre2", "heading 2"),
                        style("Heading²", "Heading²"), style("MyHeading", "Tiêu đề riêng", based_on="Titre2"))
    body = (p("Tiêu đề", style="Title") + p("Phần một", style="Titre2") + p("Đoạn.") + p("Mục nhỏ", style="MyHeading")
            + p("Không phải đề mục", style="Heading²") + p("Phần lớn", style="Titre1"))
    a = word(docx(body, styles=styles))
    assert [(text_of(b.text), b.level) for b in a.blocks if isinstance(b, Heading)] == [
        ("Phần một", 2), ("Mục nhỏ", 2), ("Phần lớn", 1)]
    assert any(isinstance(b, Paragraph) and text_of(b.text) == "Không phải đề mục" for b in a.blocks)


def test_every_construct_survives_the_json_round_trip(tmp_path):
    body = (p("Tiêu đề", style="Title") + p("Một", num=(1, 0)) + p("Ý a", num=(1, 1))
            + p("Chú thích", note_ref("footnote", 2)) + tbl([tc("Gộp", span=2)], ["a", "b"]))
    f = tmp_path / "day-du.docx"
    f.write_bytes(docx(body, numbering=NUMBERING, footnotes={2: "Ghi chú."}))
    out = bantin("export", "-f", "json", "-o", "-", str(f))
    assert out.returncode == 0, out.stderr.decode()
    doc = json.loads(out.stdout)
    assert doc["notes"][0]["id"] == "fn1" and doc["blocks"][2]["rows"][0][0][0]["colspan"] == 2


def test_a_one_cell_table_is_a_frame_around_its_text():
    """An article typed in a one-cell table (a frame) lost its title to the file's
    name, and the text output ran its paragraphs together (helper-134). A table of
    two cells is still a table."""
    paras = ["Sáng 5/12, Ủy ban nhân dân tỉnh Quảng Nam tổ chức hội nghị tổng kết công tác phòng chống thiên tai.",
             "Theo báo cáo, mưa lũ đã làm hư hỏng hơn 300 ngôi nhà, sạt lở nhiều tuyến đường giao thông miền núi."]
    framed = tbl([tc(p(r("Quảng Nam tổng kết công tác phòng chống thiên tai"), style="Title"), *paras)])
    a = word(docx(framed))
    assert a.title == "Quảng Nam tổng kết công tác phòng chống thiên tai"
    assert [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)] == paras
    assert not any(isinstance(b, Table) for b in a.blocks)
    kept = word(docx(p(r("Bảng tổng hợp thiệt hại"), style="Title") + p(r(paras[0]))
                     + tbl(["Huyện", "Số nhà"], ["Nam Trà My", "120"])))
    assert [type(b).__name__ for b in kept.blocks] == ["Paragraph", "Table"]


def test_a_list_set_further_in_nests_under_the_item_above():
    """Word's "List Bullet 2" and "List Number 2" are lists of their own at level 0,
    set one step further in: a reader sees their items under the item above, and
    the outer list counts on after them."""
    numbering = numbering_xml(
        {0: [level(0, "bullet", "•", indent=360)], 1: [level(0, "bullet", "◦", indent=720)],
         2: [level(0, "decimal", "%1.", indent=360)], 3: [level(0, "decimal", "%1.", indent=720)],
         4: [level(0, "bullet", "•")], 5: [level(0, "bullet", "◦")]},
        {1: (0, {}), 2: (1, {}), 3: (2, {}), 4: (3, {}), 5: (4, {}), 6: (5, {})})
    body = (p("Tiêu đề", style="Title") + p("Mục một", num=(1, 0)) + p("Con a", num=(2, 0))
            + p("Con b", num=(2, 0)) + p("Mục hai", num=(1, 0)) + p("Bước một", num=(3, 0))
            + p("Bước con", num=(4, 0)) + p("Bước hai", num=(3, 0))
            # lists with no indent to tell by stay lists side by side, as before
            + p("Khác một", num=(5, 0)) + p("Khác hai", num=(6, 0)))
    found = lists(word(docx(body, numbering=numbering)))
    bullets, steps, plain_one, plain_two = found
    assert [text_of(i.blocks[0].text) for i in bullets.items] == ["Mục một", "Mục hai"]
    inner = bullets.items[0].blocks[1]
    assert isinstance(inner, ListBlock) and [text_of(i.text) for i in inner.items] == ["Con a", "Con b"]
    assert [text_of(i.blocks[0].text) for i in steps.items] == ["Bước một", "Bước hai"]
    assert steps.label(1) == "2."
    sub = steps.items[0].blocks[1]
    assert isinstance(sub, ListBlock) and sub.ordered and text_of(sub.items[0].text) == "Bước con"
    assert [text_of(i.text) for i in plain_one.items + plain_two.items] == ["Khác một", "Khác hai"]


def test_a_paragraph_indent_of_its_own_outweighs_its_level():
    numbering = numbering_xml({0: [level(0, "bullet", "•", indent=360)], 1: [level(0, "bullet", "◦", indent=360)]},
                              {1: (0, {}), 2: (1, {})})
    body = (p("Tiêu đề", style="Title") + p("Mục", num=(1, 0))
            + p("Con", num=(2, 0), ind=1080))
    (top,) = lists(word(docx(body, numbering=numbering)))
    inner = top.items[0].blocks[1]
    assert isinstance(inner, ListBlock) and text_of(inner.items[0].text) == "Con"
