"""The Python API: what ``bantin export`` does, as functions.

These are the names ``bantin/__init__.py`` makes public. The command line calls
them too: there is one read path (``read``) and one conversion path (``convert``,
which builds one ``Settings``, checked once, and hands it to ``bantin.run``).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from bantin.errors import ArgumentError, BantinError, BantinWarning, ExportError, InputError, UsageError
from bantin.exporters import Exporter, RenderContext, registry
from bantin.model import Article, Briefing, Document
from bantin.model.sanitize import sanitize
from bantin.nearest import hint
from bantin.prepare import prepare
from bantin.run import batch
from bantin.run.convert import one_line
from bantin.run.names import shown, visible
from bantin.run.report import Report
from bantin.run.settings import MAX_EPOCH, TYPESET, Settings, source_date_epoch
from bantin.source import codec, files
from bantin.source import read as read_bytes
from bantin.source.decode import check_encoding
from bantin.style.fonts import check as check_fonts
from bantin.style.stylesheet import Style, load, shipped


def load_style(name_or_path: str | os.PathLike[str] | Style) -> Style:
    """A shipped style sheet by name (``"default"``, ``"nd30"``) or a TOML file by
    path, with its ``extends`` chain resolved; a loaded ``Style`` is returned as is.
    A sheet is read again when its file (or one it extends) changes. Raises
    ``StyleError`` naming the file and the key when the sheet is wrong."""
    if isinstance(name_or_path, Style):
        return name_or_path
    if not isinstance(name_or_path, (str, os.PathLike)):
        raise UsageError(f"style must be a name, a path or a Style, not {type(name_or_path).__name__}")
    return load(os.fspath(name_or_path))


def formats() -> dict[str, Exporter]:
    """Every installed output format by name, built-in and plug-in."""
    return dict(registry())


def styles() -> dict[str, Style]:
    """The shipped style sheets by name."""
    return {name: load(name) for name in shipped()}


def _names_a_file(text: str) -> bool:
    """Is ``text`` one short line that names a file that exists?"""
    if len(text) > 4096 or "\n" in text or "\x00" in text or not text.strip():
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _callable(what: str, f: object) -> None:
    if f is not None and not callable(f):
        raise ArgumentError(f"{what} must be a function of one message, not {type(f).__name__}")


def read(
    source: str | bytes | os.PathLike[str],
    *,
    source_format: str | None = None,
    encoding: str = "auto",
    base_dir: str | os.PathLike[str] | None = None,
    style: str | os.PathLike[str] | Style = "default",
    warn: Callable[[str], None] | None = None,
    typography: bool = True,
    name: str | None = None,
) -> Article | Briefing:
    """Read one input into the canonical model, with the style's typography applied.

    ``source`` is a path (``pathlib.Path`` or any ``os.PathLike``), the bytes of a
    file, or its text as ``str`` (a ``str`` that only names an existing file is
    still text, with a warning). A path's extension picks the reader (``.txt``
    newsroom text, ``.json`` canonical JSON, ``.md``, ``.docx``, ``.html``); for
    bytes and text the content decides. ``source_format`` overrides both.
    ``encoding`` is ``"auto"`` (UTF-8, else a clearly detected TCVN3, VNI,
    VISCII or cp1258), ``"tcvn3"``, ``"vni"``, ``"viqr"``, ``"viscii"`` or any
    codec Python knows.
    ``base_dir`` is the folder images are read from (by default a path's own
    folder; for bytes, none). ``warn`` hears what a reader refused or detected.
    ``name`` is the file name of bytes or text, for a reader that takes a title or
    a date from it (a path gives its own). ``typography=False`` gives the model as read (characters no output may carry
    are still removed). Raises ``InputError`` for an input that cannot become an
    article.
    """
    if not isinstance(encoding, str):
        raise UsageError(f"encoding must be a string, not {type(encoding).__name__}")
    if source_format is not None and not isinstance(source_format, str):
        raise UsageError(f"source_format must be a string, not {type(source_format).__name__}")
    if base_dir is not None and not isinstance(base_dir, (str, os.PathLike)):
        raise ArgumentError(f"base_dir must be a path, not {type(base_dir).__name__}")
    _callable("warn", warn)
    if name is not None and not isinstance(name, str):
        raise ArgumentError(f"name must be a file name, not {type(name).__name__}")
    enc = codec(encoding)
    fmt = source_format
    name_hint = name
    folder = Path(base_dir) if base_dir is not None else None
    if base_dir is not None and not Path(base_dir).is_dir():
        raise UsageError(f"base_dir is not a folder: {os.fspath(base_dir)}")
    if isinstance(source, os.PathLike):
        # The same rules as the command line: regular files only, at most 50 MB.
        name = shown(os.fspath(source))
        try:
            data, fmt = files.load(os.fspath(source), source_format)
            folder = folder or Path(os.fspath(source)).parent
            name_hint = Path(os.fspath(source)).name
        except InputError as e:
            raise InputError(f"{name}: {e}") from None
        except OSError as e:
            raise InputError(f"{name}: {e.strerror or e}") from None
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, str):
        if _names_a_file(source):
            # Text is the documented meaning of a str; a lone file name is almost
            # always a path that was meant (and would become an article titled so).
            said = (f"{shown(source)} is read as the text of an article, not as the file it names: "
                    "pass pathlib.Path(...) to read the file")
            if warn is None:
                warnings.warn(said, BantinWarning, stacklevel=2)  # at the caller's line
            else:
                warn(said)
        try:
            data = source.encode("utf-8")
        except UnicodeEncodeError as e:
            raise InputError(f"text holds a lone surrogate at offset {e.start}") from None
        enc = None
    else:
        raise ArgumentError(f"source must be a path, bytes or str, not {type(source).__name__}")
    st = load_style(style)
    doc = read_bytes(data, enc, fmt, warn, folder, name=name_hint, outlets=dict(st.outlets))
    return prepare(doc, st, warn=warn) if typography else sanitize(doc, warn)


def export(
    doc: Document,
    fmt: str,
    *,
    style: str | os.PathLike[str] | Style = "default",
    warn: Callable[[str], None] | None = None,
    epoch: int | None = None,
) -> bytes:
    """The bytes of ``doc`` in format ``fmt`` (any name ``formats()`` lists).

    ``doc`` is written as given: documents from ``read`` already carry their
    typography. ``warn`` receives each warning as one line; without it, each is
    issued as a ``BantinWarning`` through the ``warnings`` module. ``epoch`` fixes
    every timestamp (seconds since 1970); by default ``SOURCE_DATE_EPOCH`` does, when
    set. Raises ``ExportError`` when the document cannot be written in this format,
    and ``StyleError`` when the style's fonts cannot be used. Safe to call from
    several threads at once.
    """
    _callable("warn", warn)
    if not isinstance(doc, (Article, Briefing)):
        raise ArgumentError(f"doc must be an Article or a Briefing, not {type(doc).__name__}")
    if epoch is None:
        epoch = source_date_epoch()  # a bad value is a UsageError here, not an internal error in a writer
    elif not isinstance(epoch, int) or isinstance(epoch, bool) or not 0 <= epoch <= MAX_EPOCH:
        raise UsageError(f"epoch must be a whole number of seconds from 1970 to 9999, not {epoch!r}")
    table = registry()
    if not isinstance(fmt, str):
        raise ArgumentError(f"fmt must be a format's name, not {type(fmt).__name__}")
    if fmt not in table:
        raise UsageError(f"unknown format {fmt!r} (known: {', '.join(table)}){hint(fmt, table)}")
    st = load_style(style)
    if fmt in TYPESET:
        # The same answer from every format for one sheet, as a run gives
        # (``fonts.check``): a code face without Vietnamese is refused for a PDF
        # of a document without code too, since the DOCX needs it regardless.
        check_fonts(st)

    def default_warn(msg: str) -> None:
        warnings.warn(msg, BantinWarning, stacklevel=5)

    ctx = RenderContext(st, warn or default_warn, epoch)
    try:
        # A document built by hand may hold characters no format can carry;
        # read() has already removed them from its documents.
        return table[fmt].render(sanitize(doc, ctx.warn), ctx)
    except BantinError:
        raise
    except RecursionError:
        raise ExportError("the document is too deeply nested to write") from None
    except Exception as e:  # noqa: BLE001 - the API promises BantinError; the cause stays chained
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
    batch_size: int | None = None,
    debug: bool = False,
    digest: bool = False,
    group_by: str | None = None,
    overwrite: bool = False,
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
    (and as a line to ``on_message``, where control and bidirectional characters
    are written escaped), and the other inputs still convert.
    Options that do not fit raise ``UsageError``; a bad style raises ``StyleError``.
    ``collect=False`` keeps only the counts in the returned report, so memory
    stays flat over any number of inputs. No output ever replaces a named input;
    an existing file bantin did not write inside an input folder is replaced only
    with ``overwrite=True`` (otherwise the run is refused before anything is
    written), and nothing is written through a symlinked folder in ``out_dir``.
    A Word output somebody saved since bantin wrote it fails its input unless
    ``overwrite=True``.

    ``scheduler`` sends the work to a Dask cluster instead of local processes: a
    scheduler's address (``"tcp://host:8786"``) or ``"local"`` for a
    ``LocalCluster`` of ``jobs`` workers. Inputs travel in batches of
    ``batch_size`` (50 by default; only with a scheduler); it needs the ``dask``
    extra. A bundle is one document and is always made locally.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if not isinstance(inputs, Iterable):
        raise UsageError(f"inputs must be paths, not {type(inputs).__name__}")
    paths = list(inputs)
    if not all(isinstance(i, (str, os.PathLike)) for i in paths):
        raise UsageError("inputs must be paths (str or os.PathLike)")
    sources = tuple(os.fspath(i) for i in paths)
    if not sources:
        raise UsageError("no inputs given")
    _callable("on_message", on_message)
    if isinstance(encoding, str):
        try:
            check_encoding(encoding)
        except InputError as e:  # one UsageError for the run, not one failure per input
            raise UsageError(str(e)) from None
    settings = Settings.make(
        formats, out_dir, style=style, encoding=encoding, source_format=source_format, meta=meta, bundle=bundle,
        jobs=jobs, incremental=incremental, shard=shard, fail_fast=fail_fast, report=report, quiet=quiet,
        collect=collect, progress=progress, scheduler=scheduler, batch_size=batch_size, debug=debug,
        digest=digest, group_by=group_by, overwrite=overwrite,
    )
    say = on_message or (lambda _msg: None)
    # Each message is a line to print: what it quotes of an input is shown escaped
    # where a terminal would obey it (ESC, U+202E); the report keeps it as it is.
    return batch.run(sources, settings, lambda msg: say(visible(msg)))
