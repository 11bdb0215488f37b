"""The Dask backend: a LocalCluster and a cluster started by hand, with a worker
killed mid-run. Outputs and the report must equal a --jobs 1 run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import EPOCH, EXAMPLES, assert_stopped_cleanly, bantin, checkout_env, example_tree

pytest.importorskip("distributed", reason='the dask extra is not installed (pip install ".[dask]")')

FORMATS = "pdf,docx,epub,txt"
ENV = {"SOURCE_DATE_EPOCH": EPOCH}


def make_tree(root: Path, copies: int) -> Path:
    src = example_tree(root / "src", copies)
    shutil.copy(EXAMPLES / "ban-tin-tong-hop.json", src / "ban-tin-tong-hop.json")
    (src / "hong.txt").write_bytes(b"\xff\xfe\x00binary")
    return src


def tree_bytes(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def report_without_times(path: Path, out: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("seconds")
    for entry in data["inputs"]:
        entry.pop("seconds")
        for o in entry["outputs"]:
            o["path"] = str(Path(o["path"]).relative_to(out))
    return data


def reference(tmp_path: Path, src: Path) -> tuple[dict[str, bytes], dict[str, object]]:
    out = tmp_path / "jobs1"
    r = bantin("export", "-f", FORMATS, "--jobs", "1", "-o", str(out), "--report", str(tmp_path / "r1.json"),
               str(src), env=ENV)
    assert r.returncode == 1, r.stderr  # hong.txt fails, in both runs alike
    return tree_bytes(out), report_without_times(tmp_path / "r1.json", out)


def with_pictures(src: Path) -> None:
    """A Markdown article beside the pictures it shows, one of them missing: a
    worker has no folder to read them from (helper-150: it refused them all)."""
    from PIL import Image

    (src / "nhom-00" / "anh").mkdir()
    Image.new("RGB", (320, 200), (200, 40, 40)).save(src / "nhom-00" / "anh" / "do.png")
    (src / "nhom-00" / "co-anh.md").write_text(
        "# Bài có ảnh\n\nSapo của bài có ảnh.\n\n![Ảnh đỏ](anh/do.png)\n\nĐoạn văn.\n\n"
        "![Ảnh thiếu](anh/thieu.png)\n", encoding="utf-8")


@pytest.mark.slow
def test_local_cluster_equals_jobs_1(tmp_path):
    src = make_tree(tmp_path, 2)
    with_pictures(src)
    want_files, want_report = reference(tmp_path, src)
    out = tmp_path / "dask"
    r = bantin("export", "-f", FORMATS, "--scheduler", "local", "--jobs", "2", "--batch-size", "3",
               "-o", str(out), "--report", str(tmp_path / "r2.json"), str(src), env=ENV)
    assert r.returncode == 1, r.stderr
    err = r.stderr.decode()
    assert "Traceback" not in err and "hong.txt" in err and "8 converted, 1 failed, 0 skipped" in err
    assert "image not found: anh/thieu.png" in err and "no folder" not in err
    assert tree_bytes(out) == want_files and len(want_files) == 8 * 4
    assert report_without_times(tmp_path / "r2.json", out) == want_report


@pytest.mark.slow
def test_incremental_manifest_stays_on_the_client(tmp_path):
    src = make_tree(tmp_path, 1)
    out = tmp_path / "out"
    args = ["export", "-f", "txt", "--scheduler", "local", "--jobs", "2", "--incremental", "-o", str(out), str(src)]
    assert bantin(*args, env=ENV).returncode == 1
    assert (out / ".bantin-manifest.json").is_file()
    r = bantin(*args, env=ENV)
    assert b"0 converted, 1 failed, 4 skipped" in r.stderr


@pytest.mark.slow
def test_without_the_extra_one_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Tiêu đề\nSapo.\n", encoding="utf-8")
    code = ("import sys; sys.modules['distributed'] = None; from bantin.cli import main; "
            f"sys.argv = ['bantin', 'export', '-f', 'txt', '--scheduler', 'local', '-o', {str(tmp_path / 'o')!r}, "
            f"{str(f)!r}]; main()")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert r.returncode == 2 and 'pip install "bantin[dask]"' in r.stderr and "Traceback" not in r.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _dask(*args: str) -> subprocess.Popen[bytes]:
    exe = shutil.which("dask") or pytest.fail("the dask command is not installed")
    return subprocess.Popen([exe, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**checkout_env(), **ENV}, start_new_session=True)


def _wait_for_workers(address: str, n: int) -> None:
    from distributed import Client

    with Client(address, timeout="30s") as client:
        client.wait_for_workers(n, timeout=60)


@pytest.mark.slow
def test_killed_worker_loses_nothing(tmp_path):
    src = make_tree(tmp_path, 12)
    want_files, want_report = reference(tmp_path, src)
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")]
    try:
        time.sleep(1)
        workers = [_dask("worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--name", f"w{i}")
                   for i in range(2)]
        procs += workers
        _wait_for_workers(address, 2)
        out = tmp_path / "dask"
        run = subprocess.Popen(
            [sys.executable, "-m", "bantin", "export", "-f", FORMATS, "--scheduler", address, "--batch-size", "2",
             "-o", str(out), "--report", str(tmp_path / "r2.json"), str(src)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**checkout_env(), **ENV},
        )
        # Kill worker w0 once outputs have started to arrive and it is running a batch.
        from distributed import Client

        with Client(address, timeout="30s") as client:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                names = {a: w["name"] for a, w in client.scheduler_info()["workers"].items()}
                busy = {names.get(a) for a, tasks in client.processing().items() if tasks}
                if "w0" in busy and list(out.rglob("*.pdf")):
                    break
                time.sleep(0.02)
            assert run.poll() is None, "the run ended before a worker could be killed; use more inputs"
            os.kill(workers[0].pid, signal.SIGKILL)
        _, err = run.communicate(timeout=300)
        assert run.returncode == 1, err.decode()
        assert "Traceback" not in err.decode()
        assert tree_bytes(out) == want_files
        assert report_without_times(tmp_path / "r2.json", out) == want_report
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
            p.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_interrupt_exits_130_with_no_partial_file(tmp_path, sig):
    src = make_tree(tmp_path, 30)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "bantin", "export", "-f", FORMATS, "--incremental",
                             "--scheduler", "local", "--jobs", "2", "--batch-size", "2", "-o", str(out), str(src)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and not (out.exists() and any(out.rglob("*.pdf"))):
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, sig)  # to the whole process group, workers included, as Ctrl-C in a terminal
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err and b"Exception ignored" not in err and b"KeyboardInterrupt" not in err
    assert_stopped_cleanly(out)


class _Future:
    def __init__(self, value: object = None, error: BaseException | None = None) -> None:
        self.value, self.error = value, error

    def result(self) -> object:
        if self.error is not None:
            raise self.error
        return self.value


class _Client:
    """Stands in for a Dask client whose worker dies on one input."""

    def __init__(self, poison: str) -> None:
        self.poison = poison
        self.submitted: list[int] = []

    def submit(self, fn, batch, pure=False):  # noqa: ANN001 - the shape of Client.submit
        from distributed import KilledWorker

        self.submitted.append(len(batch.items))
        if any(item.label == self.poison for item in batch.items):
            return _Future(error=KilledWorker("task", "worker", 3))
        return _Future(fn(batch))


def test_batch_that_fails_twice_reports_only_its_culprit(tmp_path):
    from bantin.run import cluster
    from bantin.run.settings import Settings
    from bantin.style.stylesheet import load

    items = tuple(cluster.Item(f"{n}.txt", f"Tiêu đề {n}\nSapo.\n".encode(), "txt") for n in "abc")
    settings = Settings(formats=("txt",), out_dir=None, epoch=int(EPOCH))
    batch = cluster.Batch(items, settings, load("default"))
    client = _Client("b.txt")
    flight = cluster._InFlight([], [None, None, None], batch, client.submit(cluster.run_batch, batch))
    out = cluster._outcomes(client, flight)
    assert client.submitted == [3, 1, 1, 1]  # the batch, then each input alone
    errors = {r.label: r.error for r, _made in out}
    assert errors["a.txt"] is None and errors["c.txt"] is None
    assert "failed on the cluster twice" in errors["b.txt"]
    assert [fmt for _r, made in out for fmt, _data in made] == ["txt", "txt"]


def test_workers_with_another_bantin_are_refused(monkeypatch):
    """A worker running another bantin would write other files under this run's
    name, and the manifest would vouch for them: the client compares first."""
    from bantin.errors import UsageError
    from bantin.run import cluster

    class Workers:
        def __init__(self, answer: str) -> None:
            self.answer = answer

        def run(self, fn):  # noqa: ANN001, ANN202 - the shape of Client.run
            return {"tcp://10.0.0.1:1": fn(), "tcp://10.0.0.2:1": self.answer}

    cluster._same_bantin(Workers(cluster.fingerprint()))  # the same installation everywhere
    with pytest.raises(UsageError, match=r"the Dask workers run bantin 0\.2\.9 \(abc\), this client bantin "):
        cluster._same_bantin(Workers("0.2.9 (abc)"))


def test_a_worker_that_joins_later_with_another_bantin_converts_nothing(monkeypatch):
    """The client compares the workers it finds when it connects; one that joins
    later checks each batch against the client's bantin, and converts nothing for
    another: each input gets one line saying why, no bytes come back."""
    from bantin.run import cluster
    from bantin.run.settings import Settings
    from bantin.style.stylesheet import load

    items = tuple(cluster.Item(f"{n}.txt", f"Tiêu đề {n}\nSapo của bài {n}.\n".encode(), "txt") for n in "ab")
    settings = Settings(formats=("txt",), out_dir=None, epoch=int(EPOCH))
    same = cluster.run_batch(cluster.Batch(items, settings, load("default"), cluster.fingerprint()))
    assert [r.error for r, _ in same] == [None, None] and all(made for _, made in same)
    other = cluster.run_batch(cluster.Batch(items, settings, load("default"), "0.2.9 (abc)"))
    assert [made for _, made in other] == [[], []]
    for result, _ in other:
        assert result.error and "this client bantin 0.2.9 (abc)" in result.error
        assert f"the Dask worker runs bantin {cluster.fingerprint()}" in result.error


@pytest.mark.slow
def test_a_saved_word_output_is_kept_on_a_cluster_too(tmp_path):
    """The client delivers a cluster's outputs: it keeps a Word file somebody saved,
    as a local run does."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "thu-vien-so.docx").write_bytes(b"somebody's notes")
    r = bantin("export", "-f", "docx", "--scheduler", "local", "--jobs", "2", "-o", str(out),
               str(EXAMPLES / "thu-vien-so.txt"), str(EXAMPLES / "mua-lua-dong-thap.txt"), env=ENV)
    err = r.stderr.decode()
    assert r.returncode == 1 and "thu-vien-so.docx is a Word file bantin did not write" in err, err
    assert (out / "thu-vien-so.docx").read_bytes() == b"somebody's notes" and (out / "mua-lua-dong-thap.docx").is_file()


def test_a_worker_makes_only_the_formats_an_input_lacks():
    """``--incremental`` hands a worker the formats an input lacks, as it hands a
    local one: the PDF made before is not made again (helper-150: a cluster run
    remade it, and listed it twice in the report)."""
    from bantin.run import cluster
    from bantin.run.settings import Settings
    from bantin.style.stylesheet import load

    settings = Settings(formats=("pdf", "txt"), out_dir=None, epoch=int(EPOCH))
    items = (cluster.Item("a.txt", "Tiêu đề\nSapo của bài.\n".encode(), "txt", formats=("txt",)),
             cluster.Item("b.txt", "Tiêu đề\nSapo của bài.\n".encode(), "txt"))
    done = cluster.run_batch(cluster.Batch(items, settings, load("default"), cluster.fingerprint()))
    assert [[fmt for fmt, _ in made] for _, made in done] == [["txt"], ["pdf", "txt"]]


def test_a_worker_reads_no_further_than_a_picture_it_cannot_read():
    """A worker has the input's bytes, not its folder: an input that refers to a
    local picture is read and not rendered, and names it, so that the client
    converts it where the picture is. Without a folder to ask from (standard
    input), it is rendered with the picture refused, as a local run does."""
    from bantin.run import cluster
    from bantin.run.settings import Settings
    from bantin.style.stylesheet import load

    text = "# Có ảnh\n\nSapo.\n\n![Xanh](./xanh.png)\n\n![Mạng](https://example.vn/a.png)\n".encode()
    settings = Settings(formats=("txt",), out_dir=None, epoch=int(EPOCH))
    asked, alone = cluster.run_batch(cluster.Batch(
        (cluster.Item("a.md", text, "md", ask=True), cluster.Item("-", text, "md")), settings, load("default"),
        cluster.fingerprint()))
    assert asked[1] == [] and asked[0].wanted == ["./xanh.png"] and asked[0].error is None
    assert [fmt for fmt, _ in alone[1]] == ["txt"] and any("no folder" in w for w in alone[0].warnings)
