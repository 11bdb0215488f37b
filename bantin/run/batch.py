"""Many inputs at once: parallel, sharded, incremental, reported, interruptible.

Each input is converted by ``convert.convert``, in local worker processes
(``pool``) or on a Dask cluster (``cluster``); results come back in input order,
so the report and the manifest do not depend on how the work was spread.
Before anything is written, the run refuses outputs that would replace its own
inputs.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

import click

from bantin.errors import StdoutError, UsageError
from bantin.run import cluster, interrupt, manifest, owned, pool
from bantin.run.collect import PassedOver, collect, covered, input_suffixes
from bantin.run.convert import Job, Result, an_output, bundle, folded, slug, target
from bantin.run.guard import Guard, OutputRefused, check, report_refusal
from bantin.run.keys import in_shard, output_key
from bantin.run.names import shown
from bantin.run.outcome import Outcome
from bantin.run.output import unwritable
from bantin.run.report import Output, Report
from bantin.run.settings import Settings

Err = Callable[[str], None]
# Seconds between saves of an --incremental run's manifest while it runs: a run
# killed outright (SIGKILL, a CI job's timeout, the OOM killer) has no chance to
# save it at the end, and its next run would convert everything again (helper-141).
CHECKPOINT = 30.0


class BatchUsageError(UsageError):
    pass


def check_outputs(inputs: tuple[str, ...], settings: Settings) -> bool:
    """Refuse, before anything is written, an output folder that is not a folder
    and any output that would replace an input (``bantin.run.guard``). Returns
    whether the output folder is shared with the inputs: then the run records
    what it writes (``bantin.run.owned``)."""
    out = settings.out_dir
    if settings.report is not None:
        why = report_refusal(inputs, settings.report, an_output(inputs, settings.report, settings),
                             settings.overwrite)
        if why is not None:
            raise BatchUsageError(f"--report {shown(str(settings.report))}: {why}")
    if out is None:
        return False
    if out.exists() and not out.is_dir():
        raise BatchUsageError(f"-o {shown(str(out))}: not a folder")
    if out.is_symlink() and not out.exists():
        # mkdir cannot make the folder a dangling link names: each output would
        # fail with "File exists", which says nothing of the cause.
        raise BatchUsageError(f"-o {shown(str(out))}: a link to {shown(os.readlink(out))}, which does not exist")
    above = next((p for p in out.parents if p.exists()), None)
    if above is not None and not above.is_dir():
        raise BatchUsageError(f"-o {shown(str(out))}: {shown(str(above))} is not a folder")
    if not out.exists() and out.suffix.lower() in {target(Path(), Path("x"), f).suffix for f in settings.formats}:
        # "-o moi.pdf" would make a folder of that name: the user wanted a file.
        raise BatchUsageError(f"-o {shown(str(out))}: -o names a folder, and each output is named after its "
                              "input; give a folder, or -o - to write one document to standard output")
    why = unwritable(out)
    if why is not None:
        raise BatchUsageError(f"-o {shown(str(out))}: cannot write there: {shown(why)}")
    guard = Guard.of(inputs, out, settings.overwrite)

    inner = covered(inputs, os.path.realpath(out))

    def targets() -> Iterator[Path]:
        if settings.bundle is not None:
            yield from (target(out, Path(slug(settings.bundle)), f) for f in settings.formats)
            return
        for src in inputs:
            if src == "-":
                yield from (target(out, Path("stdin"), f) for f in settings.formats)
            elif not Path(src).is_dir() and src not in inner:
                yield from (target(out, Path(Path(src).stem), f) for f in settings.formats)
        if guard.overlaps():
            # The output folder and an input folder hold each other: every mirrored
            # output is checked (one more walk of the tree, names only).
            for job in collect(inputs, out, outermost=True):
                if job.source != "-" and Path(job.source).is_dir() is False:
                    yield from (target(out, job.stem, f) for f in settings.formats)

    try:
        check(guard, targets())
    except OutputRefused as e:
        raise BatchUsageError(str(e)) from None
    return guard.overlaps()


def run(inputs: tuple[str, ...], settings: Settings, err: Err) -> Report:
    t0 = time.perf_counter()
    settings = replace(settings, shared=check_outputs(inputs, settings))
    passed = PassedOver(own=frozenset({os.path.realpath(settings.report)} if settings.report else ()))
    found = collect(inputs, settings.out_dir, outermost=settings.bundle is None, passed=passed)
    first = list(islice(found, 2))
    if not first:
        where = ", ".join(shown(s) for s in inputs[:3]) + (", …" if len(inputs) > 3 else "")
        held = f"; {'they hold' if len(inputs) > 1 else 'it holds'} {passed.counts()}" if passed.kinds else ""
        if passed.outputs:  # helper-99: the folder holds only what an earlier run wrote into it
            held += f"; only {passed.outputs} output{'s' if passed.outputs > 1 else ''} of an earlier bantin run"
        raise BatchUsageError(f"no input files in {where}{held} (bantin reads {', '.join(input_suffixes())})")
    if settings.out_dir is None and (len(settings.formats) != 1 or (len(first) != 1 and not settings.bundle)):
        raise BatchUsageError("-o - writes one document: give one format and one input (or --bundle)")
    jobs = chain(first, found)
    outcome = Outcome(settings.report, settings, settings.collect)
    try:
        _run(jobs, settings, err, outcome)
    except KeyboardInterrupt:
        # A CI job stopped by its time limit still learns what was done: the report
        # is complete for the inputs it lists, and says the run was stopped.
        outcome.report.interrupted = True
        outcome.close(time.perf_counter() - t0)
        raise
    except BaseException:
        outcome.abort()
        raise
    finally:
        _record(settings, outcome)
    elapsed = time.perf_counter() - t0
    outcome.report.error = outcome.error  # a manifest or record not written, said in the report too
    report = outcome.close(elapsed)
    if outcome.error:
        err(f"bantin: error: {outcome.error}")
        report.error = outcome.error  # the exit status says so; no input failed for it
    if not settings.quiet:
        if passed:  # a PDF or an old .doc dropped into an archive must not vanish in silence
            err(f"bantin: warning: {passed.line()}")
        stopped = f", {report.stopped} not attempted (--fail-fast)" if report.stopped else ""
        err(f"bantin: {report.converted} converted, {report.failed} failed, {report.skipped} skipped{stopped} "
            f"in {elapsed:.2f} s")
    return report


def _failed(r: Result, outcome: Outcome, err: Err) -> None:
    err(f"bantin: error: {r.label}: {r.error}")
    outcome.add(r)


def _run(jobs: Iterator[Job], settings: Settings, err: Err, outcome: Outcome) -> None:
    if settings.bundle is not None:
        _run_bundle(list(jobs), settings, err, outcome)
        return

    tracked = settings.out_dir or Path()  # the folder the manifest's outputs are relative to
    incremental = settings.incremental and settings.out_dir is not None
    known: manifest.Entries = {}
    if incremental:
        known = manifest.load(tracked, lambda msg: err(f"bantin: warning: {msg}"))
    updates: manifest.Entries = {}
    keys: dict[str, str | None] = {}
    kept: dict[str, list[Output]] = {}  # the up-to-date outputs of an input converted to the other formats
    stopping = False  # --fail-fast met a failure among the inputs judged without converting
    rest: list[Job] = []  # the input todo() had taken when it stopped

    def judged(r: Result) -> None:
        """An input judged without converting it, reported in its turn among the
        inputs handed to the workers: the report and the error lines keep input
        order whatever the number of workers."""
        nonlocal stopping
        if issued:
            issued.append(r)
        elif _settle(r, settings, err, outcome) and settings.fail_fast:
            stopping = True

    def todo() -> Iterator[Job]:
        """The inputs of this shard, less problems, name collisions and unchanged inputs."""
        seen: dict[str, str] = {}
        for job in jobs:
            if stopping:
                rest.append(job)
                return
            if not in_shard(job, settings.shard):
                continue
            if job.problem:
                judged(Result.of(job, error=job.problem))
                continue
            if job.skip:
                judged(Result.of(job, skipped=True, warnings=[job.skip]))
                continue
            stem = str(job.stem)
            # "Thời sự" typed composed and decomposed (an archive from a Mac) are two
            # names here and one file once the outputs are zipped, synced or copied
            # to Windows; so are "Bai" and "bai" (helper-141).
            name = folded(stem)
            if name in seen:
                judged(Result.of(job, error=f"output name collides with {seen[name]}"))
                continue
            seen[name] = job.label
            if incremental:
                key = keys[stem] = output_key(job, settings)
                need = manifest.stale(known, stem, key, tracked, settings.formats, Path(job.source).parent)
                up_to_date = tuple(f for f in settings.formats if f not in need)
                if not need:
                    judged(Result.of(job, skipped=True, outputs=manifest.kept(known, stem, tracked, up_to_date)))
                    continue
                if up_to_date:
                    job = replace(job, formats=need)
                    kept[stem] = manifest.kept(known, stem, tracked, up_to_date)
            issued.append(job)
            yield job

    # Handed to the workers, result not yet back (results come in input order), and
    # between them the results of inputs judged without them, to report in their turn.
    issued: deque[Job | Result] = deque()
    pending: Iterator[Job] = todo()
    total = None
    if settings.progress and not settings.quiet and sys.stderr.isatty():
        # A terminal shows a bar, which needs the count; CI logs get none and
        # keep the inputs streaming.
        listed = list(pending)
        pending, total = iter(listed), len(listed)
    if settings.scheduler is not None:
        stream = cluster.results(pending, settings)
    else:
        stream = pool.results(pending, settings)
    saved = time.monotonic()
    try:
        with _progress(total is not None and total > 1, total or 0) as bar:
            for job, res in stream:
                if interrupt.requested():
                    raise KeyboardInterrupt  # the signal's own exception was lost in a finaliser
                bar.update(1)
                issued.popleft()
                res.job = job  # a worker's result knows only the label
                _reported(res, job, keys, updates, tracked, settings, err, outcome, kept.pop(str(job.stem), []))
                if incremental and time.monotonic() - saved >= CHECKPOINT:
                    _save(tracked, updates, outcome)
                    saved = time.monotonic()
                # The inputs judged after this one are settled whether or not it
                # failed: left in the queue, the next result would pop one of them
                # in place of its own job, and that input would vanish from the report.
                stop = bool(res.error) and settings.fail_fast
                if not stop:
                    stop = _settle_judged(issued, settings, err, outcome) and settings.fail_fast
                if stop:
                    stopping = True
                    break
            else:
                _settle_judged(issued, settings, err, outcome)  # judged after the last input handed out
        if stopping:
            _stopped(chain(issued, rest, jobs), settings, outcome)
    finally:
        stream.close()
        if incremental:
            _save(tracked, updates, outcome)


def _run_bundle(jobs: list[Job], settings: Settings, err: Err, outcome: Outcome) -> None:
    """One document of all the inputs; each input that fails is reported in its turn."""
    result, failures = bundle([j for j in jobs if not (j.problem or j.skip)], settings)
    failed = {f.label: f for f in failures}
    for job in jobs:
        if job.problem or job.skip:
            _settle(Result.of(job, error=job.problem) if job.problem else
                    Result.of(job, skipped=True, warnings=[job.skip or ""]), settings, err, outcome)
        elif job.label in failed:
            _failed(failed[job.label], outcome, err)
    _warnings(result, settings, err)
    if result.error:
        _failed(result, outcome, err)
    else:
        _emit(result, outcome)


def _settle(r: Result, settings: Settings, err: Err, outcome: Outcome) -> bool:
    """Report an input judged without converting it; True when it failed."""
    _warnings(r, settings, err)
    if r.error:
        _failed(r, outcome, err)
        return True
    outcome.add(r)
    return False


def _settle_judged(issued: deque[Job | Result], settings: Settings, err: Err, outcome: Outcome) -> bool:
    """Report what was judged without converting up to the next input in the
    workers' hands; True when one failed (a --fail-fast run stops right there)."""
    while issued and isinstance(issued[0], Result):
        r = issued.popleft()
        assert isinstance(r, Result)
        if _settle(r, settings, err, outcome) and settings.fail_fast:
            return True
    return False


def _reported(res: Result, job: Job, keys: dict[str, str | None], updates: manifest.Entries, tracked: Path,
              settings: Settings, err: Err, outcome: Outcome, kept: list[Output]) -> None:
    """A converted input's result, in the report and (incremental) the manifest.
    A failed input's outputs that were written all the same (the formats made
    before another failed) are recorded too: the entry from the last run no longer
    describes them (helper-147: a stale text output was skipped, and reported
    with the old file's SHA-256)."""
    _warnings(res, settings, err)
    key = keys.pop(str(job.stem), None)
    if key and (res.written or not res.error):
        updates[str(job.stem)] = manifest.entry(key, res.written, res.outputs, res.depends, tracked)
    if kept:  # the formats it was up to date in are listed too, in the run's order of formats
        res.outputs = sorted(res.outputs + kept, key=lambda o: settings.formats.index(o.format))
    if res.error:
        _failed(res, outcome, err)
        return
    _emit(res, outcome)


def _stopped(rest: Iterator[Job | Result], settings: Settings, outcome: Outcome) -> None:
    """List the inputs a --fail-fast run did not convert or report: those in the
    workers' hands, those judged but not yet reported, and those not yet reached
    (the walk of the folders is finished, names only), so that a CI job knows
    what is left to do, the same with any number of workers."""
    for item in rest:
        job = item.job if isinstance(item, Result) else item
        if job is not None and in_shard(job, settings.shard):
            outcome.add(Result.of(job, stopped=True))


def _record(settings: Settings, outcome: Outcome) -> None:
    """Fold the notes of what was written into a shared folder into its record,
    even after an interrupt (a run killed outright leaves the notes, which the
    next run reads)."""
    if settings.out_dir is None or not settings.shared:
        return
    out_dir = settings.out_dir
    try:
        owned.fold(out_dir)
    except OSError as e:
        outcome.error = f"{shown(str(out_dir / owned.NAME))}: record not written: {e.strerror or e}"


def _save(out_dir: Path, updates: manifest.Entries, outcome: Outcome) -> None:
    try:
        manifest.save(out_dir, updates)
    except OSError as e:
        outcome.error = f"{shown(str(out_dir / manifest.NAME))}: manifest not written: {e.strerror or e}"


def _warnings(res: Result, settings: Settings, err: Err) -> None:
    if not settings.quiet:
        for w in res.warnings:
            err(f"bantin: warning: {res.label}: {w}")


def _emit(res: Result, outcome: Outcome) -> None:
    if res.stdout is not None:
        try:
            sys.stdout.buffer.write(res.stdout)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as e:  # a full disk, an I/O error: the run cannot go on writing there
            raise StdoutError(e.errno, e.strerror) from None
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
    return click.progressbar(length=total, file=sys.stderr, label="bantin")
