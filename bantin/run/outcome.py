"""The run's report as it goes: each input's result counted and streamed into the
``--report`` file as it arrives."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import IO

from bantin._version import __version__
from bantin.errors import UsageError
from bantin.run.convert import Result
from bantin.run.names import shown, visible_json
from bantin.run.report import REPORT_HEAD, Report
from bantin.run.settings import Settings


class Outcome:
    """Counts results and streams each into the report file as it arrives, so
    memory stays flat however many inputs there are (unless the caller asked to
    collect the entries). The file is written to a temporary name and renamed
    when the run ends."""

    def __init__(self, report_path: Path | None, settings: Settings, collect: bool) -> None:
        self.report = Report(__version__, settings.formats, settings.style)
        self.collect = collect
        self.path = report_path
        self.error: str | None = None  # an output-side failure of the run itself
        self._file: IO[str] | None = None
        self._tmp: Path | None = None
        if report_path is not None:
            try:
                report_path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{report_path.name}.", suffix=".part", dir=report_path.parent)
            except OSError as e:
                raise UsageError(f"--report {shown(str(report_path))}: {e.strerror or e}") from None
            self._tmp = Path(tmp)
            self._file = os.fdopen(fd, "w", encoding="utf-8", newline="\n")  # the same bytes on every system
            self._sep = "\n    "
            self._write(REPORT_HEAD)

    def _write(self, text: str) -> None:
        if self._file is None:
            return
        try:
            self._file.write(text)
        except OSError as e:
            self._lost(e)

    def _lost(self, e: OSError) -> None:
        # A full disk must not stop the conversion; the report is lost, and said so.
        self.error = f"--report {shown(str(self.path))}: {e.strerror or e}; no report written"
        self.abort()

    def add(self, r: Result) -> None:
        entry = r.entry()
        setattr(self.report, entry.status, getattr(self.report, entry.status) + 1)
        if self.collect:
            self.report.inputs.append(entry)
        if self._file is not None:
            # visible_json: a CI job that prints the report shows U+202E as "\u202e".
            self._write(self._sep + visible_json(json.dumps(entry.to_dict(), ensure_ascii=False)))
            self._sep = ",\n    "

    def close(self, elapsed: float) -> Report:
        self.report.seconds = elapsed
        if self._file is not None and self._tmp is not None and self.path is not None:
            tail = visible_json(json.dumps(self.report.summary(), ensure_ascii=False, indent=2))[2:]
            self._write("\n  ],\n" + tail + "\n")
            try:
                if self._file is not None:
                    self._file.close()
                    os.chmod(self._tmp, 0o644)
                    os.replace(self._tmp, self.path)
            except OSError as e:
                self._lost(e)
        return self.report

    def abort(self) -> None:
        if self._file is not None and self._tmp is not None:
            try:
                self._file.close()
            except OSError:
                pass
            self._tmp.unlink(missing_ok=True)
        self._file = None
