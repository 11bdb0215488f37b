"""Which files a run converts: the files named, and the supported files under each
folder named, in a stable order and without listing a whole tree first.

What a walk meets that it does not convert is said, never skipped in silence: an
unreadable folder, a folder symlink (not followed), a file symlink that leads out
of the input folder, a symlink loop. These become error lines for the run; a FIFO,
socket or device in the tree is skipped with a warning, and the files no
reader takes (a PDF, a .doc) are counted for one closing note. The output folder is never
walked as input, so a run into ``dist/`` under its own input folder does not read
its previous outputs back.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from bantin.run import owned
from bantin.run.convert import Job
from bantin.run.names import shown
from bantin.source import extensions


def input_suffixes() -> tuple[str, ...]:
    """The extensions a folder walk collects: every reader's."""
    return tuple(extensions())


def collect(inputs: tuple[str, ...], out_dir: Path | None = None, outermost: bool = False,
            passed: PassedOver | None = None) -> Iterator[Job]:
    """Expand folders recursively; output paths mirror each folder's tree. A
    generator, so that an archive of any size is never held in memory at once.
    ``outermost``: an input named inside a folder also named (``archive/2025/
    archive/``, ``archive/2025/a.txt archive/``) is left to that folder's walk, so
    its output has the mirrored place whatever the order of the names (a bundle
    keeps the order given instead: it writes one file). ``passed`` notes
    the documents of the folders that no reader takes (a PDF, a .doc), so the
    run can say it passed them over."""
    skip_dir = _real(out_dir) if out_dir is not None else None
    # A folder named on the command line is walked even through a symlink: a walk
    # that meets the same link does not also report it as not followed.
    named = frozenset(_real(Path(src)) for src in inputs if src != "-" and Path(src).is_dir())
    if outermost:
        inner = covered(inputs, skip_dir)
        inputs = tuple(src for src in inputs if src not in inner)
    seen: set[str] = set()  # real paths: a file named twice, or named and in a named folder, is one input
    skipped: set[str] = set()  # the paths of inputs skipped with a warning, said once
    for src in inputs:
        if src == "-":
            yield Job("-", Path("stdin"), "<stdin>")
            continue
        p = Path(src)
        one = Job(src, Path(p.stem or "stdin"), shown(src))
        jobs = _walk(p, skip_dir, named, passed) if p.is_dir() else iter([one])
        met = False
        for job in jobs:
            met = True
            if job.problem is None and job.skip is None:
                real = _real(Path(job.source))
                if real in seen:
                    continue
                seen.add(real)
            elif job.skip is not None:
                # Skipped once however often it is met; a link to a file already
                # converted under another name (a named link) is that same input.
                linked = os.path.islink(job.source) and _real(Path(job.source)) in seen
                if linked or os.path.abspath(job.source) in skipped:
                    continue
                skipped.add(os.path.abspath(job.source))
            yield job
        if not met and p.is_dir() and passed is not None:
            passed.empty.append(shown(src))  # a CI glob that picked an emptied folder is told so


def covered(inputs: tuple[str, ...], skip_dir: str | None) -> frozenset[str]:
    """The inputs that the walk of another folder named in ``inputs`` reaches.
    Linear in the inputs: a CI job names thousands of files and a folder or two."""
    roots = [_real(Path(s)) for s in inputs if s != "-" and Path(s).is_dir()]
    if not roots:
        return frozenset()
    suffixes = input_suffixes()
    out = set()
    for src in inputs:
        real = Path(_real(Path(src))) if src != "-" else None
        if real is not None and any(str(real) != root and _inside(str(real), root)
                                    and _walked(real, root, suffixes, skip_dir, real.is_dir()) for root in roots):
            out.add(src)
    return frozenset(out)


def _real(p: Path) -> str:
    return os.path.realpath(p)


def _walk(root: Path, skip_dir: str | None, named: frozenset[str] = frozenset(),
          passed: PassedOver | None = None) -> Iterator[Job]:
    real_root = _real(root)
    suffixes = input_suffixes()
    problems: list[OSError] = []
    records: dict[str, dict[str, str]] = {}  # folder → its record of bantin's outputs (``owned``)
    for folder, dirs, files in os.walk(root, onerror=problems.append):
        if owned.NAME in files or owned.LOG in files:
            records[folder] = owned.load(Path(folder))
        while problems:
            e = problems.pop(0)
            name = e.filename if isinstance(e.filename, str) else folder
            yield _problem(root, Path(name), f"folder not read: {e.strerror or e}")
        kept = []
        for d in sorted(dirs, key=_order):
            if not _entered(d):
                continue
            path = Path(folder, d)
            if skip_dir is not None and _real(path) == skip_dir:
                # The output folder, inside the input folder: not walked, but the
                # inputs found in it are named rather than vanishing from the run.
                if passed is not None:
                    passed.hold(_held(path, suffixes))
                continue
            if path.is_symlink():
                if _real(path) not in named:
                    yield _problem(root, path, "folder symlink not followed")
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files, key=_order):
            if _hidden(name):
                continue
            suffix = Path(name).suffix.lower()
            if records and _own_output(Path(folder, name), records):
                # bantin's output of an earlier run into this folder, unchanged since:
                # no input, nor a document passed over (helper-97: a run with -o
                # the input folder read its own JSON back the next time).
                if passed is not None:
                    passed.outputs += 1
                continue
            if suffix not in suffixes:
                if passed is not None and suffix in _DOCUMENTS:
                    passed.add(Path(folder, name))
                continue
            yield _file(root, real_root, Path(folder, name), suffixes, skip_dir)
    for e in problems:
        yield _problem(root, Path(str(e.filename or root)), f"folder not read: {e.strerror or e}")


# Documents that someone may drop into an archive for bantin and that no reader
# takes: counted, so a PDF or a Word 97 file is not passed over in silence. Pictures,
# styles and scripts are not: a saved web page's folder holds hundreds.
_DOCUMENTS = frozenset({".pdf", ".doc", ".dot", ".docm", ".dotx", ".rtf", ".odt", ".fodt", ".epub", ".wps",
                        ".wpd", ".pages", ".xps", ".mht", ".mhtml", ".eml", ".webarchive"})
_WORD = frozenset({".doc", ".dot", ".docm", ".dotx", ".rtf", ".odt", ".fodt", ".wps", ".wpd", ".pages"})
_NAMED = 3  # documents named in the line; the count says the rest


@dataclass
class PassedOver:
    """The documents of the input folders that no reader takes, and the inputs
    inside the output folder, for one warning at the end of a run: counted, the
    first few by name (an archive may hold thousands of PDFs: memory stays flat)."""

    kinds: Counter[str] = field(default_factory=Counter)
    first: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # named folders that hold no input at all
    held: int = 0  # inputs inside the output folder, not converted
    held_first: list[str] = field(default_factory=list)
    outputs: int = 0  # bantin's own outputs of an earlier run found in an input folder, not read
    own: frozenset[str] = frozenset()  # real paths of the files the run writes besides its outputs (its report)

    def hold(self, paths: Iterator[Path]) -> None:
        for path in paths:
            if _real(path) not in self.own:
                self.held += 1
                _name_few(self.held_first, path)

    def add(self, path: Path) -> None:
        self.kinds[path.suffix.lower()] += 1
        _name_few(self.first, path)

    def __bool__(self) -> bool:
        return bool(self.kinds or self.empty or self.held or self.outputs)

    def counts(self) -> str:
        """ "2 .pdf, 1 .doc": the commonest first."""
        return ", ".join(f"{n} {ext}" for ext, n in sorted(self.kinds.items(), key=lambda x: (-x[1], x[0])))

    def line(self) -> str:
        said = []
        n = sum(self.kinds.values())
        if n:
            names = ", ".join(self.first) + (", …" if n > len(self.first) else "")
            hint = "; save Word and OpenDocument files as .docx to convert them" if _WORD & set(self.kinds) else ""
            said.append(f"passed over {n} document{'s' if n > 1 else ''} bantin does not read ({self.counts()}): "
                        f"{names}{hint}")
        if self.empty:
            more = ", …" if len(self.empty) > _NAMED else ""
            said.append(f"no input files in {', '.join(self.empty[:_NAMED])}{more}")
        if self.held:
            names = ", ".join(self.held_first) + (", …" if self.held > len(self.held_first) else "")
            said.append(f"not converted: {self.held} input file{'s' if self.held > 1 else ''} inside the output "
                        f"folder ({names}); choose an output folder that holds no inputs")
        if self.outputs:
            said.append(f"not read: {self.outputs} output{'s' if self.outputs > 1 else ''} of an earlier bantin run "
                        "in an input folder (unchanged since bantin wrote them)")
        return "; ".join(said)


def _name_few(names: list[str], path: Path) -> None:
    """The first few paths by name; the rest only counted."""
    if len(names) < _NAMED:
        names.append(shown(str(path)))


def _order(name: str) -> tuple[str, str]:
    """Names sort as their NFC form: a tree copied from a Mac (NFD names) gives the
    same order, and so the same bundle, as the same tree written on Linux."""
    return unicodedata.normalize("NFC", name), name


def _file(root: Path, real_root: str, path: Path, suffixes: tuple[str, ...], skip_dir: str | None) -> Job:
    job = Job(str(path), path.relative_to(root).with_suffix(""), shown(str(path)))
    if path.is_symlink():
        try:
            target = Path(path).resolve(strict=True)
        except RuntimeError:
            return replace(job, problem="symlink loop")
        except OSError as e:
            return replace(job, problem="symlink loop" if "loop" in str(e).lower() else "broken symlink")
        if not _inside(str(target), real_root):
            return replace(job, problem="symlink leads outside the input folder; not followed")
        if _walked(target, real_root, suffixes, skip_dir):
            # The walk meets the file under its own name too: that name keeps its
            # mirrored output, whichever of the two sorts first.
            name = shown(os.path.relpath(target, real_root))
            return replace(job, skip=f"a symlink to {name}, which is converted under its own name; skipped")
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return replace(job, problem=e.strerror or str(e))
    if not stat.S_ISREG(mode):
        return replace(job, skip="not a regular file (a FIFO, socket or device); skipped")
    return job


def _walked(target: Path, real_root: str, suffixes: tuple[str, ...], skip_dir: str | None,
            folder: bool = False) -> bool:
    """Whether a walk of ``real_root`` reaches ``target``, a real path inside it
    (a file, or a ``folder``)."""
    rel = Path(os.path.relpath(target, real_root))
    if not all(_entered(part) for part in (rel.parts if folder else rel.parts[:-1])):
        return False
    if skip_dir is not None and _inside(str(target), skip_dir):
        return False
    return folder or (not _hidden(rel.name) and target.suffix.lower() in suffixes)


def _own_output(path: Path, records: dict[str, dict[str, str]]) -> bool:
    """Whether ``path`` holds exactly what bantin wrote there, by the record of
    the folder of the walk that an earlier run wrote into."""
    # Absolute: a walk of "." gives "./a.docx" and ".", whose common path is "".
    where = os.path.abspath(path)
    return any(_inside(where, os.path.abspath(folder)) and owned.written_here(record, Path(folder), path)
               for folder, record in records.items())


def _hidden(name: str) -> bool:
    """A file the walk passes over: a hidden one, or the owner file Word and Excel
    keep beside a document that is open ("~$Bao-cao.docx", a few bytes, no
    document), which failed a folder's run while anyone had a file open (helper-137)."""
    return name.startswith((".", "~$"))


def _entered(folder: str) -> bool:
    """A folder the walk goes into: not hidden, not a package's metadata."""
    return not (folder.startswith(".") or folder.endswith(".egg-info"))


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([folder, path]) == folder


def _held(out: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """The inputs inside the output folder, which the walk does not enter, but
    for the files bantin wrote there (``owned``): their outputs would be written
    among them, and the next run would read those back."""
    record = owned.load(out)
    for folder, dirs, files in os.walk(out):
        dirs[:] = sorted((d for d in dirs if _entered(d)), key=_order)
        for name in sorted(files, key=_order):
            path = Path(folder, name)
            if not _hidden(name) and path.suffix.lower() in suffixes and \
                    path.relative_to(out).as_posix() not in record:
                yield path


def _problem(root: Path, path: Path, reason: str) -> Job:
    try:
        stem = path.relative_to(root)
    except ValueError:
        stem = path
    return Job(str(path), stem, shown(str(path)), problem=reason)
