"""Each typography rule, applied and switched off from a style sheet."""

from __future__ import annotations

import time
import unicodedata

import pytest

from bantin.model import Article, Paragraph, Span, text_of
from bantin.style.stylesheet import load
from bantin.typography import SWITCHES, apply, pipeline

ON = {k: True for k in SWITCHES}


def typo(text: str, **switches: bool) -> str:
    return pipeline({**ON, **switches})(text)


@pytest.mark.parametrize(
    "rule, source, expected",
    [
        ("cleanup", "Hà\u200b Nội\u00a0 \t có   mưa\u0007", "Hà Nội có mưa"),
        ("quotes", 'Ông nói "đoàn kết" và \'dân chủ\', it\'s', "Ông nói “đoàn kết” và ‘dân chủ’, it’s"),
        # Two single quotes typed for a double one are one.
        ("quotes", "rằng “mẹ hãy yên tâm’’, ‘‘Không’’ và ''được''", "rằng “mẹ hãy yên tâm”, “Không” và “được”"),
        # … but not two that close two single quotes, nor an empty pair.
        ("quotes", "'ông trùm 'bóng đá'' và \"'a' b\", nói '' rồi", "‘ông trùm ‘bóng đá’’ và “‘a’ b”, nói ‘’ rồi"),
        ("dashes", "Đoàn kết - Dân chủ - Kỷ cương", "Đoàn kết – Dân chủ – Kỷ cương"),
        ("ellipsis", "chờ đợi... rồi . . . hết", "chờ đợi… rồi … hết"),
        ("punctuation_spacing", "Hà Nội , TP.HCM ; đẹp !Lần sau:ổn", "Hà Nội, TP.HCM; đẹp! Lần sau: ổn"),
        ("nbsp", "có 179 đại biểu ngày 5/8 tại TP. Hà Nội",
         # A number binds to a unit only, not to the noun it counts (issue 27): short groups.
         "có 179 đại biểu ngày\u00a05/8 tại TP.\u00a0Hà Nội"),
    ],
)
def test_rule_applied_and_switched_off(rule, source, expected):
    only = {k: k == rule for k in SWITCHES}
    assert pipeline(only)(source) == expected
    off = {k: False for k in SWITCHES}
    assert pipeline(off)(source) == unicodedata.normalize("NFC", source)


@pytest.mark.parametrize("source", [
    "Ông \u2068Nguyễn Văn A\u2069 nói",  # an isolate a right-to-left editor left around a pasted name
    "Ông \u2066Nguyễn Văn A\u2069 nói", "Ông \u2067Nguyễn Văn A\u2069 nói",
    "Ông \u061cNguyễn Văn A\u206a nói", "Ông Nguyễn\ufff9 Văn A\ufffb nói",
])
def test_cleanup_drops_bidirectional_isolates(source):
    """They are invisible in Vietnamese text, boxes in a PDF and reorder a line in
    a terminal, as the embeddings and overrides (U+202A–U+202E) that already went."""
    assert pipeline({k: k == "cleanup" for k in SWITCHES})(source) == "Ông Nguyễn Văn A nói"


def test_cleanup_keeps_a_flags_tag_characters():
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert pipeline({k: k == "cleanup" for k in SWITCHES})(f"Cờ {scotland} bay") == f"Cờ {scotland} bay"


@pytest.mark.parametrize("text", ["nhiệm kỳ 2025-2030", "xi-nhan, vô-lăng", "ngày 15-10", "Hat-trick"])
def test_hyphens_that_are_not_dashes(text):
    assert typo(text, nbsp=False) == text


@pytest.mark.parametrize("text", ["45,5 triệu", "30.000 tấn", "lúc 23:41", "TP.HCM", "vnexpress.net", "VOV.VN"])
def test_numbers_and_abbreviations_keep_their_punctuation(text):
    assert typo(text, nbsp=False) == text


@pytest.mark.parametrize(("source", "expected"), [
    # An address glued to the word before it by a colon or a dash is still an address.
    ("Nguồn:https://x.vn/tim?q=ha+noi,b;c:d", "Nguồn: https://x.vn/tim?q=ha+noi,b;c:d"),
    ("(Xem tại:www.x.vn/a?b=1,c)", "(Xem tại: www.x.vn/a?b=1,c)"),
    ("Link—www.x.vn/a?b=1,c", "Link—www.x.vn/a?b=1,c"),
    ("Email:toasoan@bao.vn.", "Email: toasoan@bao.vn."),
    # Any scheme, a foreign country's domain, an apostrophe in a mailbox, a phone URI.
    ("sftp://h.vn/a...b file:///srv/a...c", "sftp://h.vn/a...b file:///srv/a...c"),
    ("bbc.co.uk/news?x=1,y", "bbc.co.uk/news?x=1,y"),
    ("thư o'neil@example.com", "thư o'neil@example.com"),
    ("gọi tel:+84-24-3825-3825", "gọi tel:+84-24-3825-3825"),
    # Not addresses: a time, an abbreviation, a colon between words, a sentence glued
    # to the next (a country code counts in lower case only).
    ("lúc 10:30, TP.HN:ổn", "lúc 10:30, TP.HN: ổn"),
    ("12 ca mắc mới.Ca bệnh đầu tiên, nói vậy.Ru con", "12 ca mắc mới. Ca bệnh đầu tiên, nói vậy. Ru con"),
])
def test_addresses_inside_words_are_never_touched(source, expected):
    assert typo(source) == expected


@pytest.mark.parametrize("line", [
    "http://a.vn" + ")" * 250_000,  # the trailing brackets were trimmed one copy at a time
    "www.x.vn" + ":" * 250_000,
    "Nguồn:" * 50_000,
    "x-http://" * 30_000,
])
def test_finding_addresses_stays_linear(line):
    from bantin.typography.protect import addresses

    t0 = time.process_time()
    addresses(line)
    assert time.process_time() - t0 < 2.0  # quadratic was 15 to 34 s


def test_nfc_always():
    nfd = unicodedata.normalize("NFD", "Tiếng Việt")
    assert pipeline({k: False for k in SWITCHES})(nfd) == "Tiếng Việt"


@pytest.mark.parametrize(
    "style, source, expected",
    [
        ("keep", "hòa bình, thuỷ lợi", "hòa bình, thuỷ lợi"),
        ("old", "hoà bình, thuỷ lợi, khoẻ, hoàng, quý", "hòa bình, thủy lợi, khỏe, hoàng, quý"),
        ("new", "hòa bình, thủy lợi, khỏe, hoàng, quý, HÒA", "hoà bình, thuỷ lợi, khoẻ, hoàng, quý, HOÀ"),
    ],
)
def test_tone_mark_styles(style, source, expected):
    assert pipeline(ON, style)(source) == expected


def test_spans_keep_the_space_between_them():
    a = Article("T", blocks=(Paragraph((Span("có "), Span("chữ nghiêng", em=True), Span(" ở giữa"))),))
    out = apply(a, ON)
    assert text_of(out.blocks[0].text) == "có chữ nghiêng ở giữa"
    assert out.blocks[0].text[1].em


def write_style(tmp_path, body: str):
    p = tmp_path / "s.toml"
    p.write_text('extends = "default"\n' + body, encoding="utf-8")
    return load(str(p))


def test_style_switches_rules(tmp_path):
    st = write_style(tmp_path, "[typography]\nquotes = false\ntone_marks = \"new\"\n")
    assert st.typography["quotes"] is False and st.typography["dashes"] is True
    a = apply(Article('Ông "A" hòa giải - xong'), st.typography, st.tone_marks)
    assert a.title == 'Ông "A" hoà giải\u00a0– xong'
