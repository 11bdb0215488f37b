"""Many inputs at once: parallel, sharded, incremental, reported, interruptible.

Each input is converted by ``convert.convert`` in a worker process; results come
back in input order, so the report and the manifest do not depend on ``--jobs``.
Workers are forked after the exporters have loaded their fonts and libraries,
so every process starts warm.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any

from bantin import __version__
from bantin.errors import UsageError
from bantin.exporters import registry
from bantin.output import write_atomic
from bantin.pipeline import Job, Result, Settings, bundle, collect, convert
from bantin.report import Report
from bantin.stylesheet import load as load_style

MANIFEST = ".bantin-manifest.json"


class BatchUsageError(UsageError):
    pass


@dataclass(frozen=True)
class Options:
    jobs: int = 1
    quiet: bool = False
    fail_fast: bool = False
    report: Path | None = None
    incremental: bool = False
    shard: tuple[int, int] | None = None
    bundle_title: str | None = None
    collect: bool = True  # keep every input's entry in the returned Report
    progress: bool = False  # a progress bar, when stderr is a terminal
    scheduler: str | None = None  # a Dask scheduler's address, or "local"; None: the process pool
    batch_size: int = 50  # inputs per Dask task


def in_shard(job: Job, shard: tuple[int, int] | None) -> bool:
    if shard is None:
        return True
    i, n = shard
    # fsencode: a file name with bytes that are not UTF-8 still hashes.
    digest = hashlib.sha256(os.fsencode(str(job.stem))).digest()
    return int.from_bytes(digest[:8], "big") % n == i - 1


def _key(job: Job, settings: Settings) -> str | None:
    """What an output depends on: input bytes, style sheets, bantin, options."""
    if job.source == "-":
        return None
    h = hashlib.sha256()
    try:
        h.update(Path(job.source).read_bytes())
    except OSError:
        return None
    style = load_style(settings.style)
    for part in style.source.split(" < "):
        h.update(Path(part).read_bytes())
    h.update(repr((__version__, settings.formats, settings.meta, settings.encoding)).encode())
    h.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    return h.hexdigest()


def _load_manifest(out_dir: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return data["entries"] if data.get("bantin") == __version__ else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _save_manifest(out_dir: Path, entries: dict[str, dict[str, object]]) -> None:
    data = {"bantin": __version__, "entries": dict(sorted(entries.items()))}
    write_atomic(out_dir / MANIFEST, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())


def _warm(settings: Settings) -> None:
    style = load_style(settings.style)
    for fmt in settings.formats:
        warm = getattr(registry()[fmt], "warm", None)
        if warm is not None:
            try:
                warm(style)
            except Exception:  # noqa: BLE001 - the real export reports the problem per input
                pass


_busy = False


def _worker_init() -> None:
    # The parent handles Ctrl-C and SIGTERM and stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)


def _worker_stop(signum: int, frame: object) -> None:
    if _busy:
        raise KeyboardInterrupt  # unwinds write_atomic, which removes its temporary file
    os._exit(130)


def _convert_in_worker(job: Job, settings: Settings) -> Result:
    global _busy
    _busy = True
    try:
        return convert(job, settings)
    except KeyboardInterrupt:
        os._exit(130)
    finally:
        _busy = False


def _results(jobs: Iterator[Job], settings: Settings, n: int) -> Generator[tuple[Job, Result], None, None]:
    # Never more workers than inputs: peek at up to n of them.
    first = list(islice(jobs, n))
    jobs = chain(first, jobs)
    n = min(n, len(first))
    if n <= 1:
        for job in jobs:
            yield job, convert(job, settings)
        return
    _warm(settings)
    ctx = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_worker_init)
    try:
        # A bounded window of futures keeps memory flat in the number of inputs.
        pending: deque[tuple[Job, Future[Result]]] = deque()
        for job in jobs:
            pending.append((job, pool.submit(_convert_in_worker, job, settings)))
            if len(pending) >= n * 4:
                done, fut = pending.popleft()
                yield done, fut.result()
        while pending:
            done, fut = pending.popleft()
            yield done, fut.result()
    except BaseException:
        # Interrupted, or the caller stopped early (--fail-fast): stop the workers
        # now rather than letting them finish the queue.
        for proc in list((pool._processes or {}).values()):
            if proc.is_alive():
                proc.terminate()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Outcome:
    """Counts results and streams each into the report file as it arrives, so
    memory stays flat however many inputs there are (unless the caller asked to
    collect the entries). The file is written to a temporary name and renamed
    when the run ends."""

    def __init__(self, report_path: Path | None, settings: Settings, collect: bool) -> None:
        self.report = Report(__version__, settings.formats, settings.style)
        self.collect = collect
        self.path = report_path
        self._file: IO[str] | None = None
        self._tmp: Path | None = None
        if report_path is not None:
            report_path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{report_path.name}.", suffix=".part", dir=report_path.parent)
            self._tmp = Path(tmp)
            self._file = os.fdopen(fd, "w", encoding="utf-8")
            self._file.write('{\n  "inputs": [')
            self._sep = "\n    "

    def add(self, r: Result) -> None:
        entry = r.entry()
        setattr(self.report, entry.status, getattr(self.report, entry.status) + 1)
        if self.collect:
            self.report.inputs.append(entry)
        if self._file is not None:
            self._file.write(self._sep + json.dumps(entry.to_dict(), ensure_ascii=False))
            self._sep = ",\n    "

    def close(self, elapsed: float) -> Report:
        self.report.seconds = elapsed
        if self._file is not None and self._tmp is not None and self.path is not None:
            tail = json.dumps(self.report.summary(), ensure_ascii=False, indent=2)[2:]
            self._file.write("\n  ],\n" + tail + "\n")
            self._file.close()
            os.chmod(self._tmp, 0o644)
            os.replace(self._tmp, self.path)
        return self.report

    def abort(self) -> None:
        if self._file is not None and self._tmp is not None:
            self._file.close()
            self._tmp.unlink(missing_ok=True)


def run(inputs: tuple[str, ...], settings: Settings, opts: Options, err: Callable[[str], None]) -> Report:
    t0 = time.perf_counter()
    found = collect(inputs)
    first = list(islice(found, 2))
    if not first:
        raise BatchUsageError("no input files found")
    if settings.out_dir is None and (len(settings.formats) != 1 or (len(first) != 1 and not opts.bundle_title)):
        raise BatchUsageError("-o - writes one document: give one format and one input (or --bundle)")
    jobs = chain(first, found)
    outcome = _Outcome(opts.report, settings, opts.collect)
    try:
        _run(jobs, settings, opts, err, outcome)
    except BaseException:
        outcome.abort()
        raise
    elapsed = time.perf_counter() - t0
    report = outcome.close(elapsed)
    if not opts.quiet:
        err(f"bantin: {report.converted} converted, {report.failed} failed, {report.skipped} skipped "
            f"in {elapsed:.2f} s")
    return report


def _failed(r: Result, outcome: _Outcome, err: Callable[[str], None]) -> None:
    err(f"bantin: error: {r.label}: {r.error}")
    outcome.add(r)


def _run(jobs: Iterator[Job], settings: Settings, opts: Options, err: Callable[[str], None],
         outcome: _Outcome) -> None:
    if opts.bundle_title is not None:
        result, failures = bundle(list(jobs), opts.bundle_title, settings)
        for f in failures:
            _failed(f, outcome, err)
        if result.error:
            _failed(result, outcome, err)
        else:
            _emit(result, outcome)
        return

    manifest: dict[str, dict[str, object]] = {}
    if opts.incremental and settings.out_dir is not None:
        manifest = _load_manifest(settings.out_dir)
    keys: dict[str, str | None] = {}

    def todo() -> Iterator[Job]:
        """The inputs of this shard, less name collisions and unchanged inputs."""
        seen: dict[str, str] = {}
        for job in jobs:
            stem = str(job.stem)
            if not in_shard(job, opts.shard):
                continue
            if stem in seen:
                _failed(Result(job.label, error=f"output name collides with {seen[stem]}"), outcome, err)
                continue
            seen[stem] = job.label
            if opts.incremental and settings.out_dir is not None:
                key = keys[stem] = _key(job, settings)
                entry = manifest.get(stem) or {}
                outputs = entry.get("outputs")
                if key and entry.get("key") == key and isinstance(outputs, list) and all(
                    Path(str(p)).exists() for p in outputs
                ):
                    outcome.add(Result(job.label, skipped=True))
                    continue
            yield job

    pending: Iterator[Job] = todo()
    total = None
    if opts.progress and not opts.quiet and sys.stderr.isatty():
        # A terminal shows a bar, which needs the count; CI logs get none and
        # keep the inputs streaming.
        listed = list(pending)
        pending, total = iter(listed), len(listed)
    if opts.scheduler is not None:
        from bantin import cluster

        stream = cluster.results(pending, settings, opts.scheduler, opts.jobs, opts.batch_size)
    else:
        stream = _results(pending, settings, opts.jobs)
    try:
        with _progress(total is not None and total > 1, total or 0) as bar:
            for job, res in stream:
                bar.update(1)
                for w in res.warnings:
                    if not opts.quiet:
                        err(f"bantin: warning: {res.label}: {w}")
                if res.error:
                    _failed(res, outcome, err)
                    if opts.fail_fast:
                        break
                    continue
                _emit(res, outcome)
                stem = str(job.stem)
                if keys.get(stem):
                    manifest[stem] = {"key": keys.pop(stem), "outputs": [o.path for o in res.outputs]}
    finally:
        stream.close()
        if opts.incremental and settings.out_dir is not None:
            _save_manifest(settings.out_dir, manifest)


def _emit(res: Result, outcome: _Outcome) -> None:
    if res.stdout is not None:
        sys.stdout.buffer.write(res.stdout)
        sys.stdout.buffer.flush()
    outcome.add(res)


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *a: object) -> None:
        pass

    def update(self, n: int) -> None:
        pass


def _progress(show: bool, total: int) -> Any:
    if not show:
        return _NoBar()
    import click

    return click.progressbar(length=total, file=sys.stderr, label="bantin")
