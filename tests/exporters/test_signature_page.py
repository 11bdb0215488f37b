"""The signature block never stands alone on a page: the text's last paragraph goes
over with it, in the PDF and in the DOCX (``w:keepNext``, which LibreOffice and
Word honour). A clerk sends back a page with a signature and no text on it
(helper-55: a công văn of ten points put "Nơi nhận" and the signer alone on page 2)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import require, soffice_pdf

import bantin as api

HEAD = ("UBND TỈNH QUẢNG TRỊ\nSỞ Y TẾ\nSố: 412/SYT-NVY\nV/v tăng cường phòng chống sốt xuất huyết\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Trị, ngày 14 tháng 9 năm 2026\n\n"
        "Kính gửi: Các đơn vị trực thuộc Sở\n\n"
        "Thực hiện chỉ đạo của Bộ Y tế, Sở Y tế đề nghị các đơn vị triển khai ngay các nội dung sau:\n\n")
POINT = ("{n}. Nội dung số {n}: các đơn vị rà soát danh sách hộ gia đình có người mắc bệnh, lập sổ theo dõi "
         "và báo cáo kết quả về Sở Y tế trước ngày 25/9/2026 để tổng hợp.\n\n")
LAST = "Đề nghị Thủ trưởng các đơn vị nghiêm túc triển khai thực hiện./."
TAIL = f"{LAST}\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, NVY.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nLê Thị Minh Hằng\n"


def _letter(points: int) -> str:
    return HEAD + "".join(POINT.format(n=n) for n in range(1, points + 1)) + TAIL


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run([require("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [" ".join(p.split()) for p in text.split("\f") if p.strip()]


def _signed_page(pages: list[str]) -> str:
    return next(p for p in pages if "Lê Thị Minh Hằng" in p)


@pytest.mark.parametrize("points", range(6, 16))
def test_pdf_keeps_the_last_paragraph_with_the_block(tmp_path, points):
    """However long the letter, the page with the signer holds the text's last
    words; where the block fits under them, nothing moves."""
    a = api.read(_letter(points).encode("utf-8"))
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(api.export(a, "pdf", style="nd30"))
    pages = _pages(pdf)
    signed = _signed_page(pages)
    assert "Nơi nhận:" in signed and "triển khai thực hiện./." in signed, (points, signed[:200])
    # The paragraph is whole on that page, and appears once.
    assert sum(p.count("nghiêm túc triển khai") for p in pages) == 1


def test_docx_keeps_the_last_paragraph_with_the_block(tmp_path):
    a = api.read(_letter(10).encode("utf-8"))
    docx = tmp_path / "cv.docx"
    docx.write_bytes(api.export(a, "docx", style="nd30"))
    with zipfile.ZipFile(docx) as z:
        body = z.read("word/document.xml").decode()
    last = body.rfind(LAST)
    start = body.rfind("<w:p>", 0, last) if body.rfind("<w:p>", 0, last) > body.rfind("<w:p ", 0, last) \
        else body.rfind("<w:p ", 0, last)
    assert "<w:keepNext/>" in body[start:last], "the last paragraph keeps with the block"
    # Laid out by LibreOffice, the page with the signer holds the last paragraph too.
    signed = _signed_page(_pages(soffice_pdf(docx, tmp_path / "lo")))
    assert "triển khai thực hiện./." in signed and "Nơi nhận:" in signed
