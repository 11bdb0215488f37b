"""No output ever replaces an input.

A run refuses, before it writes anything, every output path that is a file the run
reads, or an existing file (a Word file, a text, a PDF…) inside an output folder
that an input folder holds or is held by: such a file is
somebody's original, even when this run does not read it (``bantin export -f docx
-o . bai.md`` beside a reporter's ``bai.docx``), unless the record of that folder
(``bantin.run.owned``) says bantin wrote it and it is unchanged since.
``--overwrite`` allows replacing those (never the files the run reads).
Paths are compared by their real paths, and no output is written through a
symlinked folder inside the output tree, whatever ``--overwrite`` says: that is
how an output folder reaches back into the inputs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from bantin.errors import UsageError
from bantin.run import edited, owned
from bantin.run.names import shown
from bantin.run.report import REPORT_HEAD
from bantin.source import extensions


class OutputRefused(UsageError):
    """An output would replace an input; nothing was written."""


def _real(p: str | Path) -> str:
    return os.path.realpath(p)


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


@dataclass(frozen=True)
class Guard:
    out: str  # the output folder's real path
    out_path: str  # the output folder as given, made absolute (outputs are built under it)
    roots: tuple[str, ...]  # real paths of the input folders
    named: frozenset[str]  # real paths of the input files named
    named_dirs: frozenset[str]  # the folders those files are in
    suffixes: frozenset[str]  # the extensions readers claim
    overwrite: bool = False
    owned: Mapping[str, str] = field(default_factory=dict)  # the folder's record, when it is shared
    stdin: tuple[int, int] | None = None  # (device, inode) of the file read as "-", if it is one

    @classmethod
    def of(cls, inputs: Iterable[str], out_dir: Path, overwrite: bool = False) -> Guard:
        roots: list[str] = []
        named: list[str] = []
        stdin = None
        for src in inputs:
            if src == "-":
                stdin = _stdin_file()
                continue
            (roots if Path(src).is_dir() else named).append(_real(src))
        dirs = frozenset(os.path.dirname(n) for n in named)
        guard = cls(_real(out_dir), os.path.abspath(out_dir), tuple(roots), frozenset(named), dirs,
                    frozenset(extensions()), overwrite, stdin=stdin)
        if guard.overlaps():
            guard = replace(guard, owned=owned.load(out_dir))
        return guard

    def overlaps(self) -> bool:
        """Whether the output folder and an input folder hold each other, or a named
        input lies in the output folder: only then can a mirrored output land on an
        input, and every output is checked first."""
        return (any(_under(self.out, r) or _under(r, self.out) for r in self.roots)
                or any(_under(n, self.out) for n in self.named))

    def refusal(self, target: Path) -> str | None:
        """Why ``target`` may not be written, or None when it may."""
        linked = through_link(Path(self.out_path), target)
        if linked is not None:
            return f"{shown(str(linked))} is a symlinked folder inside the output folder; nothing is written through it"
        real = _real(target)
        readable = Path(real).suffix.lower() in self.suffixes
        # A file an input folder's walk reads is an input of this run, like a named
        # one: --overwrite does not reach it (``-o out out/src``, where a mirrored
        # output of out/src/src/a.md lands on the input out/src/a.txt).
        # bantin's own output of an earlier run is no input: the walk passes it over.
        mine = owned.written_here(self.owned, Path(self.out_path), target)
        walked = readable and not mine and os.path.lexists(target) and any(self._read_from(real, r) for r in self.roots)
        if real in self.named or self._is_stdin(target) or walked:
            return (f"the output {shown(str(target))} would replace an input of this run; choose another output "
                    "folder (-o)")
        # Any file bantin did not write is somebody's, not only one of an input
        # format: a reporter's own .epub beside the texts was replaced (helper-97).
        if self.overwrite or not os.path.lexists(target) or not self.overlaps():
            return None
        if mine:
            return None  # bantin's own output of an earlier run, untouched since
        if os.path.relpath(target, self.out_path) in self.owned and edited.saved_by(Path(target)):
            # bantin's output, saved in Word or LibreOffice since: its input alone fails
            # and says who saved it (``bantin.run.edited``), the others convert.
            return None
        where = ("an input folder" if os.path.dirname(real) in self.named_dirs
                 else "an output folder shared with the inputs")
        return (f"the output {shown(str(target))} would replace an existing {Path(real).suffix} file that bantin did "
                f"not write (or that was edited since), in {where}; choose another output folder (-o), or give "
                "--overwrite")

    def _is_stdin(self, target: Path) -> bool:
        """Whether ``target`` is the very file the shell gave as standard input
        (``bantin export -o . - < stdin.txt``)."""
        if self.stdin is None:
            return False
        try:
            st = os.stat(target)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) == self.stdin

    def _read_from(self, real: str, root: str) -> bool:
        """Whether a walk of input folder ``root`` would read ``real``: the walk skips
        the output folder when it lies inside the input folder, so a previous run's
        outputs there are not inputs."""
        if not _under(real, root):
            return False
        return not (self.out != root and _under(self.out, root) and _under(real, self.out))


def _stdin_file() -> tuple[int, int] | None:
    try:
        st = os.fstat(0)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def through_link(out_dir: Path, target: Path) -> Path | None:
    """The first folder between the output folder and ``target`` that is a symlink."""
    base = Path(os.path.abspath(out_dir))
    try:
        rel = Path(os.path.abspath(target)).relative_to(base)
    except ValueError:
        return None
    for part in rel.parts[:-1]:
        base = base / part
        if base.is_symlink():
            return base
    return None


def check(guard: Guard, targets: Iterable[Path]) -> None:
    """Raise ``OutputRefused`` for the first target that may not be written."""
    for target in targets:
        why = guard.refusal(target)
        if why is not None:
            raise OutputRefused(why)


def report_refusal(inputs: Iterable[str], report: Path, an_output: bool, overwrite: bool) -> str | None:
    """Why the ``--report`` file may not be written, or None. It may replace an
    earlier report, never a file the run reads (``--report a.txt a.txt``, or a
    file inside an input folder), one of the run's outputs (``an_output``: ``-o out
    --report out/a.pdf`` made a "PDF" of JSON), nor any other file unless
    ``overwrite`` (``--report bai.docx`` beside an input replaced a reporter's
    Word file)."""
    why = Guard.of(inputs, report.parent, overwrite=True).refusal(report)
    if why is not None:
        return why.replace("output", "report", 1)
    if an_output:
        return "the report would replace an output of this run; give it another name or folder"
    if overwrite or not report.is_file() or report.stat().st_size == 0:
        return None
    try:
        with report.open("rb") as f:
            head = f.read(len(REPORT_HEAD.encode()) + 1)
    except OSError:
        return None  # an unreadable report path fails when it is written, with the reason
    # A report checked out on Windows may have its lines ended in CR LF.
    if head.replace(b"\r\n", b"\n")[:len(REPORT_HEAD)] != REPORT_HEAD.encode():
        return "the report would replace an existing file that is not a report of bantin's; give another path, " \
               "or --overwrite"
    return None
