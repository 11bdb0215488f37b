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


def test_a_decision_typed_with_no_formatting(tmp_path: Path) -> None:
    """A quyết định typed in Word with nothing bold or centred: the header table's
    last line is the issuer under its body, "QUYẾT ĐỊNH" under the table is the
    title and the "Về việc …" under it the summary, as a copy of it as text reads."""
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nCỤC BIỂN VÀ HẢI ĐẢO VIỆT NAM"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số: 316/QĐ-BHĐVN"
    t.cell(1, 1).text = "Hà Nội, ngày 09 tháng 4 năm 2026"
    for text in ("QUYẾT ĐỊNH", "Về việc cử công chức đi công tác tại tỉnh Khánh Hòa",
                 "CỤC TRƯỞNG CỤC BIỂN VÀ HẢI ĐẢO VIỆT NAM",
                 "Điều 1. Cử ông Nguyễn Văn Nam, chuyên viên, đi công tác tại tỉnh Khánh Hòa từ ngày 15/4/2026."):
        d.add_paragraph(text)
    path = tmp_path / "qd.docx"
    d.save(str(path))
    a = api.read(path)
    assert (a.title, a.lede, a.issuer, a.number, a.date) == (
        "QUYẾT ĐỊNH", "Về việc cử công chức đi công tác tại tỉnh Khánh Hòa",
        "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG; CỤC BIỂN VÀ HẢI ĐẢO VIỆT NAM", "316/QĐ-BHĐVN", "2026-04-09")
    assert "Điều 1." in text_of(a.blocks[-1].text)  # type: ignore[union-attr]
