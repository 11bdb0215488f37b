"""What bantin prints about an input is shown, not obeyed: a file name or a
quoted address holding ESC, U+202E or a newline stays one visible line in a
terminal or a CI log, and Vietnamese letters (NFC or NFD) print as they are."""

from __future__ import annotations

import json

from helpers import bantin as run_bantin

import bantin
from bantin.run.names import visible, visible_json

ARTICLE = "Tiêu đề thử\nSáng 1/6, sapo của bài viết.\nĐoạn thân bài có đủ chữ để đọc.\n"
# What a terminal obeys: the bidirectional controls, ESC (CSI), C1's own CSI, CR.
OBEYED = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
          "\u200e", "\u200f", "\x1b", "\x9b", "\r", "\x07", "\x7f")
NFD = "Tie\u0302\u0301u \u0111e\u0302\u0300"  # "Tiếu đề" in combining marks, as a Mac names files


def _page(src: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>Tiêu đề</title></head><body><article><h1>Tiêu đề bài</h1>"
            "<p>Sáng nay, hội nghị đã diễn ra với nhiều nội dung quan trọng cho người dân.</p>"
            f"<figure><img src=\"{src}\"><figcaption>Ảnh minh họa</figcaption></figure>"
            "<p>Đoạn hai của bài viết có đủ chữ để làm một bài.</p></article></body></html>")


def test_visible_escapes_what_a_terminal_obeys_and_keeps_every_letter():
    assert visible("bao\u202ecod.txt") == "bao\\u202ecod.txt"
    assert visible("tựa \x1b[2J đề\r\t\x9b") == "tựa \\x1b[2J đề\\r\\t\\x9b"
    assert visible("dòng một\ndòng hai") == "dòng một\ndòng hai"  # a traceback's lines stay lines
    for c in OBEYED:
        assert c not in visible(f"a{c}b")
    text = NFD + " Hà Nội \u0323\u0309 \u200d 👨\u200d👩"
    assert visible(text) == text
    # JSON: the same data, written with JSON's escapes.
    data = {"t": "bao\u202ecod \u0085 \u2028 " + NFD}
    shown = visible_json(json.dumps(data, ensure_ascii=False))
    assert "\u202e" not in shown and "\u0085" not in shown and NFD in shown
    assert json.loads(shown) == data


def test_a_file_name_that_would_reorder_or_clear_the_line_is_printed_escaped(tmp_path):
    names = ["bao\u202ecod.txt", "xoá\x1b[2J.txt", "tên\u2067ẩn\u2069.txt", NFD + ".txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "tot.txt").write_text(ARTICLE, encoding="utf-8")
    r = run_bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), *(str(tmp_path / n) for n in names),
                   str(tmp_path / "tot.txt"))
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    err = r.stderr.decode("utf-8")
    for c in OBEYED:
        assert c not in err, (c, err)
    errors = [line for line in err.splitlines() if line.startswith("bantin: error:")]
    assert len(errors) == 4, err
    assert any("bao\\u202ecod.txt: empty input" in e for e in errors), errors
    assert any("\\x1b[2J" in e for e in errors), errors
    assert any("tên\\u2067ẩn\\u2069.txt: empty input" in e for e in errors), errors
    assert any(f"{NFD}.txt: empty input" in e for e in errors), errors  # the marks as they are
    assert (tmp_path / "out" / "tot.txt").is_file()


def test_a_quoted_address_is_one_visible_line_in_export_inspect_and_the_report(tmp_path):
    page = tmp_path / "trang.html"
    page.write_text(_page("anh\nmot\u202egnp.png"), encoding="utf-8")
    report = tmp_path / "bao-cao.json"
    runs = [run_bantin("export", "-f", "txt", "--report", str(report), "-o", str(tmp_path / "out"), str(page)),
            run_bantin("inspect", str(page))]
    for r in runs:
        assert r.returncode == 0, r.stderr
        warnings = [line for line in r.stderr.decode("utf-8").splitlines() if "anh" in line]
        # One line (inspect printed the newline in the address as it was), escaped.
        assert warnings == [f"bantin: warning: {page}: read: image not found: anh mot\\u202egnp.png"], r.stderr
    # The report is JSON with the same text, U+202E written as JSON writes it.
    raw = report.read_text(encoding="utf-8")
    assert "\u202e" not in raw and "\\u202e" in raw
    assert json.loads(raw)["inputs"][0]["warnings"] == ["read: image not found: anh mot\u202egnp.png"]


def test_inspect_prints_json_whose_bidirectional_controls_are_escaped(tmp_path):
    f = tmp_path / "bai.json"
    title = "Tiêu đề \u202eđảo\u202c ngược"
    f.write_text(json.dumps({"schema": "bantin/article@3", "title": title,
                             "blocks": [{"type": "paragraph", "text": "Thân bài có chữ."}]}), encoding="utf-8")
    for extra in (["--raw"], ["--raw", "--digest"]):  # --raw: before typography, which drops them
        r = run_bantin("inspect", *extra, str(f))
        assert r.returncode == 0, r.stderr
        out = r.stdout.decode("utf-8")
        assert "\u202e" not in out and "\\u202e" in out
        data = json.loads(out)
        assert (data["digest"][0] if "--digest" in extra else data)["title"] == title


def test_the_api_s_message_lines_are_escaped_and_its_report_kept_as_it_is(tmp_path):
    name = tmp_path / "bao\u202ecod.txt"
    name.write_bytes(b"")
    messages: list[str] = []
    report = bantin.convert([name], "txt", tmp_path / "out", on_message=messages.append)
    assert any("bao\\u202ecod.txt: empty input" in m for m in messages), messages
    assert not any("\u202e" in m for m in messages)
    assert report.inputs[0].input == str(name)


def test_one_failing_input_of_each_kind_is_one_line_naming_it_and_why(tmp_path):
    from word_docs import docx, p

    src = tmp_path / "vao"
    src.mkdir()
    (src / "tot.txt").write_text(ARTICLE, encoding="utf-8")
    garbage = bytes(range(256)) * 8
    made = {"rong.txt": b"", "rac.txt": garbage, "rac-web.html": garbage, "rac-word.docx": garbage,
            "bom.docx": docx(p("Tiêu đề") + p(" " * 80_000_000)),  # 80 MB of document.xml
            "anh.xyz": b"\x89PNG\r\n\x1a\n" + bytes(64),  # an extension no reader has
            "dau.md": "---\ntitle: [chưa đóng\ndate: : :\n---\n\n# Tiêu đề\n\nĐoạn.\n".encode()}
    for name, data in made.items():
        (src / name).write_bytes(data)
    (src / "thu-muc").mkdir()  # a folder given is walked: one that holds nothing is warned of
    kinds = {"rong.txt": "empty input", "rac.txt": "binary file (contains NUL bytes); not a text article",
             "rac-web.html": "binary file (contains NUL bytes); not a text article",
             "rac-word.docx": "not a Word file (.docx): not a zip archive",
             "bom.docx": "Word file part word/document.xml unpacks to more than 64 MB; a zip bomb is refused",
             "anh.xyz": "a PNG picture, not an article",
             # The problem and its line, not YAML's context alone ("while parsing a flow sequence").
             "dau.md": "front matter is not valid YAML (while parsing a flow sequence: expected ',' or ']', "
                       "but got ':', line 3)",
             "khong-co.txt": "no such file"}
    r = run_bantin("export", "-f", "txt", "-o", str(tmp_path / "ra"),
                   *(str(src / n) for n in [*kinds, "thu-muc", "tot.txt"]))
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    *lines, counts = r.stderr.decode("utf-8").splitlines()
    assert lines == [*(f"bantin: error: {src / name}: {why}" for name, why in kinds.items()),
                     f"bantin: warning: no input files in {src / 'thu-muc'}"]
    assert counts.startswith("bantin: 1 converted, 8 failed, 0 skipped in ")
    assert (tmp_path / "ra" / "tot.txt").is_file()


def test_a_librarys_warning_is_shown_not_obeyed(capfd):
    # A library's warning may quote the input (markup, a picture's name): it goes
    # through the same printer as bantin's own lines.
    from bantin import cli

    cli._show_warning(UserWarning("markup <img src='a\x1b[2J\u202e.png'>"), UserWarning, "lib.py", 7)
    err = capfd.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    assert "a\\x1b[2J\\u202e.png" in err and "UserWarning" in err and err.endswith("\n")
