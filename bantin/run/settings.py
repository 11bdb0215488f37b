"""Everything a run is asked to do, in one object, checked once.

The command line and the API both build ``Settings`` with ``Settings.make``; every
option is validated there and nowhere else, and the rest of ``bantin.run`` trusts
it. The environment is read here, at the edge, and only here: the
``SOURCE_DATE_EPOCH`` of the process becomes ``Settings.epoch``, which travels to
every writer (and to Dask workers) as data.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

from bantin._version import __version__
from bantin.errors import UsageError
from bantin.exporters import registry
from bantin.model.dates import iso_date_ok
from bantin.nearest import hint
from bantin.source import check_reader, codec
from bantin.style.fonts import check as check_fonts
from bantin.style.stylesheet import load as load_style

# The last three end an administrative document: who signs, their authority and office
# ("KT. GIÁM ĐỐC; PHÓ GIÁM ĐỐC") and the recipients ("Như trên; Lưu: VT"), lines parted by ";".
META_KEYS = ("title", "date", "outlet", "byline", "issuer", "number", "place", "signer", "signer_title", "recipients",
             "signed")
MAX_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last second a four-digit year can name
GROUPS = ("outlet", "tag")
BATCH_SIZE = 50  # inputs per Dask task, by default: the scheduler's overhead is per task
DASK_EXTRA = 'the Dask backend needs the dask extra: pip install "bantin[dask]"'
# The built-in formats that set type in the sheet's body, heading and code faces. txt
# and json draw no font, and a plug-in's format says nothing of its fonts: a run for
# those alone is never stopped by a font it does not use.
TYPESET = frozenset({"pdf", "docx", "epub"})


def dask_available() -> bool:
    return importlib.util.find_spec("distributed") is not None


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (reproducible builds), read and checked once at the
    edge: every timestamp in every format comes from it. Unset or empty is None;
    anything but a whole number of seconds from 1970 to 9999 is a usage error."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    # ASCII digits only, as the specification says: int() would also read "١٢٣".
    if not (raw.isascii() and raw.isdigit()) or int(raw) > MAX_EPOCH:
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {raw[:30]!r}")
    return int(raw)


def split_meta(args: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``-M KEY=VALUE`` arguments into pairs."""
    out = []
    for a in args:
        key, sep, value = a.partition("=")
        if not sep:
            raise UsageError(f"-M takes KEY=VALUE with KEY one of {', '.join(META_KEYS)}: {a!r}")
        out.append((key, value))
    return tuple(out)


def parse_meta(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    out = []
    for key, value in pairs:
        key, value = str(key).strip().lower(), str(value).strip()
        if key not in META_KEYS:
            raise UsageError(f"meta key must be one of {', '.join(META_KEYS)}, not {key!r}{hint(key, META_KEYS)}")
        if key == "date" and value and not iso_date_ok(value):
            raise UsageError(f"-M date must be a real day in ISO 8601, YYYY-MM-DD (a time may follow), or a draft's "
                             f"month or year alone (YYYY-MM, YYYY), not {value!r}")
        out.append((key, value))
    return tuple(out)


ALL = ("pdf", "docx", "epub", "txt")  # what "all" means


def formats_for(names: Sequence[str]) -> tuple[str, ...]:
    table = registry()
    out: list[str] = []
    for n in names:
        for part in n.split(","):
            part = part.strip().lower()
            if part == "all":
                # The four the help names, whatever plug-ins are installed: a CI job
                # that asks for "all" gets the same files after someone's pip install.
                out += [f for f in ALL if f in table]
            elif part in table:
                out.append(part)
            else:
                raise UsageError(f"unknown format {part!r} (known: {', '.join(table)}, all){hint(part, table)}")
    return tuple(dict.fromkeys(out))


def _int(name: str, value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise UsageError(f"{name} must be a whole number between {low} and {high}, not {value!r}"[:200])
    return value


def _str(name: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{name} must be a string, not {type(value).__name__}")
    return value


def _pairs(meta: object) -> tuple[tuple[str, str], ...]:
    """``meta`` as (key, value) pairs: a mapping, or an iterable of pairs."""
    pairs = tuple(meta.items()) if isinstance(meta, Mapping) else meta if meta is not None else ()
    if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Iterable):
        raise UsageError(f"meta must be a mapping or (key, value) pairs, not {type(meta).__name__}")
    out = tuple(pairs)
    if not all(isinstance(p, (tuple, list)) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in out):
        raise UsageError("meta must be a mapping or (key, value) pairs of strings")
    return tuple((p[0], p[1]) for p in out)


def _scheduler(address: str | None) -> str | None:
    """``local``, or a scheduler's address: tcp:// or tls://, a host and a port."""
    if address is None:
        return None
    if address != "local":
        try:
            parts = urlsplit(address)
            port = parts.port
        except ValueError:
            parts, port = None, None
        if parts is None or parts.scheme not in ("tcp", "tls") or not parts.hostname or port is None:
            raise UsageError(f"--scheduler takes local or an address such as tcp://host:8786, not {address[:80]!r}")
    if not dask_available():
        raise UsageError(DASK_EXTRA)
    return address


@dataclass(frozen=True)
class Settings:
    """One run's options. Build it with ``make``, which checks every value."""

    formats: tuple[str, ...]
    style: str = "default"
    encoding: str | None = None  # None: UTF-8, else a clearly detected legacy encoding
    source_format: str | None = None  # None: the extension decides
    meta: tuple[tuple[str, str], ...] = ()
    out_dir: Path | None = Path("dist")  # None: write the one document to stdout
    debug: bool = False
    digest: bool = False  # the điểm báo instead of whole articles
    group_by: str | None = None
    bundle: str | None = None  # one briefing of all inputs, with this title
    jobs: int = 1
    quiet: bool = False
    fail_fast: bool = False
    report: Path | None = None
    incremental: bool = False
    shard: tuple[int, int] | None = None
    collect: bool = True  # keep every input's entry in the returned Report
    progress: bool = False  # a progress bar, when stderr is a terminal
    scheduler: str | None = None  # a Dask scheduler's address, or "local"; None: the process pool
    batch_size: int = BATCH_SIZE  # inputs per Dask task
    epoch: int | None = None  # SOURCE_DATE_EPOCH, read at the edge
    overwrite: bool = False  # replace existing input-format files in input folders (never a named input)
    shared: bool = False  # the output folder holds an input folder or lies in one: note each output (run.owned)

    @classmethod
    def make(
        cls,
        formats: str | Sequence[str],
        out_dir: str | os.PathLike[str] | None = "dist",
        *,
        style: str | os.PathLike[str] = "default",
        encoding: str | None = "auto",
        source_format: str | None = None,
        meta: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
        bundle: str | None = None,
        jobs: int = 1,
        incremental: bool = False,
        shard: tuple[int, int] | None = None,
        fail_fast: bool = False,
        report: str | os.PathLike[str] | None = None,
        quiet: bool = False,
        collect: bool = True,
        progress: bool = False,
        scheduler: str | None = None,
        batch_size: int | None = None,
        debug: bool = False,
        digest: bool = False,
        group_by: str | None = None,
        epoch: int | None = None,
        overwrite: bool = False,
    ) -> Settings:
        """Check every option once; raise ``UsageError`` (or ``StyleError`` for a
        bad sheet, or for a font of it that a format asked for cannot use) naming
        the first that does not fit. ``epoch`` None reads ``SOURCE_DATE_EPOCH``."""
        names = (formats,) if isinstance(formats, str) else tuple(formats) if isinstance(formats, Sequence) else ()
        if not names or not all(isinstance(n, str) for n in names):
            raise UsageError("formats must be a name, a comma list or a list of names")
        fmts = formats_for(names)
        if not fmts:
            raise UsageError("no output format given")
        if not isinstance(style, (str, os.PathLike)):
            raise UsageError(f"style must be a name or a path, not {type(style).__name__}")
        style_ref = os.fspath(style)
        sheet = load_style(style_ref)
        if TYPESET.intersection(fmts):
            # Once, before any input is read: a font that cannot be used would fail
            # every input in every one of these formats, one line each.
            check_fonts(sheet)
        if encoding is not None and not isinstance(encoding, str):
            raise UsageError(f"encoding must be a string, not {type(encoding).__name__}")
        source_format = _str("source_format", source_format)
        check_reader(source_format)
        pairs = _pairs(meta)
        jobs = _int("jobs", jobs, 1, 1024)
        # An option that would do nothing is refused, not ignored: a CI job that
        # passes it believes it took effect (helper-137).
        if batch_size is not None and scheduler is None:
            raise UsageError("--batch-size sets the inputs per Dask task: it needs --scheduler")
        batch_size = _int("batch_size", BATCH_SIZE if batch_size is None else batch_size, 1, 100_000)
        epoch = source_date_epoch() if epoch is None else _int("epoch", epoch, 0, MAX_EPOCH)
        bundle = _str("bundle", bundle)
        if bundle is not None and not bundle.strip():
            raise UsageError("--bundle needs a title")
        if group_by not in (None, *GROUPS):
            raise UsageError(f"group_by must be outlet or tag, not {group_by!r}")
        if group_by is not None and not digest:
            raise UsageError("--group-by groups the entries of a --digest")
        if shard is not None and not (isinstance(shard, tuple) and len(shard) == 2
                                      and all(isinstance(x, int) for x in shard) and 1 <= shard[0] <= shard[1]):
            raise UsageError(f"shard must be (i, n) with 1 <= i <= n, not {shard!r}")
        if shard is not None and bundle is not None:
            # Each job would write the same bundle's file with its share of the articles.
            raise UsageError("--shard splits the inputs among jobs; a --bundle is one document of them all")
        scheduler = _scheduler(_str("scheduler", scheduler))
        if not isinstance(report, (str, os.PathLike, type(None))):
            raise UsageError(f"report must be a path or None, not {type(report).__name__}")
        if not isinstance(out_dir, (str, os.PathLike, type(None))):
            raise UsageError(f"out_dir must be a path or None, not {type(out_dir).__name__}")
        to_stdout = out_dir is None or os.fspath(out_dir) == "-"
        if incremental and to_stdout:
            raise UsageError("--incremental skips what an output folder already holds: it needs -o FOLDER, not -o -")
        if incremental and bundle is not None:
            # Nothing would be skipped: the bundle's one file is of every input.
            raise UsageError("--incremental skips unchanged inputs one by one; a --bundle is one document of them all")
        return cls(
            formats=fmts, style=style_ref, encoding=codec(encoding), source_format=source_format,
            meta=parse_meta(pairs), out_dir=None if to_stdout else Path(os.fspath(out_dir)),  # type: ignore[arg-type]
            debug=bool(debug), digest=bool(digest), group_by=group_by, bundle=bundle, jobs=jobs, quiet=bool(quiet),
            fail_fast=bool(fail_fast), report=Path(os.fspath(report)) if report else None,
            incremental=bool(incremental), shard=shard, collect=bool(collect),
            progress=bool(progress), scheduler=scheduler, batch_size=batch_size, epoch=epoch,
            overwrite=bool(overwrite),
        )

    def only(self, formats: tuple[str, ...] | None) -> Settings:
        """The same settings for an input converted to ``formats`` alone (with
        ``--incremental``, the formats it lacks); None: the run's own."""
        return self if formats is None else replace(self, formats=formats)

    def for_worker(self) -> Settings:
        """What a Dask worker needs: the same settings, writing nothing itself."""
        return replace(self, out_dir=None, report=None)

    def output_key(self) -> bytes:
        """Every setting an output's bytes depend on, for ``--incremental``: built
        from the whole object, so that a new option can never be forgotten here."""
        kept = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _NOT_IN_OUTPUT}
        return hashlib.sha256(repr((__version__, sorted(kept.items()))).encode()).digest()


# Settings that change how a run goes, never the bytes of an output. The formats
# choose which outputs are made, not their bytes: the manifest records each
# output's format, and a run checks its own (``manifest.stale``).
_NOT_IN_OUTPUT = frozenset({"formats", "jobs", "quiet", "fail_fast", "report", "incremental", "shard", "collect",
                            "progress", "scheduler", "batch_size", "debug", "out_dir", "overwrite", "shared"})
