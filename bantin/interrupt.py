"""Ctrl-C and SIGTERM end a run the same way: exit status 130, no partial file.

The first signal raises ``KeyboardInterrupt`` where the program is; every later
one is ignored, so that the clean-up it starts (temporary files removed, workers
stopped, the manifest saved) is not itself interrupted. Installed before the
rest of bantin is imported, so a signal while it loads is handled too (one that
arrives while Python itself is still starting, before any bantin code runs, gets
Python's default behaviour).
"""

from __future__ import annotations

import signal

MESSAGE = "bantin: interrupted; no partial output was left"


def ignore() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _stop(signum: int, frame: object) -> None:
    ignore()
    raise KeyboardInterrupt


def install() -> None:
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
