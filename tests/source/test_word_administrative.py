"""A Word administrative document typed the ways clerks type them: the header
as lines parted by tabs, the signature as the last paragraphs or a table, an
urgency mark under the number, a công văn with no subject (V/v), a draft whose
date is left blank. The reader finds what the text reader finds in the same
lines, and loses no word."""

from __future__ import annotations

import pytest
from helpers import bantin, read_back
from word_docs import docx, p, r, tbl, tc

from bantin.model import Article, Heading, Paragraph, Signature, Table, text_of
from bantin.source import read
from bantin.source.docx.header import date_line

TAB = "<w:r><w:tab/></w:r>"
BR = "<w:r><w:br/></w:r>"


LINK = (("rIdLink", "hyperlink", "https://so-gd.example/thong-bao", True),)


def word(body: str) -> tuple[Article, list[str]]:
    warnings: list[str] = []
    a = read(docx(body, rels=LINK), source_format="docx", warn=warnings.append, name="van-ban.docx")
    assert isinstance(a, Article)
    return a, warnings


def texts(a: Article) -> list[str]:
    return [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]


def row(left: str, right: str, bold: bool = False) -> str:
    return p(r(left, b=bold), TAB, r(right, b=bold))


TABBED = (row("UBND TỈNH LẠNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
          + row("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Độc lập - Tự do - Hạnh phúc", bold=True)
          + row("Số: 45/TB-SGDĐT", "Lạng Sơn, ngày 09 tháng 9 năm 2025") + p("")
          + p(r("THÔNG BÁO", b=True), jc="center") + p(r("Kết quả tuyển dụng viên chức năm 2025", b=True), jc="center"))
DEADLINE = "2. Thí sinh trúng tuyển hoàn thiện hồ sơ trước ngày 30 tháng 9 năm 2025."
BODY = p("1. Danh sách thí sinh trúng tuyển được niêm yết tại trụ sở Sở.") + p(DEADLINE)
RECIPIENTS = ["Nơi nhận:", "- Các thí sinh;", "- Lưu: VT, TCCB."]
WANT = Signature(name="Hoàng Văn Cường", title=("GIÁM ĐỐC",), recipients=("Các thí sinh", "Lưu: VT, TCCB"))


def test_a_header_typed_with_tabs_is_the_header():
    a, warnings = word(TABBED + BODY)
    got = (a.issuer, a.number, a.place, a.date, a.title, a.lede)
    assert got == ("UBND TỈNH LẠNG SƠN; SỞ GIÁO DỤC VÀ ĐÀO TẠO", "45/TB-SGDĐT", "Lạng Sơn", "2025-09-09", "THÔNG BÁO",
                   "Kết quả tuyển dụng viên chức năm 2025")
    assert "issuer, number, place, date read from the administrative header lines typed in two columns" in warnings
    assert texts(a)[0].startswith("1. Danh sách")


STACKED = ("".join(p(r(x, b=True), jc="center") for x in ("UBND TỈNH LẠNG SƠN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"))
           + p("Số: 45/TB-SGDĐT", jc="center")
           + "".join(p(r(x, b=True), jc="center") for x in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                           "Độc lập - Tự do - Hạnh phúc"))
           + p(r("Lạng Sơn, ngày 09 tháng 9 năm 2025", i=True), jc="center") + p("")
           + p(r("THÔNG BÁO", b=True), jc="center")
           + p(r("Kết quả tuyển dụng viên chức năm 2025", b=True), jc="center"))


def test_a_header_typed_one_line_a_paragraph_is_the_header():
    """No table and no tabs: the left column's lines over the right's, each its own
    centred paragraph, as a paper retyped or pasted from a page is. Read as the text
    reader reads the same lines, not as a title made of the issuer's bold lines."""
    a, warnings = word(STACKED + BODY + "".join(p(x) for x in RECIPIENTS) + p(r("GIÁM ĐỐC", b=True), jc="center")
                       + p(r("Hoàng Văn Cường", b=True), jc="center"))
    got = (a.issuer, a.number, a.place, a.date, a.title, a.lede)
    assert got == ("UBND TỈNH LẠNG SƠN; SỞ GIÁO DỤC VÀ ĐÀO TẠO", "45/TB-SGDĐT", "Lạng Sơn", "2025-09-09", "THÔNG BÁO",
                   "Kết quả tuyển dụng viên chức năm 2025")
    assert "issuer, number, place, date read from the administrative header lines" in warnings
    assert texts(a)[0].startswith("1. Danh sách") and a.signature == WANT
    lines = ["UBND TỈNH LẠNG SƠN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 45/TB-SGDĐT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "Lạng Sơn, ngày 09 tháng 9 năm 2025", "THÔNG BÁO",
             "Kết quả tuyển dụng viên chức năm 2025", "1. Danh sách thí sinh trúng tuyển được niêm yết tại trụ sở Sở.",
             DEADLINE, *RECIPIENTS, "GIÁM ĐỐC", "Hoàng Văn Cường"]
    t = read("\n\n".join(lines).encode("utf-8"))
    assert isinstance(t, Article) and (t.issuer, t.number, t.place, t.date, t.title, t.lede) == got


def test_capitals_over_the_national_lines_without_a_number_are_no_header():
    """A school's and a class's names over a pupil's đơn, or a story's headline over
    the national lines it quotes: no "Số: …", no issuer (helper-61)."""
    a, _ = word("".join(p(r(x, b=True), jc="center") for x in (
        "TRƯỜNG THPT CHU VĂN AN", "LỚP 12A1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"))
        + p("Hà Nội, ngày 5 tháng 8 năm 2025", jc="center") + p(r("ĐƠN XIN NGHỈ HỌC", b=True), jc="center")
        + p("Kính gửi: Ban Giám hiệu Trường THPT Chu Văn An") + p("Em tên là Nguyễn Văn An, học sinh lớp 12A1."))
    assert (a.issuer, a.number) == (None, None)
    assert "Em tên là Nguyễn Văn An, học sinh lớp 12A1." in texts(a)


def test_a_deadline_in_the_text_is_not_the_documents_date():
    """"… trước ngày 30 tháng 9 năm 2025." reads like a place-and-date line whose
    place is a sentence; the document has no date of its own."""
    a, _ = word(p(r("Thông báo tuyển dụng", b=True), jc="center") + BODY)
    assert a.date is None and DEADLINE in texts(a)


@pytest.mark.parametrize("tail", [
    # Typed side by side, the name set right under the office.
    row("Nơi nhận:", "GIÁM ĐỐC") + p("- Các thí sinh;") + p("- Lưu: VT, TCCB.") + p("")
    + p("Hoàng Văn Cường", jc="right"),
    # One column after the other, the signer's lines centred.
    "".join(p(x) for x in RECIPIENTS) + p(r("GIÁM ĐỐC", b=True), jc="center") + p("")
    + p(r("Hoàng Văn Cường", b=True), jc="center"),
    # The signer first.
    p("GIÁM ĐỐC", jc="center") + p("Hoàng Văn Cường", jc="center") + "".join(p(x) for x in RECIPIENTS),
    # A borderless table of two cells.
    tbl([tc(*(p(x) for x in RECIPIENTS)), tc(p("GIÁM ĐỐC", jc="center"), p(""), p("Hoàng Văn Cường", jc="center"))],
        borderless=True),
    # Each column one paragraph, its lines parted by Shift+Enter (w:br).
    p(*(x for line in RECIPIENTS for x in (r(line), BR))) + p(r("GIÁM ĐỐC", b=True), BR, BR, BR,
                                                              r("Hoàng Văn Cường", b=True), jc="center"),
    # Typed side by side with tabs, each row a line of one paragraph (Shift+Enter).
    p(r("Nơi nhận:"), TAB, r("GIÁM ĐỐC"), BR, r("- Các thí sinh;"), BR, r("- Lưu: VT, TCCB."), BR, BR, TAB,
      r("Hoàng Văn Cường")),
], ids=["tabs", "columns", "signer-first", "table", "line-breaks", "tabs-line-breaks"])
def test_a_signature_typed_as_paragraphs_or_a_table(tail):
    a, _ = word(TABBED + BODY + tail)
    assert a.signature == WANT
    assert texts(a)[-1] == DEADLINE and not any(isinstance(b, Table) for b in a.blocks)


@pytest.mark.parametrize("tail", [
    # A line with no place in the block.
    "".join(p(x) for x in RECIPIENTS) + p("GIÁM ĐỐC", jc="center") + p("(Xem tiếp trang sau)", jc="center")
    + p("Hoàng Văn Cường", jc="center"),
    # Text after it.
    "".join(p(x) for x in RECIPIENTS) + p("GIÁM ĐỐC", jc="center") + p("Hoàng Văn Cường", jc="center")
    + p("Trân trọng cảm ơn các đơn vị đã phối hợp thực hiện."),
    # A link in the table: the block's plain lines would lose it.
    tbl([tc(*(p(x) for x in RECIPIENTS[:2]),
            p('<w:hyperlink r:id="rIdLink"><w:r><w:t>- Website Sở.</w:t></w:r></w:hyperlink>')),
         tc(p("GIÁM ĐỐC"), p("Hoàng Văn Cường"))], borderless=True),
], ids=["stray-line", "text-after", "link"])
def test_left_as_it_is_unless_every_line_has_its_place(tail):
    a, _ = word(TABBED + BODY + tail)
    assert a.signature is None
    words = " ".join(texts(a)) + " ".join(text_of(b.text) for t in a.blocks if isinstance(t, Table)
                                          for row_ in t.rows for c in row_ for b in c.blocks
                                          if isinstance(b, Paragraph))
    assert "Hoàng Văn Cường" in words and "Các thí sinh" in words


def test_an_urgency_mark_under_the_number_is_kept_in_bold():
    header = tbl([tc(p("SỞ Y TẾ"), p("Số: 125/SYT-NVY"), p(r("HỎA TỐC", b=True))),
                  tc(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc"),
                     p("Bình Dương, ngày 12 tháng 3 năm 2024"))], borderless=True)
    a, warnings = word(header + p("Kính gửi: Ủy ban nhân dân các huyện.", jc="center")
                       + p("Sở Y tế đề nghị các địa phương tăng cường phòng chống dịch."))
    # A công văn with no subject is called by its number; "Kính gửi" is never its
    # title, and under the mark it is no lede (written above the text) either.
    assert (a.title, a.lede, a.number) == ("Công văn số 125/SYT-NVY", None, "125/SYT-NVY")
    assert "title made from the number: the công văn states no subject (V/v)" in warnings
    first = a.blocks[0]
    assert isinstance(first, Paragraph) and [(s.text, s.strong) for s in first.text] == [("HỎA TỐC", True)]
    assert texts(a)[1:] == ["Kính gửi: Ủy ban nhân dân các huyện.",
                            "Sở Y tế đề nghị các địa phương tăng cường phòng chống dịch."]


@pytest.mark.parametrize("subject", ["", "V/v phòng chống dịch sốt xuất huyết"])
def test_a_mark_typed_under_the_header_table_is_no_title(subject):
    """"HỎA TỐC" typed as a centred paragraph under the header table was taken
    for the title."""
    header = tbl([tc(p("SỞ Y TẾ"), p("Số: 125/SYT-NVY"), *([p(subject)] if subject else [])),
                  tc(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc"),
                     p("Bình Dương, ngày 12 tháng 3 năm 2024"))], borderless=True)
    a, _ = word(header + p(r("HỎA TỐC", b=True), jc="center") + p("Kính gửi: Ủy ban nhân dân các huyện.", jc="center")
                + p("Sở Y tế đề nghị các địa phương tăng cường phòng chống dịch."))
    assert (a.title, a.lede) == (subject or "Công văn số 125/SYT-NVY", None)
    assert texts(a) == ["HỎA TỐC", "Kính gửi: Ủy ban nhân dân các huyện.",
                        "Sở Y tế đề nghị các địa phương tăng cường phòng chống dịch."]


def test_a_drafts_blank_date_keeps_its_place():
    header = tbl([tc(p("BỘ Y TẾ"), p("Số:      /BYT-KCB"), p("V/v phòng chống dịch")),
                  tc(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc"),
                     p("Hà Nội, ngày      tháng 8 năm 2025"))], borderless=True)
    a, _ = word(header + p("Bộ Y tế đề nghị các đơn vị tăng cường phòng chống dịch."))
    assert (a.place, a.date, a.title) == ("Hà Nội", "2025-08", "V/v phòng chống dịch")  # the month it states


def test_every_format_prints_the_tabbed_document_whole(tmp_path):
    src = tmp_path / "thong-bao.docx"
    src.write_bytes(docx(TABBED + BODY + row("Nơi nhận:", "GIÁM ĐỐC") + p("- Các thí sinh;") + p("- Lưu: VT, TCCB.")
                         + p("Hoàng Văn Cường", jc="right")))
    out = tmp_path / "out"
    res = bantin("export", "-f", "all", "--style", "nd30", "-o", str(out), str(src))
    assert res.returncode == 0, res.stderr.decode()
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"thong-bao.{fmt}").replace("\u00a0", " ")
        text = text.removeprefix("THÔNG BÁO") if fmt == "epub" else text  # pandoc's title block
        for part in ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 45/TB-SGDĐT", "THÔNG BÁO", "Kết quả tuyển dụng", DEADLINE,
                     "Nơi nhận:", "Các thí sinh", "GIÁM ĐỐC", "Hoàng Văn Cường"):
            assert text.count(part) == 1, (fmt, part, text)
        assert text.index("Số: 45/TB-SGDĐT") < text.index(DEADLINE) < text.index("Hoàng Văn Cường"), fmt


@pytest.mark.parametrize(("line", "want"), [
    ("Hà Nội, ngày 05 tháng 8 năm 2025", ("Hà Nội", "2025-08-05")),
    ("TP. Hồ Chí Minh, ngày 1 tháng 2 năm 2024", ("TP. Hồ Chí Minh", "2024-02-01")),
    ("Bà Rịa - Vũng Tàu, ngày 3 tháng 4 năm 2025", ("Bà Rịa - Vũng Tàu", "2025-04-03")),
    ("Thứ hai, ngày 5 tháng 8 năm 2025", ("Thứ hai", "2025-08-05")),  # a Date paragraph's weekday
    ("ngày 3 tháng 4 năm 2025", (None, "2025-04-03")),
    ("Hà Nội, ngày      tháng 8 năm 2025", ("Hà Nội", "2025-08")),  # a draft: the month it states
    ("…, ngày … tháng … năm …", (None, None)),  # a blank form
    ("Hà Nội, ngày.....tháng.....năm 2025", ("Hà Nội", "2025")),  # a draft's dots run into the words
    ("Kiến Hưng, tháng 8 năm 2025", ("Kiến Hưng", "2025-08")),  # a draft that names its month alone
    ("Kết quả tháng 8 năm 2025", None),  # a heading, its first words no place
    ("Trong năm 2025", None),  # with no day, only a comma tells a place from a sentence's start
    ("Hà Nội, năm 2025", ("Hà Nội", "2025")),
    ("Hà Nội, ngày 05/8/2025", ("Hà Nội", "2025-08-05")),  # the day in figures
    ("Hà Nội, ngày 31 tháng 02 năm 2025", ("Hà Nội", None)),  # no such day
    (DEADLINE, None),  # a sentence's deadline
    ("Hạn chót nộp hồ sơ là ngày 3 tháng 4 năm 2025", None),
    ("Hồ sơ nộp trước ngày 30/9/2025", None),
    ("Quận 1, ngày 05 tháng 8 năm 2025", ("Quận 1", "2025-08-05")),  # a district by its number
    ("thành phố Hồ Chí Minh, ngày 5 tháng 8 năm 2025", ("thành phố Hồ Chí Minh", "2025-08-05")),
    ("Ông sinh tại Hà Nội, ngày 5 tháng 8 năm 1947.", None),  # a sentence, its last words a place
])
def test_place_and_date_lines(line, want):
    assert date_line(line) == want


@pytest.mark.parametrize(("extra", "national"), [
    (["DỰ THẢO"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    (["Mẫu số 01"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    # The national title set over two lines is no extra line.
    ([], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM"]),
])
def test_what_else_the_right_column_holds_is_kept(extra, national):
    """"DỰ THẢO" or a form's number above the national title was dropped: the
    reader kept only the national title, the motto and the date of that column."""
    header = tbl([tc(p("BỘ Y TẾ"), p("Số: 12/BYT-KCB"), p("V/v phòng chống dịch")),
                  tc(*(p(x) for x in [*extra, *national]), p("Độc lập - Tự do - Hạnh phúc"),
                     p("Hà Nội, ngày 5 tháng 8 năm 2025"))], borderless=True)
    a, _ = word(header + p("Bộ Y tế đề nghị các đơn vị tăng cường phòng chống dịch."))
    assert (a.title, a.lede, a.number, a.date) == ("V/v phòng chống dịch", None, "12/BYT-KCB", "2025-08-05")
    assert texts(a) == [*extra, "Bộ Y tế đề nghị các đơn vị tăng cường phòng chống dịch."]


def test_a_draft_mark_typed_above_the_header_table():
    """"DỰ THẢO" typed above the table was the title, and the header a data table."""
    header = tbl([tc(p("BỘ Y TẾ"), p("Số: 12/BYT-KCB"), p("V/v phòng chống dịch")),
                  tc(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc"),
                     p("Hà Nội, ngày 5 tháng 8 năm 2025"))], borderless=True)
    a, _ = word(p(r("DỰ THẢO", b=True), jc="right") + header + p("Bộ Y tế đề nghị các đơn vị phòng chống dịch."))
    assert (a.title, a.issuer, a.number) == ("V/v phòng chống dịch", "BỘ Y TẾ", "12/BYT-KCB")
    # (Bold and short, it is read as a heading, as such a line is in any document.)
    assert [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph | Heading)] == [
        "DỰ THẢO", "Bộ Y tế đề nghị các đơn vị phòng chống dịch."]


def test_a_header_typed_with_a_leading_tab():
    """Clerks indent the header's lines with a tab ("⇥BỘ Y TẾ⇥⇥CỘNG HÒA …", "⇥V/v …"):
    the first tab was taken for an empty left column, and nothing was read."""
    rows = (p("\tBỘ Y TẾ\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + p("\t\t\tĐộc lập - Tự do - Hạnh phúc")
            + p("\tSố: 123/BYT-KCB\t\tQuận 1, ngày 05 tháng 8 năm 2025") + p("\tV/v tăng cường phòng chống dịch"))
    a, _ = word(rows.replace("\t", "</w:t></w:r>" + TAB + "<w:r><w:t xml:space=\"preserve\">")
                + p("Bộ Y tế đề nghị các đơn vị triển khai ngay các biện pháp."))
    assert (a.title, a.issuer, a.number, a.place, a.date) == (
        "V/v tăng cường phòng chống dịch", "BỘ Y TẾ", "123/BYT-KCB", "Quận 1", "2025-08-05")
    assert texts(a) == ["Bộ Y tế đề nghị các đơn vị triển khai ngay các biện pháp."]
