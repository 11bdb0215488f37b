"""What a conversion run did, input by input: the data of ``--report``.

``bantin.convert()`` returns a ``Report``; ``bantin export --report FILE`` writes
the same data as JSON (``Report.to_dict``), streamed entry by entry so that the
memory of a run does not grow with the size of the archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How every report file begins (``outcome.Outcome``): the guard knows an earlier
# report by it, which the next run may replace (``guard.report_refusal``).
REPORT_HEAD = '{\n  "inputs": ['


@dataclass(frozen=True)
class Output:
    """One file written: its format, path, size in bytes and SHA-256."""

    format: str
    path: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class InputReport:
    """One input: ``status`` is ``converted``, ``failed``, ``skipped`` (unchanged
    since the last ``incremental`` run) or ``stopped`` (not attempted: a
    ``fail_fast`` run stopped at an earlier failure). ``seconds`` has one entry per format,
    plus ``read``."""

    input: str
    status: str
    outputs: tuple[Output, ...] = ()
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "status": self.status,
            "outputs": [vars(o).copy() for o in self.outputs],
            "warnings": list(self.warnings),
            "errors": list(self.errors),
            "seconds": dict(self.seconds),
        }


@dataclass
class Report:
    """The whole run. ``inputs`` is empty when the run was asked not to collect
    entries (``collect=False``); the counts are always there."""

    bantin: str
    formats: tuple[str, ...]
    style: str
    inputs: list[InputReport] = field(default_factory=list)
    converted: int = 0
    failed: int = 0
    skipped: int = 0
    stopped: int = 0  # not attempted after a --fail-fast stop
    seconds: float = 0.0
    interrupted: bool = False  # stopped by SIGINT or SIGTERM: inputs not yet reached are not listed
    error: str | None = None  # the run's own failure, not an input's: a report, manifest or record not written

    @property
    def ok(self) -> bool:
        """True when no input failed and the run wrote all it keeps of itself."""
        return self.failed == 0 and self.error is None

    def summary(self) -> dict[str, Any]:
        """Everything but the entries: the tail of the ``--report`` file."""
        return {
            "bantin": self.bantin,
            "formats": list(self.formats),
            "style": self.style,
            "converted": self.converted,
            "failed": self.failed,
            "skipped": self.skipped,
            "stopped": self.stopped,
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
            **({"error": self.error} if self.error else {}),
        }

    def to_dict(self) -> dict[str, Any]:
        return {"inputs": [i.to_dict() for i in self.inputs], **self.summary()}
