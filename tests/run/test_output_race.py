"""The output folder's probe when runs start together on one folder (CI's shards,
``--shard 1/2`` and ``--shard 2/2`` with one ``-o``): CI run 5 saw one of them stop
with exit 2, "cannot write there: File exists"."""

from __future__ import annotations

import os
from pathlib import Path

from bantin.run import output
from bantin.run.output import unwritable


def test_a_folder_another_run_makes_meanwhile_is_no_error(tmp_path, monkeypatch):
    out = tmp_path / "out"
    real_exists = Path.exists

    def exists(self: Path, **kw: object) -> bool:
        if self == out and not real_exists(out):
            out.mkdir()  # the other run, between this one's look and its mkdir
            return False
        return real_exists(self, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "exists", exists)
    assert unwritable(out) is None
    monkeypatch.undo()
    assert out.is_dir()  # the other run's folder: not this probe's to remove


def test_a_folder_another_run_removes_under_the_probe_is_made_again(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    real_open = os.open
    removed: list[str] = []

    def open_(path: object, *a: object, **kw: object) -> int:
        if not removed and str(path).startswith(str(out / ".bantin-probe-")):
            out.rmdir()  # the run that made it, done probing, removes it
            removed.append(str(path))
        return real_open(path, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "open", open_)
    assert unwritable(out) is None
    assert removed and not out.exists()  # made again for the probe, and removed after it


def test_a_missing_folder_on_a_virtual_file_system_is_still_refused():
    why = unwritable(Path("/proc/bantin-no-such-folder"))
    assert why is not None and "another run" not in why
