"""Word files as offices write them (helper-103): what Word shows is what bantin
reads. Letters set in capitals read in capitals; hidden text keeps its note mark
and its picture hidden too; a form's grey prompt is no text; Word's own table of
contents, with Word's page numbers, goes when the headings it lists are there."""

from __future__ import annotations

from word_docs import docx, note_ref, p, r, style, styles_xml

import bantin as api
from bantin.model import Article, Heading, Paragraph, plain_text, text_of


def word(data: bytes) -> tuple[Article, list[str]]:
    warned: list[str] = []
    a = api.read(data, source_format="docx", name="bai.docx", typography=False, warn=warned.append)
    assert isinstance(a, Article)
    return a, warned


def test_letters_set_in_capitals_read_in_capitals():
    caps = '<w:r><w:rPr><w:caps/></w:rPr><w:t xml:space="preserve">tổng công ty xây dựng hà nội</w:t></w:r>'
    heading = style("KetQua", "Kết quả", based_on="Heading2").replace("</w:style>",
                                                                      "<w:rPr><w:caps/></w:rPr></w:style>")
    styles = styles_xml(style("Heading2", "heading 2"), heading)
    a, _ = word(docx(p("Tiêu đề bài") + p("Đơn vị thi công: ", caps, ".") + p("Kết quả nổi bật", style="KetQua")
                     + p("Đoạn cuối."), styles=styles))
    assert "Đơn vị thi công: TỔNG CÔNG TY XÂY DỰNG HÀ NỘI." in text_of(plain_text(a.blocks))
    # helper-104: an address keeps its letters, small capitals keep their case.
    link = '<w:r><w:rPr><w:caps/></w:rPr><w:t xml:space="preserve">xem https://example.com/Bao-Cao/Q1.pdf</w:t></w:r>'
    small = '<w:r><w:rPr><w:smallCaps/></w:rPr><w:t>Nguyễn Văn An</w:t></w:r>'
    b, _ = word(docx(p("Tiêu đề") + p(link) + p(small)))
    assert text_of(plain_text(b.blocks)) == "XEM https://example.com/Bao-Cao/Q1.pdf Nguyễn Văn An"
    assert any(isinstance(b, Heading) and text_of(b.text) == "KẾT QUẢ NỔI BẬT" for b in a.blocks)


def test_hidden_text_hides_its_note_mark_too():
    hidden_ref = note_ref("footnote", 2).replace("<w:rPr>", "<w:rPr><w:vanish/>")
    a, _ = word(docx(p("Tiêu đề") + p("Theo dõi", note_ref("footnote", 1), " tiếp.", hidden_ref),
                     footnotes={1: "Chú thích thấy được.", 2: "Chú thích ẩn."}))
    assert [text_of(plain_text(n.blocks)) for n in a.notes] == ["Chú thích thấy được."]


def test_a_form_prompt_is_no_text():
    prompt = ('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
              + p(r("Bấm hoặc gõ vào đây để nhập văn bản.", style="PlaceholderText")) + "</w:sdtContent></w:sdt>")
    filled = '<w:sdt><w:sdtPr><w:tag w:val="so"/></w:sdtPr><w:sdtContent>' + p("Nội dung đã điền.") \
        + "</w:sdtContent></w:sdt>"
    # helper-104: Word leaves the flag on a filled control at times; its words are no prompt.
    flagged = '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + p("Công ty đã ký hợp đồng.") \
        + "</w:sdtContent></w:sdt>"
    a, _ = word(docx(p("Tiêu đề") + prompt + filled + flagged + p("Đoạn cuối.")))
    assert [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)] == [
        "Nội dung đã điền.", "Công ty đã ký hợp đồng.", "Đoạn cuối."]


def test_words_own_contents_go_when_its_headings_are_there():
    styles = styles_xml(style("Heading1", "heading 1"), style("TOCHeading", "TOC Heading", based_on="Heading1"),
                        style("TOC1", "toc 1"))
    a, warned = word(docx(p("Báo cáo tổng kết") + p("Mục lục", style="TOCHeading")
                          + p("1. Tình hình chung\t1", style="TOC1") + p("2. Kiến nghị\t3", style="TOC1")
                          + p("1. Tình hình chung", style="Heading1") + p("Sản xuất ổn định.")
                          + p("2. Kiến nghị", style="Heading1") + p("Tăng vốn."), styles=styles))
    assert [text_of(b.text) for b in a.blocks] == ["1. Tình hình chung", "Sản xuất ổn định.", "2. Kiến nghị",
                                                   "Tăng vốn."]
    assert any("table of contents left out (3 lines)" in w for w in warned)
    # helper-104: text set in "TOC 1" that names no heading is the article's.
    c, _ = word(docx(p("Báo cáo") + p("Kinh phí 45 tỷ đồng đã được cấp.", style="TOC1")
                     + p("1. Tình hình chung", style="Heading1") + p("Sản xuất ổn định."), styles=styles))
    assert text_of(c.blocks[0].text) == "Kinh phí 45 tỷ đồng đã được cấp."


def test_a_paragraph_words_contents_lists_is_a_heading_and_its_line_goes():
    """helper-122: a heading made with the paragraph's own outline level (bold, no
    Heading style) is listed by Word's contents; it stayed body text, and its
    contents line "Kết quả bước đầu 3" leaked into the body with its page number."""
    styles = styles_xml(style("Heading1", "heading 1"), style("TOC1", "toc 1"), style("TOC2", "toc 2"))
    outline = ('<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>'
               '<w:r><w:rPr><w:b/></w:rPr><w:t>Kết quả bước đầu</w:t></w:r></w:p>')
    a, warned = word(docx(p("Báo cáo tổng kết") + p("Bối cảnh\t1", style="TOC1")
                          + p("Kết quả bước đầu\t3", style="TOC2")
                          + p("Bối cảnh", style="Heading1") + p("Sản xuất ổn định.") + outline
                          + p("Năng suất tăng 5%."), styles=styles))
    assert [(type(b).__name__, text_of(b.text)) for b in a.blocks] == [
        ("Heading", "Bối cảnh"), ("Paragraph", "Sản xuất ổn định."), ("Heading", "Kết quả bước đầu"),
        ("Paragraph", "Năng suất tăng 5%.")]
    assert [b.level for b in a.blocks if isinstance(b, Heading)] == [1, 2]
    assert any("table of contents left out (2 lines)" in w for w in warned)


def test_contents_make_no_second_heading_and_a_pasted_outline_stays():
    """helper-125: a body line repeating a heading's words became a second heading,
    and an outline pasted from another paper lost the one line it could match."""
    styles = styles_xml(style("Heading1", "heading 1"), style("TOC1", "toc 1"))
    a, _ = word(docx(p("Báo cáo") + p("1. Kết quả đạt được\t2", style="TOC1")
                     + p("1. Kết quả đạt được", style="Heading1") + p("Tăng trưởng đạt 7,2%.")
                     + p("Kết quả đạt được") + p("Chưa tương xứng."), styles=styles))
    assert [type(b).__name__ for b in a.blocks] == ["Heading", "Paragraph", "Paragraph", "Paragraph"]
    b, _ = word(docx(p("Công văn") + p("Đề nghị báo cáo theo đề cương dưới đây:")
                     + p("I. Đánh giá chung\t1", style="TOC1") + p("II. Kiến nghị, đề xuất\t5", style="TOC1")
                     + p("Hạn gửi trước ngày 20/7.") + p("Kiến nghị, đề xuất"), styles=styles))
    assert [text_of(x.text) for x in b.blocks if isinstance(x, Paragraph)][1:3] == [
        "I. Đánh giá chung 1", "II. Kiến nghị, đề xuất 5"]
    assert not any(isinstance(x, Heading) for x in b.blocks)


def test_the_masthead_time_reads_back_from_bantins_word_file():
    """helper-106: "Hoàng Mai, 14:30 ngày …" and a time of day with no place lost
    the date or the time when bantin's DOCX was read back."""
    from bantin.model import Dateline, plain

    for a in (Article("Thông báo", issuer="UBND quận Hoàng Mai", number="245/TB-UBND", place="Hoàng Mai",
                      date="2025-09-12T14:30+07:00", blocks=(Paragraph(plain("Nội dung.")),)),
              Article("Tin", dateline=Dateline("HÀ NỘI", "Chiều 12/9"), date="2025-09-12",
                      blocks=(Paragraph(plain("Nội dung.")),)),
              Article("Tin", dateline=Dateline(None, "Chiều 12/9"), date="2025-09-12",
                      blocks=(Paragraph(plain("Nội dung.")),)),
              # helper-108: a time alone read back as the place (or as the outlet).
              Article("Tin", dateline=Dateline(None, "Trưa nay"), date="2025-09-12",
                      blocks=(Paragraph(plain("Nội dung.")),))):
        back, _ = word(api.export(a, "docx"))
        assert back.date is not None and back.date[:10] == "2025-09-12", back.date
        assert (back.place, back.dateline) == (a.place, a.dateline if a.dateline else None), back.dateline


def test_a_section_break_survives_a_round_trip_through_word():
    """helper-95: bantin's own "*   *   *" (style Section Break) was dropped as a
    rule line when its DOCX was read back; a dinkus typed in Word is one too."""
    from bantin.model import SectionBreak, plain

    a = Article("Hai phần", blocks=(Paragraph(plain("Phần một.")), SectionBreak(), Paragraph(plain("Phần hai."))))
    back, _ = word(api.export(a, "docx"))
    assert [type(b).__name__ for b in back.blocks] == ["Paragraph", "SectionBreak", "Paragraph"]
    typed, _ = word(docx(p("Tiêu đề") + p("Phần một.") + p("*  *  *", jc="center") + p("Phần hai.")
                         + p("________________") + p("Phần ba.")))
    assert [type(b).__name__ for b in typed.blocks] == ["Paragraph", "SectionBreak", "Paragraph", "Paragraph"]
