"""The command line as users and CI run it: a real process, real files."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time

import pytest
from helpers import EXAMPLES, bantin, checkout_env

ARTICLE = "Tiêu đề thử\n(HNM) - Sáng 1/6, sapo của bài.\nĐoạn thân bài có AT&T và <b>không phải thẻ</b>.\nMinh Châu\n"


def out_files(d):
    return sorted(p.name for p in d.rglob("*") if p.is_file() and not p.name.startswith(".bantin"))


def test_help_and_version():
    r = bantin("--help")
    assert r.returncode == 0 and b"export" in r.stdout
    for cmd in ("export", "inspect", "formats", "styles"):
        assert bantin(cmd, "--help").returncode == 0
    from bantin import __version__

    assert bantin("--version").stdout.strip().endswith(__version__.encode())


def test_help_imports_nothing_heavy():
    # Not the writers' libraries, not the readers', and not the pipeline itself.
    code = (
        "import sys; from click.testing import CliRunner; from bantin.cli import cli; "
        "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0; "
        "print([m for m in ('reportlab', 'docx', 'ebooklib', 'fontTools', 'lxml', 'PIL', 'trafilatura', "
        "'markdown_it', 'yaml', 'bantin.api', 'bantin.source', 'bantin.model') if m in sys.modules])"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"


def test_formats_and_styles_lists():
    r = bantin("formats")
    for name, ext in (("pdf", ".pdf"), ("docx", ".docx"), ("epub", ".epub"), ("txt", ".txt"), ("json", ".json")):
        assert f"{name}".encode() in r.stdout and ext.encode() in r.stdout
    r = bantin("styles")
    assert b"default" in r.stdout and b"nd30" in r.stdout


def test_export_txt_and_json_from_folder(tmp_path):
    src = tmp_path / "src" / "sub"
    src.mkdir(parents=True)
    (src / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "txt,json", "-o", str(out), str(tmp_path / "src"))
    assert r.returncode == 0, r.stderr
    assert (out / "sub" / "bai.txt").is_file() and (out / "sub" / "bai.json").is_file()
    # The canonical JSON is itself an input.
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "again"), str(out / "sub" / "bai.json"))
    assert r.returncode == 0
    assert (tmp_path / "again" / "bai.txt").read_bytes() == (out / "sub" / "bai.txt").read_bytes()


def test_inspect_prints_canonical_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = bantin("inspect", str(f))
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert data["schema"] == "bantin/article@3" and data["outlet"]["code"] == "HNM"


def test_stdin_to_stdout():
    r = bantin("export", "-f", "txt", "-o", "-", "-", input=ARTICLE.encode())
    assert r.returncode == 0
    assert r.stdout.decode().startswith("Tiêu đề thử\n")
    assert b"converted" in r.stderr and b"converted" not in r.stdout


def test_meta_overrides(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = bantin("export", "-f", "json", "-o", "-", "-M", "date=2025-06-01", "-M", "title=Tên mới",
               "-M", "byline=Ban biên tập", "-M", "outlet=Báo Mới", str(f))
    d = json.loads(r.stdout)
    got = (d["date"], d["title"], d["byline"], d["outlet"]["name"])
    assert got == ("2025-06-01", "Tên mới", "Ban biên tập", "Báo Mới")
    r = bantin("export", "-f", "json", "-o", "-", "-M", "date=5/8", str(f))
    assert r.returncode == 2 and b"ISO 8601" in r.stderr
    assert b"same title" not in bantin("export", "-f", "txt", "-o", str(tmp_path / "one"), "-M", "title=X",
                                      str(f)).stderr


def test_one_title_given_to_many_inputs_is_warned_of(tmp_path):
    """helper-141: "-M title=…" over a folder titled all its articles alike, without
    a word; the slip is for --bundle."""
    for name in ("a", "b"):
        (tmp_path / "src").mkdir(exist_ok=True)
        (tmp_path / "src" / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), "-M", "title=Tên mới", str(tmp_path / "src"))
    assert r.returncode == 0, r.stderr
    assert b"-M title gives every input the same title; --bundle TITLE titles one bundle" in r.stderr


@pytest.mark.parametrize(("args", "pointer"), [
    # bantin's own messages say what would do: the formats or styles there are.
    (["-f", "nope"], False),
    (["-f", "txt", "--style", "no-such-style"], False),
    (["-f", "txt", "-o", "/proc/bantin-out"], False),  # no option is wrong: help would not help
    # An option that would do nothing here is refused, not ignored.
    (["-f", "txt", "--batch-size", "10"], False),
    (["-f", "txt", "-o", "-", "--incremental"], False),
    (["-f", "txt", "--bundle", "Tổng hợp", "--shard", "1/2"], False),
    # click's parser says only what it did not understand: help says the rest.
    (["-f", "txt", "--no-such-option"], True),
    (["-o", "out", "-f"], True),
])
def test_usage_errors_exit_2(args, pointer, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = bantin("export", str(f), *args, cwd=tmp_path)
    assert r.returncode == 2
    # One line, as every error: what is wrong, and where help is when that helps.
    assert r.stderr.count(b"\n") == 1 and r.stderr.startswith(b"bantin: error: "), r.stderr
    assert (b"(see bantin export --help)" in r.stderr) is pointer, r.stderr


def test_bad_inputs_one_line_each_others_converted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (tmp_path / "latin.txt").write_bytes("Tiêu đề\nSapo.\n".encode("cp1258", "replace") + b"\xe9\xff")
    (tmp_path / "broken.json").write_text('{"schema": "bantin/article@1", "title": 3}', encoding="utf-8")
    out = tmp_path / "out"
    inputs = [str(tmp_path / n) for n in ("empty.txt", "blank.txt", "binary.txt", "latin.txt", "missing.txt",
                                          "broken.json", "good.txt")]
    r = bantin("export", "-f", "pdf,docx,epub,txt", "-o", str(out), *inputs)
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("bantin: error:")]
    assert len(errors) == 6
    for name, reason in (("empty.txt", "empty"), ("blank.txt", "white space"), ("binary.txt", "binary"),
                         ("latin.txt", "--encoding"), ("missing.txt", "no such file"), ("broken.json", "title")):
        assert any(name in e and reason in e for e in errors), (name, errors)
    assert out_files(out) == ["good.docx", "good.epub", "good.pdf", "good.txt"]
    assert not [p for p in out.rglob("*.part")]


def test_debug_shows_traceback(tmp_path):
    f = tmp_path / "a.json"
    f.write_text('{"schema": "bantin/article@1", "title": "x", "blocks": [{"type": "heading", "level": "one"}]}')
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "o"), str(f))
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    r = bantin("export", "-f", "txt", "--debug", "-o", str(tmp_path / "o"), str(f))
    assert r.returncode == 1 and b"Traceback" in r.stderr


def test_no_partial_file_when_export_fails(tmp_path):
    # A run of more characters than a line can ever hold is refused by the PDF writer.
    f = tmp_path / "long.txt"
    f.write_text("Tiêu đề\nSapo.\n" + "x" * 20000 + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "pdf", "-o", str(out), str(f))
    assert r.returncode == 1 and b"without a space" in r.stderr
    assert not out.exists() or list(out.iterdir()) == []


HUGE = "chữ Việt " * 125_000  # a million characters on one line
SHAPES = {
    "body": "Tiêu đề\nSapo.\n" + HUGE + "\n",
    # The reliability review: a 360,000-character title and lede (every block kind is linear).
    "title-and-lede": "\n".join([HUGE[:360_000]] * 3) + "\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", list(SHAPES))
def test_million_character_line_finishes(tmp_path, shape):
    f = tmp_path / "huge.txt"
    f.write_text(SHAPES[shape], encoding="utf-8")
    t0 = time.perf_counter()
    r = bantin("export", "-f", "pdf,docx,epub,txt", "-o", str(tmp_path / "out"), str(f))
    assert r.returncode == 0, r.stderr
    assert time.perf_counter() - t0 < 300


def test_cp1258_input_with_encoding(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Ti\u00ea\u0301u \u0111\u00ea\u0300\nSapo.\nTh\u00e2n ba\u0300i.\n".encode("cp1258"))
    r = bantin("export", "-f", "txt", "-o", "-", "-e", "cp1258", str(f))
    assert r.returncode == 0 and r.stdout.decode().startswith("Tiếu đề")


def test_stderr_encoding_ascii_does_not_crash(tmp_path):
    f = tmp_path / "bài viết.txt"
    f.write_bytes(b"")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "o"), str(f), env={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 1 and b"Traceback" not in r.stderr


def test_examples_convert(tmp_path):
    r = bantin("export", "-f", "pdf,docx,epub,txt", "-o", str(tmp_path), str(EXAMPLES))
    assert r.returncode == 0, r.stderr
    names = out_files(tmp_path)
    for stem in ("hoi-nghi-chuyen-doi-so", "mua-lua-dong-thap", "thu-vien-so", "ban-tin-tong-hop"):
        for ext in (".pdf", ".docx", ".epub", ".txt"):
            assert stem + ext in names


def test_extension_decides_and_from_overrides(tmp_path):
    f = tmp_path / "ngoac.txt"
    f.write_text('{Thông báo} khẩn về lịch họp\nSapo của bài.\nThân bài.\n', encoding="utf-8")
    r = bantin("export", "-f", "txt", "-o", "-", str(f))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().startswith("{Thông báo} khẩn")
    r = bantin("export", "-f", "txt", "-o", "-", "--from", "json", str(f))
    assert r.returncode == 1 and b"JSON" in r.stderr
    g = tmp_path / "list.json"
    g.write_text("[1, 2, 3]\n", encoding="utf-8")
    r = bantin("export", "-f", "txt", "-o", "-", str(g))
    assert r.returncode == 1 and b"list.json" in r.stderr and b"Traceback" not in r.stderr
    # stdin has no extension: the content decides.
    r = bantin("inspect", "-", input=(EXAMPLES / "ban-tin-tong-hop.json").read_bytes())
    assert r.returncode == 0 and json.loads(r.stdout)["title"].startswith("Bản tin tổng hợp")


@pytest.mark.parametrize("args", [["-M", "date=2025-08-05xyz"], ["-M", "date=2025-W32-2"], ["-M", "date=20250805"],
                                  ["-M", "nokey"], ["--jobs", str(10**12)], ["--jobs", "0"]])
def test_bad_options_are_usage_errors(args, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = bantin("export", "-f", "txt", *args, "-o", str(tmp_path / "o"), str(f))
    assert r.returncode == 2, r.stderr
    assert b"Traceback" not in r.stderr and not (tmp_path / "o").exists()


@pytest.mark.parametrize("name, said", [("x-evil", "unknown encoding 'x-evil'"),
                                        ("zlib_codec", "'zlib_codec' is not a text encoding")])
def test_an_encoding_no_input_can_be_read_in_is_a_usage_error(tmp_path, name, said):
    """Exit 2 and nothing written, not one error line per input and exit 1."""
    from bantin.source import decode, legacy

    src = tmp_path / "a.txt"
    src.write_text("Tiêu đề\nSapo của bài.\nThân bài.\n", encoding="utf-8")
    r = bantin("export", "-e", name, "-f", "txt", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 2 and said in r.stderr.decode() and not (tmp_path / "out").exists()
    for known in ("auto", *legacy.LEGACY, "cp1258", "utf-16"):  # the names the readers take pass
        decode.check_encoding(known)
    r = bantin("export", "-e", "TCVN3", "-f", "txt", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode != 2


def test_an_output_folder_named_like_a_file_and_an_empty_folder_are_said_plainly(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = bantin("export", "-f", "pdf", "-o", str(tmp_path / "moi.pdf"), str(f))
    assert r.returncode == 2 and b"-o names a folder" in r.stderr and not (tmp_path / "moi.pdf").exists()
    (tmp_path / "trong").mkdir()
    r = bantin("export", "-f", "pdf", "-o", str(tmp_path / "o"), str(tmp_path / "trong"))
    assert r.returncode == 2 and b"no input files in" in r.stderr and b".txt" in r.stderr
    r = bantin("inspect", "--from", "TXT", str(f))  # reader names ignore case, as format names do
    assert r.returncode == 0, r.stderr


def test_the_readme_first_command_is_clean_on_the_bundled_examples(tmp_path):
    """A new user's first run prints the summary and nothing to worry about: the
    one note says that the TCVN3 example was found to be TCVN3, as it should."""
    r = bantin("export", "--format", "all", "-o", str(tmp_path / "dist"), str(EXAMPLES))
    assert r.returncode == 0, r.stderr
    assert r.stderr.decode().splitlines()[:-1] == [
        f"bantin: warning: {EXAMPLES / 'legacy' / 'lua-st25-tcvn3.txt'}: read: encoding detected: TCVN3 (ABC) "
        "(name it with --encoding to skip detection)"]
    shapes = {p.suffix for p in EXAMPLES.iterdir() if p.is_file()}
    assert shapes >= {".txt", ".json", ".md", ".docx", ".html"}  # every input shape the README names
    assert {p.stem for p in (tmp_path / "dist").glob("*.pdf")} == {p.stem for p in EXAMPLES.iterdir() if p.is_file()}
    assert (tmp_path / "dist" / "legacy" / "lua-st25-tcvn3.pdf").is_file()


def test_a_date_given_replaces_the_datelines_time(tmp_path):
    """-M date= left the dateline's "Thứ hai, 2/9/2024, 08:15 (GMT+7)" printed beside
    the date given: two dates that disagree on one masthead."""
    src = tmp_path / "bai.txt"
    src.write_text("Thư viện số mở cửa\nThứ hai, 2/9/2024, 08:15 (GMT+7)\nSáng 2/9, thư viện mở cửa đón học sinh.\n"
                   "Thư viện có hơn 5.000 đầu sách điện tử.\n", encoding="utf-8")
    before = bantin("export", "-f", "txt", "-o", "-", str(src)).stdout.decode()
    assert "2/9/2024, 08:15" in before or "ngày 02 tháng 9 năm 2024" in before
    r = bantin("export", "-f", "txt", "-o", "-", "-M", "date=2025-08-05", str(src))
    out = r.stdout.decode()
    assert r.returncode == 0 and "ngày 05 tháng 8 năm 2025" in out
    assert "2024" not in out, out


def test_a_bare_bantin_prints_its_help_not_an_error():
    r = bantin()
    assert r.returncode == 2 and r.stderr.decode().startswith("Usage: bantin")
    assert "error" not in r.stderr.decode()


def test_a_name_typed_in_another_unicode_form_is_hinted(tmp_path):
    """helper-97: a file a Mac named "Tết.txt" in NFD, typed in NFC, looked like the
    file ``ls`` showed and was "no such file" without a word more."""
    import unicodedata

    (tmp_path / unicodedata.normalize("NFD", "Tết.txt")).write_text("Tin Tết\n\nHà Nội đón Tết.\n", encoding="utf-8")
    typed = tmp_path / unicodedata.normalize("NFC", "Tết.txt")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(typed))
    assert r.returncode == 1 and b"no such file; a file of that name is there" in r.stderr


@pytest.mark.parametrize("args, said", [
    (["-f", "pfd"], "unknown format 'pfd' (known: "),
    (["-f", "pdf", "--style", "ND30"], "no style named 'ND30' (shipped: "),
    (["-f", "txt", "-M", "isuer=UBND"], "meta key must be one of "),
    (["-f", "txt", "--style", "typo.toml"], "typo.toml: unknown key 'text.body_sise'"),
    (["-f", "txt", "--style", "font.toml"], "font.toml: unknown key 'fonts.body.packge'")])
def test_a_mistyped_name_is_answered_with_the_nearest_known_one(tmp_path, args, said):
    # helper-137: each was refused with the list of what is known and no pointer into it.
    (tmp_path / "typo.toml").write_text("[text]\nbody_sise = 12\n", encoding="utf-8")
    (tmp_path / "font.toml").write_text('[fonts.body]\npackge = "x"\n', encoding="utf-8")
    meant = {"pfd": "pdf", "ND30": "nd30", "isuer=UBND": "issuer", "typo.toml": "text.body_size",
             "font.toml": "fonts.body.package"}[args[-1]]
    r = bantin("export", *args, "-o", str(tmp_path / "out"), str(EXAMPLES / "thu-vien-so.txt"), cwd=tmp_path)
    line = r.stderr.decode()
    assert r.returncode == 2 and line.count("\n") == 1 and said in line, line
    assert line.endswith(f"; did you mean '{meant}'?\n"), line
    assert not (tmp_path / "out").exists()


def test_a_name_near_nothing_known_gets_no_guess(tmp_path):
    r = bantin("export", "-f", "odt", "-o", str(tmp_path / "out"), str(EXAMPLES / "thu-vien-so.txt"))
    assert r.returncode == 2 and b"unknown format 'odt'" in r.stderr and b"did you mean" not in r.stderr


def test_a_binary_format_is_not_written_to_a_terminal(tmp_path):
    # helper-137: "-o -" wrote a PDF's bytes into a clerk's terminal. Piped, it is written.
    leader, follower = pty.openpty()
    try:
        r = subprocess.run([sys.executable, "-m", "bantin", "export", "-f", "pdf", "-o", "-",
                            str(EXAMPLES / "thu-vien-so.txt")], stdout=follower, stderr=subprocess.PIPE,
                           env=checkout_env(), check=False, timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert r.returncode == 2 and r.stderr.decode() == (
        "bantin: error: -o -: a pdf file would be written to the terminal; redirect it (> bai.pdf) or give "
        "-o FOLDER\n")
    piped = bantin("export", "-f", "pdf", "-o", "-", str(EXAMPLES / "thu-vien-so.txt"))
    assert piped.returncode == 0 and piped.stdout.startswith(b"%PDF-")


def test_a_wildcard_no_shell_expanded_is_said(tmp_path):
    # helper-137: CI YAML and a Windows prompt pass "tin/*.txt" as it is.
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(EXAMPLES / "*.txt"))
    assert r.returncode == 1 and b"*.txt: no such file; its name holds a wildcard no shell expanded: name the " \
        b"folder instead (bantin walks it)\n" in r.stderr, r.stderr
