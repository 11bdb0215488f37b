"""Big saved pages (issue 28): what no reader sees is cut before parsing, so a page
saved "complete" (scripts, style sheets and pictures inlined) reads as fast as the
article it holds; a page with more text than any article is refused on one line,
before trafilatura, whose passes grow faster than the page. The pages are made
here, in memory, by repeating a news article's paragraphs, picture, table and
related-news box (bench/big_html.py measures 2, 8 and 48 MB)."""

from __future__ import annotations

import base64
import json
import time

import pytest
from helpers import bantin

import bantin as api
from bantin.errors import InputError
from bantin.model import Article, Figure, Paragraph, text_of
from bantin.source.html import size

HEAD = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Giá lúa tăng - Báo Mẫu</title>'
        '<meta property="og:type" content="article"><meta property="og:title" content="Giá lúa tăng">{extra}</head>'
        '<body><article><h1>Giá lúa tăng</h1>')
PARAGRAPH = ("<p>Đoạn {i}: giá lúa tại các tỉnh miền Tây tăng nhẹ trong tuần qua nhờ nhu cầu xuất khẩu gạo phục hồi, "
             "nông dân ở <a href='/dong-thap'>Đồng Tháp</a> và <b>An Giang</b> phấn khởi khi thương lái đến tận "
             "ruộng.</p>")
BOX = ("<figure><img src='{src}' alt='Ruộng lúa'><figcaption>Nông dân thu hoạch lúa (Ảnh: Minh Tâm)</figcaption>"
       "</figure><div class='related'><h3>Tin liên quan</h3><ul><li><a href='/a.html'>Giá gạo xuất khẩu lên cao "
       "nhất</a></li><li><a href='/b.html'>Nông dân lãi lớn vụ hè thu</a></li></ul></div>"
       "<table><tr><th>Tỉnh</th><th>Giá (đồng/kg)</th></tr><tr><td>An Giang</td><td>7.200</td></tr></table>")
TAIL = "</article><div class='footer'>Bản quyền © Báo Mẫu</div></body></html>"
PICTURE = "data:image/jpeg;base64," + base64.b64encode(bytes(range(256)) * 600).decode()


def saved(megabytes: float, paragraphs: int = 24) -> bytes:
    """An article of ``paragraphs`` paragraphs, saved with its scripts, styles and
    pictures inlined to about ``megabytes``."""
    script = "<script>window.__STATE__=" + json.dumps({"bai": "x" * 100_000}) + ";</script>"
    style = "<style>" + ".the{color:#333}" * 5_000 + "</style>"
    body = "".join(PARAGRAPH.format(i=i) + (BOX.format(src=PICTURE) if i % 6 == 0 else "") for i in range(paragraphs))
    blobs = max(0, int(megabytes * 1e6 - len(body.encode())) // len((script + style).encode()) + 1)
    return (HEAD.format(extra=(style + script) * blobs) + body + TAIL).encode()


def text_page(megabytes: float) -> bytes:
    """The article's paragraphs and boxes repeated to about ``megabytes``: more text than an article."""
    unit = PARAGRAPH.format(i=0) + BOX.format(src="anh/lua.jpg")
    return (HEAD.format(extra="") + unit * int(megabytes * 1e6 / len(unit.encode())) + TAIL).encode()


def paragraphs(a: Article) -> list[str]:
    return [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]


def test_slim_cuts_what_no_reader_sees_and_keeps_json_ld():
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script>'
            "<script>var a = '<p>không phải bài</p>';</script><STYLE media=all>p{color:red}</STYLE>"
            '<!-- <p>bình luận</p> --></head><body><noscript><img src="a.jpg"></noscript>'
            f'<img src="{PICTURE}" alt="x"><p>Nội dung</p><script>chưa đóng')
    out = size.slim(page)
    assert '<script type="application/ld+json">{"@type": "NewsArticle"}</script>' in out
    assert "không phải bài" not in out and "color:red" not in out and "bình luận" not in out
    assert '<noscript><img src="a.jpg"></noscript>' in out  # a lazy picture's fallback stays
    assert '<img src="data:image/jpeg;base64," alt="x">' in out  # the bytes go, the media type stays
    assert out.endswith("<p>Nội dung</p><script>chưa đóng")  # a script left open is the parser's to read
    assert size.declaration('\ufeff<?xml version="1.0" encoding="utf-8"?>\n<html>') == "\n<html>"


def test_a_saved_page_with_inline_pictures_and_scripts_is_read_whole_and_fast():
    data = saved(4)
    assert len(data) > 4_000_000
    api.read(saved(0.1), source_format="html", warn=lambda _: None)  # imports paid before the clock
    warned: list[str] = []
    t0 = time.process_time()
    a = api.read(data, source_format="html", warn=warned.append)
    elapsed = time.process_time() - t0
    assert isinstance(a, Article)
    found = paragraphs(a)
    assert len(found) == 24 and all(f"Đoạn {i}:" in p for i, p in enumerate(found))
    assert "Tin liên quan" not in " ".join(found) and "__STATE__" not in " ".join(found)
    # A picture saved in the page is a figure with its caption; the sandbox names what it did not read.
    figures = [b for b in a.blocks if isinstance(b, Figure)]
    shown = [(text_of(f.caption), f.credit, f.image) for f in figures]
    assert shown == [("Nông dân thu hoạch lúa", "Minh Tâm", None)] * 4
    assert sum(w == "inline data image not read: data:image/jpeg;base64," for w in warned) == 4
    assert elapsed < 3.0, elapsed  # the page it holds is some 25 KB


def test_a_page_with_more_text_than_an_article_is_refused_before_trafilatura():
    data = text_page(4)  # some 1.75 million characters of text
    t0 = time.process_time()
    with pytest.raises(InputError, match=r"^page too large to be an article \(more than 1,500,000 characters "
                                         r"of text, some 250,000 words\)$"):
        api.read(data, source_format="html")
    assert time.process_time() - t0 < 5.0


def test_too_much_markup_is_refused_before_it_is_parsed():
    data = b"<!DOCTYPE html><html><body>" + b"<div><span></span></div>" * 700_000 + b"</body></html>"
    with pytest.raises(InputError, match=r"^page too large to be an article \(17 million characters of markup "):
        api.read(data, source_format="html")


def test_too_many_elements_are_refused():
    data = b"<!DOCTYPE html><html><body>" + b"<i></i>" * (size.MAX_ELEMENTS + 10) + b"</body></html>"
    with pytest.raises(InputError, match=r"^page too large to be an article \(more than 250,000 elements\)$"):
        api.read(data, source_format="html")


def test_a_page_of_more_paragraphs_than_an_article_is_refused_before_trafilatura():
    """trafilatura's passes over paragraphs grow faster than their number (a page of
    240,000 bare "<p>a" ran for minutes): more than MAX_BLOCKS paragraphs, items and
    cells is not an article, however little text they hold."""
    data = b"<html><body><article><h1>T</h1>" + b"<p>a" * (size.MAX_BLOCKS + 1) + b"</article></body></html>"
    t0 = time.process_time()
    with pytest.raises(InputError, match=r"^page too large to be an article \(more than 30,000 paragraphs, "):
        api.read(data, source_format="html")
    assert time.process_time() - t0 < 5.0


def test_a_tag_of_a_hostile_length_is_refused_before_it_is_parsed():
    """libxml2 compares each attribute of a tag with the ones before it: a tag of
    300,000 attributes (3.5 MB) took minutes. No article's tag is 64 KB long."""
    attrs = " ".join(f'a{i}="1"' for i in range(300_000)).encode()
    data = b"<html><body><article><h1>T</h1><p>Mot doan.</p><p " + attrs + b">x</p></article></body></html>"
    t0 = time.process_time()
    with pytest.raises(InputError, match=r"^not an article page: a tag of more than 65,536 characters at offset "):
        api.read(data, source_format="html")
    assert time.process_time() - t0 < 5.0
    srcset = ", ".join(f"anh/lua-{w}.jpg {w}w" for w in range(100, 3000, 10))  # a long real tag still reads
    page = HEAD.format(extra="") + f'<img src="anh/lua.jpg" srcset="{srcset}">' + PARAGRAPH.format(i=0) + TAIL
    assert api.read(page.encode(), source_format="html", warn=lambda _: None).title


def test_a_long_attribute_value_is_emptied_not_a_refusal():
    """A gallery's JSON in a data- attribute, an inline <svg>'s path: a real page
    was refused as "a tag of more than 65,536 characters" (helper-139)."""
    gallery = "{&quot;anh&quot;: [" + ", ".join(f"&quot;anh-{i}.jpg&quot;" for i in range(8000)) + "]}"
    path = "M0 0 " + "L1 2 " * 20_000
    page = (HEAD.format(extra="") + f'<div class="gallery" data-items="{gallery}"></div>'
            + f"<p>Mở đầu <svg viewBox='0 0 9 9'><path d='{path}'/></svg> bài viết.</p>"
            + PARAGRAPH.format(i=0) + TAIL)
    assert len(gallery) > 65_536 and len(path) > 65_536
    doc = api.read(page.encode(), source_format="html", warn=lambda _: None)
    assert any("Mở đầu" in text_of(b.text) for b in doc.blocks if isinstance(b, Paragraph))


def test_the_refusal_is_one_line_on_the_command_line(tmp_path):
    path = tmp_path / "qua-lon.html"
    path.write_bytes(text_page(4))
    r = bantin("inspect", str(path))
    lines = r.stderr.decode().strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1 and "page too large to be an article" in lines[0]


@pytest.mark.slow
def test_reading_grows_linearly_with_a_saved_page():
    """2, 8 and 48 MB saved pages (as bench/big_html.py makes them): no more than
    linear growth, with room for a shared machine's noise."""
    api.read(saved(0.1), source_format="html", warn=lambda _: None)
    times = []
    for mb in (2, 8, 48):
        data = saved(mb)
        t0 = time.process_time()
        a = api.read(data, source_format="html", warn=lambda _: None)
        times.append(time.process_time() - t0)
        assert isinstance(a, Article) and len(paragraphs(a)) == 24
    assert times[2] < 2.0 * 24 * max(times[0], 0.05) and times[2] < 30, times


@pytest.mark.slow
@pytest.mark.parametrize("megabytes", [8, 48])
def test_big_pages_of_text_are_refused_quickly(megabytes):
    data = text_page(megabytes)
    t0 = time.process_time()
    with pytest.raises(InputError, match=r"^page too large to be an article"):
        api.read(data, source_format="html")
    assert time.process_time() - t0 < 20


def test_json_ld_too_deep_to_read_is_metadata_the_page_lacks():
    """A JSON-LD script of 100,000 nested arrays cannot be read (Python's recursion
    limit): it is skipped as a malformed one is, and the article still reads."""
    ld = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    page = HEAD.format(extra=ld) + PARAGRAPH.format(i=0) + PARAGRAPH.format(i=1) + TAIL
    a = api.read(page.encode(), source_format="html", warn=lambda _: None)
    assert a.title and paragraphs(a)


def test_a_page_nested_deeper_than_the_parser_follows_is_refused_in_words():
    """libxml2 stops at 256 levels and drops the rest without raising: the article
    inside 100,000 nested divs was lost and the page said "no article found"."""
    data = ("<html><body>" + "<div>" * 100_000 + "<article><h1>Tiêu đề</h1><p>Chữ.</p></article>"
            + "</div>" * 100_000 + "</body></html>").encode()
    with pytest.raises(InputError, match=r"^not an article page: elements nested more than 256 levels deep "):
        api.read(data, source_format="html")
    ok = ("<html><body>" + "<div>" * 200 + HEAD.split("<body>")[-1] + PARAGRAPH.format(i=0) + TAIL).encode()
    assert api.read(ok, source_format="html", warn=lambda _: None).title
