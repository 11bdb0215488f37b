"""One input (or one bundle) from bytes to files: read, prepare, render, deliver.

A job is one input; its result says what was written (with sizes and hashes), what
was warned and why it failed. Nothing here prints: messages go back to the caller,
which owns stderr. Every failure becomes one line for the user; a format that
fails does not stop the others.
"""

from __future__ import annotations

import hashlib
import os
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bantin.digest.build import to_digest
from bantin.errors import BantinError, InputError
from bantin.exporters import RenderContext, registry
from bantin.model import Article, Briefing, Document, articles_of
from bantin.model.language import unmarked
from bantin.prepare import prepare
from bantin.run import edited, owned
from bantin.run.guard import OutputRefused, through_link
from bantin.run.names import reported, shown
from bantin.run.output import leftovers, write_atomic
from bantin.run.report import InputReport, Output
from bantin.run.settings import Settings
from bantin.source import extensions, files, read
from bantin.source.sandbox import Seen
from bantin.style.stylesheet import Style
from bantin.style.stylesheet import load as load_style

Sink = Callable[[str, bytes], None]  # (format, bytes) as each format is made


@dataclass(frozen=True)
class Job:
    source: str  # a path, or "-" for standard input
    stem: Path  # output path without extension, relative to the output folder
    label: str  # how messages name the input
    problem: str | None = None  # found while collecting: reported as this input's error
    skip: str | None = None  # found while collecting: skipped with this warning
    # --incremental: the run's formats this input's outputs lack; the others are
    # up to date and stay as they are (None: every format of the run).
    formats: tuple[str, ...] | None = None


@dataclass
class Result:
    label: str
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: bool = False
    stopped: bool = False  # not attempted: a --fail-fast run stopped before it
    stdout: bytes | None = None
    written: list[Path] = field(default_factory=list)  # the real paths; outputs show them escaped
    # The picture files the input referred to, by path in its folder, with the
    # SHA-256 of the bytes read (sandbox.digest).
    depends: dict[str, str] = field(default_factory=dict)
    job: Job | None = None  # the input it is the result of, when a run made it from one
    # On a Dask worker: the local pictures the input refers to, which only the
    # client can read (``sandbox.Seen.wanted``).
    wanted: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, job: Job, **kw: Any) -> Result:
        return cls(job.label, job=job, **kw)

    @property
    def input(self) -> str | None:
        """The input's path as the report gives it (the label is for messages)."""
        return None if self.job is None or self.job.source == "-" else reported(self.job.source)

    @property
    def status(self) -> str:
        return "failed" if self.error else "skipped" if self.skipped else "stopped" if self.stopped else "converted"

    def entry(self) -> InputReport:
        return InputReport(self.input or self.label, self.status, tuple(self.outputs), tuple(self.warnings),
                           (self.error,) if self.error else (), dict(self.seconds))


WARNING_LIMIT = 24_000  # characters of one warning line


def one_line(msg: str, limit: int = 600) -> str:
    """A message as one line of at most ``limit`` characters: an exception may
    quote a whole 1.4 MB title, or hold newlines."""
    flat = " ".join(msg.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def friendly(e: BaseException, label: str | None = None) -> str:
    """One line for the user, whatever the exception held; an OS error names its
    file unless that is the input the line is about (``label``)."""
    if isinstance(e, BantinError):
        msg = str(e)
    elif isinstance(e, OSError):
        where = f"{shown(str(e.filename))}: " if e.filename and shown(str(e.filename)) != label else ""
        msg = where + (e.strerror or str(e))
    elif isinstance(e, RecursionError):
        msg = "the input is too deeply nested to convert"
    elif isinstance(e, MemoryError):
        msg = "out of memory converting this input"
    else:
        msg = f"internal error: {type(e).__name__}: {e}"
    return one_line(msg)


def collector(into: list[str], label: str) -> Callable[[str], None]:
    """A warn callable that keeps each warning, labelled with where it arose."""

    def warn(msg: str) -> None:
        # A warning quotes what a reader dropped, so that no word is lost unsaid: a
        # footer whole, but not a megabyte of a repeated sapo on one line.
        into.append(one_line(f"{label}: {msg}", WARNING_LIMIT))

    return warn


def fail(result: Result, e: BaseException, settings: Settings) -> None:
    """Record why the input as a whole failed (it could not be read)."""
    result.error = friendly(e, result.label)
    if settings.debug:
        result.error += "\n" + traceback.format_exc()


def format_failed(result: Result, fmt: str, e: BaseException, settings: Settings) -> None:
    """Add "format: reason" to the input's error (with the traceback under --debug)."""
    part = f"{fmt}: {friendly(e)}" + ("\n" + traceback.format_exc() if settings.debug else "")
    result.error = f"{result.error}; {part}" if result.error else part


def finish(doc: Document, style: Style, settings: Settings, warn: Callable[[str], None]) -> Document:
    """The one path from a document as read to a document as written: prepared
    (overrides, clean characters, typography), then reduced to its điểm báo when
    asked."""
    doc = prepare(doc, style, settings.meta, warn)
    return to_digest(doc, style.digest, settings.group_by, dict(settings.meta)) if settings.digest else doc


def render_all(doc: Document, settings: Settings, style: Style, result: Result, sink: Sink) -> None:
    """Every format rendered, timed, with its warnings kept in ``result``, then each
    to ``sink``. A format that fails does not stop the others: each failure is one
    "format: reason" part of the input's error. All are rendered before any is
    written, so that a run stopped while it renders (most of an input's time)
    leaves none of the input's files, rather than a DOCX and an EPUB beside no PDF
    of an input that the report, listing only finished inputs, does not name."""
    made: list[tuple[str, bytes]] = []
    for fmt in settings.formats:
        try:
            t0 = time.perf_counter()
            ctx = RenderContext(style, collector(result.warnings, fmt), settings.epoch)
            made.append((fmt, registry()[fmt].render(doc, ctx)))
            result.seconds[fmt] = round(time.perf_counter() - t0, 6)
        except KeyboardInterrupt:
            raise
        except Exception as e:  # noqa: BLE001 - reported per format
            format_failed(result, fmt, e, settings)
    for fmt, data in made:
        try:
            sink(fmt, data)
        except KeyboardInterrupt:
            raise
        except Exception as e:  # noqa: BLE001 - reported per format
            format_failed(result, fmt, e, settings)


def target(out_dir: Path, stem: Path, fmt: str) -> Path:
    """Where an input's output in ``fmt`` goes."""
    return out_dir / stem.with_name(stem.name + registry()[fmt].extension)


def sweep(jobs: Iterable[Job], settings: Settings) -> None:
    """Remove the temporary files (``output.write_atomic``'s) that a worker killed
    while writing an output of these inputs left behind."""
    if settings.out_dir is None:
        return
    for job in jobs:
        for fmt in settings.formats:
            path = target(settings.out_dir, job.stem, fmt)
            for tmp in leftovers(path):
                tmp.unlink(missing_ok=True)


def keep_edited(stem: Path, settings: Settings) -> None:
    """Refuse, before anything of the input is written, to replace a Word file
    somebody saved since bantin wrote it (``bantin.run.edited``)."""
    if settings.out_dir is None or settings.overwrite:
        return
    for fmt in settings.formats:
        why = edited.refusal(target(settings.out_dir, stem, fmt))
        if why is not None:
            raise OutputRefused(why)


def deliver(fmt: str, data: bytes, stem: Path, settings: Settings, result: Result) -> None:
    """Write one format's bytes atomically under the output folder (or keep them
    for stdout) and record the output in ``result``."""
    if settings.out_dir is None:
        result.stdout = data
        return
    path = target(settings.out_dir, stem, fmt)
    linked = through_link(settings.out_dir, path)
    if linked is not None:  # checked again as each file is written: a link may appear mid-run
        raise OutputRefused(f"{shown(str(linked))} is a symlinked folder inside the output folder; "
                            "nothing is written through it")
    sha = hashlib.sha256(data).hexdigest()
    if settings.shared:
        owned.note(settings.out_dir, path, sha)
    write_atomic(path, data)
    result.written.append(path)
    result.outputs.append(Output(fmt, reported(str(path)), len(data), sha))


def convert_bytes(result: Result, data: bytes, reader: str | None, settings: Settings, style: Style,
                  sink: Sink, folder: Path | None = None, name: str | None = None,
                  ask: bool = False) -> None:
    """Read, prepare and render one input held in memory; each format's bytes go
    to ``sink`` once every format is made. A failure is recorded in ``result``, and
    the formats made before it stay delivered, as they would be on disk. With
    ``ask`` (a Dask worker, which has no folder), an input that refers to local
    pictures is read and not rendered: ``result.wanted`` names them, and the
    client converts it where the pictures are."""
    try:
        t0 = time.perf_counter()
        warn = collector(result.warnings, "read")
        seen = Seen()
        doc = finish(read(data, settings.encoding, reader, warn, folder, seen, name, dict(style.outlets)), style,
                     settings, warn)
        result.depends = dict(sorted(seen.files.items()))
        result.wanted = seen.wanted
        result.seconds["read"] = round(time.perf_counter() - t0, 6)
    except KeyboardInterrupt:
        raise
    except Exception as e:  # noqa: BLE001 - every failure becomes one line for the user
        fail(result, e, settings)
        return
    if ask and result.wanted:
        return
    render_all(doc, settings, style, result, sink)


def convert(job: Job, settings: Settings) -> Result:
    """One input, from its path to files under the output folder."""
    result = Result.of(job)
    settings = settings.only(job.formats)
    try:
        keep_edited(job.stem, settings)
        style = load_style(settings.style)
        data, reader = files.load(job.source, settings.source_format)
    except Exception as e:  # noqa: BLE001
        fail(result, e, settings)
        return result

    def sink(fmt: str, out: bytes) -> None:
        deliver(fmt, out, job.stem, settings, result)

    convert_bytes(result, data, reader, settings, style, sink, files.folder_of(job.source), files.name_of(job.source))
    return result


def bundle(jobs: list[Job], settings: Settings) -> tuple[Result, list[Result]]:
    """Read every input into one briefing; failing inputs are reported and left out,
    and each input's reader warnings are kept under its own name."""
    assert settings.bundle is not None
    style = load_style(settings.style)
    articles: list[Article] = []
    failures: list[Result] = []
    result = Result(settings.bundle)
    for job in jobs:
        try:
            data, reader = files.load(job.source, settings.source_format)
            doc = read(data, settings.encoding, reader, collector(result.warnings, f"{job.label}: read"),
                       files.folder_of(job.source), name=files.name_of(job.source), outlets=dict(style.outlets))
            articles.extend(articles_of(doc))
        except Exception as e:  # noqa: BLE001
            failures.append(Result.of(job, error=friendly(e, job.label)))
    try:
        keep_edited(Path(slug(settings.bundle)), settings)  # after reading: each input's failure is said too
        if not articles:
            raise InputError("no article could be read for the bundle")
        doc = finish(Briefing(title=settings.bundle, articles=tuple(articles)), style, settings,
                     collector(result.warnings, "read"))

        def sink(fmt: str, out: bytes) -> None:
            deliver(fmt, out, Path(slug(settings.bundle or "")), settings, result)

        render_all(doc, settings, style, result, sink)
    except Exception as e:  # noqa: BLE001
        fail(result, e, settings)
    return result, failures


def an_output(inputs: tuple[str, ...], path: Path, settings: Settings) -> bool:
    """Whether ``path`` is where this run writes one of its outputs: the name of an
    input (mirrored from an input folder) with a format's suffix, in the output
    folder. Names are compared as a file system that folds case and composes
    Vietnamese marks (macOS, Windows) compares them: there the two are one file."""
    out = settings.out_dir
    if out is None or path.suffix.lower() not in {target(Path(), Path("x"), f).suffix for f in settings.formats}:
        return False
    rel = Path(os.path.relpath(os.path.realpath(path), os.path.realpath(out))).with_suffix("")
    if rel.parts[:1] == ("..",):
        return False
    name = folded(rel.name)
    if settings.bundle is not None:
        return rel.parent == Path(".") and name == folded(slug(settings.bundle))
    for src in inputs:
        p = Path(src)
        named = "stdin" if src == "-" else None if p.is_dir() else folded(p.stem)
        if rel.parent == Path(".") and name == named:
            return True
        folder = p / rel.parent
        if p.is_dir() and folder.is_dir() and any(
                folded(f.name).startswith(name) and folded(f.name)[len(name):] in extensions()
                for f in folder.iterdir()):
            return True  # the walk takes "Bai.MD" as it takes "bai.md"
    return False


def folded(name: str) -> str:
    """A name as a file system that folds case and composes marks sees it: two
    names that fold alike are one file on macOS and Windows, and in most archives."""
    return unicodedata.normalize("NFC", name).casefold()


def slug(text: str) -> str:
    """A bundle's file name from its title: ASCII letters without their marks,
    words joined by hyphens. Any other character separates, as a space does, so
    "Điểm báo ngày 5/8" is diem-bao-ngay-5-8, not "ngay-58"."""
    kept = "".join(c if c.isascii() and (c.isalnum() or c == "_") else " " for c in unmarked(text))
    return "-".join(kept.lower().split())[:80].strip("-") or "briefing"
