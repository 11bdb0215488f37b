"""From inputs to files: read, apply meta and typography once, run the exporters.

The CLI and the benchmark both drive this module. A job is one input; its result
says what was written (with sizes and hashes), what was warned and why it failed.
Nothing here prints: messages go back to the caller, which owns stderr.
"""

from __future__ import annotations

import errno
import hashlib
import stat
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from bantin.model.dates import iso_date_ok
from bantin.errors import BantinError, InputError, UsageError
from bantin.exporters import registry
from bantin.model import Article, Briefing, Document, Outlet, articles_of
from bantin.run.names import shown
from bantin.run.output import write_atomic
from bantin.run.report import InputReport, Output
from bantin.model.sanitize import sanitize
from bantin.source import read, reader_for
from bantin.style.stylesheet import Style
from bantin.style.stylesheet import load as load_style
from bantin.typography import apply as apply_typography
from bantin.typography import autolink

META_KEYS = ("title", "date", "outlet", "byline", "issuer", "number", "place")


@dataclass(frozen=True)
class Settings:
    formats: tuple[str, ...]
    style: str = "default"
    encoding: str | None = None  # None: UTF-8 (with or without BOM)
    source_format: str | None = None  # None: the extension decides
    meta: tuple[tuple[str, str], ...] = ()
    out_dir: Path | None = Path("dist")  # None: write the one document to stdout
    debug: bool = False
    digest: bool = False  # the điểm báo instead of whole articles
    group_by: str | None = None


@dataclass(frozen=True)
class Job:
    source: str  # a path, or "-" for standard input
    stem: Path  # output path without extension, relative to the output folder
    label: str  # how messages name the input
    problem: str | None = None  # found while collecting: reported as this input's error
    skip: str | None = None  # found while collecting: skipped with this warning


@dataclass
class Result:
    label: str
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: bool = False
    stdout: bytes | None = None
    written: list[Path] = field(default_factory=list)  # the real paths; outputs show them escaped

    @property
    def status(self) -> str:
        return "failed" if self.error else "skipped" if self.skipped else "converted"

    def entry(self) -> InputReport:
        return InputReport(self.label, self.status, tuple(self.outputs), tuple(self.warnings),
                           (self.error,) if self.error else (), dict(self.seconds))


def split_meta(args: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``-M KEY=VALUE`` arguments into pairs."""
    out = []
    for a in args:
        key, sep, value = a.partition("=")
        if not sep:
            raise UsageError(f"-M takes KEY=VALUE with KEY one of {', '.join(META_KEYS)}: {a!r}")
        out.append((key, value))
    return tuple(out)


def parse_meta(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    out = []
    for key, value in pairs:
        key, value = str(key).strip().lower(), str(value).strip()
        if key not in META_KEYS:
            raise UsageError(f"meta key must be one of {', '.join(META_KEYS)}, not {key!r}")
        if key == "date" and value and not iso_date_ok(value):
            raise UsageError(f"-M date must be ISO 8601 (YYYY-MM-DD), not {value!r}")
        out.append((key, value))
    return tuple(out)


def _override_article(a: Article, meta: dict[str, str]) -> Article:
    changes: dict[str, object] = {}
    if "title" in meta:
        changes["title"] = meta["title"]
    if "date" in meta:
        changes["date"] = meta["date"] or None
    if "byline" in meta:
        changes["byline"] = meta["byline"] or None
    if "outlet" in meta:
        code = a.outlet.code if a.outlet else None
        changes["outlet"] = Outlet(code, meta["outlet"]) if meta["outlet"] else None
    return replace(a, **changes) if changes else a  # type: ignore[arg-type]


def apply_meta(doc: Document, meta: tuple[tuple[str, str], ...]) -> Document:
    m = dict(meta)
    if not m:
        return doc
    if isinstance(doc, Briefing):
        changes: dict[str, object] = {k: m[k] or None for k in ("date", "issuer", "number", "place") if k in m}
        if "title" in m:
            changes["title"] = m["title"]
        return replace(doc, **changes)  # type: ignore[arg-type]
    return _override_article(doc, m)


def prepare(doc: Document, style: Style, meta: tuple[tuple[str, str], ...] = (),
            warn: Callable[[str], None] | None = None) -> Document:
    """What every document goes through once, before any exporter: the -M
    overrides, removal of characters no output may carry, a check of its dates,
    and the style's typography."""
    doc = apply_meta(doc, meta)
    doc = sanitize(doc, warn)
    doc = _valid_dates(doc, warn)
    doc = apply_typography(doc, style.typography, style.tone_marks)
    if isinstance(doc, Briefing) and not doc.title:
        raise InputError("the briefing has no title")
    for a in articles_of(doc):
        if not a.title:
            raise InputError("the article has no title")
    return doc


def _valid_dates(doc: Document, warn: Callable[[str], None] | None) -> Document:
    """An impossible date (2017-02-31, a week date, GMT+25) is dropped with a
    warning: bantin never writes a date that it would refuse to read back."""

    def check(value: str | None) -> str | None:
        if value is None or iso_date_ok(value):
            return value
        if warn is not None:
            warn(f"dropped the impossible date {value[:40]!r}")
        return None

    if isinstance(doc, Briefing):
        arts = tuple(replace(a, date=check(a.date)) for a in doc.articles)
        return replace(doc, date=check(doc.date), articles=arts)
    return replace(doc, date=check(doc.date))


MAX_BYTES = 50 * 2**20  # no article is this long; a larger input is a mistake, read no further


def _read_limited(f: BinaryIO) -> bytes:
    data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 2**20} MB; not an article")
    return data


def load_source(source: str, source_format: str | None = None) -> tuple[bytes, str | None]:
    """The bytes of a path, or of "-" (standard input), and the reader to use: the
    one named, else a path's extension; ``None`` lets the content decide (stdin).
    Only regular files are read: a FIFO or a device would block or never end."""
    if source == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            raise InputError("standard input is closed")
        try:
            return _read_limited(stdin), source_format
        except (OSError, ValueError):
            raise InputError("standard input is closed") from None
    p = Path(source)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as e:
        raise InputError("symlink loop" if e.errno == errno.ELOOP else (e.strerror or str(e))) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file (a FIFO, socket or device); not read")
    if st.st_size > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 2**20} MB; not an article")
    with p.open("rb") as f:
        return _read_limited(f), source_format or reader_for(p)


def read_source(source: str, encoding: str | None, source_format: str | None = None,
                warn: Callable[[str], None] | None = None) -> Document:
    """Read a path, or "-" for standard input. A path's extension picks the reader
    unless one is named; only standard input has its content sniffed."""
    data, fmt = load_source(source, source_format)
    return read(data, encoding, fmt, warn, None if source == "-" else Path(source).parent)


def formats_for(names: tuple[str, ...]) -> tuple[str, ...]:
    table = registry()
    out: list[str] = []
    for n in names:
        for part in n.split(","):
            part = part.strip().lower()
            if part == "all":
                out += [f for f in table if f != "json"]
            elif part in table:
                out.append(part)
            else:
                raise UsageError(f"unknown format {part!r} (known: {', '.join(table)}, all)")
    return tuple(dict.fromkeys(out))


def _friendly(e: BaseException) -> str:
    """One line for the user, whatever the exception held."""
    if isinstance(e, BantinError):
        msg = str(e)
    elif isinstance(e, OSError):
        where = f"{shown(str(e.filename))}: " if e.filename else ""
        msg = where + (e.strerror or str(e))
    elif isinstance(e, RecursionError):
        msg = "the input is too deeply nested to convert"
    elif isinstance(e, MemoryError):
        msg = "out of memory converting this input"
    else:
        msg = f"internal error: {type(e).__name__}: {e}"
    return one_line(msg)


def one_line(msg: str, limit: int = 600) -> str:
    """A message as one line of at most ``limit`` characters: an exception may
    quote a whole 1.4 MB title, or hold newlines."""
    flat = " ".join(msg.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _collector(into: list[str], fmt: str) -> Callable[[str], None]:
    """A warn callable that keeps each warning, labelled with its format."""

    def warn(msg: str) -> None:
        into.append(f"{fmt}: {msg}")

    return warn


def render(doc: Document, fmt: str, style: Style, result: Result) -> bytes:
    """One format's bytes, timed, with its warnings kept in ``result``."""
    t0 = time.perf_counter()
    data = registry()[fmt].write(doc, style, _collector(result.warnings, fmt))
    result.seconds[fmt] = round(time.perf_counter() - t0, 6)
    return data


def render_all(doc: Document, settings: Settings, style: Style, result: Result,
               sink: Callable[[str, bytes], None]) -> None:
    """Every format in turn, each to ``sink``. A format that fails does not stop
    the others: each failure is one "format: reason" part of the input's error."""
    for fmt in settings.formats:
        try:
            sink(fmt, render(doc, fmt, style, result))
        except KeyboardInterrupt:
            raise
        except Exception as e:  # noqa: BLE001 - reported per format
            format_failed(result, fmt, e, settings)


def format_failed(result: Result, fmt: str, e: BaseException, settings: Settings) -> None:
    """Add "format: reason" to the input's error (with the traceback under --debug)."""
    part = f"{fmt}: {_friendly(e)}" + ("\n" + traceback.format_exc() if settings.debug else "")
    result.error = f"{result.error}; {part}" if result.error else part


def deliver(fmt: str, data: bytes, stem: Path, settings: Settings, result: Result) -> None:
    """Write one format's bytes atomically under the output folder (or keep them
    for stdout) and record the output in ``result``."""
    if settings.out_dir is None:
        result.stdout = data
        return
    path = settings.out_dir / stem.with_name(stem.name + registry()[fmt].extension)
    write_atomic(path, data)
    result.written.append(path)
    result.outputs.append(Output(fmt, shown(str(path)), len(data), hashlib.sha256(data).hexdigest()))


def fail(result: Result, e: BaseException, settings: Settings) -> None:
    """Record why the input as a whole failed (it could not be read)."""
    result.error = _friendly(e)
    if settings.debug:
        result.error += "\n" + traceback.format_exc()


def convert_bytes(result: Result, data: bytes, reader: str | None, settings: Settings, style: Style,
                  sink: Callable[[str, bytes], None], folder: Path | None = None) -> None:
    """Read, prepare and render one input held in memory; each format's bytes go
    to ``sink`` as soon as they are made. A failure is recorded in ``result``, and
    the formats made before it stay delivered, as they would be on disk."""
    try:
        t0 = time.perf_counter()
        warn = _collector(result.warnings, "read")
        doc = prepare(read(data, settings.encoding, reader, warn, folder), style, settings.meta, warn)
        if settings.digest:
            doc = to_digest(doc, style, settings)
        result.seconds["read"] = round(time.perf_counter() - t0, 6)
    except KeyboardInterrupt:
        raise
    except Exception as e:  # noqa: BLE001 - every failure becomes one line for the user
        fail(result, e, settings)
        return
    render_all(doc, settings, style, result, sink)


def convert(job: Job, settings: Settings) -> Result:
    result = Result(job.label)
    try:
        style = load_style(settings.style)
        data, reader = load_source(job.source, settings.source_format)
    except Exception as e:  # noqa: BLE001
        fail(result, e, settings)
        return result

    def sink(fmt: str, out: bytes) -> None:
        deliver(fmt, out, job.stem, settings, result)

    folder = None if job.source == "-" else Path(job.source).parent  # where its images may be read
    convert_bytes(result, data, reader, settings, style, sink, folder)
    return result


def bundle(jobs: list[Job], title: str, settings: Settings) -> tuple[Result, list[Result]]:
    """Read every input into one briefing; failing inputs are reported and left out."""
    style = load_style(settings.style)
    articles: list[Article] = []
    failures: list[Result] = []
    for job in jobs:
        try:
            doc = read_source(job.source, settings.encoding, settings.source_format)
            articles.extend(articles_of(doc))
        except Exception as e:  # noqa: BLE001
            failures.append(Result(job.label, error=_friendly(e)))
    result = Result(title)
    try:
        if not articles:
            raise InputError("no article could be read for the bundle")
        doc = prepare(Briefing(title=title, articles=tuple(articles)), style, settings.meta,
                      _collector(result.warnings, "read"))
        if settings.digest:
            doc = to_digest(doc, style, settings)

        def sink(fmt: str, out: bytes) -> None:
            deliver(fmt, out, Path(slug(title)), settings, result)

        render_all(doc, settings, style, result, sink)
    except Exception as e:  # noqa: BLE001
        fail(result, e, settings)
    return result, failures


DIGEST_TITLE = "Điểm báo"


def to_digest(doc: Document, style: Style, settings: Settings) -> Briefing:
    """The điểm báo of a prepared document: its articles reduced to entries. A
    single article's review is titled "Điểm báo" and dated as the article is."""
    from bantin.digest.build import build

    meta = dict(settings.meta)
    if isinstance(doc, Briefing):
        title, date, issuer = doc.title, doc.date, doc.issuer
    else:
        title, date, issuer = DIGEST_TITLE, meta.get("date") or doc.date, meta.get("issuer")
    b = build(articles_of(doc), title, date=date, issuer=issuer, points=style.digest.points,
              budget=style.digest.words, group_by=settings.group_by)
    linked = autolink.apply(b)  # the points are plain words again: their addresses become links once more
    assert isinstance(linked, Briefing)
    return replace(linked, number=doc.number, place=doc.place) if isinstance(doc, Briefing) else linked


def slug(text: str) -> str:
    base = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_ = "".join(c for c in base if c.isascii() and (c.isalnum() or c in " -_"))
    return "-".join(ascii_.lower().split())[:80] or "briefing"
