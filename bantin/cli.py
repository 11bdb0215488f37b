"""The ``bantin`` command line.

stdout carries documents only; every message goes to stderr. This module imports
nothing heavy at start-up: reportlab, python-docx and ebooklib load inside the
exporters, the first time a document in their format is written.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

import click

from bantin import __version__


def _err(msg: str) -> None:
    # Bytes, not text: a cp1252 or ascii stderr must not turn a Vietnamese file
    # name into a UnicodeEncodeError.
    sys.stderr.flush()
    sys.stderr.buffer.write((msg + "\n").encode("utf-8", "replace"))
    sys.stderr.buffer.flush()


def _usage(msg: str) -> NoReturn:
    raise click.UsageError(msg)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bantin")
def cli() -> None:
    """bantin: Vietnamese news articles into briefings (PDF, DOCX, EPUB, text)."""


def _shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        i, n = (int(x) for x in value.split("/"))
    except ValueError:
        _usage(f"--shard takes I/N, e.g. 1/4, not {value!r}")
    if not 1 <= i <= n:
        _usage(f"--shard I/N needs 1 <= I <= N, not {value!r}")
    return i, n


@cli.command("export")
@click.option("-f", "--format", "formats", multiple=True, required=True,
              help="pdf, docx, epub, txt, json, all, or a plug-in's format; repeat or comma-separate.")
@click.option("-s", "--style", default="default", show_default=True, help="Style name or TOML path.")
@click.option("-e", "--encoding", default=None, help="Input encoding (default UTF-8), e.g. cp1258.")
@click.option("-o", "--output", "out", default="dist", show_default=True,
              help="Output folder, or - to write one document to stdout.")
@click.option("-M", "--meta", multiple=True, metavar="KEY=VALUE",
              help="Override title, date, outlet, byline or issuer.")
@click.option("--bundle", "bundle_title", default=None, metavar="TITLE",
              help="Bundle all inputs into one briefing with this title.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel processes (default: number of CPUs).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first failing input.")
@click.option("--report", type=click.Path(dir_okay=False), default=None,
              help="Write a JSON report of every input and output.")
@click.option("--incremental", is_flag=True,
              help="Skip inputs unchanged since the last run into this folder.")
@click.option("--shard", default=None, metavar="I/N", help="Convert only the I-th of N shares.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.argument("inputs", nargs=-1, required=True)
def export_cmd(
    formats: tuple[str, ...], style: str, encoding: str | None, out: str, meta: tuple[str, ...],
    bundle_title: str | None, jobs: int | None, quiet: bool, fail_fast: bool, report: str | None,
    incremental: bool, shard: str | None, debug: bool, inputs: tuple[str, ...],
) -> None:
    """Convert INPUT files or folders (or - for stdin) to the chosen formats."""
    from bantin import batch
    from bantin.convert import Settings, UsageError, formats_for, parse_meta
    from bantin.styles import StyleError
    from bantin.styles import load as load_style

    try:
        fmts = formats_for(formats)
        meta_pairs = parse_meta(meta)
        load_style(style)
    except (UsageError, StyleError) as e:
        _usage(str(e))
    to_stdout = out == "-"
    settings = Settings(
        formats=fmts, style=style, encoding=encoding, meta=meta_pairs,
        out_dir=None if to_stdout else Path(out), debug=debug,
    )
    opts = batch.Options(
        jobs=jobs or os.cpu_count() or 1, quiet=quiet, fail_fast=fail_fast,
        report=Path(report) if report else None, incremental=incremental and not to_stdout,
        shard=_shard(shard), bundle_title=bundle_title,
    )
    signal.signal(signal.SIGTERM, _terminate)
    try:
        status = batch.run(inputs, settings, opts, _err)
    except batch.BatchUsageError as e:
        _usage(str(e))
    except KeyboardInterrupt:
        _err("bantin: interrupted; no partial output was left")
        sys.exit(130)
    sys.exit(status)


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@cli.command()
@click.option("-e", "--encoding", default=None, help="Input encoding (default UTF-8).")
@click.option("-s", "--style", default="default", show_default=True,
              help="Style whose typography is applied.")
@click.option("--raw", is_flag=True, help="Show the model as read, before typography.")
@click.argument("file")
def inspect(file: str, encoding: str | None, style: str, raw: bool) -> None:
    """Print the canonical JSON of FILE (or - for stdin)."""
    from bantin.convert import prepare, read_source
    from bantin.serialize import dumps
    from bantin.source import InputError
    from bantin.styles import StyleError
    from bantin.styles import load as load_style

    try:
        doc = read_source(file, encoding)
        if not raw:
            doc = prepare(doc, load_style(style))
    except StyleError as e:
        _usage(str(e))
    except (InputError, OSError) as e:
        _err(f"bantin: error: {file}: {e}")
        sys.exit(1)
    sys.stdout.buffer.write(dumps(doc).encode("utf-8"))
    sys.stdout.buffer.flush()


@cli.command()
def formats() -> None:
    """List the output formats, built-in and plug-in."""
    from bantin.exporters import registry

    for name, exp in registry().items():
        click.echo(f"{name:<8} {exp.extension:<7} {exp.description}")


@cli.command()
def styles() -> None:
    """List the shipped style sheets."""
    from bantin.styles import load, shipped

    for name in shipped():
        click.echo(f"{name:<10} {load(name).description}")


def main() -> None:
    cli(prog_name="bantin")


if __name__ == "__main__":
    main()
