"""DOCX checked in its XML, and read back by pandoc and LibreOffice."""

from __future__ import annotations

import re
import zipfile

import pytest
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from helpers import (
    EXAMPLES,
    assert_in_order,
    bantin,
    digest_articles,
    example_stems,
    load_json,
    model_words,
    pandoc_plain,
    pdffonts,
    pdftotext,
    soffice_pdf,
    style_property,
    word_lines,
    zip_text,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def used_styles(path):
    import docx

    d = docx.Document(str(path))
    return [p.style.name for p in d.paragraphs], d


def test_named_styles_for_every_block(exported):
    names, d = used_styles(exported / "ban-tin-tong-hop.docx")
    for style in ("Title", "Lede", "Heading 1", "Heading 2", "Body Text", "Quote", "List Number", "List Bullet",
                  "Caption", "Byline", "Masthead"):
        assert style in names, style
    # No direct paragraph formatting in the body: the styles carry it.
    body = zip_text(exported / "ban-tin-tong-hop.docx", "word/document.xml")
    for direct in ("<w:jc ", "<w:spacing ", "<w:ind ", "<w:rFonts ", "<w:sz "):
        assert direct not in body.split("<w:sectPr")[0], direct


def test_fonts_lang_and_no_theme(exported):
    styles = zip_text(exported / "hoi-nghi-chuyen-doi-so.docx", "word/styles.xml")
    assert "Theme" not in re.sub(r"<w:latentStyles.*?</w:latentStyles>", "", styles, flags=re.S).replace(
        "themeFontLang", "")
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)
    assert 'w:ascii="IBM Plex Serif"' in defaults and 'w:cs="IBM Plex Serif"' in defaults
    assert 'w:eastAsia="IBM Plex Serif"' in defaults and 'w:hAnsi="IBM Plex Serif"' in defaults
    assert 'w:val="vi-VN"' in defaults
    for sid in ("Title", "Heading1"):
        block = re.search(rf'<w:style [^>]*w:styleId="{sid}".*?</w:style>', styles, re.S).group(0)
        assert 'w:ascii="Be Vietnam Pro"' in block and 'w:eastAsia="Be Vietnam Pro"' in block
        assert 'w:cs="Be Vietnam Pro"' in block
    settings = zip_text(exported / "hoi-nghi-chuyen-doi-so.docx", "word/settings.xml")
    assert 'w:autoHyphenation w:val="false"' in settings and "embedTrueTypeFonts" in settings


def test_embedded_fonts_deobfuscate_to_the_style_fonts(exported):
    path = exported / "hoi-nghi-chuyen-doi-so.docx"
    table = zip_text(path, "word/fontTable.xml")
    rels = zip_text(path, "word/_rels/fontTable.xml.rels")
    found = re.findall(r'<w:embedRegular r:id="([^"]+)" w:fontKey="(\{[^}]+\})"', table)
    assert len(found) == 2
    with zipfile.ZipFile(path) as z:
        for rid, key in found:
            target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', rels).group(1)
            data = bytearray(z.read("word/" + target))
            guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
            for i in range(32):
                data[i] ^= guid[i % 16]
            import io

            font = TTFont(io.BytesIO(bytes(data)))
            assert font["name"].getDebugName(1) in ("IBM Plex Serif", "Be Vietnam Pro")
    ct = zip_text(path, "[Content_Types].xml")
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in ct


def test_core_properties_and_no_leftovers(exported):
    path = exported / "hoi-nghi-chuyen-doi-so.docx"
    core = zip_text(path, "docProps/core.xml")
    assert "<dc:title>Hà Nội đẩy mạnh chuyển đổi số trong cải cách hành chính</dc:title>" in core
    assert "<dc:creator>Thu Hà</dc:creator>" in core
    assert "<dc:subject>Sáng 12/3" in core and "<dc:language>vi-VN</dc:language>" in core
    assert "2025-08-05T08:00:00Z" in core
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            text = z.read(name)
            assert b"python-docx" not in text, name
            assert b"2013-12-23" not in text, name
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())


@pytest.mark.parametrize("stem", example_stems())
def test_pandoc_reads_every_word(exported, stem):
    doc = load_json(exported / f"{stem}.json")
    assert_in_order(model_words(doc), pandoc_plain(exported / f"{stem}.docx", "docx"), f"{stem}.docx")


def test_lists_restart_and_own_numbers_not_doubled(exported):
    numbering = zip_text(exported / "ban-tin-tong-hop.docx", "word/numbering.xml")
    assert "w:startOverride" in numbering
    names, d = used_styles(exported / "hoi-nghi-chuyen-doi-so.docx")
    own = [p for p in d.paragraphs if p.text.startswith("Thứ ")]
    assert own and all(p.style.name == "List Paragraph" for p in own)
    assert all(p._p.pPr is None or p._p.pPr.numPr is None for p in own)


def test_libreoffice_renders_the_embedded_fonts(exported, tmp_path):
    pdf = soffice_pdf(exported / "hoi-nghi-chuyen-doi-so.docx", tmp_path)
    names = [r["name"].split("+")[-1] for r in pdffonts(pdf)]
    assert any(n.startswith("IBMPlexSerif") for n in names), names
    assert any(n.startswith("BeVietnamPro") for n in names), names
    assert not any(n.startswith(("DejaVu", "Liberation")) for n in names), names


def test_header_title_from_page_two_and_page_fields(exported):
    path = exported / "hoi-nghi-chuyen-doi-so.docx"
    with zipfile.ZipFile(path) as z:
        headers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    doc = zip_text(path, "word/document.xml")
    assert "<w:titlePg/>" in doc  # page 1 has its own, empty header
    assert sum("Hà Nội đẩy mạnh chuyển đổi số" in h for h in headers) == 1
    assert all("PAGE" in f and "NUMPAGES" in f and "Trang" in f for f in footers)
    # As the PDF draws them: the running title at the left over a thin rule, in
    # the heading face; "Trang 2/4" centred in the body face.
    running = next(h for h in headers if "Hà Nội đẩy mạnh chuyển đổi số" in h)
    assert '<w:bottom w:val="single"' in running
    _, d = used_styles(path)
    header, footer = d.styles["Header"], d.styles["Footer"]
    assert str(header.paragraph_format.alignment) == "LEFT (0)" and header.font.name == "Be Vietnam Pro"
    face = footer.font.name or footer.base_style.font.name  # the body face is Normal's, which it inherits
    assert str(footer.paragraph_format.alignment) == "CENTER (1)" and face == "IBM Plex Serif"


def test_a_list_is_set_off_from_the_block_after_it(exported):
    """Its items as close as the PDF's; the next block half a paragraph further:
    the item styles' larger space after, dropped between items of one style."""
    _, d = used_styles(exported / "hoi-nghi-chuyen-doi-so.docx")
    body_after = d.styles["Body Text"].paragraph_format.space_after.pt
    for name in ("List Number", "List Bullet"):
        style = d.styles[name]
        assert style.element.pPr.find(qn("w:contextualSpacing")) is not None, name
        assert style.paragraph_format.space_after.pt == body_after, name


def test_forbidden_xml_characters_dropped_with_warning(tmp_path):
    style = tmp_path / "raw.toml"
    style.write_text('extends = "default"\n[typography]\ncleanup = false\n')
    f = tmp_path / "ctl.json"
    f.write_text('{"schema": "bantin/article@1", "title": "Tiêu\\u0001 đề", "blocks": ['
                 '{"type": "paragraph", "text": "chữ\\u0002 lạ\\u000bthường"}]}', encoding="utf-8")
    r = bantin("export", "-f", "docx", "--style", str(style), "-o", str(tmp_path), str(f))
    assert r.returncode == 0, r.stderr
    assert b"U+0001" in r.stderr and b"U+0002" in r.stderr
    plain = pandoc_plain(tmp_path / "ctl.docx", "docx")
    assert "Tiêu\u00a0đề" in plain  # one word: its syllables joined
    assert "lạ thường" in plain  # a vertical tab ends a line: a space, not a control dropped
    assert b"U+000B" not in r.stderr


def test_nd30_docx(tmp_path):
    r = bantin("export", "-f", "docx", "--style", "nd30", "-o", str(tmp_path), str(EXAMPLES / "mua-lua-dong-thap.txt"))
    assert r.returncode == 0
    path = tmp_path / "mua-lua-dong-thap.docx"
    styles = zip_text(path, "word/styles.xml")
    assert 'w:ascii="Times New Roman"' in styles and "embedRegular" not in zip_text(path, "word/fontTable.xml")
    body_text = re.search(r'<w:style [^>]*w:styleId="BodyText".*?</w:style>', styles, re.S).group(0)
    assert style_property(styles, "BodyText", "w:sz") == "26"  # 13 pt
    assert 'w:firstLine="567"' in body_text  # 1 cm
    assert 'w:after="120"' in body_text  # 6 pt
    doc = zip_text(path, "word/document.xml")
    assert 'w:left="1701"' in doc and 'w:right="850"' in doc  # 30 and 15 mm
    assert "<w:titlePg/>" in doc
    with zipfile.ZipFile(path) as z:
        headers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
        assert not [n for n in z.namelist() if n.startswith("word/footer") and "PAGE" in z.read(n).decode()]
    assert sum(" PAGE " in h for h in headers) == 1  # the number top centre, not on page 1


def test_bundle_docx(tmp_path):
    r = bantin("export", "-f", "docx", "--bundle", "Bản tin tuần", "-o", str(tmp_path), str(EXAMPLES))
    assert r.returncode == 0, r.stderr
    body = zip_text(tmp_path / "ban-tin-tuan.docx", "word/document.xml")
    # PAGEREF fields, not a TOC field (LibreOffice would keep a TOC's cached text
    # as a finished index), each with its page number already filled in.
    assert "TOC \\o" not in body and body.count('w:type="page"') >= 4
    cached = re.findall(r'PAGEREF _Toc_bantin_\d+ \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
                        r'</w:r><w:r><w:t xml:space="preserve">(\d+)</w:t>', body)
    assert len(cached) >= 4 and [int(n) for n in cached] == sorted(int(n) for n in cached)
    # The contents list the articles (as links); their titles keep words whole with
    # no-break spaces (labels.display), which a reader sees as spaces.
    toc = " ".join(re.findall(r'<w:hyperlink w:anchor="_Toc[^"]*"[^>]*>(.*?)</w:hyperlink>', body))
    toc = toc.replace("\u00a0", " ")
    assert "Hà Nội đẩy mạnh chuyển đổi số" in toc and "Thư viện số mở cửa" in toc
    text = pandoc_plain(tmp_path / "ban-tin-tuan.docx", "docx").replace("\u00a0", " ")
    assert "Bản tin tuần" in text and "Nông dân Đồng Tháp trúng mùa lúa Đông Xuân" in text


def test_each_list_restarts_at_one(tmp_path):
    f = tmp_path / "lists.json"
    f.write_text('{"schema": "bantin/article@1", "title": "Hai danh sách", "blocks": ['
                 '{"type": "list", "ordered": true, "items": ["một", "hai"]},'
                 '{"type": "paragraph", "text": "Giữa hai danh sách."},'
                 '{"type": "list", "ordered": true, "items": ["ba", "bốn"]}]}', encoding="utf-8")
    assert bantin("export", "-f", "docx", "-o", str(tmp_path), str(f)).returncode == 0
    body = zip_text(tmp_path / "lists.docx", "word/document.xml")
    numbering = zip_text(tmp_path / "lists.docx", "word/numbering.xml")
    used = re.findall(r'<w:numId w:val="(\d+)"/>', body)
    assert len(used) == 4 and used[0] == used[1] != used[2] == used[3]
    for num_id in set(used):
        num = re.search(rf'<w:num w:numId="{num_id}">.*?</w:num>', numbering, re.S).group(0)
        assert '<w:startOverride w:val="1"/>' in num
    assert "một" in pandoc_plain(tmp_path / "lists.docx", "docx")


def test_a_digest_title_starts_where_its_source_line_does(tmp_path):
    """The entry number is followed by a tab to the title's hanging indent, and the
    number column is widened for "10." (a tab past its stop would jump to the next
    default stop): in LibreOffice every title's first line, its second line and
    the source line under it start at one place, for entries 1 to 12 alike."""
    from bantin import api
    from bantin.digest.build import build

    path = tmp_path / "digest.docx"
    path.write_bytes(api.export(build(digest_articles(12), "Điểm báo"), "docx"))
    lines = [ln for ln in word_lines(soffice_pdf(path, tmp_path)) if len(ln) > 1 or not ln[0][2].isdigit()]
    starts = []
    for i, line in enumerate(lines[:-2]):
        if re.fullmatch(r"\d+\.", line[0][2]) and line[1][2] == "Tin":
            starts.append((line[0][2], line[1][0], lines[i + 1][0][0], lines[i + 2][0][0]))
    assert [s[0] for s in starts] == [f"{n}." for n in range(1, 13)], starts
    assert all(abs(t - s) < 0.5 and abs(second - s) < 0.5 for _, t, second, s in starts), starts


def test_an_editor_restyles_the_whole_document_from_normal(exported):
    """Styles based on Normal keep only what they change: an editor who sets
    Normal's font or colour sees Body Text, the lede, lists and captions follow. A
    paragraph typed after a heading is body text. Word is not told the text was
    already proofread, and keeps the whole embedded faces when an editor saves."""
    path = exported / "ban-tin-tong-hop.docx"
    styles = zip_text(path, "word/styles.xml")
    for sid in ("BodyText", "Lede", "ListBullet", "Caption", "Byline"):
        block = re.search(rf'<w:style [^>]*w:styleId="{sid}".*?</w:style>', styles, re.S).group(0)
        assert "<w:rFonts" not in block and "<w:lang" not in block, sid
        assert style_property(styles, sid, "w:rFonts", "w:ascii") == "IBM Plex Serif", sid
        assert style_property(styles, sid, "w:lang") == "vi-VN", sid
    for sid in ("Title", "Heading1", "Heading2", "Lede", "Quote"):
        block = re.search(rf'<w:style [^>]*w:styleId="{sid}".*?</w:style>', styles, re.S).group(0)
        assert '<w:next w:val="BodyText"/>' in block, sid
    settings = zip_text(path, "word/settings.xml")
    assert "proofState" not in settings and "saveSubsetFonts" not in settings
    # A linked character style looks like its paragraph style (it is not based on Normal).
    char = re.search(r'<w:style [^>]*w:styleId="BodyTextChar".*?</w:style>', styles, re.S).group(0)
    assert 'w:ascii="IBM Plex Serif"' in char and "<w:sz " in char


def test_a_narrow_column_keeps_its_longest_word_whole(tmp_path):
    """A six-column table wider than the page: its room is shrunk, never a column's
    longest word. "STT" had 0.53 cm and LibreOffice set it a letter a line (helper-59)."""
    long = "Giảm nhẹ so với quý II do nhu cầu tiêu dùng toàn cầu yếu, đơn hàng mới chưa phục hồi"
    rows = "".join(f"{i}\tĐiện thoại và linh kiện\t35.960\t+10,1\tTrung Quốc, Hoa Kỳ, Hàn Quốc, EU\t{long}\n"
                   for i in range(1, 5))
    src = tmp_path / "xuat-khau.txt"
    src.write_text("Xuất khẩu 8 tháng\n\nKim ngạch xuất khẩu 8 tháng tăng 15,8% so với cùng kỳ năm trước.\n\n"
                   "STT\tMặt hàng\tKim ngạch (triệu USD)\tSo với cùng kỳ (%)\tThị trường tiêu thụ chính\t"
                   f"Ghi chú của cơ quan thống kê\n{rows}\nSố liệu do Tổng cục Thống kê công bố.\n", encoding="utf-8")
    r = bantin("export", "--format", "docx", "--output", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    got = [w for line in word_lines(soffice_pdf(tmp_path / "xuat-khau.docx", tmp_path)) for _, _, w in line]
    assert "STT" in got and "Ghi" in got, got[:40]


def test_a_long_address_in_a_cell_leaves_the_other_columns_their_words(tmp_path):
    """One long address claimed the table's width and the other columns were set
    three letters a line ("hàn/h", "quyế/t") (helper-61): a word past twelve
    characters claims no more than twelve."""
    url = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234"
    src = tmp_path / "dich-vu.md"
    src.write_text("# Dịch vụ công trực tuyến\n\nSở Tư pháp công bố danh mục thủ tục hành chính.\n\n"
                   "| STT | Thủ tục hành chính | Cơ quan giải quyết | Địa chỉ nộp hồ sơ |\n|---|---|---|---|\n"
                   f"| 1 | Cấp phiếu lý lịch tư pháp cho công dân | Sở Tư pháp | <{url}> |\n"
                   "| 2 | Chứng thực bản sao từ bản chính | Phòng Tư pháp | nghiepvu.sotuphap@hanoi.gov.vn |\n",
                   encoding="utf-8")
    r = bantin("export", "--format", "docx", "--output", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    got = [w for line in word_lines(soffice_pdf(tmp_path / "out" / "dich-vu.docx", tmp_path)) for _, _, w in line]
    for word in ("STT", "Thủ", "tục", "hành", "chính", "quyết", "phiếu", "chứng", "Phòng"):
        assert word in got or word.capitalize() in got, (word, got)


def test_a_bundles_article_titles_are_set_as_an_articles_title(tmp_path):
    """helper-90: in a bundle the titles are Heading 1 (the navigation pane lists
    them), which was the size of a section's heading, where the PDF sets a title."""
    import re

    from helpers import EXAMPLES, bantin, zip_text

    from bantin.style.stylesheet import load

    r = bantin("export", "-f", "docx", "--bundle", "Bản tin", "-o", str(tmp_path),
               str(EXAMPLES / "thu-vien-so.txt"), str(EXAMPLES / "mua-lua-dong-thap.txt"))
    assert r.returncode == 0, r.stderr
    xml = zip_text(tmp_path / "ban-tin.docx", "word/styles.xml")
    heading1 = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', xml, re.S).group(0)
    assert f'<w:sz w:val="{round(load("default").text.title_size * 2)}"/>' in heading1
    body = zip_text(tmp_path / "ban-tin.docx", "word/document.xml")
    assert body.count('<w:pStyle w:val="Heading1"/>') == 2  # the two titles, still in the navigation



def _varied_entries(seed: int) -> tuple[object, ...]:
    """Sixteen articles of different shapes, as a day's review has: titles of one
    or two lines, ledes of one to three, two to six sentences each."""
    import random

    from bantin.model import Article, Outlet, Paragraph, plain

    pool = ("tỉnh huyện xã thôn nông dân doanh nghiệp hợp tác sản lượng giá bán thị trường xuất khẩu mùa vụ "
            "thời tiết hạn hán lũ lụt giống mới phân bón thủy lợi kênh mương cán bộ kỹ thuật hội thảo chính "
            "sách vốn vay ngân hàng lãi suất chế biến kho lạnh cảng biển chợ đầu mối siêu thị").split()
    r = random.Random(seed)

    def words(n: int) -> str:
        return " ".join(r.choices(pool, k=n)).capitalize()

    return tuple(Article(f"Tin số {n}: {words(r.randint(6, 22)).lower()}", lede=f"{words(r.randint(12, 45))}.",
                         outlet=Outlet(None, f"Báo số {n}"),
                         blocks=tuple(Paragraph(plain(f"{words(r.randint(12, 40))}."))
                                      for _ in range(r.randint(2, 6))))
                 for n in range(1, 17))


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "margin"), [(1, 22), (1, 24), (1, 28), (2, 24), (2, 30)])
def test_libreoffice_keeps_a_digest_entrys_points_on_one_page(tmp_path, seed, margin):
    """An entry's points read as one list: each point but the last is kept with the
    next (LibreOffice breaks wherever the XML allows). Bottom margins a few
    millimetres apart move the page breaks about. (LibreOffice may still leave a
    title or lede alone at a page's foot although it is kept with the next.)"""
    from bantin import api
    from bantin.digest.build import build
    from bantin.model import text_of

    sheet = tmp_path / "margin.toml"
    sheet.write_text(f'extends = "default"\nname = "margin"\n[page]\nmargin_bottom = {margin}\n', encoding="utf-8")
    digest = build(_varied_entries(seed), "Điểm báo")
    path = tmp_path / "digest.docx"
    path.write_bytes(api.export(digest, "docx", style=sheet))
    pages = [" ".join(p.split()) for p in pdftotext(soffice_pdf(path, tmp_path)).split("\f")]
    assert len(pages) >= 3
    for entry in digest.articles:
        points = [" ".join(text_of(item.blocks[0].text).split()) for block in entry.blocks for item in block.items]
        assert points, entry.title
        where = [[i for i, p in enumerate(pages) if point in p] for point in points]
        assert all(len(w) == 1 for w in where), (entry.title, where)  # every point found, once
        assert len({w[0] for w in where}) == 1, (entry.title, where)
