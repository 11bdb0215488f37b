"""A saved page's relative links lead where the page meant them to: resolved
against its <base href>, else its own address (canonical link, og:url)."""

from __future__ import annotations

from pathlib import Path

import pytest

import bantin
from bantin.model import Article, spans_of
from tests.helpers import bantin as run_bantin
from tests.helpers import require

BODY = (
    "<p>Theo Sở Xây dựng, ba tuyến buýt điện mới dài hơn 60 km, phục vụ khoảng 20.000 lượt khách mỗi ngày; "
    'lộ trình xem tại <a href="/giao-thong/lo-trinh-456.html">bảng lộ trình</a> của Sở.</p>'
    '<p>Giá vé lượt vẫn là 7.000 đồng, xem <a href="huong-dan.html?muc=ve#the">hướng dẫn</a>, '
    '<a href="//sxd.hanoi.gov.vn/tin">trang của Sở</a>, <a href="mailto:toasoan@vnexpress.net">thư</a> '
    'hoặc <a href="https://hanoi.gov.vn/">cổng thành phố</a> để biết thêm chi tiết về các tuyến mới.</p>'
)


def _page(tmp_path: Path, head: str) -> Path:
    page = tmp_path / "tin.html"
    page.write_text(
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hà Nội mở thêm tuyến buýt điện</title>'
        f"{head}</head><body><article><h1>Hà Nội mở thêm tuyến buýt điện</h1>{BODY}</article></body></html>",
        encoding="utf-8")
    return page


def _links(page: Path) -> dict[str, str | None]:
    doc = bantin.read(page)
    assert isinstance(doc, Article)
    return {s.text: s.href for s in spans_of(doc) if s.href is not None}


CANONICAL = '<link rel="canonical" href="https://vnexpress.net/thoi-su/ha-noi-buyt-dien-123.html">'


def test_relative_links_resolve_against_the_canonical_address(tmp_path: Path) -> None:
    assert _links(_page(tmp_path, CANONICAL)) == {
        "bảng lộ trình": "https://vnexpress.net/giao-thong/lo-trinh-456.html",
        "hướng dẫn": "https://vnexpress.net/thoi-su/huong-dan.html?muc=ve#the",
        "trang của Sở": "https://sxd.hanoi.gov.vn/tin",
        "thư": "mailto:toasoan@vnexpress.net",
        "cổng thành phố": "https://hanoi.gov.vn/",
    }


def test_og_url_serves_when_there_is_no_canonical_link(tmp_path: Path) -> None:
    links = _links(_page(tmp_path, '<meta property="og:url" content="https://tuoitre.vn/a/b.htm">'))
    assert links["bảng lộ trình"] == "https://tuoitre.vn/giao-thong/lo-trinh-456.html"
    assert links["hướng dẫn"] == "https://tuoitre.vn/a/huong-dan.html?muc=ve#the"


def test_base_href_comes_first_and_is_itself_resolved(tmp_path: Path) -> None:
    links = _links(_page(tmp_path, CANONICAL + '<base href="/luu-tru/2025/">'))
    assert links["bảng lộ trình"] == "https://vnexpress.net/giao-thong/lo-trinh-456.html"
    assert links["hướng dẫn"] == "https://vnexpress.net/luu-tru/2025/huong-dan.html?muc=ve#the"


@pytest.mark.parametrize("written", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///C:/tin.html"])
def test_a_canonical_link_that_is_no_web_page_is_no_address(tmp_path: Path, written: str) -> None:
    """helper-165: the page's address was whatever its canonical link said, and the
    source line printed "javascript:…"; as the Markdown reader drops it from the
    front matter, it is dropped with one warning naming the field, and og:url serves."""
    canonical = f'<link rel="canonical" href="{written}">'
    og = '<meta property="og:url" content="https://tuoitre.vn/a/b.htm">'
    for head, url, field in ((canonical, None, '<link rel="canonical">'),
                             (canonical + og, "https://tuoitre.vn/a/b.htm", '<link rel="canonical">'),
                             (f'<meta property="og:url" content="{written}">', None, "og:url")):
        warned: list[str] = []
        doc = bantin.read(_page(tmp_path, head), warn=warned.append)
        assert isinstance(doc, Article) and doc.url == url, head
        assert [w for w in warned if "not a web address" in w] == [
            f"{field}: {written!r} is not a web address (http, https or mailto); ignored"], head
        if url:  # the links resolve against the address that is one
            assert _links(_page(tmp_path, head))["bảng lộ trình"] == "https://tuoitre.vn/giao-thong/lo-trinh-456.html"


@pytest.mark.parametrize("head", ["", '<link rel="canonical" href="/thoi-su/x.html">',
                                  '<base href="http://[không-phải-địa-chỉ">'])
def test_without_an_absolute_address_links_stay_as_written(tmp_path: Path, head: str) -> None:
    links = _links(_page(tmp_path, head))
    assert links["bảng lộ trình"] == "/giao-thong/lo-trinh-456.html"
    assert links["hướng dẫn"] == "huong-dan.html?muc=ve#the"
    assert links["cổng thành phố"] == "https://hanoi.gov.vn/"


def test_the_pdf_links_to_the_resolved_address(tmp_path: Path) -> None:
    require("pdfinfo")
    from pypdf import PdfReader

    page = _page(tmp_path, CANONICAL)
    out = tmp_path / "out"
    done = run_bantin("export", "--format", "pdf", "--output", str(out), str(page))
    assert done.returncode == 0, done.stderr.decode()
    uris = {a.get_object()["/A"]["/URI"] for p in PdfReader(out / "tin.pdf").pages for a in p.get("/Annots", [])
            if a.get_object().get("/A", {}).get("/URI")}
    assert {"https://vnexpress.net/giao-thong/lo-trinh-456.html", "https://vnexpress.net/thoi-su/huong-dan.html?muc=ve#the",
            "https://sxd.hanoi.gov.vn/tin"} <= uris


@pytest.mark.parametrize("head", [CANONICAL, ""])
def test_an_address_typed_without_its_scheme_is_that_address(tmp_path: Path, head: str) -> None:
    """"www.moh.gov.vn" or a bare mailbox in an href: a browser would open a page of
    the outlet's site; the author named a site or a mailbox (helper-61). It names
    its host itself, so a page with no address of its own needs no base for it
    (helper-65: every such link was lost there)."""
    page = tmp_path / "tin.html"
    page.write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hà Nội cấm xe tải giờ cao điểm</title>'
        f"{head}</head><body><article><h1>Hà Nội cấm xe tải giờ cao điểm</h1>"
        '<p>Người dân tra cứu tại <a href="www.moh.gov.vn">cổng Bộ Y tế</a>, <a href="dichvucong.gov.vn/p/home">dịch '
        'vụ công</a>, <a href="zalo.me/0912345678">Zalo</a> hoặc gửi thư tới <a href="toasoan@vnexpress.net">tòa '
        'soạn</a>, <a href="hotro@hanoi.gov.vn?subject=Hỏi">hỗ trợ</a> hay <a href="https//dichvucong.gov.vn/tra-cuu">'
        'tra cứu</a>, <a href="http:/baochinhphu.vn/x.htm">Báo Chính phủ</a>, <a href="  https://vnexpress.net/a.html '
        '">bài trước</a> để được hướng dẫn chi tiết về phương án tổ chức giao thông mới.</p></article></body></html>',
        encoding="utf-8")
    assert _links(page) == {"cổng Bộ Y tế": "https://www.moh.gov.vn", "dịch vụ công": "https://dichvucong.gov.vn/p/home",
                            "Zalo": "https://zalo.me/0912345678", "tòa soạn": "mailto:toasoan@vnexpress.net",
                            "hỗ trợ": "mailto:hotro@hanoi.gov.vn?subject=Hỏi",
                            "tra cứu": "https://dichvucong.gov.vn/tra-cuu",
                            "Báo Chính phủ": "http://baochinhphu.vn/x.htm", "bài trước": "https://vnexpress.net/a.html"}


def test_a_home_page_address_resolves_only_links_from_the_sites_root(tmp_path: Path) -> None:
    """og:url set to the site's home says where "/giao-thong/…" leads, not where a
    page-relative "huong-dan.html" does (helper-61): that one stays as written."""
    links = _links(_page(tmp_path, '<meta property="og:url" content="https://baodothi.vn/">'))
    assert links["bảng lộ trình"] == "https://baodothi.vn/giao-thong/lo-trinh-456.html"
    assert links["hướng dẫn"] == "huong-dan.html?muc=ve#the"


def test_a_file_name_after_a_slipped_scheme_is_no_host(tmp_path: Path) -> None:
    """"https:/bai-viet-123.html" names no site: the repair made a host of it
    (helper-64). On an https page a browser reads it as a path of the site, and a
    backslash as a slash (helper-65)."""
    page = tmp_path / "tin.html"
    page.write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hà Nội cấm xe tải giờ cao điểm</title>'
        f"{CANONICAL}</head><body><article><h1>Hà Nội cấm xe tải giờ cao điểm</h1>"
        '<p>Xem <a href="https:/bai-viet-123.html">bài trước</a> và <a href="https//index.php?id=3">trang chủ</a> '
        r'hay <a href="\tin\c.html">tin khác</a>, <a href="https:\\vnexpress.net\a.html">bài cũ</a>, '
        r'<a href="\\server\share\a.pdf">tệp chung</a>, <a href="https://">trống</a> '
        "để biết thêm chi tiết về phương án tổ chức giao thông mới trên địa bàn.</p></article></body></html>",
        encoding="utf-8")
    links = _links(page)
    assert links["bài trước"] == "https://vnexpress.net/bai-viet-123.html"
    assert links["tin khác"] == "https://vnexpress.net/tin/c.html"
    # helper-67: backslashes after the scheme, a Windows share, a scheme alone.
    assert links["bài cũ"] == "https://vnexpress.net/a.html"
    assert links["tệp chung"] == r"\\server\share\a.pdf" and links["trống"] == "https://"
    assert not links["trang chủ"].startswith("https://index.php")
