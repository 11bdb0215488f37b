"""Which files in an output folder bantin wrote: the record of a shared tree.

When the output folder and an input folder hold each other (``-o src/dist src``,
``-o . src``), a file of an input format found at an output's path may be somebody's
original or bantin's own output of an earlier run. The walk never reads the output
folder, so nothing else tells them apart. ``.bantin-outputs.json`` in the output
folder does: every path bantin wrote there (relative to the folder) with the
SHA-256 of the bytes it wrote. A file listed with those bytes is bantin's to
replace; any other needs ``--overwrite``. A file edited since (a Word file someone
worked on) no longer matches, so it is kept as well.

Each output is noted in ``.bantin-outputs.log`` (one JSON line, appended under the
folder's lock) *before* its bytes are put in place, by whichever process writes it.
A run stopped at any moment, even by SIGKILL, thus leaves no file of its own that
the next run would take for somebody's: at worst a note for bytes that never
arrived, which matches nothing. The end of a run folds the log into the record.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path

from bantin.run import manifest

NAME = ".bantin-outputs.json"
LOG = ".bantin-outputs.log"


def load(out_dir: Path) -> dict[str, str]:
    """The record with the notes of runs not yet folded in, or an empty one when
    it is missing or unreadable: then every existing file counts as somebody's,
    which is the safe side."""
    try:
        data = json.loads((out_dir / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        files = {}
    record = {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}
    return {**record, **_notes(out_dir)}


def _notes(out_dir: Path) -> dict[str, str]:
    try:
        lines = (out_dir / LOG).read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return {}
    out: dict[str, str] = {}
    for line in lines:
        try:
            path, sha = json.loads(line)
        except (ValueError, TypeError):
            continue  # a line cut short by a full disk: that output counts as somebody's
        if isinstance(path, str) and isinstance(sha, str):
            out[path] = sha
    return out


def note(out_dir: Path, path: Path, sha: str) -> None:
    """Note, before writing it, that ``path`` is about to hold bytes of this SHA-256."""
    line = json.dumps([os.path.relpath(path, out_dir), sha]) + "\n"
    with manifest.locked(out_dir):
        fd = os.open(out_dir / LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line.encode("ascii"))
        finally:
            os.close(fd)


def written_here(record: Mapping[str, str], out_dir: Path, target: Path) -> bool:
    """Whether ``target`` holds exactly what bantin wrote there."""
    sha = record.get(os.path.relpath(target, out_dir))
    if sha is None:
        return False
    try:
        return hashlib.sha256(target.read_bytes()).hexdigest() == sha
    except OSError:
        return False


def fold(out_dir: Path) -> None:
    """Fold the notes into the record, under the folder's lock (two shards may
    write into one folder at once, and note while holding it)."""
    if not (out_dir / LOG).exists():
        return
    with manifest.locked(out_dir):
        manifest.dump(out_dir / NAME, {"files": dict(sorted(load(out_dir).items()))})
        (out_dir / LOG).unlink(missing_ok=True)
