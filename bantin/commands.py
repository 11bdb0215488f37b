"""What each command does once ``cli`` has parsed its options.

Apart from ``cli`` so that ``bantin --help`` and ``--version`` import none of the
pipeline (readers, rules, digest, settings: some 60 modules and their compiled
patterns): ``cli`` loads this module when a command runs, as a writer package
loads its implementation when the first document is written. ``say`` writes
one message line to stderr; stdout carries documents only.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import click

from bantin import api
from bantin.digest.build import explain
from bantin.errors import StyleError, UsageError
from bantin.model.serialize import dumps
from bantin.run.convert import friendly
from bantin.run.names import shown
from bantin.run.settings import split_meta
from bantin.source import files

Say = Callable[[str], None]


def export(say: Say, inputs: Sequence[str], formats: Sequence[str], out: str, *, meta: Sequence[str],
           jobs: int | None, **options: Any) -> NoReturn:
    """Convert, and exit 0 when every input converted, else 1. ``options`` are
    ``bantin.convert``'s, as the command line names them."""
    if out == "-" and getattr(sys.stdout, "buffer", None) is None:
        raise click.UsageError("-o -: standard output is closed")
    try:
        result = api.convert(inputs, formats, out, meta=split_meta(meta),
                             jobs=(os.cpu_count() or 1) if jobs is None else jobs, on_message=say,
                             collect=False, progress=True, **options)
    except (UsageError, StyleError) as e:
        raise click.UsageError(str(e)) from None
    except BrokenPipeError:
        stdout_closed(say)
    sys.exit(0 if result.ok else 1)


def inspect(say: Say, file: str, *, encoding: str, source_format: str | None, style: str, raw: bool,
            digest: bool, debug: bool) -> None:
    """Print FILE's canonical JSON, or its digest entry with each point's reasons."""

    def warn(msg: str) -> None:
        say(f"bantin: warning: {shown(file)}: {msg}")

    try:
        sheet = api.load_style(style)
        data, fmt = files.load(file, source_format)
        doc = api.read(data, source_format=fmt, encoding=encoding, base_dir=files.folder_of(file), style=sheet,
                       warn=warn, typography=not raw, name=files.name_of(file))
        text = explain(doc, sheet.digest) if digest else dumps(doc)
    except (StyleError, UsageError) as e:
        raise click.UsageError(str(e)) from None
    except Exception as e:  # noqa: BLE001 - one line for the user, the traceback only under --debug
        if debug:
            raise
        say(f"bantin: error: {shown(file)}: {friendly(e)}")
        sys.exit(1)
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        stdout_closed(say)


def formats() -> None:
    for name, exp in api.formats().items():
        click.echo(f"{name:<8} {exp.extension:<7} {exp.description}")


def styles() -> None:
    for name, sheet in api.styles().items():
        click.echo(f"{name:<10} {sheet.description}")


def stdout_closed(say: Say) -> NoReturn:
    """The reader of standard output went away (`bantin … -o - | head`). Point
    stdout at /dev/null so that Python's final flush cannot fail as well."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    say("bantin: error: standard output was closed before the document was written")
    sys.exit(1)
