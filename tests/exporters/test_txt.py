"""The plain-text briefing: encoding, wrapping, layout, every word."""

from __future__ import annotations

import unicodedata

import pytest
from helpers import EXAMPLES, assert_in_order, bantin, example_stems, load_json, model_words, words

from bantin.exporters.txt.layout import width, wrap
from bantin.model import Article, Briefing
from bantin.style.stylesheet import load


@pytest.mark.parametrize("stem", example_stems())
def test_bytes_and_words(exported, stem):
    data = (exported / f"{stem}.txt").read_bytes()
    text = data.decode("utf-8")
    assert text == unicodedata.normalize("NFC", text)
    assert "\r" not in text and text.endswith("\n") and not text.endswith("\n\n")
    for line in text.splitlines():
        assert width(line) <= 72 or " " not in line.strip(), line
    assert_in_order(model_words(load_json(exported / f"{stem}.json")), text, f"{stem}.txt")


def test_wrap_never_breaks_a_word_or_a_nbsp():
    text = "có 179\u00a0đại biểu tham dự đại hội " * 5
    lines = wrap(text, 20)
    assert all(width(x) <= 20 for x in lines)
    assert " ".join(lines).split() == text.split()
    assert all(not x.endswith("179") for x in lines)


def test_a_no_break_hyphen_is_written_as_a_hyphen_and_still_holds():
    """Typography binds "2025‑2030" with U+2011; the wrapped text writes a plain
    hyphen (a search for "2025-2030" finds it, and a terminal font without U+2011
    shows it), and no line breaks at it."""
    from bantin import api
    from bantin.model import Paragraph, plain

    para = " ".join(f"Nhiệm kỳ {y}\u2011{y + 5} của đại hội thứ {k}." for k, y in enumerate(range(1990, 2030, 5)))
    out = api.export(Article("Tiêu đề", blocks=(Paragraph(plain(para)),)), "txt").decode()
    body = out.split("\n\n", 1)[1]
    assert "\u2011" not in out and body.count("-") == 8
    assert all(not x.rstrip().endswith(("-", "‑")) for x in body.splitlines())
    assert " ".join(body.split()) == para.replace("\u2011", "-")


@pytest.mark.parametrize("cols", range(8, 40))
def test_no_line_at_the_margin_starts_with_a_quotation_mark_of_mail(cols):
    # "> d." at the start of a line reads as a quoted e-mail in mail clients
    text = "Một công thức nhỏ: a < b && c > d, rồi x >= y và mũi tên -> cuối câu."
    lines = wrap(text, cols)
    assert " ".join(lines).split() == text.split()
    assert all(width(x) <= cols for x in lines)
    assert not any(x.startswith(">") for x in lines[1:]), lines
    for this, nxt in zip(lines, lines[1:], strict=False):  # greedy: a line takes every word that fits,
        head, *tail = nxt.split(" ")  # unless that word went down with a ">"
        assert width(this) + 1 + width(head) > cols or (tail and tail[0].startswith(">")), lines
    # indented lines are no quotation: they wrap as before
    assert " ".join(x.strip() for x in wrap(text, cols, "  ")).split() == text.split()


def test_wide_characters_count_double():
    assert width("中文") == 4
    lines = wrap("中文 " * 10, 10)
    assert all(width(x) <= 10 for x in lines)


def test_layout(exported):
    text = (exported / "hoi-nghi-chuyen-doi-so.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "Hà Nội đẩy mạnh chuyển đổi số trong cải cách hành chính"
    assert set(lines[1]) == {"="}
    assert lines[2] == "Hà Nội Mới (HNM) · HÀ NỘI"  # "Sáng 12/3" opens the lede: shown once
    assert "Kết quả bước đầu đáng khích lệ" in lines and "------------------------------" in text
    assert lines[-1].endswith("Thu Hà") and lines[-1].startswith(" ")  # right-aligned byline
    item = next(i for i, x in enumerate(lines) if x.startswith("  Thứ ba,"))
    assert lines[item + 1].startswith("    ")  # hanging indent


def test_width_from_style(tmp_path):
    style = tmp_path / "narrow.toml"
    style.write_text('extends = "default"\n[text]\ntxt_width = 40\n')
    r = bantin("export", "-f", "txt", "--style", str(style), "-o", "-", str(EXAMPLES / "mua-lua-dong-thap.txt"))
    assert max(width(x) for x in r.stdout.decode().splitlines()) <= 40


def test_the_review_width_from_style(tmp_path):
    # helper-137: a large-print sheet's 60 columns reached the articles, and the
    # điểm báo, the one text sent to phones and e-mail, stayed 78 wide.
    style = tmp_path / "large.toml"
    style.write_text('extends = "default"\n[text]\ntxt_width = 60\ndigest_width = 50\n')
    inputs = [str(EXAMPLES / n) for n in ("mua-lua-dong-thap.txt", "thu-vien-so.txt", "hoi-nghi-chuyen-doi-so.txt")]
    for sheet, widest in ((str(style), 50), ("default", 78)):
        r = bantin("export", "-f", "txt", "--digest", "--bundle", "Điểm báo", "--style", sheet, "-o", "-", *inputs)
        lines = [x for x in r.stdout.decode().splitlines() if "://" not in x]  # a lone address runs over
        assert r.returncode == 0 and max(width(x) for x in lines) <= widest, r.stderr
        assert max(width(x) for x in lines) > widest - 8  # the width is used, not just kept under


def test_bundle_txt():
    from bantin.exporters import RenderContext
    from bantin.exporters.txt import write

    a = Article("Bài một", lede="Sapo một.")
    b = Article("Bài hai", lede="Sapo hai.")
    out = write(Briefing("Bản tin sáng", (a, b), "2025-08-05", "Văn phòng"), RenderContext(load("default"))).decode()
    assert "BẢN TIN SÁNG" in out and "Mục lục" in out and "ngày 05 tháng 8 năm 2025" in out
    assert out.index("1. Bài một") < out.index("2. Bài hai") < out.index("Sapo một.")


def test_titles_break_between_words_and_keep_their_spaces():
    """A title wraps as in the other formats, never inside a word or a name
    ("Nguyễn | Đức Chung"), and keeps ordinary spaces between its syllables (a
    mail searched for the name finds it); a number keeps its unit."""
    from bantin.exporters.txt.layout import wrap, wrap_display

    title = "Đoàn công tác thành phố thăm hỏi và tặng quà 12\u00a0tỷ cho gia đình ông Nguyễn Đức Chung ở huyện"
    assert wrap(title, 78, "1. ", "   ")[0].endswith("Nguyễn")  # the plain wrap cuts the name
    lines = wrap_display(title, 78, "1. ", "   ")
    assert lines == ["1. Đoàn công tác thành phố thăm hỏi và tặng quà 12\u00a0tỷ cho gia đình ông",
                     "   Nguyễn Đức Chung ở huyện"]
    assert " ".join(x.strip() for x in lines)[3:] == title  # every word, in order, as written
    assert wrap_display("Hội nghị", 78) == ["Hội nghị"] and wrap_display("", 78) == []


def test_a_pictures_caption_in_a_cell_is_printed():
    """Two designs side by side, each a picture and its caption in a cell: a line of
    text shows no picture, but its caption and credit (helper-62/63: an empty row)."""
    from bantin import api
    from bantin.model import Cell, Figure, Paragraph, Span, Table

    row = (Cell((Figure((Span("Phương án 1: cầu dây văng"),)),)),
           Cell((Figure((Span("Phương án 2: cầu vòm thép."),), "Sở GTVT"),)))
    lengths = (Cell((Paragraph((Span("Dài 1.200 m"),)),)), Cell((Paragraph((Span("Dài 1.100 m"),)),)))
    a = Article("Hai mẫu thiết kế cầu", blocks=(Paragraph((Span("Sở công bố hai phương án."),)),
                                                Table((row, lengths))))
    text = api.export(a, "txt").decode("utf-8")
    assert_in_order(words("Phương án 1: cầu dây văng Phương án 2: cầu vòm thép. Ảnh: Sở GTVT"), text)


def test_links_are_numbered_after_the_footnotes_not_after_roman_endnotes():
    """helper-122: a Word file with one footnote ("1") and one endnote ("i") printed
    its links [3], [4]: the endnote took a number it does not show."""
    from word_docs import docx, note_ref, p

    import bantin as api

    data = docx(p("Thông cáo", style="Title")
                + p("Hội nghị có 12.000 đại biểu", note_ref("footnote", 1), " và nhiều doanh nghiệp",
                    note_ref("endnote", 1), ".")
                + '<w:p><w:hyperlink r:id="rIdA"><w:r><w:t>Cổng thông tin của Bộ</w:t></w:r></w:hyperlink></w:p>',
                footnotes={1: "Số liệu của Ban tổ chức."}, endnotes={1: "Danh sách ở phụ lục."},
                rels=(("rIdA", "hyperlink", "https://bo-mau.example/hoi-nghi", True),))
    text = api.export(api.read(data, source_format="docx", warn=lambda _m: None), "txt").decode()
    assert "Cổng thông tin của Bộ [2]" in text and "[2] https://bo-mau.example/hoi-nghi" in text, text
    assert "[1] Số liệu của Ban tổ chức." in text and "[i] Danh sách ở phụ lục." in text
