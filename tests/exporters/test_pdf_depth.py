"""The PDF shows every construct of the model (issue 22): list items, quotes and
cells that hold blocks, merged cells, raised and lowered characters, notes, figures
without a picture. Each document here is written for the test."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from helpers import assert_in_order, model_words, pdftotext, require, run, word_boxes

from bantin import api
from bantin.model import (
    Article,
    Cell,
    CodeBlock,
    Figure,
    Image,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Span,
    Table,
    map_spans,
    plain,
)
from bantin.model.document import Note
from bantin.model.serialize import dumps


def P(text: str) -> Paragraph:  # noqa: N802 - reads as a block
    return Paragraph(plain(text))


NESTED = ListBlock((ListItem((P("Mục con thứ nhất của mục hai."),)), ListItem((P("Mục con thứ hai."),)),
                    ListItem((P("Mục con thứ ba."),))),
                   ordered=True, numbering="lower-alpha", delimiter=")")
DEEP = Article(
    "Hội nghị tổng kết công tác năm của ngành nông nghiệp tỉnh",
    lede="Xem chi tiết tại https://vi-du.example.vn/tin/hoi-nghi rồi đọc tiếp phần sau.",
    blocks=(
        Paragraph((Span("Diện tích kho mới 25 m"), Span("2", sup=True), Span(", nước H"), Span("2", sub=True),
                   Span("O sạch theo báo cáo"), Span("1", note="bc"), Span(" của Sở."))),
        ListBlock((
            ListItem((P("Mục một nói về việc chuẩn bị hội nghị tổng kết năm với nhiều nội dung cần bàn kỹ."),)),
            ListItem((P("Mục hai có đoạn đầu."), P("Đoạn sau của mục hai thẳng hàng với chữ của mục."), NESTED,
                      CodeBlock(("so_lieu = 1200",)))),
            ListItem((P("Mục ba trích lời."), Quote((P("Lời trích nằm trong mục ba."),), "Ông Ba"))),
        ), ordered=True, start=3),
        ListBlock(tuple(ListItem((P(f"Phần La Mã {w}"),)) for w in ("một", "hai", "ba")), ordered=True,
                  numbering="upper-roman", start=4),
        ListBlock((ListItem((P("Thứ nhất, làm tốt khâu chuẩn bị."),)), ListItem((P("Thứ hai, làm nhanh gọn."),))),
                  numbered_in_text=True),
        Quote((P("Đoạn trích thứ nhất của bà."), P("Đoạn trích thứ hai của bà.")), "Bà Tư"),
        Table((
            (Cell((P("Tỉnh thành"),), rowspan=2), Cell((P("Sản lượng gộp"),), colspan=2)),
            (Cell((P("Năm trước"),)), Cell((P("Năm nay"),))),
            (Cell((P("Đồng Tháp"),)), Cell((P("1.200"),)), Cell((P("1.350"), P("tăng mạnh")))),
            (Cell((P("Cần Thơ"),)), Cell((ListBlock((ListItem((P("vụ đông xuân"),)),
                                                     ListItem((P("vụ hè thu"),)))),), colspan=2)),
        ), header_rows=2, caption=plain("Bảng sản lượng lúa")),
        Figure(plain("Toàn cảnh hội trường"), "Vi Thảo", None, "Hội trường tỉnh"),
        Paragraph((Span("Nhắc lại ghi chú"), Span("2", note="gc"), Span(" và báo cáo"), Span("1", note="bc"),
                   Span(" lần nữa."))),
    ),
    byline="Minh Châu",
    notes=(Note("bc", (P("Báo cáo tổng kết của Sở Nông nghiệp."),)),
           Note("gc", (P("Ghi chú có hai đoạn."), P("Đoạn hai của ghi chú.")))),
)


@pytest.fixture(scope="module")
def deep_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Article, Path]:
    """DEEP through JSON (format 3) and back, then to PDF."""
    folder = tmp_path_factory.mktemp("deep")
    src = folder / "deep.json"
    src.write_text(dumps(DEEP), encoding="utf-8")
    assert json.loads(src.read_text(encoding="utf-8"))["schema"] == "bantin/article@3"
    doc = api.read(src)
    assert isinstance(doc, Article)
    pdf = folder / "deep.pdf"
    pdf.write_bytes(api.export(doc, "pdf"))
    return doc, pdf


def _lines(pdf: Path) -> list[str]:
    return [x.strip() for x in pdftotext(pdf).splitlines() if x.strip()]


def _raw(pdf: Path) -> str:
    """The text in the order it is drawn (pdftotext -raw): a table's cells row by
    row, where the default layout mode reads a table column by column."""
    return run([require("pdftotext"), "-raw", "-enc", "UTF-8", str(pdf), "-"]).stdout


def _apart(doc: Article) -> Article:
    """The document with each raised or lowered character and each note mark a word
    of its own: it is drawn off the baseline, and -raw reads it so."""
    a = map_spans(doc, lambda s: (Span(f" {s.text} "),) if s.sup or s.sub or s.note else (s,))
    assert isinstance(a, Article)
    return a


def test_every_word_in_order_through_json(deep_pdf):
    doc, pdf = deep_pdf
    # In layout mode m², H₂O and a note mark read "m2", "H2O", "cáo1", as the model's
    # words do; in drawing order (-raw) the raised character is a word of its own.
    assert "25 m2," in pdftotext(pdf) and "H2O" in pdftotext(pdf)
    assert_in_order(model_words(_apart(doc)), _raw(pdf), "pdf")


def test_each_note_once_with_its_mark_and_a_link_each_way(deep_pdf):
    _, pdf = deep_pdf
    text = pdftotext(pdf)
    assert text.count("Chú thích") == 1
    for words in ("Báo cáo tổng kết của Sở Nông nghiệp.", "Ghi chú có hai đoạn.", "Đoạn hai của ghi chú."):
        assert text.count(words) == 1, words
    lines = _lines(pdf)
    assert lines[lines.index("Chú thích") + 1].startswith("1 Báo cáo tổng kết")
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    internal = [a.get_object() for p in reader.pages for a in p.get("/Annots", [])
                if a.get_object().get("/Dest") is not None or "/D" in a.get_object().get("/A", {})]
    assert len(internal) >= 5  # three references to the notes, two links back


def test_each_merged_cell_once_and_cells_with_blocks_whole(deep_pdf):
    _, pdf = deep_pdf
    text = pdftotext(pdf)
    for cell in ("Tỉnh thành", "Sản lượng gộp", "tăng mạnh", "vụ đông xuân", "vụ hè thu"):
        assert text.count(cell) == 1, cell
    boxes = word_boxes(pdf)
    san = next(b for b in boxes if b[4] == "Sản")
    row = next(b for b in boxes if b[4] == "trước")[2]
    years = [b for b in boxes if b[4] == "Năm" and b[2] == row]
    # The merged header starts over the first year column and reaches over the second.
    assert san[1] == pytest.approx(years[0][1], abs=1.5) and years[1][1] > san[1] + 20
    assert san[2] < years[0][2]
    assert "Cần Thơ – vụ đông xuân" in _raw(pdf)  # the list in a cell, beside its row's first cell


def test_nested_items_under_their_parents_with_their_labels(deep_pdf):
    _, pdf = deep_pdf
    lines = _lines(pdf)
    order = [next(i for i, x in enumerate(lines) if x.startswith(label)) for label in
             ("3. Mục một", "4. Mục hai", "Đoạn sau của mục hai", "a) Mục con thứ nhất", "b) Mục con thứ hai",
              "c) Mục con thứ ba", "so_lieu", "5. Mục ba", "IV. Phần La Mã một", "V. Phần La Mã hai",
              "VI. Phần La Mã ba")]
    assert order == sorted(order)
    boxes = word_boxes(pdf)

    def left(word: str) -> float:
        return next(b[1] for b in boxes if b[4] == word)

    # The nested labels start where the parent item's text starts; the item's second
    # paragraph aligns with its text, not with its label.
    assert left("a)") == pytest.approx(left("Mục"), abs=0.6) or left("a)") > left("4.") + 8
    assert left("Đoạn") > left("4.") + 8
    assert abs(left("Đoạn") - left("a)")) < 0.6
    # Items counted in their words carry no second label.
    assert not any(re.match(r"\d+\. Thứ nhất", x) for x in lines)


def test_quote_blocks_and_attribution_on_its_own_line(deep_pdf):
    _, pdf = deep_pdf
    lines = _lines(pdf)
    i = lines.index("Đoạn trích thứ nhất của bà.")
    assert lines[i + 1] == "Đoạn trích thứ hai của bà." and lines[i + 2] == "— Bà Tư"
    assert "— Ông Ba" in lines


def test_a_figure_without_its_picture_shows_a_placeholder_caption_and_credit(deep_pdf):
    _, pdf = deep_pdf
    lines = _lines(pdf)
    i = lines.index("[Ảnh: Hội trường tỉnh]")
    assert lines[i + 1] == "Toàn cảnh hội trường (Ảnh: Vi Thảo)"


def test_the_lede_address_is_a_link(deep_pdf):
    from pypdf import PdfReader

    _, pdf = deep_pdf
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    uris = [a.get_object()["/A"].get("/URI") for p in reader.pages for a in p.get("/Annots", [])
            if "/A" in a.get_object()]
    assert "https://vi-du.example.vn/tin/hoi-nghi" in uris


@pytest.mark.parametrize("columns", [0, 1, 80])
def test_tables_of_no_column_to_eighty_columns_are_set(tmp_path, columns):
    head = tuple(Cell((P(f"Cột{c}"),)) for c in range(columns))
    body = tuple(Cell((P(f"{c * 37}"),)) for c in range(columns))
    doc = Article("Bảng rất rộng", blocks=(Table((head, body), header_rows=1, caption=plain("Bảng thử")),
                                           P("Đoạn sau bảng.")))
    pdf = tmp_path / "wide.pdf"
    pdf.write_bytes(api.export(doc, "pdf"))
    text = pdftotext(pdf)
    assert "Bảng thử" in text and "Đoạn sau bảng." in text
    found = set(re.findall(r"\w+", text))
    assert all(f"Cột{c}" in found and str(c * 37) in found for c in range(columns))
    page_width = 595.3
    assert all(b[3] <= page_width for b in word_boxes(pdf))


def test_a_small_picture_is_set_at_its_size_and_warned(tmp_path):
    from PIL import Image as PILImage

    buf = io.BytesIO()
    PILImage.new("RGB", (300, 200), (120, 160, 90)).save(buf, "PNG")
    small = Image(buf.getvalue(), "image/png", 300, 200)
    warned: list[str] = []
    doc = Article("Ảnh nhỏ", blocks=(Figure(plain("Một ảnh nhỏ"), None, small),))
    data = api.export(doc, "pdf", warn=warned.append)
    assert any("300×200" in w and "ppi" in w and "51 mm wide" in w for w in warned), warned
    # helper-66: a 1×4000 sliver was "0 ppi … set at 0 mm wide".
    buf = io.BytesIO()
    PILImage.new("RGB", (1, 4000), (120, 160, 90)).save(buf, "PNG")
    sliver: list[str] = []
    thin = Image(buf.getvalue(), "image/png", 1, 4000)
    api.export(Article("Ảnh mảnh", blocks=(Figure(plain("Một vạch"), None, thin),)), "pdf", warn=sliver.append)
    assert any("1×4000" in w and "sliver" in w for w in sliver), sliver
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(data)).pages[0]
    pictures = [n for n in page["/Resources"]["/XObject"] if "page-total" not in n]
    assert len(pictures) == 1
    # 300 pixels at 150 ppi: two inches, 144 points (not the column's 467).
    drawn = re.findall(rb"([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm", page.get_contents().get_data())
    assert any(abs(float(w) - 144) < 1 for w, _ in drawn), drawn


def test_a_placeholders_frame_keeps_to_the_margins(tmp_path):
    """reportlab draws a paragraph's border its padding outside the text: the frame
    of a missing picture must stand inside the margins the text keeps, not 2 mm
    past them on both sides. Read from the page as poppler renders it."""
    from PIL import Image as Pil

    from bantin.model import Article, Figure, Paragraph, plain

    text = "Một đoạn văn đủ dài để chạm cả hai lề của trang in khổ A4, trước và sau chỗ của ảnh. " * 3
    doc = Article("Tiêu đề", blocks=(Paragraph(plain(text)), Figure(caption=plain("Chú thích")),
                                      Paragraph(plain(text))))
    pdf = tmp_path / "f.pdf"
    pdf.write_bytes(api.export(doc, "pdf"))
    words = [b for b in word_boxes(pdf) if b[0] == 0]
    left, right = min(b[1] for b in words), max(b[3] for b in words)
    run([require("pdftoppm"), "-png", "-r", "72", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")])
    page = Pil.open(next(tmp_path.glob("p*.png"))).convert("L")
    w, h = page.size
    # Columns with a long vertical run of dark pixels: the frame's sides (and the
    # stems of the large title); none may stand outside the text's margins.
    sides = [x for x in range(w) if sum(page.getpixel((x, y)) < 160 for y in range(h)) > 20
             and max(len(r) for r in "".join("#" if page.getpixel((x, y)) < 160 else " "
                                             for y in range(h)).split()) > 15]
    assert sides, "no frame found"
    assert min(sides) >= left - 1.5 and max(sides) <= right + 1.5, (sides, left, right)


def test_a_narrow_tables_columns_stand_apart(tmp_path):
    """helper-146: a table narrower than the text had its columns a padding's width
    apart ("Thứ Sáu, 25/4" almost touched "Chánh"); each column now has some air,
    and the table is still not stretched to the text's width."""
    from bantin.model import Cell, Table

    def row(*texts: str) -> tuple[Cell, ...]:
        return tuple(Cell(plain(t)) for t in texts)

    table = Table((row("Ngày", "Người tiếp", "Địa điểm"), row("Thứ Sáu, 25/4", "Chánh Thanh tra", "Phòng họp số 2")),
                  header_rows=1)
    pdf = tmp_path / "lich.pdf"
    pdf.write_bytes(api.export(Article("Lịch tiếp", blocks=(table,)), "pdf"))
    boxes = word_boxes(pdf)

    def box(word: str) -> tuple[int, float, float, float, str]:
        return next(b for b in boxes if b[4] == word)

    assert box("Chánh")[1] - box("25/4")[3] >= 12  # points: 6 of padding and at least 6 of air
    assert box("2")[3] - box("Ngày")[1] < 300  # far narrower than the 453-point text width
