"""Where lines may break (issue 27): what the typography binds with no-break
characters, and the Vietnamese words ``typography.words`` keeps whole."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from bantin.typography import nbsp, words

NB = "\u00a0"


@pytest.mark.parametrize(("source", "expected"), [
    ("dài 5 km và rộng 30 m", f"dài 5{NB}km và rộng 30{NB}m"),
    ("có 179 đại biểu dự", "có 179 đại biểu dự"),  # a counted noun is no unit
    ("giá 31.700 USD", f"giá 31.700{NB}USD"),
    ("từ 190 – 300 triệu", f"từ 190{NB}– 300{NB}triệu"),  # may break after the dash, not before
    ("250.000 – 300.000 đồng/kg", f"250.000{NB}– 300.000{NB}đồng/kg"),
    ("kinh tế – xã hội", f"kinh tế{NB}– xã hội"),  # no line starts with a dash
    ("“Tôi sẽ đi” – ông Nam nói.", f"“Tôi sẽ đi”{NB}– ông Nam nói."),
    ("Độc lập - Tự do - Hạnh phúc", f"Độc lập{NB}- Tự do{NB}- Hạnh phúc"),  # as typed, dashes rule off
    ("– Mục một", "– Mục một"),  # a dash that opens the text has no word to stay with
    ("xi-nhan và vô-lăng", "xi-nhan và vô-lăng"),
    ("ngày 2-2 vừa qua", f"ngày{NB}2\u20112 vừa qua"),
    ("nhiệm kỳ 2025-2030", "nhiệm kỳ 2025\u20112030"),
    ("lương 5-6 triệu", f"lương 5\u20116{NB}triệu"),  # as "5 – 6 triệu": the range's end keeps its unit
    ("nhiệt độ -5 °C, lãi -2,5 tỷ", f"nhiệt độ -5{NB}°C, lãi -2,5{NB}tỷ"),  # a minus keeps its number's unit
    ("QĐ-5 km", f"QĐ\u20115{NB}km"),  # a hyphen after a word is no minus: a code's, bound to its number
    ("ngày 5 tháng 8 năm 2025", f"ngày{NB}5 tháng{NB}8 năm{NB}2025"),  # three short groups, not one
    ("kéo dài 30 ngày 31-1", f"kéo dài 30 ngày{NB}31\u20111"),
    ("TP. Hà Nội, PGS.TS. Lan", f"TP.{NB}Hà Nội, PGS.TS.{NB}Lan"),
    ("ông N. Văn A", f"ông N.{NB}Văn A"),
    ("J.K. Rowling, Tp. Huế, GS.TSKH. Minh", f"J.K.{NB}Rowling, Tp.{NB}Huế, GS.TSKH.{NB}Minh"),
    ("tăng 5 mới và 3 lần", "tăng 5 mới và 3 lần"),
    ("U20 Việt Nam", "U20 Việt Nam"),
])
def test_nbsp_binds_only_what_must_stay_together(source, expected):
    assert nbsp.apply(source) == expected


def test_nbsp_is_idempotent_linear_and_adds_only_its_two_characters():
    samples = ["giá 60.000 đồng/môn thi/thí sinh", "0 giờ 30 ngày 31-1, lượng khách", "2 - 2", "1-2-3-4",
               "5 km/h", "Q. 1 và P. 5", "ngày 05/02/2021 Tổng", "45,5 triệu đồng (12,5% giá)"]
    for s in samples:
        once = nbsp.apply(s)
        assert nbsp.apply(once) == once, s
        assert set(once) - set(s) <= {NB, "\u2011"}, s
        assert once.replace(NB, " ").replace("\u2011", "-") == s, s
    long = "ngày 5 tháng 8 có 30 ngày 2-2 giá 1.000 đồng/kg từ 190 – 300 triệu " * 4000
    t0 = time.process_time()
    nbsp.apply(long)
    assert time.process_time() - t0 < 2.0


@pytest.mark.parametrize(("title", "kept"), [
    ("Vietnam Airlines có Chủ tịch và Tổng Giám đốc mới", ["Vietnam Airlines", "Chủ tịch", "Giám đốc"]),
    ("Hội nông dân toàn quốc hoàn thành kế hoạch", ["nông dân", "toàn quốc", "hoàn thành", "kế hoạch"]),
    ("Thủ tướng Phạm Minh Chính thăm Đồng Tháp", ["Thủ tướng", "Phạm Minh Chính", "Đồng Tháp"]),
    ("Tàu Hải quân Hoàng gia thăm cảng", ["Hải quân", "Hoàng gia"]),
    ("Ông Kim Jong Un và tổng thống", ["Kim Jong Un"]),
    # Either tone-mark style finds the word ("hòa bình" as "hoà bình", "ma túy" as "ma tuý").
    ("Thủy điện hòa bình ổn định, ma túy giảm", ["Thủy điện", "hòa bình", "ma túy"]),
    ("Thuỷ điện hoà bình ổn định, khoẻ mạnh", ["Thuỷ điện", "hoà bình", "khoẻ mạnh"]),
    # Words the list lacks, from data/words-extra.txt.
    ("Hà Nội đẩy mạnh chuyển đổi số", ["chuyển đổi số"]),
    ("Hoa hậu lần đầu trải lòng về nỗi đau", ["lần đầu", "trải lòng", "nỗi đau"]),
])
def test_words_join_the_syllables_of_each_word(title, kept):
    joined = words.join(title)
    for word in kept:
        assert word.replace(" ", NB) in joined, (word, joined)
    assert joined.replace(NB, " ") == title
    assert words.join(joined) == joined


def test_words_never_join_across_punctuation_or_shouting_names():
    assert NB not in words.join("Chủ, tịch")  # a comma closes a word
    assert words.join("“Nông” dân") == "“Nông” dân"
    shout = words.join("VIETNAM AIRLINES CÓ CHỦ TỊCH MỚI")
    assert f"CHỦ{NB}TỊCH" in shout and f"AIRLINES{NB}CÓ" not in shout


def test_the_word_list_loads_only_for_display_text():
    """Start-up never reads the word list, nor does the text writer while every
    title fits its line (a longer one is broken between words: test_txt)."""
    code = ("import bantin, bantin.api as api; from bantin.model import Article;"
            "api.export(Article('Chủ tịch nông dân'), 'txt');"
            "from bantin.typography import words; print(words.vocabulary.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"
    assert len(words.vocabulary()) > 20_000


@pytest.mark.parametrize(("title", "kept"), [
    ("Madam Nhu Trần Lệ Xuân – Quyền lực bà Rồng", "Madam Nhu Trần Lệ Xuân\u00a0–"),
    ("Đối thủ của Yamaha Exciter – Honda Winner 150", "Yamaha Exciter\u00a0–"),
])
def test_a_name_stays_whole_before_a_bound_dash(title, kept):
    # the dash is bound to the name's last syllable; the name is still one word
    assert kept.replace(" ", NB) in words.join(nbsp.apply(title))


def test_initials_bind_only_to_a_capitalised_name():
    # "À-Ỹ" in a character class spans small letters too: "T.T.H. đến" is the
    # initials and a verb, not a name.
    assert nbsp.apply("ông T.T.H. đến nơi, N. Đức và A. ở") == f"ông T.T.H. đến nơi, N.{NB}Đức và A. ở"
