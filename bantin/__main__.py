"""``python -m bantin`` and the ``bantin`` command: signal handling first, then the CLI."""

from __future__ import annotations

import os
import signal


def run() -> None:
    try:
        from bantin.run import interrupt

        interrupt.install()
        from bantin.cli import main

        main()
    except KeyboardInterrupt:
        # Interrupted before the command could handle it (while importing), or
        # around its own handling: still one line and 130, never a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        os.write(2, b"bantin: interrupted; no partial output was left\n")
        os._exit(130)


if __name__ == "__main__":
    run()
