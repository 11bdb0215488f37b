"""Blocks inside table cells in the plain text: a list keeps its marks and each
item its own line, paragraphs part, in a grid and in a record alike
(helper-168: a cell's paragraph and bullet list ran on as "Cell with A Bullet
list", the items into each other)."""

from __future__ import annotations

from helpers import assert_in_order, model_words

from bantin import api
from bantin.exporters.txt.layout import width
from bantin.model import Article, Cell, CodeBlock, ListBlock, ListItem, Paragraph, Table, plain

COLS = 78  # the default sheet's txt_width


def _p(text: str) -> Paragraph:
    return Paragraph(plain(text))


def _list(*items: str | tuple[Paragraph | ListBlock, ...], ordered: bool = False) -> ListBlock:
    return ListBlock(tuple(ListItem(i if isinstance(i, tuple) else (_p(i),)) for i in items), ordered)


NESTED = _list((_p("Kiểm tra hồ sơ"), _list("bản chính", "bản sao có chứng thực")), "Trả kết quả", ordered=True)


def _txt(a: Article) -> tuple[str, list[str]]:
    text = api.export(a, "txt").decode("utf-8")
    return text, text.splitlines()


def _column(lines: list[str], start: int) -> list[str]:
    """The text of a grid's column from ``start`` on, line by line."""
    return [x[start:].strip() for x in lines if x[start:].strip()]


def test_a_grid_cell_keeps_its_paragraphs_and_list_items_on_lines_of_their_own():
    rows = ((Cell((_p("Bước"),)), Cell((_p("Việc làm"),))),
            (Cell((_p("Một"),)), Cell((_p("Tiếp nhận"), _p("Trong ngày."), NESTED))),
            (Cell((_p("Hai"),)), Cell((_list("Lập phiếu", "Hẹn ngày"),))))
    text, lines = _txt(Article("Quy trình một cửa", blocks=(Table(rows, 1),)))
    top = lines.index("Bước  Việc làm")  # a grid: narrow enough for the page
    body = lines[top:]
    at = body[0].index("Việc làm")
    assert _column(body, at)[2:] == ["Tiếp nhận", "Trong ngày.", "1. Kiểm tra hồ sơ", "+ bản chính",
                                     "+ bản sao có chứng thực", "2. Trả kết quả", "– Lập phiếu", "– Hẹn ngày"], text
    nested = next(x for x in body if "bản chính" in x)
    outer = next(x for x in body if "Kiểm tra" in x)
    assert nested.index("+") > outer.index("1."), text  # the inner list under its item
    # each row's lines together, the next row after a blank line, its label beside its first line
    assert next(x for x in body if "Lập phiếu" in x).startswith("Hai "), text
    assert body[body.index(next(x for x in body if x.startswith("Hai "))) - 1] == "", text
    assert all(width(x) <= COLS for x in lines), text


def test_a_record_keeps_a_cells_paragraphs_and_list_items_on_lines_of_their_own():
    long = "Hồ sơ nộp trực tiếp tại bộ phận một cửa của phường hoặc qua cổng dịch vụ công trực tuyến của thành phố."
    rows = ((Cell((_p("Thủ tục"),)), Cell((_p("Cách làm"),)), Cell((_p("Ghi chú"),))),
            (Cell((_p("Đăng ký khai sinh"),)), Cell((_p(long), _p("Không mất phí."), NESTED)),
             Cell((_list("Mang bản chính", "Nộp bản sao"),))),
            (Cell((_p("Chứng thực"),)), Cell((CodeBlock(("MS-01", "MS-02")),)), Cell(())))
    a = Article("Thủ tục hành chính", blocks=(Table(rows, 1),))
    text, lines = _txt(a)
    assert "  Thủ tục: Đăng ký khai sinh" in lines, text  # too wide for a grid: records
    assert_in_order(model_words(Article("", blocks=(Table(rows[1:]),))), text)  # every value, in order
    assert all(width(x) <= COLS for x in lines), text
    value = lines[lines.index("  Thủ tục: Đăng ký khai sinh") + 1:]
    assert value[0].startswith("  Cách làm: Hồ sơ nộp") and value[1].startswith("    "), text
    starts = [x.strip() for x in value[:value.index("  Ghi chú:")]]
    assert "Không mất phí." in starts, text  # a paragraph of its own, not run on after the first
    assert "1. Kiểm tra hồ sơ" in starts and "2. Trả kết quả" in starts, text
    assert "+ bản chính" in starts and "+ bản sao có chứng thực" in starts, text  # marked as outside a table
    item = next(x for x in value if "Kiểm tra" in x)
    inner = next(x for x in value if "bản chính" in x)
    assert item.startswith("    ") and inner.index("+") > item.index("1."), text
    notes = value[value.index("  Ghi chú:") + 1:]
    assert [x.strip() for x in notes[:2]] == ["– Mang bản chính", "– Nộp bản sao"], text
    assert all(x.startswith("    ") for x in notes[:2]), text  # under its label, not a field of its own
    code = lines[lines.index("  Thủ tục: Chứng thực") + 1:]
    assert code[:3] == ["  Cách làm:", "        MS-01", "        MS-02"], text  # code: line by line, unwrapped


def test_a_headed_cell_has_no_rule_under_it():
    """A heading in a cell is a line of the cell: the "-----" under it read as a
    grid's header rule (Nghị định 30 forms, "ĐẠI DIỆN BÊN GIAO" over its "(Ký…)")."""
    from bantin.model import Heading

    rows = ((Cell((Heading(plain("ĐẠI DIỆN BÊN GIAO")), _p("(Ký và ghi rõ họ tên)"))),
             Cell((Heading(plain("ĐẠI DIỆN BÊN NHẬN")), _p("(Ký và ghi rõ họ tên)")))),)
    text, lines = _txt(Article("Biên bản bàn giao", blocks=(Table(rows),)))
    top = next(i for i, x in enumerate(lines) if x.strip() == "ĐẠI DIỆN BÊN GIAO")
    # Two cells of two lines side by side: records, each cell's lines in turn.
    assert [x.strip() for x in lines[top:top + 4]] == [
        "ĐẠI DIỆN BÊN GIAO", "(Ký và ghi rõ họ tên)", "ĐẠI DIỆN BÊN NHẬN", "(Ký và ghi rõ họ tên)"], text
    assert not any(set(x) <= set("- ") for x in lines[top:] if x), text


def test_cells_of_several_lines_side_by_side_are_records_in_order():
    """A grid is read line by line across its rows: a cell of two lines beside
    another would put the neighbour's first line between them (the property test
    read "nông dân nông" from a table in a cell beside "dân"). Such a table is
    written as records; a grid whose only tall cells end their rows stays one."""
    inner = Table(((Cell((_p("nông"),)),), (Cell((_p("thôn"),)),)))
    rows = ((Cell((inner,)), Cell((_p("dân"),))),)
    text, lines = _txt(Article("Bảng trong ô", blocks=(Table(rows),)))
    assert_in_order(["nông", "thôn", "dân"], text)
    assert not any("nông" in x and "dân" in x for x in lines), text


def test_a_word_table_with_a_list_in_a_cell():
    """The shape of pandoc's table_with_list_cell.docx, made here: a cell holding
    a paragraph and a bulleted list, the next a numbered list."""
    from word_docs import docx, level, numbering_xml, p, tbl, tc

    numbering = numbering_xml({0: [level(0, "bullet", "•")], 1: [level(0, "decimal", "%1.")]},
                              {1: (0, {}), 2: (1, {})})
    body = p("Danh mục giấy tờ", style="Title") + tbl(
        ["Giấy tờ", "Thứ tự nộp"],
        [tc(p("Bản chính"), p("Giấy khai sinh", num=(1, 0)), p("Căn cước công dân", num=(1, 0))),
         tc(p("Tờ khai", num=(2, 0)), p("Ảnh thẻ", num=(2, 0)))], header_rows=1)
    doc = api.read(docx(body, numbering=numbering), source_format="docx", warn=lambda _m: None)
    text = api.export(doc, "txt").decode("utf-8")
    lines = [x.strip() for x in text.splitlines()]
    top = lines.index("Giấy tờ: Bản chính")  # two tall cells side by side: a record, in order
    assert lines[top:top + 6] == ["Giấy tờ: Bản chính", "– Giấy khai sinh", "– Căn cước công dân",
                                  "Thứ tự nộp:", "1. Tờ khai", "2. Ảnh thẻ"], text
