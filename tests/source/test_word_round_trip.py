"""bantin's Word files revised in Word and read back (helper-74): a bundle is the
briefing it was (the cover's title is the briefing's, the contents page goes, each
article keeps its title, lede, masthead fields, byline and sections); a style's
look is no emphasis; a caption under a missing picture keeps its credit."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLES, blocks_words, soffice
from word_docs import docx, p, style, styles_xml

import bantin as api
from bantin.model import Article, Briefing, Heading, ListBlock, ListItem, Paragraph, plain, text_of


def _articles() -> list[Article]:
    out = []
    for name in ("san-luong-lua.json", "hoi-nghi-chuyen-doi-so.txt"):
        a = api.read(EXAMPLES / name)
        assert isinstance(a, Article)
        out.append(a)
    return out


ISSUER = "Ủy ban nhân dân tỉnh Bắc Ninh; Văn phòng"


def _bundle(articles: list[Article]) -> Briefing:
    return Briefing("Bản tin tuần", tuple(articles), issuer=ISSUER, date="2026-01-05")


def _same(back: object, articles: list[Article]) -> None:
    assert isinstance(back, Briefing), type(back)
    # helper-75: the cover's issuer and date were dropped with its count line.
    assert (back.title, back.issuer, back.date) == ("Bản tin tuần", ISSUER, "2026-01-05")
    assert len(back.articles) == len(articles)
    for got, want in zip(back.articles, articles, strict=True):
        assert (got.title, got.lede, got.outlet, got.byline, got.url, got.tags, got.date) == (
            want.title, want.lede, want.outlet, want.byline, want.url, want.tags, want.date)
        assert [(type(b).__name__, b.level if isinstance(b, Heading) else 0) for b in got.blocks] == \
            [(type(b).__name__, b.level if isinstance(b, Heading) else 0) for b in want.blocks]
        assert blocks_words(got.blocks) == blocks_words(want.blocks)


def test_a_bundle_read_back_is_the_briefing_it_was() -> None:
    articles = _articles()
    data = api.export(_bundle(articles), "docx")
    _same(api.read(data, source_format="docx", warn=lambda _m: None), articles)


def test_words_typed_on_a_bundles_cover_go_with_its_first_article() -> None:
    """helper-75: a foreword typed under the cover's title became an article of its own."""
    import io

    from docx import Document as Word

    articles = _articles()
    word = Word(io.BytesIO(api.export(_bundle(articles), "docx")))
    title = next(p for p in word.paragraphs if p.style.name == "Cover Title")
    title.insert_paragraph_before("Lời ngỏ: bản tin tuần này dành cho nông nghiệp.")
    # helper-77: a line added in the cover's meta style took the issuer's place.
    title.insert_paragraph_before("Lưu hành nội bộ", style="Cover Meta")
    buf = io.BytesIO()
    word.save(buf)
    back = api.read(buf.getvalue(), source_format="docx", warn=lambda _m: None)
    assert isinstance(back, Briefing) and len(back.articles) == len(articles)
    assert (back.issuer, back.date) == (ISSUER, "2026-01-05")
    first = back.articles[0]
    assert (first.title, first.lede) == (articles[0].title, articles[0].lede)  # the lede stays the lede
    assert {"lời", "ngỏ", "lưu", "hành"} <= set(blocks_words(first.blocks))


@pytest.mark.slow
def test_a_bundle_saved_by_libreoffice_reads_back_the_same(tmp_path: Path) -> None:
    articles = _articles()
    src = tmp_path / "ban-tin.docx"
    src.write_bytes(api.export(_bundle(articles), "docx"))
    saved = soffice(src, tmp_path / "lo", "docx:MS Word 2007 XML")
    _same(api.read(saved, warn=lambda _m: None), articles)


def test_a_word_files_own_contents_lines_stay_its_text() -> None:
    """Another Word file's contents page ("TOC 1" lines) is still read as text."""
    data = docx(p("Báo cáo năm", style="Title") + p("Mở đầu 1", style="TOC1") + p("Kết quả 2", style="TOC1")
                + p("Năm qua, đơn vị hoàn thành mọi chỉ tiêu được giao."),
                styles=styles_xml(style("Title", "Title"), style("TOC1", "toc 1")))
    a = api.read(data, source_format="docx", warn=lambda _m: None)
    assert isinstance(a, Article) and a.title == "Báo cáo năm"
    assert "Mở đầu" in " ".join(text_of(b.text) for b in a.blocks)


def test_a_styles_look_is_no_emphasis_read_back() -> None:
    """helper-74: read back, a quotation's italic (the Quote style's) and a header
    cell's bold (Table Heading's) became emphasis of the text, and each revision
    in Word would have kept more of it. A run's own italic is still emphasis."""
    from bantin.model import Cell, ListBlock, ListItem, Paragraph, Quote, Span, Table
    from bantin.model.maps import spans_of

    quote = Quote((Paragraph((Span("Chuyển đổi số "), Span("không", em=True), Span(" phải là phong trào."))),),
                  "Ông Nguyễn Văn A")
    table = Table(((Cell((Paragraph((Span("Địa phương"),)),)),),
                   (Cell((Paragraph((Span("Cần Thơ"),)),)),)), header_rows=1)
    a = Article("Hội nghị chuyển đổi số", lede="Hội nghị tổng kết năm.",
                blocks=(Paragraph((Span("Sáng nay, hội nghị khai mạc."),)), quote, table,
                        ListBlock((ListItem((Paragraph((Span("Một"),)),)),))))
    back = api.read(api.export(a, "docx"), source_format="docx", warn=lambda _m: None)
    assert isinstance(back, Article)
    assert [(s.text, s.em, s.strong) for s in spans_of(back) if s.text.strip()] == \
        [(s.text, s.em, s.strong) for s in spans_of(a) if s.text.strip()]


def test_a_caption_without_its_picture_keeps_its_credit() -> None:
    """helper-74: under bantin's "[Ảnh]" placeholder, "… (Ảnh: Trọng Đạt)" came
    back as one caption, and the text output said "Ảnh:" twice."""
    from bantin.model import Figure, Paragraph, plain

    a = Article("Mặn xâm nhập sâu", lede="Nước mặn đã vào sâu hơn 50 km.",
                blocks=(Figure(plain("Nông dân kiểm tra độ mặn trên kênh Xà No."), "Trọng Đạt"),
                        Paragraph(plain("Chính quyền khuyến cáo người dân trữ nước ngọt."))))
    back = api.read(api.export(a, "docx"), source_format="docx", warn=lambda _m: None)
    assert isinstance(back, Article)
    assert back.blocks == a.blocks


@pytest.mark.parametrize("table_first", [True, False])
def test_a_caption_without_its_picture_beside_a_table_is_the_pictures(table_first: bool) -> None:
    """helper-142: a caption under bantin's "[Ảnh]" right after a table (or right
    before one) became the table's caption, and the figure was gone."""
    from bantin.model import Cell, Figure, Paragraph, Table, plain

    table = Table(((Cell((Paragraph(plain("Đơn vị")),)), Cell((Paragraph(plain("Kinh phí")),))),
                   (Cell((Paragraph(plain("Báo Nhân Dân")),)), Cell((Paragraph(plain("2.900")),)))), header_rows=1)
    figure = Figure(plain("Toàn cảnh hội nghị chuyển đổi số."), "Minh Đức")
    middle = (table, figure) if table_first else (figure, table)
    a = Article("Kinh phí chuyển đổi số", lede="Bộ công bố kinh phí năm 2025.",
                blocks=(Paragraph(plain("Bảng dưới đây tổng hợp số liệu.")), *middle,
                        Paragraph(plain("Đoạn kết của bài viết."))))
    back = api.read(api.export(a, "docx"), source_format="docx", warn=lambda _m: None)
    assert isinstance(back, Article)
    assert [type(b).__name__ for b in back.blocks] == [type(b).__name__ for b in a.blocks]
    assert [b for b in back.blocks if isinstance(b, Figure)] == [figure]
    assert all(not b.caption for b in back.blocks if isinstance(b, Table))


def test_items_numbered_in_their_words_after_words_bullets_are_a_list_of_their_own() -> None:
    """helper-142: "1. …" items (bantin's "List Paragraph", which Word does not
    number) right after a bulleted list were read as further paragraphs of its last
    item, and the numbered list was gone."""
    from bantin.model import ListBlock, ListItem, Paragraph, plain

    def items(*texts: str) -> tuple[ListItem, ...]:
        return tuple(ListItem((Paragraph(plain(t)),)) for t in texts)

    bullets = ListBlock(items("Đẩy mạnh hạ tầng số", "Phát triển nguồn nhân lực"))
    steps = ListBlock(items("1. Bước một: khảo sát", "2. Bước hai: triển khai", "Thứ ba, đánh giá kết quả"),
                      ordered=True, numbered_in_text=True)
    a = Article("Các nhiệm vụ trọng tâm", lede="Đảng ủy phường họp bàn nhiệm vụ năm tới.",
                blocks=(Paragraph(plain("Hội nghị thống nhất các nhóm việc sau.")), bullets, steps,
                        Paragraph(plain("Đoạn kết của bài viết."))))
    back = api.read(api.export(a, "docx"), source_format="docx", warn=lambda _m: None)
    assert isinstance(back, Article)
    assert back.blocks == a.blocks


def _shape(block: object) -> object:
    """A list as nested tuples of its items' words (the no-break space typography
    puts in "2.000 đồng" read as a space)."""
    if isinstance(block, ListBlock):
        return ("list", block.numbered_in_text, tuple(tuple(_shape(b) for b in i.blocks) for i in block.items))
    assert isinstance(block, Paragraph), block
    return text_of(block.text).replace("\u00a0", " ")


def _own(*texts: str) -> ListBlock:
    return ListBlock(tuple(ListItem((Paragraph(plain(t)),)) for t in texts), ordered=True, numbered_in_text=True)


def test_items_numbered_in_their_words_keep_their_nesting_read_back() -> None:
    """helper-142: "a)" under "1." (bantin writes such an item indented, with no
    Word numbering) came back at the top level."""
    fees = ListItem((Paragraph(plain("1. Phí trông giữ xe:")),
                     _own("a) Xe đạp: 2.000 đồng;", "b) Xe máy: 5.000 đồng.")))
    deep = ListItem((Paragraph(plain("a) Hộ gia đình:")),
                     _own("– Nội thành: 30.000 đồng;", "– Ngoại thành: 20.000 đồng.")))
    clean = ListItem((Paragraph(plain("2. Phí vệ sinh:")), ListBlock((deep, ListItem((Paragraph(plain(
        "b) Cửa hàng: 100.000 đồng.")),))), ordered=True, numbered_in_text=True)))
    a = Article("Quy định mới về thu phí", lede="Sở Tài chính thông báo các điểm mới của quy định thu phí.",
                blocks=(ListBlock((fees, clean, ListItem((Paragraph(plain("3. Hiệu lực từ ngày 1/9.")),))),
                                  ordered=True, numbered_in_text=True),
                        Paragraph(plain("Đoạn kết của bài viết."))))
    back = api.read(api.export(a, "docx"), source_format="docx", warn=lambda _m: None)
    assert isinstance(back, Article)
    assert [_shape(b) for b in back.blocks] == [_shape(b) for b in a.blocks]


@pytest.mark.parametrize("indents, nested", [
    ((360, 720, 720, 360, 720), True),  # "a)" items indented under "1." and "2."
    ((720, 720, 720, 720, 720), False),  # one indent: one level
    ((0, 0, 0, 0, 0), False),  # none set
    ((360, 400, 380, 360, 420), False),  # within a tenth of an inch: the same level, a hand's wobble
])
def test_an_office_files_items_typed_with_their_ordinals_nest_by_indent(indents, nested) -> None:
    texts = ("1. Phí trông giữ xe:", "a) Xe đạp: 2.000 đồng;", "b) Xe máy: 5.000 đồng.", "2. Phí vệ sinh:",
             "a) Hộ gia đình: 30.000 đồng.")
    body = p("Sở Tài chính thông báo các điểm mới của quy định thu phí như sau.") + "".join(
        p(t, style="ListParagraph", ind=i) for t, i in zip(texts, indents, strict=True)) + p("Đoạn kết của bài viết.")
    doc = api.read(docx(body, styles=styles_xml(style("ListParagraph", "List Paragraph"))), source_format="docx",
                   warn=lambda _m: None)
    assert isinstance(doc, Article)
    [lst] = [b for b in doc.blocks if isinstance(b, ListBlock)]
    if nested:
        assert _shape(lst) == _shape(ListBlock((ListItem((Paragraph(plain(texts[0])), _own(*texts[1:3]))),
                                                ListItem((Paragraph(plain(texts[3])), _own(texts[4])))),
                                               ordered=True, numbered_in_text=True))
    else:
        assert _shape(lst) == _shape(_own(*texts))
