"""The Python API: what ``bantin export`` does, as functions.

These are the names ``bantin/__init__.py`` makes public. Each imports the
machinery it needs when it is called, so that ``import bantin`` (and
``bantin --help``) stays light.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bantin.errors import BantinError, BantinWarning, ExportError, InputError, UsageError
from bantin.model import Article, Briefing, Document

if TYPE_CHECKING:
    from bantin.exporters import Exporter
    from bantin.run.report import Report
    from bantin.style.stylesheet import Style

def load_style(name_or_path: str | os.PathLike[str] | Style) -> Style:
    """A shipped style sheet by name (``"default"``, ``"nd30"``) or a TOML file by
    path, with its ``extends`` chain resolved; a loaded ``Style`` is returned as is.
    Raises ``StyleError`` naming the file and the key when the sheet is wrong."""
    from bantin.style.stylesheet import Style, load

    if isinstance(name_or_path, Style):
        return name_or_path
    return load(os.fspath(name_or_path))


def formats() -> dict[str, Exporter]:
    """Every installed output format by name, built-in and plug-in."""
    from bantin.exporters import registry

    return dict(registry())


def styles() -> dict[str, Style]:
    """The shipped style sheets by name."""
    from bantin.style.stylesheet import load, shipped

    return {name: load(name) for name in shipped()}


def read(
    source: str | bytes | os.PathLike[str],
    *,
    source_format: str | None = None,
    encoding: str = "auto",
    base_dir: str | os.PathLike[str] | None = None,
    style: str | os.PathLike[str] | Style = "default",
    warn: Callable[[str], None] | None = None,
) -> Article | Briefing:
    """Read one input into the canonical model, with the style's typography applied.

    ``source`` is a path (``pathlib.Path`` or any ``os.PathLike``), the bytes of a
    file, or its text as ``str``. A path's extension picks the reader (``.txt``
    newsroom text, ``.json`` canonical JSON, ``.md``, ``.docx``, ``.html``); for
    bytes and text the content decides. ``source_format`` overrides both.
    ``encoding`` is ``"auto"`` (UTF-8, else a clearly detected TCVN3, VNI,
    VISCII or cp1258), ``"tcvn3"``, ``"vni"``, ``"viqr"``, ``"viscii"`` or any
    codec Python knows.
    ``base_dir`` is the folder images are read from (by default a path's own
    folder; for bytes, none). ``warn`` hears what a reader refused or detected.
    Raises ``InputError`` for an input that cannot become an article.
    """
    from bantin.run.names import shown
    from bantin.run.convert import load_source, prepare
    from bantin.source import codec
    from bantin.source import read as read_bytes

    enc = codec(encoding)
    fmt = source_format
    folder = Path(base_dir) if base_dir is not None else None
    if base_dir is not None and not Path(base_dir).is_dir():
        raise UsageError(f"base_dir is not a folder: {os.fspath(base_dir)}")
    if isinstance(source, os.PathLike):
        # The same rules as the command line: regular files only, at most 50 MB.
        name = shown(os.fspath(source))
        try:
            data, fmt = load_source(os.fspath(source), source_format)
            folder = folder or Path(os.fspath(source)).parent
        except InputError as e:
            raise InputError(f"{name}: {e}") from None
        except OSError as e:
            raise InputError(f"{name}: {e.strerror or e}") from None
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, str):
        try:
            data = source.encode("utf-8")
        except UnicodeEncodeError as e:
            raise InputError(f"text holds a lone surrogate at offset {e.start}") from None
        enc = None
    else:
        raise TypeError(f"source must be a path, bytes or str, not {type(source).__name__}")
    return prepare(read_bytes(data, enc, fmt, warn, folder), load_style(style), warn=warn)


def export(
    doc: Document,
    fmt: str,
    *,
    style: str | os.PathLike[str] | Style = "default",
    warn: Callable[[str], None] | None = None,
) -> bytes:
    """The bytes of ``doc`` in format ``fmt`` (any name ``formats()`` lists).

    ``doc`` is written as given: documents from ``read`` already carry their
    typography. ``warn`` receives each warning as one line; without it, each is
    issued as a ``BantinWarning`` through the ``warnings`` module. Raises
    ``ExportError`` when the document cannot be written in this format, and
    ``StyleError`` when the style's fonts cannot be used. Safe to call from several
    threads at once.
    """
    if not isinstance(doc, (Article, Briefing)):
        raise TypeError(f"doc must be an Article or a Briefing, not {type(doc).__name__}")
    from bantin.model.dates import source_date_epoch

    source_date_epoch()  # a bad value is a UsageError here, not an internal error in a writer
    table = formats()
    if fmt not in table:
        raise UsageError(f"unknown format {fmt!r} (known: {', '.join(table)})")
    st = load_style(style)

    def default_warn(msg: str) -> None:
        warnings.warn(msg, BantinWarning, stacklevel=5)

    from bantin.model.sanitize import sanitize

    warn = warn or default_warn
    try:
        # A document built by hand may hold characters no format can carry;
        # read() has already removed them from its documents.
        return table[fmt].write(sanitize(doc, warn), st, warn)
    except BantinError:
        raise
    except RecursionError:
        raise ExportError("the document is too deeply nested to write") from None
    except Exception as e:  # noqa: BLE001 - the API promises BantinError; the cause stays chained
        from bantin.run.convert import one_line

        raise ExportError(one_line(f"internal error in the {fmt} exporter: {type(e).__name__}: {e}")) from e


def convert(
    inputs: Iterable[str | os.PathLike[str]],
    formats: str | Sequence[str],
    out_dir: str | os.PathLike[str] | None = "dist",
    *,
    style: str | os.PathLike[str] = "default",
    encoding: str = "auto",
    source_format: str | None = None,
    meta: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    bundle: str | None = None,
    jobs: int = 1,
    incremental: bool = False,
    shard: tuple[int, int] | None = None,
    fail_fast: bool = False,
    report: str | os.PathLike[str] | None = None,
    on_message: Callable[[str], None] | None = None,
    quiet: bool = False,
    collect: bool = True,
    progress: bool = False,
    scheduler: str | None = None,
    batch_size: int = 50,
    debug: bool = False,
    digest: bool = False,
    group_by: str | None = None,
) -> Report:
    """What ``bantin export`` does: convert files and folders to files.

    ``inputs`` are files, folders (converted recursively, the tree mirrored under
    ``out_dir``) or ``"-"`` for standard input. ``formats`` is a name, a comma list
    or ``"all"``. ``out_dir`` ``None`` (or ``"-"``) writes the one document to
    standard output. ``meta`` overrides ``title``, ``date``, ``outlet``, ``byline``
    or ``issuer``. ``bundle`` makes one briefing with that title. ``jobs`` is the
    number of processes. ``incremental`` skips inputs unchanged since the last run
    into ``out_dir``; ``shard=(i, n)`` converts the i-th of n stable shares;
    ``report`` also writes the returned data as JSON to that path. ``digest``
    makes the điểm báo instead of whole articles (one review with ``bundle``, else
    one per input); ``group_by`` ("outlet" or "tag") groups its entries.

    A failing input does not raise: it is reported in the returned ``Report``
    (and as a line to ``on_message``), and the other inputs still convert.
    Options that do not fit raise ``UsageError``; a bad style raises ``StyleError``.
    ``collect=False`` keeps only the counts in the returned report, so memory
    stays flat over any number of inputs.

    ``scheduler`` sends the work to a Dask cluster instead of local processes: a
    scheduler's address (``"tcp://host:8786"``) or ``"local"`` for a
    ``LocalCluster`` of ``jobs`` workers. Inputs travel in batches of
    ``batch_size``; it needs the ``dask`` extra. A bundle is one document and is
    always made locally.
    """
    from bantin.run import batch
    from bantin.run.convert import Settings, formats_for, parse_meta

    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    sources = tuple(os.fspath(i) for i in inputs)
    if not sources:
        raise UsageError("no inputs given")
    names = (formats,) if isinstance(formats, str) else tuple(formats)
    fmts = formats_for(names)
    if not fmts:
        raise UsageError("no output format given")
    pairs = tuple(meta.items()) if isinstance(meta, Mapping) else tuple(meta or ())
    style_ref = os.fspath(style)
    load_style(style_ref)
    if not 1 <= jobs <= 1024:
        raise UsageError(f"jobs must be between 1 and 1024, not {jobs}")
    from bantin.model.dates import source_date_epoch

    source_date_epoch()
    if bundle is not None and not bundle.strip():
        raise UsageError("--bundle needs a title")
    if scheduler is not None:
        from bantin.run import cluster

        if not cluster.available():
            raise UsageError(cluster.EXTRA)
    if not 1 <= batch_size <= 100_000:
        raise UsageError(f"batch_size must be between 1 and 100000, not {batch_size}")
    if group_by not in (None, "outlet", "tag"):
        raise UsageError(f"group_by must be outlet or tag, not {group_by!r}")
    if group_by is not None and not digest:
        raise UsageError("--group-by groups the entries of a --digest")
    if shard is not None and not (len(shard) == 2 and 1 <= shard[0] <= shard[1]):
        raise UsageError(f"shard must be (i, n) with 1 <= i <= n, not {shard!r}")
    to_stdout = out_dir is None or os.fspath(out_dir) == "-"
    from bantin.source import check_reader, codec

    check_reader(source_format)
    settings = Settings(
        formats=fmts, style=style_ref, encoding=codec(encoding),
        source_format=source_format, meta=parse_meta(pairs),
        out_dir=None if to_stdout else Path(os.fspath(out_dir)),  # type: ignore[arg-type]
        debug=debug, digest=digest, group_by=group_by,
    )
    opts = batch.Options(
        jobs=jobs, quiet=quiet, fail_fast=fail_fast, report=Path(report) if report else None,
        incremental=incremental and not to_stdout, shard=shard, bundle_title=bundle,
        collect=collect, progress=progress, scheduler=scheduler, batch_size=batch_size,
    )
    return batch.run(sources, settings, opts, on_message or (lambda _msg: None))
