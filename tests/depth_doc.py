"""A document with every construct of the widened model (issue 22), written for
the tests: nested numbered lists that continue, a quote with blocks and an
attribution, a table with a merged header row and a two-paragraph cell, raised
and lowered characters, two footnotes and an endnote, and a figure whose picture
is missing."""

from __future__ import annotations

from bantin.model import (
    Article,
    Cell,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Quote,
    Span,
    Table,
    plain,
)


def para(text: str) -> Paragraph:
    return Paragraph(plain(text))


def depth_article() -> Article:
    nested = ListBlock((ListItem((para("Mục con thứ nhất"),)), ListItem((para("Mục con thứ hai"),))),
                       ordered=True, numbering="lower-alpha", delimiter=")")
    first = ListBlock((
        ListItem((para("Việc thứ nhất là chuẩn bị hồ sơ"), nested)),
        ListItem((para("Việc thứ hai là nộp hồ sơ"), para("Đoạn thứ hai của mục này"))),
    ), ordered=True)
    going_on = ListBlock((ListItem((para("Việc thứ ba là nhận kết quả"),)),), ordered=True, start=3)
    table = Table((
        (Cell((para("Chỉ tiêu"),), rowspan=2), Cell((para("Năm 2024"),), colspan=2)),
        (Cell((para("Quý I"),)), Cell((para("Quý II"),))),
        (Cell((para("Diện tích"),)), Cell((para("120 ha"),)), Cell((para("Tăng nhẹ"), para("so với cùng kỳ")))),
    ), header_rows=2, caption=plain("Bảng diện tích gieo trồng"), align=("left", "right", "left"))
    return Article(
        "Văn bản có cấu trúc sâu",
        lede="Bài mẫu đủ mọi cấu trúc của mô hình.",
        blocks=(
            Heading(plain("Danh sách lồng nhau"), 1),
            first,
            para("Một đoạn chen giữa hai phần của danh sách."),
            going_on,
            Paragraph((Span("Diện tích 120 m"), Span("2", sup=True), Span(" và công thức H"), Span("2", sub=True),
                       Span("O được ghi đúng"), Span("1", note="n1"), Span(", theo quy định"), Span("2", note="n2"),
                       Span(".") )),
            Quote((para("Chúng tôi sẽ hoàn thành đúng hạn."), para("Không có lý do gì để chậm trễ.")),
                  "Giám đốc Sở Nông nghiệp"),
            table,
            Figure(plain("Cánh đồng lúa mùa gặt"), "Minh Châu", None, "Ruộng lúa chín vàng"),
            CodeBlock(("def tong(a, b):", "\treturn a + b")),
            Paragraph((Span("Xem phụ lục cuối văn bản"), Span("3", note="n3"), Span("."))),
        ),
        byline="Minh Châu",
        notes=(
            Note("n1", (para("Chú thích thứ nhất về diện tích."),)),
            Note("n2", (para("Nghị định 30/2020/NĐ-CP về công tác văn thư."),)),
            Note("n3", (para("Phụ lục kèm theo văn bản này."),), "endnote"),
        ),
    )
