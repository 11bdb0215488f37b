"""The package as users install it: build an sdist and a wheel, check them, install
the wheel into a fresh virtual environment, and convert through the API and the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT

from bantin import __version__


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False, **kw)  # type: ignore[call-overload]
    assert r.returncode == 0, f"{' '.join(cmd)}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # Build from a copy of the files git tracks, as a release would: nothing left
    # over from an editable install, and a data file nobody committed is missed.
    src = tmp_path_factory.mktemp("src")
    files = _run(["git", "ls-files", "-z"], cwd=ROOT).stdout.split("\0")
    for name in filter(None, files):
        target = src / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / name).is_file():
            target.write_bytes((ROOT / name).read_bytes())
    _run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(src)])
    return out


@pytest.mark.slow
def test_sdist_and_wheel_carry_the_data_files(dist: Path) -> None:
    wheel = next(dist.glob(f"bantin-{__version__}-py3-none-any.whl"))
    sdist = next(dist.glob(f"bantin-{__version__}.tar.gz"))
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    for needed in ("bantin/py.typed", "bantin/style/sheets/default.toml", "bantin/style/sheets/nd30.toml",
                   "bantin/model/schema/bantin.schema.json"):
        assert needed in names, needed
    assert not [n for n in names if n.startswith("tests/")]
    with tarfile.open(sdist) as t:
        members = {m.name.split("/", 1)[1] for m in t.getmembers() if "/" in m.name}
    assert {"bantin/py.typed", "bantin/style/sheets/default.toml", "bantin/model/schema/bantin.schema.json",
            "README.md", "CHANGELOG.md"} <= members
    r = _run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)])
    assert r.stdout.count("PASSED") == 2


API_SCRIPT = """
import sys
from pathlib import Path
import bantin

doc = bantin.read(Path(sys.argv[1]))
assert isinstance(doc, bantin.Article), doc
for fmt in ("pdf", "docx", "epub", "txt"):
    data = bantin.export(doc, fmt)
    Path(sys.argv[2], "api." + fmt).write_bytes(data)
try:
    bantin.read(b"")
except bantin.InputError as e:
    print("refused:", e)
print(bantin.__version__, doc.title)
"""


@pytest.mark.slow
def test_wheel_installs_and_converts_in_a_fresh_venv(dist: Path, tmp_path: Path) -> None:
    wheel = next(dist.glob("bantin-*.whl"))
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    py = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    _run([str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q", str(wheel)], env=env)
    article = EXAMPLES / "hoi-nghi-chuyen-doi-so.txt"
    # Run from an empty folder so that nothing is imported from the source tree.
    work = tmp_path / "work"
    work.mkdir()
    r = _run([str(py), "-c", API_SCRIPT, str(article), str(work)], cwd=work, env=env)
    assert r.stdout.startswith("refused: empty input")
    assert __version__ in r.stdout
    for fmt in ("pdf", "docx", "epub", "txt"):
        assert (work / f"api.{fmt}").stat().st_size > 0
    assert (work / "api.pdf").read_bytes().startswith(b"%PDF")
    cli = venv / "bin" / "bantin"
    r = _run([str(cli), "export", "-f", "all", "-o", str(work / "cli"), str(article)], cwd=work, env=env)
    assert sorted(p.suffix for p in (work / "cli").iterdir()) == [".docx", ".epub", ".pdf", ".txt"]
    assert (work / "cli" / "hoi-nghi-chuyen-doi-so.txt").read_bytes() == (work / "api.txt").read_bytes()
    location = _run([str(py), "-c", "import bantin; print(bantin.__file__)"], cwd=work, env=env).stdout
    assert str(venv) in location
