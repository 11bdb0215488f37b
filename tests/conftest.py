"""Fixtures every test may use: a private font cache for the session, and the
examples exported once in every format. The helpers are in ``helpers.py``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import EPOCH, EXAMPLES, SEED, bantin


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests never touch the user's cache (bantin.style.cache): one fresh cache per
    session, inherited by every bantin subprocess."""
    os.environ["BANTIN_CACHE_DIR"] = str(tmp_path_factory.mktemp("bantin-cache"))


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example (and the seed, when present) in every format, exported once."""
    out = tmp_path_factory.mktemp("exported")
    inputs = [str(EXAMPLES)] + ([str(SEED)] if SEED.is_file() else [])
    r = bantin("export", "-f", "pdf,docx,epub,txt,json", "-o", str(out), *inputs,
               env={"SOURCE_DATE_EPOCH": EPOCH})
    assert r.returncode == 0, r.stderr.decode()
    return out


