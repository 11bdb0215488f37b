"""What Word wraps text in: tracked changes read as accepted, text boxes once and
where they are anchored, content controls, smart tags, fields (their result,
never their instruction), hyperlinks whose relationship is missing, symbol-font
glyphs, hidden text, drop caps."""

from __future__ import annotations

import pytest
from word_docs import docx, note_ref, p, r, smart_art, tbl, tc, text_box

from bantin.model import Article, ListBlock, Paragraph, Table, text_of
from bantin.source import read


def word(data: bytes) -> tuple[Article, list[str]]:
    warnings: list[str] = []
    doc = read(data, source_format="docx", warn=warnings.append, name="bai.docx")
    assert isinstance(doc, Article)
    return doc, warnings


def paragraphs(a: Article) -> list[str]:
    return [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]


TITLE = p("Tiêu đề", style="Title")


def test_tracked_changes_read_as_if_accepted():
    change = ('<w:p><w:r><w:t xml:space="preserve">Giá lúa </w:t></w:r>'
              '<w:del w:id="1" w:author="A"><w:r><w:delText>giảm </w:delText></w:r></w:del>'
              '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">tăng </w:t></w:r></w:ins>'
              '<w:r><w:t>mạnh.</w:t></w:r></w:p>'
              '<w:p><w:moveFrom w:id="3" w:author="A"><w:r><w:t>Câu dời đi.</w:t></w:r></w:moveFrom></w:p>'
              '<w:p><w:r><w:t xml:space="preserve">Đoạn cuối. </w:t></w:r>'
              '<w:moveTo w:id="4" w:author="A"><w:r><w:t>Câu dời đi.</w:t></w:r></w:moveTo></w:p>')
    a, _ = word(docx(TITLE + change))
    assert paragraphs(a) == ["Giá lúa tăng mạnh.", "Đoạn cuối. Câu dời đi."]


def test_a_text_box_is_read_once_after_the_paragraph_that_anchors_it():
    body = TITLE + p("Trước hộp.", text_box(p("Trong hộp một."), p("Trong hộp hai."))) + p("Sau hộp.")
    a, _ = word(docx(body))
    assert paragraphs(a) == ["Trước hộp.", "Trong hộp một.", "Trong hộp hai.", "Sau hộp."]


def test_a_smart_art_diagram_is_read_as_the_list_of_its_words():
    # Its words live in a part of their own, a tree of points: they were lost without
    # a word (helper-134). A box with no words gives its place to its children.
    run, data = smart_art("rIdDgm", [
        ("d", "doc", "", ""), ("n1", "node", "d", "Tiếp nhận hồ sơ"), ("n2", "node", "d", "Thẩm định"),
        ("n21", "node", "n2", "Cấp huyện"), ("n22", "asst", "n2", "Cấp tỉnh"), ("n3", "node", "d", ""),
        ("n31", "node", "n3", "Trả kết quả"), ("s1", "pres", "", "")])
    body = TITLE + p("Quy trình gồm ba bước:", run) + p("Sau sơ đồ.")
    rels = (("rIdDgm", "diagramData", "diagrams/data1.xml", False),)
    a, warnings = word(docx(body, rels=rels, media={"word/diagrams/data1.xml": data.encode()}))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "ListBlock", "Paragraph"]
    listed = a.blocks[1]
    assert isinstance(listed, ListBlock)
    assert [text_of(i.blocks[0].text) for i in listed.items] == ["Tiếp nhận hồ sơ", "Thẩm định", "Trả kết quả"]
    inner = listed.items[1].blocks[1]
    assert isinstance(inner, ListBlock)
    assert [text_of(i.blocks[0].text) for i in inner.items] == ["Cấp huyện", "Cấp tỉnh"]
    assert any("1 SmartArt diagram(s) read as lists" in w for w in warnings)


def test_a_smart_art_diagram_without_its_data_part_costs_only_itself():
    run, _ = smart_art("rIdDgm", [])
    rels = (("rIdDgm", "diagramData", "diagrams/data1.xml", False),)
    a, _ = word(docx(TITLE + p("Trước.", run) + p("Sau."), rels=rels))
    assert paragraphs(a) == ["Trước.", "Sau."] and len(a.blocks) == 2


def test_a_master_documents_sub_document_is_named_not_dropped_in_silence():
    # Its text is another file, which a reader does not open (helper-134).
    body = TITLE + p("Trước.") + '<w:p><w:subDoc r:id="rIdSub"/></w:p>' + p("Sau.")
    a, warnings = word(docx(body, rels=(("rIdSub", "subDocument", "chuong-1.docx", True),)))
    assert paragraphs(a) == ["Trước.", "Sau."]
    assert any("1 sub-document(s) of a master document (w:subDoc) not read" in w for w in warnings), warnings


def test_content_controls_smart_tags_and_custom_xml_keep_their_text():
    body = (TITLE
            + '<w:sdt><w:sdtPr/><w:sdtContent>' + p("Đoạn trong ô nội dung.") + '</w:sdtContent></w:sdt>'
            + '<w:p><w:r><w:t xml:space="preserve">Gặp ông </w:t></w:r><w:smartTag w:element="PersonName">'
              '<w:r><w:t>Nguyễn Văn A</w:t></w:r></w:smartTag><w:sdt><w:sdtContent><w:r><w:t xml:space="preserve">'
              ' tại </w:t></w:r></w:sdtContent></w:sdt><w:customXml w:element="place"><w:r><w:t>Hà Nội</w:t></w:r>'
              '</w:customXml><w:r><w:t>.</w:t></w:r></w:p>')
    a, _ = word(docx(body))
    assert paragraphs(a) == ["Đoạn trong ô nội dung.", "Gặp ông Nguyễn Văn A tại Hà Nội."]


def test_fields_show_their_result_never_their_instruction():
    simple = '<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t>' \
             '</w:r></w:fldSimple></w:p>'
    complex_link = ('<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://bao-mau.example/gia" '
                    '</w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>bảng giá</w:t></w:r>'
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>')
    a, _ = word(docx(TITLE + simple + complex_link))
    assert paragraphs(a) == ["Trang 3", "Xem bảng giá."]
    link = a.blocks[1]
    assert isinstance(link, Paragraph)
    assert [(s.text, s.href) for s in link.text if s.href] == [("bảng giá", "https://bao-mau.example/gia")]


def test_a_hyperlink_whose_relationship_is_missing_is_text_without_a_link():
    body = TITLE + ('<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:hyperlink r:id="rId404"><w:r>'
                    '<w:t>trang này</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> và </w:t></w:r>'
                    '<w:hyperlink r:id="rIdLink"><w:r><w:t>trang kia</w:t></w:r></w:hyperlink></w:p>')
    a, _ = word(docx(body, rels=(("rIdLink", "hyperlink", "https://bao-mau.example/kia", True),)))
    para = a.blocks[0]
    assert isinstance(para, Paragraph) and text_of(para.text) == "Xem trang này và trang kia"
    assert [(s.text, s.href) for s in para.text if s.href] == [("trang kia", "https://bao-mau.example/kia")]


def test_symbol_glyphs_and_hidden_text_are_left_out_and_said():
    body = TITLE + ('<w:p><w:r><w:t xml:space="preserve">Giá 10 đồng</w:t></w:r><w:r><w:sym w:font="Wingdings" '
                    'w:char="F0DE"/></w:r>' + r("\uf028", font="Wingdings") + r(" (ẩn)", hidden=True) + "</w:p>")
    a, warnings = word(docx(body))
    assert paragraphs(a) == ["Giá 10 đồng"]
    assert "2 symbol-font character(s) left out (glyphs of a private-use area, not text)" in warnings


def test_the_symbol_fonts_signs_are_the_words_they_show():
    """Insert > Symbol writes "≥", "±" and "α" as the Symbol font's code points:
    dropped, "≥ 2 m³" read "2 m³" (helper-122). Its pieces of large brackets draw
    nothing alone and still go."""
    def sym(code: str, font: str = "Symbol") -> str:
        return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'
    body = TITLE + p("Hộ dân dùng ", sym("F0B3"), " 2 m³, sai số ", sym("F0B1"), " 5%, hệ số ", sym("F061"),
                     " = 0,8", sym("F0E6"), r(" và \uf062 = 1", font="Symbol"), ", ", r("D", font="Symbol Mt"),
                     "t = 2, ", sym("F0B3", "Symbol MT"), " 3 ở ", r("Hà Nội", font="Symbol"), ".")
    a, warnings = word(docx(body))
    # "D" typed in Symbol is the Δ the writer saw; a Vietnamese word set in Symbol by mistake stays itself.
    assert paragraphs(a) == ["Hộ dân dùng ≥ 2 m³, sai số ± 5%, hệ số α = 0,8 và β = 1, Δt = 2, ≥ 3 ở Hà Nội."]
    assert "1 symbol-font character(s) left out (glyphs of a private-use area, not text)" in warnings


def test_a_drop_cap_joins_its_paragraph():
    a, _ = word(docx(TITLE + p("N", frame="drop") + p("gày xưa có một thư viện.")))
    assert paragraphs(a) == ["Ngày xưa có một thư viện."]


def test_a_paragraph_break_in_a_cell_and_a_line_break_stay_breaks():
    cell = tc(p("Dòng một"), '<w:p><w:r><w:t>Dòng hai</w:t><w:br/><w:t>dòng ba</w:t></w:r></w:p>')
    a, _ = word(docx(TITLE + tbl([cell, tc(p("Cột hai"))])))  # two cells: a table of one is a frame
    t = a.blocks[0]
    assert isinstance(t, Table)
    assert [text_of(b.text) for b in t.rows[0][0].blocks] == ["Dòng một", "Dòng hai\u2028dòng ba"]  # type: ignore[union-attr]


@pytest.mark.parametrize(("part", "lost"), [
    ("word/footnotes.xml", "footnotes lost"),
    ("word/_rels/document.xml.rels", "links, pictures and notes lost"),
    ("word/styles.xml", "headings and styles lost"),
])
def test_a_damaged_part_is_said_not_lost_without_a_word(part, lost):
    """A part that will not parse costs what it held, and the user is told which
    part and what is lost (helper-122); the body is read as ever."""
    import io
    import zipfile

    good = docx(TITLE + p("Đoạn có chú thích", note_ref("footnote", 1), "."), footnotes={1: "Chú thích một."})
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as z, zipfile.ZipFile(buf, "w") as out:
        for info in z.infolist():
            out.writestr(info.filename, b"<<<" if info.filename == part else z.read(info))
    a, warnings = word(buf.getvalue())
    assert paragraphs(a) == ["Đoạn có chú thích" + ("1." if part.endswith("styles.xml") else ".")]  # its note kept
    assert f"damaged part(s) not read: {part}; {lost}" in warnings, warnings


@pytest.mark.parametrize("drop", [False, True])
def test_a_reference_to_a_note_the_file_does_not_hold_is_said(drop):
    """A note mark that leads nowhere (a note cut by hand, or a file copied without
    its notes part) is left out, and the user told; the other notes are read."""
    import io
    import zipfile

    data = docx(TITLE + p("Đoạn có chú thích", note_ref("footnote", 1), ".", note_ref("footnote", 7)),
                footnotes={1: "Chú thích một."})
    if drop:
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(buf, "w") as out:
            for info in z.infolist():
                if info.filename != "word/footnotes.xml":
                    out.writestr(info, z.read(info))
        data = buf.getvalue()
    a, warnings = word(data)
    assert len(a.notes) == (0 if drop else 1)
    missing = 2 if drop else 1
    assert f"{missing} reference(s) to footnote(s) the file does not hold; their marks are left out" in warnings
