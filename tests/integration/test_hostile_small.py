"""Small hostile inputs that used to end in a traceback, a hang or a wrong result
(issue 28), each now a clear outcome."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from helpers import EXAMPLES, bantin

import bantin as api
from bantin.digest.build import to_digest
from bantin.source import legacy


def test_shift_jis_is_not_taken_for_tcvn3() -> None:
    data = ("日本語のテキストです。東京都の天気は晴れです。今日は会議があります。" * 5).encode("shift_jis")
    assert legacy.detect(data) is None
    with pytest.raises(api.InputError, match="no legacy encoding is clearly right"):
        api.read(data, source_format="txt")


def test_a_deeply_nested_style_sheet_is_a_style_error(tmp_path: Path) -> None:
    sheet = tmp_path / "deep.toml"
    sheet.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(api.StyleError, match="nested too deeply"):
        api.load_style(sheet)
    r = bantin("export", "-f", "txt", "--style", str(sheet), "-o", "-", str(EXAMPLES / "thu-vien-so.txt"))
    assert r.returncode == 2 and b"Traceback" not in r.stderr


def test_the_text_lists_only_addresses_a_reader_can_follow() -> None:
    doc = api.read(json.dumps({"schema": "bantin/article@3", "title": "T", "blocks": [{"type": "paragraph", "text": [
        {"text": "bấm", "href": "javascript:alert(1)"}, {"text": " hay "}, {"text": "mở", "href": "file:///etc/passwd"},
        {"text": " hay "}, {"text": "xem", "href": "https://x.vn/tin"}]}]}))
    out = api.export(doc, "txt").decode()
    assert "javascript" not in out and "file:" not in out and "[1] https://x.vn/tin" in out


@pytest.mark.parametrize("clause", ["hội nghị, ", "TP. Hà Nội tổ chức hội nghị. "])
def test_a_long_paragraph_from_json_is_cut_and_the_digest_stays_linear(clause: str) -> None:
    text = clause * (160_000 // len(clause))
    doc = api.read(json.dumps({"schema": "bantin/article@3", "title": "Dài", "blocks": [
        {"type": "heading", "level": 1, "text": "Phần một"}, {"type": "paragraph", "text": text}]}))
    assert all(len(api.text_of(b.text)) <= 2000 for b in doc.blocks if isinstance(b, api.Paragraph))
    t0 = time.monotonic()
    to_digest(doc, api.load_style("default").digest)
    assert time.monotonic() - t0 < 20  # seconds, where the quadratic digest took minutes and gigabytes
