"""Signers side by side close a paper, not a news story. Posts over names in two
columns ("HLV TRƯỞNG | ĐỘI TRƯỞNG" over the coach and the captain, an election's
"CHỦ TỊCH | PHÓ CHỦ TỊCH") closing a story were read as two signers: the story
ended in a signature block and, in text, the names became its byline. Now each
reader takes signers side by side only in a paper (a header, the national title
and motto, a document's type as its title) or over a "Nơi nhận"; in a story, the
rows stay its own. Written for these tests, read by the text, Word and web readers."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from helpers import read_web

import bantin as api
from bantin.model import Article, Paragraph, Table, text_of
from bantin.model.labels import document_type, names_paper, opens_with_kind

STORY = ["Đội tuyển nữ Việt Nam lên đường dự SEA Games",
         "Sáng 5/8, đội tuyển bóng đá nữ Việt Nam lên đường sang Thái Lan dự SEA Games 33 với 23 cầu thủ.",
         "Ban huấn luyện cho biết toàn đội đã sẵn sàng cho trận ra quân gặp Myanmar ngày 10/8."]
ROWS = [("HLV TRƯỞNG", "ĐỘI TRƯỞNG"), ("Mai Đức Chung", "Huỳnh Như")]
MINUTES = ["BIÊN BẢN HỌP", "Giao ban công tác tháng 8 năm 2025",
           "Cuộc họp bắt đầu lúc 8 giờ 30, tại phòng họp số 2 của Sở.",
           "Cuộc họp kết thúc lúc 11 giờ cùng ngày."]
SIGNERS = [("THƯ KÝ", "CHỦ TỌA"), ("Nguyễn Văn An", "Trần Thị Bình")]
NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def _text(tmp_path: Path, lines: list[str], rows: list[tuple[str, str]]) -> Article:
    src = tmp_path / "t.txt"
    src.write_text("\n\n".join(lines) + "\n\n" + "\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    a = api.read(src)
    assert isinstance(a, Article)
    return a


def _word(tmp_path: Path, lines: list[str], rows: list[tuple[str, str]], as_table: bool) -> Article:
    d = docx.Document()
    d.add_paragraph(lines[0], style="Title")
    for x in lines[1:]:
        d.add_paragraph(x)
    if as_table:
        t = d.add_table(rows=len(rows), cols=2)
        for r, row in enumerate(rows):
            for c, x in enumerate(row):
                t.cell(r, c).text = x
    else:
        for row in rows:
            d.add_paragraph("\t".join(row))
    src = tmp_path / "t.docx"
    d.save(src)
    a = api.read(src)
    assert isinstance(a, Article)
    return a


def _table(rows: list[tuple[str, str]], bold_head: bool = False) -> str:
    return "<table>" + "".join("<tr>" + "".join(f"<td><b>{c}</b></td>" if bold_head and r == 0 else f"<td>{c}</td>"
                                                for c in row) + "</tr>" for r, row in enumerate(rows)) + "</table>"


def _paras(lines: list[str]) -> str:
    return "".join(f"<p>{x}</p>" for x in lines)


def _page(tmp_path: Path, title_tag: str, body: str) -> Article:
    """A page of its own <title> (a site's section or logo may differ from the headline) and body."""
    page = tmp_path / "t.html"
    page.write_text(f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title_tag}</title></head>'
                    f"<body>{body}</body></html>", encoding="utf-8")
    a = api.read(page)
    assert isinstance(a, Article)
    return a


def _web(tmp_path: Path, lines: list[str], rows: list[tuple[str, str]], national: bool = False) -> Article:
    top = "".join(f"<p><b>{x}</b></p>" for x in NATIONAL) if national else ""
    a = read_web(tmp_path, lines[0], top + _paras(lines[1:]) + _table(rows, bold_head=True))
    assert isinstance(a, Article)
    return a


def _cells(a: Article) -> list[str]:
    """The words of the article's last table, or of its paragraphs' last lines."""
    last = a.blocks[-1]
    if isinstance(last, Table):
        return [text_of(c.blocks[0].text) for r in last.rows for c in r if c.blocks]  # type: ignore[union-attr]
    return [w for b in a.blocks[-2:] if isinstance(b, Paragraph) for w in text_of(b.text).split("\t")]


@pytest.mark.parametrize("reader", ["text", "word-table", "word-tabs", "web"])
def test_posts_over_names_closing_a_story_stay_the_story(tmp_path, reader):
    a = (_text(tmp_path, STORY, ROWS) if reader == "text" else _web(tmp_path, STORY, ROWS) if reader == "web"
         else _word(tmp_path, STORY, ROWS, reader == "word-table"))
    assert a.signature is None and a.byline is None
    shown = " ".join(" ".join(_cells(a)).split())
    assert shown == "HLV TRƯỞNG ĐỘI TRƯỞNG Mai Đức Chung Huỳnh Như"


@pytest.mark.parametrize("reader", ["text", "word-table", "word-tabs"])
def test_a_paper_titled_by_its_type_is_signed_side_by_side(tmp_path, reader):
    a = (_text(tmp_path, MINUTES, SIGNERS) if reader == "text"
         else _word(tmp_path, MINUTES, SIGNERS, reader == "word-table"))
    assert a.signature is not None and a.signature.name == "Trần Thị Bình"
    assert [s.name for s in a.signature.beside] == ["Nguyễn Văn An"]


def test_a_web_paper_under_the_national_lines_is_signed_side_by_side(tmp_path):
    a = _web(tmp_path, MINUTES, SIGNERS, national=True)
    assert a.signature is not None and a.signature.name == "Trần Thị Bình"


@pytest.mark.parametrize("reader", ["text", "word-table"])
def test_under_the_national_lines_a_story_like_title_is_still_a_paper(tmp_path, reader):
    """A contract or a đơn opens with the national title and motto: its signers count
    whatever its title says."""
    lines = [*NATIONAL, "Hợp đồng thuê nhà ở", "Hôm nay, ngày 5/8/2025, tại Hà Nội, chúng tôi gồm hai bên.",
             "Hai bên thống nhất ký hợp đồng với các điều khoản đã thỏa thuận."]
    parties = [("ĐẠI DIỆN BÊN A", "ĐẠI DIỆN BÊN B"), ("Trần Văn Minh", "Nguyễn Thị Hoa")]
    a = _text(tmp_path, lines, parties) if reader == "text" else _word(tmp_path, lines, parties, True)
    assert a.signature is not None and a.signature.name == "Nguyễn Thị Hoa"


@pytest.mark.parametrize("title", ["DỰ ÁN SÂN VẬN ĐỘNG MỚI KHỞI CÔNG", "LUẬT CHƠI MỚI CỦA BÓNG ĐÁ VIỆT",
                                   "ĐƠN VỊ NÀO VÔ ĐỊCH V-LEAGUE"])
def test_a_headline_in_capitals_that_opens_with_a_kinds_words_is_news(tmp_path, title):
    """Headlines set in capitals open with "DỰ ÁN", "LUẬT", "ĐƠN VỊ" as often as a
    paper's type does (helper-57: each made its story a paper and its closing rows a
    signature). A title names a paper for sure alone or with a word or two more."""
    a = _text(tmp_path, [title, *STORY[1:]], ROWS)
    assert a.signature is None and isinstance(a.blocks[-1], Table)


@pytest.mark.parametrize(("title", "paper", "opens", "kind"), [
    ("BIÊN BẢN", True, True, True), ("Tờ trình", True, True, True), ("THÔNG TƯ LIÊN TỊCH", True, True, True),
    ("BIÊN BẢN HỌP", False, True, True), ("HỢP ĐỒNG LAO ĐỘNG", False, True, True), ("ĐƠN ĐỀ NGHỊ", False, True, True),
    ("ĐƠN ĐỀ NGHỊ CẤP LẠI GIẤY CHỨNG NHẬN", False, True, True), ("Hợp đồng thuê nhà", False, True, False),
    ("DỰ ÁN SÂN VẬN ĐỘNG MỚI KHỞI CÔNG", False, True, True), ("ĐƠN VỊ NÀO VÔ ĐỊCH", False, False, False),
    ("ĐƠN GIÁ ĐIỆN TĂNG", False, False, False), ("Biên bản họp lộ ra", False, True, False),
])
def test_what_names_a_paper(title, paper, opens, kind):
    """``names_paper``: surely a paper; ``opens_with_kind``: maybe one; ``document_type``:
    a title nd30 sets as a document's type."""
    assert (names_paper(title), opens_with_kind(title), document_type(title)) == (paper, opens, kind)


@pytest.mark.parametrize("title", ["HỢP ĐỒNG MUA BÁN NHÀ Ở", "BIÊN BẢN BÀN GIAO TÀI SẢN"])
def test_a_longer_papers_title_with_parties_signing(tmp_path, title):
    """A title that opens with a kind's words but says more is a paper when its
    signers name parties (helper-57: the first fix left these a table)."""
    parties = [("ĐẠI DIỆN BÊN A", "ĐẠI DIỆN BÊN B"), ("Trần Văn Minh", "Nguyễn Thị Hoa")]
    lines = [title, "Hôm nay, tại trụ sở công ty, hai bên thống nhất các nội dung sau đây.",
             "Điều 1. Bên A giao cho bên B quản lý tài sản theo danh mục kèm theo."]
    assert _text(tmp_path, lines, parties).signature is not None
    assert _word(tmp_path, lines, parties, True).signature is not None


def test_signers_right_under_a_table_of_as_many_columns(tmp_path):
    """The signers are the closing rows that are all signers: the table of votes
    above them keeps its rows (helper-57: the table swallowed them)."""
    votes = [("Họ và tên", "Số phiếu"), ("Nguyễn Văn An", "120"), ("Trần Thị Bình", "98")]
    signers = [("THƯ KÝ", "TRƯỞNG BAN"), ("Lê Văn Cường", "Phạm Thị Dung")]
    a = _text(tmp_path, [*NATIONAL, "BIÊN BẢN KIỂM PHIẾU", "Ban kiểm phiếu công bố kết quả như sau:"],
              [*votes, *signers])
    assert a.signature is not None and a.signature.name == "Phạm Thị Dung"
    assert isinstance(a.blocks[-1], Table) and len(a.blocks[-1].rows) == 3


@pytest.mark.parametrize("where", ["title", "quoted"])
def test_a_web_news_page_is_no_paper_for_its_title_tag_or_a_quoted_motto(tmp_path, where):
    """The <title> may be the site's section ("THÔNG BÁO") over a news headline, and
    a story may quote the motto in a sentence: neither makes the page a paper
    (helper-57). Only the national lines standing alone, or the <h1>, do."""
    story = list(STORY)
    if where == "quoted":
        story.insert(1, "Trên khán đài, cổ động viên giăng khẩu hiệu Độc lập – Tự do – Hạnh phúc.")
    a = _page(tmp_path, "THÔNG BÁO" if where == "title" else story[0],
              f"<article><h1>{story[0]}</h1>{_paras(story[1:])}{_table(ROWS)}</article>")
    assert a.signature is None


def test_a_word_story_quoting_the_motto_is_no_paper(tmp_path):
    lines = [STORY[0], "Học sinh hô vang khẩu hiệu Độc lập – Tự do – Hạnh phúc trong lễ chào cờ.", *STORY[1:]]
    assert _word(tmp_path, lines, ROWS, True).signature is None


@pytest.mark.parametrize(("title", "rows"), [
    ("BIÊN BẢN HỌP HỘI ĐỒNG QUẢN TRỊ CÔNG TY CỔ PHẦN MAY", SIGNERS),  # longer than a type's name
    ("HỢP ĐỒNG LAO ĐỘNG", [("NGƯỜI LAO ĐỘNG", "NGƯỜI SỬ DỤNG LAO ĐỘNG"), ("Lê Văn Cường", "Trần Văn Minh")]),
    ("Hợp đồng thuê nhà", [("ĐẠI DIỆN BÊN A", "ĐẠI DIỆN BÊN B"), ("Trần Văn Minh", "Nguyễn Thị Hoa")]),
    ("Biên bản nghiệm thu công trình", [("CHỦ ĐẦU TƯ", "NHÀ THẦU"), ("Trần Văn Minh", "Nguyễn Thị Hoa")]),
    ("Quyết định liên tịch về giá vật liệu", [("GIÁM ĐỐC SỞ XÂY DỰNG", "GIÁM ĐỐC SỞ TÀI CHÍNH"),
                                             ("Trần Văn Minh", "Nguyễn Thị Hoa")]),
    ("Kết quả cuộc họp giao ban", [("KT. GIÁM ĐỐC", "TM. BAN GIÁM ĐỐC"), ("(Đã ký)", "(Đã ký)"),
                                    ("Trần Văn Minh", "Nguyễn Thị Hoa")]),  # a copy's marks sign anywhere
])
def test_papers_without_their_national_lines_are_signed(tmp_path, title, rows):
    """Papers copied without their header (helper-58: each became a table): a title
    that opens with a kind's words takes signers in a paper's posts, and roles only
    papers have ("NGƯỜI LAO ĐỘNG", "CHỦ ĐẦU TƯ", "KT.", "(Đã ký)") sign any text."""
    lines = [title, "Hôm nay, tại trụ sở, các bên thống nhất các nội dung sau đây.",
             "Các bên cam kết thực hiện đúng các nội dung đã thống nhất."]
    a = _text(tmp_path, lines, rows)
    assert a.signature is not None and a.signature.name == rows[-1][1], a.blocks[-1]


@pytest.mark.parametrize("title", ["DỰ ÁN TỶ ĐÔ", "LUẬT CHƠI MỚI", "KẾ HOẠCH B"])
def test_a_short_headline_in_capitals_that_opens_with_a_kind_is_news(tmp_path, title):
    """Only a kind's name alone ("BIÊN BẢN") surely names a paper (helper-58)."""
    a = _text(tmp_path, [title, *STORY[1:]], ROWS)
    assert a.signature is None and isinstance(a.blocks[-1], Table)


def test_web_a_logo_h1_and_a_footers_national_lines(tmp_path):
    """A site's logo in the first <h1> hides no paper's headline, and the national
    lines a site sets in every page's footer make no news page a paper (helper-58)."""
    a = _page(tmp_path, "Biên bản họp", "<header><h1>Cổng thông tin điện tử xã Tân Phú</h1></header><article>"
              f"<h2>Biên bản họp giao ban tháng 8</h2>{_paras(MINUTES[1:])}{_table(SIGNERS)}</article>")
    assert a.signature is not None
    footer = "".join(f"<div>{x}</div>" for x in NATIONAL)
    b = _page(tmp_path, STORY[0], f"<article><h1>{STORY[0]}</h1>{_paras(STORY[1:])}{_table(ROWS)}</article>"
              f'<div class="site-footer">{footer}</div>')
    assert b.signature is None
