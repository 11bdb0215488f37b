"""Markdown as note-taking, documentation and static-site tools write it, read as
they show it (helper-100): a writer's hidden notes never printed, links and
callouts as their words, no "[[", ":::", "!!!", "{.class}" or "[!WARNING]" left
in any output. Code keeps every mark."""

from __future__ import annotations

import bantin as api
from bantin.model import CodeBlock, Paragraph, Quote, plain_text, text_of


def read(md: str, warned: list[str] | None = None) -> api.Article:
    doc = api.read(md.encode("utf-8"), source_format="md", name="bai.md", typography=False,
                   warn=(warned.append if warned is not None else lambda _m: None))
    assert isinstance(doc, api.Article)
    return doc


def body(a: api.Article) -> str:
    return text_of(plain_text(a.blocks))


def test_hidden_notes_are_never_printed() -> None:
    warned: list[str] = []
    a = read("---\ntitle: Vốn đầu tư\n---\n\nTổng vốn là 1.200 tỷ đồng{% comment %} kiểm tra lại {% endcomment %}.\n\n"
             "%% ghi chú riêng: không xuất bản %%\n\nĐoạn hai.\n\n%%\nNhiều dòng\nghi chú\n%%\n\nĐoạn ba.\n", warned)
    assert body(a) == "Tổng vốn là 1.200 tỷ đồng. Đoạn hai. Đoạn ba."
    assert any("Liquid comment" in w for w in warned) and any("2 Obsidian comments" in w for w in warned)


def test_percent_marks_that_are_no_comment_hide_nothing() -> None:
    # helper-104: "%%" typed for "%", in code and in prose, hid what lay between.
    a = read("# Tin\n\n```c\nprintf(\"%%d\\n\", x);\n```\n\nLãi suất 5%%/năm và phí 2%%/tháng.\n\n"
             "Tăng 5%% trong quý một.\n\nĐoạn giữa.\n\nGiảm 3%% trong quý hai. Mã `printf(\"%%d %%s\")` đây.\n\n"
             "%% một ghi chú chưa đóng\n\nĐoạn cuối vẫn còn.\n")
    assert texts(a) == ["Lãi suất 5%%/năm và phí 2%%/tháng.", "Tăng 5%% trong quý một.", "Đoạn giữa.",
                        'Giảm 3%% trong quý hai. Mã printf("%%d %%s") đây.', "%% một ghi chú chưa đóng",
                        "Đoạn cuối vẫn còn."]  # a comment never closed is no comment


def test_wikilinks_are_their_words_and_embeds_their_pictures() -> None:
    a = read("# Lũ\n\nXem [[Quảng Nam]], [[Lũ lụt 2020|trận lũ năm 2020]] và [[#Khắc phục]].\n\n"
             "Mã `[[không đổi]]` giữ nguyên.\n")
    assert texts(a) == ["Xem Quảng Nam, trận lũ năm 2020 và Khắc phục.", "Mã [[không đổi]] giữ nguyên."]


def test_alerts_callouts_and_admonitions_are_titled_quotes() -> None:
    a = read("# Kế hoạch\n\n> [!WARNING]\n> Kinh phí chưa được duyệt.\n\n> [!note]- Ghi chú của phóng viên\n"
             "> Mực nước 2,1 mét.\n\n!!! tip \"Mẹo nhỏ\"\n    Lưu bản nháp.\n\n    Thường xuyên.\n\n"
             "!!! warning\n    Bảo trì chủ nhật.\n\nĐoạn kết.\n")
    quotes = [b for b in a.blocks if isinstance(b, Quote)]
    assert [text_of(plain_text(q.blocks)) for q in quotes] == [
        "Cảnh báo Kinh phí chưa được duyệt.", "Ghi chú của phóng viên Mực nước 2,1 mét.",
        "Mẹo nhỏ Lưu bản nháp. Thường xuyên.", "Cảnh báo Bảo trì chủ nhật."]
    assert all(q.blocks[0].text[0].strong for q in quotes)  # the title in bold
    assert texts(a)[-1] == "Đoạn kết."


def test_pandoc_divs_spans_attributes_and_definitions() -> None:
    a = read("# Chữ\n\n::: {.canh-bao}\nPhần này còn tranh luận.\n:::\n\nDòng có [chữ đỏ]{.do} và *nghiêng*{#id1}; "
             "mã màu là {#ff0000}.\n\nThuật ngữ\n:   Hệ chữ Latinh của tiếng Việt.\n")
    assert texts(a) == ["Phần này còn tranh luận.", "Dòng có chữ đỏ và nghiêng; mã màu là {#ff0000}.", "Thuật ngữ",
                        "Hệ chữ Latinh của tiếng Việt."]
    # After a word the braces are the text's own (helper-104), and "[[…]]" in a formula.
    b = read("# Ký hiệu\n\nMàu{#ff0000} và JSON{.a}; công thức $M = [[a|b]]$ và a[[0]].\n")
    assert texts(b) == ["Màu{#ff0000} và JSON{.a}; công thức $M = [[a|b]]$ và a[[0]]."]


def test_liquid_comments_in_code_or_left_open_hide_nothing() -> None:
    a = read("---\ntitle: Mẫu\n---\n\nDùng `{% comment %}` để mở và `{% endcomment %}` để đóng.\n\n"
             "Mở chú thích {% comment %} rồi\n\n```\n{% endcomment %}\n```\n\nĐoạn cuối phải còn.\n")
    assert texts(a)[0] == "Dùng {% comment %} để mở và {% endcomment %} để đóng."
    assert texts(a)[-1] == "Đoạn cuối phải còn."


def test_indented_code_formulas_and_prices_keep_their_marks() -> None:
    """helper-108: an indented code block and a display formula were rewritten, and
    "$5 [[i]] và $10" was taken for a formula."""
    a = read("# Mã\n\nVí dụ:\n\n    thụt lề [[z]] %% ghi %% mã\n\n$$\n[[o]] %% p %%\n$$\n\nGiá $5 [[i]] và $10 cuối.\n")
    (code,) = [b for b in a.blocks if isinstance(b, CodeBlock)]
    assert code.lines == ("thụt lề [[z]] %% ghi %% mã",)
    assert "[[o]] %% p %%" in body(a) and "Giá $5 i và $10 cuối." in texts(a)


def test_nested_items_admonitions_and_unpaired_formula_marks_are_read() -> None:
    """helper-110: indented lines were all taken for code, so nested items printed
    their notes and links; a "%%" closing at the margin after an indented opener hid
    the rest; a lone "$$" turned reading off for the rest of the file."""
    a = read("# Việc\n\n- Việc một [[Dự án A]]\n    - Việc con %% chưa chốt %% xong\n\t- Mục tab [[Hồ sơ B]]\n\n"
             "!!! warning \"Lưu ý\"\n    Không dùng [[Mật khẩu]] cũ.\n\n$$\n\nĐoạn có [[Liên kết]].\n\n"
             "Đoạn cuối phải còn.\n")
    text = body(a)
    for shown in ("Việc một Dự án A", "Việc con xong", "Mục tab Hồ sơ B", "Không dùng Mật khẩu cũ.",
                  "Đoạn có Liên kết.", "Đoạn cuối phải còn."):
        assert shown in " ".join(text.split()), shown
    assert "%%" not in text and "[[" not in text


def test_hugo_highlight_is_code() -> None:
    a = read('---\ntitle: Go\n---\n\n{{< highlight go >}}\nfmt.Println("Xin chào") // %% không phải ghi chú\n'
             "{{< /highlight >}}\n")
    (code,) = a.blocks
    assert isinstance(code, CodeBlock) and code.lines == ('fmt.Println("Xin chào") // %% không phải ghi chú',)


def test_pandoc_abstract_and_keywords() -> None:
    a = read("---\ntitle: Lịch sử\nabstract: Bài điểm lại quá trình hình thành chữ Quốc ngữ.\n"
             "keywords: [ngôn ngữ, lịch sử]\n---\n\nĐoạn một.\n")
    assert a.lede == "Bài điểm lại quá trình hình thành chữ Quốc ngữ." and a.tags == ("ngôn ngữ", "lịch sử")


def texts(a: api.Article) -> list[str]:
    return [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]
