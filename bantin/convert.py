"""From inputs to files: read, apply meta and typography once, run the exporters.

The CLI and the benchmark both drive this module. A job is one input; its result
says what was written (with sizes and hashes), what was warned and why it failed.
Nothing here prints: messages go back to the caller, which owns stderr.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
import traceback
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date as _date
from pathlib import Path

from bantin.exporters import ExportError, registry
from bantin.fonts import FontError
from bantin.model import Article, Briefing, Document, Outlet, articles_of
from bantin.output import write_atomic
from bantin.source import InputError, read
from bantin.styles import Style, StyleError
from bantin.styles import load as load_style
from bantin.typography import apply as apply_typography

META_KEYS = ("title", "date", "outlet", "byline", "issuer")
INPUT_SUFFIXES = (".txt", ".json")


class UsageError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    formats: tuple[str, ...]
    style: str = "default"
    encoding: str | None = None
    meta: tuple[tuple[str, str], ...] = ()
    out_dir: Path | None = Path("dist")  # None: write the one document to stdout
    debug: bool = False


@dataclass(frozen=True)
class Job:
    source: str  # a path, or "-" for standard input
    stem: Path  # output path without extension, relative to the output folder
    label: str  # how messages name the input


@dataclass
class Result:
    label: str
    outputs: list[dict[str, object]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: bool = False
    stdout: bytes | None = None


def parse_meta(pairs: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    out = []
    for p in pairs:
        key, sep, value = p.partition("=")
        key = key.strip().lower()
        if not sep or key not in META_KEYS:
            raise UsageError(f"-M takes KEY=VALUE with KEY one of {', '.join(META_KEYS)}: {p!r}")
        if key == "date" and value:
            try:
                _date.fromisoformat(value[:10])
            except ValueError:
                raise UsageError(f"-M date must be ISO 8601 (YYYY-MM-DD), not {value!r}") from None
        out.append((key, value.strip()))
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
        changes: dict[str, object] = {k: m[k] or None for k in ("date", "issuer") if k in m}
        if "title" in m:
            changes["title"] = m["title"]
        return replace(doc, **changes)  # type: ignore[arg-type]
    return _override_article(doc, m)


def prepare(doc: Document, style: Style, meta: tuple[tuple[str, str], ...] = ()) -> Document:
    doc = apply_meta(doc, meta)
    doc = apply_typography(doc, style.typography, style.tone_marks)
    for a in articles_of(doc):
        if not a.title.strip():
            raise InputError("the article has no title")
    return doc


def read_source(source: str, encoding: str | None) -> Document:
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(source)
        if not p.exists():
            raise InputError("no such file")
        if p.is_dir():
            raise InputError("is a folder")
        data = p.read_bytes()
    return read(data, encoding)


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
    if isinstance(e, (InputError, ExportError, FontError, StyleError, UsageError)):
        return str(e)
    if isinstance(e, OSError):
        return e.strerror or str(e)
    if isinstance(e, RecursionError):
        return "the input is too deeply nested to convert"
    if isinstance(e, MemoryError):
        return "out of memory converting this input"
    return f"internal error: {type(e).__name__}: {e}"


def export_document(doc: Document, stem: Path, settings: Settings, style: Style, result: Result) -> None:
    table = registry()
    for fmt in settings.formats:
        exp = table[fmt]
        t0 = time.perf_counter()
        data = exp.write(doc, style, lambda msg, f=fmt: result.warnings.append(f"{f}: {msg}"))
        result.seconds[fmt] = round(time.perf_counter() - t0, 6)
        if settings.out_dir is None:
            result.stdout = data
            continue
        path = settings.out_dir / stem.with_name(stem.name + exp.extension)
        write_atomic(path, data)
        result.outputs.append(
            {
                "format": fmt,
                "path": str(path),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )


def convert(job: Job, settings: Settings) -> Result:
    result = Result(job.label)
    try:
        style = load_style(settings.style)
        t0 = time.perf_counter()
        doc = prepare(read_source(job.source, settings.encoding), style, settings.meta)
        result.seconds["read"] = round(time.perf_counter() - t0, 6)
        export_document(doc, job.stem, settings, style, result)
    except KeyboardInterrupt:
        raise
    except Exception as e:  # noqa: BLE001 - every failure becomes one line for the user
        result.error = _friendly(e)
        if settings.debug:
            result.error += "\n" + traceback.format_exc()
    return result


def bundle(jobs: list[Job], title: str, settings: Settings) -> tuple[Result, list[Result]]:
    """Read every input into one briefing; failing inputs are reported and left out."""
    style = load_style(settings.style)
    articles: list[Article] = []
    failures: list[Result] = []
    for job in jobs:
        try:
            doc = read_source(job.source, settings.encoding)
            articles.extend(articles_of(doc))
        except Exception as e:  # noqa: BLE001
            failures.append(Result(job.label, error=_friendly(e)))
    result = Result(title)
    try:
        if not articles:
            raise InputError("no article could be read for the bundle")
        doc = prepare(Briefing(title=title, articles=tuple(articles)), style, settings.meta)
        export_document(doc, Path(slug(title)), settings, style, result)
    except Exception as e:  # noqa: BLE001
        result.error = _friendly(e)
        if settings.debug:
            result.error += "\n" + traceback.format_exc()
    return result, failures


def slug(text: str) -> str:
    base = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_ = "".join(c for c in base if c.isascii() and (c.isalnum() or c in " -_"))
    return "-".join(ascii_.lower().split())[:80] or "briefing"


def _walk(root: Path) -> Iterator[Path]:
    """Files under root in a stable order, without listing the whole tree first."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not d.endswith(".egg-info"))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in INPUT_SUFFIXES:
                yield Path(folder, name)


def collect(inputs: tuple[str, ...]) -> Iterator[Job]:
    """Expand folders recursively; output paths mirror each folder's tree. A
    generator, so that an archive of any size is never held in memory at once."""
    for src in inputs:
        if src == "-":
            yield Job("-", Path("stdin"), "<stdin>")
            continue
        p = Path(src)
        if p.is_dir():
            for f in _walk(p):
                yield Job(str(f), f.relative_to(p).with_suffix(""), str(f))
        else:
            yield Job(src, Path(p.stem or "stdin"), src)
