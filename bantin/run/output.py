"""Atomic file output: a reader never sees a half-written document.

Data goes to a hidden temporary file in the target folder, is flushed to the disk,
then ``os.replace`` renames it into place; any failure or interrupt removes the
temporary file. Without the flush a power cut soon after a run can leave an empty
or short file under the output's name (the rename reached the disk, the data not
yet), where an archive's reader would take it for the document. The flush costs
about 1.5 ms a file here.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

NAME_MAX = 255  # bytes of a file name, on every common file system


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` or leave nothing; an OSError names ``path``
    (a full disk's ENOSPC would otherwise name no file at all)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OSError(e.errno, e.strerror, str(path)) from None
    # The temporary name is chosen before the file exists and the file is made
    # inside the try: a Ctrl-C that lands just after the file is created (inside
    # tempfile.mkstemp, say) would otherwise leave it behind.
    tmp = path.parent / f".{_own(path)}.{os.urandom(4).hex()}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):  # a read-only folder refuses this too: the error is the write's
            tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OSError(e.errno, e.strerror, str(path)) from None
        raise


def _own(path: Path) -> str:
    """What a temporary file of ``path`` is named after: the output's name, so that a
    leftover says whose it is; for a name near the file system's 255 bytes (a
    Vietnamese title of a hundred characters), which could not be written under a
    longer one (helper-66), a digest of it."""
    if len(os.fsencode(path.name)) <= NAME_MAX - len(".12345678.part") - 1:
        return path.name
    return hashlib.sha256(os.fsencode(path.name)).hexdigest()[:32]


def leftovers(path: Path) -> Iterator[Path]:
    """The temporary files of ``path`` that a worker killed while writing it left."""
    return path.parent.glob(f".{glob.escape(_own(path))}.*.part")


def unwritable(folder: Path) -> str | None:
    """Why no file can be made in ``folder`` (made if missing), or None when one
    can. Checked once before a run, so a folder on a read-only or virtual file
    system (``/sys``, ``/proc``), or one without write permission, is one usage
    line rather than one failure per input after every input was converted.
    Whatever the probe makes is removed, so a run that writes nothing leaves
    nothing."""
    # Runs started together on one folder (CI's shards) race here: one makes the
    # folder the other found missing, or removes the one it made while the other
    # probes in it. Neither is a reason to refuse: try again.
    for _ in range(RACES):
        try:
            return _probe(folder)
        except _Raced:
            continue
    return "another run kept making and removing the folder"


RACES = 5


class _Raced(Exception):
    """The probe lost a race with another run (``unwritable`` tries again)."""


def _probe(folder: Path) -> str | None:
    made: list[Path] = []
    probing = False
    try:
        for p in reversed([folder, *folder.parents]):
            if p.is_symlink() and not p.exists():
                return f"{p} is a link to {os.readlink(p)}, which does not exist"
            if not p.exists():
                try:
                    p.mkdir()
                except FileExistsError:
                    continue  # another run made it meanwhile: it is not ours to remove
                made.append(p)
        tmp = folder / f".bantin-probe-{os.urandom(4).hex()}"
        probing = True
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        tmp.unlink()
    except OSError as e:
        if e.errno == errno.ENOENT:  # not "No such file": the folder, or the one it would be made in, is there
            if probing and not made and not folder.exists():
                raise _Raced from None  # another run removed the folder it had made, under this probe
            there = next((p for p in [folder, *folder.parents] if p.is_dir()), None)
            if there is not None:
                where = "in it" if there == folder else f"in {there}"
                return f"no file or folder can be made {where} (a virtual file system such as /proc)"
        return e.strerror or str(e)
    finally:
        for p in reversed(made):
            try:
                p.rmdir()
            except OSError:
                pass  # something else wrote there meanwhile: it stays
    return None
