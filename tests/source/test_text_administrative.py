"""An administrative text copied out of Word: the header that opens it and the
signature block that closes it.

The header's lines (issuer, number, "V/v …", national title and motto, place and
date) became the title, the sapo and headings; "Nơi nhận:" and its items, the
signer's office and name became a paragraph, a list, a heading and a byline."""

from __future__ import annotations

import pytest
from helpers import bantin, read_back

import bantin as api
from bantin.model import Signature
from bantin.source import newsroom
from bantin.source.rules import admin_header, signature

HEAD = ["V/v tăng cường phòng, chống dịch", "Kính gửi: Ủy ban nhân dân các phường.",
        "Trung tâm Y tế đề nghị các phường tổ chức chiến dịch diệt bọ gậy."]
RECIPIENTS = ["Nơi nhận:", "- Như trên;", "- Lưu: VT, KSBT."]
SIGNER = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hoa"]
WANT = Signature(name="Nguyễn Thị Hoa", title=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
                 recipients=("Như trên", "Lưu: VT, KSBT"))


@pytest.mark.parametrize("tail", [RECIPIENTS + SIGNER, SIGNER + RECIPIENTS], ids=["recipients-first", "signer-first"])
def test_both_orders(tail):
    a = newsroom.read("\n".join(HEAD + tail))
    assert a.signature == WANT
    assert a.byline is None
    assert [b.text[0].text for b in a.blocks] == [HEAD[2]]  # type: ignore[union-attr]


@pytest.mark.parametrize("tail", [
    RECIPIENTS + ["KT. GIÁM ĐỐC", "(Xem tiếp trang sau)", "Nguyễn Thị Hoa"],  # a line with no place in the block
    RECIPIENTS + SIGNER + ["Trân trọng cảm ơn các đơn vị đã phối hợp thực hiện."],  # text after it
    ["Nơi nhận:", "Như trên;"] + SIGNER,  # items without their dashes
    RECIPIENTS,  # no signer
])
def test_left_as_text_unless_every_line_has_its_place(tail):
    lines = HEAD[2:] + tail
    assert signature.split(lines) == (lines, None)


def test_every_format_prints_it_as_the_signature_block(tmp_path):
    src = tmp_path / "cong-van.txt"
    src.write_text("\n".join(HEAD + RECIPIENTS + SIGNER) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"cong-van.{fmt}")
        # Every word, once; the recipients' and the signer's columns each in order.
        for part in (*RECIPIENTS, *SIGNER, HEAD[2]):
            assert text.count(part) == 1, (fmt, part, text)
        for run in (RECIPIENTS, SIGNER):
            assert [text.index(p) for p in run] == sorted(text.index(p) for p in run), fmt
        assert text.index(HEAD[2]) < text.index("Nơi nhận:"), fmt


TOP = ["UBND QUẬN HOÀNG MAI", "TRUNG TÂM Y TẾ", "Số: 245/TTYT-KSBT", "V/v tăng cường phòng,",
       "chống dịch sốt xuất huyết", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
       "Hoàng Mai, ngày 12 tháng 9 năm 2025"]


def test_header_copied_column_by_column():
    a = newsroom.read("\n".join(TOP + HEAD[1:] + RECIPIENTS + SIGNER))
    got = (a.title, a.lede, a.issuer, a.number, a.place, a.date)
    assert got == ("V/v tăng cường phòng, chống dịch sốt xuất huyết", HEAD[1], "UBND QUẬN HOÀNG MAI; TRUNG TÂM Y TẾ",
                   "245/TTYT-KSBT", "Hoàng Mai", "2025-09-12")
    assert a.signature == WANT


def test_header_copied_row_by_row_keeps_the_document_type():
    """Cells copied onto one line, parted by tabs; the decision's own title and
    summary under the header stay its title and sapo."""
    rows = ["ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG KIẾN HƯNG\tĐộc lập - Tự do - Hạnh phúc",
            "Số: 20/QĐ-UBND\tHà Nội, ngày 01 tháng 10 năm 2025", "QUYẾT ĐỊNH",
            "Về việc thành lập Tổ công tác chuyển đổi số", "Điều 1. Thành lập Tổ công tác."]
    a = newsroom.read("\n".join(rows))
    got = (a.title, a.lede, a.issuer, a.number, a.place, a.date)
    # "ỦY BAN NHÂN DÂN" over "PHƯỜNG KIẾN HƯNG" is one name, the ward's committee, set
    # bold on both lines: the place goes on with the line above, it names no body under it.
    assert got == ("QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác chuyển đổi số", "ỦY BAN NHÂN DÂN PHƯỜNG KIẾN HƯNG",
                   "20/QĐ-UBND", "Hà Nội", "2025-10-01")


@pytest.mark.parametrize("lines", [
    # A headline that names the country, over a dated line: news, not a header.
    ["Kỷ niệm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Hà Nội, ngày 2 tháng 9 năm 2025",
     "Sáng nay, lễ kỷ niệm đã diễn ra trọng thể."],
    # The national title and motto with no number nor place-and-date line.
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐƠN ĐỀ NGHỊ", "Kính gửi: Ủy ban."],
    # A line that holds a header's cell and text.
    ["UBND PHƯỜNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1/TB\tvà một câu văn bình thường ở đây",
     "Hà Nội, ngày 01 tháng 10 năm 2025"],
])
def test_no_header(lines):
    assert admin_header.split(lines) == (None, lines)


def test_header_in_every_format(tmp_path):
    src = tmp_path / "cong-van.txt"
    src.write_text("\n".join(TOP + HEAD[1:] + RECIPIENTS + SIGNER) + "\n", encoding="utf-8")
    for style in ("default", "nd30"):
        out = tmp_path / style
        r = bantin("export", "-f", "all", "--style", style, "-o", str(out), str(src))
        assert r.returncode == 0, r.stderr.decode()
        for fmt in ("txt", "epub", "docx", "pdf"):
            text = read_back(out / f"cong-van.{fmt}")
            # (pandoc reads nd30's header table line by line across its two columns.)
            for part in ("TRUNG TÂM Y TẾ", "Số: 245/TTYT-KSBT", "tăng cường phòng,", "chống dịch sốt xuất huyết",
                         "Hoàng Mai, ngày 12", HEAD[1], HEAD[2]):
                assert part in text, (style, fmt, part)


URGENT = ["SỞ Y TẾ", "Số: 125/SYT-NVY", "HỎA TỐC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Bình Dương, ngày 12 tháng 3 năm 2024", "Kính gửi: Ủy ban nhân dân các huyện, thành phố",
          "Sở Y tế đề nghị các địa phương tăng cường phòng chống dịch ngay trong tuần."]


def test_an_urgency_mark_and_no_subject():
    """"HỎA TỐC" under the number is kept, in bold, as the text's first line, and
    "Kính gửi" under it (no lede: a lede is written above the text); a công văn
    without a subject is called by its number."""
    a = newsroom.read("\n".join(URGENT))
    assert (a.title, a.lede, a.number) == ("Công văn số 125/SYT-NVY", None, "125/SYT-NVY")
    assert [[(s.text, s.strong) for s in b.text] for b in a.blocks] == [  # type: ignore[union-attr]
        [("HỎA TỐC", True)], [(URGENT[6], False)], [(URGENT[7], False)]]


ROWS = ["UBND TỈNH QUẢNG NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 1234/SYT-NVY\tQuảng Nam, ngày 12 tháng 9 năm 2025"]
SUBJECT = "V/v tăng cường phòng chống dịch sốt xuất huyết"


@pytest.mark.parametrize("mark", ["HỎA TỐC", "THƯỢNG KHẨN", "MẬT"])
@pytest.mark.parametrize("mark_first", [False, True])
def test_a_mark_above_or_below_the_subject(mark, mark_first):
    """A header copied row by row: the mark under the subject, or between the
    number and the subject, is the header's; it was the lede (under the subject)
    or the title (above it), and "Kính gửi" a paragraph under it."""
    front = [mark, SUBJECT] if mark_first else [SUBJECT, mark]
    a = newsroom.read("\n".join([*ROWS, *front, URGENT[6], URGENT[7]]))
    assert (a.title, a.lede, a.number, a.place) == (SUBJECT, None, "1234/SYT-NVY", "Quảng Nam")
    assert [[(s.text, s.strong) for s in b.text] for b in a.blocks] == [  # type: ignore[union-attr]
        [(mark, True)], [(URGENT[6], False)], [(URGENT[7], False)]]


def test_a_capitals_line_that_is_no_mark_ends_the_header():
    """Only the decree's marks: "KHẨN CẤP" under the subject is the text's."""
    a = newsroom.read("\n".join([*ROWS, SUBJECT, "KHẨN CẤP", URGENT[7]]))
    assert a.title == SUBJECT and "KHẨN CẤP" in (a.lede or "")


def test_a_slogan_in_capitals_is_no_office_of_the_signer():
    slogan = "HÃY CHIA SẺ GIỌT MÁU ĐÀO, TRAO ĐI SỰ SỐNG!"
    a = newsroom.read("\n".join(HEAD + [slogan] + SIGNER + RECIPIENTS))
    assert a.signature == WANT
    assert slogan in [b.text[0].text for b in a.blocks]  # type: ignore[union-attr]


@pytest.mark.parametrize("gap", ["\t", "     "])
def test_a_drafts_blank_number_and_day_are_no_gaps_between_cells(gap):
    """"Số:      /BYT-KCB" and "ngày      tháng 8" leave room to write in by hand:
    the wide blanks were taken for gaps between cells, and the whole header stayed
    text, its first line the title."""
    head = [f"BỘ Y TẾ{gap}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f"{gap}Độc lập - Tự do - Hạnh phúc",
            f"Số:      /BYT-KCB{gap}Hà Nội, ngày      tháng 8 năm 2025", SUBJECT]
    a = newsroom.read("\n".join([*head, URGENT[6], URGENT[7]]))
    assert (a.title, a.issuer, a.number, a.place, a.date) == (SUBJECT, "BỘ Y TẾ", "/BYT-KCB", "Hà Nội", "2025-08")


@pytest.mark.parametrize(("line", "date"), [
    ("Hà Nội, ngày …/…/2025", "2025"),
    ("Hà Nội, ngày ..../..../2025", "2025"),
    ("Hà Nội, ngày      /8/2025", "2025-08"),
    ("Hà Nội, ngày …/ 8 /2025", "2025-08"),
])
def test_a_drafts_day_left_blank_in_figures(line, date):
    """"ngày …/…/2025": the draft's day (and month) to be written in by hand. The line
    was no date line, so the header stayed text and its first row became the title."""
    head = ["BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\tĐộc lập - Tự do - Hạnh phúc",
            f"Số: …/BYT-KCB\t{line}", SUBJECT]
    a = newsroom.read("\n".join([*head, URGENT[6], URGENT[7]]))
    assert (a.title, a.issuer, a.number, a.place, a.date) == (SUBJECT, "BỘ Y TẾ", "…/BYT-KCB", "Hà Nội", date)


def test_a_draft_mark_above_the_header():
    rows = ["DỰ THẢO", *ROWS, SUBJECT, URGENT[7]]
    a = newsroom.read("\n".join(rows))
    assert (a.title, a.lede, a.issuer) == (SUBJECT, None, "UBND TỈNH QUẢNG NAM; SỞ Y TẾ")
    assert [[(s.text, s.strong) for s in b.text] for b in a.blocks] == [  # type: ignore[union-attr]
        [("DỰ THẢO", True)], [(URGENT[7], False)]]


def test_a_draft_mark_at_the_right_and_the_subject_under_the_motto():
    """Copied row by row, "DỰ THẢO" at the right of the issuer was taken for a
    second issuer, and a "V/v …" on the row after the motto's (its date beside it)
    was the title with the date joined to it."""
    rows = ["BỘ Y TẾ\tDỰ THẢO", "\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/BYT-KCB\tĐộc lập - Tự do - Hạnh phúc",
            "V/v phòng chống dịch\tHà Nội, ngày 5 tháng 8 năm 2025", URGENT[7]]
    a = newsroom.read("\n".join(rows))
    assert (a.title, a.lede, a.issuer, a.number, a.date) == ("V/v phòng chống dịch", None, "BỘ Y TẾ", "12/BYT-KCB",
                                                             "2025-08-05")
    assert [[(s.text, s.strong) for s in b.text] for b in a.blocks] == [  # type: ignore[union-attr]
        [("DỰ THẢO", True)], [(URGENT[7], False)]]


def test_a_district_by_its_number_and_a_national_title_over_two_lines():
    """"Quận 1, ngày …" was no place-and-date line (a place had no digit), and the
    national title set over two lines ("… CHỦ NGHĨA" / "VIỆT NAM") was read into the
    issuer."""
    rows = ["UBND QUẬN 1\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA", "\tVIỆT NAM", "\tĐộc lập - Tự do - Hạnh phúc",
            "Số: 45/PYT\tQuận 1, ngày 05 tháng 8 năm 2025", "V/v kiểm tra an toàn thực phẩm", URGENT[7]]
    a = newsroom.read("\n".join(rows))
    assert (a.title, a.issuer, a.number, a.place, a.date) == (
        "V/v kiểm tra an toàn thực phẩm", "UBND QUẬN 1", "45/PYT", "Quận 1", "2025-08-05")


def test_an_office_with_a_comma_signs():
    """"GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" is an office: the comma kept the
    signature from being read (a slogan speaks with "!" or "?")."""
    office = "GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    a = newsroom.read("\n".join(HEAD + RECIPIENTS + [office, "Trần Văn Bình"]))
    assert a.signature is not None and a.signature.title == (office,) and a.signature.name == "Trần Văn Bình"


@pytest.mark.parametrize("indent", ["\t", ""])
def test_a_signature_copied_side_by_side(indent):
    """A Word table copied as text puts the two columns on one line ("Nơi nhận:⇥KT.
    GIÁM ĐỐC"): the office was a heading, the recipients a list mixed with the
    offices, and the name the byline. The signer's last line has lost its tabs when
    the line's indent was stripped."""
    tail = ["Nơi nhận:\tKT. GIÁM ĐỐC", "- Như trên;\tPHÓ GIÁM ĐỐC", "- Lưu: VT, KSBT.", f"{indent}Nguyễn Thị Hoa"]
    a = newsroom.read("\n".join(HEAD + tail))
    assert a.signature == WANT
    # A tabbed line that is no part of a block stays text.
    b = newsroom.read("\n".join(HEAD + ["Nơi nhận:\tKT. GIÁM ĐỐC", "Một câu văn của nội dung công văn."]))
    assert b.signature is None


def test_a_signers_name_in_capitals():
    """Some offices set the name in capitals: it opens on a family name, which no
    office does ("VĂN PHÒNG" is no name)."""
    a = newsroom.read("\n".join(HEAD + RECIPIENTS + ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "NGUYỄN THỊ HOA"]))
    assert a.signature == Signature(name="NGUYỄN THỊ HOA", title=WANT.title, recipients=WANT.recipients)
    b = newsroom.read("\n".join(HEAD + RECIPIENTS + ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]))
    assert b.signature is None


@pytest.mark.parametrize(("line", "date", "printed", "masthead"), [
    ("Hà Nội, ngày      tháng 8 năm 2025", "2025-08", ("tháng 8 năm 2025",), "Hà Nội, tháng 8 năm 2025"),
    ("Hà Nội, ngày      tháng      năm 2025", "2025", ("tháng", "năm 2025"), "Hà Nội, năm 2025"),
])
def test_a_drafts_month_and_year_reach_every_format(tmp_path, line, date, printed, masthead):
    """A draft dated only by its month or year ("ngày ⎵ tháng 8 năm 2025") keeps what it
    states (ISO 8601's reduced precision, "2025-08"); nd30 prints the day blank and
    the month and year as the draft has them, the JSON keeps the month, and a
    masthead says "tháng 8 năm 2025". Before, the month and year were lost."""
    rows = ["DỰ THẢO", "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\tĐộc lập - Tự do - Hạnh phúc",
            f"Số:      /BYT-KCB\t{line}", SUBJECT, URGENT[7]]
    src = tmp_path / "du-thao.txt"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert newsroom.read("\n".join(rows)).date == date
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "--style", "nd30", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"du-thao.{fmt}")
        shown = " ".join(text[text.index("Hà Nội, ngày"):][:60].split())
        assert shown.startswith("Hà Nội, ngày " + " ".join(printed)), (fmt, shown)
    r = bantin("inspect", str(src))
    assert f'"date": "{date}"' in r.stdout.decode()
    r = bantin("export", "-f", "txt,docx", "-o", str(tmp_path / "plain"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    assert masthead in (tmp_path / "plain" / "du-thao.txt").read_text(encoding="utf-8")
    # bantin's own DOCX reads the month back from its masthead (helper-56), and nd30's from its header.
    for docx in (tmp_path / "plain" / "du-thao.docx", out / "du-thao.docx"):
        back = api.read(docx)
        assert (back.date, back.place) == (date, "Hà Nội"), docx  # type: ignore[union-attr]


# A ministry's or a province's press release or notice with its header but without
# the national title and motto (helper-160: "BỘ Y TẾ" was the title, "Số: …" the sapo).
RELEASE_BODY = ["Về tình hình dịch sốt xuất huyết", "Cả nước ghi nhận hơn 80.000 ca mắc trong năm nay.",
                "Người dân khi sốt cao cần đến cơ sở y tế."]
RELEASE = ("THÔNG CÁO BÁO CHÍ", "Về tình hình dịch sốt xuất huyết", "BỘ Y TẾ", "45/TCBC-BYT", "Hà Nội", "2025-11-10")


@pytest.mark.parametrize(("head", "want"), [
    (["BỘ Y TẾ", "Số: 45/TCBC-BYT", "Hà Nội, ngày 10 tháng 11 năm 2025"], RELEASE),
    # The two columns copied in another order, or a row's cells on one line.
    (["Hà Nội, ngày 10 tháng 11 năm 2025", "BỘ Y TẾ", "Số: 45/TCBC-BYT"], RELEASE),
    (["BỘ Y TẾ", "Hà Nội, ngày 10 tháng 11 năm 2025", "Số: 45/TCBC-BYT"], RELEASE),
    (["BỘ Y TẾ\tHà Nội, ngày 10 tháng 11 năm 2025", "Số: 45/TCBC-BYT"], RELEASE),
    # No number: the place and date over the kind.
    (["BỘ Y TẾ", "Hà Nội, ngày 10 tháng 11 năm 2025"], RELEASE[:3] + (None,) + RELEASE[4:]),
    # An issuer of two lines, under the body it answers to.
    (["UBND TỈNH QUẢNG NAM", "SỞ Y TẾ", "Số: 12/TCBC-SYT", "Tam Kỳ, ngày 3 tháng 11 năm 2025"],
     RELEASE[:2] + ("UBND TỈNH QUẢNG NAM; SỞ Y TẾ", "12/TCBC-SYT", "Tam Kỳ", "2025-11-03")),
])
def test_a_header_without_the_national_title(head, want):
    heard: list[str] = []
    a = newsroom.read("\n".join([*head, "THÔNG CÁO BÁO CHÍ", *RELEASE_BODY]), warn=heard.append)
    assert (a.title, a.lede, a.issuer, a.number, a.place, a.date) == want
    assert [b.text[0].text for b in a.blocks] == RELEASE_BODY[1:]  # type: ignore[union-attr]
    assert heard == ["issuer, number, place, date read from the administrative header"]


@pytest.mark.parametrize("lines", [
    # A headline in capitals over its sapo, or over a place and date and its sapo.
    ["GIÁ VÀNG TĂNG MẠNH PHIÊN ĐẦU TUẦN", "Sáng nay, giá vàng miếng tăng 500.000 đồng mỗi lượng."],
    ["HÀ NỘI RỰC RỠ CỜ HOA", "Hà Nội, ngày 2 tháng 9 năm 2025", "Sáng nay, phố phường rực rỡ cờ hoa."],
    # A sapo that opens with "Số …" is no clerk's number.
    ["HẠN MẶN Ở MIỀN TÂY", "Số 1/3 hộ dân thiếu nước ngọt", "Hà Nội, ngày 2 tháng 9 năm 2025"],
    # The kind above the number: no issuer.
    ["THÔNG CÁO BÁO CHÍ", "Số: 12/TCBC-UBND", "Hà Nội, ngày 10 tháng 11 năm 2025", "Về tình hình dịch"],
])
def test_no_header_without_the_national_title(lines):
    assert admin_header.split(lines) == (None, lines)
