"""Worker functions that kill their own process, as the OOM killer would. They
live in a module (not in a test) so that the process pool can pickle them."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from bantin.run.convert import Job, Result, convert
from bantin.run.settings import Settings


def dies_once(job: Job, settings: Settings) -> Result:
    """Kills its worker the first time it meets b.txt (a marker file remembers)."""
    marker = Path(str(settings.out_dir), "killed")
    if job.label.endswith("b.txt") and not marker.exists():
        marker.write_text("x")
        os.kill(os.getpid(), signal.SIGKILL)
    return convert(job, settings)


def always_dies(job: Job, settings: Settings) -> Result:
    """b.txt kills every worker that converts it."""
    if job.label.endswith("b.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return convert(job, settings)
