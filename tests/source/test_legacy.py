"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI, VIQR and VISCII from the tables, every one
of the 134 letters in both cases, detection with no flag, and the corpus converted
from each legacy encoding giving the same text as its UTF-8 original."""

from __future__ import annotations

import unicodedata

import pytest
from helpers import EXAMPLES, bantin, corpus_files, corpus_sample, cp1258, needs_corpus

import bantin as api
from bantin.source import legacy
from bantin.style.fonts import VIETNAMESE

ALL = sorted({row["unicode"] for row in legacy.letters()})
_ASCII = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "\u00a0": " "}


def _plain(text: str) -> str:
    """What a 1990s file can hold: ASCII and Vietnamese letters; curly quotes,
    dashes and the like as their ASCII forms (every other byte above 0x7F is a
    letter in these encodings)."""
    return "".join(c if c.isascii() or c in ALL else _ASCII.get(c, " ") for c in unicodedata.normalize("NFC", text))


SAMPLE = _plain((EXAMPLES / "hoi-nghi-chuyen-doi-so.txt").read_text(encoding="utf-8"))


def test_tables_hold_all_134_letters_in_both_cases():
    assert len(ALL) == 134
    assert set(ALL) == {c for c in VIETNAMESE if not c.isascii()}
    assert {c.lower() for c in ALL} | {c.upper() for c in ALL} == set(ALL)
    for name in legacy.LEGACY:  # no two letters share a spelling
        assert len({row[name] for row in legacy.letters()}) == 134, name


@pytest.mark.parametrize("name", legacy.LEGACY)
def test_every_letter_round_trips(name):
    # Inside a sentence: TCVN3 text opens a sentence with a capital (test below).
    # VIQR is written by the RFC, which escapes a full stop ("x\\."): so read (a text
    # with no escape is read as typed, test below).
    for c in ALL:
        texts = (f"x {c} x.", f"x{c}y.", f"x {c}.") if name == "viqr" else (f"x {c}", f"x{c}y", f"x {c}.")
        for text in texts:
            assert legacy.decode(legacy.encode(text, name), name) == text, (name, c, text)


ENCODE = {"tcvn3": lambda t: legacy.encode(t, "tcvn3"), "vni": lambda t: legacy.encode(t, "vni"),
          "viscii": lambda t: legacy.encode(t, "viscii"), "cp1258": cp1258}


@pytest.mark.parametrize("name", legacy.DETECTED)
def test_detected_with_no_flag(tmp_path, name):
    src = tmp_path / f"{name}.txt"
    src.write_bytes(ENCODE[name](SAMPLE))
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    assert f"encoding detected: {legacy.NAMES[name]}" in r.stderr.decode()  # never silent
    expected = api.export(api.read(SAMPLE.encode()), "txt")
    assert (tmp_path / "out" / f"{name}.txt").read_bytes() == expected


def test_viqr_only_when_named(tmp_path):
    src = tmp_path / "viqr.txt"
    src.write_bytes(legacy.encode(SAMPLE, "viqr"))
    r = bantin("export", "-f", "txt", "-e", "viqr", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "out" / "viqr.txt").read_bytes() == api.export(api.read(SAMPLE.encode()), "txt")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "plain"), str(src))
    assert r.returncode == 0 and b"detected" not in r.stderr  # ASCII is UTF-8: taken as it is
    # ... with a hint (helper-87: raw VIQR came out, its marks curled by the typography).
    assert b"looks like VIQR" in r.stderr and b"--encoding viqr" in r.stderr, r.stderr
    english = tmp_path / "english.txt"
    english.write_text("Quarterly report\nSales rose 5% in Q3 (see a(b) below), the CEO said. Costs fell.\n")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "plain"), str(english))
    assert r.returncode == 0 and b"VIQR" not in r.stderr, r.stderr


def test_viqr_keeps_addresses_and_refuses_bytes_beyond_ascii():
    """VIQR's marks are ASCII punctuation: an address keeps its "." and "?"
    ("bao.vn" is not "baọvn"). A byte above 0x7f is not VIQR: the file is refused,
    not read with replacement characters."""
    text = legacy.decode(b"Lie^n he^. toa-soan@bao.vn hoa(.c https://x.vn/a?b=1. baomoi.com di.ch", "viqr")
    assert text == "Liên hệ toa-soan@bao.vn hoặc https://x.vn/a?b=1. baomoi.com dịch"
    with pytest.raises(api.InputError, match=r"^not valid VIQR \(byte 0xc4 at offset 6\)$"):
        api.read(b"Tie^u \xc4\x91e^` ba`i vie^'t\nMo^.t ca^u.\n", encoding="viqr")


# Positions printed in RFC 1456's table, typed here by hand so that the data file is
# checked against the standard rather than against itself: the six letters in the C0
# controls, the first and last of the upper half, and đ/Đ.
RFC_1456 = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ", 0x80: "Ạ",
            0xA1: "ắ", 0xB0: "ồ", 0xC0: "À", 0xD0: "Đ", 0xDE: "ỡ", 0xF0: "đ", 0xFE: "ợ", 0xFF: "Ữ"}


def test_viscii_matches_rfc_1456():
    for byte, letter in RFC_1456.items():
        assert legacy.decode(bytes([byte]), "viscii") == letter, hex(byte)
    # One byte per letter, and the 128 bytes above 0x7F are all letters.
    spellings = {row["viscii"] for row in legacy.letters()}
    assert all(len(s) == 1 for s in spellings)
    assert {chr(b) for b in range(0x80, 0x100)} <= spellings


def test_viscii_named_reads_every_letter(tmp_path):
    text = SAMPLE + "\n" + " ".join(ALL) + "\n"
    src = tmp_path / "viscii.txt"
    src.write_bytes(legacy.encode(text, "viscii"))
    r = bantin("export", "-f", "txt", "--encoding", "viscii", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "out" / "viscii.txt").read_bytes() == api.export(api.read(text.encode()), "txt")


def test_undecidable_bytes_name_the_candidates(tmp_path):
    src = tmp_path / "hong.txt"
    src.write_bytes(bytes(range(0xC0, 0x100)) * 20 + b"\n")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(src))
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    line = next(x for x in err.splitlines() if "hong.txt" in x)
    assert "TCVN3" in line and "VNI" in line and "--encoding" in line


def test_inspect_reports_the_detection(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(legacy.encode(SAMPLE, "tcvn3"))
    r = bantin("inspect", str(src))
    assert r.returncode == 0 and "TCVN3" in r.stderr.decode()


def _same_text_in(tmp_path, name, files):
    """Each file written in the legacy encoding ``name`` exports to the same text
    as its UTF-8 original, and its encoding is detected."""
    legacy_dir, utf8_dir = tmp_path / "legacy", tmp_path / "utf8"
    legacy_dir.mkdir()
    utf8_dir.mkdir()
    for f in files:
        text = _plain(f.read_text(encoding="utf-8-sig"))
        (utf8_dir / f.name).write_text(text, encoding="utf-8")
        (legacy_dir / f.name).write_bytes(ENCODE[name](text))
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(legacy_dir))
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    assert r.stderr.decode().count(f"encoding detected: {legacy.NAMES[name]}") == len(files)
    r0 = bantin("export", "-f", "txt", "-o", str(tmp_path / "out8"), str(utf8_dir))
    assert r0.returncode == 0
    for f in files:
        assert (tmp_path / "out" / f.name).read_bytes() == (tmp_path / "out8" / f.name).read_bytes(), f.name


@needs_corpus
@pytest.mark.parametrize("name", legacy.DETECTED)
def test_corpus_sample_in_legacy_encodings_gives_the_same_text(tmp_path, name):
    _same_text_in(tmp_path, name, corpus_sample())


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("name", legacy.DETECTED)
def test_corpus_in_legacy_encodings_gives_the_same_text(tmp_path, name):
    _same_text_in(tmp_path, name, corpus_files())


def test_a_few_bytes_of_junk_are_not_detected_as_an_encoding():
    """Three bytes beyond ASCII read as Windows-1258 give "ÿ₫ú … Ă(", of which two
    are syllables (ú, Ă): a share of 67% on no evidence. Detection needs at least
    MIN_EVIDENCE Vietnamese words beyond ASCII, which a title and a sapo hold."""
    junk = b"Tieu de\n\xff\xfe\xfa invalid \xc3\x28\n"
    assert legacy.detect(junk) is None
    with pytest.raises(api.InputError, match="no legacy encoding is clearly right"):
        api.read(junk)
    title = "Hội nghị tổng kết công tác chuyển đổi số năm 2024 của thành phố"
    assert legacy.detect(legacy.encode(title + "\n", "tcvn3")) is not None  # a title alone is enough


@pytest.mark.parametrize(("cut", "goes_on"), [
    ("cao hơn tuần trước 60.000", "ở các khu vực khác giá cũng tăng."),  # a number
    ("sản lượng tăng 12% so với cùng kỳ năm ngoái, vượt 5%", "ở mọi huyện trong tỉnh."),
    ("cán bộ cho biết sản lượng tăng so với kế hoạch của UBND", "ở đây đặt ra từ đầu năm."),  # an acronym
])
def test_tcvn3_keeps_a_wrapped_line_in_small_letters(cut, goes_on):
    """A line cut mid-sentence goes on in small letters: only a sentence's end (or
    a short line, a title) opens the next line with a capital TCVN3 could not write."""
    text = (f"Giá lúa tăng mạnh\nTheo các thương lái ở Cần Thơ, giá lúa tươi {cut}\n{goes_on}\n"
            "Ở An Giang nông dân phấn khởi.")
    assert legacy.decode(legacy.encode(text, "tcvn3"), "tcvn3") == text


def test_tcvn3_opens_a_sentence_after_a_quote_or_a_name_with_a_capital():
    """helper-96: "… doanh nghiệp." ở khu" and "Ảnh: Đức Anh. ý kiến": a sentence
    that ends in a closing quote, or in a capitalised word that is a syllable,
    ends all the same; "TP." and "ThS." do not."""
    text = ('Tin\nÔng nói: "Đó là trách nhiệm của doanh nghiệp." ở khu trưng bày có 20 gian hàng. '
            "Ảnh: Đức Anh. ý kiến bạn đọc gửi về TP. ở đây, ThS. ở lại.")
    assert legacy.decode(legacy.encode(text, "tcvn3"), "tcvn3") == text.replace('." ở', '." Ở').replace(
        "Anh. ý", "Anh. Ý")
    # helper-99: a quoted title inside a sentence, and a company's "Co.", go on.
    text = 'Tin\nCuốn sách "Ai đúng?" ở thư viện, bài hát "Việt Nam ơi!" ấy và Công ty ABC Co. ở khu mới.'
    assert legacy.decode(legacy.encode(text, "tcvn3"), "tcvn3") == text


@pytest.mark.parametrize(("typed", "read"), [
    ("Gia' ta(ng, e.g. ga.o va` ca'.", "Giá tăng, e.g. gạo và cá."),
    ("Thi. tru+o+`ng U.S. co`n ye^'u.", "Thị trường U.S. còn yếu."),
    ('Ho. ho?i "Is the water safe? Not yet."', 'Họ hỏi "Is the water safe? Not yet."'),
    ("Ba` Pe'rez va` O^xtra^ylia.", "Bà Pérez và Ôxtrâylia."),  # VIQR's own marks: foreign words are written so
    ("Huye^.n DDa. Te?h co' mu+a.", "Huyện Đạ Tẻh có mưa."),  # a tone inside a name no syllable list holds
])
def test_viqr_as_typed_keeps_english_punctuation(typed, read):
    """helper-96: typed VIQR read "U.S." as "ỤS.", "e.g." as "ẹg." and "safe?" as
    "safẻ": no Vietnamese word, and "." and "?" are English punctuation there."""
    assert legacy.decode(typed.encode("ascii"), "viqr") == read


@pytest.mark.parametrize(("typed", "read"), [
    ("Tin\nHa` No^.i mu+a to.\nTro+`i la.nh qua'.", "Tin\nHà Nội mưa to.\nTrời lạnh quá."),  # a line's end
    ("Ho. ddi mua. Co^ a^'y ba'n ca'i a'o kia.", "Họ đi mua. Cô ấy bán cái áo kia."),  # "mụa", "kịa" are no words
    ("Anh a^'y bi. ddau. Tho+`i tie^'t tha^.t to^'t.", "Anh ấy bị đau. Thời tiết thật tốt."),
    ("Ho^m nay tro+`i mu+a.\nCo^ a^'y bi.. Ho. bi. pha.t.", "Hôm nay trời mưa.\nCô ấy bị. Họ bị phạt."),
    ('"Ddi ho.c." Co^ no\'i va`o TP.HCM.', '"Đi học." Cô nói vào TP.HCM.'),
    # Before a capital a "." is a tone: names and bodies are commoner there than a sentence's end.
    ("Bo^. Y te^' va` ba` Nguye^~n Thi. Hoa o+? cho+. Be^'n Tha`nh.", "Bộ Y tế và bà Nguyễn Thị Hoa ở chợ Bến Thành."),
    ("Vu. cha'y o+? cho+.\nO^ng A. cho bie^'t ho. bi. pha.t.", "Vụ cháy ở chợ\nÔng A. cho biết họ bị phạt."),  # title
    ("Xem ta.i www.vnexpress.net.\nDdo.c https://vnexpress.net/thoi-su.", "Xem tại www.vnexpress.net.\n"
     "Đọc https://vnexpress.net/thoi-su."),
    # A text that escapes its full stops follows the RFC: every other "." is a tone.
    ("Ho. ddi mua\\. Co^ a^'y bi. Ha.", "Họ đi mua. Cô ấy bị Hạ"),
])
def test_viqr_as_typed_keeps_its_full_stops(typed, read):
    """RFC 1456 escapes a full stop after a letter, but VIQR as people typed it
    does not: a word-final "." before a capital or a line's end, after a word
    toned already, or after two vowels whose first takes the tone, is a full stop."""
    assert legacy.decode(typed.encode("ascii"), "viqr") == read


@pytest.mark.parametrize(("typed", "read"), [
    # helper-72: "nào?" read "nàỏ", two tones on one syllable; "vậy?" read "vậỷ".
    ("Tin\nAnh ddi dda^u?\nTa.i sao va^.y? Ai bie^'t na`o?", "Tin\nAnh đi đâu?\nTại sao vậy? Ai biết nào?"),
    ('Tin\nCo^ ho?i: "Co\' pha?i kho^ng?" ro^`i ddi.', 'Tin\nCô hỏi: "Có phải không?" rồi đi.'),
    ("Tin\nGia' ta(ng ga^'p ddo^i? Thi` sao? Gia' va^~n ta(ng.", "Tin\nGiá tăng gấp đôi? Thì sao? Giá vẫn tăng."),
    # Elsewhere a word-final "?" is a hỏi, at a line's end and before a quote too (helper-73).
    ("Ca? nu+o+'c ddu? so^' ngu+o+`i tre? tuo^?i, ke^'t qua? gia? ddi.nh.",
     "Cả nước đủ số người trẻ tuổi, kết quả giả định."),
    ("Ngu+o+`i tre?\nHo. ddi ddu?.", "Người trẻ\nHọ đi đủ."),  # the title; a "." after it
    ("Tin\nHo^~ tro+. doanh nghie^.p nho?\nVo^'n 120.000 ty?\nO^ng no'i: \"vu+`a va` nho?\"",
     "Tin\nHỗ trợ doanh nghiệp nhỏ\nVốn 120.000 tỷ\nÔng nói: \"vừa và nhỏ\""),
    ("Ho?i: Ta.i sao\\? La` vi` dda^u.", "Hỏi: Tại sao? Là vì đâu."),  # escaped by the RFC: the rest are tones
])
def test_viqr_as_typed_keeps_its_question_marks(typed, read):
    """A word-final "?" after a word toned already, or after two vowels whose first
    would take the tone, asks a question; elsewhere it is the hỏi it usually is."""
    assert legacy.decode(typed.encode("ascii"), "viqr") == read


def test_an_encoding_named_for_a_word_file_is_said_to_be_unused(tmp_path):
    """A Word file holds Unicode and names its legacy fonts: "-e tcvn3" over it
    changes nothing, and the user is told so rather than left to wonder."""
    said: list[str] = []
    docx = EXAMPLES / "lich-tiep-cong-dan.docx"
    named = api.read(docx, encoding="tcvn3", warn=said.append)
    assert any("--encoding tcvn3 is not used" in s and "docx" in s for s in said), said
    assert named == api.read(docx, warn=lambda _: None)
    r = bantin("export", "-f", "txt", "-e", "vni", "-o", str(tmp_path), str(docx))
    assert r.returncode == 0 and "--encoding vni is not used" in r.stderr.decode()
    # a text file uses it, and hears nothing of the kind
    said.clear()
    api.read(legacy.encode("Tin tức\n\nHà Nội mở thêm tuyến buýt điện.", "tcvn3"), encoding="tcvn3", warn=said.append)
    assert not any("is not used" in s for s in said)


def test_tcvn3_capitals_are_restored_in_linear_time() -> None:
    """helper-163: the sentence-opening rule was tried from every letter of a word,
    so a TCVN3 line of 20,000 letters (a blob pasted into a newsroom text) took six
    seconds, and 100,000 over two minutes."""
    import time

    text = legacy.encode("Hà Nội " + "x" * 100_000 + " vừa đến. ở đây mưa. ấy là tin cuối.\n", "tcvn3")
    t0 = time.monotonic()
    decoded = legacy.decode(text, "tcvn3")
    assert time.monotonic() - t0 < 2
    assert decoded.endswith(". Ở đây mưa. Ấy là tin cuối.\n")
