"""The ``bantin`` command line: a thin shell over the API.

stdout carries documents only; every message goes to stderr. Options are parsed
here and checked once, by ``Settings.make`` behind ``bantin.convert``. Nothing
heavy loads at start-up: reportlab, python-docx and ebooklib load inside the
exporters, the first time a document in their format is written.
"""

from __future__ import annotations

import os
import sys
import warnings
from typing import NoReturn

import click

from bantin._version import __version__
from bantin.errors import BantinWarning
from bantin.run import interrupt
from bantin.run.names import visible

# What the commands do is in ``bantin.commands``, loaded when one runs: the
# pipeline it imports would triple the time of ``bantin --help``.


def _err(msg: str) -> None:
    # Every line bantin prints goes through here: what it quotes of an input (a
    # file name, a picture's address) can hold ESC or U+202E, which the terminal
    # or the CI log would obey; they are shown escaped, here rather than at each
    # message. Bytes, not text: a cp1252 or ascii stderr must not turn a
    # Vietnamese file name into a UnicodeEncodeError.
    sys.stderr.flush()
    sys.stderr.buffer.write((visible(msg) + "\n").encode("utf-8", "replace"))
    sys.stderr.buffer.flush()


def _usage(msg: str) -> NoReturn:
    raise click.UsageError(msg)


_ENCODING_HELP = ("Input encoding: auto (UTF-8, else TCVN3, VNI, VISCII or cp1258 when clearly so), "
                  "tcvn3, vni, viqr, viscii or any codec.")


def _encoding(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """An encoding no input could be read in is a usage error (exit 2, nothing
    converted), not one error line per input."""
    if value.lower() == "auto":  # the default: the pipeline stays unimported
        return value
    from bantin import commands

    return commands.encoding(value)


class _Stopped(Exception):
    """A stop signal, carried past click: its main() answers KeyboardInterrupt
    with an empty line on stderr before ours, and the interrupt is one line."""


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as e:
            raise _Stopped from e


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bantin")
def cli() -> None:
    """bantin: Vietnamese news articles into briefings (PDF, DOCX, EPUB, text)."""


def _lower(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    return value.lower() if value else value  # as format names: --from TXT is txt


def _shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        i, n = (int(x) for x in value.split("/"))
    except ValueError:
        _usage(f"--shard takes I/N, e.g. 1/4, not {value!r}")
    if not 1 <= i <= n:
        _usage(f"--shard I/N needs 1 ≤ I ≤ N, not {value}")
    return i, n


@cli.command("export", short_help="Convert articles to PDF, DOCX, EPUB or text.")
@click.option("-f", "--format", "formats", multiple=True, required=True,
              help="pdf, docx, epub, txt, json, or a plug-in's format; all is pdf, docx, epub and txt. "
                   "Repeat or comma-separate.")
@click.option("-s", "--style", default="default", show_default=True, metavar="NAME|PATH",
              help="Style name (bantin styles) or TOML path.")
@click.option("-e", "--encoding", default="auto", show_default=True, help=_ENCODING_HELP, callback=_encoding)
@click.option("--from", "source_format", default=None, metavar="READER", callback=_lower,
              help="Input format: txt, json, md, docx, html or a plug-in's; by default the file extension "
                   "decides (the content, for stdin).")
@click.option("-o", "--output", "out", default="dist", show_default=True, metavar="FOLDER",
              help="Output folder (outputs are named after their inputs), or - to write one document to stdout.")
@click.option("-M", "--meta", multiple=True, metavar="KEY=VALUE",
              help="Set title, date, outlet, byline, issuer, number or place (the last three head an "
                   "nd30 document or a bundle's cover; issuer='UBND tỉnh X; Văn phòng' sets the body "
                   "above the issuer), or signer, signer_title, recipients and signed (the signature block "
                   "that ends it; lines parted by ';'; signed='(Đã ký)' for a copy).")
@click.option("--bundle", "bundle_title", default=None, metavar="TITLE",
              help="Bundle all inputs into one briefing with this title.")
@click.option("--digest", is_flag=True,
              help="The điểm báo: one short entry per article (with --bundle, one review of all).")
@click.option("--group-by", type=click.Choice(["outlet", "tag"]), default=None,
              help="Group a --digest's entries by outlet or by first tag.")
@click.option("-j", "--jobs", type=click.IntRange(1, 1024), default=None,
              help="Parallel processes (default: number of CPUs).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first failing input.")
@click.option("--report", type=click.Path(dir_okay=False), default=None,
              help="Write a JSON report of every input and output.")
@click.option("--incremental", is_flag=True,
              help="Skip inputs unchanged since the last run into this folder.")
@click.option("--shard", default=None, metavar="I/N",
              help="Convert only the I-th of N shares (I from 1 to N): N CI jobs, one share each.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on a Dask cluster: tcp://HOST:8786, or local (needs bantin[dask]).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=None,
              help="Inputs per Dask task (with --scheduler; default 50).")
@click.option("--overwrite", is_flag=True,
              help="Replace existing files (.txt, .docx, .pdf, …) beside a named input or in an input "
                   "folder, which bantin did not write itself, and Word outputs somebody "
                   "saved since bantin wrote them (never an input of this run).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.argument("inputs", nargs=-1, required=True)
def export_cmd(
    formats: tuple[str, ...], style: str, encoding: str, source_format: str | None, out: str,
    meta: tuple[str, ...], bundle_title: str | None, digest: bool, group_by: str | None, jobs: int | None,
    quiet: bool, fail_fast: bool,
    report: str | None, incremental: bool, shard: str | None, scheduler: str | None, batch_size: int | None,
    overwrite: bool, debug: bool, inputs: tuple[str, ...],
) -> None:
    """Convert INPUT files or folders (or - for stdin) to the chosen formats.

    \b
    Folders are walked and mirrored under the output folder; each failing input
    prints one line, the others still convert (exit 1 if any failed)."""
    from bantin import commands

    commands.export(_err, inputs, formats, out, meta=meta, jobs=jobs, style=style, encoding=encoding,
                    source_format=source_format, bundle=bundle_title, incremental=incremental, shard=_shard(shard),
                    fail_fast=fail_fast, report=report, quiet=quiet, scheduler=scheduler, batch_size=batch_size,
                    debug=debug, digest=digest, group_by=group_by, overwrite=overwrite)


@cli.command(short_help="Print the canonical JSON of an input, or its điểm báo.")
@click.option("-e", "--encoding", default="auto", show_default=True, help=_ENCODING_HELP, callback=_encoding)
@click.option("--from", "source_format", default=None, metavar="READER", callback=_lower,
              help="Input format: txt, json, md, docx, html or a plug-in's; by default the file extension "
                   "decides (the content, for stdin).")
@click.option("-s", "--style", default="default", show_default=True, metavar="NAME|PATH",
              help="Style whose typography is applied.")
@click.option("--raw", is_flag=True, help="Show the model as the reader made it, before typography.")
@click.option("--digest", is_flag=True,
              help="Show the điểm báo's key points, each with the block and sentence it came from "
                   "and the parts of its score; several files are read as one bundle.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.argument("files", nargs=-1, required=True)
def inspect(files: tuple[str, ...], encoding: str, source_format: str | None, style: str, raw: bool, digest: bool,
            debug: bool) -> None:
    """Print the canonical JSON of FILES (one file, or - for stdin), typography
    applied; with --digest, the entries of one or more files, read as one bundle."""
    from bantin import commands

    commands.inspect(_err, files, encoding=encoding, source_format=source_format, style=style, raw=raw,
                     digest=digest, debug=debug)


@cli.command()
def formats() -> None:
    """List the output formats, built-in and plug-in."""
    from bantin import commands

    commands.formats(_err)


@cli.command()
def styles() -> None:
    """List the shipped style sheets."""
    from bantin import commands

    commands.styles(_err)


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: object = None, line: str | None = None) -> None:
    """bantin's own warnings (a plug-in that failed to load) as one "bantin:
    warning: …" line; any other warning as Python writes it, through ``_err``
    too: a library's warning may quote the input (markup, a picture's name)."""
    if issubclass(category, BantinWarning):
        _err(f"bantin: warning: {message}")
    else:
        _err(warnings.formatwarning(message, category, filename, lineno, line).rstrip("\n"))


def main() -> None:
    """Run the command line. Exit status: 0 done, 1 an input failed, 2 usage
    error, 130 interrupted; a message for every failure and no traceback unless
    ``--debug``."""
    # The hook is set for this call only and restored after it: a program that
    # calls main() keeps its own.
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        code = _main()
    sys.exit(code)


def _main() -> int:
    try:
        code = cli.main(prog_name="bantin", standalone_mode=False)
    except (_Stopped, click.exceptions.Abort, KeyboardInterrupt):
        # The clean-up ran while the exception unwound (temporary files removed,
        # workers stopped, the manifest saved). Leave now, without the
        # interpreter's shutdown, where a late signal could still turn the exit
        # status into a death by SIGINT.
        interrupt.ignore()
        _err(interrupt.MESSAGE)
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(130)
    except click.exceptions.NoArgsIsHelpError as e:
        _err(e.format_message())  # a bare "bantin" asks what it can do: its help, no error
        code = e.exit_code
    except click.UsageError as e:
        # One line, as every other error: "bantin: error: …", and where help is.
        command = e.ctx.command_path if e.ctx is not None else "bantin"
        if e.ctx is None or isinstance(e.ctx.command, click.Group):
            # An option of a command that click could not parse comes with no
            # command or with the group's ("bantin export a.txt -f"): point to the
            # command's own help.
            sub = next((a for a in sys.argv[1:] if a in cli.commands), None)
            command = f"bantin {sub}" if sub else command
        _err(f"bantin: error: {e.format_message().rstrip('.')} (see {command} --help)")
        code = e.exit_code
    except click.ClickException as e:
        _err(f"bantin: error: {e.format_message()}")
        code = e.exit_code
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    main()
