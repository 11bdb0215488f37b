"""``fonts.check``: the body, heading and code faces of a sheet, resolved once
before a run, each error naming the sheet, the key and the font."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest

from bantin.errors import StyleError
from bantin.style import fonts
from bantin.style.stylesheet import FontSpec, load

_SPEC = importlib.util.find_spec("reportlab")
VERA = Path(_SPEC.origin if _SPEC and _SPEC.origin else ".").parent / "fonts" / "Vera.ttf"


def test_the_shipped_sheets_pass() -> None:
    for name in ("default", "message"):
        fonts.check(load(name))


def test_each_role_is_checked_and_named(tmp_path: Path) -> None:
    for role in ("body", "heading", "mono"):
        p = tmp_path / f"{role}.toml"
        p.write_text(f'extends = "default"\n[fonts]\n{role} = {{ files = ["{VERA}"] }}\n', encoding="utf-8")
        with pytest.raises(StyleError) as e:
            fonts.check(load(str(p)))
        said = str(e.value)
        assert said.startswith(f"{p}: fonts.{role}: {VERA} regular lacks "), said
        assert "Vietnamese letters" in said and said.count(str(VERA)) == 1  # the file named once


def test_a_fallback_that_is_not_installed_is_not_an_error(tmp_path: Path) -> None:
    # Fallbacks are optional by design: one not installed is skipped.
    p = tmp_path / "fb.toml"
    p.write_text('extends = "default"\n[fonts]\nfallback = [{ package = "fontpkg-khong-co-xyz" }, '
                 '{ system = ["Khong Co Font"] }]\n', encoding="utf-8")
    fonts.check(load(str(p)))


def test_the_built_in_code_face_is_named_as_the_default(tmp_path: Path) -> None:
    # A sheet that extends nothing and names no code face gets IBM Plex Mono; when
    # that is missing the line still names the sheet and the key.
    p = tmp_path / "own.toml"
    p.write_text('name = "own"\n[fonts]\nbody = { package = "fontpkg-ibm-plex-serif" }\n'
                 'heading = { package = "fontpkg-ibm-plex-serif" }\n', encoding="utf-8")
    sheet = load(str(p))
    assert sheet.mono_font.where == ""
    fonts.check(sheet)
    broken = replace(sheet, mono_font=FontSpec(package="fontpkg-khong-co-mono"))
    with pytest.raises(StyleError, match=r"own\.toml: fonts\.mono \(not set: the default\): font package "
                                         r"'fontpkg-khong-co-mono' is not installed"):
        fonts.check(broken)
