"""The EPUB on a phone, laid out by a real engine: WeasyPrint, which matches fonts
through fontconfig as some reading systems do, at a 360 px screen.

Every glyph must come from the book's own fonts (the code was set in DejaVu: the
embedded face was named "mono", which fontconfig takes for the system's
monospace), and no word may run off the screen (a long address, a line of code)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from helpers import bantin, pdffonts, run

PHONE = "@page { size: 360px 640px; margin: 0 }"
SCREEN_PT = 360 * 0.75  # WeasyPrint's CSS pixel is 0.75 pt

HARD = """---
title: Kiểm tra hiển thị trên điện thoại với địa chỉ rất dài
---

Đường dẫn https://example.gov.vn/tin-tuc/chuyen-doi-so/ke-hoach-trien-khai-nam-2025-va-dinh-huong-2030.html
cần xuống dòng, thư vanphong.ubnd.phuong.kienhung.quan.hadong@hanoi.gov.vn cũng vậy.

Chữ Hán 北京 và ngôi sao ★ trong câu, `ma_nguon_ngan` trong dòng.

Thẻ #ChuyenDoiSoQuocGiaNam2025VaDinhHuongDen2030ChoMoiNguoiDanMoiDoanhNghiepMoiCoQuan dài hơn một dòng.

```
dong_ma_rat_dai = tinh_toan(tham_so_thu_nhat, tham_so_thu_hai, tham_so_thu_ba, tham_so_thu_tu)
```

| Ngày | Người tiếp | Địa điểm |
|---|---|---|
| Thứ Hai, 7/4 | Trưởng phòng Tài nguyên và Môi trường | Phòng họp số 2 |

* * *

Đoạn cuối cùng.
"""

DECISION = ("QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác chuyển đổi số\nCHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG KIẾN HƯNG\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác.\n")


def _phone_pdfs(epub: Path, tmp: Path) -> tuple[list[Path], set[str]]:
    """Each page of the book laid out on the phone, and the families its CSS embeds."""
    book = tmp / "book"
    with zipfile.ZipFile(epub) as z:
        z.extractall(book)
    return _phone_pdfs_of(book, tmp)


def _phone_pdfs_of(book: Path, tmp: Path) -> tuple[list[Path], set[str]]:
    import weasyprint

    css = (book / "EPUB" / "style.css").read_text(encoding="utf-8")
    families = set(re.findall(r'@font-face \{ font-family: "([^"]+)"', css))
    out = []
    for page in sorted(book.glob("EPUB/*.xhtml")):
        pdf = tmp / f"{page.stem}.pdf"
        weasyprint.HTML(filename=str(page), encoding="utf-8").write_pdf(
            pdf, stylesheets=[weasyprint.CSS(string=PHONE)])
        out.append(pdf)
    return out, families


@pytest.mark.parametrize(("name", "text", "style"), [
    ("dien-thoai.md", HARD, "default"),
    ("quyet-dinh.txt", DECISION, "nd30"),
])
def test_every_glyph_from_the_book_and_nothing_off_screen(tmp_path, name, text, style):
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    r = bantin("export", "-f", "epub", "--style", style, "-M", "issuer=UBND phường Kiến Hưng",
               "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    pdfs, families = _phone_pdfs(tmp_path / "out" / f"{src.stem}.epub", tmp_path)
    assert pdfs and families
    for pdf in pdfs:
        # "ABCDEF+bantin-body-Bold": a subset of one of the book's own families, nothing of the system's.
        fonts = [f["name"].partition("+")[2] for f in pdffonts(pdf)]
        assert fonts and all(any(f == n or f.startswith(n + "-") for n in families) for f in fonts), \
            (pdf.name, fonts, families)
        boxes = run(["pdftotext", "-bbox", str(pdf), "-"]).stdout
        right = [(w, float(x)) for x, w in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', boxes)]
        assert right and all(x <= SCREEN_PT + 0.5 for _, x in right), [b for b in right if b[1] > SCREEN_PT]
    if style == "default":  # the code, the fallbacks' glyphs and the address are there, in their faces
        text_of_book = " ".join(run(["pdftotext", str(p), "-"]).stdout for p in pdfs)
        for part in ("dong_ma_rat_dai", "北京", "★", "hanoi.gov.vn"):
            assert part in text_of_book.replace("\n", ""), part


def test_a_wide_table_stands_its_rows_as_blocks_on_a_phone(tmp_path):
    """helper-71: a table of twelve columns showed four on a 360 px screen; a
    reading system that pages does not scroll it sideways, and nothing said more
    was there. On a narrow screen each row is a block, each figure under its name."""
    months = [f"Tháng {m}" for m in range(1, 12)]
    rows = [(name, [f"{(k * 7919 + m * 104729) % 90000 + 10000:,}".replace(",", ".") for m in range(11)])
            for k, name in enumerate(("Châu Thành", "Cao Lãnh", "Tháp Mười"), 1)]
    src = tmp_path / "san-luong.md"
    src.write_text("# Sản lượng lúa các huyện\n\nSản lượng từng tháng, tính bằng tấn.\n\n"
                   f"| Huyện | {' | '.join(months)} |\n|---|{'---:|' * 11}\n"
                   + "".join(f"| {name} | {' | '.join(figs)} |\n" for name, figs in rows), encoding="utf-8")
    r = bantin("export", "-f", "epub", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    book = tmp_path / "book"
    with zipfile.ZipFile(tmp_path / "out" / "san-luong.epub") as z:
        z.extractall(book)
    css = book / "EPUB" / "style.css"
    assert "@media (max-width: 30em) { table.wide" in css.read_text(encoding="utf-8")
    # WeasyPrint applies media types, not widths: the phone's rules are applied as a phone would.
    css.write_text(css.read_text(encoding="utf-8").replace("@media (max-width: 30em)", "@media all"), encoding="utf-8")
    pdfs, _ = _phone_pdfs_of(book, tmp_path)
    text = " ".join(run(["pdftotext", "-layout", str(p), "-"]).stdout for p in pdfs)
    for name, figs in rows:
        assert name in text
        assert all(f"Tháng {m + 1}: {f}" in text for m, f in enumerate(figs)), text[:2000]
    for pdf in pdfs:
        boxes = run(["pdftotext", "-bbox", str(pdf), "-"]).stdout
        right = [(w, float(x)) for x, w in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', boxes)]
        assert right and all(x <= SCREEN_PT + 0.5 for _, x in right), [b for b in right if b[1] > SCREEN_PT]


def test_a_wide_tables_cells_are_named_by_every_header_row():
    """helper-75: under two header rows a cell was named by the lower one alone
    ("Quý I", of which group?), and a cell across the whole row took the first
    column's name ("Huyện: Tổng cộng")."""
    from bantin.exporters.epub.cells import column_labels, label
    from bantin.model import Cell, Paragraph, Table, plain

    def c(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
        return Cell((Paragraph(plain(text)),), colspan, rowspan)

    t = Table(((c("Huyện", rowspan=2), c("Công nghiệp", 2), c("Dịch vụ", 2)),
               (c("Quý I"), c("Quý II"), c("Quý I"), c("Quý II")),
               (c("Châu Thành"), c("1"), c("2"), c("3"), c("4")),
               (c("Tổng cộng: 10", 5),)), header_rows=2)
    names = column_labels(t)
    assert [names[k] for k in range(5)] == ["Huyện", "Công nghiệp – Quý I", "Công nghiệp – Quý II",
                                            "Dịch vụ – Quý I", "Dịch vụ – Quý II"]
    assert label(names, 0, 5) is None and label(names, 3, 1) == "Dịch vụ – Quý I"
    # helper-77: a title row across the head and a row of column numbers name no column.
    titled = Table(((c("Đơn vị: tỷ đồng", 5),), *t.rows[:2], (c("(1)"), c("(2)"), c("(3)"), c("(4)"), c("(5)")),
                    *t.rows[2:]), header_rows=4)
    assert column_labels(titled) == names
    # helper-79: a month's number under "Tháng" is the column's name, not its number.
    months = Table(((c("Huyện"), c("Tháng", 3)), (c(""), c("1"), c("2"), c("3")),
                    (c("Châu Thành"), c("5"), c("6"), c("7"))), header_rows=2)
    assert column_labels(months)[2] == "Tháng – 2"


def test_a_cameras_photo_goes_into_the_book_for_a_screen():
    """helper-71: a 4000×3000 photo went into the book whole, 10.8 MB for one
    picture; the book holds it at 2000 pixels, the PDF keeps it for print."""
    import io

    from PIL import Image as Pillow

    import bantin as api
    from bantin.model import Article, Figure, Image, Paragraph, plain

    photo = Pillow.effect_noise((4000, 3000), 60).convert("RGB")
    buf = io.BytesIO()
    photo.save(buf, "JPEG", quality=92)
    image = Image(buf.getvalue(), "image/jpeg", 4000, 3000)
    doc = Article("Ảnh lớn", blocks=(Paragraph(plain("Một bức ảnh.")), Figure(plain("Toàn cảnh."), image=image)))
    book = api.export(doc, "epub", epoch=1_700_000_000)
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        names = [n for n in z.namelist() if n.startswith("EPUB/images/")]
        inside = Pillow.open(io.BytesIO(z.read(names[0])))
        page = z.read("EPUB/article-001.xhtml").decode()
    assert inside.size == (2000, 1500) and inside.format == "JPEG"
    assert 'width="2000" height="1500"' in page
    assert len(book) < len(image.data) / 2
    assert api.export(doc, "epub", epoch=1_700_000_000) == book  # the same bytes every time


def test_a_picture_scaled_only_when_that_makes_it_smaller_and_never_by_its_height():
    """helper-77: a 2880×1800 screenshot's PNG grew 3.4 times scaled; a 1000×8000
    infographic was set 250 pixels wide, its text 7 pixels high."""
    import io

    from PIL import Image as Pillow

    from bantin.exporters.epub.screen import fit
    from bantin.model import Image

    def png(w: int, h: int) -> Image:
        im = Pillow.new("RGB", (w, h), (255, 255, 255))
        for x in range(0, w, 40):  # sharp lines and flat ground: a screenshot, which scaling blurs and swells
            im.paste((0, 0, 0), (x, 0, x + 1, h))
        buf = io.BytesIO()
        im.save(buf, "PNG")
        return Image(buf.getvalue(), "image/png", w, h)

    tall = png(1000, 8000)
    assert fit(tall) is tall
    shot = png(2880, 1800)
    assert len(fit(shot).data) <= len(shot.data)
