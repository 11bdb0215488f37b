"""Ctrl-C and SIGTERM end a run the same way: exit status 130, no partial file.

The first signal raises ``KeyboardInterrupt`` where the program is; every later
one is ignored, so that the clean-up it starts (temporary files removed, workers
stopped, the manifest saved) is not itself interrupted. Installed before the
rest of bantin is imported, so a signal in the first instants is handled too.
"""

from __future__ import annotations

import signal

MESSAGE = "bantin: interrupted; no partial output was left"


def _stop(signum: int, frame: object) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def install() -> None:
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
