"""An output reaches the disk before it takes its name: write_atomic flushes the
temporary file (fsync) and only then renames it, so a power cut cannot leave an
empty document under the output's name."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

import bantin
from bantin.run import convert as convert_module
from bantin.run.output import leftovers, write_atomic


def test_flushed_before_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(f"fsync {os.fstat(fd).st_size}")
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        events.append(f"replace {Path(dst).name}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "bai.pdf"
    write_atomic(target, b"%PDF-1.4 data")
    assert events == ["fsync 13", "replace bai.pdf"]
    assert target.read_bytes() == b"%PDF-1.4 data"
    assert [p.name for p in tmp_path.iterdir()] == ["bai.pdf"]


def test_an_output_of_a_long_legal_name_is_written(tmp_path: Path) -> None:
    """helper-66: the temporary name added 15 bytes, so an output of a legal name
    of 241 to 255 bytes (a Vietnamese title of about a hundred characters) failed."""
    target = tmp_path / ("Bản tin thời sự " * 20)[:175].replace(" ", "-")
    target = target.with_name(target.name + ".pdf")
    assert 241 <= len(os.fsencode(target.name)) <= 255
    write_atomic(target, b"%PDF-1.4 data")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    # helper-68: the temporary file a killed worker leaves of such an output is found,
    # and swept, as one of a short name is.
    for path in (target, tmp_path / "bai.pdf"):
        with pytest.MonkeyPatch.context() as m:
            m.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(KeyboardInterrupt))
            m.setattr(Path, "unlink", lambda *_a, **_k: None)  # killed: nothing cleans up
            with pytest.raises(KeyboardInterrupt):
                write_atomic(path, b"%PDF-1.4 data")
        left = list(leftovers(path))
        assert len(left) == 1 and len(os.fsencode(left[0].name)) <= 255
        left[0].unlink()


def test_a_failed_flush_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "bai.docx"
    with pytest.raises(OSError, match="bai.docx"):
        write_atomic(target, b"PK data")
    assert list(tmp_path.iterdir()) == []


def test_a_run_stopped_while_rendering_leaves_none_of_the_inputs_files(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Every format of an input is rendered before any is written: a stop while the
    PDF renders leaves no DOCX and EPUB of an input the report does not list."""
    real = convert_module.registry()

    def stop(_doc: object, _ctx: object) -> bytes:
        raise KeyboardInterrupt

    table = {**real, "pdf": dataclasses.replace(real["pdf"], write=stop)}
    monkeypatch.setattr(convert_module, "registry", lambda: table)
    src = tmp_path / "bai.txt"
    src.write_text("Tiêu đề\nSapo của bài.\nThân bài của bài viết.\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        bantin.convert([src], ["docx", "epub", "pdf"], out, jobs=1)
    assert not [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    # Without the stop, the three are written.
    monkeypatch.setattr(convert_module, "registry", lambda: real)
    bantin.convert([src], ["docx", "epub", "pdf"], out, jobs=1)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["bai.docx", "bai.epub", "bai.pdf"]
