"""Issue 28 on the run's side, each held here where no other test held it:
--overwrite never reaching a file the run reads, API arguments of the wrong type,
a local Dask cluster sized by its inputs, a failed write that names the output
(never the hidden temporary file), and tables and pictures that the PDF must
survive."""

from __future__ import annotations

import errno
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, bantin
from PIL import Image as Pil

import bantin as api
from bantin.model import Cell, Paragraph, Table, plain
from bantin.run import cluster, output
from bantin.run.settings import dask_available

ARTICLE = (EXAMPLES / "thu-vien-so.txt").read_bytes()


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- --overwrite


def nested_inputs(tmp_path: Path) -> None:
    """out/src is the input folder, inside the output folder; the mirrored .txt of
    out/src/src/a.md is out/src/a.txt, which the run reads."""
    (tmp_path / "out" / "src" / "src").mkdir(parents=True)
    (tmp_path / "out" / "src" / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "out" / "src" / "src" / "a.md").write_text("# Khác\n\nĐoạn.\n", encoding="utf-8")


def test_overwrite_never_replaces_a_file_the_run_reads(tmp_path: Path) -> None:
    nested_inputs(tmp_path)
    before = snapshot(tmp_path)
    r = bantin("export", "-f", "md,txt", "--overwrite", "-o", "out", "out/src", cwd=tmp_path)
    assert r.returncode == 2 and snapshot(tmp_path) == before, r.stderr
    assert b"out/src/a.txt would replace an input of this run" in r.stderr and b"Traceback" not in r.stderr
    with pytest.raises(api.UsageError, match="would replace an input of this run"):
        api.convert([tmp_path / "out" / "src"], "md,txt", tmp_path / "out", overwrite=True)
    assert snapshot(tmp_path) == before


def test_overwrite_replaces_an_unread_file_beside_a_named_input(tmp_path: Path) -> None:
    (tmp_path / "bai.md").write_text("# Bài viết\n\nĐoạn văn của bài.\n", encoding="utf-8")
    (tmp_path / "bai.txt").write_bytes(b"the newsroom's text")
    with pytest.raises(api.UsageError, match="--overwrite"):
        api.convert([tmp_path / "bai.md"], "txt", tmp_path)
    assert (tmp_path / "bai.txt").read_bytes() == b"the newsroom's text"
    report = api.convert([tmp_path / "bai.md"], "txt", tmp_path, overwrite=True)
    assert report.converted == 1 and (tmp_path / "bai.txt").read_text(encoding="utf-8").startswith("Bài viết")


# ---------------------------------------------------------------- API arguments of the wrong type


TEXT = "Tiêu đề\n\nĐoạn."
WRONG: list[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = [
    (api.read, (TEXT,), {"encoding": 123}), (api.read, (TEXT,), {"style": 5}),
    (api.read, (TEXT,), {"source_format": 3}),
    (api.export, (api.Article("x"), "txt"), {"style": 5}), (api.export, (api.Article("x"), "txt"), {"epoch": "1"}),
    (api.export, (api.Article("x"), 5), {}),
    (api.convert, (["a.txt"], "txt"), {"encoding": 123}), (api.convert, (["a.txt"], "txt"), {"jobs": "2"}),
    (api.convert, (["a.txt"], "txt"), {"style": 5}), (api.convert, (["a.txt"], "txt"), {"meta": 5}),
    (api.convert, (["a.txt"], "txt"), {"meta": "title=x"}),
    (api.convert, (["a.txt"], "txt"), {"meta": {"title": ["a"]}}),
    (api.convert, (["a.txt"], "txt"), {"meta": [("title",)]}), (api.convert, (["a.txt"], "txt"), {"report": 5}),
    (api.convert, (["a.txt"], 5), {}), (api.convert, (["a.txt"], ["txt", 5]), {}), (api.convert, ([5], "txt"), {}),
    (api.convert, (5, "txt"), {}), (api.convert, (["a.txt"], "txt"), {"scheduler": 5}),
    (api.convert, (["a.txt"], "txt"), {"batch_size": "3"}), (api.convert, (["a.txt"], "txt"), {"shard": "1/2"}),
    (api.convert, (["a.txt"], "txt"), {"bundle": 3}),
    (api.convert, (["a.txt"], "txt"), {"group_by": 4, "digest": True}),
]


@pytest.mark.parametrize("call, args, kwargs", WRONG, ids=[f"{c.__name__}-{k or a[-1]!r}" for c, a, k in WRONG])
def test_arguments_of_the_wrong_type_are_one_usage_error(call: Callable[..., Any], args: tuple[Any, ...],
                                                         kwargs: dict[str, Any], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    with pytest.raises(api.UsageError) as e:
        call(*args, **kwargs)
    assert "\n" not in str(e.value)
    assert not (tmp_path / "dist").exists()


# ---------------------------------------------------------------- a local Dask cluster


@pytest.mark.skipif(not dask_available(), reason="the dask extra is not installed")
@pytest.mark.parametrize("inputs, jobs, workers", [(2, 8, 2), (5, 3, 3), (1, 1024, 1)])
def test_a_local_cluster_starts_no_more_workers_than_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            inputs: int, jobs: int, workers: int) -> None:
    asked: list[int] = []

    def connect(address: str, n: int) -> tuple[Any, Any]:
        asked.append(n)
        raise api.UsageError("stopped before a cluster starts")

    monkeypatch.setattr(cluster, "_connect", connect)
    for i in range(inputs):
        (tmp_path / f"{i}.txt").write_bytes(ARTICLE)
    with pytest.raises(api.UsageError, match="stopped before"):
        api.convert([tmp_path], "txt", tmp_path / "out", scheduler="local", jobs=jobs)
    assert asked == [workers]


# ---------------------------------------------------------------- a failed write names the output


def test_a_write_refused_by_the_folder_names_the_output_not_the_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only output folder, as root cannot make one: creating the hidden
    temporary file fails the way it would there."""
    real_open = os.open

    def read_only(path: Any, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".part"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", read_only)  # the os module output.py writes with
    target = tmp_path / "out" / "bai.txt"
    with pytest.raises(OSError) as e:
        output.write_atomic(target, b"x")
    assert e.value.filename == str(target) and ".part" not in str(e.value)
    messages: list[str] = []
    (tmp_path / "bai.txt").write_bytes(ARTICLE)
    report = api.convert([tmp_path / "bai.txt"], "txt", tmp_path / "out", on_message=messages.append)
    assert report.failed == 1
    (line,) = [m for m in messages if m.startswith("bantin: error:")]
    assert str(target) in line and "Permission denied" in line and ".part" not in line


def test_an_output_that_is_a_folder_is_named_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "bai.txt").write_bytes(ARTICLE)
    (tmp_path / "out" / "bai.docx" / "x").mkdir(parents=True)
    r = bantin("export", "-q", "-f", "docx,txt", "-o", str(tmp_path / "out"), str(tmp_path / "bai.txt"))
    err = r.stderr.decode()
    assert r.returncode == 1 and len(err.splitlines()) == 1, err
    assert f"docx: {tmp_path / 'out' / 'bai.docx'}:" in err and ".part" not in err
    assert (tmp_path / "out" / "bai.txt").exists()  # the other format is written


# ---------------------------------------------------------------- what the PDF must survive


def table_article(columns: int) -> api.Article:
    rows = tuple(tuple(Cell((Paragraph(plain(f"ô{r}.{c}")),)) for c in range(columns)) for r in range(3))
    return api.Article("Bảng rộng", blocks=(Paragraph(plain("Trước bảng.")), Table(rows)))


@pytest.mark.parametrize("columns", [1, 40])
def test_tables_of_ordinary_width_in_every_format(columns: int) -> None:
    for fmt in ("pdf", "docx", "epub", "txt"):
        assert api.export(table_article(columns), fmt, warn=lambda _m: None)


@pytest.mark.parametrize("columns", [0, 80, 200])
def test_a_table_too_wide_or_empty_is_never_an_internal_error_in_the_pdf(columns: int, tmp_path: Path) -> None:
    doc = table_article(columns)
    for fmt in ("docx", "epub", "txt"):
        assert api.export(doc, fmt, warn=lambda _m: None)
    (tmp_path / "rong.json").write_bytes(api.export(doc, "json"))
    r = bantin("export", "-f", "pdf", "-o", str(tmp_path / "out"), str(tmp_path / "rong.json"))
    assert b"internal error" not in r.stderr and b"Traceback" not in r.stderr, r.stderr
    assert r.returncode in (0, 1)


def forty_megapixels(folder: Path, references: int) -> Path:
    Pil.new("RGB", (8000, 5000), (30, 120, 40)).save(folder / "lon.png", "PNG")
    md = folder / "anh.md"
    md.write_text("# Ảnh lớn\n\n" + "".join(f"![Ảnh {i}](lon.png)\n\n" for i in range(references)), encoding="utf-8")
    assert md.stat().st_size < 2000
    return md


def test_one_big_picture_referred_to_sixty_times_reads_once_and_writes_fast(tmp_path: Path) -> None:
    md = forty_megapixels(tmp_path, 60)
    r = subprocess.run([sys.executable, "-m", "bantin", "export", "-f", "txt,docx,epub", "--jobs", "1", "-o",
                        str(tmp_path / "out"), str(md)], capture_output=True, timeout=60, check=False)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "anh.docx").stat().st_size < 2_000_000  # the picture is in the file once


@pytest.mark.slow
def test_one_big_picture_referred_to_sixty_times_in_the_pdf(tmp_path: Path) -> None:
    md = forty_megapixels(tmp_path, 60)
    r = subprocess.run([sys.executable, "-m", "bantin", "export", "-f", "pdf", "--jobs", "1", "-o",
                        str(tmp_path / "out"), str(md)], capture_output=True, timeout=20, check=False)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("header_rows", [0, 1])
def test_a_long_table_costs_the_pdf_in_proportion_to_its_rows(header_rows: int,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """helper-163: reportlab makes the rest of a table anew at every page it breaks,
    so a table of 20,000 one-line rows took a minute to set and 40,000 three (an
    860 KB Markdown file). Counted here as the rows of every table made: on the old
    code some seventy times the table's, now some fifteen; every row still printed once,
    in order, and the header over each page."""
    from pypdf import PdfReader

    from bantin.exporters.pdf import tables

    made = [0]
    grid_init = tables.Grid.__init__

    def counting(self: Any, data: list[list[Any]], *args: Any, **kwargs: Any) -> None:
        made[0] += len(data)
        grid_init(self, data, *args, **kwargs)

    monkeypatch.setattr(tables.Grid, "__init__", counting)
    n = 6000
    head = ((Cell((Paragraph(plain("Mục")),)),),) * header_rows
    rows = head + tuple((Cell((Paragraph(plain(f"dòng {r}")),)),) for r in range(n))
    doc = api.Article("Bảng dài", blocks=(Paragraph(plain("Trước bảng.")), Table(rows, header_rows=header_rows),
                                          Paragraph(plain("Sau bảng."))))
    pdf = PdfReader(io.BytesIO(api.export(doc, "pdf", warn=lambda _m: None)))
    assert made[0] < 30 * n, made[0]
    text = "\n".join(page.extract_text() for page in pdf.pages)
    found = [int(m) for m in re.findall(r"dòng (\d+)", text)]
    assert found == list(range(n))
    assert text.index("Trước bảng.") < text.index("dòng 0") and text.rindex("Sau bảng.") > text.index(f"dòng {n - 1}")
    if header_rows:
        assert all("Mục" in page.extract_text() for page in pdf.pages[1:-1])
