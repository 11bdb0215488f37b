"""A contract typed in Word: its parties' bold "BÊN A (…): …" lines over
"Địa chỉ: …" are the form's fields, kept bold as paragraphs; a bold "Điều 1. …"
line between paragraphs is still a heading."""

from __future__ import annotations

from pathlib import Path

import docx

import bantin as api
from bantin.model import Heading, Paragraph, text_of


def test_a_contracts_bold_parties_are_paragraphs(tmp_path: Path) -> None:
    d = docx.Document()
    for text, bold in (("Hôm nay, ngày 02 tháng 6 năm 2025, tại Hà Nội, chúng tôi gồm:", False),
                       ("BÊN A (BÊN CHO THUÊ): Ông Lê Văn Tâm", True),
                       ("Địa chỉ: 12 phố Quán Thánh, phường Ba Đình, Hà Nội", False),
                       ("BÊN B (BÊN THUÊ): Công ty TNHH An Khang", True),
                       ("Đại diện: Bà Phạm Thu Hà, chức vụ Giám đốc", False),
                       ("Hai bên thống nhất ký hợp đồng với các điều khoản dưới đây.", False),
                       ("Điều 1. Giá thuê", True),
                       ("Giá thuê mỗi tháng là 15 triệu đồng, trả vào đầu tháng.", False)):
        d.add_paragraph().add_run(text).bold = bold
    path = tmp_path / "hop-dong.docx"
    d.save(str(path))
    blocks = api.read(path).blocks
    assert [text_of(b.text) for b in blocks if isinstance(b, Heading)] == ["Điều 1. Giá thuê"]
    party = next(b for b in blocks if isinstance(b, Paragraph) and text_of(b.text).startswith("BÊN B"))
    assert all(s.strong for s in party.text)  # as the clerk set it
