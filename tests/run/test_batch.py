"""Bulk conversion as CI runs it: trees, jobs, report, incremental, shards, interrupts."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import EPOCH, EXAMPLES, assert_stopped_cleanly, bantin

FOUR = "pdf,docx,epub,txt"


@pytest.fixture
def tree(tmp_path):
    src = tmp_path / "src"
    for i in range(3):
        d = src / f"nhom-{i}"
        d.mkdir(parents=True)
        for f in EXAMPLES.glob("*.txt"):
            shutil.copy(f, d / f.name)
    shutil.copy(EXAMPLES / "ban-tin-tong-hop.json", src / "ban-tin-tong-hop.json")
    return src


def tree_bytes(d):
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()
            and not p.name.startswith(".")}


def test_jobs_do_not_change_bytes(tree, tmp_path):
    env = {"SOURCE_DATE_EPOCH": EPOCH}
    r1 = bantin("export", "-f", FOUR, "--jobs", "1", "-o", str(tmp_path / "j1"), str(tree), env=env)
    r2 = bantin("export", "-f", FOUR, "--jobs", "2", "-o", str(tmp_path / "j2"), str(tree), env=env)
    assert r1.returncode == r2.returncode == 0, (r1.stderr, r2.stderr)
    one, two = tree_bytes(tmp_path / "j1"), tree_bytes(tmp_path / "j2")
    assert len(one) == 10 * 4 and one == two
    assert "nhom-2/thu-vien-so.epub" in one  # the tree is mirrored


def test_report_summary_and_streams(tree, tmp_path):
    (tree / "hong.txt").write_bytes(b"\xff\xfe\x00")
    report = tmp_path / "report.json"
    r = bantin("export", "-f", "txt,pdf", "-o", str(tmp_path / "out"), "--report", str(report), str(tree))
    assert r.returncode == 1
    assert r.stdout == b""  # documents only on stdout; none were asked for
    err = r.stderr.decode()
    assert "hong.txt" in err and "10 converted, 1 failed, 0 skipped" in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal
    data = json.loads(report.read_text())
    assert (data["converted"], data["failed"]) == (10, 1)
    good = next(i for i in data["inputs"] if i["status"] == "converted")
    assert {o["format"] for o in good["outputs"]} == {"txt", "pdf"}
    for o in good["outputs"]:
        assert len(o["sha256"]) == 64 and o["bytes"] > 0
    assert set(good["seconds"]) >= {"read", "txt", "pdf"}
    bad = next(i for i in data["inputs"] if i["status"] == "failed")
    assert bad["errors"] and "hong.txt" in bad["input"]


def test_quiet_prints_only_errors(tree, tmp_path):
    (tree / "rong.txt").write_bytes(b"")
    r = bantin("export", "-f", "txt", "-q", "-o", str(tmp_path / "o"), str(tree))
    assert r.returncode == 1
    assert r.stderr.decode().strip().splitlines() == [f"bantin: error: {tree / 'rong.txt'}: empty input"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fail_fast_lists_what_it_did_not_attempt(tree, tmp_path, jobs):
    (tree / "a-rong.txt").write_bytes(b"")
    rep = tmp_path / "r.json"
    r = bantin("export", "-f", "txt", "--fail-fast", "--jobs", jobs, "--report", str(rep), "-o", str(tmp_path / "o"),
               str(tree))
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "0 converted, 1 failed, 0 skipped, 10 not attempted (--fail-fast)" in err, err
    data = json.loads(rep.read_text(encoding="utf-8"))
    # Every input is listed once, in input order: the failure, then the ten it stopped before.
    assert [i["status"] for i in data["inputs"]] == ["failed"] + ["stopped"] * 10
    assert len({i["input"] for i in data["inputs"]}) == 11 and data["stopped"] == 10
    if jobs == "1":  # with two workers, the second may finish its input before the first one's failure is back
        assert not (tmp_path / "o").exists() or not any((tmp_path / "o").rglob("*.txt"))


def test_incremental(tree, tmp_path):
    out = tmp_path / "out"
    args = ["export", "-f", "txt,pdf", "--incremental", "-o", str(out), str(tree)]
    assert bantin(*args).returncode == 0
    r = bantin(*args)
    assert "0 converted, 0 failed, 10 skipped" in r.stderr.decode()
    (tree / "nhom-1" / "mua-lua-dong-thap.txt").write_text("Bài đã sửa\nSapo mới.\nThân bài.\n", encoding="utf-8")
    r = bantin(*args)
    assert "1 converted, 0 failed, 9 skipped" in r.stderr.decode()
    assert (out / "nhom-1" / "mua-lua-dong-thap.txt").read_text(encoding="utf-8").startswith("Bài đã sửa")
    r = bantin("export", "-f", "txt,pdf", "--incremental", "--style", "nd30", "-o", str(out), str(tree))
    assert "10 converted" in r.stderr.decode()  # a different style is a different output
    json.loads((out / ".bantin-manifest.json").read_text())


def test_incremental_rebuilds_when_a_font_file_is_replaced(tmp_path):
    """helper-84: a sheet's font file replaced by another under the same name left
    every PDF "skipped", the old face still embedded."""
    from bantin.style.fonts import resolve
    from bantin.style.stylesheet import load

    serif = resolve(load("default").body_font).files["regular"]
    sans = resolve(load("default").heading_font).files["regular"]
    face = tmp_path / "body.ttf"
    shutil.copyfile(serif, face)
    sheet = tmp_path / "house.toml"
    sheet.write_text('extends = "default"\nname = "house"\n\n[fonts]\nbody = { files = ["body.ttf"] }\n',
                     encoding="utf-8")
    out = tmp_path / "out"
    args = ["export", "-f", "pdf", "--incremental", "-s", str(sheet), "-o", str(out), str(EXAMPLES / "thu-vien-so.txt")]
    assert bantin(*args).returncode == 0
    assert "0 converted, 0 failed, 1 skipped" in bantin(*args).stderr.decode()
    shutil.copyfile(sans, face)
    r = bantin(*args)
    assert "1 converted, 0 failed, 0 skipped" in r.stderr.decode(), r.stderr
    fonts = subprocess.run(["pdffonts", str(out / "thu-vien-so.pdf")], capture_output=True, text=True).stdout
    assert "BeVietnamPro" in fonts and "IBMPlexSerif-Regular" not in fonts


def test_shards_partition_the_inputs(tree, tmp_path):
    seen = []
    for i in (1, 2, 3):
        out = tmp_path / f"s{i}"
        assert bantin("export", "-f", "txt", "--shard", f"{i}/3", "-o", str(out), str(tree)).returncode == 0
        seen.append(set(tree_bytes(out)) if out.exists() else set())
    assert sum(len(s) for s in seen) == 10 and len(set().union(*seen)) == 10
    assert bantin("export", "-f", "txt", "--shard", "4/3", str(tree)).returncode == 2


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_interrupt_leaves_no_partial_files(tree, tmp_path, sig):
    for i in range(40):
        d = tree / f"them-{i}"
        shutil.copytree(tree / "nhom-0", d)
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    proc = subprocess.Popen([sys.executable, "-m", "bantin", "export", "-f", FOUR, "--incremental", "--jobs", "2",
                             "--report", str(report), "-o", str(out), str(tree)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and not (out.exists() and any(out.rglob("*.pdf"))):
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    # One line says so, with no empty line before it (click's own answer to Ctrl-C).
    lines = err.decode().split("\n")
    assert lines[-2:] == ["bantin: interrupted; no partial output was left", ""] and "" not in lines[:-1], err
    assert (out / ".bantin-manifest.json").exists()
    assert_stopped_cleanly(out)
    # The report says the run was stopped, and lists what was done before it.
    data = json.loads(report.read_text())
    assert data["interrupted"] is True and data["converted"] == len(data["inputs"]) < 10 * 41
    assert all(Path(o["path"]).is_file() for i in data["inputs"] for o in i["outputs"])
    assert not list(tmp_path.glob(".report.json.*"))


def test_incremental_checks_the_outputs_of_its_own_folder(tree, tmp_path):
    """The manifest's outputs are relative to the output folder: a copy of the folder
    with a file missing converts that input again, whatever the original holds."""
    out = tmp_path / "out"
    assert bantin("export", "-f", "txt", "--incremental", "-o", str(out), str(tree)).returncode == 0
    entries = json.loads((out / ".bantin-manifest.json").read_text())["entries"]
    assert all(not p.startswith("/") for e in entries.values() for p in e["outputs"])
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    (copy / "nhom-1" / "mua-lua-dong-thap.txt").unlink()
    r = bantin("export", "-f", "txt", "--incremental", "-o", str(copy), str(tree))
    assert "1 converted, 0 failed, 9 skipped" in r.stderr.decode(), r.stderr
    assert (copy / "nhom-1" / "mua-lua-dong-thap.txt").is_file()


def test_incremental_report_lists_the_outputs_of_skipped_inputs(tree, tmp_path):
    """A CI job that publishes what --report lists must see every output, also those
    an unchanged input made in an earlier run; an output cut short is made again."""
    out, report = tmp_path / "out", tmp_path / "r.json"
    args = ["export", "-f", "txt,pdf", "--incremental", "-o", str(out), "--report", str(report), str(tree)]
    assert bantin(*args).returncode == 0
    first = {i["input"]: i["outputs"] for i in json.loads(report.read_text())["inputs"]}
    assert bantin(*args).returncode == 0
    data = json.loads(report.read_text())
    assert data["skipped"] == 10 and {i["status"] for i in data["inputs"]} == {"skipped"}
    assert {i["input"]: i["outputs"] for i in data["inputs"]} == first
    listed = [o for i in data["inputs"] for o in i["outputs"]]
    assert len(listed) == 20 and all(Path(o["path"]).stat().st_size == o["bytes"] for o in listed)
    cut = out / "nhom-1" / "mua-lua-dong-thap.pdf"
    cut.write_bytes(cut.read_bytes()[:100])
    r = bantin(*args)
    assert "1 converted, 0 failed, 9 skipped" in r.stderr.decode(), r.stderr
    assert cut.read_bytes().startswith(b"%PDF") and cut.stat().st_size > 100


def test_an_input_named_twice_is_converted_once(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EXAMPLES / "thu-vien-so.txt", src / "a.txt")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(src / "a.txt"), str(src),
               "./src/a.txt", cwd=tmp_path)
    assert r.returncode == 0 and "1 converted, 0 failed" in r.stderr.decode(), r.stderr


def test_folder_order_does_not_depend_on_the_normal_form_of_names(tmp_path):
    """A tree copied from a Mac has NFD names; its bundle lists articles as the same
    tree written with NFC names does."""
    import unicodedata

    titles = {"Ánh.txt": "Bài thứ nhất", "Bình.txt": "Bài thứ hai", "Ba.txt": "Bài thứ ba"}
    orders = []
    for form in ("NFC", "NFD"):
        src = tmp_path / form
        src.mkdir()
        for name, title in titles.items():
            body = f"{title}\n\nĐoạn văn của {title.lower()} về nông nghiệp.\n"
            (src / unicodedata.normalize(form, name)).write_text(body, encoding="utf-8")
        r = bantin("export", "-f", "txt", "--bundle", "Tổng hợp", "-o", "-", str(src))
        assert r.returncode == 0, r.stderr
        text = r.stdout.decode()
        orders.append(sorted(titles.values(), key=text.index))
    assert orders[0] == orders[1], orders


def test_the_report_keeps_input_order_and_real_names_whatever_the_workers(tree, tmp_path):
    """Inputs judged without converting (a broken file, a name that collides) are
    reported in their place among the others, so a report and the error lines are
    the same with one worker or two; and the report gives each path as it is on
    disk (a newline in a name is JSON's "\\n", not a quoted, escaped label)."""
    for d in ("nhom-0", "nhom-2"):
        (tree / d / "a-hong.txt").write_bytes(b"\xff\xfe\x00")
        (tree / d / "thu-vien-so.md").write_text("# Trùng tên\n\nMột câu.\n", encoding="utf-8")
    odd = tree / "nhom-1" / "bai\nmoi.txt"
    odd.write_text("Tin mới\nMột câu của bài.\n", encoding="utf-8")
    runs = {}
    for jobs in ("1", "2"):
        r = bantin("export", "-f", "txt", "--jobs", jobs, "-o", str(tmp_path / f"o{jobs}"),
                   "--report", str(tmp_path / f"r{jobs}.json"), str(tree))
        assert r.returncode == 1
        data = json.loads((tmp_path / f"r{jobs}.json").read_text(encoding="utf-8"))
        runs[jobs] = ([(e["input"], e["status"]) for e in data["inputs"]], r.stderr.decode().splitlines()[:-1])
        entry = next(e for e in data["inputs"] if e["input"] == str(odd))
        assert [Path(o["path"]).is_file() for o in entry["outputs"]] == [True]
    assert runs["1"] == runs["2"]
    inputs = [i for i, _ in runs["1"][0]]
    first = tree / "nhom-0"
    assert inputs.index(str(first / "a-hong.txt")) < inputs.index(str(first / "hoi-nghi-chuyen-doi-so.txt"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fail_fast_stops_at_an_input_judged_without_converting(tree, tmp_path, jobs):
    """A broken link found by the walk is a failure like any other: --fail-fast
    stops there, and what comes after it is "stopped" with any number of workers."""
    import os

    os.symlink(tree / "nowhere.txt", tree / "nhom-1" / "a-link.txt")
    rep = tmp_path / "r.json"
    r = bantin("export", "-f", "txt", "--fail-fast", "--jobs", jobs, "--report", str(rep), "-o", str(tmp_path / "o"),
               str(tree))
    assert r.returncode == 1
    data = json.loads(rep.read_text(encoding="utf-8"))
    statuses = [(Path(i["input"]).relative_to(tree).as_posix(), i["status"]) for i in data["inputs"]]
    failed = statuses.index(("nhom-1/a-link.txt", "failed"))
    assert all(s == "converted" for _, s in statuses[:failed]) and failed == 4  # the JSON, then nhom-0's three
    assert all(s == "stopped" for _, s in statuses[failed + 1:]) and len(statuses) == 11


def test_a_bundle_reports_its_inputs_in_input_order(tree, tmp_path):
    (tree / "nhom-0" / "b-hong.txt").write_bytes(b"")
    import os

    os.symlink(tree / "nowhere.txt", tree / "nhom-2" / "a-link.txt")
    rep = tmp_path / "r.json"
    r = bantin("export", "-f", "txt", "--bundle", "Tin", "--report", str(rep), "-o", str(tmp_path / "o"), str(tree))
    assert r.returncode == 1
    inputs = [i["input"] for i in json.loads(rep.read_text(encoding="utf-8"))["inputs"]]
    failed = [i for i in inputs if i.endswith(("b-hong.txt", "a-link.txt"))]
    assert failed == [str(tree / "nhom-0" / "b-hong.txt"), str(tree / "nhom-2" / "a-link.txt")]


def test_an_input_inside_a_named_folder_has_its_mirrored_place_whatever_the_order(tree, tmp_path):
    """``archive/2025/ archive/`` and ``archive/ archive/2025/`` write the same tree:
    what the outer folder's walk reaches is left to it. A bundle keeps the order
    given (``tin/mo-dau.txt tin/`` puts the opening article first)."""
    inner, one = tree / "nhom-1", tree / "nhom-1" / "thu-vien-so.txt"
    outs = []
    for n, args in enumerate(((tree, inner), (inner, tree), (one, tree), (tree, one))):
        out = tmp_path / f"o{n}"
        r = bantin("export", "-f", "txt", "-o", str(out), *map(str, args))
        assert r.returncode == 0, r.stderr
        outs.append(sorted(str(p.relative_to(out)) for p in out.rglob("*.txt")))
    assert outs[0] == outs[1] == outs[2] == outs[3] and "nhom-1/thu-vien-so.txt" in outs[0]
    opening = tree / "nhom-2" / "mo-dau.txt"
    opening.write_text("Lời mở đầu bản tin\nBản tin hôm nay có ba phần.\n", encoding="utf-8")
    r = bantin("export", "-f", "txt", "--bundle", "Tin", "-o", str(tmp_path / "b"), str(opening), str(tree))
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "b" / "tin.txt").read_text(encoding="utf-8")
    assert text.index("Lời mở đầu bản tin") < text.index("Hà Nội đẩy mạnh")  # nhom-0's article, walked first


def test_documents_of_a_folder_that_no_reader_takes_are_counted_in_one_line(tmp_path):
    """A PDF or a Word 97 file in an archive is passed over, but not in silence:
    one closing line counts them by kind. Pictures and other files are not
    counted (a saved web page's folder holds hundreds)."""
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_bytes((EXAMPLES / "thu-vien-so.txt").read_bytes())
    for name in ("b.pdf", "sub/c.pdf", "d.doc", "e.jpg", "README", "f.py", ".g.pdf"):
        (src / name).write_bytes(b"x")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr
    lines = r.stderr.decode().splitlines()
    said = (f"bantin: warning: passed over 3 documents bantin does not read (2 .pdf, 1 .doc): {src}/b.pdf, "
            f"{src}/d.doc, {src}/sub/c.pdf; save Word and OpenDocument files as .docx to convert them")
    assert lines[0] == said, lines
    assert lines[1].startswith("bantin: 1 converted") and len(lines) == 2
    assert bantin("export", "-q", "-f", "txt", "-o", str(tmp_path / "out2"), str(src)).stderr == b""
    (src / "a.txt").unlink()
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out3"), str(src))
    assert r.returncode == 2 and b"no input files in " in r.stderr and b"; it holds 2 .pdf, 1 .doc (bantin reads" \
        in r.stderr
    (src / "d.doc").unlink()
    (src / "sub" / "c.pdf").unlink()
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out4"), str(src), str(src / "sub"))
    assert b"; they hold 1 .pdf (bantin reads" in r.stderr
    (src / "a.txt").write_bytes((EXAMPLES / "thu-vien-so.txt").read_bytes())
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out5"), str(src))
    assert f"passed over 1 document bantin does not read (1 .pdf): {src}/b.pdf\n".encode() in r.stderr
    # helper-66: an emptied folder beside other inputs was passed over in silence.
    (tmp_path / "empty").mkdir()
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out6"), str(tmp_path / "empty"), str(src / "a.txt"))
    assert r.returncode == 0 and f"bantin: warning: no input files in {tmp_path}/empty\n".encode() in r.stderr


def test_words_owner_file_of_an_open_document_is_no_input(tmp_path):
    """Word keeps "~$NAME.docx" (a few bytes, no document) beside a file that is
    open: a folder's run failed on it while anyone had a document open (helper-137)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "lich.docx").write_bytes((EXAMPLES / "lich-tiep-cong-dan.docx").read_bytes())
    (src / "~$LICH.DOCX").write_bytes(b"\x0bNguyen Van A" + bytes(150))
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0 and b"1 converted, 0 failed" in r.stderr, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["lich.txt"]


def test_names_one_file_system_folds_alike_collide(tmp_path):
    """helper-141: "Thời sự" typed composed and decomposed (an archive from a Mac)
    are two folders on Linux and one once the outputs are zipped or copied to
    Windows, where one file replaced the other without a word; so are "Bai" and
    "bai". The second is reported as a collision, and the first converts."""
    import unicodedata

    src = tmp_path / "src"
    article = "Tin mới\nMột câu của bài.\n"
    for form in ("NFC", "NFD"):
        folder = src / unicodedata.normalize(form, "Thời sự")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / unicodedata.normalize(form, "Tin tức số 1.txt")).write_text(article, encoding="utf-8")
    (src / "Bai.txt").write_text(article, encoding="utf-8")
    (src / "bai.md").write_text("# Tin mới\n\nMột câu của bài.\n", encoding="utf-8")
    r = bantin("export", "-f", "txt", "-j", "1", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 1, r.stderr
    errors = [line for line in r.stderr.decode().splitlines() if "error" in line]
    assert len(errors) == 2 and all("output name collides with" in e for e in errors), errors
    assert len(list((tmp_path / "out").rglob("*.txt"))) == 2


def test_incremental_keeps_other_formats_known_after_a_run_of_fewer(tree, tmp_path):
    """A run of fewer formats (`-f txt` after `-f txt,pdf`) skips what it finds made,
    and leaves the other formats known: the next run of both converts only what
    changed, not the whole archive again (the key once held the formats)."""
    out, report = tmp_path / "out", tmp_path / "r.json"

    def run(formats):
        r = bantin("export", "-f", formats, "--incremental", "-o", str(out), "--report", str(report), str(tree))
        assert r.returncode == 0, r.stderr
        return r.stderr.decode(), json.loads(report.read_text())

    run("txt,pdf")
    err, data = run("txt")
    assert "0 converted, 0 failed, 10 skipped" in err, err
    assert {o["format"] for i in data["inputs"] for o in i["outputs"]} == {"txt"}  # only what was asked for
    edited = tree / "nhom-1" / "mua-lua-dong-thap.txt"
    edited.write_text("Bài đã sửa\nSapo mới.\nThân bài.\n", encoding="utf-8")
    assert "1 converted, 0 failed, 9 skipped" in run("txt")[0]
    # The edited input's PDF is of the old text: it is made again, and only it.
    err, data = run("txt,pdf")
    assert "1 converted, 0 failed, 9 skipped" in err, err
    pdf = out / "nhom-1" / "mua-lua-dong-thap.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Bài đã sửa" in text
    assert all({o["format"] for o in i["outputs"]} == {"txt", "pdf"} for i in data["inputs"])
    assert "0 converted, 0 failed, 10 skipped" in run("pdf,txt")[0]
