"""Hostile inputs of issue 28 that reach the readers, each held here where no other
test held it: EPS bytes named .png through every reader that takes pictures, a
NUL in an HTML picture's path, a truncated picture on its way to the DOCX,
addresses no reader can follow, a page's <meta charset>, XHTML with an XML
declaration, big saved pages, the digest of long Markdown and JSON paragraphs,
and ``bantin inspect`` on every kind of bad input."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import bantin
from PIL import EpsImagePlugin
from PIL import Image as Pil
from word_docs import docx, p, picture

import bantin as api
from bantin.model import Figure
from bantin.source import legacy

EPS = (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n"
       b"%%EndComments\n{ } loop\nshowpage\n%%EOF\n")
PROSE = "Nông dân ở đồng bằng bắt đầu xuống giống vụ lúa mới sau khi nước lũ rút hoàn toàn khỏi cánh đồng. "


def png(size: tuple[int, int] = (40, 30)) -> bytes:
    buf = io.BytesIO()
    Pil.new("RGB", size, (10, 120, 30)).save(buf, "PNG")
    return buf.getvalue()


def page(body: str, head: str = '<meta charset="utf-8">', lang: str = "vi") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head>{head}<title>Vụ lúa mới</title></head><body><article>'
            f"<h1>Vụ lúa mới</h1>{body}</article></body></html>")


@pytest.fixture
def ghostscript_watch(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Records every time Pillow's EPS plugin is asked to open bytes: the step
    before it runs Ghostscript. The gate must never let it happen."""
    opened: list[str] = []

    def refuse(self: object) -> None:
        opened.append("eps")
        raise SyntaxError("the EPS plugin was reached")

    monkeypatch.setattr(EpsImagePlugin.EpsImageFile, "_open", refuse)
    yield opened


# ---------------------------------------------------------------- EPS named .png


def test_eps_named_png_in_a_web_page_never_reaches_ghostscript(tmp_path: Path, ghostscript_watch: list[str]) -> None:
    (tmp_path / "x.png").write_bytes(EPS)
    (tmp_path / "bai.html").write_text(page(
        f"<p>{PROSE * 3}</p><figure><img src='x.png' alt='Ảnh giả'><figcaption>Cánh đồng sau lũ</figcaption>"
        f"</figure><p>{PROSE * 2}</p>"), encoding="utf-8")
    warned: list[str] = []
    doc = api.read(tmp_path / "bai.html", warn=warned.append)
    assert any("x.png" in w and "not an image of a kind" in w for w in warned), warned
    assert all(b.image is None for b in doc.blocks if isinstance(b, Figure))  # type: ignore[union-attr]
    assert "đồng bằng" in api.export(doc, "txt").decode()
    assert ghostscript_watch == []


def test_eps_named_png_in_a_word_file_never_reaches_ghostscript(ghostscript_watch: list[str]) -> None:
    data = docx(p("Tiêu đề", style="Title") + p("Đoạn trước ảnh.") + p(picture("rIdEps", "Ảnh giả"))
                + p("Đoạn sau ảnh."), rels=(("rIdEps", "image", "media/x.png", False),),
                media={"word/media/x.png": EPS})
    warned: list[str] = []
    doc = api.read(data, source_format="docx", warn=warned.append)
    assert any("word/media/x.png" in w and "not an image of a kind" in w for w in warned), warned
    assert "Đoạn sau ảnh." in api.export(doc, "txt").decode()
    assert ghostscript_watch == []


def test_eps_embedded_in_json_never_reaches_ghostscript(tmp_path: Path, ghostscript_watch: list[str]) -> None:
    image = {"media_type": "image/png", "width": 10, "height": 10, "sha256": hashlib.sha256(EPS).hexdigest(),
             "data": base64.b64encode(EPS).decode()}
    doc = {"schema": "bantin/article@3", "title": "Ảnh giả", "blocks": [
        {"type": "paragraph", "text": "Đoạn."}, {"type": "figure", "image": image, "alt": "x", "caption": "c"}]}
    with pytest.raises(api.InputError, match="not an image of a kind bantin reads") as e:
        api.read(json.dumps(doc), source_format="json")
    assert "\n" not in str(e.value)
    assert ghostscript_watch == []
    (tmp_path / "gia.json").write_text(json.dumps(doc), encoding="utf-8")
    r = bantin("export", "-q", "-f", "txt", "-o", str(tmp_path / "out"), str(tmp_path / "gia.json"))
    assert r.returncode == 1 and r.stderr.decode().count("\n") == 1 and b"not an image of a kind" in r.stderr


def test_eps_named_png_in_markdown_raw_html(tmp_path: Path, ghostscript_watch: list[str]) -> None:
    (tmp_path / "x.png").write_bytes(EPS)
    (tmp_path / "bai.md").write_text('# Ảnh giả\n\nĐoạn.\n\n<img src="x.png" alt="giả">\n', encoding="utf-8")
    warned: list[str] = []
    api.read(tmp_path / "bai.md", warn=warned.append)
    assert any("x.png" in w and "not an image of a kind" in w for w in warned), warned
    assert ghostscript_watch == []


# ---------------------------------------------------------------- picture paths and damaged pictures


def test_a_nul_in_a_pictures_path_is_a_warning_in_html_and_in_markdown_html(tmp_path: Path) -> None:
    (tmp_path / "bai.html").write_text(page(
        f"<p>{PROSE * 3}</p><figure><img src='a%00.png' alt='x'><figcaption>Ảnh có NUL</figcaption></figure>"
        f"<p>{PROSE * 2}</p>"), encoding="utf-8")
    (tmp_path / "bai.md").write_text('# Ảnh\n\nĐoạn.\n\n<img src="a%00.png" alt="nul">\n', encoding="utf-8")
    for name in ("bai.html", "bai.md"):
        warned: list[str] = []
        doc = api.read(tmp_path / name, warn=warned.append)
        assert any("NUL" in w for w in warned), (name, warned)
        for fmt in ("txt", "docx", "epub"):
            assert api.export(doc, fmt, warn=lambda _m: None)
        r = bantin("export", "-f", "txt", "-o", "-", str(tmp_path / name))
        assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr


def test_a_truncated_png_costs_only_itself_in_every_format(tmp_path: Path) -> None:
    """It used to pass the gate and fail python-docx; now it is refused on reading."""
    (tmp_path / "cut.png").write_bytes(png()[:-15])
    (tmp_path / "bai.md").write_text("# Ảnh cụt\n\nĐoạn trước.\n\n![Cụt](cut.png)\n\nĐoạn sau.\n", encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "docx,pdf,epub,txt", "-o", str(out), str(tmp_path / "bai.md"))
    assert r.returncode == 0, r.stderr
    assert b"cut.png" in r.stderr and b"damaged image" in r.stderr
    assert sorted(f.suffix for f in out.iterdir()) == [".docx", ".epub", ".pdf", ".txt"]


# ---------------------------------------------------------------- addresses


def test_markdown_links_no_reader_can_follow_are_their_words_only() -> None:
    """markdown-it leaves such links unparsed, and their source used to be printed,
    address and brackets included ("[bấm](javascript: alert(1))")."""
    md = ("# Liên kết\n\nBấm [vào đây](javascript:alert(1)), mở [trang](data:text/html,hi), xem [tệp](file:///etc/passwd)"
          " hoặc [báo](https://bao-mau.example/tin).\n\n![Ảnh](javascript:x)\n")
    warned: list[str] = []
    doc = api.read(md.encode(), source_format="md", warn=warned.append)
    text = api.export(doc, "txt").decode()
    assert "Bấm vào đây, mở trang, xem tệp hoặc báo [1]." in " ".join(text.split())
    for gone in ("javascript", "data:", "file:", "passwd", "]("):
        assert gone not in text, gone
    assert "[1] https://bao-mau.example/tin" in text
    assert any("javascript:x" in w for w in warned)  # a picture's address is the sandbox's to refuse
    for fmt in ("docx", "epub", "pdf"):
        data = api.export(doc, fmt)
        assert b"javascript" not in data and b"file:///etc" not in data, fmt


def test_a_data_address_is_not_listed_in_the_text() -> None:
    doc = api.read(json.dumps({"schema": "bantin/article@3", "title": "T", "blocks": [{"type": "paragraph", "text": [
        {"text": "ảnh", "href": "data:text/html;base64,PHNjcmlwdD4="}, {"text": " và "},
        {"text": "bài", "href": "https://x.vn/bai"}]}]}))
    out = api.export(doc, "txt").decode()
    assert "data:" not in out and "PHNjcmlwdD4" not in out and "[1] https://x.vn/bai" in out


# ---------------------------------------------------------------- the page's encoding


def test_a_page_in_the_charset_its_meta_charset_names(tmp_path: Path) -> None:
    para = "Die Stadt pflanzt in diesem Jahr zehntausend Bäume entlang der Flüsse und Straßen. "
    html = page(f"<p>{para * 3}</p><p>{para * 2}</p>", head='<meta charset="windows-1252">', lang="de")
    (tmp_path / "cp1252.html").write_bytes(html.encode("cp1252", "replace"))
    doc = api.read(tmp_path / "cp1252.html")
    assert "zehntausend Bäume entlang der Flüsse und Straßen" in " ".join(api.export(doc, "txt").decode().split())


@pytest.mark.parametrize("label", ["base64", "rot13", "utf-7", "utf-16", "unicode_escape", "undefined"])
def test_a_charset_no_page_is_written_in_is_read_as_undeclared(label: str) -> None:
    """helper-163: a saved page not in UTF-8 was decoded by whatever Python codec its
    <meta charset> named: "base64" refused the page ("'base64' is not a text
    encoding"), "utf-7" and "utf-16" refused it as invalid, "unicode_escape" read
    "\\u0041" as "A". Such a label is ignored, as a browser ignores it, and the
    page's encoding detected."""
    html = page(f"<p>{PROSE * 3}</p><p>Tệp ở C:\\new\\u0041 và {PROSE}</p>", head=f'<meta charset="{label}">')
    undeclared = page(f"<p>{PROSE * 3}</p><p>Tệp ở C:\\new\\u0041 và {PROSE}</p>", head="")
    read = [api.export(api.read(legacy.encode(h, "viscii"), source_format="html", warn=lambda _m: None), "txt")
            for h in (html, undeclared)]
    assert read[0] == read[1]
    assert "C:\\new\\u0041" in read[0].decode()


XHTML = ('<?xml version="1.0" encoding="{enc}"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" '
         'lang="{lang}" xml:lang="{lang}"><head><title>Bài</title></head><body><div><h1>Bài viết</h1>'
         "<p>{text}</p><p>{text}</p></div></body></html>")
@pytest.mark.parametrize("enc, text, name", [
    ("utf-8", PROSE * 3, "bai.html"),
    ("utf-8", PROSE * 3, "bai.xhtml"),
    ("windows-1252", "Die Stadt pflanzt in diesem Jahr zehntausend Bäume entlang der Flüsse und Straßen. " * 3,
     "bai.xhtml"),
])
def test_xhtml_with_an_xml_declaration_is_read_in_its_encoding(tmp_path: Path, enc: str, text: str,
                                                                 name: str) -> None:
    page = XHTML.format(enc=enc, lang="vi" if enc == "utf-8" else "de", text=text)
    (tmp_path / name).write_bytes(page.encode(enc, "xmlcharrefreplace"))  # the title's Vietnamese as references
    out = " ".join(api.export(api.read(tmp_path / name), "txt").decode().split())
    assert text.split(". ")[0] in out
    assert "<" not in out and "xml" not in out  # read as a page, not printed as its source


# ---------------------------------------------------------------- big saved pages


def saved_page(megabytes: float, text: bool) -> bytes:
    """A news article saved to about ``megabytes``: with its scripts and styles
    inlined (``text=False``), or its paragraphs repeated (``text=True``)."""
    para = ("<p>Đoạn {i}: giá lúa tại các tỉnh miền Tây tăng nhẹ trong tuần qua nhờ nhu cầu xuất khẩu gạo phục hồi, "
            "nông dân ở <a href='/dt'>Đồng Tháp</a> và <b>An Giang</b> phấn khởi khi thương lái đến tận ruộng.</p>")
    if text:
        n = int(megabytes * 1e6 / len(para.format(i=0).encode()))
        return page("".join(para.format(i=i) for i in range(n))).encode()
    blob = "<script>var s=" + json.dumps("x" * 100_000) + ";</script><style>" + ".a{color:#333}" * 5000 + "</style>"
    head = '<meta charset="utf-8">' + blob * int(megabytes * 1e6 / len(blob) + 1)
    return page("".join(para.format(i=i) for i in range(24)), head=head).encode()


def timed_export(tmp_path: Path, data: bytes, seconds: float) -> tuple[subprocess.CompletedProcess[bytes], float]:
    f = tmp_path / "trang.html"
    f.write_bytes(data)
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "bantin", "export", "-f", "txt", "--jobs", "1", "-o",
                        str(tmp_path / "out"), str(f)], capture_output=True, timeout=seconds, check=False)
    return r, time.monotonic() - t0


def test_a_page_saved_with_its_scripts_and_styles_reads_fast(tmp_path: Path) -> None:
    r, seconds = timed_export(tmp_path, saved_page(8, text=False), 120)
    assert r.returncode == 0 and seconds < 30, (seconds, r.stderr)
    assert "Đoạn 23:" in (tmp_path / "out" / "trang.txt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_page_of_eight_megabytes_of_text_is_one_outcome_in_seconds(tmp_path: Path) -> None:
    r, _ = timed_export(tmp_path, saved_page(8, text=True), 20)
    assert b"Traceback" not in r.stderr and r.returncode in (0, 1)


# ---------------------------------------------------------------- the digest of long paragraphs


@pytest.mark.parametrize("name, content", [
    ("dai.md", "# Tiêu đề\n\n## Phần một\n\n" + "hội nghị, " * 13_000 + "\n"),
    ("dai.json", json.dumps({"schema": "bantin/article@3", "title": "Dài", "blocks": [
        {"type": "heading", "level": 1, "text": "Phần một"}, {"type": "paragraph", "text": "hội nghị, " * 26_000}]},
        ensure_ascii=False)),
    ("tp.md", "# Tiêu đề\n\n" + "TP. Hà Nội tổ chức hội nghị. " * 5_000 + "\n"),
], ids=["commas-md", "commas-json", "tp-md"])
def test_the_digest_of_a_long_paragraph_is_linear(tmp_path: Path, name: str, content: str) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    assert len(content.encode()) > 140_000
    t0 = time.monotonic()
    r = bantin("export", "-f", "txt", "--digest", "--jobs", "1", "-o", str(tmp_path / "out"), str(f))
    assert r.returncode == 0, r.stderr
    assert time.monotonic() - t0 < 30  # the quadratic digest took minutes and gigabytes


# ---------------------------------------------------------------- bantin inspect


def test_inspect_reports_every_kind_of_bad_input_in_one_line(tmp_path: Path) -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)) + "---\n\nĐ.\n"
    files = {"bom.md": bomb.encode(), "zip.docx": b"PK\x03\x04 not a zip", "sau.json": b"[" * 200_000,
             "nhi-phan.html": b"\x89PNG\r\n\x1a\n\x00\x00", "rong.txt": b""}
    (tmp_path / "thu-muc").mkdir()
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    for name in [*files, "thu-muc", "khong-co.md"]:
        for extra in ((), ("--digest",)):
            r = bantin("inspect", *extra, str(tmp_path / name))
            err = r.stderr.decode()
            assert b"Traceback" not in r.stderr and "internal error" not in err, (name, err)
            assert r.returncode == 1 and len(err.splitlines()) == 1 and err.startswith("bantin: error: "), (name, err)


def test_libxml2s_guards_are_told_in_words_not_in_parser_options(tmp_path: Path) -> None:
    """A Word file nested deeper than the parser follows, or whose entities expand
    past a safe size, is refused in words: not "use XML_PARSE_HUGE option" or "see
    xmlCtxtSetMaxAmplification", options of a parser the user never set."""
    import zipfile

    deep = tmp_path / "sau.docx"
    deep.write_bytes(docx("<w:sdt><w:sdtContent>" * 3000 + p("Chữ.") + "</w:sdtContent></w:sdt>" * 3000))
    bomb = tmp_path / "bom.docx"
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    with zipfile.ZipFile(io.BytesIO(docx("<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>"))) as src, \
            zipfile.ZipFile(bomb, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                head, _, rest = data.partition(b"?>")  # the DOCTYPE goes after the XML declaration
                data = head + b"?>" + f"<!DOCTYPE w:document [{entities}]>".encode() + rest
            out.writestr(item, data)
    good = tmp_path / "tot.txt"
    good.write_text("Tiêu đề\nSapo của bài.\nThân bài.\n", encoding="utf-8")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(deep), str(bomb), str(good))
    err = r.stderr.decode()
    assert r.returncode == 1 and (tmp_path / "out" / "tot.txt").exists()
    assert "sau.docx: damaged Word file: elements nested more than 256 levels deep" in err, err
    assert "bom.docx: damaged Word file: entities that expand past a safe size (an XML bomb)" in err, err
    assert "XML_PARSE_HUGE" not in err and "xmlCtxt" not in err


def test_a_picture_path_that_is_a_pipe_or_a_folder_is_named_for_what_it_is(tmp_path: Path) -> None:
    """A FIFO (which would block a read) and a folder are there but are no picture:
    "not a file", not "not found"; the article still reads, with nothing blocked."""
    import os

    os.mkfifo(tmp_path / "ong.png")
    (tmp_path / "thu-muc.png").mkdir()
    src = tmp_path / "bai.md"
    src.write_text("# Tiêu đề\n\nĐoạn văn.\n\n![a](ong.png)\n\n![b](thu-muc.png)\n\n![c](khong-co.png)\n",
                   encoding="utf-8")
    said: list[str] = []
    a = api.read(src, warn=said.append)
    assert a.title == "Tiêu đề"
    assert [m for m in said if m.startswith("image")] == [
        "image not a file: ong.png", "image not a file: thu-muc.png", "image not found: khong-co.png"]


@pytest.mark.parametrize("where", ['<link rel="canonical" href="http://[oops/vu-lua-moi.html">',
                                   '<link rel="canonical" href="https://a.vn[x]/vu-lua-moi.html">',
                                   '<img src="http://a.vn[1]/x.png">', '<img src="//[oops/x.png">'])
def test_an_address_urllib_refuses_costs_only_itself(where: str) -> None:
    """helper-163: urllib raises ValueError for a bracketed host that is no IP
    address ("http://a.vn[1]/x.png", "http://[oops/"), and a page's canonical link
    or a picture's address of that shape was an internal error of the whole page
    (of a Markdown file's raw <img> too)."""
    html = page(f"<p>{PROSE * 3}</p>" + (where if where.startswith("<img") else "") + f"<p>{PROSE}</p>",
                head='<meta charset="utf-8">' + (where if where.startswith("<link") else ""))
    warned: list[str] = []
    doc = api.read(html.encode(), source_format="html", warn=warned.append)
    assert "xuống giống vụ lúa mới" in api.export(doc, "txt").decode()
    if where.startswith("<img"):
        assert any("image reference refused (not a valid address)" in w for w in warned), warned
        md = api.read(f"# Vụ lúa mới\n\n{PROSE}\n\n{where}\n".encode(), source_format="md", warn=lambda _m: None)
        assert PROSE.strip() in api.export(md, "txt").decode().replace("\n", " ")


def test_a_cut_title_beside_an_address_urllib_refuses_stays_as_it_is() -> None:
    from bantin.source.rules import slug_title

    assert slug_title.completed("Nông dân xuống giống …", "http://[oops/nong-dan-xuong-giong-vu-lua-moi.html",
                                [PROSE]) == "Nông dân xuống giống …"


@pytest.mark.parametrize("odd", ["<body»›i<><p>giữa</p></body»›i<>", '<img src="a.png" b.png"> giữa',
                                 '<img src="a.png" :src="anh" @click="mo"> giữa', '<img src="a.png" {"x": 1}> giữa'])
def test_a_name_xml_cannot_hold_costs_the_page_nothing(odd: str) -> None:
    """helper-163: broken markup ("<body»›i<", an attribute 'b.png"') or a script
    framework's attributes (Vue's ":src", "@click") inside a heading give lxml a name
    XML cannot hold; trafilatura writes its result as XML and parses it again, and
    the page was an internal error (XMLSyntaxError). The name goes, the words stay."""
    html = page(f"<h2>Vụ lúa {odd}</h2><p>{PROSE * 3}</p><p>{PROSE}Đoạn cuối.</p>")
    text = api.export(api.read(html.encode(), source_format="html", warn=lambda _m: None), "txt").decode()
    assert "Đoạn cuối" in text and "giữa" in text
