"""``python -m bantin`` and the ``bantin`` command: signal handling first, then the CLI."""

from __future__ import annotations

import os
import sys


def run() -> None:
    from bantin import interrupt

    interrupt.install()
    try:
        from bantin.cli import main

        main()
    except KeyboardInterrupt:
        # Interrupted before the command could handle it (while importing).
        os.write(2, (interrupt.MESSAGE + "\n").encode())
        sys.exit(130)


if __name__ == "__main__":
    run()
