"""Hostile inputs from the sixth review (helper-36): small files that kept a run
busy for minutes, a character reference that lost a whole page, pictures embedded
in JSON decoded once per figure, and text after an entity reference in a Word
file dropped without a word."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from helpers import bantin
from PIL import Image as Pil
from word_docs import docx, p

import bantin as api
from bantin.model import Figure, Paragraph, Table, text_of
from bantin.model.images import DOCUMENT_PIXELS
from bantin.source import bounds

PROSE = "Nông dân ở đồng bằng bắt đầu xuống giống vụ lúa mới sau khi nước lũ rút hoàn toàn khỏi cánh đồng. "


def page(body: str) -> str:
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Vụ lúa mới</title></head><body>'
            f"<article><h1>Vụ lúa mới</h1><p>{PROSE * 3}</p>{body}</article></body></html>")


def one_line_refusal(r: object, *needles: bytes) -> None:
    stderr = r.stderr  # type: ignore[attr-defined]
    assert r.returncode == 1, stderr  # type: ignore[attr-defined]
    errors = [line for line in stderr.splitlines() if line.startswith(b"bantin: error:")]
    assert len(errors) == 1 and b"Traceback" not in stderr, stderr
    for n in needles:
        assert n in errors[0], errors[0]


@pytest.mark.parametrize("table", [
    # 20 cells of colspan 1000 a row: trafilatura pads each to 100 empty cells and
    # reads the row again for every one of them (minutes for 11 KB).
    "".join("<tr>" + '<td colspan="1000">x</td>' * 20 + "</tr>" for _ in range(20)),
    # One row of 8,000 empty cells.
    "<tr>" + "<td></td>" * 8000 + "<td>x</td></tr>",
], ids=["colspan", "empty-cells"])
def test_a_table_too_wide_to_be_read_is_refused_at_once(tmp_path: Path, table: str) -> None:
    (tmp_path / "rong.html").write_text(page(f"<table>{table}</table>"), encoding="utf-8")
    (tmp_path / "tot.html").write_text(page("<table><tr><td>Tỉnh</td><td>Sản lượng</td></tr></table>"),
                                       encoding="utf-8")
    start = time.monotonic()
    r = bantin("export", "-q", "-f", "txt", "-o", str(tmp_path / "out"), str(tmp_path / "rong.html"),
               str(tmp_path / "tot.html"))
    assert time.monotonic() - start < 30  # minutes before; a bound, not a benchmark
    one_line_refusal(r, b"rong.html", b"too many empty cells")
    assert "Sản lượng" in (tmp_path / "out" / "tot.txt").read_text("utf-8")


def test_a_large_table_of_filled_cells_is_still_read() -> None:
    # 120 columns of 80 rows, every cell filled: no empty cell for trafilatura to
    # read its row again for.
    rows = "".join("<tr>" + "".join(f"<td>{i}.{j}</td>" for j in range(120)) + "</tr>" for i in range(80))
    doc = api.read(page(f"<table>{rows}</table>").encode(), source_format="html")
    assert any("79.119" in text_of(c.blocks[0].text) for b in doc.blocks if isinstance(b, Table)
               for row in b.rows for c in row if c.blocks)


@pytest.mark.parametrize("ref", ["&#65535;", "&#xFFFF;", "&#1;", "&#x1f;"])
def test_a_reference_to_a_character_xml_cannot_hold_loses_only_itself(ref: str) -> None:
    doc = api.read(page(f"<p>Giá lúa tăng{ref} mạnh trong tuần qua ở nhiều tỉnh miền Tây.</p>").encode(),
                   source_format="html")
    texts = [text_of(b.text) for b in doc.blocks if isinstance(b, Paragraph)]
    assert "Giá lúa tăng mạnh trong tuần qua ở nhiều tỉnh miền Tây." in texts


def test_a_markdown_table_of_too_many_cells_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    row = "|" + " ô |" * 100
    (tmp_path / "bang.md").write_text("# Bảng\n\nĐoạn mở đầu.\n\n" + row + "\n|" + "---|" * 100 + "\n"
                                      + "\n".join([row] * 400) + "\n", encoding="utf-8")
    start = time.monotonic()
    r = bantin("export", "-q", "-f", "txt", "-o", str(tmp_path / "out"), str(tmp_path / "bang.md"))
    assert time.monotonic() - start < 30
    one_line_refusal(r, b"bang.md", b"30,000 table cells")


def test_markdown_of_too_many_link_brackets_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """helper-66: 1 MB of nested "[ " held markdown-it for 72 s (it seeks the "]" of
    each); brackets in fenced code open no links and count for nothing."""
    (tmp_path / "ngoac.md").write_text("# Ngoặc\n\nĐoạn mở đầu.\n\n" + "[ " * 40_000 + "x" + " ]" * 40_000 + "\n",
                                       encoding="utf-8")
    start = time.monotonic()
    r = bantin("export", "-q", "-f", "txt", "-o", str(tmp_path / "out"), str(tmp_path / "ngoac.md"))
    assert time.monotonic() - start < 30
    one_line_refusal(r, b"ngoac.md", b"30,000 \"[\" outside fenced code")
    log = "\n".join(f'{{"id": [{i}, [1, 2]], "ok": [true]}}' for i in range(12_000))
    doc = api.read(f"# Nhật ký\n\nMáy chủ chạy ổn định.\n\n```\n{log}\n```\n".encode(), source_format="md")
    assert doc.title == "Nhật ký"


def test_pipes_in_fenced_code_part_no_cells() -> None:
    log = "\n".join(f"2026-12-04 | worker {i} | ok | 12 ms | cache hit | done" for i in range(7000))
    doc = api.read(f"# Nhật ký\n\nMáy chủ chạy ổn định.\n\n```\n{log}\n```\n".encode(), source_format="md")
    assert doc.title == "Nhật ký"


def test_an_article_of_too_many_blocks_is_refused_whatever_read_it(tmp_path: Path) -> None:
    # The first paragraph is the lede: MAX_BLOCKS + 1 blocks.
    lines = "\n\n".join(f"Dòng {i}." for i in range(bounds.MAX_BLOCKS + 2))
    (tmp_path / "dai.txt").write_text(f"Tiêu đề dài\n\n{lines}\n", encoding="utf-8")
    r = bantin("export", "-q", "-f", "txt", "-o", str(tmp_path / "out"), str(tmp_path / "dai.txt"))
    one_line_refusal(r, b"dai.txt", b"50,000 paragraphs")
    # One block fewer in all is read.
    fewer = "\n\n".join(f"Dòng {i}." for i in range(bounds.MAX_BLOCKS + 1))
    assert len(api.read(f"Tiêu đề\n\n{fewer}\n".encode(), source_format="txt").blocks) == bounds.MAX_BLOCKS


def _png(size: tuple[int, int], shade: int) -> bytes:
    buf = io.BytesIO()
    Pil.new("RGB", size, (shade, 120, 30)).save(buf, "PNG")
    return buf.getvalue()


def _figure(data: bytes, size: tuple[int, int]) -> dict[str, object]:
    image = {"media_type": "image/png", "width": size[0], "height": size[1],
             "sha256": hashlib.sha256(data).hexdigest(), "data": base64.b64encode(data).decode()}
    return {"type": "figure", "image": image, "alt": "ảnh", "caption": "Cánh đồng"}


def test_a_picture_embedded_in_many_figures_is_decoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from bantin.model import jsonform

    decoded: list[int] = []
    real = jsonform.load

    def counting(data: bytes):  # type: ignore[no-untyped-def]
        decoded.append(len(data))
        return real(data)

    monkeypatch.setattr(jsonform, "load", counting)
    same = _png((40, 30), 10)
    doc = {"schema": "bantin/article@3", "title": "Ảnh", "blocks": [
        {"type": "paragraph", "text": "Đoạn."}, *[_figure(same, (40, 30)) for _ in range(50)],
        _figure(_png((40, 30), 200), (40, 30))]}
    read = api.read(json.dumps(doc), source_format="json")
    figures = [b for b in read.blocks if isinstance(b, Figure)]
    assert len(figures) == 51 and all(f.image is not None for f in figures)
    assert len(decoded) == 2  # the two distinct pictures


def test_embedded_pictures_are_bounded_like_a_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from bantin.model import images

    monkeypatch.setattr(images, "DOCUMENT_PIXELS", 3000)  # two 40×30 pictures pass it
    doc = {"schema": "bantin/article@3", "title": "Ảnh", "blocks": [
        _figure(_png((40, 30), 10), (40, 30)), _figure(_png((40, 30), 10), (40, 30)),
        _figure(_png((40, 30), 90), (40, 30)), _figure(_png((40, 30), 200), (40, 30))]}
    with pytest.raises(api.InputError, match=r"blocks/3 \(figure\): the article's pictures pass"):
        api.read(json.dumps(doc), source_format="json")
    assert DOCUMENT_PIXELS == 200_000_000
    # In a briefing each article has its own budget, as each input had when read:
    # what bantin wrote from several inputs reads back. An error names the article.
    two = [{**doc, "blocks": doc["blocks"][:2]}, {**doc, "blocks": doc["blocks"][2:3]}]
    briefing = {"schema": "bantin/briefing@3", "title": "Ảnh", "articles": two}
    assert len(api.read(json.dumps(briefing), source_format="json").articles) == 2
    briefing["articles"] = [*two, doc]
    with pytest.raises(api.InputError, match=r"articles/2: blocks/3 \(figure\)"):
        api.read(json.dumps(briefing), source_format="json")


def test_text_after_an_entity_reference_in_a_word_file_is_kept(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MẬT KHẨU", encoding="utf-8")
    data = docx(p("Kỳ thi tốt nghiệp") + p("ENTITY Theo đó, thí sinh sẽ thi bốn môn, gồm Toán và Ngữ văn."))
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "word/document.xml":
                doctype = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'.encode()
                head, _, rest = part.partition(b"?>") if part.startswith(b"<?xml") else (b"", b"", part)
                part = head + _ + doctype + rest.replace(b"ENTITY ", b"&x;&x; ")
            z.writestr(info, part)
    (tmp_path / "thi.docx").write_bytes(out.getvalue())
    r = bantin("export", "-q", "-f", "txt", "-o", str(tmp_path / "out"), str(tmp_path / "thi.docx"))
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "out" / "thi.txt").read_text("utf-8")
    assert "Theo đó, thí sinh sẽ thi bốn môn" in " ".join(text.split())
    assert "MẬT KHẨU" not in text and "&x;" not in text
