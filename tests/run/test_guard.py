"""No input is overwritten by any path (issue 28): outputs beside a named input,
mirrored outputs that land on a named input, an output folder that holds the input
folder, and an output subfolder that is a symlink into the inputs. Each is refused
before anything is written; --overwrite allows replacing what is not a named input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import EXAMPLES, bantin, checkout_env

ARTICLE = (EXAMPLES / "thu-vien-so.txt").read_bytes()


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_outputs_beside_a_named_input_never_replace_the_originals(tmp_path: Path) -> None:
    (tmp_path / "bai.md").write_text("# Bài viết\n\nĐoạn văn của bài.\n", encoding="utf-8")
    (tmp_path / "bai.docx").write_bytes(b"the reporter's original")
    (tmp_path / "bai.txt").write_bytes(b"the newsroom's text")
    before = snapshot(tmp_path)
    r = bantin("export", "-f", "docx,txt", "-o", ".", "bai.md", cwd=tmp_path)
    assert r.returncode == 2 and snapshot(tmp_path) == before
    assert b"bai.docx" in r.stderr and b"--overwrite" in r.stderr and b"Traceback" not in r.stderr
    r = bantin("export", "-f", "docx,txt", "-o", ".", "--overwrite", "bai.md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "bai.docx").read_bytes().startswith(b"PK")


def test_a_mirrored_output_never_replaces_a_named_input(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.md").write_text("# Tiêu đề\n\nĐoạn văn.\n", encoding="utf-8")
    (tmp_path / "out" / "sub").mkdir(parents=True)
    (tmp_path / "out" / "sub" / "a.txt").write_bytes(ARTICLE)
    before = snapshot(tmp_path)
    for extra in ((), ("--overwrite",)):
        r = bantin("export", "-f", "txt", "-o", "out", *extra, "in", "out/sub/a.txt", cwd=tmp_path)
        assert r.returncode == 2 and snapshot(tmp_path) == before, r.stderr
        assert b"would replace an input of this run; choose another output folder (-o)" in r.stderr


def test_an_output_folder_that_holds_the_input_folder(tmp_path: Path) -> None:
    (tmp_path / "out" / "src" / "src").mkdir(parents=True)
    (tmp_path / "out" / "src" / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "out" / "src" / "src" / "a.md").write_text("# Khác\n\nĐoạn.\n", encoding="utf-8")
    before = snapshot(tmp_path)
    r = bantin("export", "-f", "md,txt", "-o", "out", "out/src", cwd=tmp_path)
    assert r.returncode == 2 and snapshot(tmp_path) == before, r.stderr
    assert b"Traceback" not in r.stderr


def test_nothing_is_written_through_a_symlinked_folder_in_the_output(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "out").mkdir()
    os.symlink(tmp_path / "in" / "sub", tmp_path / "out" / "sub")
    before = snapshot(tmp_path / "in")
    for extra in ((), ("--overwrite",)):
        r = bantin("export", "-f", "txt", "-o", "out", *extra, "in", cwd=tmp_path)
        assert r.returncode != 0 and snapshot(tmp_path / "in") == before, r.stderr
        assert b"symlinked folder" in r.stderr


def test_a_run_into_its_own_output_folder_twice_is_fine(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    for _ in range(2):
        r = bantin("export", "-f", "txt,docx", ".", cwd=tmp_path)  # dist/ under the input folder
        assert r.returncode == 0, r.stderr
    assert (tmp_path / "a.txt").read_bytes() == ARTICLE and (tmp_path / "dist" / "a.docx").exists()
    assert not (tmp_path / "dist" / "dist").exists()


def test_incremental_converts_again_when_a_picture_changes(tmp_path: Path) -> None:
    from PIL import Image

    src = tmp_path / "src"
    src.mkdir()
    (src / "bai.md").write_text("# Bài có ảnh\n\nĐoạn văn.\n\n![Cánh đồng](anh.png)\n", encoding="utf-8")
    Image.new("RGB", (40, 30), (200, 10, 10)).save(src / "anh.png")
    out = tmp_path / "out"
    args = ("export", "-f", "epub", "--incremental", "-o", str(out), str(src))
    assert bantin(*args).returncode == 0
    first = (out / "bai.epub").read_bytes()
    assert b"0 converted, 0 failed, 1 skipped" in bantin(*args).stderr
    Image.new("RGB", (40, 30), (10, 10, 200)).save(src / "anh.png")
    again = bantin(*args)
    assert b"1 converted, 0 failed, 0 skipped" in again.stderr, again.stderr
    assert (out / "bai.epub").read_bytes() != first


def test_an_output_folder_inside_the_input_folder_keeps_an_original_there(tmp_path: Path) -> None:
    """The walk skips the output folder, so a file in it is no input of the run; it
    may still be somebody's original, and only the folder's record says otherwise."""
    (tmp_path / "src" / "dist").mkdir(parents=True)
    (tmp_path / "src" / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "src" / "dist" / "a.docx").write_bytes(b"an original kept in dist")
    before = snapshot(tmp_path)
    r = bantin("export", "-f", "docx", "-o", "src/dist", "src", cwd=tmp_path)
    assert r.returncode == 2 and snapshot(tmp_path) == before, r.stderr
    assert b"a.docx" in r.stderr and b"--overwrite" in r.stderr and b"Traceback" not in r.stderr


def test_an_output_folder_above_the_input_folder_keeps_an_original_there(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "a.docx").write_bytes(b"an original beside the input folder")
    before = snapshot(tmp_path)
    r = bantin("export", "-f", "docx", "-o", ".", "src", cwd=tmp_path)
    assert r.returncode == 2 and snapshot(tmp_path) == before, r.stderr
    r = bantin("export", "-f", "docx", "-o", ".", "--overwrite", "src", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "a.docx").read_bytes().startswith(b"PK"), r.stderr


def test_a_shared_output_folder_replaces_only_bantins_own_unedited_outputs(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_bytes(ARTICLE)
    args = ("export", "-f", "docx,txt", "-o", "src/dist", "src")
    for _ in range(2):  # the second run replaces what the first wrote
        r = bantin(*args, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    record = json.loads((tmp_path / "src" / "dist" / ".bantin-outputs.json").read_text(encoding="utf-8"))
    assert sorted(record["files"]) == ["a.docx", "a.txt"]
    edited = tmp_path / "src" / "dist" / "a.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "Một dòng biên tập viên thêm.\n", encoding="utf-8")
    before = snapshot(tmp_path)
    r = bantin(*args, cwd=tmp_path)
    assert r.returncode == 2 and snapshot(tmp_path) == before
    assert b"a.txt" in r.stderr and b"edited" in r.stderr


def test_a_run_killed_outright_leaves_its_outputs_known_as_bantins(tmp_path: Path) -> None:
    """SIGKILL runs no finaliser: the outputs already in a shared folder must still
    be known as bantin's, or the next run (a CI job retried after its time limit)
    refuses them as somebody's originals."""
    src = tmp_path / "src"
    src.mkdir()
    for i in range(40):
        (src / f"a{i:02}.txt").write_bytes(ARTICLE)
    args = ["export", "-f", "docx,txt", "--jobs", "2", "-o", "src/dist", "src"]
    proc = subprocess.Popen([sys.executable, "-m", "bantin", *args], cwd=tmp_path, env=checkout_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    dist = src / "dist"
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not (dist.exists() and any(dist.glob("*.docx"))):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    made = sorted(p.name for p in dist.glob("a*.*"))
    assert made and len(made) < 80, made  # killed mid-run, with outputs in place
    r = bantin(*args, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    record = json.loads((dist / ".bantin-outputs.json").read_text(encoding="utf-8"))
    assert len(record["files"]) == 80 and not (dist / ".bantin-outputs.log").exists()


def test_the_report_and_standard_input_never_replace_an_input(tmp_path: Path) -> None:
    """--report names a file like any output: one the run reads is refused (a
    named input, or a file in an input folder), and so is an output that is the
    very file the shell gave as standard input."""
    (tmp_path / "src").mkdir()
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "src" / "x.txt").write_bytes(ARTICLE)
    before = snapshot(tmp_path)
    for report, inputs in (("a.txt", ["a.txt"]), ("src/x.txt", ["src"])):
        r = bantin("export", "-f", "txt", "-o", "out", "--report", report, *inputs, cwd=tmp_path)
        assert r.returncode == 2 and b"would replace an input" in r.stderr, r.stderr
        assert snapshot(tmp_path) == before
    (tmp_path / "stdin.txt").write_bytes(ARTICLE)
    with (tmp_path / "stdin.txt").open("rb") as f:
        r = subprocess.run([sys.executable, "-m", "bantin", "export", "-f", "txt", "-o", ".", "-"], stdin=f,
                           capture_output=True, cwd=tmp_path, env=checkout_env(), timeout=120, check=False)
    assert r.returncode == 2 and b"stdin.txt would replace an input" in r.stderr, r.stderr
    assert (tmp_path / "stdin.txt").read_bytes() == ARTICLE
    # An earlier report may be replaced: it is the run's own.
    r = bantin("export", "-f", "txt", "-o", "out", "--report", "out/report.json", "src", cwd=tmp_path)
    r = bantin("export", "-f", "txt", "-o", "out", "--report", "out/report.json", "src", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_the_report_replaces_no_other_file_and_no_output(tmp_path: Path) -> None:
    """helper-66: --report beside an input replaced a reporter's Word file, and
    --report out/a.pdf made the run's PDF a file of JSON while the report listed
    it as the PDF. Another file is replaced only with --overwrite."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "src" / "keep.docx").write_bytes(b"the reporter's original")
    before = snapshot(tmp_path)
    # "out/A.TXT" is out/a.txt where names fold case (macOS, Windows: helper-69).
    for report, why in (("src/keep.docx", b"not a report of bantin's"), ("out/a.txt", b"an output of this run"),
                        ("out/A.TXT", b"an output of this run")):
        r = bantin("export", "-f", "txt", "-o", "out", "--report", report, "src/a.txt", cwd=tmp_path)
        assert r.returncode == 2 and why in r.stderr, r.stderr
        assert snapshot(tmp_path) == before
    r = bantin("export", "-f", "txt", "-o", "out", "--overwrite", "--report", "src/keep.docx", "src/a.txt",
               cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "src" / "keep.docx").read_text(encoding="utf-8"))["converted"] == 1
    # helper-68: a report in the output folder that no output is named as is written, and
    # written again over its earlier self (with its lines ended in CR LF, as on Windows).
    for report in ("out/report.json", "out/summary.txt", "out/logs/report.json"):
        for _ in range(2):
            r = bantin("export", "-f", "txt,json", "-o", "out", "--report", report, "src/a.txt", cwd=tmp_path)
            assert r.returncode == 0, (report, r.stderr)
    # A mirrored output of a folder's input, its name holding dots or its suffix in
    # capitals (helper-69), is an output too.
    for name, report in (("bao.cao.txt", "out/bao.cao.txt"), ("Bai.MD", "out/Bai.txt")):
        (tmp_path / "src" / name).write_bytes(ARTICLE)
        r = bantin("export", "-f", "txt", "-o", "out", "--report", report, "src", cwd=tmp_path)
        assert r.returncode == 2 and b"an output of this run" in r.stderr, r.stderr
        (tmp_path / "src" / name).unlink()
    crlf = tmp_path / "out" / "report.json"
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))
    r = bantin("export", "-f", "txt", "-o", "out", "--report", "out/report.json", "src/a.txt", cwd=tmp_path)
    assert r.returncode == 0 and b"\r" not in crlf.read_bytes(), r.stderr


def test_an_input_inside_the_output_folder_is_named_not_dropped_in_silence(tmp_path: Path) -> None:
    """``-o archive/misc archive``: the walk does not enter the output folder, and
    the inputs in it vanished from the run without a word (helper-84). They are
    named in a warning; bantin's own outputs there, recorded or left by an older
    run without a record, and a report, never fail a run (helper-85)."""
    (tmp_path / "src" / "misc").mkdir(parents=True)
    (tmp_path / "src" / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "src" / "misc" / "b.txt").write_bytes(ARTICLE)
    args = ("export", "-f", "txt", "-o", "src/misc", "--report", "src/misc/r.json", "src")
    for _ in range(2):  # the second time, misc also holds a.txt (recorded) and r.json
        r = bantin(*args, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        warned = [x for x in r.stderr.decode().splitlines() if "inside the output folder" in x]
        assert warned == ["bantin: warning: not converted: 1 input file inside the output folder "
                          "(src/misc/b.txt); choose an output folder that holds no inputs"], r.stderr
    assert (tmp_path / "src" / "misc" / "a.txt").is_file()
    # Outputs of a run that left no record (an older bantin): named, and no failure.
    (tmp_path / "src" / "misc" / ".bantin-outputs.json").unlink()
    r = bantin("export", "-f", "pdf", "-o", "src/misc", "src", cwd=tmp_path)
    assert r.returncode == 0 and b"3 input files inside the output folder" in r.stderr, r.stderr  # a.txt, b.txt, r.json


def test_a_run_into_its_own_input_folder_reads_none_of_its_outputs_back(tmp_path: Path) -> None:
    """helper-97: after ``-f json -o in in``, the next run read bantin's own JSON
    back as inputs (a second identical run failed; a run into another folder
    converted them and failed the originals by name)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(ARTICLE)
    for _ in range(2):
        r = bantin("export", "-f", "pdf,json", "-o", "in", "in", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    # helper-99: "-o . ." read them back all the same (a walk of "." names "./a.json"),
    # while the guard let the run write over the very file it was reading.
    for _ in range(2):
        r = bantin("export", "-f", "pdf,json", "-o", ".", ".", cwd=tmp_path / "in")
        assert r.returncode == 0 and b"2 outputs of an earlier bantin run" in r.stderr, r.stderr
    r = bantin("export", "-f", "txt", "-o", "out", "in", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["a.txt"]
    assert b"2 outputs of an earlier bantin run" in r.stderr and b".pdf" not in r.stderr  # nor passed over
    # Edited since, the JSON is somebody's work: an input again, and never replaced.
    edited = tmp_path / "in" / "a.json"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Thư viện", "Thư  viện"), encoding="utf-8")
    before = snapshot(tmp_path / "in")
    r = bantin("export", "-f", "pdf,json", "-o", "in", "in", cwd=tmp_path)
    assert r.returncode == 2 and snapshot(tmp_path / "in") == before and b"a.json" in r.stderr


def test_a_file_of_any_kind_that_bantin_did_not_write_is_kept_in_a_shared_folder(tmp_path: Path) -> None:
    """helper-97: a reporter's own .epub beside the texts was "passed over", then
    replaced by the run's EPUB without --overwrite (only files of an input format
    were kept)."""
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "a.epub").write_bytes(b"the reporter's own book")
    (tmp_path / "a.pdf").write_bytes(b"%PDF- the reporter's own print")
    before = snapshot(tmp_path)
    r = bantin("export", "-f", "epub,pdf", "-o", ".", ".", cwd=tmp_path)
    assert r.returncode == 2 and snapshot(tmp_path) == before
    assert b"a.epub" in r.stderr or b"a.pdf" in r.stderr
    r = bantin("export", "-f", "epub,pdf", "-o", ".", "--overwrite", ".", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
