"""An output reaches the disk before it takes its name: write_atomic flushes the
temporary file (fsync) and only then renames it, so a power cut cannot leave an
empty document under the output's name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bantin.run.output import write_atomic


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


def test_a_failed_flush_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "bai.docx"
    with pytest.raises(OSError, match="bai.docx"):
        write_atomic(target, b"PK data")
    assert list(tmp_path.iterdir()) == []
