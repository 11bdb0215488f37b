"""Ctrl-C and SIGTERM end a run the same way: exit status 130, no partial file.

The first signal raises ``KeyboardInterrupt`` where the program is; every later
one is ignored, so that the clean-up it starts (temporary files removed, workers
stopped, the manifest saved) is not itself interrupted. Installed before the
rest of bantin is imported, so a signal while it loads is handled too (one that
arrives while Python itself is still starting, before any bantin code runs, gets
Python's default behaviour).
"""

from __future__ import annotations

import os
import signal
import sys

MESSAGE = "bantin: interrupted; no partial output was left"


_requested = False
_installed_in = 0  # the process that installed the handlers: the run, not a worker forked from it


def requested() -> bool:
    """Whether a stop signal came. The exception can be lost: raised inside a
    finaliser (a Dask future's ``__del__``), Python prints and drops it. Loops
    that wait on others check this flag as well."""
    return _requested


def ignore() -> None:
    """Every later stop signal does nothing: the clean-up under way, or the exit, is
    not interrupted. Where ``_stop`` handles them it only notes that one came: set
    to SIG_IGN instead, a signal already delivered whose handler has not run yet
    raised "Signal 15 ignored due to race condition" where the program was, with a
    traceback (seen under load). Other handlers are set to SIG_IGN."""
    global _requested
    _requested = True
    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is not _stop:
            signal.signal(sig, signal.SIG_IGN)


def _stop(signum: int, frame: object) -> None:
    global _requested
    if os.getpid() != _installed_in:
        # A worker forked from the run, stopped before it set its own handlers (the
        # parent's SIGTERM while the worker still starts): it has nothing to clean
        # up, and a KeyboardInterrupt there prints "Exception in initializer" and a
        # traceback.
        os._exit(130)
    if _requested:
        return  # a later signal: the stop is under way
    ignore()
    raise KeyboardInterrupt


def _unraisable(info: sys.UnraisableHookArgs) -> None:
    # The stop itself is reported once, as MESSAGE; a KeyboardInterrupt lost in a
    # finaliser would otherwise print a traceback too.
    if not isinstance(info.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(info)


def install() -> None:
    global _installed_in
    _installed_in = os.getpid()
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    sys.unraisablehook = _unraisable
