"""Every reader, and the digest, on hostile shapes of up to 1 MB under a memory
cap (issue 28): each run is a child process limited to 1 GB of address space and
60 seconds, and either converts or fails with one line (``bantin: error: FILE:
…``, exit 1), never a traceback, an "internal error", a kill or a hang.

The shapes are made here: alias bombs and entity bombs, nesting in every syntax,
huge tables, one big picture many times, long lines, zips that lie, legacy-encoding
junk, control characters. Run with ``-s`` to see each run's time and peak memory.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image as Pil
from word_docs import docx, p, picture

from bantin.source import legacy

MEMORY = 1 << 30  # bytes of address space
SECONDS = 60
MB = 1_000_000
PARA = "Giá lúa tại các tỉnh miền Tây tăng nhẹ trong tuần qua nhờ nhu cầu xuất khẩu gạo phục hồi. "


def fill(unit: str, room: int = MB - 2000) -> str:
    """``unit`` repeated to about ``room`` bytes of UTF-8."""
    return unit * (room // len(unit.encode()))


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_capped(args: list[str]) -> tuple[int, str, float, int]:
    """Exit status, stderr, seconds and peak resident memory (KB) of one bantin run
    under the caps; a run past the time limit is killed (and so fails the test)."""
    with tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "bantin", *args], stdout=subprocess.DEVNULL, stderr=err,
                                preexec_fn=_limit)
        timer = threading.Timer(SECONDS, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - t0
        err.seek(0)
        return proc.returncode, err.read().decode("utf-8", "replace"), seconds, usage.ru_maxrss


# ---------------------------------------------------------------- the shapes


def alias_bomb() -> bytes:
    levels = "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    return ("---\na: &a [x, x, x, x, x, x, x, x, x]\n" + levels + "title: *i\n---\n\nĐoạn.\n").encode()


def entity_bomb() -> bytes:
    ents = '<!ENTITY a "ha">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                                        for i in range(9))
    return (f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [{ents}]><html xmlns="http://www.w3.org/1999/'
            f'xhtml" lang="vi"><head><title>Bom</title></head><body><h1>Bom</h1><p>{PARA * 3}&j;</p><p>{PARA * 3}'
            "</p></body></html>").encode()


def legacy_junk() -> bytes:
    rng = random.Random(28)
    return b"Ti\xeau \xa7\xd2\n" + bytes(rng.choice(b"abcdeghiklmnopqrstuvxy \n\xb5\xe9\xf9\xd5\xa8\xad\xc8\xe3\x80"
                                                    b"\x81\x8d\x8f\x90\x9d\xff") for _ in range(MB - 10))


def controls() -> bytes:
    rng = random.Random(8)
    line = "".join(rng.choice(["\x01", "\x07", "\x1b[2J", "\x85", "\u2028", "\ufeff", "\ufffe", "Đ", "a ", "\t",
                               "\u202e", "\u0301"]) for _ in range(2000))
    return ("Tiêu đề\n\n" + (line + "\n") * 120).encode()


def tcvn3() -> bytes:
    """A megabyte of newsroom text in TCVN3, with the odd byte no legacy font has."""
    text = legacy.encode("Tiêu đề bản tin\n\n" + fill(PARA + "\n", MB - 4000), "tcvn3")
    return bytes(b if i % 997 else 0x81 for i, b in enumerate(text))


def png_40mpx() -> bytes:
    buf = io.BytesIO()
    Pil.new("RGB", (8000, 5000), (30, 120, 40)).save(buf, "PNG")
    return buf.getvalue()


def lying_docx() -> bytes:
    data = bytearray(docx("".join(p(PARA) for _ in range(8000))))
    name = b"word/document.xml"
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        i = data.find(sig)
        while i >= 0:
            if data[i + name_at:i + name_at + len(name)] == name:
                struct.pack_into("<I", data, i + size_at, 1000)
            i = data.find(sig, i + 4)
    return bytes(data)


def docx_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("word/document.xml", b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                   b'2006/main"><w:body>' + b"<w:p/>" * (164 * MB // 6) + b"</w:body></w:document>")
    return buf.getvalue()


def long_table_docx() -> bytes:
    rows = "".join(f"<w:tr><w:tc><w:p><w:r><w:t>Dòng {i}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{i * 3}"
                   "</w:t></w:r></w:p></w:tc></w:tr>" for i in range(10_000))
    return docx(p("Bảng lớn", style="Title") + f"<w:tbl>{rows}</w:tbl>")


def nested_tables_docx() -> bytes:
    inner = p("Ô sâu nhất.")
    for _ in range(400):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return docx(p("Bảng lồng", style="Title") + inner)


def pictures_docx() -> bytes:
    body = p("Ảnh lớn", style="Title") + "".join(p(picture(f"rId{i}", f"Ảnh {i}")) for i in range(60))
    rels = tuple((f"rId{i}", "image", "media/lon.png" if i % 2 else f"media/{i}.png", False) for i in range(60))
    big = png_40mpx()
    return docx(body, rels=rels, media={"word/media/lon.png": big, **{f"word/media/{i}.png": big + bytes([i % 256])
                                                                      for i in range(0, 12, 2)}})


def entity_docx() -> bytes:
    data = docx(p("Tiêu đề", style="Title") + p("Đoạn &j;"))
    ents = '<!ENTITY a "ha">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                                        for i in range(9))
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as z:
        for name in src.namelist():
            part = src.read(name)
            if name == "word/document.xml":
                part = part.replace(b"<w:document ", f"<!DOCTYPE w:document [{ents}]><w:document ".encode(), 1)
            z.writestr(name, part)
    return buf.getvalue()


def page(body: str) -> bytes:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title></head><body><article>'
            f"<h1>Trang</h1>{body}</article></body></html>").encode()


def json_doc(blocks: list[object]) -> bytes:
    return json.dumps({"schema": "bantin/article@3", "title": "Tài liệu", "blocks": blocks},
                      ensure_ascii=False).encode()


SHAPES: dict[str, Callable[[], dict[str, bytes]]] = {
    # newsroom text
    "txt-one-line": lambda: {"a.txt": ("Tiêu đề\n\n" + fill("TP. Hà Nội tổ chức hội nghị. ")).encode()},
    "txt-legacy-junk": lambda: {"a.txt": legacy_junk()},
    "txt-controls": lambda: {"a.txt": controls()},
    "txt-tcvn3": lambda: {"a.txt": tcvn3()},
    "txt-many-lines": lambda: {"a.txt": ("Tiêu đề\n" + fill("- (Ảnh: “\n1. *\n")).encode()},
    # Markdown
    "md-alias-bomb": lambda: {"a.md": alias_bomb()},
    "md-deep-nesting": lambda: {"a.md": ("# Sâu\n\n" + "- " * 60_000 + "mục\n\n" + "> " * 100_000 + "trích\n\n"
                                         + "1. " * 30_000 + "số\n").encode()},
    "md-marks": lambda: {"a.md": ("# Dấu\n\n" + "*" * 150_000 + "chữ" + "_" * 150_000 + "[" * 100_000 + "<b>"
                                  * 50_000).encode()},
    "md-front-nesting": lambda: {"a.md": ("---\ntitle: " + "[" * 200_000 + "\n---\n\nĐoạn.\n").encode()},
    "md-wide-table": lambda: {"a.md": ("# Bảng\n\n" + "|" + " c |" * 80 + "\n|" + "---|" * 80 + "\n"
                                       + ("|" + " ô |" * 80 + "\n") * 1500).encode()},
    "md-one-picture-60-times": lambda: {"a.md": ("# Ảnh\n\n" + "![Ảnh](lon.png)\n\n" * 60).encode(),
                                        "lon.png": png_40mpx()},
    "md-deep-html": lambda: {"a.md": ("# HTML\n\n" + "<div>" * 150_000 + "chữ").encode()},
    "md-commas-digest": lambda: {"a.md": ("# Hội nghị\n\n## Phần một\n\n" + fill("hội nghị, ")).encode()},
    # canonical JSON
    "json-deep": lambda: {"a.json": b"[" * 500_000 + b"]" * 500_000},
    "json-commas": lambda: {"a.json": json_doc([{"type": "heading", "level": 1, "text": "Phần một"},
                                                {"type": "paragraph", "text": fill("hội nghị, ")}])},
    "json-many-blocks": lambda: {"a.json": json_doc([{"type": "list", "items": [{"text": f"mục {i}"}
                                                                                for i in range(20_000)]}])},
    # Word
    "docx-lying-header": lambda: {"a.docx": lying_docx()},
    "docx-164mb-inside": lambda: {"a.docx": docx_bomb()},
    "docx-10000-rows": lambda: {"a.docx": long_table_docx()},
    "docx-nested-tables": lambda: {"a.docx": nested_tables_docx()},
    "docx-big-pictures": lambda: {"a.docx": pictures_docx()},
    "docx-entity-bomb": lambda: {"a.docx": entity_docx()},
    # saved web pages
    "html-text": lambda: {"a.html": page(("<p>" + PARA * 3 + "</p>") * 2500)},
    "html-deep": lambda: {"a.html": page("<div>" * 150_000 + "<p>" + PARA * 3 + "</p>")},
    "html-entity-bomb": lambda: {"a.html": entity_bomb()},
    "html-inline-blobs": lambda: {"a.html": page("<p>" + PARA * 3 + "</p>" + "<img src='data:image/png;base64,"
                                                 + "iVBORw0KGgo" * 45_000 + "'><script>" + "x" * 400_000
                                                 + "</script><p>" + PARA * 3 + "</p>")},
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_hostile_shape_converts_or_fails_in_one_line_under_the_caps(shape: str, tmp_path: Path) -> None:
    files = SHAPES[shape]()
    for name, data in files.items():
        assert len(data) <= 1_050_000, (name, len(data))
        (tmp_path / name).write_bytes(data)
    (source,) = [tmp_path / n for n in files if n.startswith("a.")]
    for extra in ([], ["--digest"]):
        rc, err, seconds, peak = run_capped(["export", "-q", "-f", "txt,json" if not extra else "txt", *extra,
                                             "--jobs", "1", "-o", str(tmp_path / "out"), str(source)])
        print(f"\n{shape:26} {' '.join(extra) or 'export':9} exit {rc:3}  {seconds:5.1f} s  {peak // 1024:5} MB  "
              f"{err.strip()[:110]}")
        assert "Traceback" not in err and "internal error" not in err, err[-2000:]
        assert seconds < SECONDS and rc in (0, 1), (rc, err[-2000:])
        if rc == 1:
            assert len(err.splitlines()) == 1 and err.startswith(f"bantin: error: {source}: "), err
        else:
            assert err == "" and (tmp_path / "out" / "a.txt").stat().st_size > 0, err
