"""Every reader takes the same addresses for an article's source: a newsroom
header's "Link:" and a bantin Word file's Source Note too, not only Markdown's
front matter and a page's canonical link (``addresses.source_of``). An address a
browser would run ("javascript:…") or open from the reader's disk ("file:…") is
dropped with one warning naming the field; it was printed as the source line."""

from __future__ import annotations

import pytest
from word_docs import docx, p

from bantin import api
from bantin.model import Article
from bantin.source import read

BAD = ("javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "vbscript:msgbox(1)")
PROSE = "Sáng nay, hội nghị đã diễn ra với nhiều nội dung quan trọng cho người dân cả nước."


def _header(link: str, key: str = "Link") -> bytes:
    return (f"Title: Tin thử nghiệm\nSource: Báo Thử\n{key}: {link}\nAuthor: Huyền Lê\n"
            f"Content: {PROSE} Đoạn thứ hai của bài viết ở đây.\n").encode()


def _word(link: str) -> bytes:
    return docx(p("Tin thử nghiệm", style="Title") + p(PROSE) + p("Huyền Lê", style="Byline")
                + p(f"Nguồn: {link}", style="SourceNote"))


def _article(data: bytes, fmt: str, warned: list[str]) -> Article:
    doc = read(data, source_format=fmt, warn=warned.append)
    assert isinstance(doc, Article)
    return doc


@pytest.mark.parametrize("link", BAD)
@pytest.mark.parametrize("fmt, make, field", [("txt", _header, "header link"), ("docx", _word, "Source Note")])
def test_an_address_that_is_no_web_page_is_no_source(fmt, make, field, link) -> None:
    warned: list[str] = []
    a = _article(make(link), fmt, warned)
    assert a.url is None
    assert [w for w in warned if "not a web address" in w] == [
        f"{field}: {link[:80]!r} is not a web address (http, https or mailto); ignored"], warned
    assert link.split(":")[0] + ":" not in api.export(a, "txt").decode()


@pytest.mark.parametrize("fmt, make", [("txt", _header), ("docx", _word)])
def test_a_web_address_is_the_source(fmt, make) -> None:
    warned: list[str] = []
    assert _article(make("https://bao.example/tin.html"), fmt, warned).url == "https://bao.example/tin.html"
    assert not [w for w in warned if "web address" in w]


def test_a_headers_url_line_is_named_in_its_warning() -> None:
    warned: list[str] = []
    assert _article(_header("javascript:void(0)", key="URL"), "txt", warned).url is None
    assert any(w.startswith("header url: ") for w in warned), warned
