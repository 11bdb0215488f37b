"""The API checks a sheet's fonts once, when the run's settings are made: only for
formats that set type (helper-31)."""

from __future__ import annotations

from pathlib import Path

import pytest

import bantin
from bantin.errors import StyleError
from bantin.run.settings import TYPESET, Settings


def _sheet(tmp_path: Path) -> Path:
    p = tmp_path / "house.toml"
    p.write_text('extends = "default"\n[fonts]\nbody = { package = "fontpkg-khong-co-xyz" }\n', encoding="utf-8")
    return p


def test_only_the_typesetting_formats_check_fonts(tmp_path: Path) -> None:
    sheet = _sheet(tmp_path)
    assert TYPESET == {"pdf", "docx", "epub"}
    for fmt in ("txt", "json", "txt,json"):
        Settings.make(fmt, tmp_path / "out", style=sheet)
    for fmt in ("pdf", "docx", "epub", "txt,epub", "all"):
        with pytest.raises(StyleError, match=r"house\.toml: fonts\.body: font package 'fontpkg-khong-co-xyz'"):
            Settings.make(fmt, tmp_path / "out", style=sheet)


def test_convert_raises_before_reading_or_writing(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Tiêu đề\nSapo.\nThân bài.\n", encoding="utf-8")
    seen: list[str] = []
    with pytest.raises(StyleError):
        bantin.convert([src], "all", tmp_path / "out", style=_sheet(tmp_path), on_message=seen.append)
    assert seen == [] and not (tmp_path / "out").exists()
    report = bantin.convert([src], "txt", tmp_path / "out", style=_sheet(tmp_path))
    assert (report.converted, report.failed) == (1, 0)
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").splitlines()[0] == "Tiêu đề"
