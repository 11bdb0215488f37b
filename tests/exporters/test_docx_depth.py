"""The DOCX shows every construct of the deep model (#22) with Word's own constructs,
and prints for Vietnamese readers (#27): read back by pandoc and LibreOffice, and
checked in the package's XML. The documents are written here, for these tests."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from helpers import (
    EPOCH,
    assert_in_order,
    bantin,
    blocks_words,
    model_words,
    pandoc_plain,
    pdftotext,
    run,
    soffice,
    soffice_pdf,
    style_property,
    zip_text,
)

from bantin import api
from bantin.exporters import RenderContext, registry
from bantin.exporters.labels import QUOC_HIEU
from bantin.model import (
    Article,
    Briefing,
    Cell,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Note,
    Outlet,
    Paragraph,
    Quote,
    Span,
    Table,
    plain,
)
from bantin.model.images import load
from bantin.model.serialize import dumps
from bantin.style.stylesheet import load as load_style


def _p(*parts: str | Span) -> Paragraph:
    return Paragraph(tuple(Span(x) if isinstance(x, str) else x for x in parts))


def depth_article() -> Article:
    nested = ListBlock((ListItem((_p("Mục con thứ nhất"),)), ListItem((_p("Mục con thứ hai"),))),
                       ordered=True, numbering="lower-alpha", delimiter=")")
    after_paragraph = ListBlock((
        ListItem((_p("Khoản bốn về ngân sách"), _p("Đoạn tiếp theo của khoản bốn"), nested)),
        ListItem((_p("Khoản năm về nhân sự"),)),
    ), ordered=True, start=4)
    roman = ListBlock((ListItem((_p("Phần thứ nhất"),)), ListItem((_p("Phần thứ hai"),))), ordered=True,
                      numbering="upper-roman")
    bullets = ListBlock((
        ListItem((_p("Ý lớn đầu tiên"), ListBlock((ListItem((_p("Ý nhỏ lồng bên trong"),)),)))),
        ListItem((_p("Ý lớn thứ hai"),)),
    ))
    own = ListBlock((ListItem((_p("Thứ nhất, rà soát thủ tục."),)), ListItem((_p("Thứ hai, công khai kết quả."),))),
                    numbered_in_text=True)
    table = Table((
        (Cell((_p("Địa phương"),), rowspan=2), Cell((_p("Sản lượng theo vụ"),), colspan=2)),
        (Cell((_p("Vụ trước"),)), Cell((_p("Vụ này"),))),
        (Cell((_p("Cần Thơ"),)), Cell((_p("410"),)), Cell((_p("455"),))),
        (Cell((_p("Hậu Giang"),), rowspan=2), Cell((_p("Chưa có số liệu tổng hợp"),), colspan=2)),
        (Cell((_p("Đoạn đầu trong ô"), _p("Đoạn sau trong ô"))), Cell((ListBlock((ListItem((_p("Ghi chú ô"),)),)),))),
    ), header_rows=2, caption=(Span("Bảng sản lượng lúa"),))
    quote = Quote((_p("Câu nói thứ nhất của đại biểu."), _p("Câu nói thứ hai của đại biểu.")),
                  attribution="Đại biểu Trần Văn Bình")
    body = (
        _p("Mỗi hộ nhận 50 m", Span("2", sup=True), " đất, nước H", Span("2", sub=True), "O sạch,",
           Span("1", note="a"), " và giống mới."),
        _p("Các khoản tiếp theo như sau:"), after_paragraph, roman, bullets, own, quote, table,
        Figure(caption=(Span("Cánh đồng sau thu hoạch"),), credit="Hữu Nghĩa", alt="Ruộng lúa chín vàng"),
        _p("Từ ngày 2\u20112 đến nay, năng suất,", Span("2", note="b"), " tăng đều."),
    )
    notes = (Note("a", (_p("Theo quy chuẩn nước sinh hoạt hiện hành."),)),
             Note("b", (_p("Số liệu sơ bộ của ngành nông nghiệp."),), kind="endnote"))
    return Article("Thử cấu trúc nhiều tầng trong văn bản", lede="Chi tiết xem tại https://example.vn/tin-bai nhé.",
                   byline="Lan Anh", blocks=body, notes=notes, date="2025-08-05")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Article, Path]:
    """The article as JSON @3, exported by the command line."""
    out = tmp_path_factory.mktemp("depth")
    src = out / "sau.json"
    src.write_text(dumps(depth_article()), encoding="utf-8")
    assert '"schema": "bantin/article@3"' in src.read_text(encoding="utf-8")
    r = bantin("export", "-f", "docx", "-o", str(out), str(src), env={"SOURCE_DATE_EPOCH": EPOCH})
    assert r.returncode == 0, r.stderr
    return depth_article(), out / "sau.docx"


def test_pandoc_reads_every_word_each_note_and_merged_cell_once(made):
    doc, path = made
    text = pandoc_plain(path, "docx")
    # pandoc writes raised and lowered digits as Unicode has them (m², H₂O); the
    # model's words read "m2". Its grid tables interleave the lines of a row's
    # cells: the table's words are checked cell by cell.
    folded = unicodedata.normalize("NFKC", text)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    rest = Article(doc.title, lede=doc.lede, byline=doc.byline, notes=doc.notes,
                   blocks=tuple(b for b in doc.blocks if b is not table))
    assert_in_order(model_words(rest), folded, "depth.docx")
    for p in table.placed():
        assert_in_order(blocks_words(p.cell.blocks), folded, "a table cell")
    for once in ("Theo quy chuẩn nước sinh hoạt", "Số liệu sơ bộ của ngành", "Chưa có số liệu tổng hợp",
                 "Sản lượng theo vụ", "Hậu Giang", "Địa phương"):
        assert text.count(once) == 1, once
    assert re.search(r"50\s+m² đất", text) and "H₂O" in text  # raised and lowered, as w:vertAlign
    assert "[Ảnh: Ruộng lúa chín vàng]" in text  # the placeholder of a missing picture


def test_nested_items_under_their_parents_with_their_numbers(made):
    _doc, path = made
    text = pandoc_plain(path, "docx")
    # The list after a paragraph shows 4; the item's second paragraph and its nested
    # list stay inside it (indented under it), and the list goes on with 5.
    block = re.search(r"^4\.\s+Khoản bốn.*?^5\.\s+Khoản năm", text, re.S | re.M).group(0)
    assert re.search(r"^ +Đoạn tiếp theo của khoản bốn", block, re.M)
    assert re.search(r"^ +a[.)] +Mục con thứ nhất", block, re.M)
    assert re.search(r"^ +\S +Ý nhỏ lồng bên trong", text, re.M)
    assert re.search(r"^I\. +Phần thứ nhất", text, re.M) and re.search(r"^II\. +Phần thứ hai", text, re.M)
    numbering = zip_text(path, "word/numbering.xml")
    body = zip_text(path, "word/document.xml")

    def level_of(item: str) -> tuple[str, str]:
        p = re.search(rf"<w:p>(?:(?!<w:p>).)*?{item}", body, re.S).group(0)
        return re.search(r'<w:ilvl w:val="(\d)"/><w:numId w:val="(\d+)"/>', p).groups()

    def abstract(num_id: str) -> str:
        num = re.search(rf'<w:num w:numId="{num_id}">.*?</w:num>', numbering, re.S).group(0)
        aid = re.search(r'<w:abstractNumId w:val="(\d+)"/>', num).group(1)
        return num + re.search(rf'<w:abstractNum w:abstractNumId="{aid}">.*?</w:abstractNum>', numbering, re.S).group(0)

    lvl, num = level_of("Khoản bốn")
    a = abstract(num)
    assert lvl == "0" and '<w:startOverride w:val="4"/>' in a
    assert re.search(r'<w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>', a)
    lvl, num = level_of("Mục con thứ nhất")
    assert lvl == "1" and re.search(r'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
                                    r'<w:lvlText w:val="%2\)"/>', abstract(num))
    assert 'w:numFmt w:val="upperRoman"' in abstract(level_of("Phần thứ nhất")[1])
    lvl, num = level_of("Ý nhỏ lồng bên trong")
    assert lvl == "1" and 'w:numFmt w:val="bullet"' in abstract(num)
    # The second paragraph: no number at the item's level, set at its text.
    second = re.search(r"<w:p>(?:(?!<w:p>).)*?Đoạn tiếp theo", body, re.S).group(0)
    assert '<w:pStyle w:val="ListContinue"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/>' in second
    # Items that carry their own ordinals are never numbered.
    own = re.search(r"<w:p>(?:(?!<w:p>).)*?Thứ nhất, rà soát", body, re.S).group(0)
    assert "ListParagraph" in own and "numPr" not in own


def test_merged_cells_are_one_w_tc_each(made):
    _doc, path = made
    body = zip_text(path, "word/document.xml")
    tbl = re.search(r"<w:tbl>(?:(?!<w:tbl>).)*?Bảng sản lượng|<w:tbl>.*?</w:tbl>", body, re.S).group(0)
    rows = re.findall(r"<w:tr>.*?</w:tr>", tbl, re.S)
    assert len(rows) == 5
    # Every row fills the three grid columns: a span counts its columns.
    for row in rows:
        cells = re.findall(r"<w:tc>.*?</w:tc>", row, re.S)
        assert sum(int(m.group(1)) if (m := re.search(r'w:gridSpan w:val="(\d)"', c)) else 1 for c in cells) == 3
    assert '<w:gridSpan w:val="2"/>' in rows[0] and '<w:vMerge w:val="restart"/>' in rows[0]
    assert "<w:vMerge/>" in rows[1] and "Địa phương" not in rows[1]  # the continuation is empty
    assert "<w:vMerge/>" in rows[4] and rows[4].count("<w:p>") >= 3  # two paragraphs, and a list, in cells
    assert "Đoạn đầu trong ô" in rows[4] and "Đoạn sau trong ô" in rows[4]


def test_notes_live_in_their_parts(made):
    _doc, path = made
    body = zip_text(path, "word/document.xml")
    foot = zip_text(path, "word/footnotes.xml")
    end = zip_text(path, "word/endnotes.xml")
    rels = zip_text(path, "word/_rels/document.xml.rels")
    types = zip_text(path, "[Content_Types].xml")
    settings = zip_text(path, "word/settings.xml")
    assert 'w:type="separator" w:id="-1"' in foot and 'w:type="continuationSeparator" w:id="0"' in foot
    assert 'w:type="separator" w:id="-1"' in end
    assert "Theo quy chuẩn nước sinh hoạt" in foot and "Số liệu sơ bộ" in end
    assert "Theo quy chuẩn" not in body and "Số liệu sơ bộ" not in body
    assert '<w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/>' in body
    assert '<w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="1"/>' in body
    assert '<w:pStyle w:val="FootnoteText"/>' in foot and "<w:footnoteRef/>" in foot
    assert "relationships/footnotes" in rels and "relationships/endnotes" in rels
    assert 'PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.' \
           'wordprocessingml.footnotes+xml"' in types
    assert "<w:endnotePr><w:numFmt w:val=\"decimal\"/>" in settings
    styles = zip_text(path, "word/styles.xml")
    ref = re.search(r'<w:style [^>]*w:styleId="FootnoteReference".*?</w:style>', styles, re.S).group(0)
    assert '<w:vertAlign w:val="superscript"/>' in ref and 'w:val="footnote reference"' in ref


def test_spans_lede_link_placeholder_and_non_breaking_hyphen(made):
    _doc, path = made
    body = zip_text(path, "word/document.xml")
    assert re.search(r'<w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">2</w:t>', body)
    assert re.search(r'<w:vertAlign w:val="subscript"/></w:rPr><w:t xml:space="preserve">2</w:t>', body)
    lede = re.search(r'<w:pStyle w:val="Lede"/>.*?</w:p>', body, re.S).group(0)
    assert "<w:hyperlink r:id=" in lede and "https://example.vn/tin-bai" in lede
    assert "https://example.vn/tin-bai" in zip_text(path, "word/_rels/document.xml.rels")
    placeholder = re.search(r'<w:pStyle w:val="FigurePlaceholder"/>.*?</w:p>', body, re.S).group(0)
    assert "[Ảnh: Ruộng lúa chín vàng]" in placeholder
    assert re.search(r"Cánh đồng sau thu hoạch", body.split("FigurePlaceholder", 1)[1])  # the caption under it
    assert '2</w:t><w:noBreakHyphen/><w:t xml:space="preserve">2 đến' in body and "\u2011" not in body
    assert '<w:pStyle w:val="BodyText"/>' in body and '<w:pStyle w:val="Normal"/>' not in body


def test_libreoffice_renders_words_notes_and_hyphen(made, tmp_path):
    doc, path = made
    text = pdftotext(soffice_pdf(path, tmp_path))
    # Footnotes sit at the foot of their page and endnotes at the end, and
    # pdftotext reads a table column by column: the rest of the words in order,
    # each note's and the table's words in theirs.
    # Word numbers the notes itself (the endnote is endnote 1): the marks are left out.
    tables = tuple(b for b in doc.blocks if isinstance(b, Table))
    front = Article(doc.title, lede=doc.lede, byline=doc.byline, blocks=tuple(
        Paragraph(tuple(s for s in b.text if s.note is None)) if isinstance(b, Paragraph) else b
        for b in doc.blocks if not isinstance(b, Table)))
    assert_in_order(model_words(front), text, "LibreOffice PDF")
    for note in doc.notes:
        assert_in_order(blocks_words(note.blocks), text, f"note {note.id}")
    for p in tables[0].placed():
        assert_in_order(blocks_words(p.cell.blocks), text, "a table cell")
    assert "2-2 đến" in " ".join(text.split())  # U+2011 drawn with the font's own hyphen
    # Word numbers endnotes apart from footnotes: this one is endnote 1 (not "i").
    assert "suất,1 tăng" in " ".join(text.split())
    fonts = run(["pdffonts", str(tmp_path / (path.stem + ".pdf"))]).stdout
    assert "IBMPlexSerif" in fonts and "Hana" not in fonts and "Symbola" not in fonts


def test_linked_character_styles_match_their_paragraph_styles(made):
    _doc, path = made
    styles = zip_text(path, "word/styles.xml")
    pairs = 0
    for m in re.finditer(r'<w:style w:type="paragraph"[^>]*w:styleId="([^"]+)".*?</w:style>', styles, re.S):
        link = re.search(r'<w:link w:val="([^"]+)"/>', m.group(0))
        if not link:
            continue
        char = re.search(rf'<w:style w:type="character"[^>]*w:styleId="{link.group(1)}".*?</w:style>', styles, re.S)
        if char is None:
            continue
        pairs += 1
        for tag in ("w:sz", "w:color"):  # as Word resolves each: its own, or what it is based on
            assert style_property(styles, m.group(1), tag) == style_property(styles, link.group(1), tag), m.group(1)
    assert pairs >= 3
    title = re.search(r'w:styleId="TitleChar".*?</w:style>', styles, re.S).group(0)
    assert '<w:sz w:val="44"/>' in title  # 22 pt, as the Title


def test_a_single_administrative_document_gets_its_header_with_blanks(tmp_path):
    src = tmp_path / "cong-van.json"
    src.write_text(dumps(Article("Báo cáo kết quả tháng", blocks=(_p("Nội dung báo cáo."),))), encoding="utf-8")
    r = bantin("export", "-f", "docx", "-s", "nd30", "-M", "issuer=Ủy ban nhân dân xã An Phú", "-o",
               str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr
    body = zip_text(tmp_path / "cong-van.docx", "word/document.xml")
    assert QUOC_HIEU in body and "ỦY BAN NHÂN DÂN XÃ AN PHÚ" in body
    assert "Số:\u00a0" in body  # the number left blank, to be filled in
    assert re.search(r"…, ngày\u00a0{8,}tháng\u00a0{8,}năm\u00a0{8,}<", body)  # no place, no date: blanks
    assert body.index(QUOC_HIEU) < body.index("Báo\u00a0cáo kết\u00a0quả tháng")  # the title's words kept whole
    styles = zip_text(tmp_path / "cong-van.docx", "word/styles.xml")
    def size(style_id: str) -> str | None:
        return style_property(styles, style_id, "w:sz")

    # Nghị định 30's sizes, as in the PDF: issuer and Quốc hiệu 12 pt, motto, number and date 13 pt
    assert [size(s) for s in ("HeaderBlockIssuer", "HeaderBlockNation", "HeaderBlockMotto", "HeaderBlockNumber",
                              "HeaderBlockDate")] == ["24", "24", "26", "26", "26"]
    title = re.search(r'<w:style [^>]*w:styleId="Title".*?</w:style>', styles, re.S).group(0)
    assert '<w:sz w:val="28"/>' in title and "<w:b/>" in title  # 14 pt bold


def test_headings_keep_levels_four_to_six_and_digest_entries_skip_no_level(tmp_path):
    """helper-94: the DOCX stopped at Heading 3 (the PDF's outline and the EPUB
    nest to 6), and an ungrouped digest's entries were at outline level 2 under
    no level 1."""
    from bantin.digest.build import build

    a = Article("Sâu", blocks=tuple(b for n in range(1, 7) for b in (Heading(plain(f"Mục {n}"), n), _p(f"Đoạn {n}."))))
    d = docx.Document(io.BytesIO(api.export(a, "docx")))
    assert [p.style.name for p in d.paragraphs if p.text.startswith("Mục")] == [f"Heading {n}" for n in range(1, 7)]
    arts = tuple(Article(f"Tin {n} về giá lúa", outlet=Outlet(name=f"Báo {n}"),
                         blocks=(_p(f"Ở tỉnh thứ {n}, có {n * 37} hợp tác xã ký hợp đồng bao tiêu với doanh nghiệp."),))
                 for n in (1, 2))
    for group_by, level in ((None, "0"), ("outlet", "1")):
        src = tmp_path / "d.docx"
        src.write_bytes(api.export(build(arts, "Điểm báo", group_by=group_by), "docx"))
        entry = re.search(r'w:styleId="EntryTitle".*?</w:style>', zip_text(src, "word/styles.xml"), re.S).group(0)
        assert f'<w:outlineLvl w:val="{level}"/>' in entry, group_by


def test_digest_keeps_an_entry_title_with_its_first_point():
    arts = tuple(Article(f"Tin số {n}", lede=f"Tóm tắt tin số {n}.",
                         blocks=(ListBlock((ListItem((_p(f"Ý chính {n}"),)),)),), tags=("Kinh tế",))
                 for n in (1, 2))
    data = api.export(Briefing("Điểm báo", arts, kind="digest", group_by="tag"), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
    lede = re.search(r'<w:p><w:pPr><w:pStyle w:val="EntryLede"/>(.*?)</w:pPr>', body).group(1)
    assert "<w:keepNext/>" in lede and "<w:keepLines/>" in lede
    for sid in ("DigestGroup", "EntryTitle", "SourceLine"):  # the group heading and the entry's head
        assert "<w:keepNext/>" in re.search(rf'w:styleId="{sid}".*?</w:style>', styles, re.S).group(0), sid


def test_digest_keeps_the_lede_of_an_entry_without_points_whole():
    """An entry with no points ends with its lede: it is kept whole (its style keeps
    its lines), with the title and source line (each kept with the next) above it."""
    a = Article("Tin không có ý chính", lede="Một sapo dài. " * 30)
    data = api.export(Briefing("Điểm báo", (a,), kind="digest"), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
    lede = re.search(r'<w:p><w:pPr><w:pStyle w:val="EntryLede"/>(.*?)</w:pPr>', body).group(1)
    style = re.search(r'w:styleId="EntryLede".*?</w:style>', styles, re.S).group(0)
    assert "<w:keepLines/>" in style and "<w:keepNext/>" not in lede + style


def test_small_pictures_are_reported_and_set_at_their_size():
    from PIL import Image as PILImage

    buf = io.BytesIO()
    PILImage.new("RGB", (300, 200), "white").save(buf, "PNG")
    doc = Article("Ảnh nhỏ", blocks=(Figure(caption=plain("Chú thích"), image=load(buf.getvalue())),))
    said: list[str] = []
    data = registry()["docx"].render(doc, RenderContext(load_style("default"), said.append))
    assert len(said) == 1 and "300×200" in said[0]
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    cx = int(re.search(r'<wp:extent cx="(\d+)"', body).group(1))
    assert abs(cx - 300 / 150 * 914400) < 2000  # 2 inches: 300 pixels at 150 ppi


def test_same_epoch_same_bytes_with_notes():
    doc = depth_article()
    assert api.export(doc, "docx", epoch=1754380800) == api.export(doc, "docx", epoch=1754380800)


@pytest.mark.slow
def test_libreoffice_contents_show_the_page_each_title_lands_on(tmp_path):
    long = tuple(_p(f"Đoạn {k} của bài dài, " + "nội dung được viết để kéo dài bài qua nhiều trang. " * 12)
                 for k in range(14))
    arts = (Article("Bài ngắn mở đầu", blocks=(_p("Một đoạn."),)),
            Article("Bài dài nhiều trang", blocks=long),
            Article("Bài có ghi chú", blocks=(_p("Câu có chú thích", Span("1", note="x"), "."),),
                    notes=(Note("x", (_p("Lời chú thích."),)),)),
            Article("Bài cuối cùng", blocks=long[:5]))
    src = tmp_path / "b.docx"
    src.write_bytes(api.export(Briefing("Bản tin kiểm tra", arts), "docx"))
    body = zip_text(src, "word/document.xml")
    cached = re.findall(r'PAGEREF _Toc_bantin_\d+ \\h .*?<w:t xml:space="preserve">(\d*)</w:t>', body)
    assert len(cached) == 4
    pdf = soffice_pdf(src, tmp_path)
    n = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", str(pdf)]).stdout).group(1))
    pages = [" ".join(run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"]).stdout.split())
             for i in range(1, n + 1)]
    shown = {a.title: int(m.group(1)) for a in arts
             if (m := re.search(rf"{re.escape(a.title)} ?\.{{4,}} ?(\d+)", pages[1]))}
    assert len(shown) == 4, pages[1]
    for a in arts:
        land = next(i + 1 for i in range(2, n) if pages[i].startswith(a.title) or f" {a.title} " in pages[i])
        assert shown[a.title] == land, (a.title, shown, land)
    assert shown["Bài cuối cùng"] > shown["Bài có ghi chú"] > shown["Bài dài nhiều trang"] + 1
    assert "Lời chú thích." in " ".join(pages)  # the footnote, at the foot of its page


def test_spaces_a_face_lacks_get_a_stand_in():
    # IBM Plex Serif has no narrow no-break space (U+202F) nor word joiner (U+2060).
    doc = Article("Khoảng trắng", blocks=(_p("Tăng 12\u202f% so với\u2060 cùng kỳ."),))
    body = zipfile.ZipFile(io.BytesIO(api.export(doc, "docx"))).read("word/document.xml").decode()
    assert "Tăng 12\u00a0% so với cùng kỳ." in body and "\u202f" not in body and "\u2060" not in body


def test_a_tables_grid_is_worked_out_once_per_table(monkeypatch):
    """Writers ask for a table's grid cell by cell; worked out afresh each time, a
    table of 2,000 columns took minutes in the DOCX (a cell placed 8 million times).
    Counted, not timed: each cell is placed once per table, whatever the writer."""
    from bantin.model import Article, Cell, Table, blocks

    made = []

    class Counted(blocks.Placed):
        def __init__(self, *args: object) -> None:
            made.append(1)
            super().__init__(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(blocks, "Placed", Counted)
    columns = 2000
    table = Table(((tuple(Cell(plain(f"c{i}")) for i in range(columns))),
                   (tuple(Cell(plain("x")) for _ in range(columns)))), header_rows=1)
    for fmt in ("docx", "pdf", "epub", "txt"):
        made.clear()
        api.export(Article("Bảng rộng", blocks=(table,)), fmt)
        assert len(made) <= 2 * columns, (fmt, len(made))


@pytest.mark.slow
def test_digest_entries_and_points_are_numbered_by_their_styles(tmp_path):
    """An editor who deletes, moves or adds an entry sees the numbers follow: the
    numbers and the points' dashes come from the Entry Title and Point styles'
    numbering, not typed text; the entries are in the navigation pane (an outline
    level). LibreOffice shows "1." to "11." (the column widened for two digits)."""
    from bantin.digest.build import build

    places = ("An Giang", "Bạc Liêu", "Cà Mau", "Đồng Tháp", "Hậu Giang", "Kiên Giang", "Long An", "Sóc Trăng",
              "Tiền Giang", "Trà Vinh", "Vĩnh Long")
    arts = tuple(Article(f"Tin số {n} về giá lúa", lede=f"Nông dân {place} thu hoạch vụ mới sớm hơn mọi năm.",
                         blocks=(_p(f"Ở tỉnh thứ {n}, {place}, có {n * 37} hợp tác xã ký hợp đồng bao tiêu với "
                                    f"{n + 2} doanh nghiệp trong tháng {n}."),))
                 for n, place in enumerate(places, 1))
    src = tmp_path / "d.docx"
    src.write_bytes(api.export(build(arts, "Điểm báo"), "docx"))
    body = zip_text(src, "word/document.xml")
    styles = zip_text(src, "word/styles.xml")
    numbering = zip_text(src, "word/numbering.xml")
    assert not re.search(r"<w:t[^>]*>(?:\d+\.|–)</w:t>", body)  # nothing typed
    entry = re.search(r'w:styleId="EntryTitle".*?</w:style>', styles, re.S).group(0)
    point = re.search(r'w:styleId="Point".*?</w:style>', styles, re.S).group(0)
    assert '<w:numId w:val="800"/>' in entry and '<w:outlineLvl w:val="0"/>' in entry  # no groups: level 1
    assert '<w:numId w:val="801"/>' in point
    assert re.search(r'w:abstractNumId="800".*?<w:lvlText w:val="%1\."/>', numbering, re.S)
    assert re.search(r'w:abstractNumId="801".*?<w:lvlText w:val="–"/>', numbering, re.S)
    shown = " ".join(pdftotext(soffice_pdf(src, tmp_path)).split())
    for n in range(1, 12):
        assert f"{n}. Tin số {n} về giá lúa" in shown, n
    assert shown.count("– Ở tỉnh thứ") == body.count('<w:pStyle w:val="Point"/>') >= 1  # each point its dash


def test_a_review_on_the_nd30_sheet_keeps_its_13_pt_text():
    """Nghị định 30 sets a document's text at 13–14 pt: a review's lede and points on
    its sheet were 12 pt in the DOCX and 12.35 in the PDF (helper-138)."""
    a = Article("Tin một", lede="Tóm tắt tin một.", blocks=(ListBlock((ListItem((_p("Ý chính một."),)),)),))
    sizes = {}
    for sheet in ("nd30", "default"):
        with zipfile.ZipFile(io.BytesIO(api.export(Briefing("Điểm báo", (a,), kind="digest"), "docx",
                                                   style=sheet))) as z:
            styles = z.read("word/styles.xml").decode()
        sizes[sheet] = [_style_size(styles, "EntryLede"), _style_size(styles, "Point")]
    assert sizes["nd30"] == [26, 26] and all(s < 22 for s in sizes["default"]), sizes


def _style_size(styles: str, sid: str) -> int:
    """A style's own size in half-points, else Normal's, which it is based on."""
    own = re.search(r'<w:sz w:val="(\d+)"/>', re.search(rf'w:styleId="{sid}".*?</w:style>', styles, re.S)[0])
    return int(own[1]) if own else _style_size(styles, "Normal")


def test_a_picture_as_wide_as_the_text_stays_inside_the_margins_in_libreoffice(tmp_path):
    """A picture has no wrap distance: LibreOffice gave it Word's default 0.32 cm on
    the left, and a picture as wide as the text crossed the right margin, 12 mm
    from the edge of an nd30 page that wants 15 (helper-149)."""
    from PIL import Image as Pil

    from bantin.model.images import load
    from bantin.style.stylesheet import load as load_style

    out = io.BytesIO()
    Pil.new("RGB", (1600, 400), (255, 0, 0)).save(out, "PNG")
    a = Article("Ảnh rộng", lede="Một bức ảnh rộng bằng khổ chữ.",
                blocks=(Figure(plain("Ảnh đỏ"), image=load(out.getvalue())), Paragraph(plain("Hết."))))
    path = tmp_path / "rong.docx"
    path.write_bytes(api.export(a, "docx", style="nd30", warn=lambda _m: None))
    pdf = soffice_pdf(path, tmp_path)
    run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")])
    page = Pil.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    red = [x for x in range(page.width) for y in range(0, page.height, 8)
           if (px := page.getpixel((x, y)))[0] > 200 and px[1] < 80 and px[2] < 80]
    sheet = load_style("nd30")
    mm = 72 / 25.4  # pixels of a millimetre at 72 dpi
    assert red, "no picture on the page"
    assert min(red) >= sheet.page.margin_left * mm - 2 and max(red) <= page.width - sheet.page.margin_right * mm + 2


def test_a_table_with_merged_cells_is_ruled_as_a_grid_in_libreoffice(tmp_path):
    """Merged cells are read by their borders, and the PDF draws a grid for them;
    the Word file had rules between rows only, and LibreOffice showed a cell two
    rows tall as two (helper-149). A table without merged cells keeps its rows'
    rules alone."""
    def cell(text: str, **span: int) -> Cell:
        return Cell((_p(text),), **span)

    merged = Table(rows=((cell("Địa phương", rowspan=2), cell("Sản lượng", colspan=2)),
                         (cell("Vụ một"), cell("Vụ hai")), (cell("An Giang"), cell("12"), cell("14"))), header_rows=2)
    plain_table = Table(rows=((cell("Địa phương"), cell("Sản lượng")), (cell("An Giang"), cell("12"))), header_rows=1)
    for name, table, sides in (("gop", merged, True), ("thuong", plain_table, False)):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(api.export(Article("Bảng", blocks=(table,)), "docx", warn=lambda _m: None))
        html = soffice(path, tmp_path, "html").read_text(encoding="utf-8", errors="replace")
        cells = re.findall(r"<td[^>]*>", html)
        assert cells and all(("border-left: none" not in c) is sides for c in cells), (name, cells)
