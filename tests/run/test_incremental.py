"""`--incremental` never skips a stale output: what each output was made from is
recorded as it was read (helper-147's attacks on the manifest)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from helpers import EXAMPLES, bantin, pdftotext
from PIL import Image

from bantin.run import manifest
from bantin.source.sandbox import Seen, local_image

ARTICLE = "Tin thử\nSapo của bản tin thử.\nThân bài có một đoạn văn đủ dài để đọc.\n"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def export(*args: str) -> tuple[int, str]:
    r = bantin("export", "--incremental", *args)
    return r.returncode, r.stderr.decode()


def test_a_run_that_fails_in_one_format_records_what_it_wrote(tmp_path):
    """The text output rewritten by a run whose Word output failed is of the new
    options: a later run with the old options makes it again, and reports the
    SHA-256 of the file on disk."""
    src, out = tmp_path / "bai.txt", tmp_path / "out"
    src.write_text(ARTICLE, encoding="utf-8")
    assert export("-f", "txt,docx", "-M", "title=Bản tin số 01", "-o", str(out), str(src))[0] == 0
    (out / "bai.docx").unlink()
    (out / "bai.docx").mkdir()  # the Word output cannot be written
    code, err = export("-f", "txt,docx", "-M", "title=Bản tin số 02", "-o", str(out), str(src))
    assert code == 1 and "bai" in err
    assert "Bản tin số 02" in (out / "bai.txt").read_text(encoding="utf-8")
    (out / "bai.docx").rmdir()
    report = tmp_path / "r.json"
    code, err = export("-f", "txt", "-M", "title=Bản tin số 01", "-o", str(out), "--report", str(report), str(src))
    assert code == 0 and "1 converted, 0 failed, 0 skipped" in err, err
    text = out / "bai.txt"
    assert "Bản tin số 01" in text.read_text(encoding="utf-8")
    listed = json.loads(report.read_text())["inputs"][0]["outputs"]
    assert [o["sha256"] for o in listed] == [hashlib.sha256(text.read_bytes()).hexdigest()]


def test_a_fallback_font_replaced_makes_the_pdf_again(tmp_path):
    """A user who installs the font a warning asked for gets the character drawn
    at the next run, not the old [U+2605]."""
    face = tmp_path / "fb.ttf"
    shutil.copyfile(DEJAVU / "DejaVuSans-ExtraLight.ttf", face)  # no ★
    sheet = tmp_path / "house.toml"
    sheet.write_text('extends = "default"\nname = "house"\n\n[fonts]\nfallback = [{ files = ["fb.ttf"] }]\n',
                     encoding="utf-8")
    src, out = tmp_path / "sao.txt", tmp_path / "out"
    src.write_text("Xếp hạng\nSapo của bài.\nKhách sạn được xếp hạng ★★★★.\n", encoding="utf-8")
    args = ["-f", "pdf", "-s", str(sheet), "-o", str(out), str(src)]
    assert export(*args)[0] == 0
    assert "[U+2605]" in pdftotext(out / "sao.pdf")
    shutil.copyfile(DEJAVU / "DejaVuSans.ttf", face)  # has ★
    code, err = export(*args)
    assert code == 0 and "1 converted" in err, err
    assert "★★★★" in pdftotext(out / "sao.pdf")


def test_the_same_bytes_under_another_extension_are_read_again(tmp_path):
    """bai.txt renamed bai.md is read by another reader: another document."""
    out = tmp_path / "out"
    src = tmp_path / "bai.txt"
    src.write_text("# Tin thử\n\nSapo của bản tin thử.\n\n## Mục một\n\nThân bài.\n", encoding="utf-8")
    assert export("-f", "txt", "-o", str(out), str(src))[0] == 0
    first = (out / "bai.txt").read_text(encoding="utf-8")
    md = src.rename(tmp_path / "bai.md")
    code, err = export("-f", "txt", "-o", str(out), str(md))
    assert code == 0 and "1 converted" in err, err
    assert (out / "bai.txt").read_text(encoding="utf-8") != first


def _page(folder: Path, colour: str) -> Path:
    folder.mkdir()
    Image.new("RGB", (40, 30), colour).save(folder / "anh.png")
    page = folder / "trang.html"
    page.write_text("<html lang='vi'><head><title>Tin ảnh</title></head><body><article><h1>Tin ảnh</h1>"
                    "<p>Đoạn văn đầu tiên của bài viết có đủ chữ để là một đoạn văn.</p>"
                    "<figure><img src='anh.png' alt='Ảnh'><figcaption>Chú thích ảnh.</figcaption></figure>"
                    "<p>Đoạn văn thứ hai của bài viết cũng có đủ chữ để là một đoạn văn.</p>"
                    "</article></body></html>", encoding="utf-8")
    return page


def test_the_same_page_in_another_folder_shows_that_folders_picture(tmp_path):
    out = tmp_path / "out"
    red, blue = _page(tmp_path / "a", "red"), _page(tmp_path / "b", "blue")
    assert red.read_bytes() == blue.read_bytes()
    assert export("-f", "txt", "-o", str(out), str(red))[0] == 0
    code, err = export("-f", "txt", "-o", str(out), str(blue))
    assert code == 0 and "1 converted" in err, err
    entry = json.loads((out / manifest.NAME).read_text())["entries"]["trang"]
    assert entry["depends"] == {"anh.png": hashlib.sha256((tmp_path / "b" / "anh.png").read_bytes()).hexdigest()}
    assert "0 converted" in export("-f", "txt", "-o", str(out), str(blue))[1]


def test_a_picture_is_recorded_as_it_was_read(tmp_path):
    """A picture changed while the run goes on leaves the output of the old one:
    the record is of the bytes read, not of the file found afterwards."""
    Image.new("RGB", (4, 4), "red").save(tmp_path / "anh.png")
    read = hashlib.sha256((tmp_path / "anh.png").read_bytes()).hexdigest()
    seen = Seen()
    assert local_image("anh.png", tmp_path, lambda _m: None, seen) is not None
    Image.new("RGB", (4, 4), "blue").save(tmp_path / "anh.png")
    local_image("mat.png", tmp_path, lambda _m: None, seen)  # looked for, not there
    assert seen.files == {"anh.png": read, "mat.png": ""}


def test_runs_of_different_formats_at_once_keep_both(tmp_path):
    """Two runs saving at once (`-f pdf` and `-f txt` into one folder) merge the
    formats of one input's entry made from the same key."""
    pdf = {"key": "k", "outputs": ["bai.pdf"], "made": [["pdf", 10, "a" * 64]], "depends": {}}
    txt = {"key": "k", "outputs": ["bai.txt"], "made": [["txt", 5, "b" * 64]], "depends": {}}
    manifest.save(tmp_path, {"bai": pdf})
    manifest.save(tmp_path, {"bai": txt})
    entry = json.loads((tmp_path / manifest.NAME).read_text())["entries"]["bai"]
    assert entry["outputs"] == ["bai.txt", "bai.pdf"]
    # Made from another key, the other format's output is stale: it is forgotten.
    manifest.save(tmp_path, {"bai": {**pdf, "key": "k2"}})
    assert json.loads((tmp_path / manifest.NAME).read_text())["entries"]["bai"]["outputs"] == ["bai.pdf"]


def test_a_manifest_with_a_nul_in_a_path_converts_again(tmp_path):
    out = tmp_path / "out"
    src = tmp_path / "bai.txt"
    shutil.copy(EXAMPLES / "thu-vien-so.txt", src)
    assert export("-f", "txt", "-o", str(out), str(src))[0] == 0
    data = json.loads((out / manifest.NAME).read_text())
    data["entries"]["bai"]["outputs"] = ["b\u0000ai.txt"]
    data["entries"]["bai"]["depends"] = {"a\u0000nh.png": ""}
    (out / manifest.NAME).write_text(json.dumps(data))
    code, err = export("-f", "txt", "-o", str(out), str(src))
    assert code == 0 and "1 converted" in err and "Traceback" not in err, err


def test_incremental_with_a_bundle_is_refused(tmp_path):
    r = bantin("export", "--incremental", "--bundle", "Tổng hợp", "-f", "txt", "-o", str(tmp_path / "o"),
               str(EXAMPLES / "thu-vien-so.txt"))
    assert r.returncode == 2 and b"--bundle" in r.stderr


def test_a_run_of_more_formats_makes_only_the_missing_ones(tmp_path):
    """``-f all`` after ``-f pdf`` leaves the PDF as it is (not made again with a
    new date inside, as without SOURCE_DATE_EPOCH), makes the other three, and
    reports all four in the run's order of formats (helper-147)."""
    src, out, report = tmp_path / "bai.txt", tmp_path / "out", tmp_path / "r.json"
    src.write_text(ARTICLE, encoding="utf-8")
    assert export("-f", "pdf", "-o", str(out), str(src))[0] == 0
    pdf = out / "bai.pdf"
    pdf.write_bytes(pdf.read_bytes())  # the same bytes, a new time: a PDF made again would have another
    before = pdf.stat().st_mtime_ns
    code, err = export("-f", "all", "-o", str(out), "--report", str(report), str(src))
    assert code == 0 and "1 converted" in err, err
    assert pdf.stat().st_mtime_ns == before
    listed = json.loads(report.read_text())["inputs"][0]
    assert [o["format"] for o in listed["outputs"]] == ["pdf", "docx", "epub", "txt"]
    assert "pdf" not in listed["seconds"] and "docx" in listed["seconds"]
    assert listed["outputs"][0]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    code, err = export("-f", "all", "-o", str(out), "--report", str(report), str(src))
    assert code == 0 and "0 converted, 0 failed, 1 skipped" in err, err
    skipped = json.loads(report.read_text())["inputs"][0]["outputs"]
    assert [o["format"] for o in skipped] == ["pdf", "docx", "epub", "txt"]  # not the manifest's order
