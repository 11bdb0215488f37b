"""A Word file's title, sapo, byline, date and administrative header are found,
never required: every shape of document with text is read, each inferred field is
named in a warning, -M wins, and no template value reaches an output."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from helpers import EXAMPLES, bantin
from word_docs import PYTHON_DOCX_CORE, docx, level, numbering_xml, p, r, tbl, tc

import bantin as api
from bantin.model import Article, Briefing, Heading, ListBlock, Paragraph, Table, text_of
from bantin.source import read

BODY = "Sáng 5/8, thành phố khai trương thư viện số đầu tiên dành cho học sinh vùng cao."


def word(data: bytes, name: str | None = "bai-viet.docx") -> tuple[Article, list[str]]:
    warnings: list[str] = []
    doc = read(data, source_format="docx", warn=warnings.append, name=name)
    assert isinstance(doc, Article)
    return doc, warnings


def body_text(a: Article) -> str:
    out = []
    for b in a.blocks:
        if isinstance(b, (Paragraph, Heading)):
            out.append(text_of(b.text))
        elif isinstance(b, Table):
            out += [text_of(c.text) for row in b.rows for c in row]
        elif isinstance(b, ListBlock):
            out += [text_of(i.text) for i in b.items]
    return "\n".join(out)


@pytest.mark.parametrize("opening, title, source", [
    (p("Thư viện số vùng cao", style="Heading1"), "Thư viện số vùng cao", "first heading"),
    (tbl(["Tỉnh", "Số trường"], ["Hà Giang", "12"]), "bai-viet", "file name"),
    (p("Mở cửa miễn phí", num=(1, 0)), "bai-viet", "file name"),
    (p("Thư viện số mở cửa cho học sinh"), "Thư viện số mở cửa cho học sinh", "first line"),
])
def test_no_shape_of_document_is_refused_for_want_of_a_title(opening, title, source):
    numbering = numbering_xml({0: [level(0, "bullet", "•")]}, {1: (0, {})})
    a, warnings = word(docx(opening + p(BODY), numbering=numbering))
    assert a.title == title
    assert [w for w in warnings if w.startswith("title taken from")] == [f"title taken from the {source}"
                                                                        + (" (the document has no Title paragraph)"
                                                                           if source == "first heading" else "")]
    assert BODY in body_text(a) and title not in body_text(a)  # the title is not repeated in the body


def test_the_title_paragraph_needs_no_warning_and_a_bold_paragraph_under_it_is_the_sapo():
    lede = "Vụ lúa năm nay đạt năng suất cao nhất mười năm qua."
    a, warnings = word(docx(p("Nông dân trúng mùa", style="Title") + p(r(lede, b=True)) + p(BODY),
                            styles=None))
    # No Title style in styles.xml: the id alone names it.
    assert a.title == "Nông dân trúng mùa" and a.lede == lede
    assert not any(w.startswith("title") for w in warnings)
    assert "lede taken from the paragraph in bold under the title" in warnings
    assert body_text(a) == BODY


def test_without_a_title_or_a_name_the_first_words_are_the_title_and_meta_wins(tmp_path):
    data = docx(tbl(["Tỉnh", "Số trường"], ["Hà Giang", "12"]))
    a, warnings = word(data, name=None)
    assert a.title == "Tỉnh Số trường Hà Giang 12" and isinstance(a.blocks[0], Table)
    assert "title taken from the first words of the text" in warnings
    r_ = bantin("export", "-f", "json", "-o", "-", "-M", "title=Bảng số trường", "-", input=data)
    assert r_.returncode == 0, r_.stderr.decode()
    assert json.loads(r_.stdout)["title"] == "Bảng số trường"


def test_meta_title_wins_over_every_found_title(tmp_path):
    f = tmp_path / "bai.docx"
    f.write_bytes(docx(p("Tiêu đề trong tệp", style="Title") + p(BODY)))
    r_ = bantin("export", "-f", "json", "-o", "-", "-M", "title=Tiêu đề do người dùng đặt", str(f))
    assert r_.returncode == 0, r_.stderr.decode()
    assert json.loads(r_.stdout)["title"] == "Tiêu đề do người dùng đặt"


def test_the_national_title_is_never_the_title_and_large_lines_are():
    body = (p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True), jc="center")
            + p(r("Độc lập - Tự do - Hạnh phúc", b=True), jc="center") + p("")
            + p(r("HỢP ĐỒNG LAO ĐỘNG", b=True, sz=36), jc="center")
            + "".join(p(r(BODY, sz=26)) for _ in range(3)))
    a, warnings = word(docx(body, core={"title": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}))
    assert a.title == "HỢP ĐỒNG LAO ĐỘNG"
    assert "title taken from the large or bold lines at the top of the document" in warnings


def test_the_file_title_property_counts_only_when_it_is_not_a_templates():
    long_first = p(" ".join([BODY] * 3))
    a, warnings = word(docx(long_first, core={"title": "Báo cáo quý III"}))
    assert a.title == "Báo cáo quý III" and "title taken from the file's title property" in warnings
    for template in ("", "Title", "Document", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"):
        a, warnings = word(docx(long_first, core={"title": template}), name="bao-cao-quy-3.docx")
        assert a.title == "bao-cao-quy-3" and "title taken from the file name" in warnings


@pytest.mark.parametrize("creator, byline", [
    ("Trần Minh Khoa", "Trần Minh Khoa"), ("python-docx", None), ("Admin", None), ("User", None),
    ("eng-dept", None), ("Email365 Team", None), ("Cisco Employee", None), ("Word", None), ("Báo Mẫu", None),
])
def test_a_creator_is_a_byline_only_when_it_reads_as_a_persons_name(creator, byline):
    a, warnings = word(docx(p("Tiêu đề", style="Title") + p(BODY), core={"creator": creator}))
    assert a.byline == byline
    assert ("byline taken from the file's author property" in warnings) == (byline is not None)


def test_author_and_date_paragraphs_beat_the_file_properties():
    body = (p("Tiêu đề", style="Title") + p("Mai Lan", style="Author") + p("Quốc Huy", style="Author")
            + p("July 28, 2014", style="Date") + p(BODY))
    a, _ = word(docx(body, core={"creator": "Trần Minh Khoa", "created": "2014-07-29T10:00:00Z"}))
    assert a.byline == "Mai Lan, Quốc Huy" and a.date == "2014-07-28" and body_text(a) == BODY


@pytest.mark.parametrize(("last", "creator", "byline", "kept"), [
    (p("Minh Anh", jc="right"), None, "Minh Anh", False),  # as newsroom text ends
    (p(r("Bích Lan/VOV.VN", b=True), jc="end"), None, "Bích Lan/VOV.VN", False),
    (p("Minh Anh", jc="right"), "Minh Anh", "Minh Anh", False),  # the author property, no longer printed twice
    (p("Minh Anh", jc="right"), "Trần Minh Khoa", "Trần Minh Khoa", True),  # a different name: both kept
    # Flush left or in bold as the text is, under a paragraph that ends its sentence,
    # as newsroom text ends (helper-154: most bylines typed so were lost); a long line is the text's.
    (p("Minh Anh"), None, "Minh Anh", False),
    (p(r("Trần Quang Huy", b=True)), None, "Trần Quang Huy", False),
    (p("Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường, Phạm Thu Hà"), None, None, True),
    (p("Theo Chinhphu.vn"), None, None, True),  # the source, never the byline
    (p("PHÒNG TRUYỀN THÔNG", jc="right"), None, None, True),  # an office in capitals
    (p("Hà Nội, ngày 5 tháng 8 năm 2025", jc="right"), None, None, True),
])
def test_a_name_set_right_under_the_text_is_the_byline(last, creator, byline, kept):
    core = {"creator": creator} if creator else None
    a, _ = word(docx(p("Tiêu đề", style="Title") + p(BODY) + last, core=core))
    assert a.byline == byline
    assert (len(a.blocks) == 2) is kept


@pytest.mark.parametrize("notes", [[p("Email: minhanh@plo.vn")], [p("Theo TTXVN"), p("ĐT: 0912 345 678")]])
@pytest.mark.parametrize("name", [p("Minh Anh", jc="right"), p("Minh Anh")])
def test_a_byline_over_the_authors_contact_or_the_source(name, notes):
    """The name over "Email: …" or "Theo TTXVN" is the byline, as at the text's end;
    the notes stay the body's last paragraphs."""
    a, _ = word(docx(p("Tiêu đề", style="Title") + p(BODY) + name + "".join(notes)))
    assert a.byline == "Minh Anh" and len(a.blocks) == 1 + len(notes)


def test_an_administrative_documents_last_name_is_no_byline():
    header = tbl([tc(p("SỞ Y TẾ"), p("Số: 12/SYT")), tc(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                                       p("Độc lập - Tự do - Hạnh phúc"))], borderless=True)
    a, _ = word(docx(header + p(BODY) + p("(Đã ký)", jc="right") + p("Nguyễn Văn An", jc="right")))
    assert a.byline is None and body_text(a).endswith("Nguyễn Văn An")


def python_docx_files(tmp_path: Path) -> list[Path]:
    """The project's kind of Word file: made by python-docx, properties left as the
    template has them, in the shapes that used to take them for the article's."""
    import docx as python_docx

    out = []
    shapes = {
        "co-tieu-de": lambda d: (d.add_paragraph("Nông dân trúng mùa", style="Title"), d.add_paragraph(BODY)),
        "mo-dau-bang-bang": lambda d: (d.add_table(rows=1, cols=2), d.add_paragraph(BODY)),
        "mo-dau-bang-de-muc": lambda d: (d.add_heading("Giá lúa tăng", 1), d.add_paragraph(BODY)),
        "chi-co-chu": lambda d: (d.add_paragraph(BODY), d.add_paragraph(BODY)),
    }
    for name, build in shapes.items():
        d = python_docx.Document()
        build(d)
        f = tmp_path / f"{name}.docx"
        d.save(str(f))
        with zipfile.ZipFile(f) as z:  # the template's values are there to be ignored
            assert b"python-docx" in z.read("docProps/core.xml") and b"2013-12-23" in z.read("docProps/core.xml")
        out.append(f)
    return out


def test_no_template_value_ever_reaches_an_output(tmp_path):
    files = python_docx_files(tmp_path)
    r_ = bantin("export", "-f", "json,txt,docx,epub", "-o", str(tmp_path / "out"), *map(str, files))
    assert r_.returncode == 0, r_.stderr.decode()
    for f in files:
        doc = json.loads((tmp_path / "out" / f"{f.stem}.json").read_text(encoding="utf-8"))
        assert doc["byline"] is None and doc["date"] is None and doc["title"]
        texts = {"txt": (tmp_path / "out" / f"{f.stem}.txt").read_text(encoding="utf-8")}
        for fmt in ("docx", "epub"):
            with zipfile.ZipFile(tmp_path / "out" / f"{f.stem}.{fmt}") as z:
                texts[fmt] = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                                      if n.endswith((".xml", ".xhtml", ".opf", ".ncx")))
        for fmt, text in {**texts, "json": json.dumps(doc, ensure_ascii=False)}.items():
            for value in ("python-docx", "2013-12-23", "generated by"):
                assert value not in text, (f.name, fmt, value)


def test_the_template_values_of_a_python_docx_file_as_defaults():
    a, _ = word(docx(p(BODY), core=PYTHON_DOCX_CORE))
    assert a.byline is None and a.date is None
    a, _ = word(docx(p(BODY), core={"creator": "Word", "created": "1980-01-01T00:00:00Z"}))
    assert a.byline is None and a.date is None


HEADER = tbl([tc(p(r("ỦY BAN NHÂN DÂN TỈNH LÀO CAI"), jc="center"), p(r("SỞ NÔNG NGHIỆP", b=True), jc="center"),
                 p("_______", jc="center"), p("Số: 128/QĐ-SNN", jc="center")),
              tc(p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True), jc="center"),
                 p(r("Độc lập - Tự do - Hạnh phúc", b=True), jc="center"), p("________________", jc="center"),
                 p(r("Lào Cai, ngày 05 tháng 8 năm 2025", i=True), jc="center"))], borderless=True)
DECISION = (HEADER + p("") + p(r("QUYẾT ĐỊNH", b=True), jc="center")
            + p(r("Về việc ban hành quy chế thư viện số", b=True), jc="center") + p("_______", jc="center")
            + p(r("GIÁM ĐỐC SỞ NÔNG NGHIỆP", b=True), jc="center")
            + p("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;")
            + p(r("QUYẾT ĐỊNH:", b=True), jc="center") + p("Điều 1. Ban hành kèm theo Quyết định này Quy chế."))


def test_the_administrative_header_table_gives_issuer_number_place_and_date():
    a, warnings = word(docx(DECISION, core=PYTHON_DOCX_CORE))
    # The upright line above the bold one is the body the issuer answers to: two levels.
    assert (a.issuer, a.number, a.place, a.date) == ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI; SỞ NÔNG NGHIỆP", "128/QĐ-SNN",
                                                     "Lào Cai", "2025-08-05")
    assert a.title == "QUYẾT ĐỊNH" and a.lede == "Về việc ban hành quy chế thư viện số"
    assert "issuer, number, place, date read from the administrative header table" in warnings
    assert "title taken from the line under the administrative header" in warnings
    lines = body_text(a).splitlines()
    assert lines[:2] == ["GIÁM ĐỐC SỞ NÔNG NGHIỆP", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của "
                         "Chính phủ;"]
    for header_line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 128/QĐ-SNN",
                        "Lào Cai, ngày 05 tháng 8 năm 2025", "SỞ NÔNG NGHIỆP", "_______"):
        assert header_line not in lines
    assert not any(isinstance(b, Table) for b in a.blocks)


def test_the_nd30_style_prints_a_single_documents_header_back(tmp_path):
    f = tmp_path / "quyet-dinh.docx"
    f.write_bytes(docx(DECISION))
    r_ = bantin("export", "-f", "docx", "--style", "nd30", "-o", str(tmp_path / "out"), str(f))
    assert r_.returncode == 0, r_.stderr.decode()
    with zipfile.ZipFile(tmp_path / "out" / "quyet-dinh.docx") as z:
        assert "Số: 128/QĐ-SNN" in z.read("word/document.xml").decode()


def test_a_header_block_written_by_bantin_reads_back(tmp_path):
    f = tmp_path / "quyet-dinh.docx"
    f.write_bytes(docx(DECISION))
    meta = ["-M", "issuer=Sở Nông nghiệp", "-M", "number=12/BC-SNN", "-M", "place=Lào Cai", "-M", "date=2025-08-06"]
    r_ = bantin("export", "-f", "docx", "--style", "nd30", "--bundle", "Bản tin nông nghiệp", *meta,
                "-o", str(tmp_path / "out"), str(f))
    assert r_.returncode == 0, r_.stderr.decode()
    written = next((tmp_path / "out").glob("*.docx")).read_bytes()
    with zipfile.ZipFile(io.BytesIO(written)) as z:
        assert "Số: 12/BC-SNN" in z.read("word/document.xml").decode()
    # A bundle reads back as the briefing it was, the header block its cover's.
    again = read(written, source_format="docx", warn=lambda _m: None)
    assert isinstance(again, Briefing) and again.title == "Bản tin nông nghiệp" and len(again.articles) == 1
    assert (again.issuer, again.number, again.place, again.date) == ("SỞ NÔNG NGHIỆP", "12/BC-SNN", "Lào Cai",
                                                                     "2025-08-06")


def test_a_form_printing_the_national_title_beside_a_photo_box_keeps_its_table():
    form = tbl([tc(p("ẢNH 4x6")), tc(p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True), jc="center"),
                                     p(r("Độc lập - Tự do - Hạnh phúc", b=True), jc="center"))], borderless=True)
    body = form + p(r("SƠ YẾU LÝ LỊCH", b=True, sz=40), jc="center") + p(r("I. THÔNG TIN BẢN THÂN", b=True)) \
        + "".join(p(r(f"{i}. Họ và tên: ……………………", sz=24)) for i in range(1, 5))
    a, _ = word(docx(body))
    assert a.issuer is None and a.title == "SƠ YẾU LÝ LỊCH"
    assert isinstance(a.blocks[0], Table) and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in body_text(a)
    assert [text_of(b.text) for b in a.blocks if isinstance(b, Heading)] == ["I. THÔNG TIN BẢN THÂN"]


def test_api_read_of_a_title_less_file_names_it_after_the_file(tmp_path):
    f = tmp_path / "bang-so-lieu.docx"
    f.write_bytes(docx(tbl(["Tỉnh", "Số trường"], ["Hà Giang", "12"])))
    warnings: list[str] = []
    a = api.read(f, warn=warnings.append)
    assert isinstance(a, Article) and a.title == "bang-so-lieu"
    assert any("title taken from the file name" in w for w in warnings)


def test_a_bantin_word_file_revised_in_word_reads_back_with_its_fields():
    """An editor revises bantin's DOCX in Word and converts it again: the outlet,
    dateline and date of its masthead, the lede, the byline, the source address
    and keywords come back as fields, a quotation keeps its speaker, the
    "[Ảnh]" placeholder of a missing picture is not text, and items that carry
    their own ordinals are a list."""
    from bantin.model import Quote

    for name in ("san-luong-lua.json", "hoi-nghi-chuyen-doi-so.txt"):
        original = api.read(EXAMPLES / name)
        assert isinstance(original, Article)
        back = api.read(api.export(original, "docx"), source_format="docx", warn=lambda _m: None)
        assert isinstance(back, Article)
        assert (back.title, back.lede, back.outlet, back.byline, back.url, back.tags, back.date) == (
            original.title, original.lede, original.outlet, original.byline, original.url, original.tags,
            original.date), name
        assert back.dateline is not None and original.dateline is not None
        assert back.dateline.place == original.dateline.place
        texts = [text_of(b.text) for b in back.blocks if isinstance(b, Paragraph)]
        assert not any("[Ảnh]" in t or t.startswith(("Nguồn:", "Từ khóa:", "— ")) for t in texts), texts
        quotes = [b for b in back.blocks if isinstance(b, Quote)]
        assert [q.attribution for q in quotes] == [q.attribution for q in original.blocks if isinstance(q, Quote)]
        # The same blocks in the same order: "Thứ nhất, …" items are a list again.
        assert [type(b).__name__ for b in back.blocks] == [type(b).__name__ for b in original.blocks], name


@pytest.mark.parametrize(("first", "second", "issuer"), [
    ((False, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"), (True, "SỞ NÔNG NGHIỆP"), "ỦY BAN NHÂN DÂN TỈNH LÀO CAI; SỞ NÔNG NGHIỆP"),
    # Must not part: one name typed over two lines, both bold or both upright.
    ((True, "VĂN PHÒNG UBND"), (True, "TỈNH BẮC NINH"), "VĂN PHÒNG UBND TỈNH BẮC NINH"),
    ((False, "VĂN PHÒNG UBND"), (False, "TỈNH BẮC NINH"), "VĂN PHÒNG UBND TỈNH BẮC NINH"),
    # A bold line above an upright one is no parent.
    ((True, "SỞ NÔNG NGHIỆP"), (False, "PHÒNG KẾ HOẠCH"), "SỞ NÔNG NGHIỆP PHÒNG KẾ HOẠCH"),
    # Nothing bold (a table typed with no formatting): the last line is the issuer under
    # its body, as the text reader reads a copy, unless it goes on with the name above.
    ((False, "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"), (False, "CỤC BIỂN VÀ HẢI ĐẢO VIỆT NAM"),
     "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG; CỤC BIỂN VÀ HẢI ĐẢO VIỆT NAM"),
    ((False, "SỞ GIÁO DỤC VÀ"), (False, "ĐÀO TẠO HÀ NỘI"), "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI"),
])
def test_the_issuers_two_levels_by_weight(first, second, issuer):
    header = tbl([tc(*(p(r(text, b=bold), jc="center") for bold, text in (first, second)),
                     p("Số: 128/QĐ-SNN", jc="center")),
                  tc(p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True), jc="center"),
                     p(r("Độc lập - Tự do - Hạnh phúc", b=True), jc="center"),
                     p(r("Lào Cai, ngày 05 tháng 8 năm 2025", i=True), jc="center"))], borderless=True)
    a, _ = word(docx(header + p(r("QUYẾT ĐỊNH", b=True), jc="center") + p("Điều 1. Ban hành quy chế.")))
    assert a.issuer == issuer


@pytest.mark.parametrize(("sapo", "lede", "outlet", "dateline"), [
    (p(r("Chiều 4/8, UBND thành phố họp bàn giải pháp đẩy nhanh giải phóng mặt bằng.", i=True)),
     "Chiều 4/8, UBND thành phố họp bàn giải pháp đẩy nhanh giải phóng mặt bằng.", None, ("", "Chiều 4/8")),
    (p(r("Chiều 4/8, UBND thành phố họp bàn giải pháp đẩy nhanh giải phóng mặt bằng.", b=True)),
     "Chiều 4/8, UBND thành phố họp bàn giải pháp đẩy nhanh giải phóng mặt bằng.", None, ("", "Chiều 4/8")),
    (p("HÀ NỘI (TTXVN) – Sáng 5/8, Thủ tướng chủ trì hội nghị trực tuyến với các địa phương."),
     "Sáng 5/8, Thủ tướng chủ trì hội nghị trực tuyến với các địa phương.", "TTXVN", ("HÀ NỘI", "Sáng 5/8")),
])
def test_a_sapo_set_apart_or_tagged_under_a_title_drawn_by_its_look(sapo, lede, outlet, dateline):
    """helper-154: under a bold centred title, as press offices type one, an italic
    or bold sapo, or one opening with the wire's tag, was the body's first paragraph
    and the tag stayed in its words."""
    title = p(r("Hà Nội đẩy nhanh giải phóng mặt bằng", b=True, sz=32), jc="center")
    a, warnings = word(docx(title + sapo + p(BODY) * 3 + p("Minh Anh")))
    assert (a.title, a.lede) == ("Hà Nội đẩy nhanh giải phóng mặt bằng", lede)
    assert (a.outlet.code if a.outlet else None) == outlet
    assert a.dateline is not None and (a.dateline.place or "", a.dateline.time) == dateline
    assert [text_of(b.text) for b in a.blocks] == [BODY] * 3 and a.byline == "Minh Anh"
    assert any(w.startswith("lede taken from the paragraph") for w in warnings), warnings
