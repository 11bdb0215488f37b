"""The local backend: inputs converted in forked worker processes.

Results come back in input order, so the report and the manifest do not depend
on ``--jobs``. Workers are forked after the exporters have loaded their fonts and
libraries, so every process starts warm. A worker killed from outside (the OOM
killer) breaks the whole pool in ``concurrent.futures``; the pool is then started
again and the inputs it held are tried once more, and an input that breaks a
pool twice is reported as failed. Workers leave when their parent dies, even by
SIGKILL, instead of living on as orphans.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Generator, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING

from bantin.exporters import warm
from bantin.run.convert import Job, Result, convert, sweep
from bantin.run.settings import Settings
from bantin.style.stylesheet import load as load_style

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

KILLED = "the worker converting it was killed (out of memory?), also when it was retried alone"
# Seconds a worker has to stop after SIGTERM. One busy in C code (a parser, a
# compressor) runs no signal handler until it returns, which may be minutes; a CI
# job's time limit kills the whole run soon after its SIGTERM, before the report
# and the manifest are saved. Past this, the worker is killed.
GRACE = 2.0


_busy = False


def _worker_init(parent: int) -> None:
    # The parent handles Ctrl-C and SIGTERM and stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """A SIGKILLed parent cannot stop its workers: each notices for itself."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(130)


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


class _Pool:
    def __init__(self, n: int) -> None:
        self.n = n
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # concurrent.futures and multiprocessing load only when a run has two
        # inputs or more: a single conversion, and --help, never pay for them.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(max_workers=self.n, mp_context=ctx, initializer=_worker_init,
                                   initargs=(os.getpid(),))

    def submit(self, job: Job, settings: Settings) -> Future[Result]:
        return self.executor.submit(_convert_in_worker, job, settings)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def stop(self) -> bool:
        """Stop the workers: SIGTERM, then SIGKILL for any still alive after GRACE.
        Returns whether one had to be killed (it may have left a temporary file)."""
        procs = [p for p in list((self.executor._processes or {}).values()) if p.is_alive()]
        for proc in procs:
            proc.terminate()
        deadline = time.monotonic() + GRACE
        for proc in procs:
            proc.join(max(0.0, deadline - time.monotonic()))
        stuck = [p for p in procs if p.is_alive()]
        for proc in stuck:
            proc.kill()
            proc.join()
        return bool(stuck)


Pending = deque[tuple[Job, "Future[Result] | None"]]


def results(jobs: Iterator[Job], settings: Settings) -> Generator[tuple[Job, Result], None, None]:
    n = settings.jobs
    # Never more workers than inputs: peek at up to n of them.
    first = list(islice(jobs, n))
    jobs = chain(first, jobs)
    n = min(n, len(first))
    if n <= 1:
        for job in jobs:
            yield job, convert(job, settings)
        return
    warm(load_style(settings.style), settings.formats)
    pool = _Pool(n)
    # A bounded window of futures keeps memory flat in the number of inputs. A
    # future of None marks an input to try again on its own, after a pool died.
    pending: Pending = deque()
    try:
        for job in jobs:
            pending.append((job, pool.submit(job, settings)))
            while len(pending) >= n * 4:
                yield _next(pending, pool, settings)
        while pending:
            yield _next(pending, pool, settings)
    except BaseException:
        # Interrupted, or the caller stopped early (--fail-fast): stop the workers
        # now rather than letting them finish the queue.
        if pool.stop():
            sweep([job for job, _ in pending], settings)
        raise
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)


def _next(pending: Pending, pool: _Pool, settings: Settings) -> tuple[Job, Result]:
    from concurrent.futures import wait
    from concurrent.futures.process import BrokenProcessPool

    while True:
        job, fut = pending[0]
        alone = fut is None
        if fut is None:
            # Alone means alone: let what is still in flight finish first.
            others = [f for _j, f in pending if f is not None]
            wait(others)
            if any(f.exception() is not None and isinstance(f.exception(), BrokenProcessPool) for f in others):
                pool.restart()
                _requeue(pending)
            fut = pool.submit(job, settings)
        try:
            result = fut.result()
        except BrokenProcessPool:
            # A dead worker takes the whole pool and every input it held with it.
            # Which input killed it is unknown: each is tried again on its own,
            # and one that kills a pool while alone in it is the cause.
            pool.restart()
            _requeue(pending)
            if not alone:
                continue
            result = Result.of(job, error=KILLED)
        pending.popleft()
        return job, result


def _requeue(pending: Pending) -> None:
    for i, (job, fut) in enumerate(pending):
        if fut is not None and not (fut.done() and not fut.cancelled() and fut.exception() is None):
            pending[i] = (job, None)
