"""Worker functions that kill their own process, as the OOM killer would. They
live in a module (not in a test) so that the process pool can pickle them. Each
ends in the pool's own worker function, which marks the worker busy: a worker
stopped mid-write then removes its temporary file, as in a real run (without it,
one stopped when another's death broke the pool left a ".c.txt.….part")."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from bantin.run.convert import Job, Result
from bantin.run.pool import _convert_in_worker as convert
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


def stuck_in_c(job: Job, settings: Settings) -> Result:
    """b.txt leaves a temporary output file, as a worker killed mid-write would,
    then keeps its worker in C code, where no signal handler runs (a parser on a
    hostile page); "busy" in the output folder says it got there."""
    if job.label.endswith("b.txt"):
        out = Path(str(settings.out_dir))
        (out / ".b.txt.0badf00d.part").write_bytes(b"half an output")
        (out / "busy").write_text("x")
        sum(range(2 * 10**9))  # about 40 s of C
    return convert(job, settings)
