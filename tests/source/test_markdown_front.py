"""Front matter, Jekyll posts and titles: a Markdown file is never refused for
lacking a title (its file name stands in, with a warning), ``-M title=`` always
applies, a Jekyll post's file-name date, tags and summary are read, and hostile
front matter ends in one clear line, never a traceback, a runaway expansion or a
Python repr in the output."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers import assert_in_order, bantin

import bantin as api
from bantin.errors import InputError


def read(md: str, name: str | None = "bai.md", warned: list[str] | None = None) -> api.Article:
    doc = api.read(md.encode("utf-8"), source_format="md", name=name, typography=False,
                   warn=(warned.append if warned is not None else lambda _m: None))
    assert isinstance(doc, api.Article)
    return doc


def test_a_file_without_a_heading_is_titled_by_its_name(tmp_path: Path) -> None:
    f = tmp_path / "2024-03-05-ghi-chu_nhanh.md"
    f.write_text("Xin chào,\n\nĐây là ghi chú, không có tiêu đề.\n\n## Cài đặt\n\nChạy lệnh.\n", encoding="utf-8")
    warned: list[str] = []
    a = api.read(f, warn=warned.append)
    assert a.title == "ghi chu nhanh" and a.date == "2024-03-05"
    assert any("file name" in w for w in warned)
    assert [b.text[0].text for b in a.blocks[:1]] == ["Xin chào,"]  # the body is all there
    r = bantin("export", "-f", "txt", "-M", "title=Ghi chú nhanh", "-o", "-", str(f))
    assert r.returncode == 0 and r.stdout.decode().startswith("Ghi chú nhanh\n")


def test_standard_input_without_a_title_takes_one_from_meta() -> None:
    md = "Chỉ một đoạn, không tiêu đề.\n".encode()
    r = bantin("export", "-f", "txt", "--from", "md", "-o", "-", "-", input=md)
    assert r.returncode == 1 and "Traceback" not in r.stderr.decode()
    assert "no title" in r.stderr.decode() and "-M title=" in r.stderr.decode()
    r = bantin("export", "-f", "txt", "--from", "md", "-M", "title=Từ stdin", "-o", "-", "-", input=md)
    assert r.returncode == 0 and r.stdout.decode().startswith("Từ stdin\n")


def test_the_first_level_one_heading_or_an_opening_heading_is_the_title() -> None:
    assert read("[![huy hiệu](https://x.example/b.svg)](https://x.example)\n\n# Dự án\n\nĐoạn.\n").title == "Dự án"
    a = read("## Mở đầu bằng cấp hai\n\nĐoạn.\n\n### Mục\n\nĐoạn.\n")
    assert a.title == "Mở đầu bằng cấp hai" and a.blocks[1].level == 1
    a = read("---\ntitle: Tiêu đề\n---\n\n# Tiêu đề\n\nĐoạn.\n")  # the same words twice: printed once
    assert a.title == "Tiêu đề" and len(a.blocks) == 1


def test_a_jekyll_post() -> None:
    md = ("---\nlayout: post\ntitle:  \"Bài 1: Giới thiệu\"\ntags: hoc-may python\ncategories: [Cơ bản, python]\n"
          "author:\n  name: Minh Châu\n  email: mc@example.vn\nsummary: Bài mở đầu của loạt bài về học máy.\n"
          "author_profile: true\n---\n\nNhững năm gần đây học máy phát triển nhanh.\n")
    a = read(md, name="2016-12-26-gioi-thieu.markdown")
    assert a.title == "Bài 1: Giới thiệu" and a.date == "2016-12-26"
    assert a.tags == ("hoc-may", "python", "Cơ bản") and a.byline == "Minh Châu"
    assert a.lede == "Bài mở đầu của loạt bài về học máy."
    a = read("---\ntitle: T\ndate: 2017-02-02 15:22:00\ntags: kinh tế, nông nghiệp\nauthor: [An, Bình]\n---\n\nĐ.\n",
             name="2016-12-26-khac.md")
    assert a.date == "2017-02-02" and a.tags == ("kinh tế", "nông nghiệp") and a.byline == "An, Bình"


def test_a_summary_cut_from_the_first_paragraph_is_not_a_lede() -> None:
    md = ("---\ntitle: T\nsummary: Những năm gần đây, AI và cụ thể hơn là học máy nổi lên\n---\n\n"
          "Những năm gần đây, AI và cụ thể hơn là học máy (máy học) nổi lên như một cuộc cách mạng.\n")
    a = read(md)
    assert a.lede is None and a.blocks[0].text[0].text.startswith("Những năm gần đây")


def test_an_opening_rule_block_that_is_no_mapping_is_markdown() -> None:
    warned: list[str] = []
    a = read("---\nFoo\n---\nBar\n---\nBaz\n", warned=warned)
    assert any("not a YAML mapping" in w for w in warned)
    assert_in_order(["foo", "bar", "baz"], api.export(a, "txt").decode())


# Nine lists of nine, each made of the one before: 9**9 items once expanded.
LEVELS = "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
BOMB = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + LEVELS + "title: *i\n---\n\nĐ.\n"


def test_a_yaml_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    t0 = time.monotonic()
    with pytest.raises(InputError, match="alias"):
        read(BOMB)
    assert time.monotonic() - t0 < 5
    (tmp_path / "bom.md").write_text(BOMB, encoding="utf-8")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(tmp_path / "bom.md"))
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err and "alias" in err
    assert [line for line in err.splitlines() if "error" in line.lower() and "alias" in line]


@pytest.mark.parametrize("front,field,said", [
    ("title: [Một, Hai]", "title", "a list"),
    ("title: {a: 1}", "title", "a mapping"),
    ("title: !!binary aGVsbG8=", "title", "binary data"),
    ("byline: false", "byline", "without a name"),
    ("title: yes", "title", "yes/no"),
    ("title: .nan", "title", "not a number"),
    ("outlet: .inf", "outlet", "not a number"),
    ("date: 2025-02-30", "date", "not a real date"),
    ("date: [2025, 1, 1]", "date", "a list"),
    ("url: {href: x}", "url", "a mapping"),
])
def test_a_field_that_is_not_text_is_dropped_with_a_warning(front: str, field: str, said: str) -> None:
    warned: list[str] = []
    a = read(f"---\n{front}\n---\n\nĐoạn.\n", name="bai-mau.md", warned=warned)
    assert any(said in w and field in w for w in warned), warned
    value = {"title": a.title, "byline": a.byline, "outlet": a.outlet, "date": a.date, "url": a.url}[field]
    assert value in (None, "bai mau")  # dropped; a title falls back on the file name
    for shown in ("[", "{", "b'", "False", "True", "nan", "inf", "datetime"):
        assert shown not in api.export(a, "txt").decode().split("\n", 1)[0]


def test_big_numbers_stay_as_written() -> None:
    a = read("---\ntitle: " + "9" * 5000 + "\nbyline: 1984\n---\n\nĐoạn.\n")
    assert a.title == "9" * 5000 and a.byline == "1984"
    assert read("---\ntitle: 0x1F\n---\n\nĐ.\n").title == "0x1F"


@pytest.mark.parametrize("front", [
    "title: " + "[" * 5000 + "]" * 5000,
    "x:\n" + "".join("  " * i + "-\n" for i in range(200)),
    "title: !!python/object/apply:os.system ['echo hi']",
    "title: [chưa đóng",
], ids=["flow-nesting", "block-nesting", "python-tag", "unclosed"])
def test_hostile_or_broken_yaml_is_one_clear_error(front: str) -> None:
    with pytest.raises(InputError, match="front matter") as e:
        read(f"---\n{front}\n---\n\nĐoạn.\n")
    assert "\n" not in str(e.value)


@pytest.mark.parametrize(("front", "outlet", "url"), [
    ("source: Báo Sài Gòn Giải Phóng", "Báo Sài Gòn Giải Phóng", None),  # as a newsroom's text header says it
    ("publisher: SGGP\nsource: https://sggp.example/a.html", "SGGP", "https://sggp.example/a.html"),
    ("outlet: Báo Mẫu\nsource: Báo Khác\nurl: https://bao-mau.example/b.html", "Báo Mẫu",
     "https://bao-mau.example/b.html"),
    ("outlet: https://vnexpress.net", "https://vnexpress.net", None),  # outlet is taken as written
    ("source: 2024-05-01\npublisher: Báo Mẫu", "Báo Mẫu", None),  # a date names no outlet
    ("source: www.sggp.example/a.html\npublisher: SGGP", "SGGP", "www.sggp.example/a.html"),
])
def test_the_outlet_from_source_or_publisher(front: str, outlet: str, url: str | None) -> None:
    warned: list[str] = []
    a = read(f"---\ntitle: Tin\n{front}\n---\n\nĐoạn văn của bài.\n", warned=warned)
    assert a.outlet is not None and a.outlet.name == outlet and a.url == url and warned == []


@pytest.mark.parametrize("written", [
    "javascript:alert(1)", "JavaScript:alert(document.cookie)", '"java\\tscript:alert(1)"', " vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "ftp://x.vn/a", "http://[oops/a.html",
])
def test_an_address_that_is_no_web_page_is_no_source(written: str) -> None:
    """helper-165: "url: javascript:alert(1)" was printed as the source line
    ("Nguồn: javascript:…"). An address whose scheme is not http or https (nor a
    mailbox) is no article's address: dropped with one warning naming the field,
    a ``source`` field's too (one written "scheme://…": another is an outlet's
    name, as the newsroom's header writes it), and a ``source`` that is a web
    address serves instead."""
    for key in ("url", "source") if "://" in written else ("url",):
        warned: list[str] = []
        a = read(f"---\ntitle: Tin\n{key}: {written}\npublisher: Báo Mẫu\n---\n\nĐoạn văn.\n", warned=warned)
        assert a.url is None and a.outlet is not None and a.outlet.name == "Báo Mẫu", (key, written)
        assert len(warned) == 1 and warned[0].startswith(f"front matter {key}: ") and "not a web address" in warned[0]
        shown = api.export(a, "txt").decode()
        assert "script:" not in shown and "data:" not in shown and "file:" not in shown and "[oops" not in shown
    warned = []
    a = read(f"---\ntitle: Tin\nurl: {written}\nsource: https://bao.example/a.html\n---\n\nĐoạn.\n", warned=warned)
    assert a.url == "https://bao.example/a.html" and len(warned) == 1


def test_a_web_page_or_a_mailbox_is_a_source() -> None:
    for written in ("https://bao.example/a.html", "HTTP://bao.example/a", "mailto:toasoan@bao.example",
                    "www.bao.example/a.html", "/2025/03/bai-viet/"):
        warned: list[str] = []
        assert read(f"---\ntitle: Tin\nurl: {written}\n---\n\nĐoạn.\n", warned=warned).url == written
        assert warned == []


def test_front_matter_names_an_administrative_header_and_signature():
    """issuer, number, place, signer, signer_title and recipients, as the -M keys of
    the same names (a list or lines parted by ";"); they were ignored."""
    a = read("---\ntitle: V/v phối hợp tổ chức chiến dịch\nissuer: UBND quận Hoàng Mai; Trung tâm Y tế\n"
             "number: 245/TTYT-KSBT\nplace: Hoàng Mai\nsigner: Nguyễn Thị Hoa\n"
             "signer_title: [KT. Giám đốc, Phó Giám đốc]\nrecipients: \"- Như trên; - Lưu: VT.\"\n---\n\n"
             "Trung tâm Y tế đề nghị các phường phối hợp tổ chức chiến dịch./.\n")
    assert (a.issuer, a.number, a.place) == ("UBND quận Hoàng Mai; Trung tâm Y tế", "245/TTYT-KSBT", "Hoàng Mai")
    assert a.signature == api.Signature(name="Nguyễn Thị Hoa", title=("KT. Giám đốc", "Phó Giám đốc"),
                                        recipients=("Như trên", "Lưu: VT"))
    warned: list[str] = []
    b = read("---\ntitle: Tin\nsigner: [A, B]\nrecipients: {a: 1}\n---\n\nMột đoạn văn.\n", warned=warned)
    assert b.signature is None and any("signer" in w for w in warned) and any("recipients" in w for w in warned)


def test_the_front_matters_byline_signing_the_body_is_printed_once() -> None:
    # helper-112: "Lê Minh Khoa" twice at the foot, as a paragraph and as the byline.
    md = ("---\ntitle: Xe buýt điện\nbyline: Lê Minh Khoa\n---\n\nThành phố công bố lộ trình thay xe buýt.\n\n"
          "Dự án hoàn thành vào quý IV/2027.\n\nLê Minh Khoa\n")
    a = read(md)
    assert a.byline == "Lê Minh Khoa"
    assert [b.text[0].text for b in a.blocks] == ["Thành phố công bố lộ trình thay xe buýt.",
                                                  "Dự án hoàn thành vào quý IV/2027."]
    other = read(md.replace("\nLê Minh Khoa\n", "\nTheo Lê Minh Khoa\n"))  # not the byline alone: kept
    assert other.blocks[-1].text[0].text == "Theo Lê Minh Khoa"
    assert len(read(md.replace("\nLê Minh Khoa\n", "\nLÊ MINH KHOA\n")).blocks) == 2  # in capitals: the same
    answer = read(md.replace("byline: Lê Minh Khoa", "byline: Hà").replace("\nLê Minh Khoa\n", "\nHà.\n"))
    assert answer.blocks[-1].text[0].text == "Hà."  # a one-word byline is not a one-word answer


def test_a_pictures_credit_written_in_its_description_only_is_its_credit(tmp_path: Path) -> None:
    # helper-112: the title became the caption and the credit in the description was lost.
    from PIL import Image

    Image.new("RGB", (40, 30), "white").save(tmp_path / "anh1.png")
    f = tmp_path / "xe.md"
    f.write_text("# Xe buýt điện\n\nĐoạn mở đầu.\n\n![Xe buýt điện tại bến Long Biên. Ảnh: Nguyễn Hà](anh1.png "
                 "\"Xe buýt điện tại bến Long Biên\")\n\nĐoạn kết.\n", encoding="utf-8")
    fig = api.read(f, typography=False).blocks[1]
    assert isinstance(fig, api.Figure)
    assert (api.text_of(fig.caption), fig.credit) == ("Xe buýt điện tại bến Long Biên", "Nguyễn Hà")


def test_an_unquoted_colon_in_a_value_is_read_as_flat_lines_with_a_warning() -> None:
    # helper-156: "title: Họp báo: kết quả quý III" refused the whole file.
    warned: list[str] = []
    a = read("---\ntitle: Họp báo: kết quả quý III # ghi chú\nauthor: Lê Minh\ndate: 2025-03-01\n"
             "summary: Tóm tắt: dòng một\n  dòng hai\ntags: kinh tế, xã hội\n---\n\nĐoạn.\n", warned=warned)
    assert (a.title, a.byline, a.date, a.lede) == ("Họp báo: kết quả quý III", "Lê Minh", "2025-03-01",
                                                   "Tóm tắt: dòng một dòng hai")
    assert a.tags == ("kinh tế", "xã hội")
    assert any("not valid YAML" in w and "line 2" in w and "key: value" in w for w in warned), warned


@pytest.mark.parametrize("front", [
    "title: a: b\nx: [chưa đóng",  # YAML's own syntax in a value
    "title: a: b\n- mục",  # a list item
    "title: a: b\nauthor:\n  name: X",  # nested
    "title: a: b\nz: *neo",  # an alias, never expanded
    "title: a: b\nz: !!python/object/apply:os.system ['x']",
])
def test_broken_yaml_the_flat_reading_cannot_make_sense_of_stays_an_error(front: str) -> None:
    with pytest.raises(InputError, match="front matter is not valid YAML"):
        read(f"---\n{front}\n---\n\nĐoạn.\n")


def test_broken_yaml_is_refused_with_its_problem_and_its_line() -> None:
    # The first line of YAML's message is what it was reading ("while parsing a
    # flow sequence"), which was all the error said: no reason, no line.
    with pytest.raises(InputError) as e:
        read("---\ntitle: [chưa đóng\ndate: : :\n---\n\nĐoạn.\n")
    assert str(e.value) == ("front matter is not valid YAML (while parsing a flow sequence: expected ',' or ']', "
                            "but got ':', line 3)")


@pytest.mark.parametrize("stray", ["\x08", "\x1f", "\x7f", "\ufffe"])
def test_a_control_character_in_front_matter_is_dropped_not_an_internal_error(stray: str) -> None:
    """helper-163: YAML's reader refuses the whole text for one character it calls
    unprintable, before the reader's handling of YAML errors: a title pasted with a
    backspace was "internal error: ReaderError". The character goes, said once, and
    the rest is read as YAML (the tags' list too)."""
    warned: list[str] = []
    a = read(f"---\ntitle: Tin{stray} nóng hôm nay\nauthor: Minh Anh\ntags: [kinh tế, \"xã{stray} hội\"]\n---\n\n"
             "Đoạn văn một.\n", warned=warned)
    assert (a.title, a.byline, a.tags) == ("Tin nóng hôm nay", "Minh Anh", ("kinh tế", "xã hội"))
    assert any(f"U+{ord(stray):04X}" in w and "front matter" in w for w in warned), warned


def test_toml_front_matter_nested_thousands_deep_is_an_input_error() -> None:
    """helper-163: bantin.read raised a bare RecursionError (the API promises
    BantinError; the command line said only "too deeply nested")."""
    with pytest.raises(InputError, match="front matter not read: its TOML nests too deeply"):
        read("+++\ntitle = \"Tin\"\nb = " + "[" * 5000 + "]" * 5000 + "\n+++\n\nĐoạn.\n")
