"""Readers for saved web pages, Word files and Markdown, with inputs written here:
boilerplate left out, every article word in order in every format, images read only
under the sandbox's rules, links kept, a .VnTime run converted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import assert_in_order, bantin, epubcheck, pandoc_plain, pdftotext, words
from PIL import Image as Pil

import bantin as api
from bantin.model import Figure, ListBlock, Paragraph, Table
from bantin.source import legacy

CLEAN = "0 fatals / 0 errors / 0 warnings"
BODY = [
    "Sáng 5/8, thành phố khai trương thư viện số đầu tiên dành cho học sinh vùng cao.",
    "Thư viện có hơn 3.000 đầu sách điện tử, mở cửa miễn phí từ 7 giờ đến 21 giờ.",
    "Học sinh đăng ký tài khoản tại trường và đọc sách trên máy tính bảng được cấp.",
]
BOILERPLATE = ["Đăng nhập", "Quảng cáo giảm giá 50%", "Bài viết liên quan", "Bình luận của bạn đọc",
               "Chia sẻ Facebook",
               "Bản quyền thuộc về Báo Mẫu", "var tracker"]


def png(path: Path, colour: tuple[int, int, int] = (30, 90, 160)) -> None:
    Pil.new("RGB", (80, 50), colour).save(path, "PNG")


PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Thư viện số mở cửa cho học sinh vùng cao - Báo Mẫu</title>
<meta property="og:title" content="Thư viện số mở cửa cho học sinh vùng cao">
<meta property="og:site_name" content="Báo Mẫu">
<meta property="article:published_time" content="2025-08-05T08:15:00+07:00">
<meta name="author" content="Minh Châu">
<meta property="og:description" content="{lede}">
<link rel="canonical" href="https://bao-mau.example/giao-duc/thu-vien-so.html">
<style>.ad {{ color: red }}</style><script>var tracker = 1;</script>
</head><body>
<nav><a href="/">Trang chủ</a> <a href="/login">Đăng nhập</a></nav>
<div class="ad">Quảng cáo giảm giá 50%</div>
<article>
<h1>Thư viện số mở cửa cho học sinh vùng cao</h1>
<p class="sapo">{lede}</p>
<p>{p0}</p>
<figure><img src="images/anh.png" alt="Học sinh đọc sách"><figcaption>Học sinh đọc sách trên máy tính bảng (Ảnh: Vi Thảo)</figcaption></figure>
<h2>Giờ mở cửa và cách đăng ký</h2>
<p>{p1} Xem chi tiết tại <a href="https://bao-mau.example/thu-vien">trang thư viện</a>.</p>
<table><tr><th>Ngày</th><th>Giờ mở cửa</th><th>Số chỗ</th></tr>
<tr><td>Thứ hai</td><td>7 giờ</td><td>120</td></tr><tr><td>Chủ nhật</td><td>8 giờ</td><td>80</td></tr></table>
<p>{p2}</p>
<figure><img src="https://cdn.example/xa.jpg" alt="Ảnh từ xa"><figcaption>Ảnh ở máy chủ khác</figcaption></figure>
<figure><img src="../ngoai.png" alt="Ngoài thư mục"><figcaption>Ảnh ngoài thư mục</figcaption></figure>
<figure><img src="/etc/anh.png" alt="Đường tuyệt đối"><figcaption>Ảnh theo đường tuyệt đối</figcaption></figure>
</article>
<aside><h3>Bài viết liên quan</h3><ul><li><a href="/a">Một bài khác</a></li></ul></aside>
<section class="comments"><h3>Bình luận của bạn đọc</h3><p>Hay quá!</p></section>
<div class="share">Chia sẻ Facebook</div>
<footer>Bản quyền thuộc về Báo Mẫu</footer>
</body></html>
"""
LEDE = "Thư viện số đầu tiên cho học sinh vùng cao mở cửa miễn phí với hơn 3.000 đầu sách."


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("page")
    (d / "images").mkdir()
    png(d / "images" / "anh.png")
    png(d.parent / "ngoai.png", (200, 0, 0))
    f = d / "thu-vien.html"
    f.write_text(PAGE.format(lede=LEDE, p0=BODY[0], p1=BODY[1], p2=BODY[2]), encoding="utf-8")
    return f


def test_html_article_metadata_and_no_boilerplate(page):
    warned: list[str] = []
    a = api.read(page, warn=warned.append)
    assert a.title == "Thư viện số mở cửa cho học sinh vùng cao"  # not the <title> with " - Báo Mẫu"
    assert a.outlet.name == "Báo Mẫu" and a.date == "2025-08-05" and a.byline == "Minh Châu"
    assert a.url == "https://bao-mau.example/giao-duc/thu-vien-so.html"
    assert a.lede.replace("\u00a0", " ") == LEDE  # typography binds "3.000 đầu sách"
    text = json.dumps(api.read(page, warn=lambda m: None).__repr__(), ensure_ascii=False)
    for junk in BOILERPLATE:
        assert junk not in text, junk
    figures = [b for b in a.blocks if isinstance(b, Figure)]
    local = [f for f in figures if f.image is not None]
    assert len(local) == 1 and api.text_of(local[0].caption) == "Học sinh đọc sách trên máy tính bảng"
    assert local[0].credit == "Vi Thảo" and local[0].alt == "Học sinh đọc sách"
    assert any(isinstance(b, Table) and b.header_rows == 1 for b in a.blocks)
    links = [s.href for b in a.blocks if isinstance(b, Paragraph) for s in b.text if s.href]
    assert "https://bao-mau.example/thu-vien" in links
    # Refused references: each named in a warning, the rest of the article kept.
    joined = "\n".join(warned)
    assert "https://cdn.example/xa.jpg" in joined and "../ngoai.png" in joined and "/etc/anh.png" in joined


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub", "txt"])
def test_html_every_word_in_order_in_every_format(page, tmp_path, fmt):
    r = bantin("export", "-f", fmt, "-o", str(tmp_path), str(page))
    assert r.returncode == 0, r.stderr.decode()
    out = tmp_path / f"thu-vien.{fmt}"
    text = {"pdf": lambda: pdftotext(out), "docx": lambda: pandoc_plain(out, "docx"),
            "epub": lambda: pandoc_plain(out, "epub"), "txt": lambda: out.read_text(encoding="utf-8")}[fmt]()
    assert_in_order(words(LEDE + " " + " ".join(BODY)), text, fmt)
    for junk in BOILERPLATE:
        assert junk not in text, (fmt, junk)
    if fmt == "epub":
        assert CLEAN in epubcheck(out)


def test_a_page_with_no_article(tmp_path):
    f = tmp_path / "trang.html"
    f.write_text("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>", encoding="utf-8")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(f))
    assert r.returncode == 1 and b"no article found in the page" in r.stderr and b"Traceback" not in r.stderr


def _word(path: Path, picture: Path) -> None:
    import docx
    from docx.shared import Mm

    d = docx.Document()
    d.core_properties.author = "Hòa Lê"
    d.add_paragraph("Nông dân trúng mùa lúa", style="Title")
    d.add_paragraph("").add_run("Vụ lúa năm nay đạt năng suất cao nhất mười năm.").bold = True
    d.add_paragraph("Giá lúa tăng", style="Heading 1")
    d.add_paragraph(BODY[0])
    p = d.add_paragraph("Theo ")
    run = p.add_run("Hµ Néi")  # TCVN3 bytes in a .VnTime run: "Hà Nội"
    run.font.name = ".VnTime"
    p.add_run(" giá lúa tăng. Xem ")
    _hyperlink(p, "https://bao-mau.example/gia-lua", "bảng giá")
    p.add_run(".")
    d.add_paragraph("Thứ nhất, giữ giá ổn định.", style="List Bullet")
    d.add_paragraph("Thứ hai, mở rộng kho chứa.", style="List Bullet")
    d.add_paragraph().add_run().add_picture(str(picture), width=Mm(40))
    d.add_paragraph("Cánh đồng lúa chín", style="Caption")
    table = d.add_table(rows=2, cols=2)
    for (r, c), v in {(0, 0): "Tỉnh", (0, 1): "Tấn", (1, 0): "Đồng Tháp", (1, 1): "2.900"}.items():
        table.cell(r, c).text = v
    d.add_paragraph("“Mùa này được giá”, một nông dân nói.", style="Quote")
    d.save(str(path))


def _read_back(out: Path, fmt: str) -> str:
    if fmt == "pdf":
        return pdftotext(out)
    if fmt in ("docx", "epub"):
        return pandoc_plain(out, fmt)
    return out.read_text(encoding="utf-8")


def _hyperlink(paragraph, url: str, text: str) -> None:
    """python-docx has no call that adds a hyperlink: the run goes in a w:hyperlink
    whose relationship points at ``url``, as Word writes it."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub", "txt"])
def test_word_file_every_word_in_every_format(tmp_path, fmt):
    png(tmp_path / "lua.png")
    f = tmp_path / "lua.docx"
    _word(f, tmp_path / "lua.png")
    r = bantin("export", "-f", fmt, "-o", str(tmp_path / "out"), str(f))
    assert r.returncode == 0, r.stderr.decode()
    expected = words("Nông dân trúng mùa lúa Vụ lúa năm nay đạt năng suất cao nhất mười năm Giá lúa tăng "
                     + BODY[0] + " Theo Hà Nội giá lúa tăng Thứ nhất giữ giá ổn định Thứ hai mở rộng kho chứa "
                     "Cánh đồng lúa chín Tỉnh Tấn Đồng Tháp 2 900 Mùa này được giá một nông dân nói")
    assert_in_order(expected, _read_back(tmp_path / "out" / f"lua.{fmt}", fmt), fmt)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub", "txt"])
def test_markdown_every_word_in_every_format(tmp_path, fmt):
    (tmp_path / "images").mkdir()
    png(tmp_path / "images" / "anh.png")
    f = tmp_path / "bai.md"
    f.write_text(MARKDOWN.format(lede=LEDE, p0=BODY[0], p1=BODY[1], p2=BODY[2]), encoding="utf-8")
    r = bantin("export", "-f", fmt, "-o", str(tmp_path / "out"), str(f))
    assert r.returncode == 0, r.stderr.decode()
    expected = words(LEDE + " " + BODY[0] + " Giờ mở cửa " + BODY[1] + " Xem trang thư viện "
                     "Thứ nhất đăng ký tại trường Thứ hai nhận máy tính bảng " + BODY[2])
    assert_in_order(expected, _read_back(tmp_path / "out" / f"bai.{fmt}", fmt), fmt)


def test_word_file(tmp_path):
    png(tmp_path / "lua.png")
    f = tmp_path / "lua.docx"
    _word(f, tmp_path / "lua.png")
    a = api.read(f)
    assert a.title == "Nông dân trúng mùa lúa" and a.byline == "Hòa Lê"
    assert a.lede == "Vụ lúa năm nay đạt năng suất cao nhất mười năm."
    text = " ".join(api.text_of(b.text) for b in a.blocks if isinstance(b, Paragraph))
    assert "Theo Hà Nội giá lúa tăng. Xem bảng giá." in text
    links = [(s.text, s.href) for b in a.blocks if isinstance(b, Paragraph) for s in b.text if s.href]
    assert links == [("bảng giá", "https://bao-mau.example/gia-lua")]
    assert any(isinstance(b, ListBlock) and len(b.items) == 2 for b in a.blocks)
    figs = [b for b in a.blocks if isinstance(b, Figure)]
    assert len(figs) == 1 and figs[0].image is not None and api.text_of(figs[0].caption) == "Cánh đồng lúa chín"
    assert any(isinstance(b, Table) for b in a.blocks)
    for fmt in ("pdf", "docx", "epub", "txt"):
        r = bantin("export", "-f", fmt, "-o", str(tmp_path / "out"), str(f))
        assert r.returncode == 0, r.stderr.decode()
    assert "Hà Nội" in (tmp_path / "out" / "lua.txt").read_text(encoding="utf-8")


def test_word_zip_bomb_is_refused(tmp_path):
    import zipfile

    f = tmp_path / "bom.docx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(f))
    assert r.returncode == 1 and b"zip bomb" in r.stderr


MARKDOWN = """---
title: Thư viện số mở cửa cho học sinh vùng cao
date: 2025-08-05
outlet: Báo Mẫu
byline: Minh Châu
tags: [giáo dục, thư viện]
url: https://bao-mau.example/thu-vien
---

**{lede}**

{p0}

## Giờ mở cửa

{p1} Xem [trang thư viện](https://bao-mau.example/thu-vien).

![Học sinh đọc sách](images/anh.png "Học sinh đọc sách trên máy tính bảng")

| Ngày | Giờ | Số chỗ |
|---|---|---:|
| Thứ hai | 7 giờ | 120 |

- Thứ nhất, đăng ký tại trường.
- Thứ hai, nhận máy tính bảng.

> {p2}

![Từ xa](https://cdn.example/xa.jpg)
"""


def test_markdown(tmp_path):
    (tmp_path / "images").mkdir()
    png(tmp_path / "images" / "anh.png")
    f = tmp_path / "bai.md"
    f.write_text(MARKDOWN.format(lede=LEDE, p0=BODY[0], p1=BODY[1], p2=BODY[2]), encoding="utf-8")
    warned: list[str] = []
    a = api.read(f, warn=warned.append)
    assert a.title == "Thư viện số mở cửa cho học sinh vùng cao" and a.date == "2025-08-05"
    assert a.outlet.name == "Báo Mẫu" and a.byline == "Minh Châu" and a.tags == ("giáo dục", "thư viện")
    assert a.lede.replace("\u00a0", " ") == LEDE  # typography binds "3.000 đầu sách"
    figs = [b for b in a.blocks if isinstance(b, Figure)]
    assert figs[0].image is not None and figs[1].image is None
    assert any("cdn.example" in w for w in warned)
    table = next(b for b in a.blocks if isinstance(b, Table))
    assert table.align[-1] == "right" and table.header_rows == 1
    for fmt in ("pdf", "txt"):
        r = bantin("export", "-f", fmt, "-o", str(tmp_path / "out"), str(f))
        assert r.returncode == 0, r.stderr.decode()
    assert_in_order(words(LEDE + " " + " ".join(BODY)), (tmp_path / "out" / "bai.txt").read_text(encoding="utf-8"))


def test_folder_runs_collect_every_reader(tmp_path, page):
    src = tmp_path / "kho"
    src.mkdir()
    (src / "a.txt").write_text("Tiêu đề\nSapo.\nThân bài.\n", encoding="utf-8")
    (src / "b.md").write_text("# Tiêu đề B\n\nMột đoạn.\n", encoding="utf-8")
    (src / "c.html").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "b.txt", "c.txt"]
    r = bantin("export", "-f", "txt", "--from", "md", "-o", "-", "-", input=b"# Tu stdin\n\nDoan.\n")
    assert r.returncode == 0 and b"Tu stdin" in r.stdout


def test_stdin_needs_from_unless_the_content_is_unmistakable():
    md = "# Tiêu đề\n\nĐoạn một.\n".encode()
    r = bantin("export", "-f", "txt", "-o", "-", "-", input=md)
    assert r.returncode == 1 and "--from md" in r.stderr.decode() and "Traceback" not in r.stderr.decode()
    assert bantin("export", "-f", "txt", "--from", "txt", "-o", "-", "-", input=md).stdout.startswith("# Tiêu đề".encode())
    fronted = "---\ntitle: Có front matter\ntags: kinh tế, nông nghiệp\n---\n\nĐoạn.\n".encode()
    r = bantin("export", "-f", "txt", "-o", "-", "-", input=fronted)
    assert r.returncode == 0 and r.stdout.startswith("Có front matter\n".encode())
    assert "Từ khóa: kinh tế, nông nghiệp".encode() in r.stdout  # a YAML string of tags is split
    r = bantin("export", "-f", "txt", "-o", "-", "-", input="Tiêu đề\nSapo.\nThân bài.\n".encode())
    assert r.returncode == 0 and r.stdout.startswith("Tiêu đề\n".encode())  # newsroom text stays the default


def test_front_matter_with_windows_newlines_and_an_unclosed_one():
    a = api.read("---\r\ntitle: Tiêu đề CRLF\r\n---\r\n\r\nĐoạn.\r\n".encode())
    assert a.title == "Tiêu đề CRLF"
    # No closing "---": not front matter, so it is read as newsroom text, whole.
    b = api.read(("---\r\n" + "khóa: giá trị\r\n" * 300).encode())
    assert api.export(b, "txt").decode().count("khóa: giá trị") == 300


def test_markdown_without_tags_has_none():
    a = api.read("---\ntitle: T\n---\n\nĐoạn.\n".encode(), source_format="md")
    assert a.tags == ()


def test_tcvn3_letters_in_a_vntime_run_are_all_converted():
    sample = "ĂÂĐÊÔƠƯăâđêôơư Hà Nội"
    raw = legacy.encode(sample, "tcvn3").decode("latin-1")
    from bantin.source.docx import _legacy_font

    assert _legacy_font(".VnTime") == ("tcvn3", False) and _legacy_font(".VnTimeH") == ("tcvn3", True)
    assert _legacy_font("VNI-Times") == ("vni", False) and _legacy_font("Times New Roman") is None
    assert legacy.decode(raw.encode("latin-1"), "tcvn3") == sample

