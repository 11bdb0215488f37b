"""Bulk conversion on a Dask cluster, for archives past one machine.

The local process pool stays the default; this backend runs the same conversion
on Dask distributed, an existing engine, rather than a scheduler of our own. The
client walks the inputs lazily and reads each file itself, because workers share
no disk with it: inputs travel as bytes, in batches (the scheduler's overhead is
milliseconds a task, so one task per article would stall it on a large archive),
and a bounded window of batches is in flight so that the client's memory stays
flat. Workers send back each format's bytes; the client writes them atomically,
exactly as a local run does, so the files and the report equal those of
``--jobs 1``. A worker that dies mid-run costs nothing: Dask reschedules its batch
and the conversion is deterministic. A batch that fails anyway is retried one
input per task, and an input that fails again is reported as failed.
"""

from __future__ import annotations

import signal
import threading
import warnings
from collections import deque
from collections.abc import Generator, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, islice
from typing import Any

from bantin._version import __version__
from bantin.errors import UsageError
from bantin.exporters import warm
from bantin.run.convert import (
    Job,
    Result,
    convert,
    convert_bytes,
    deliver,
    fail,
    format_failed,
    keep_edited,
    one_line,
)
from bantin.run.settings import DASK_EXTRA, Settings, dask_available
from bantin.source import files
from bantin.style.stylesheet import Style
from bantin.style.stylesheet import load as load_style

CONNECT_SECONDS = 10
BATCH_SIZE = 50  # inputs per task: about 35 MB of results in all four formats


@dataclass(frozen=True)
class Item:
    label: str
    data: bytes
    reader: str | None
    name: str | None = None  # the file name, for a reader that takes a title or date from it
    formats: tuple[str, ...] | None = None  # the formats it lacks (--incremental), else the run's
    # It has a folder, where the local pictures it refers to are: a worker that meets
    # one reads no further, and the client converts the input itself.
    ask: bool = False


@dataclass(frozen=True)
class Batch:
    """What travels to a worker: the inputs' bytes, the settings (the client's
    SOURCE_DATE_EPOCH among them, which fixes every timestamp) and the loaded style
    sheet (so a sheet given by path needs no file on the worker)."""

    items: tuple[Item, ...]
    settings: Settings
    style: Style
    # The client's ``fingerprint``: a worker that joined after the client compared
    # the workers (``_same_bantin``) checks it too, batch by batch.
    bantin: str = ""


Made = list[tuple[str, bytes]]


# Fonts and templates load once per worker process, not once per batch.
_warm = lru_cache(maxsize=8)(warm)


def run_batch(batch: Batch) -> list[tuple[Result, Made]]:
    """Runs on a worker: convert every input of the batch to bytes. The epoch
    travels in the settings, so two clients with different epochs can share a
    multi-threaded worker. A worker with another bantin than the client's converts
    nothing: each input gets that as its error (a retry could land on it again)."""
    mine = fingerprint()
    if batch.bantin and batch.bantin != mine:
        why = (f"the Dask worker runs bantin {mine}, this client bantin {batch.bantin}: "
               "install the same bantin on every worker")
        return [(Result(item.label, error=why), []) for item in batch.items]
    _warm(batch.style, batch.settings.formats)
    out = []
    for item in batch.items:
        result = Result(item.label)
        made: Made = []

        def sink(fmt: str, data: bytes, made: Made = made) -> None:
            made.append((fmt, data))

        convert_bytes(result, item.data, item.reader, batch.settings.only(item.formats), batch.style, sink,
                      name=item.name, ask=item.ask)
        out.append((result, made))
    return out


def _connect(address: str, workers: int) -> tuple[Any, Any]:
    if not dask_available():
        raise UsageError(DASK_EXTRA)
    import logging

    from distributed import Client, LocalCluster

    if address == "local":
        # The workers' own logs are silenced too: a worker that loses its client
        # (the run interrupted) logs the closed stream with a traceback at ERROR,
        # and every input's outcome is reported by the client anyway.
        # Ctrl-C reaches the whole process group: the workers start with it ignored
        # (a process inherits that, and Python then leaves it so), since the client
        # shuts them down; each would otherwise print its KeyboardInterrupt traceback.
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        try:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.CRITICAL)
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)
        return Client(cluster), cluster
    # Connected in a thread with a deadline of our own: a port that accepts and
    # then stays silent holds Client past its timeout, and an HTTP server's answer
    # is read as a message of absurd length (MemoryError). Either is one line.
    done: list[Any] = []

    def connect() -> None:
        try:
            done.append(Client(address, timeout=f"{CONNECT_SECONDS}s"))
        except BaseException as e:  # noqa: BLE001 - reported below as the reason
            done.append(e)

    thread = threading.Thread(target=connect, daemon=True)
    thread.start()
    thread.join(CONNECT_SECONDS * 1.5)  # Client's own timeout, and half as long again for it to say why
    if not done:
        raise UsageError(f"no Dask scheduler answered at {address} within {CONNECT_SECONDS} s")
    if isinstance(done[0], BaseException):
        reason = one_line(f"{type(done[0]).__name__}: {done[0]}", 200)
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {reason}")
    return done[0], None


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """This process's bantin: its version and a digest of its code and data. A
    worker with another bantin would write other files under this run's name (and
    the manifest would vouch for them), so the client compares before sending work."""
    import hashlib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]  # the bantin package
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__} ({digest.hexdigest()[:12]})"


def _same_bantin(client: Any) -> None:
    mine = fingerprint()
    theirs = client.run(fingerprint)
    other = sorted({v for v in theirs.values() if v != mine})
    if other:
        raise UsageError(f"the Dask workers run bantin {', '.join(other)}, this client bantin {mine}: "
                         "install the same bantin on every worker")


@dataclass
class _InFlight:
    jobs: list[Job]
    results: list[Result | None]  # None: sent to the cluster; a Result: failed on the client
    batch: Batch | None
    future: Any


def results(jobs: Iterator[Job], settings: Settings) -> Generator[tuple[Job, Result], None, None]:
    """(job, result) in input order, each output already written by the client."""
    # Dask's advice to its own users ("Sending large graph …", "Port 8787 is already
    # in use …") is no warning about an input: -q prints errors only, and a run's
    # messages are a local run's (helper-151).
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UserWarning, module=r"distributed(\.|$)")
        yield from _results(jobs, settings)


def _results(jobs: Iterator[Job], settings: Settings) -> Generator[tuple[Job, Result], None, None]:
    assert settings.scheduler is not None
    batch_size = settings.batch_size
    # A local cluster never starts more workers than there are inputs: peek at them.
    first = list(islice(jobs, settings.jobs))
    jobs = chain(first, jobs)
    client, cluster = _connect(settings.scheduler, max(1, min(settings.jobs, len(first))))
    pending: deque[_InFlight] = deque()
    try:
        if cluster is None:  # a local cluster's workers are this installation
            _same_bantin(client)
        style = load_style(settings.style)
        window = max(2, 2 * sum(client.nthreads().values()))
        while chunk := list(islice(jobs, batch_size)):
            pending.append(_submit(client, chunk, settings, style))
            while len(pending) >= window:
                yield from _finish(client, pending.popleft(), settings)
        while pending:
            yield from _finish(client, pending.popleft(), settings)
    except BaseException:
        # Interrupted, or the caller stopped early (--fail-fast): drop the work.
        # Closing connections mid-task makes Dask log tracebacks ("Stream is
        # closed") that say nothing about the inputs; every input's own error is
        # already reported, so the teardown is kept quiet.
        _quiet()
        client.cancel([p.future for p in pending if p.future is not None])
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _quiet() -> None:
    # Dask's config sets levels on some child loggers (distributed.client), which
    # then ignore their parent's level: set each one.
    import logging

    # asyncio and tornado report a connection future that failed as it closed
    # ("Future exception was never retrieved ... Stream is closed") through their own.
    names = [n for n in logging.root.manager.loggerDict if n.split(".")[0] in ("distributed", "asyncio", "tornado")]
    for name in names:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _submit(client: Any, chunk: list[Job], settings: Settings, style: Style) -> _InFlight:
    items: list[Item] = []
    early: list[Result | None] = []
    for job in chunk:
        try:
            # A Word output somebody saved is kept, as in a local run: among the formats
            # this input is converted to (with --incremental, those it lacks).
            keep_edited(job.stem, settings.only(job.formats))
            data, reader = files.load(job.source, settings.source_format)
        except Exception as e:  # noqa: BLE001 - reported as this input's error, as a local run does
            failed = Result.of(job)
            fail(failed, e, settings)
            early.append(failed)
            continue
        items.append(Item(job.label, data, reader, files.name_of(job.source), job.formats,
                          ask=files.folder_of(job.source) is not None))
        early.append(None)
    # Workers write nothing: the output folder is the client's.
    batch = Batch(tuple(items), settings.for_worker(), style, fingerprint()) if items else None
    future = client.submit(run_batch, batch, pure=False) if batch else None
    return _InFlight(chunk, early, batch, future)


def _finish(client: Any, flight: _InFlight, settings: Settings) -> Iterator[tuple[Job, Result]]:
    done = iter(_outcomes(client, flight))
    for job, early in zip(flight.jobs, flight.results, strict=True):
        if early is not None:
            yield job, early
            continue
        result, made = next(done)
        if result.wanted and not result.error:
            # Its pictures are files beside it, which no worker can read: converted
            # here, as a local run converts it, with the same sandbox and the same
            # bytes (helper-150: the workers left them out; helper-151: sending them
            # over cost gigabytes and read some references otherwise).
            yield job, convert(job, settings)
            continue
        for fmt, data in made:
            try:
                deliver(fmt, data, job.stem, settings, result)
            except OSError as e:
                format_failed(result, fmt, e, settings)
        yield job, result


def _describe(e: BaseException) -> str:
    """One short line for an exception from the cluster (KilledWorker's own
    message runs to several sentences, and its str() can itself fail)."""
    try:
        text = str(e)
    except Exception:  # noqa: BLE001
        text = ""
    return one_line(f"{type(e).__name__}: {text}" if text else type(e).__name__, 200)


def _outcomes(client: Any, flight: _InFlight) -> list[tuple[Result, Made]]:
    if flight.future is None or flight.batch is None:
        return []
    try:
        return list(flight.future.result())
    except Exception:  # noqa: BLE001 - the batch failed: retry each input on its own
        pass
    batch = flight.batch
    singles = [client.submit(run_batch, replace(batch, items=(item,)), pure=False) for item in batch.items]
    out: list[tuple[Result, Made]] = []
    for item, fut in zip(batch.items, singles, strict=True):
        try:
            out.extend(fut.result())
        except Exception as e:  # noqa: BLE001 - failed twice: this input is the cause
            out.append((Result(item.label, error=f"failed on the cluster twice: {_describe(e)}"), []))
    return out
