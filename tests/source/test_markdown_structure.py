"""The Markdown reader keeps the source's nesting: list items and quotes hold
blocks (paragraphs, nested lists, code, quotes), ordered lists keep their start
and delimiter, a quote's attribution line is set apart, footnotes become the
article's notes, pictures keep alt text and caption apart, and nothing nested
too deep for the model loses its words."""

from __future__ import annotations

from helpers import assert_in_order, words

import bantin as api
from bantin.model import (
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    plain_text,
    text_of,
)


def read(md: str, name: str | None = "bai-viet.md", warned: list[str] | None = None) -> api.Article:
    doc = api.read(md.encode("utf-8"), source_format="md", name=name, typography=False,
                   warn=(warned.append if warned is not None else lambda _m: None))
    assert isinstance(doc, api.Article)
    return doc


def texts(blocks: tuple[object, ...]) -> list[str]:
    return [text_of(b.text) for b in blocks if isinstance(b, Paragraph)]


def test_a_nested_item_keeps_its_parent_once_and_its_child_once() -> None:
    a = read("# Danh sách\n\n1. Thứ nhất\n   - Ý phụ\n2. Thứ hai\n")
    (outer,) = a.blocks
    assert isinstance(outer, ListBlock) and outer.ordered and len(outer.items) == 2
    first, second = outer.items
    assert texts(first.blocks) == ["Thứ nhất"]
    inner = first.blocks[1]
    assert isinstance(inner, ListBlock) and not inner.ordered
    assert [texts(i.blocks) for i in inner.items] == [["Ý phụ"]]
    assert texts(second.blocks) == ["Thứ hai"]
    out = api.export(read("# Danh sách\n\n1. Thứ nhất\n   - Ý phụ\n2. Thứ hai\n"), "txt").decode()
    assert_in_order(words("Thứ nhất Ý phụ Thứ hai"), out)
    assert out.count("Ý phụ") == 1 and out.count("Thứ nhất") == 1


def test_four_levels_keep_their_order_and_depth() -> None:
    a = read("# Bốn tầng\n\n- một\n  - hai\n    - ba\n      - bốn\n")
    seen, depth, blocks = [], 0, a.blocks
    while blocks:
        lst = next((b for b in blocks if isinstance(b, ListBlock)), None)
        if lst is None:
            break
        depth += 1
        seen += texts(lst.items[0].blocks)
        blocks = lst.items[0].blocks
    assert depth == 4 and seen == ["một", "hai", "ba", "bốn"]


def test_ordered_lists_keep_start_and_delimiter() -> None:
    a = read("# Số\n\n7) bảy\n8) tám\n\nĐoạn giữa.\n\n3. ba\n4. bốn\n")
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert [(x.start, x.delimiter) for x in lists] == [(7, ")"), (3, ".")]
    assert lists[0].label(1) == "8)"
    out = api.export(a, "txt").decode()
    assert "7) bảy" in out and "4. bốn" in out


def test_code_inside_items_and_quotes_is_kept_as_code() -> None:
    a = read("# Mã\n\n- Chạy lệnh:\n\n  ```sh\n  bantin export \"a b\"\n  ```\n\n"
             "> Trích:\n>\n>     x = 1 -- giữ nguyên\n")
    item = a.blocks[0].items[0]
    assert texts(item.blocks) == ["Chạy lệnh:"]
    assert item.blocks[1] == CodeBlock(('bantin export "a b"',), "sh")
    quote = a.blocks[1]
    assert isinstance(quote, Quote) and quote.blocks[1] == CodeBlock(("x = 1 -- giữ nguyên",), None)


def test_a_quote_holds_blocks_and_sets_its_attribution_apart() -> None:
    a = read("# Trích\n\n> Du lịch là ngành mũi nhọn.\n>\n> - ý một\n>\n> — Giám đốc Sở Du lịch\n")
    (q,) = a.blocks
    assert isinstance(q, Quote) and q.attribution == "Giám đốc Sở Du lịch"
    assert texts(q.blocks) == ["Du lịch là ngành mũi nhọn."] and isinstance(q.blocks[1], ListBlock)
    assert "Giám đốc" not in text_of(plain_text(q.blocks))


def test_the_attribution_may_be_the_quotes_last_line() -> None:
    for dash in ("—", "--", "―"):
        (q,) = read(f"# T\n\n> Khách quốc tế tăng mạnh.\n> {dash} Giám đốc Sở Du lịch\n").blocks
        assert isinstance(q, Quote) and q.attribution == "Giám đốc Sở Du lịch", dash
        assert texts(q.blocks) == ["Khách quốc tế tăng mạnh."]


def test_dialogue_and_a_lone_dashed_line_are_not_attributions() -> None:
    for line in ("— Tôi về quê thôi!", "— Tôi về quê.", "— Sao lại thế?"):
        (q,) = read(f"# T\n\n> Anh đi đâu?\n> {line}\n").blocks
        assert q.attribution is None and line[2:] in text_of(plain_text(q.blocks)), line
    (q,) = read("# T\n\n> — Chỉ một dòng\n").blocks
    assert q.attribution is None and texts(q.blocks) == ["— Chỉ một dòng"]


def test_tables_keep_cells_and_alignment() -> None:
    (t,) = read("# Bảng\n\n| Tỉnh | Số |\n|---|---:|\n| Huế | 12 |\n| Hà Nội | 7 |\n").blocks
    assert isinstance(t, Table) and t.header_rows == 1 and t.align == ("left", "right")
    assert [text_of(c.text) for c in t.rows[2]] == ["Hà Nội", "7"]


def test_footnotes_are_notes_referred_to_from_the_text() -> None:
    a = read("# Chú thích\n\nGiá tăng[^gia] và lượng giảm[^luong].\n\n[^luong]: Theo Tổng cục.\n"
             "[^gia]: Giá bình quân.\n\n    Đoạn thứ hai của chú thích.\n\n[^le]: Không ai nhắc tới.\n")
    refs = [(s.text, s.note) for s in a.blocks[0].text if s.note]
    assert refs == [("1", "fn1"), ("2", "fn2")]
    assert [n.id for n in a.notes] == ["fn1", "fn2", "fn3"]
    assert texts(a.notes[0].blocks) == ["Giá bình quân.", "Đoạn thứ hai của chú thích."]
    assert texts(a.notes[1].blocks) == ["Theo Tổng cục."]
    assert texts(a.notes[2].blocks) == ["Không ai nhắc tới."]  # kept, not dropped
    out = api.export(a, "txt").decode()
    assert "Giá bình quân." in out and "Không ai nhắc tới." in out


def test_a_picture_keeps_alt_and_caption_apart(tmp_path) -> None:
    from PIL import Image as Pil

    Pil.new("RGB", (40, 30), (10, 120, 30)).save(tmp_path / "anh.png", "PNG")
    md = ("# Ảnh\n\n![Học sinh đọc sách](anh.png \"Tiêu đề ảnh\")\n\n"
          "![Cánh đồng](anh.png \"Tiêu đề khác\")\n*Cánh đồng lúa chín ở Đồng Tháp*\n\n"
          "![](anh.png \"Chỉ có tiêu đề\")\n\n"
          "Một đoạn có ![biểu tượng](anh.png) ở giữa.\n")
    (tmp_path / "bai.md").write_text(md, encoding="utf-8")
    a = api.read(tmp_path / "bai.md", typography=False)
    figs = [b for b in a.blocks if isinstance(b, Figure)]
    assert [(f.alt, text_of(f.caption)) for f in figs] == [
        # The title, whose words are in no other place (helper-78: "… Ảnh: X" lost);
        # the description stays the alt text.
        ("Học sinh đọc sách", "Tiêu đề ảnh"),
        ("Cánh đồng", "Cánh đồng lúa chín ở Đồng Tháp"),  # the caption line written under it
        ("", "Chỉ có tiêu đề"),  # the title only when nothing else is written
    ]
    assert all(f.image is not None for f in figs)
    assert texts(a.blocks)[-1] == "Một đoạn có biểu tượng ở giữa."


def test_an_italic_paragraph_after_a_picture_is_its_caption() -> None:
    a = read("# Ảnh\n\n![Lúa](https://anh.example/lua.jpg)\n\n_Lúa chín vàng đồng._\n\nĐoạn sau.\n")
    fig = a.blocks[0]
    assert isinstance(fig, Figure) and text_of(fig.caption) == "Lúa chín vàng đồng." and fig.alt == "Lúa"
    assert texts(a.blocks) == ["Đoạn sau."]


def test_a_caption_line_loses_its_emphasis_but_keeps_its_note_and_link() -> None:
    a = read("# Ảnh\n\n![Lúa](https://anh.example/lua.jpg)\n*Lúa chín ở [Tháp Mười](https://vi-du.vn)[^1]*\n\n"
             "Đoạn sau.\n\n[^1]: Ảnh chụp năm 2024.\n")
    fig = a.blocks[0]
    assert isinstance(fig, Figure) and text_of(fig.caption) == "Lúa chín ở Tháp Mười1"
    assert not any(s.em or s.strong for s in fig.caption)
    assert [(s.text, s.href, s.note) for s in fig.caption if s.href or s.note] == [
        ("Tháp Mười", "https://vi-du.vn", None), ("1", None, "fn1")]
    assert [n.id for n in a.notes] == ["fn1"]


def test_a_picture_on_its_own_line_is_never_lost_among_words(tmp_path) -> None:
    """A picture on a paragraph's first line is a figure: the line under it is its
    caption when marked as one ("Ảnh: …", a credit after its description), and
    any other lines are a paragraph of their own (which may open with a picture)."""
    from PIL import Image as Pil

    Pil.new("RGB", (40, 30), (10, 120, 30)).save(tmp_path / "anh.png", "PNG")
    md = ("# Ảnh\n\n![Lúa](anh.png)\nĐồng lúa chín ở Tháp Mười (Ảnh: Vi Thảo)\n\n"
          "![Một](anh.png)\n![Hai](anh.png)\nHai ảnh trên cho thấy vụ mùa năm nay bội thu ở khắp các huyện.\n\n"
          "![Ba](anh.png)\n\nẢnh: Vi Thảo\n\nCuối bài.\n")
    (tmp_path / "bai.md").write_text(md, encoding="utf-8")
    a = api.read(tmp_path / "bai.md", typography=False)
    assert [(type(b).__name__, text_of(b.caption) if isinstance(b, Figure) else text_of(b.text),
             b.credit if isinstance(b, Figure) else None) for b in a.blocks] == [
        ("Figure", "Đồng lúa chín ở Tháp Mười", "Vi Thảo"),
        ("Figure", "Một", None), ("Figure", "Hai", None),
        ("Paragraph", "Hai ảnh trên cho thấy vụ mùa năm nay bội thu ở khắp các huyện.", None),
        ("Figure", "Ba", "Vi Thảo"),  # a credit alone under it: the description stays the caption
        ("Paragraph", "Cuối bài.", None),
    ]
    assert all(b.image is not None for b in a.blocks if isinstance(b, Figure))


def test_headings_below_the_title_are_levelled() -> None:
    a = read("# Tiêu đề\n\n## Phần một\n\nĐoạn.\n\n### Mục nhỏ\n\nĐoạn.\n")
    assert a.title == "Tiêu đề"
    assert [(text_of(b.text), b.level) for b in a.blocks if isinstance(b, Heading)] == [
        ("Phần một", 1), ("Mục nhỏ", 2)]
    a = read("---\ntitle: Tiêu đề\n---\n\n### Chỉ cấp ba\n\nĐoạn.\n")
    assert [b.level for b in a.blocks if isinstance(b, Heading)] == [1]


def test_nesting_past_the_limit_keeps_every_word() -> None:
    lists = "".join("  " * i + f"- mục{i}\n" for i in range(40))
    quotes = "> " * 150 + "trích dẫn sâu\n"
    a = read(f"# Sâu\n\n{lists}\n{quotes}\nĐoạn cuối.\n")
    out = api.export(a, "txt").decode()
    assert_in_order([f"mục{i}" for i in range(40)] + ["trích", "dẫn", "sâu", "đoạn", "cuối"], out)
    for fmt in ("pdf", "docx", "epub", "json"):
        assert api.export(a, fmt)


def test_blank_items_and_a_bare_heading_do_not_break_the_reader() -> None:
    a = read("# T\n\n1. một\n2.\n3. ba\n\n#\n\nĐoạn.\n")
    (lst, para) = a.blocks
    assert isinstance(lst, ListBlock) and len(lst.items) == 3 and lst.items[1].blocks == ()
    assert texts((para,)) == ["Đoạn."]


def test_thousands_of_nested_marks_are_read_without_exhausting_the_stack() -> None:
    for src, word in (("*" * 20000 + "chữ" + "*" * 20000, "chữ"), ("<b>" * 20000 + "đậm", "đậm"),
                      ("[" * 20000 + "ngoặc" + "](x)" * 3, "ngoặc"), ("_a " * 5000 + "giữa" + " b_" * 5000, "giữa")):
        a = read(f"# T\n\n{src}\n")
        assert word in api.export(a, "txt").decode()


# The separators a text reader ends lines at: U+2028, U+2029, Word's manual line
# break (vertical tab) and the form feed.
SEPARATORS = ("\u2028", "\u2029", "\v", "\f")


def test_a_separator_in_a_table_row_or_a_heading_is_a_space() -> None:
    """helper-165: decoding made the separator a newline, which split the row (its
    last cells a paragraph under the table) and the heading (its last words a
    paragraph, out of the quote or the item that held it)."""
    for sep in SEPARATORS:
        a = read(f"# Giá{sep}xăng\n\n## Bảng{sep}giá\n\n| Mặt hàng | Giá |\n|---|---:|\n"
                 f"| Xăng{sep}RON 95 | 25.000{sep}đồng |\n| Dầu | 21.000 |\n")
        assert a.title == "Giá xăng", repr(sep)
        heading, table = a.blocks
        assert isinstance(heading, Heading) and text_of(heading.text) == "Bảng giá", repr(sep)
        assert isinstance(table, Table) and table.align == ("left", "right"), repr(sep)
        assert [[text_of(plain_text(c.blocks)) for c in row] for row in table.rows] == [
            ["Mặt hàng", "Giá"], ["Xăng RON 95", "25.000 đồng"], ["Dầu", "21.000"]], repr(sep)
        # In a quote and a list item the heading and the row stay where they are.
        a = read(f"# Tin\n\n> ## Ý{sep}kiến\n>\n> | A | B |\n> |---|---|\n> | một{sep}hai | ba |\n\n"
                 f"- ## Mục{sep}một\n- mục hai\n")
        quote, listing = a.blocks
        assert isinstance(quote, Quote) and isinstance(listing, ListBlock), repr(sep)
        assert isinstance(quote.blocks[0], Heading) and text_of(quote.blocks[0].text) == "Ý kiến"
        table = quote.blocks[1]
        assert isinstance(table, Table) and text_of(plain_text(table.rows[1][0].blocks)) == "một hai"
        first = listing.items[0].blocks
        assert len(first) == 1 and isinstance(first[0], Heading) and text_of(first[0].text) == "Mục một"


def test_a_separator_in_prose_still_ends_the_line() -> None:
    """Outside rows and headings a separator is the line end it was: a soft break
    between words in a paragraph, a list item's or a quote's (the line after it
    goes on lazily), a new item when the next line opens one, a line of code."""
    for sep in SEPARATORS:
        a = read(f"# Tin\n\nHà{sep}Nội mưa.\n\n- Mục{sep}một\n- Hai{sep}- Ba\n\n> Câu{sep}nói.{sep}— Ông A\n\n"
                 f"```\nx = 1{sep}y = 2\n```\n")
        para, listing, quote, code = a.blocks
        assert isinstance(para, Paragraph) and " ".join(text_of(para.text).split()) == "Hà Nội mưa.", repr(sep)
        assert isinstance(listing, ListBlock) and [text_of(plain_text(i.blocks)) for i in listing.items] == [
            "Mục một", "Hai", "Ba"], repr(sep)
        assert isinstance(quote, Quote) and quote.attribution == "Ông A", repr(sep)
        assert text_of(plain_text(quote.blocks)) == "Câu nói.", repr(sep)
        assert isinstance(code, CodeBlock) and code.lines == ("x = 1", "y = 2"), repr(sep)


def test_a_file_that_writes_its_lines_with_separators_keeps_them_as_line_ends() -> None:
    """A file whose lines end with separators (Qt's editors copy paragraphs parted by
    U+2029), rows written one after another and a heading followed by a block of its
    own: each separator ends a line, or the heading would hold the article, and
    the cells past the table's last column would be lost."""
    for sep in SEPARATORS:
        whole = read(sep.join(["# Tin", "Đoạn một.", "| A | B |", "|---|---|", "| 1 | 2 |", "## Mục", "Đoạn hai."]))
        assert whole.title == "Tin", repr(sep)
        assert [type(b).__name__ for b in whole.blocks] == ["Paragraph", "Table", "Heading", "Paragraph"], repr(sep)
        rows = read(f"# Tin\n\n| A | B |\n|---|---|\n| 1 | 2 |{sep}| 3 | 4 |\n\n# Một{sep}## Hai\n\nHết.\n")
        table, one, two, _end = rows.blocks
        assert isinstance(table, Table) and [[text_of(plain_text(c.blocks)) for c in r] for r in table.rows] == [
            ["A", "B"], ["1", "2"], ["3", "4"]], repr(sep)
        assert [text_of(h.text) for h in (one, two) if isinstance(h, Heading)] == ["Một", "Hai"], repr(sep)
