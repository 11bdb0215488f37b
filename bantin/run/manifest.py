"""The manifest of ``--incremental`` runs: what each output was made from.

It lives in the output folder as ``.bantin-manifest.json``. Two runs may write it
at once (``--shard 1/2`` and ``--shard 2/2`` into one folder), so saving takes an
exclusive lock, reads what is there now, merges this run's entries over it and
renames a new file into place. A manifest of the wrong shape is treated as absent,
with a warning: a broken file must not stop every later run.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bantin._version import __version__
from bantin.run.names import reported
from bantin.run.output import write_atomic
from bantin.run.report import Output
from bantin.source.sandbox import digest

NAME = ".bantin-manifest.json"
LOCK = ".bantin-manifest.lock"

Entries = dict[str, dict[str, object]]


def load(out_dir: Path, warn: Callable[[str], None]) -> Entries:
    path = out_dir / NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as e:
        warn(f"{path}: manifest not read ({type(e).__name__}); converting everything")
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        warn(f"{path}: manifest is not valid JSON; converting everything")
        return {}
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not all(_entry_ok(v) for v in entries.values()):
        warn(f"{path}: manifest has the wrong shape; converting everything")
        return {}
    return entries if data.get("bantin") == __version__ else {}


def _entry_ok(v: object) -> bool:
    return (isinstance(v, dict) and isinstance(v.get("key"), str) and isinstance(v.get("outputs"), list)
            and all(isinstance(p, str) for p in v["outputs"])
            and isinstance(v.get("depends", {}), dict)
            and all(isinstance(h, str) for h in v.get("depends", {}).values())
            and _made_ok(v.get("made", []), len(v["outputs"])))


def _made_ok(made: object, n: int) -> bool:
    # Optional beside "outputs" (a manifest of 0.3.0 before it has none): one
    # [format, bytes, sha256] per output.
    return isinstance(made, list) and (not made or len(made) == n) and all(
        isinstance(m, list) and len(m) == 3 and isinstance(m[0], str) and isinstance(m[1], int)
        and isinstance(m[2], str) for m in made)


def entry(key: str, written: list[Path], made: list[Output], depends: dict[str, str],
          out_dir: Path) -> dict[str, object]:
    """What the next run needs of one input: its key; its outputs as paths relative
    to the output folder (a copied or moved folder then checks its own files, not
    those of the folder it was copied from), with the format, size and SHA-256 of
    each, so that a skipped input's report still lists them; the pictures it read,
    by path in its folder, with the SHA-256 of the bytes read."""
    return {"key": key, "outputs": [os.path.relpath(p, out_dir) for p in written],
            "made": [[o.format, o.bytes, o.sha256] for o in made], "depends": depends}


def carried(new: dict[str, object], old: dict[str, object] | None) -> dict[str, object]:
    """An input's new entry with the outputs ``old`` (the entry on disk) records
    in other formats, when they were made from the same key and pictures: a run of
    fewer formats (``-f pdf`` after ``-f all``), or one whose other formats failed,
    leaves them known, and a later run of every format skips the input; two runs
    of different formats at once keep both (helper-147)."""
    if not old or old.get("key") != new["key"] or old.get("depends", {}) != new["depends"]:
        return new
    mine = _made(new)
    both = mine + [m for m in _made(old) if m[1] not in {fmt for _, fmt, _, _ in mine}]
    return {**new, "outputs": [p for p, _, _, _ in both], "made": [[fmt, size, sha] for _, fmt, size, sha in both]}


def _made(entry: dict[str, object]) -> list[tuple[str, str, int, str]]:
    """(path, format, bytes, sha256) of each output an entry records (none for an
    entry of 0.3.0, which has no formats)."""
    paths, made = entry.get("outputs", []), entry.get("made", [])
    assert isinstance(paths, list) and isinstance(made, list)  # load() checked the shape
    return [(p, fmt, size, sha) for p, (fmt, size, sha) in zip(paths, made, strict=False)]


def kept(entries: Entries, stem: str, out_dir: Path, formats: tuple[str, ...]) -> list[Output]:
    """The outputs in ``formats`` an unchanged input made last time, as its report
    lists them: in the order of ``formats``, as a converted input's are."""
    made = sorted((formats.index(fmt), p, fmt, size, sha)
                  for p, fmt, size, sha in _made(entries.get(stem, {})) if fmt in formats)
    return [Output(fmt, reported(str(out_dir / p)), size, sha) for _, p, fmt, size, sha in made]


def stale(entries: Entries, stem: str, key: str | None, out_dir: Path, formats: tuple[str, ...],
          folder: Path) -> tuple[str, ...]:
    """Which of ``formats`` the input must be converted to: all of them unless its
    key matches and the pictures it read are unchanged, else those it made no
    output in that is still there at the size it was written (a stat, not a read:
    an output cut short by a full disk or replaced by hand is made again, without
    hashing a whole archive). ``-f all`` after ``-f pdf`` makes the three missing
    formats and leaves the PDF as it is (helper-147: it was made again, with a new
    date inside when no SOURCE_DATE_EPOCH is set). Outputs in formats the run does
    not ask for are not its business."""
    entry = entries.get(stem)
    if not key or entry is None or entry.get("key") != key:
        return formats
    made = {fmt: (path, size) for path, fmt, size, _ in _made(entry)}
    missing = tuple(f for f in formats if f not in made or not _there(out_dir / made[f][0], made[f][1]))
    if missing == formats:
        return formats  # nothing to keep: the pictures need not be read
    # A picture the input refers to has changed: the outputs that embed it are stale.
    # Looked for in the input's own folder: the same page in another folder shows
    # that folder's pictures (helper-147).
    depends = entry.get("depends", {})
    if not isinstance(depends, dict) or any(digest(folder / p) != h for p, h in depends.items()):
        return formats
    return missing


def _there(path: Path, size: int) -> bool:
    try:
        return path.stat().st_size == size
    except (OSError, ValueError):  # ValueError: a NUL in a hand-edited manifest's path
        return False


@contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """The output folder's lock, held while a record in it is merged and saved."""
    out_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(out_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def save(out_dir: Path, entries: Entries) -> None:
    """Merge this run's entries over the manifest on disk, under the lock."""
    with locked(out_dir):
        merged = load(out_dir, lambda _msg: None)
        merged.update((stem, carried(new, merged.get(stem))) for stem, new in entries.items())
        dump(out_dir / NAME, {"bantin": __version__, "entries": dict(sorted(merged.items()))})
        _remove_stale_parts(out_dir)


def dump(path: Path, data: object) -> None:
    """Write a record atomically as ASCII JSON: a file name that is not UTF-8 is
    kept as \\udcxx escapes, which read back to the very same name."""
    write_atomic(path, (json.dumps(data, indent=1) + "\n").encode("ascii"))


def _remove_stale_parts(out_dir: Path) -> None:
    """Temporary manifests left by a run that was killed (SIGKILL leaves no
    chance to clean up); under the lock no other run is writing one."""
    for pattern in (f".{NAME}.*.part", f"{NAME}.*.part"):  # write_atomic's names, and older ones
        for p in out_dir.glob(pattern):
            p.unlink(missing_ok=True)
