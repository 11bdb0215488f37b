"""A line break inside a paragraph (a poem's verses, an address's lines): read from
Word's Shift+Enter, HTML's <br> and Markdown's hard break, kept by typography, and
shown as a line break by every format, read back by real clients."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

import bantin
from bantin.digest.points import units
from bantin.model import LINE_BREAK, Article, Paragraph, Quote, Span, plain, text_of
from bantin.model.sanitize import sanitize
from tests.helpers import epubcheck, pandoc_plain, pdftotext
from tests.word_docs import docx, p, r

VERSES = ["Em ơi Hà Nội phố", "Ta còn em mùi hoàng lan", "Ta còn em mùi hoa sữa"]
BEFORE = "Bài thơ được tác giả đọc tại buổi lễ tối qua, trước đông đảo khán giả thủ đô."
AFTER = "Buổi lễ kết thúc lúc 22 giờ cùng ngày, ban tổ chức cho biết."
BR = '<w:r><w:br/></w:r>'


def _poem(doc: object) -> str:
    """The text of the paragraph that holds the first verse."""
    assert isinstance(doc, Article)
    found = [text_of(b.text) for b in doc.blocks if isinstance(b, Paragraph) and VERSES[0] in text_of(b.text)]
    assert found, doc.blocks
    return found[0]


def _page(tmp_path: Path, body: str) -> Path:
    page = tmp_path / "tho.html"
    page.write_text('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thơ về Hà Nội</title></head>'
                    f"<body><article><h1>Thơ về Hà Nội</h1><p>{BEFORE}</p>{body}<p>{AFTER}</p></article></body></html>",
                    encoding="utf-8")
    return page


def test_word_shift_enter_is_a_line_break_and_a_page_break_a_space(tmp_path: Path) -> None:
    src = tmp_path / "tho.docx"
    page_break = '<w:r><w:br w:type="page"/></w:r>'
    src.write_bytes(docx(p("Thơ về Hà Nội", style="Title") + p(BEFORE)
                         + p(r(VERSES[0]), BR, r(VERSES[1]), '<w:r><w:cr/></w:r>', r(VERSES[2]))
                         + p(r("Trang một"), page_break, r("trang hai.")) + p(AFTER)))
    doc = bantin.read(src)
    assert _poem(doc) == LINE_BREAK.join(VERSES)
    assert isinstance(doc, Article)
    assert any(text_of(b.text) == "Trang một trang hai." for b in doc.blocks if isinstance(b, Paragraph))


def test_html_br_is_a_line_break_and_hr_is_not(tmp_path: Path) -> None:
    doc = bantin.read(_page(tmp_path, f"<p>{VERSES[0]}<br>{VERSES[1]} <br/> {VERSES[2]}</p>"))
    assert _poem(doc) == LINE_BREAK.join(VERSES)
    doc = bantin.read(_page(tmp_path, f"<p>{VERSES[0]}\n{VERSES[1]}<hr>{VERSES[2]}</p>"))
    assert LINE_BREAK not in json.dumps(bantin.export(doc, "json").decode(), ensure_ascii=False)


def test_html_br_inside_bold_or_italics_is_a_line_break_too(tmp_path: Path) -> None:
    """trafilatura reads a <br> inside <strong> or <em> as a space: the page is
    given it outside them, and the bold and italic stay on their lines."""
    doc = bantin.read(_page(tmp_path, f"<p><strong>{VERSES[0]}<br>{VERSES[1]}</strong><br>"
                                      f"<em><span>{VERSES[2]}</span></em></p>"))
    assert _poem(doc) == LINE_BREAK.join(VERSES)
    assert isinstance(doc, Article)
    [para] = [b for b in doc.blocks if isinstance(b, Paragraph) and VERSES[0] in text_of(b.text)]
    assert [s.text for s in para.text if s.strong] == VERSES[:2] and [s.text for s in para.text if s.em] == VERSES[2:]


def test_markdown_hard_break_is_a_line_break_and_a_soft_one_a_space(tmp_path: Path) -> None:
    src = tmp_path / "tho.md"
    src.write_text(f"# Thơ về Hà Nội\n\n{BEFORE}\n\n{VERSES[0]}  \n{VERSES[1]}\\\n{VERSES[2]}<br>\n\n"
                   f"Một câu viết\ntrên hai dòng.\n\n{AFTER}\n", encoding="utf-8")
    doc = bantin.read(src)
    assert _poem(doc) == LINE_BREAK.join(VERSES)
    assert isinstance(doc, Article)
    assert any(text_of(b.text) == "Một câu viết trên hai dòng." for b in doc.blocks if isinstance(b, Paragraph))


def test_typography_sets_each_line_alone_and_fields_stay_one_line() -> None:
    a = Article(title=f"Thơ{LINE_BREAK}về Hà Nội", lede=f"Một{LINE_BREAK}dòng", blocks=(
        Paragraph((Span(f' "Em ơi \n Hà Nội phố {LINE_BREAK}  Ta còn em"...{LINE_BREAK}{LINE_BREAK}{LINE_BREAK}Hết'),)),
        Quote((Paragraph((Span(f"Câu một{LINE_BREAK}câu hai"),)),), attribution=f"Ông{LINE_BREAK}A"),
    ))
    clean = sanitize(a)
    assert isinstance(clean, Article)
    assert (clean.title, clean.lede, clean.blocks[1].attribution) == ("Thơ về Hà Nội", "Một dòng", "Ông A")
    done = bantin.read(bantin.export(clean, "json"), source_format="json")
    assert isinstance(done, Article)
    # No space is left at a line's edge, a newline is a space as ever, the quotes
    # open and close across the verses, and one empty line parts two stanzas at most.
    assert text_of(done.blocks[0].text) == f"“Em ơi Hà Nội phố{LINE_BREAK}Ta còn em”…{LINE_BREAK}{LINE_BREAK}Hết"
    assert text_of(done.blocks[1].blocks[0].text) == f"Câu một{LINE_BREAK}câu hai"


@pytest.fixture(scope="module")
def poem_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("poem")
    doc = bantin.read(_page(tmp, f"<p>{VERSES[0]}<br>{VERSES[1]}<br>{VERSES[2]}</p>"
                               f"<table><tr><th>Địa chỉ</th></tr><tr><td>Số 1 Tràng Tiền<br>Hà Nội</td></tr></table>"))
    out = {}
    for fmt in ("pdf", "docx", "epub", "txt"):
        out[fmt] = tmp / f"tho.{fmt}"
        out[fmt].write_bytes(bantin.export(doc, fmt))
    return out


def _lines_in_order(text: str) -> None:
    lines = [" ".join(x.replace("\u00a0", " ").split()) for x in text.splitlines()]
    at = [lines.index(v) for v in VERSES]
    assert at == sorted(at) and at[2] - at[0] <= 4, lines
    assert BEFORE.split()[0] in " ".join(lines[: at[0]]) and "Buổi" in " ".join(lines[at[2]:])


def test_pdf_sets_each_verse_on_its_own_line(poem_outputs: dict[str, Path]) -> None:
    _lines_in_order(pdftotext(poem_outputs["pdf"]))


def test_docx_has_word_line_breaks_that_are_not_stretched(poem_outputs: dict[str, Path]) -> None:
    xml = zipfile.ZipFile(poem_outputs["docx"]).read("word/document.xml").decode()
    assert re.search(rf"{VERSES[0]}</w:t>\s*</w:r>\s*<w:r>\s*<w:br/>", xml) or f"{VERSES[0]}</w:t><w:br/>" in xml, xml
    assert "\u2028" not in xml
    settings = zipfile.ZipFile(poem_outputs["docx"]).read("word/settings.xml").decode()
    assert "<w:compat><w:doNotExpandShiftReturn/>" in settings
    _lines_in_order(pandoc_plain(poem_outputs["docx"], "docx"))


def test_epub_has_br_and_passes_epubcheck(poem_outputs: dict[str, Path]) -> None:
    with zipfile.ZipFile(poem_outputs["epub"]) as z:
        pages = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    assert f"{VERSES[0]}<br/>{VERSES[1]}<br/>{VERSES[2]}" in pages
    assert "Số 1 Tràng Tiền<br/>Hà Nội" in pages
    assert "\u2028" not in pages
    _lines_in_order(pandoc_plain(poem_outputs["epub"], "epub"))
    assert "ERROR" not in epubcheck(poem_outputs["epub"])


def test_txt_puts_each_verse_on_a_line_and_a_cell_on_one(poem_outputs: dict[str, Path]) -> None:
    text = poem_outputs["txt"].read_text(encoding="utf-8")
    assert "\u2028" not in text
    _lines_in_order(text)
    assert "Số 1 Tràng Tiền Hà Nội" in " ".join(text.split())


def test_a_digest_point_is_one_line() -> None:
    a = Article(title="Thơ", blocks=(Paragraph((Span(f"Ông A đọc bài thơ mới.{LINE_BREAK}Em ơi Hà Nội phố "
                                                      f"ta còn em mùi hoàng lan."),)),))
    assert all(LINE_BREAK not in u.text for u in units(a))


def test_json_holding_a_raw_line_separator_is_read() -> None:
    """JSON written by json.dumps(ensure_ascii=False) or JavaScript holds U+2028 raw,
    which is valid JSON: it was made a newline before parsing, and refused as an
    invalid control character (helper-124)."""
    doc = Article(title="Thơ", blocks=(Paragraph((Span(LINE_BREAK.join(VERSES)),)),))
    raw = json.dumps(json.loads(bantin.export(doc, "json")), ensure_ascii=False).encode()
    assert LINE_BREAK.encode() in raw
    read = bantin.read(raw, source_format="json")
    assert isinstance(read, Article) and _poem(read) == LINE_BREAK.join(VERSES)


def test_a_line_that_starts_anew_after_a_break_is_its_own_sentence() -> None:
    """A subheading typed over its paragraph with Shift+Enter was glued to the
    sentence under it in a digest point (helper-124); a line in lower case after
    the break goes on with its sentence."""
    a = Article(title="Xe buýt điện", blocks=(Paragraph((Span(
        f"Mục tiêu năng lượng sạch{LINE_BREAK}Năm ngoái, xe buýt chở 420 triệu lượt khách. Sáng 5/8, UBND thành "
        f"phố{LINE_BREAK}tổ chức hội nghị về xe buýt điện."),)),))
    assert [u.text for u in units(a)] == ["Mục tiêu năng lượng sạch", "Năm ngoái, xe buýt chở 420 triệu lượt khách.",
                                         "Sáng 5/8, UBND thành phố tổ chức hội nghị về xe buýt điện."]


def test_the_markdown_plugin_writes_breaks_outside_emphasis_and_headings_on_one_line() -> None:
    """helper-124: "**Dòng đậm\\" then "dòng**" never closed, and a heading with a
    break lost its second half."""
    if "md" not in bantin.formats():
        pytest.skip("the Markdown example plug-in is not installed")
    from bantin.model import Heading

    a = Article(title="Thơ", blocks=(Heading((Span(f"Phần hai:{LINE_BREAK}Những vần thơ"),)),
                                     Paragraph((Span(f"Dòng đậm cuối{LINE_BREAK}", strong=True), Span("dòng thường"))),
                                     Paragraph((Span(f"một{LINE_BREAK}hai", em=True),))))
    md = bantin.export(a, "md").decode()
    assert "## Phần hai: Những vần thơ\n" in md and "**Dòng đậm cuối**\\\ndòng thường" in md and "*một*\\\n*hai*" in md
    back = bantin.read(md.encode(), source_format="md")
    assert isinstance(back, Article)
    assert [text_of(b.text) for b in back.blocks] == [
        "Phần hai: Những vần thơ", f"Dòng đậm cuối{LINE_BREAK}dòng thường", f"một{LINE_BREAK}hai"]


def test_the_markdown_plugin_escapes_what_would_open_a_list() -> None:
    """helper-137: a key point "1. Đối với trường …" was written "   - 1. Đối với …",
    which Markdown reads as a list in a list."""
    if "md" not in bantin.formats():
        pytest.skip("the Markdown example plug-in is not installed")
    texts = ["1. Đối với trường tuyển sinh riêng.", "2) Thời hạn nộp hồ sơ.", "- 5 độ C vào sáng sớm.",
             "10.000 người dự lễ hội."]
    a = Article(title="Tin", blocks=tuple(Paragraph(plain(t)) for t in texts))
    back = bantin.read(bantin.export(a, "md"), source_format="md", typography=False)
    assert isinstance(back, Article)
    assert [type(b).__name__ for b in back.blocks] == ["Paragraph"] * 4
    assert [text_of(b.text) for b in back.blocks] == texts


def test_a_br_in_a_pages_headline_sapo_and_byline_parts_words(tmp_path: Path) -> None:
    """helper-124: fields read with text_content() ran the words on either side of a
    <br> together ("điệntừ tháng 7", "1/7,thành phố", "Lê Minh ChâuBáo Thủ Đô"); the
    byline's lines are a name and the paper's."""
    page = tmp_path / "tin.html"
    page.write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin giao thông</title></head><body>'
        '<article><h1 class="title">Hà Nội mở thêm 5 tuyến buýt điện<br>từ tháng 7</h1>'
        '<h2 class="sapo">Sở Xây dựng cho biết từ ngày 1/7,<br>thành phố đưa vào khai thác thêm 5 tuyến buýt điện.</h2>'
        "<p>Theo kế hoạch, các tuyến mới nối nội đô với các huyện Gia Lâm, Đông Anh và Hoài Đức, mỗi tuyến "
        "có tần suất 10 đến 15 phút một chuyến vào giờ cao điểm buổi sáng và buổi chiều các ngày trong tuần.</p>"
        "<p>Giá vé vẫn giữ ở mức 7.000 đồng một lượt, người cao tuổi và học sinh được giảm giá theo quy định "
        "hiện hành của thành phố về trợ giá dịch vụ vận tải hành khách công cộng bằng xe buýt.</p>"
        '<p class="author"><strong>Lê Minh Châu</strong><br>Báo Thủ Đô</p></article></body></html>',
        encoding="utf-8")
    a = bantin.read(page)
    assert isinstance(a, Article)
    assert a.title == "Hà Nội mở thêm 5 tuyến buýt điện từ tháng\u00a07"
    assert a.lede is not None and "1/7, thành phố" in a.lede
    assert a.byline == "Lê Minh Châu" and a.outlet is not None and a.outlet.display == "Báo Thủ Đô"


def test_blank_lines_inside_one_paragraph_part_paragraphs(tmp_path: Path) -> None:
    """Many CMS write a whole article in one <p>, its paragraphs parted by
    "<br><br>": trafilatura keeps one break of two, and the article was one
    paragraph of lines (helper-124). A single <br> stays a line break."""
    one = "Đoạn một của bài báo được tòa soạn viết liền trong một thẻ, như nhiều trang tin của địa phương vẫn làm."
    three = "Đoạn ba kết thúc bài, sau khi ban tổ chức công bố kết quả và trao giải cho các đội thi xuất sắc nhất."
    page = _page(tmp_path, f"<p>{one}<br><br>Đoạn hai có hai dòng:<br>dòng sau.<br> <br>\n<br>{three}</p>"
                           f"<p>{VERSES[0]}<br>{VERSES[1]}<br>{VERSES[2]}</p>"
                           '<p align="right"><b>HIỆU TRƯỞNG</b><br><br>(Đã ký)<br><br><b>Nguyễn Thị Thu Hà</b></p>')
    doc = bantin.read(page)
    assert isinstance(doc, Article)
    texts = [text_of(b.text) for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts[1:4] == [one, f"Đoạn hai có hai dòng:{LINE_BREAK}dòng sau.", three], texts
    assert LINE_BREAK.join(VERSES) in texts
    # A signer's short block is no article in one <p>: it stays whole, and no byline (helper-126).
    assert doc.byline is None and f"HIỆU TRƯỞNG{LINE_BREAK}(Đã ký){LINE_BREAK}Nguyễn Thị Thu Hà" in texts


def test_nd30_text_centres_each_line_of_a_broken_decree_line() -> None:
    """helper-126: the authority line typed with Shift+Enter was centred as one line
    holding a raw U+2028 in the Nghị định 30 text."""
    a = Article(title="QUYẾT ĐỊNH", issuer="ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH", number="12/QĐ-UBND",
                blocks=(Paragraph((Span(f"CHỦ TỊCH ỦY BAN NHÂN DÂN{LINE_BREAK}TỈNH NAM ĐỊNH", strong=True),)),
                        Paragraph((Span("Căn cứ Luật Tổ chức chính quyền địa phương;"),))))
    text = bantin.export(a, "txt", style="nd30").decode()
    assert LINE_BREAK not in text
    lines = [x.strip() for x in text.splitlines()]
    assert lines.index("TỈNH NAM ĐỊNH") == lines.index("CHỦ TỊCH ỦY BAN NHÂN DÂN") + 1, text


@pytest.mark.parametrize(("byline", "name", "paper"), [
    ("Lê Hà<br>Minh Tuấn", "Lê Hà, Minh Tuấn", None),
    ("Theo<br>Báo Nhân Dân", None, "Báo Nhân Dân"),
    ("<strong>Lê Minh Châu</strong><br>Báo Thủ Đô", "Lê Minh Châu", "Báo Thủ Đô"),
])
def test_a_bylines_lines_are_names_and_papers(tmp_path: Path, byline: str, name: str | None,
                                              paper: str | None) -> None:
    """helper-125: split at its <br>s, a byline kept its first line only: a second
    author went, and "Theo<br>Báo Nhân Dân" named "Theo" as the journalist."""
    page = _page(tmp_path, f'<p class="author">{byline}</p>')
    a = bantin.read(page)
    assert isinstance(a, Article)
    assert a.byline == name and (a.outlet.display if a.outlet else None) == paper
