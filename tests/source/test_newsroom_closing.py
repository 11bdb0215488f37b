"""The lines that close a newsroom text: a byline with the official "./." on it, a
commentary's signature with its author's institution, and the source an article
was taken from ("Nguồn: TTXVN"), each on an article written for these tests."""

from __future__ import annotations

import time

import pytest

from bantin.model import Heading, Paragraph, text_of
from bantin.source import read

BODY = ("Giải chạy mừng xuân\n\nSáng 5/8, tỉnh tổ chức giải chạy vì sức khỏe cộng đồng.\n\n"
        "Giải chạy thu hút hơn 2.000 vận động viên trên các tuyến phố chính.\n\n"
        "Ban tổ chức trao nhiều giải thưởng cho các vận động viên xuất sắc.\n\n")
LAST = "Ban tổ chức trao nhiều giải thưởng cho các vận động viên xuất sắc."


def art(text: str):
    return read(text.encode("utf-8"))


def texts(a) -> list[str]:
    return [text_of(b.text) for b in a.blocks if isinstance(b, (Paragraph, Heading))]


@pytest.mark.parametrize("line, name", [
    ("Hoài Nam./.", "Hoài Nam"),
    ("Hoài Nam ./.", "Hoài Nam"),
    ("PV./.", "PV"),
    ("Minh Anh - Quốc Tuấn./.", "Minh Anh - Quốc Tuấn"),
])
def test_a_name_with_the_end_mark_is_the_byline(line: str, name: str) -> None:
    """A reporter puts "./." on the name: the name is the byline, the mark the
    body's, after its last paragraph (as when it stands on a line of its own)."""
    a = art(BODY + line + "\n")
    assert a.byline is not None and a.byline.replace("–", "-") == name
    assert texts(a)[-1] == LAST + " ./."


@pytest.mark.parametrize("line", [
    "Ủy ban nhân dân các huyện, thành phố có trách nhiệm tổ chức thực hiện./.",
    "Triển lãm kéo dài đến hết ngày 6/6./.",
    "Bà Rịa, Tỉnh Bà Rịa – Vũng Tàu./.",  # an address cut after "TP."
])
def test_a_sentence_with_the_end_mark_stays_the_last_paragraph(line: str) -> None:
    a = art(BODY + line + "\n")
    assert a.byline is None and texts(a)[-1] == line


def test_a_name_with_the_end_mark_under_an_abbreviation_is_no_byline() -> None:
    """"… tại TP." then "Hồ Chí Minh./.": one sentence the source cut in two."""
    a = art(BODY + "Lễ trao giải diễn ra tại TP.\n\nHồ Chí Minh./.\n")
    assert a.byline is None and texts(a)[-1] == "Hồ Chí Minh./."


@pytest.mark.parametrize("line", [
    "TS Nguyễn Văn A – Học viện Chính trị quốc gia Hồ Chí Minh",
    "PGS.TS Trần Văn Bình - Trường Đại học Kinh tế quốc dân",
    "ThS. Lê Thị Hoa – Viện Xã hội học",
    "Luật sư Phạm Văn Cường - Đoàn Luật sư TP Hà Nội",
])
def test_a_signature_with_the_authors_institution_is_the_byline(line: str) -> None:
    a = art(BODY + line + "\n")
    assert a.byline == line and texts(a)[-1] == LAST


@pytest.mark.parametrize("line", [
    "TS Nguyễn Văn A – Học viện cho biết: sẽ mở thêm ngành mới",
    "PGS.TS Trần Văn Bình - Viện trưởng - trình bày tham luận",
    "Hà Nội – Điểm đến an toàn",
    "TSMC - Công ty bán dẫn",
])
def test_a_line_with_a_dash_that_is_no_signature_stays(line: str) -> None:
    assert art(BODY + line + "\n").byline is None


@pytest.mark.parametrize("credit", ["Nguồn: TTXVN", "(Nguồn: Báo Nhân Dân)", "Nguồn tin: VOV"])
def test_a_source_credit_stays_the_last_line_and_is_no_byline(credit: str) -> None:
    """Where an article came from, as a press office notes under what it took: the
    words stay where they stand, a paragraph (as "Theo TTXVN" does), never the
    byline (the author) and never a heading; a name above it is the byline."""
    a = art(BODY + credit + "\n")
    assert a.byline is None and texts(a)[-1] == credit
    a = art(BODY + "Hoài Nam\n\n" + credit + "\n")
    assert a.byline == "Hoài Nam" and texts(a)[-1] == credit
    assert not any(isinstance(b, Heading) for b in a.blocks)


def test_a_source_credit_in_brackets_is_no_heading() -> None:
    a = art(BODY + "(Nguồn: Tổng cục Thống kê)\n\n" + LAST + "\n")
    assert not any(isinstance(b, Heading) for b in a.blocks)


def test_a_source_credit_closing_a_one_line_body_is_no_byline() -> None:
    body = "Trường tạm dừng nhận trẻ để làm rõ vụ việc. " * 12
    a = art(f"Tạm dừng nhóm trẻ\nNhóm trẻ bị tạm dừng.\n{body}Nguồn: TTXVN\n")
    assert a.byline is None and text_of(a.blocks[-1].text).endswith("Nguồn: TTXVN")


@pytest.mark.parametrize("contact", [
    ["Email: minhanh@plo.vn"],
    ["ĐT: 0912 345 678 - Email: minh.anh@plo.vn"],
    ["Điện thoại: 024.3825.1234", "minhanh@plo.vn"],
])
def test_the_authors_contact_under_the_name_stays_and_the_name_is_the_byline(contact: list[str]) -> None:
    """A contributor's article or a press release closes with the name, then how to
    reach them: the name is the byline (it was a heading, over a paragraph of
    contact), the contact stays the body's end, word for word (a line with no stop
    over one in small letters may join it, as wrapped lines do)."""
    a = art(BODY + "Minh Anh\n\n" + "\n\n".join(contact) + "\n")
    assert a.byline == "Minh Anh"
    assert not any(isinstance(b, Heading) for b in a.blocks)
    tail = texts(a)[texts(a).index(LAST) + 1:]
    assert " ".join(tail) == " ".join(contact)


def test_a_contact_line_alone_is_no_byline_and_keeps_the_sentence_above() -> None:
    a = art(BODY + "Mọi thông tin xin liên hệ:\n\nEmail: bantochuc@giaichay.vn\n")
    assert a.byline is None and texts(a)[-2:] == ["Mọi thông tin xin liên hệ:", "Email: bantochuc@giaichay.vn"]


@pytest.mark.parametrize("line", ["Bài và ảnh: Phạm Hoài", "Bài: Minh Anh - Quốc Tuấn", "Tin, ảnh: Văn Long"])
def test_a_signature_under_the_headline_is_the_byline_not_the_sapo(line: str) -> None:
    """A feature signs under its headline, over the sapo: that line is the byline,
    and the sentence under it the sapo; a picture's credit there ("Ảnh: …") and a
    name alone are no byline."""
    sapo = "Sáng 5/8, tỉnh tổ chức giải chạy vì sức khỏe cộng đồng."
    a = art(f"Giải chạy mừng xuân\n{line}\n{sapo}\nGiải chạy thu hút hơn 2.000 vận động viên.\n")
    assert a.byline is not None and a.byline.replace("–", "-") == line
    assert a.lede == sapo and texts(a) == ["Giải chạy thu hút hơn 2.000 vận động viên."]
    for kept in ("Ảnh: Văn Long", "Phạm Hoài"):
        b = art(f"Giải chạy mừng xuân\n{kept}\n{sapo}\nGiải chạy thu hút hơn 2.000 vận động viên.\n")
        assert b.byline is None or b.byline != kept


def test_a_closing_line_of_many_numbers_is_read_at_once() -> None:
    """Ten phone numbers and a word under the name: one pattern for a run of them
    backtracked for a minute; each number is found alone now."""
    start = time.process_time()
    a = art(BODY + "Minh Anh\n\n" + "0912345678 " * 10 + "x\n")
    assert time.process_time() - start < 2.0
    assert a.byline is None and texts(a)[-1].endswith(" x")
