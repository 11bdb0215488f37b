"""Regressions from the fifth review of the typography: emoji joined by U+200D,
file paths, primes after digits, rock 'n' roll, nested straight double quotes,
and an initial that ends a sentence ("Vitamin A. Sau đó")."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import bantin, pandoc_plain, pdftotext

import bantin as api
from bantin.model import Article, Paragraph, Span
from bantin.model.sanitize import sanitize
from bantin.typography import SWITCHES, apply, nbsp, pipeline

ON = {k: True for k in SWITCHES}
NB = "\u00a0"
ZWJ, VS16 = "\u200d", "\ufe0f"
FAMILY = f"👨{ZWJ}👩{ZWJ}👧"
RAINBOW = f"🏳{VS16}{ZWJ}🌈"


def typo(text: str) -> str:
    once = pipeline(ON)(text)
    assert pipeline(ON)(once) == once, "applied twice, the rules must give what they gave once"
    return once


# ---------------------------------------------------------------- 1. emoji ZWJ sequences


@pytest.mark.parametrize("emoji", [
    FAMILY,
    RAINBOW,
    f"🏴{ZWJ}☠{VS16}",  # a pictograph of the BMP after the joiner, a selector after it
    f"👩🏽{ZWJ}💻",  # a skin tone between the face and the joiner
    f"❤{VS16}{ZWJ}🔥",
])
def test_a_joiner_inside_an_emoji_sequence_stays(emoji):
    assert typo(f"Gia đình {emoji} đi chơi") == f"Gia đình {emoji} đi chơi"


@pytest.mark.parametrize(("source", "expected"), [
    (f"Hà{ZWJ}Nội và a{ZWJ}b", "HàNội và ab"),  # between letters: removed, as before
    (f"vui {ZWJ}😀 và 😀{ZWJ} xong", "vui 😀 và 😀 xong"),  # an emoji on one side only
    (f"x{ZWJ}😀 😀{ZWJ}x", "x😀 😀x"),
    (f"😀{ZWJ}{ZWJ}😀", "😀😀"),  # a doubled joiner joins nothing
    ("😀\u200c😀 và \u200bHà", "😀😀 và Hà"),  # other zero-width characters still go
])
def test_a_joiner_elsewhere_goes(source, expected):
    assert typo(source) == expected


def test_a_read_article_and_a_sanitised_document_keep_the_family(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Gia đình {FAMILY}\nSapo có {RAINBOW} ở đây.\nThân bài có {FAMILY} và chữ.\n", encoding="utf-8")
    doc = api.read(f)
    assert isinstance(doc, Article)
    assert FAMILY in doc.title and RAINBOW in (doc.lede or "")
    raw = Article(f"Tiêu đề {FAMILY}", blocks=(Paragraph((Span(f"có {RAINBOW} thôi"),)),))
    assert sanitize(raw) == raw


def test_every_format_keeps_the_family_and_the_pdf_skips_what_it_cannot_draw(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Gia đình {FAMILY}\nSapo có {RAINBOW} ở đây.\nThân bài có {FAMILY} và chữ.\n", encoding="utf-8")
    r = bantin("export", "-f", "all", "-o", str(tmp_path / "out"), str(f))
    assert r.returncode == 0, r.stderr
    out = tmp_path / "out"
    assert FAMILY in (out / "a.txt").read_text("utf-8")
    for fmt in ("docx", "epub"):
        text = pandoc_plain(out / f"a.{fmt}", fmt)
        assert FAMILY in text and RAINBOW in text, fmt
    # The PDF draws each face from the fallback font (reportlab does not shape the
    # sequence into one picture) and its text layer keeps the joiner.
    text = pdftotext(out / "a.pdf")
    assert FAMILY in text and "[U+200D]" not in text and "[U+FE0F]" not in text
    # With no fallback font, nothing draws the faces: each is shown by its code
    # point with a warning, and the joiner and the selector, which draw nothing,
    # are skipped without either.
    bare = tmp_path / "bare.toml"
    bare.write_text('extends = "default"\n[fonts]\nfallback = []\n')
    r = bantin("export", "-f", "pdf", "--style", str(bare), "-o", str(tmp_path / "bare"), str(f))
    assert r.returncode == 0, r.stderr
    assert b"U+1F468" in r.stderr and b"U+200D" not in r.stderr and b"U+FE0F" not in r.stderr
    text = pdftotext(tmp_path / "bare" / "a.pdf")
    assert "[U+1F468][U+1F469][U+1F467]" in text and "[U+200D]" not in text and "[U+FE0F]" not in text


# ---------------------------------------------------------------- 2. file paths


@pytest.mark.parametrize("path", [
    "~/docs/a...b",
    "./bao-cao/ban-nhap...txt",
    "../x/y...z",
    "/var/log/x--y",
    "/home/lan/it's/a...b",
    "C:\\Users\\Lan\\bao-cao...docx",
    "D:/Tai-lieu/a...b",
    "\\\\may-chu\\chia-se\\bao-cao...docx",
])
def test_a_file_path_is_left_as_it_is(path):
    assert typo(f"Mở tệp {path} rồi lưu.") == f"Mở tệp {path} rồi lưu."
    assert typo(f"({path}), và “{path}”") == f"({path}), và “{path}”"


@pytest.mark.parametrize(("source", "expected"), [
    # Dates, fractions, units and "and/or" start with no slash: prose, typeset.
    ("ngày 5/8/2024, 1/2 số... và/hoặc - km/h", f"ngày{NB}5/8/2024, 1/2 số… và/hoặc{NB}– km/h"),
    ("50 km/h...", f"50{NB}km/h…"),
    # A slash word with one slash is no path: "/h" stands for itself.
    ("chia /h... rồi ~/a...", "chia /h… rồi ~/a…"),
    ("nói \"a/b\"... \"c\"", "nói “a/b”… “c”"),
])
def test_what_only_looks_like_a_path_is_typeset(source, expected):
    assert typo(source) == expected


def test_a_path_is_not_made_a_link():
    doc = apply(Article("T", blocks=(Paragraph((Span("Xem ~/docs/a...b và C:\\x\\y...z"),)),)), ON)
    block = doc.blocks[0]
    assert isinstance(block, Paragraph)
    assert [s.href for s in block.text] == [None]
    assert block.text[0].text == "Xem ~/docs/a...b và C:\\x\\y...z"


# ---------------------------------------------------------------- 3. primes


@pytest.mark.parametrize(("source", "expected"), [
    ("cao 5'10\" và nặng", "cao 5′10″ và nặng"),
    ("tọa độ 21°02'15\"N 105°51'E", "tọa độ 21°02′15″N 105°51′E"),
    ("chạy 3'45\" ở vòng", "chạy 3′45″ ở vòng"),
    ("phút 90' bù giờ", "phút 90′ bù giờ"),
    ("lúc 20h30', màn hình 6,1\" và", "lúc 20h30′, màn hình 6,1″ và"),
    ("về nhất với 3'45\".", "về nhất với 3′45″."),
    # A text of figures alone (a table's cell of sizes) holds no quotation to close.
    ('55"', "55″"),
    ('6,1"', "6,1″"),
    ("5'10\"", "5′10″"),
])
def test_a_mark_after_a_digit_is_a_prime(source, expected):
    assert typo(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    # The quotation opened before the digit closes there.
    ('"Năm 1975" là', f"“Năm{NB}1975” là"),
    ('anh nói "tôi có 2"', "anh nói “tôi có 2”"),
    ("nói 'tôi có 2' rồi", "nói ‘tôi có 2’ rồi"),
    ('Anh nói "cao 5\'10" rồi', "Anh nói “cao 5′10” rồi"),
    # A quotation opened in an earlier paragraph closes at its sentence's end.
    ('thì tê giác sẽ tuyệt chủng vào năm 2026".', f"thì tê giác sẽ tuyệt chủng vào năm{NB}2026”."),
    # An apostrophe after a digit before a letter, and an elided decade, as before.
    ("thập niên 1990's, the '90s", "thập niên 1990’s, the ’90s"),
])
def test_a_quotation_that_ends_in_a_digit_closes(source, expected):
    assert typo(source) == expected


def test_a_closing_quote_after_a_digit_in_its_own_span():
    spans = (Span('Ông nói "năm '), Span("1975", strong=True), Span('" rồi'))
    out = apply(Article("T", blocks=(Paragraph(spans),)), ON)
    block = out.blocks[0]
    assert isinstance(block, Paragraph)
    assert [s.text for s in block.text] == ["Ông nói “năm ", "1975", "” rồi"]


# ---------------------------------------------------------------- 4. rock 'n' roll


@pytest.mark.parametrize(("source", "expected"), [
    ("nhạc rock 'n' roll", "nhạc rock ’n’ roll"),
    ("Rock 'N' Roll và fish 'n chips", "Rock ’N’ Roll và fish ’n chips"),
    ("R'n'B, Guns N' Roses", "R’n’B, Guns N’ Roses"),
    # A quoted letter between Vietnamese words is a quotation.
    ("chữ 'n' trong từ", "chữ ‘n’ trong từ"),
    ("phụ âm 'n' và 'ng'", "phụ âm ‘n’ và ‘ng’"),
    ("'n' là gì", "‘n’ là gì"),
])
def test_an_elided_and_is_two_apostrophes(source, expected):
    assert typo(source) == expected


# ---------------------------------------------------------------- 5. nested double quotes


@pytest.mark.parametrize(("source", "expected"), [
    # TYPOGRAPHY.md §2: “ … ” outside, ‘ … ’ inside.
    ('Anh nói "Tôi nghe "họ" bảo" rồi', "Anh nói “Tôi nghe ‘họ’ bảo” rồi"),
    ('“Tôi nghe "họ" bảo”', "“Tôi nghe ‘họ’ bảo”"),
    ('"a "b" c" và "d"', "“a ‘b’ c” và “d”"),
    ('"Đọc "Số 2" đi"', "“Đọc ‘Số 2’ đi”"),  # the nested close after a digit: no prime
    # Not nested: pairs one after another, and an outer quotation never closed
    # (the marks after it cannot close two quotations).
    ('"a" và "b" rồi', "“a” và “b” rồi"),
    ('Ông nói "A. Bà nói "B" rồi', "Ông nói “A. Bà nói “B” rồi"),
    ('" Tôi đi " anh nói', "“Tôi đi” anh nói"),
])
def test_a_nested_quotation_takes_single_marks(source, expected):
    assert typo(source) == expected


# ---------------------------------------------------------------- 6. initials


@pytest.mark.parametrize(("source", "expected"), [
    # A capital after a common word is a label: its full stop ends the sentence.
    ("Vitamin A. Sau đó", "Vitamin A. Sau đó"),
    ("Uống vitamin A. Nó tốt", "Uống vitamin A. Nó tốt"),
    ("Đội hạng B. Đội A thắng", "Đội hạng B. Đội A thắng"),
    ("thi khối A. Năm nay", "thi khối A. Năm nay"),
    ("nhà bà H. Sau đó", "nhà bà H. Sau đó"),
    ("nhà bà H. Ông Nam nói", "nhà bà H. Ông Nam nói"),
    ("bắt Nguyễn Văn T. Theo công an", "bắt Nguyễn Văn T. Theo công an"),
    ("bắt Nguyễn Văn T. Bình luận", "bắt Nguyễn Văn T. Bình luận"),  # "Văn T." is a whole name
    # An initial before a name still binds.
    ("ông N. Văn A", f"ông N.{NB}Văn A"),
    ("Ông N. V. An đến", f"Ông N.{NB}V.{NB}An đến"),
    ("đối tượng N. Văn Hùng", f"đối tượng N.{NB}Văn Hùng"),
    ("Nguyễn V. Anh và Donald J. Trump", f"Nguyễn V.{NB}Anh và Donald J.{NB}Trump"),
    ("J.K. Rowling, (N. Văn A), Ảnh: T. Minh", f"J.K.{NB}Rowling, (N.{NB}Văn A), Ảnh: T.{NB}Minh"),
])
def test_an_initial_binds_only_to_a_name(source, expected):
    assert nbsp.apply(source) == expected
    assert nbsp.apply(expected) == expected


def test_the_whole_pipeline_does_not_glue_two_sentences():
    assert typo("Thiếu vitamin A. Sau đó trẻ dễ ốm.") == "Thiếu vitamin A. Sau đó trẻ dễ ốm."


def test_docs_describe_each_rule():
    doc = (Path(__file__).parents[2] / "docs" / "typography.md").read_text("utf-8")
    for phrase in ("U+200D", "file paths", "prime", "’n’", "‘ … ’", "vitamin A."):
        assert phrase in doc, phrase


# ---------------------------------------------------------------- titles and initials in a span of their own


@pytest.mark.parametrize(("spans", "expected"), [
    # the space after the span: bound from the span before
    ((Span("Nhà văn "), Span("J.K.", strong=True), Span(" Rowling viết.")),
     ["Nhà văn ", "J.K.", "\u00a0Rowling viết."]),
    # the space inside the span: bound from the span after
    ((Span("Nhà văn "), Span("J.K. ", strong=True), Span("Rowling viết.")),
     ["Nhà văn ", "J.K.\u00a0", "Rowling viết."]),
    ((Span("Về "), Span("TP.", em=True), Span(" Huế đẹp.")), ["Về ", "TP.", "\u00a0Huế đẹp."]),
    # a label's full stop ends its sentence across spans as within one
    ((Span("Uống vitamin "), Span("A.", strong=True), Span(" Sau đó nghỉ.")), ["Uống vitamin ", "A.", " Sau đó nghỉ."]),
])
def test_a_title_or_initials_in_a_span_of_their_own_bind(spans, expected):
    out = apply(Article("T", blocks=(Paragraph(spans),)), ON)
    block = out.blocks[0]
    assert isinstance(block, Paragraph)
    assert [s.text for s in block.text] == expected


def test_initials_in_markdown_emphasis_stay_with_the_name_in_every_format(tmp_path: Path) -> None:
    src = tmp_path / "bai.md"
    src.write_text("# Sách mới\n\nNhà văn **J.K.** Rowling vừa ra mắt cuốn sách mới tại Hà Nội.\n", encoding="utf-8")
    doc = api.read(src)
    para = doc.blocks[0]
    assert isinstance(para, Paragraph)
    assert "".join(s.text for s in para.text).count("J.K.\u00a0Rowling") == 1
