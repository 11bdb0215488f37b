"""The code itself: ruff clean, and mypy --strict clean on bantin/ (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import ROOT


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *cmd], cwd=ROOT, capture_output=True, text=True, check=False,
                          timeout=600)


def test_ruff_clean() -> None:
    r = _run("ruff", "check", "bantin", "tests", "bench", "examples")
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.slow
def test_mypy_strict_clean() -> None:
    r = _run("mypy")
    assert r.returncode == 0 and "Success" in r.stdout, r.stdout + r.stderr
