"""Tables copied out of Word or a spreadsheet into newsroom text: rows of cells parted
by tabs. Written for these tests; read back from every format by real clients."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_in_order, bantin, read_back, words

from bantin.model import Heading, Paragraph, Table, text_of
from bantin.source import read

OPENING = (
    "Kết quả bầu Ban chấp hành Hội Nông dân xã Kiến Hưng\n\n"
    "Sáng 5/8, Đại hội Hội Nông dân xã Kiến Hưng nhiệm kỳ 2025-2030 đã bầu Ban chấp hành gồm 15 người.\n\n"
    "Kết quả bỏ phiếu cụ thể như sau:\n\n"
)
CLOSING = "\nĐại hội kết thúc vào chiều cùng ngày.\n"
VOTES = (
    "STT\tHọ và tên\tSố phiếu\tTỷ lệ\n"
    "1\tNguyễn Văn An\t120\t95,2%\n"
    "2\tTrần Thị Bình\t115\t91,3%\n"
    "3\tLê Văn Cường\t110\t87,3%\n"
)


def article(rows: str):
    return read((OPENING + rows + CLOSING).encode("utf-8"))


def grid(t: Table) -> list[list[str]]:
    return [[text_of(c.blocks[0].text) if c.blocks else "" for c in row] for row in t.rows]


def only_table(a) -> Table:
    tables = [b for b in a.blocks if isinstance(b, Table)]
    assert len(tables) == 1, a.blocks
    assert not any(isinstance(b, Heading) for b in a.blocks), "a row read as a heading"
    return tables[0]


def test_four_columns_are_a_table_with_its_header_and_figures_right() -> None:
    a = article(VOTES)
    t = only_table(a)
    assert grid(t) == [["STT", "Họ và tên", "Số phiếu", "Tỷ lệ"], ["1", "Nguyễn Văn An", "120", "95,2%"],
                       ["2", "Trần Thị Bình", "115", "91,3%"], ["3", "Lê Văn Cường", "110", "87,3%"]]
    assert t.header_rows == 1 and t.align == ("right", "left", "right", "right")
    texts = [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]
    assert texts == ["Kết quả bỏ phiếu cụ thể như sau:", "Đại hội kết thúc vào chiều cùng ngày."]


def test_an_empty_cell_copied_as_two_tabs_keeps_its_column() -> None:
    t = only_table(article("Đơn vị\tQuý I\tQuý II\nXã Kiến Hưng\t\t12\nXã Phú Lương\t8\t10\n"))
    assert grid(t) == [["Đơn vị", "Quý I", "Quý II"], ["Xã Kiến Hưng", "", "12"], ["Xã Phú Lương", "8", "10"]]


def test_columns_lined_up_with_several_tabs_are_one_column_each() -> None:
    t = only_table(article("Họ và tên\t\tChức vụ\nNguyễn Văn An\t\tChủ tịch\nTrần Thị Bình\tPhó Chủ tịch\n"))
    assert grid(t) == [["Họ và tên", "Chức vụ"], ["Nguyễn Văn An", "Chủ tịch"], ["Trần Thị Bình", "Phó Chủ tịch"]]
    assert t.header_rows == 0  # nothing tells a header from a row: no figures, no capitals


def test_a_rows_opening_empty_cells_keep_their_tabs() -> None:
    """helper-76: "⇥Tổng cộng⇥⇥⇥49.500.000", as Word copies a total row, lost its
    opening tab with the line's white space, and its figure went under "Đơn vị";
    helper-77, helper-79: guessing where the lost cell was set other rows wrong."""
    t = only_table(article("STT\tNội dung\tĐơn vị\tKinh phí (đồng)\tGhi chú\n"
                           "1\tGiải bóng đá\tĐoàn Thanh niên\t25.000.000\tChủ trì\n"
                           "2\tHội diễn\tHội Phụ nữ\t18.500.000\tPhối hợp\n"
                           "3\tSở Tài chính\t\t5.000.000\n"
                           "4\tSở Y tế\t7\n"
                           "\tTổng cộng\t\t48.500.000\n"))
    assert grid(t)[-3:] == [["3", "Sở Tài chính", "", "5.000.000", ""], ["4", "Sở Y tế", "7", "", ""],
                            ["", "Tổng cộng", "", "48.500.000", ""]]


def test_ragged_rows_are_filled_out_and_a_capitals_row_heads_them() -> None:
    t = only_table(article("ĐƠN VỊ\tCHỈ TIÊU\tGHI CHÚ\nPhường Kiến Hưng\tĐạt\nPhường Hà Cầu\tVượt\tSớm 2 tháng\n"))
    assert grid(t) == [["ĐƠN VỊ", "CHỈ TIÊU", "GHI CHÚ"], ["Phường Kiến Hưng", "Đạt", ""],
                       ["Phường Hà Cầu", "Vượt", "Sớm 2 tháng"]]
    assert t.header_rows == 1


def test_an_empty_cell_and_a_ragged_row_together_keep_every_figure_in_its_column() -> None:
    """Neither reading gives every row as many cells: a tab a cell, the short row
    filled out at its end (helper-57: the score moved under "Lớp", "Điểm" empty)."""
    t = only_table(article("STT\tHọ tên\tLớp\tĐiểm\n1\tNguyễn Văn An\t\t9\n"
                           "2\tTrần Thị Bình\t10A\t8\n3\tLê Văn Cường\n"))
    assert grid(t) == [["STT", "Họ tên", "Lớp", "Điểm"], ["1", "Nguyễn Văn An", "", "9"],
                       ["2", "Trần Thị Bình", "10A", "8"], ["3", "Lê Văn Cường", "", ""]]


def test_a_table_right_under_the_title_is_no_sapo() -> None:
    a = read("Giá vàng sáng nay\n\nLoại\tMua vào\tBán ra\nSJC\t76,5\t78,5\nPNJ\t75,1\t76,9\n\n"
             "Giá vàng trong nước tăng mạnh theo đà của thị trường thế giới.\n".encode())
    t = only_table(a)
    assert a.lede is None and t.header_rows == 1 and len(t.rows) == 3


def test_years_over_figures_head_the_table() -> None:
    t = only_table(article("Chỉ tiêu\t2023\t2024\nDoanh thu\t12,5\t14,2\nLợi nhuận\t1,1\t1,6\n"))
    assert t.header_rows == 1 and t.align == ("left", "right", "right")


@pytest.mark.parametrize(("rows", "cell"), [
    ("Mẫu máy\tMàn hình\tGiá\niPhone 15\t6,1\"\t19.990.000\niPhone 15 Plus\t6,7\"\t22.990.000\n", (1, 1)),
    ("Mục\tNội dung\tSố tiền\na)\tChi thường xuyên\t1.200\nb)\tChi đầu tư\t800\n", (2, 0)),
])
def test_an_inch_mark_and_an_items_bracket_are_a_cells_own(rows, cell) -> None:
    """The quotation check counts neither an inch mark after a figure nor "a)"
    (helper-57: the tables became paragraphs and a list)."""
    t = only_table(article(rows))
    assert len(t.rows) == 3 and grid(t)[cell[0]][cell[1]] in ("6,1″", "6,1”", '6,1"', "b)")


def test_a_row_that_ends_with_a_stop_and_a_unit_in_lower_case_stays_in_its_table() -> None:
    """The stray-tab check judges the run of rows, not each row (helper-58: "Gạo⇥kg⇥…."
    left the table, and the rows after it ran together)."""
    t = only_table(article("Mặt hàng\tĐơn vị\tGhi chú\nGạo tẻ\tkg\tGiá ổn định.\nThịt lợn\tkg\tTăng nhẹ\n"
                           "Rau xanh\tmớ\tGiảm\n"))
    assert grid(t)[1] == ["Gạo tẻ", "kg", "Giá ổn định."] and len(t.rows) == 4


def test_many_lines_of_tabs_that_are_no_table_read_in_linear_time() -> None:
    """Each line was judged again with every line after it: 8,000 form lines took
    115 s (helper-57). A hang detector, not a benchmark."""
    import time

    lines = "".join(f"Mục {k}:\tgiá trị {k}\n" for k in range(20_000))
    t0 = time.process_time()
    a = article(lines)
    assert time.process_time() - t0 < 20 and not any(isinstance(b, Table) for b in a.blocks)


@pytest.mark.parametrize("rows", [
    "Họ và tên:\tNguyễn Văn An\nNgày sinh:\t01/01/1990\n",  # a form's fields, not a table
    "STT\tHọ và tên\tSố phiếu\n",  # one row alone
    "Sáng nay\ttại hội trường xã, đại biểu đã thảo luận về dự thảo báo cáo chính trị.\n",  # a stray tab
    "“Chúng ta phải\tlàm ngay\nkhông chần chừ\tthêm nữa”\n",  # a quotation with tabs in it
    "Thời gian:\t8 giờ ngày 10/8\nĐịa điểm:\tHội trường xã\nThành phần\tBan chấp hành\n",  # a label lost its colon
    # A stray tab in a paragraph a line, line after line: sentences, not cells (helper-57).
    "Ông An cho biết\tgiá vàng sẽ còn tăng trong những ngày tới.\nTheo ông,\tngười dân không nên mua vào lúc này.\n",
])
def test_what_is_no_table(rows: str) -> None:
    a = article(rows)
    assert not any(isinstance(b, Table) for b in a.blocks)
    assert_in_order(words(rows), " ".join(words(" ".join(
        text_of(b.text) for b in a.blocks if isinstance(b, (Paragraph, Heading))))), "body")


def test_a_cell_of_inches_is_set_with_double_primes(tmp_path: Path) -> None:
    """A cell holding a size alone ("55\"") closes no quotation: the typography
    sets a double prime, as in running text ("màn hình 6,1\" và …")."""
    src = tmp_path / "tivi.txt"
    src.write_text(OPENING + 'Cỡ\tGiá\n55"\t10 triệu\n65"\t15 triệu\n' + CLOSING, encoding="utf-8")
    done = bantin("export", "--format", "txt", "--output", str(tmp_path / "out"), str(src))
    assert done.returncode == 0, done.stderr.decode()
    text = (tmp_path / "out" / "tivi.txt").read_text(encoding="utf-8")
    assert "55″" in text and "65″" in text and "”" not in text


@pytest.mark.slow
def test_every_cell_reaches_every_format_in_order(tmp_path: Path) -> None:
    src = tmp_path / "bau-cu.txt"
    src.write_text(OPENING + VOTES + CLOSING, encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr
    expected = words(OPENING + VOTES + CLOSING)
    for suffix in ("txt", "pdf", "docx", "epub"):
        assert_in_order(expected, read_back(out / f"bau-cu.{suffix}"), suffix)
    text = (out / "bau-cu.txt").read_text(encoding="utf-8")
    assert "  1  Nguyễn Văn An       120  95,2%" in text  # a grid of columns, figures to the right
