"""Bytes that went through the wrong tool on their way: each is read as the words
it was written as, and each mending is said in a warning, never silent."""

from __future__ import annotations

import io
import unicodedata

import pytest

import bantin as api
from bantin.errors import InputError
from bantin.model import Article, Briefing, text_of

TITLE = "Hà Nội sẽ cải tạo phố cổ trước mùa mưa"
SAPO = "Sáng 5/8, thành phố cho biết sẽ chi 1.250,5 tỷ đồng để cải tạo hạ tầng phố cổ."
BODY = "“Chúng tôi không thể chờ đến khi mưa lớn”, ông Thịnh nói – “sự cố năm ngoái là bài học”…"
ARTICLE = f"{TITLE}\n{SAPO}\n{BODY}\n"

# TCVN 5712:1993 (VN3) as Unikey writes it, typed from the standard's table rather
# than taken from bantin's data: small letters only for toned vowels (the .VnTimeH
# faces draw them as capitals), and Windows-1252 for the punctuation Word types.
_VN3 = {"a": "a\xb5\xb6\xb7\xb8\xb9", "ă": "\xa8\xbb\xbc\xbd\xbe\xc6", "â": "\xa9\xc7\xc8\xc9\xca\xcb",
        "e": "e\xcc\xce\xcf\xd0\xd1", "ê": "\xaa\xd2\xd3\xd4\xd5\xd6", "i": "i\xd7\xd8\xdc\xdd\xde",
        "o": "o\xdf\xe1\xe2\xe3\xe4", "ô": "\xab\xe5\xe6\xe7\xe8\xe9", "ơ": "\xac\xea\xeb\xec\xed\xee",
        "u": "u\xef\xf1\xf2\xf3\xf4", "ư": "\xad\xf5\xf6\xf7\xf8\xf9", "y": "y\xfa\xfb\xfc\xfd\xfe"}
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
TCVN3 = {unicodedata.normalize("NFC", base + tone): code
         for base, codes in _VN3.items() for tone, code in zip(_TONES, codes, strict=True)}
TCVN3.update({"đ": "\xae", "Đ": "\xa7", "Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6"})


def tcvn3(text: str) -> bytes:
    return "".join(c if c.isascii() else TCVN3.get(c, TCVN3.get(c.lower(), c)) for c in text).encode("cp1252")


def read(data: bytes, **kw: str) -> tuple[list[str], list[str]]:
    """The article's title, lede and blocks as lines, and the warnings."""
    warnings: list[str] = []
    a = api.read(data, warn=warnings.append, typography=False, **kw)
    assert isinstance(a, api.Article)
    return [a.title, a.lede or "", *(text_of(b.text) for b in a.blocks)], warnings


def test_tcvn3_from_windows_keeps_its_quotes_and_dashes():
    """Word typed “ ” – … as Windows-1252 bytes (0x93 0x94 0x96 0x85) in the same
    file as the .VnTime letters: they are punctuation, not control codes, so the
    file is TCVN3 (not VISCII, which has letters there) and keeps every mark."""
    lines, warnings = read(tcvn3(ARTICLE))
    assert lines == [TITLE, SAPO, BODY]
    assert warnings == ["encoding detected: TCVN3 (ABC) (name it with --encoding to skip detection)"]
    assert read(tcvn3(ARTICLE), encoding="tcvn3")[0] == [TITLE, SAPO, BODY]
    assert read(tcvn3(ARTICLE), encoding="abc")[0] == [TITLE, SAPO, BODY]  # Unikey's name for it


def test_tcvn3_headlines_and_sentences_open_with_capitals():
    """TCVN3 has no code for a capital toned vowel: a headline in .VnTimeH is
    written with the small letters' codes. A word in capitals and a sentence's
    first letter are capitals again; "ở Hà Nội" inside a sentence is not."""
    text = "HÀ NỘI: ĐỪNG CHỜ ĐẾN MÙA MƯA MỚI SỬA PHỐ CỔ\nỞ Hà Nội, mưa lớn. Ấn Độ và Úc cũng vậy ở TP.HCM.\n"
    lines, _ = read(tcvn3(text) + tcvn3(SAPO + "\n"))
    assert lines[:2] == ["HÀ NỘI: ĐỪNG CHỜ ĐẾN MÙA MƯA MỚI SỬA PHỐ CỔ",
                         "Ở Hà Nội, mưa lớn. Ấn Độ và úc cũng vậy ở TP.HCM."]


def test_tcvn3_capitals_come_back_only_where_the_text_was_in_capitals():
    """A headline whose every word is in capitals comes back whole, whether its
    words hold toned vowels or not; abbreviations, acronyms beside a name and a
    line cut in the middle of a sentence keep their small letters."""
    heads = ["VỀ QUÊ ĂN TẾT", "DỰ ÁN ĐƯỜNG SẮT CÓ HAY KHÔNG", "HÀ GIANG VÀO MÙA"]
    body = ("UBND Hà Nội họp v.v. ở chợ, TP. ở đây, ThS. ứng viên, chờ đợi… ở nhà, “ừ” là được.\n"
            "Một câu rất dài được viết ra để thử xem nó có bị cắt giữa chừng hay không, người dân\n"
            "ở đây vẫn chờ.\n")
    lines, _ = read(tcvn3("\n".join(heads) + "\n" + body), encoding="tcvn3")
    assert lines == [*heads, *body.splitlines()]


def test_symbols_and_latin_text_are_never_taken_for_mojibake():
    """Signs beyond ASCII that are not letters (33°C, ±) say nothing of an encoding,
    and a reading that would lose letters the text holds ("ção") is no mending;
    a short legacy file with a pair of bytes that happens to be UTF-8 is refused,
    not read as UTF-8 with strays."""
    weather = "Weather outlook for Hanoi\n" + "Highs of 33°C and lows of 26°C, humidity 70% ± 5%. " * 4 + "\n"
    assert read(weather.encode()) == (weather.strip().split("\n"), [])
    pt = "Notícia\nO jornal publicou a manchete “SÃ” na capa. A população está tranquila e não há razão.\n"
    lines, warnings = read(pt.encode())
    assert lines == pt.strip().split("\n") and warnings == []
    viscii = "Tin nhanh\nHom nay, nhieu người dan o Ha Noi xem bieu dien cùng với ban be.\n"
    from bantin.source import legacy

    with pytest.raises(api.InputError, match="no legacy encoding is clearly right"):
        read(legacy.encode(viscii, "viscii"))


def test_control_codes_that_stand_for_windows_punctuation_are_punctuation():
    lines, warnings = read("Tin\n\u0093Chúng tôi\u0094 nói \u0096 trời mưa\u0085\n".encode())
    assert lines[1] == "“Chúng tôi” nói – trời mưa…"
    assert warnings == ["4 control codes U+0080–U+009F read as the Windows punctuation they stand for (“ ” – …)"]
    # U+009D stands for no character in Windows-1252: neither counted nor changed.
    lines, warnings = read("Tin\nMột\u009d câu \u0093hay\u0094.\n".encode())
    assert "\u009d" not in lines[1] and warnings[0].startswith("2 control codes")


def test_line_and_page_separators_end_a_line_instead_of_gluing_words():
    data = f"{TITLE}\n{SAPO}\nChỉ riêng tuyến\vHàng Bạc\u2028mặt đường\fđể tránh ngập\u2029mùa mưa.\n".encode()
    lines, _ = read(data)
    words = " ".join(lines[2:]).split()
    assert words == "Chỉ riêng tuyến Hàng Bạc mặt đường để tránh ngập mùa mưa.".split()


def test_text_read_as_windows_1252_and_saved_again_is_mended():
    """UTF-8 read as Windows-1252 and saved as UTF-8 ("HÃ  Ná»™i"), and TCVN3
    opened in a Windows editor and saved as UTF-8 ("Hµ Néi"): the bytes the text
    stands for are read again, and the warning says what happened."""
    double = ARTICLE.encode("utf-8").decode("latin-1").encode("utf-8")
    lines, warnings = read(double)
    assert lines == [TITLE, SAPO, BODY]
    assert warnings == ["the text was UTF-8 read as Windows-1252 and saved as UTF-8 again: mended"]
    resaved = tcvn3(ARTICLE).decode("cp1252").encode("utf-8")
    lines, warnings = read(resaved)
    assert lines == [TITLE, SAPO, BODY]
    assert warnings == ["the text was TCVN3 (ABC) read as Windows-1252 and saved as UTF-8: read as TCVN3 (ABC)"]
    # French or Vietnamese in UTF-8 is what it says.
    for text in ("Le café de la rue\nUne phrase en français, déjà lue.\n", ARTICLE):
        assert read(text.encode())[1] == []


def test_a_utf8_file_in_a_folder_named_as_tcvn3_is_read_as_utf8():
    lines, warnings = read(ARTICLE.encode(), encoding="tcvn3")
    assert lines == [TITLE, SAPO, BODY]
    assert warnings == ["the file is UTF-8, not TCVN3 (ABC) as named: read as UTF-8"]


def test_a_file_in_another_legacy_encoding_than_the_one_named_is_read_as_what_it_is():
    # A folder run named -e vni (or the Windows code page) meets a TCVN3 file: read
    # as named, every output would carry "Hµ Néi" without a word.
    for named, said in (("vni", "VNI"), ("cp1252", "cp1252"), ("cp1258", "Windows-1258")):
        lines, warnings = read(tcvn3(ARTICLE), encoding=named)
        assert lines == [TITLE, SAPO, BODY], named
        assert warnings == [f"the file is TCVN3 (ABC), not {said} as named: read as TCVN3 (ABC)"]
    # Text that is what it was named stays as named, without a word.
    french = "Le café de la rue\nUne phrase en français, déjà lue à l’été.\n"
    assert read(french.encode("cp1252"), encoding="cp1252") == (french.splitlines(), [])
    assert read(tcvn3(ARTICLE), encoding="tcvn3")[1] == []


def test_utf8_under_a_named_code_page_is_read_as_utf8_whatever_its_language() -> None:
    # Read as Latin-1, French UTF-8 is "prÃ©sident", and its "Ã" counts as a
    # Vietnamese syllable: only validity tells. Vietnamese UTF-8 holds bytes that
    # Windows-1252 has no character for ("ề" is E1 BB 81): no error either.
    french = "Le président a été élu à Paris.\nUne phrase en français, déjà lue.\n"
    for named in ("latin-1", "cp1252"):
        assert read(french.encode(), encoding=named) == (
            french.splitlines(), [f"the file is UTF-8, not {named} as named: read as UTF-8"])
        lines, warnings = read((ARTICLE + "Mưa về.\n").encode(), encoding=named)
        assert lines == [TITLE, SAPO, BODY, "Mưa về."]
        assert warnings == [f"the file is UTF-8, not {named} as named: read as UTF-8"]


def test_utf8_under_a_named_utf16_is_read_as_utf8() -> None:
    """helper-66: -e utf-16 over a UTF-8 file made every word a CJK character,
    without a word. UTF-16 holds a zero byte in every space; a file of none is not
    in it. A real UTF-16 file is read as named."""
    for named in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        for text in (ARTICLE, ARTICLE + "Mưa.\n"):  # helper-68: one byte more was "not valid utf-16"
            got = read(text.encode(), encoding=named)
            assert got[1] == [f"the file is UTF-8, not {named} as named: read as UTF-8"], (named, len(text.encode()))
    assert read(ARTICLE.encode("utf-16"), encoding="utf-16") == ([TITLE, SAPO, BODY], [])


def test_utf8_with_a_stray_windows_byte_under_a_named_encoding_is_read_as_utf8() -> None:
    # A dash pasted from Word (0x96) makes the file invalid UTF-8; read as TCVN3 it
    # was "Viỏằ‡t" without a word.
    data = ARTICLE.encode() + "Ông Thịnh nói ".encode() + b"\x96 tr\xe1\xbb\x9di m\xc6\xb0a.\n"
    for named, said in (("tcvn3", "TCVN3 (ABC)"), ("cp1252", "cp1252")):
        lines, warnings = read(data, encoding=named)
        assert lines[-1] == "Ông Thịnh nói – trời mưa.", named
        assert warnings[0].startswith(f"the file is UTF-8, not {said} as named: read as UTF-8 (not valid at offset")


def test_a_utf8_byte_order_mark_before_legacy_bytes_is_not_text():
    lines, _ = read(b"\xef\xbb\xbf" + tcvn3(ARTICLE))
    assert lines[0] == TITLE


def test_a_few_windows_bytes_in_utf8_are_read_and_named():
    data = ARTICLE.encode() + b"\xd4ng Th\xe1\xbb\x8bnh n\xc3\xb3i \x96 tr\xe1\xbb\x9di m\xc6\xb0a.\n"
    lines, warnings = read(data)
    assert lines[-1] == "Ông Thịnh nói – trời mưa."
    start = len(ARTICLE.encode())
    offset = start + 1 + len("ng Thịnh nói ".encode())
    assert warnings[0] == f"not valid UTF-8 at offset {start} (0xd4, “Ô”), offset {offset} (0x96, “–”): " \
                          "read as Windows-1252"
    with pytest.raises(api.InputError, match="no legacy encoding is clearly right"):
        read(ARTICLE.encode() + bytes(range(0xA0, 0xC0)))  # more than a few: not strays


def test_utf16_without_a_mark_in_any_form_is_read():
    """Decomposed text puts NULs in both byte columns (U+0300 is 00 03), a vertical
    tab is a control character, and a tool may add one odd newline byte."""
    nfd = unicodedata.normalize("NFD", ARTICLE)
    for data in (nfd.encode("utf-16-le"), ARTICLE.replace(" chi ", " chi\v").encode("utf-16-be"),
                 ARTICLE.encode("utf-16-le") + b"\n", ARTICLE.encode("utf-16") + b"\n"):
        lines, _ = read(data)
        assert " ".join(lines).split() == " ".join([TITLE, SAPO, BODY]).split()


def test_a_few_stray_nul_bytes_are_left_out_and_many_refuse_the_file():
    """A tool's slip leaves a NUL or two in a long text (a real page of 194 KB held
    22, helper-139): a browser shows none, and nor does bantin, with a note. A file
    with more than one in a thousand bytes is binary."""
    data = (ARTICLE * 200).encode()
    lines, warnings = read(data[:100] + b"\x00" + data[100:9000] + b"\x00" + data[9000:])
    assert lines == read(data)[0] and "2 NUL bytes left out (a text holds none)" in " ".join(warnings)
    with pytest.raises(api.InputError, match="binary file"):
        read(data[:100] + b"\x00" * (len(data) // 900) + data[100:])


def test_standard_input_with_a_byte_order_mark_is_sniffed_as_what_follows():
    article = read(b'\xef\xbb\xbf{"schema": "bantin/article@3", "title": "Tin", "blocks": []}')
    assert article[0][0] == "Tin"
    page = "<!doctype html><html lang=vi><head><title>Tin</title></head><body><article><h1>Tin mới</h1>" \
           + "".join(f"<p>{SAPO} Đoạn {n}.</p>" for n in range(8)) + "</article></body></html>"
    lines, _ = read(page.encode("utf-16"))
    assert lines[0] == "Tin mới"


def test_viqr_addresses_lose_their_escapes():
    lines, _ = read(b"Tin mo+'i\nXem https://hanoi\\.gov\\.vn/a\\?id=1 hoa(.c Ddu+o+`ng pho^'.\n", encoding="viqr")
    assert lines[1] == "Xem https://hanoi.gov.vn/a?id=1 hoặc Đường phố."


def test_documents_that_are_not_text_are_named():
    """A PDF, an old .doc, an RTF or a zip given as text is said by name, with what
    to do, rather than as "binary" or read as a page of RTF control words."""
    for data, said in ((b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file"),
                       (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "an old Word or Excel file"),
                       (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}Tin}", "an RTF file"),
                       (b"PK\x03\x04" + bytes(30), "a zip archive"),
                       (_picture("JPEG"), "^a JPEG picture, not an article$"),
                       (_picture("PNG"), "^a PNG picture, not an article$"),
                       (_picture("GIF"), "^a GIF picture, not an article$"),
                       (_picture("TIFF"), "^a TIFF picture, not an article$")):
        with pytest.raises(api.InputError, match=said):
            api.read(data, source_format="txt")


def _picture(fmt: str) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, fmt)
    return out.getvalue()


@pytest.mark.parametrize("head", ["<!DOCTYPE html>\n<html lang=\"vi\">", "\ufeff  <HTML>", "<html>",
                                  "<?xml version=\"1.0\"?>\n<!-- lưu từ trình duyệt -->\n<!doctype HTML>"])
def test_a_web_page_named_as_text_says_to_read_it_as_one(head, tmp_path):
    """Named .txt, its tags would be read as words; --from txt still reads it as text."""
    page = tmp_path / "trang.txt"
    page.write_text(f"{head}<head><title>Tin</title></head><body><p>Đoạn văn của bài.</p></body></html>",
                    encoding="utf-8")
    with pytest.raises(api.InputError, match="a web page .* give --from html"):
        api.read(page)
    assert api.read(page, source_format="html").title == "Tin"
    assert "<body>" in str(api.read(page, source_format="txt", typography=False))


@pytest.mark.parametrize("text", ["<html> là một thẻ của trang web\n\nBài viết nói về thẻ <html>.",
                                  "Tiêu đề\n\n<html> mở đầu mọi trang web."])
def test_text_that_only_mentions_html_is_text(text, tmp_path):
    """A newsroom text about web pages, whose first word is a tag's name, is text."""
    (tmp_path / "bai.txt").write_text(text, encoding="utf-8")
    assert "<html>" in str(api.read(tmp_path / "bai.txt"))


@pytest.mark.parametrize(("data", "said"), [
    (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://bao.example/a.html\r\nSubject: Tin\r\n"
     b"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\"\r\n\r\n------MultipartBoundary",
     "a web page saved as one file"),
    (b"Return-Path: <a@b.vn>\nFrom: =?utf-8?q?Ph=C3=B2ng?= <a@b.vn>\nMIME-Version: 1.0\nContent-Type: text/plain\n\n"
     b"Th\xc3\xb4ng b\xc3\xa1o", "an e-mail"),
    (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
     b'<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">', "a Word 2003 XML file"),
    (b'<?xml version="1.0"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">',
     "flat XML"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"></svg>', "an SVG picture"),
    (_picture("BMP"), "a BMP picture"),
    (_picture("WEBP"), "a WebP picture"),
])
def test_documents_read_as_markup_are_named(data, said):
    with pytest.raises(api.InputError, match=said):
        api.read(data, source_format="txt")


@pytest.mark.parametrize("text", ["From: Phòng Văn hóa\nTo: các đơn vị\n\nThông báo lịch họp tuần sau.",
                                  "Date: 2024-09-05\nContent-Type: tin ngắn\nReceived: 05/09/2024\n\nHà Nội mưa lớn.",
                                  "<svg là thẻ vẽ hình của trang web\n\nBài viết giới thiệu thẻ <svg>.",
                                  '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>\n\n'
                                  "Logo của báo ở đầu bài.\n\nĐoạn văn của bài.",
                                  "BMW ra mắt mẫu xe mới\n\nHãng xe Đức giới thiệu mẫu xe điện.",
                                  "RIFF là gì?\n\nĐịnh dạng tệp của âm thanh."])
def test_texts_that_open_like_those_kinds_are_text(text):
    assert api.read(text.encode("utf-8"), source_format="txt").title


def test_json_is_read_as_the_utf8_it_is_never_mended(tmp_path):
    """A JSON document is data a program wrote, UTF-8 by its standard: text that
    would pass for TCVN3 or UTF-8 mojibake in a newsroom's file (three signs
    beyond ASCII, 'Hµ Néi') comes back as written, so a round trip is exact."""
    doc = Briefing(title="¼¯û", articles=(Article(title="Hµ Néi ¼¯û", tags=("¼0û", "¼0û")),))
    data = api.export(doc, "json")
    notes: list[str] = []
    again = api.read(data, source_format="json", warn=notes.append)
    assert again == doc and notes == []
    path = tmp_path / "a.json"
    path.write_bytes(data)
    assert api.read(path) == doc
    # The same signs in a newsroom's text file are mended, and said so.
    txt = tmp_path / "a.txt"
    txt.write_text("Hµ Néi ®· cã m­a lín\nTèi nay trêi sÏ m­a to ë Hµ Néi.\n", encoding="utf-8")
    said: list[str] = []
    assert api.read(txt, warn=said.append).title == "Hà Nội đã có mưa lớn" and said
    # JSON that PowerShell saved as UTF-16 with its mark is read; JSON in no
    # Unicode form is refused with the offset (name its encoding to read it).
    assert api.read("\ufeff".encode("utf-16-le") + data.decode().encode("utf-16-le"), source_format="json") == doc
    legacy = data.decode().replace("Hµ Néi ", "").encode("cp1252")
    with pytest.raises(InputError, match=r"not valid UTF-8 \(byte 0xbc at offset \d+\); name its encoding"):
        api.read(legacy, source_format="json")


def test_a_short_file_that_reads_better_in_another_encoding_than_named_is_noted():
    """Four words are too few for detection to overrule a folder's -e, but the
    mojibake does not pass in silence."""
    from bantin.source.legacy import encode

    data = encode("Tin ngắn\nHà Nội mưa to.\n", "vni")
    lines, said = read(data, encoding="tcvn3")
    assert lines[0] != "Tin ngắn"  # read as named
    assert said == ["only 1 of 4 words with marks are Vietnamese read as TCVN3 (ABC), as named; 100% are "
                    "read as VNI: check the file's encoding"]
    lines, said = read(data, encoding="vni")
    assert lines[:2] == ["Tin ngắn", "Hà Nội mưa to."] and said == []
    lines, said = read(tcvn3("Tin ngắn\nHà Nội mưa to.\n"), encoding="tcvn3")
    assert lines[:2] == ["Tin ngắn", "Hà Nội mưa to."] and said == []


def test_a_western_european_text_is_refused_with_its_codec_named():
    data = "Café prices rise\nThe café owners said naïve buyers paid more.\n".encode("cp1252")
    with pytest.raises(api.InputError, match=r"\(cp1252 reads it as Western European text\)$"):
        api.read(data)
    assert api.read(data, encoding="cp1252").title == "Café prices rise"


@pytest.mark.parametrize("data", [
    tcvn3("Thời sự: Hà Nội mưa to"),  # too short for detection, but TCVN3 by its words
    "Привет, как дела? Сегодня хорошая погода.\n".encode("cp1251"),  # every letter accented read as cp1252
])
def test_cp1252_is_not_named_for_a_text_that_is_not_western(data):
    with pytest.raises(api.InputError) as e:
        api.read(data)
    assert "cp1252" not in str(e.value)


def test_an_english_text_in_its_named_code_page_is_not_doubted():
    """helper-96: curly quotes read as VISCII letters made 36% "syllables" of an
    English file named cp1252: no reading is Vietnamese, so nothing to say."""
    text = ("EU Rules on AI\nThe Commission’s new rules require “high-risk” systems to be audited. "
            "“We can’t wait,” said the commissioner… Fines reach €35 million.\nBy Anna Müller • Reuters\n")
    lines, said = read(text.encode("cp1252"), encoding="cp1252")
    assert lines[0] == "EU Rules on AI" and said == []


def test_one_foreign_name_is_no_reason_to_doubt_a_named_encoding():
    """ "de Terán" is one word that another encoding reads as a syllable: no note."""
    lines, said = read(tcvn3("de Terán nói rằng"), encoding="tcvn3")
    assert lines[0] == "de Terán nói rằng" and said == []
