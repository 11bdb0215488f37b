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
from bantin.digest.build import DIGEST_TITLE, explain
from bantin.errors import InputError, StdoutError, StyleError, UsageError
from bantin.model import Briefing, Document, articles_of
from bantin.model.serialize import dumps
from bantin.run.convert import WARNING_LIMIT, friendly, one_line
from bantin.run.names import shown, visible_json
from bantin.run.settings import split_meta
from bantin.source import files
from bantin.source.decode import check_encoding

Say = Callable[[str], None]


class Refused(click.ClickException):
    """A usage error bantin found itself (an unknown format or style, an output
    folder nothing can be made in): exit status 2, and the message alone, since
    it already says what would do. Errors of click's own parser (an unknown
    option, a missing argument) keep their pointer to --help."""

    exit_code = 2


def encoding(name: str) -> str:
    """``name`` when some input could be read in it; else a usage error (exit 2,
    nothing converted), not one error line per input."""
    try:
        check_encoding(name)
    except InputError as e:
        raise Refused(str(e)) from None
    return name


BINARY = frozenset({"pdf", "docx", "epub"})  # formats that are no text for a terminal


def export(say: Say, inputs: Sequence[str], formats: Sequence[str], out: str, *, meta: Sequence[str],
           jobs: int | None, **options: Any) -> NoReturn:
    """Convert, and exit 0 when every input converted, else 1. ``options`` are
    ``bantin.convert``'s, as the command line names them."""
    if out == "-" and getattr(sys.stdout, "buffer", None) is None:
        raise Refused("-o -: standard output is closed")
    named = {part.strip().lower() for f in formats for part in f.split(",")}
    binary = sorted(named & BINARY)
    if out == "-" and binary and sys.stdout.isatty():
        # A PDF's bytes fill a clerk's terminal with garbage and may leave it in a
        # state that needs "reset" (helper-137).
        raise Refused(f"-o -: a {binary[0]} file would be written to the terminal; redirect it "
                      f"(> bai.{binary[0]}) or give -o FOLDER")
    try:
        pairs = split_meta(meta)
        if (any(k.strip().lower() == "title" for k, _ in pairs) and options.get("bundle") is None
                and not options.get("quiet") and (len(inputs) > 1 or any(os.path.isdir(i) for i in inputs))):
            # Eighteen articles all titled alike is a slip for --bundle, not a wish (helper-141).
            say("bantin: warning: -M title gives every input the same title; --bundle TITLE titles one bundle")
        result = api.convert(inputs, formats, out, meta=pairs,
                             jobs=(os.cpu_count() or 1) if jobs is None else jobs, on_message=say,
                             collect=False, progress=True, **options)
    except (UsageError, StyleError) as e:
        raise Refused(str(e)) from None
    except (BrokenPipeError, StdoutError) as e:
        stdout_failed(say, e)
    sys.exit(0 if result.ok else 1)


def inspect(say: Say, inputs: Sequence[str], *, encoding: str, source_format: str | None, style: str, raw: bool,
            digest: bool, debug: bool) -> None:
    """Print one file's canonical JSON, or the digest entries of one or more files
    (one bundle) with each point's reasons. A file that cannot be read gets its
    line on stderr and exit status 1; the others are still shown."""
    if len(inputs) > 1 and not digest:
        raise Refused("inspect prints one file's JSON; only --digest takes several files (one bundle)")
    try:
        sheet = api.load_style(style)
    except (StyleError, UsageError) as e:
        raise Refused(str(e)) from None
    read: list[tuple[str, Document]] = []
    for file in inputs:
        def warn(msg: str, file: str = file) -> None:
            # As export says it: one line, however many lines of the input it quotes.
            say(f"bantin: warning: {shown(file)}: read: {one_line(msg, WARNING_LIMIT)}")

        try:
            data, fmt = files.load(file, source_format)
            read.append((file, api.read(data, source_format=fmt, encoding=encoding, base_dir=files.folder_of(file),
                                         style=sheet, warn=warn, typography=not raw, name=files.name_of(file))))
        except UsageError as e:
            raise Refused(str(e)) from None
        except Exception as e:  # noqa: BLE001 - one line for the user, the traceback only under --debug
            if debug:
                raise
            say(f"bantin: error: {shown(file)}: {friendly(e, shown(file))}")
    if read:
        if not digest:
            text = dumps(read[0][1])
        elif len(inputs) == 1:
            text = explain(read[0][1], sheet.digest)
        else:
            pairs = [(shown(f), a) for f, doc in read for a in articles_of(doc)]
            text = explain(Briefing(DIGEST_TITLE, tuple(a for _, a in pairs)), sheet.digest, [f for f, _ in pairs])
        try:
            # A terminal reads it: U+202E or U+0085 in a title is written "\u202e",
            # the same JSON to a program.
            sys.stdout.buffer.write(visible_json(text).encode("utf-8"))
            sys.stdout.buffer.flush()
        except OSError as e:
            stdout_failed(say, e)
    if len(read) < len(inputs):
        sys.exit(1)


def formats(say: Say) -> None:
    _lines(say, [f"{name:<8} {exp.extension:<7} {exp.description}" for name, exp in api.formats().items()])


def styles(say: Say) -> None:
    _lines(say, [f"{name:<10} {sheet.description}" for name, sheet in api.styles().items()])


def _lines(say: Say, lines: list[str]) -> None:
    try:
        sys.stdout.buffer.write("".join(line + "\n" for line in lines).encode("utf-8"))
        sys.stdout.buffer.flush()
    except OSError as e:
        stdout_failed(say, e)


def stdout_failed(say: Say, e: OSError) -> NoReturn:
    """Standard output went away (`bantin … -o - | head`) or could not be written
    (a full disk). Point it at /dev/null so that Python's final flush cannot fail
    as well, and say so in one line."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    if isinstance(e, BrokenPipeError):
        say("bantin: error: standard output was closed before the document was written")
    else:
        say(f"bantin: error: standard output: {e.strerror or e}")
    sys.exit(1)
