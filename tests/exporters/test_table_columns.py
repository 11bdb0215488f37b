"""A table's short columns beside a long one (``table_size.shared``): the PDF and
the DOCX set a name whole rather than give the long column nearly all the room."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import bantin, soffice_pdf, word_lines

from bantin.exporters.table_size import shared

_WORDS = ("người dân tỉnh Quảng Nam đã tham gia xây dựng nông thôn mới trong nhiều năm qua với sự hỗ trợ "
          "của chính quyền địa phương và các tổ chức xã hội").split()
LONG = " ".join((_WORDS * 20)[:400])
NAMES = ("Nguyễn Văn An", "Trần Thị Bình")


def test_a_short_column_beside_a_long_one_is_set_whole() -> None:
    # Before: the room above each longest word shrunk in proportion, [48, 362, 40].
    widths = shared([80.0, 4000.0, 40.0], [45.0, 70.0, 30.0], 450.0)
    assert widths[0] == 80.0 and widths[2] == 40.0 and sum(widths) == pytest.approx(450.0)
    # A title of ten words beside a cell of 400 keeps half an equal share, not its longest word.
    title, _ = shared([230.0, 4000.0], [60.0, 70.0], 450.0)
    assert title >= 450.0 / 4
    assert shared([100.0, 200.0], [40.0, 40.0], 450.0) == [100.0, 200.0]  # fits: as wide as it needs


@pytest.fixture(scope="module")
def long_cell(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("long-cell")
    src = out / "bang.md"
    src.write_text("# Danh sách\n\n| Tên | Mô tả | Năm |\n|---|---|---:|\n"
                   f"| {NAMES[0]} | {LONG} | 2024 |\n| {NAMES[1]} | ngắn | 2025 |\n", encoding="utf-8")
    r = bantin("export", "--format", "pdf,docx", "--output", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return out


def _on_one_line(pdf: Path, name: str) -> bool:
    first, *rest = name.split()
    for line in word_lines(pdf):
        words = [w for _, _, w in line]
        if first in words:
            i = words.index(first)
            return words[i + 1:i + 1 + len(rest)] == rest
    raise AssertionError(f"{first} not in the PDF")


def test_the_pdf_keeps_the_names_on_one_line(long_cell: Path) -> None:
    """Before: "Nguyễn / Văn An", the "Tên" column kept only its longest word."""
    pdf = long_cell / "bang.pdf"
    assert all(_on_one_line(pdf, name) for name in NAMES)


def test_the_docx_keeps_the_names_on_one_line(long_cell: Path) -> None:
    pdf = soffice_pdf(long_cell / "bang.docx", long_cell)
    assert all(_on_one_line(pdf, name) for name in NAMES)
