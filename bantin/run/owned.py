"""Which files in an output folder bantin wrote: the record of a shared tree.

When the output folder and an input folder hold each other (``-o src/dist src``,
``-o . src``), a file of an input format found at an output's path may be somebody's
original or bantin's own output of an earlier run. The walk never reads the output
folder, so nothing else tells them apart. ``.bantin-outputs.json`` in the output
folder does: every path bantin wrote there (relative to the folder) with the
SHA-256 of the bytes it wrote. A file listed with those bytes is bantin's to
replace; any other needs ``--overwrite``. A file edited since (a Word file someone
worked on) no longer matches, so it is kept as well.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from bantin.run import manifest

NAME = ".bantin-outputs.json"


def load(out_dir: Path) -> dict[str, str]:
    """The record, or an empty one when it is missing or unreadable: then every
    existing file counts as somebody's, which is the safe side."""
    try:
        data = json.loads((out_dir / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def written_here(record: Mapping[str, str], out_dir: Path, target: Path) -> bool:
    """Whether ``target`` holds exactly what bantin wrote there."""
    sha = record.get(os.path.relpath(target, out_dir))
    if sha is None:
        return False
    try:
        return hashlib.sha256(target.read_bytes()).hexdigest() == sha
    except OSError:
        return False


def save(out_dir: Path, written: Iterable[tuple[Path, str]]) -> None:
    """Merge this run's outputs over the record on disk, under the folder's lock
    (two shards may write into one folder at once)."""
    new = {os.path.relpath(path, out_dir): sha for path, sha in written}
    if not new:
        return
    with manifest.locked(out_dir):
        merged = {**load(out_dir), **new}
        manifest.dump(out_dir / NAME, {"files": dict(sorted(merged.items()))})
