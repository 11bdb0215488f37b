"""The on-disk cache (bantin.style.cache) of font subsets, font facts and the Word
template: it changes no byte of any output, survives damage and an unwritable
directory, and is really used."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers import EXAMPLES, bantin

from bantin.style import cache, fonts, stylesheet

ARTICLE = EXAMPLES / "hoi-nghi-chuyen-doi-so.txt"


def _export(tmp_path: Path, name: str, cache_dir: str) -> dict[str, bytes]:
    out = tmp_path / name
    r = bantin("export", "-f", "docx,epub,pdf", "-o", str(out), str(ARTICLE),
               env={"BANTIN_CACHE_DIR": cache_dir, "SOURCE_DATE_EPOCH": "1700000000"})
    assert r.returncode == 0, r.stderr.decode()
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_outputs_are_the_same_with_the_cache_off_cold_and_warm(tmp_path):
    root = tmp_path / "cache"
    off = _export(tmp_path, "off", "off")
    cold = _export(tmp_path, "cold", str(root))
    kinds = {p.parent.parent.name for p in _entries(root)}
    assert kinds == {"subset", "font-facts", "docx-template"}, kinds
    warm = _export(tmp_path, "warm", str(root))
    assert len(off) == 3 and off == cold == warm


def test_damaged_entries_are_made_again(tmp_path):
    root = tmp_path / "cache"
    first = _export(tmp_path, "first", str(root))
    for p in _entries(root):
        data = bytearray(p.read_bytes())
        data[len(data) // 2] ^= 0xFF
        p.write_bytes(bytes(data[: len(data) - 7]))
    assert _export(tmp_path, "again", str(root)) == first
    for p in _entries(root):  # every entry was rewritten whole
        data = p.read_bytes()
        assert hashlib.sha256(data[32:]).digest() == data[:32], p


def test_an_unusable_cache_directory_costs_nothing_but_time(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    assert _export(tmp_path, "blocked", str(blocker)) == _export(tmp_path, "off", "")


def test_a_warm_entry_is_served_without_fonttools(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    face = fonts.resolve(stylesheet.load("default").body_font).files["regular"]
    fonts.subset.cache_clear()
    made = fonts.subset(face, fonts.REPERTOIRE)
    fonts.subset.cache_clear()

    def refuse(*_: object) -> bytes:
        raise AssertionError("subset computed again despite a warm cache")

    monkeypatch.setattr(fonts, "_subset", refuse)
    assert fonts.subset(face, fonts.REPERTOIRE) == made
    fonts.subset.cache_clear()


def test_keys_separate_their_parts():
    assert cache.key("ab", "c") != cache.key("a", "bc")
    assert cache.key(b"x") == cache.key("x") != cache.key("y")


@pytest.mark.parametrize("value", ["", "off", "OFF", "0", "no"])
def test_the_cache_can_be_turned_off(monkeypatch, value):
    monkeypatch.setenv(cache.ENV, value)
    assert cache.directory() is None
    assert cache.cached("subset", "0" * 64, lambda: b"made") == b"made"
