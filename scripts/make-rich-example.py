"""Write examples/san-luong-lua.json: the rich example (a figure, a table, links).

The image is drawn here with Pillow (a bar chart of the table's figures, with no
text in it), so the project ships nothing it did not make. Run it again after
changing the article; the JSON embeds the image, so the example is one file.

    python scripts/make-rich-example.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from bantin.model import Article, Dateline, Figure, Heading, Outlet, Paragraph, Span, Table, auto_align, plain
from bantin.model.images import load
from bantin.model.serialize import dumps

ROWS = (("Đồng Tháp", "3.412", "6,2"), ("An Giang", "4.005", "5,8"), ("Kiên Giang", "4.310", "4,1"),
        ("Long An", "2.690", "3,5"), ("Cần Thơ", "1.380", "2,7"))


# 1280 × 720: at the column's 108 mm the picture prints at 300 ppi, so the README's
# first command gives no "a larger original prints better" warning.
SCALE = 2


def chart() -> bytes:
    w, h = 640 * SCALE, 360 * SCALE
    im = Image.new("RGB", (w, h), (250, 247, 240))
    d = ImageDraw.Draw(im)
    d.line((40 * SCALE, h - 40 * SCALE, w - 20 * SCALE, h - 40 * SCALE), fill=(60, 60, 60), width=2 * SCALE)
    top = max(int(r[1].replace(".", "")) for r in ROWS)
    step = (w - 80 * SCALE) // len(ROWS)
    for i, (_name, tons, _growth) in enumerate(ROWS):
        bar = int(int(tons.replace(".", "")) / top * (h - 90 * SCALE))
        x = 60 * SCALE + i * step
        d.rectangle((x, h - 40 * SCALE - bar, x + step - 30 * SCALE, h - 41 * SCALE),
                    fill=(138, 28, 28) if i == 0 else (190, 150, 60))
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def article() -> Article:
    rows = ((plain("Địa phương"), plain("Sản lượng (nghìn tấn)"), plain("Tăng so với cùng kỳ (%)")),
            *((plain(a), plain(b), plain(c)) for a, b, c in ROWS))
    return Article(
        title="Sản lượng lúa hè thu ở Đồng bằng sông Cửu Long tăng nhờ giống mới",
        lede="Vụ lúa hè thu năm nay, các tỉnh Đồng bằng sông Cửu Long thu hoạch hơn 15,7 triệu tấn, "
             "tăng 4,6% so với cùng kỳ, theo số liệu sơ bộ của ngành nông nghiệp.",
        outlet=Outlet("BM", "Báo Mẫu"),
        dateline=Dateline("CẦN THƠ", "Chiều 12/9"),
        date="2025-09-12",
        byline="Minh Khoa",
        url="https://bao-mau.example/nong-nghiep/san-luong-lua-he-thu.html",
        tags=("nông nghiệp", "lúa gạo", "Đồng bằng sông Cửu Long"),
        blocks=(
            Paragraph((
                Span("Theo "),
                Span("báo cáo của Bộ Nông nghiệp và Môi trường",
                     href="https://bao-mau.example/tai-lieu/bao-cao-vu-he-thu-2025.pdf?ban=so-bo&trang=3"),
                Span(", năng suất bình quân đạt 6,1 tấn/ha. Giống lúa chịu mặn được gieo trên gần 40% diện tích."),
            )),
            Figure(
                (Span("Sản lượng lúa hè thu của năm địa phương dẫn đầu; cột đỏ là Đồng Tháp."),),
                "Báo Mẫu",
                load(chart()),
                "Biểu đồ cột: sản lượng lúa hè thu của Đồng Tháp, An Giang, Kiên Giang, Long An và Cần Thơ",
            ),
            Table(rows, 1, plain("Sản lượng lúa hè thu năm 2025 (số liệu sơ bộ)"), auto_align(rows, 1)),
            Heading(plain("Giá lúa giữ ở mức cao")),
            Paragraph((
                Span("Thương lái thu mua lúa tươi với giá 7.200–7.600 đồng/kg. Bà con có thể tra giá mỗi ngày tại "),
                Span("https://bao-mau.example/gia-lua?tinh=dong-thap&loai=om-18",
                     href="https://bao-mau.example/gia-lua?tinh=dong-thap&loai=om-18"),
                Span(" hoặc hỏi qua thư điện tử "),
                Span("hotro@bao-mau.example", href="mailto:hotro@bao-mau.example"),
                Span("."),
            )),
        ),
    )


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "examples" / "san-luong-lua.json"
    out.write_text(dumps(article()), encoding="utf-8")
    print(out)
