"""UTF-8 files with parts in a legacy encoding, as newsrooms send them: a byline
typed in VNI, a phrase pasted from a TCVN3 file, a TCVN3 body under a title typed
in a CMS. Read as a whole, every UTF-8 word became mojibake ("HÃ Ná»™i"); each
part is now read in its own encoding, and a stray Windows byte stays a stray."""

from __future__ import annotations

import pytest
from helpers import cp1258

from bantin.source import legacy
from bantin.source.decode import decode_reporting

TITLE = "Hà Nội khởi công cầu Tứ Liên vượt sông Hồng\n"
BODY = ("Sáng 12/10, thành phố Hà Nội tổ chức lễ khởi công cầu Tứ Liên.\n"
        "Tổng mức đầu tư dự kiến gần 20.000 tỷ đồng, hoàn thành năm 2027.\n"
        "Cây cầu dài hơn 4 km, nối quận Tây Hồ với huyện Đông Anh.\n")


def _read(data: bytes) -> tuple[str, tuple[str, ...]]:
    d = decode_reporting(data)
    return d.text, d.notes


@pytest.mark.parametrize(("name", "data", "expected"), [
    # A byline typed in VNI at the foot of a UTF-8 article: one byte.
    ("vni byline", (TITLE + BODY).encode() + b"Thu " + legacy.encode("Hằng", "vni") + b"\n",
     TITLE + BODY + "Thu Hằng\n"),
    # A sapo line in VNI.
    ("vni line", TITLE.encode() + legacy.encode("Công trình trọng điểm của Thủ đô.\n", "vni") + BODY.encode(),
     TITLE + "Công trình trọng điểm của Thủ đô.\n" + BODY),
    # A phrase pasted from a TCVN3 file inside a UTF-8 line.
    ("tcvn3 phrase", TITLE.encode() + "Sáng 12/10, ".encode() + legacy.encode("lễ khởi công", "tcvn3")
     + " đã diễn ra.\n".encode() + BODY.encode(), TITLE + "Sáng 12/10, lễ khởi công đã diễn ra.\n" + BODY),
    # A title typed in a CMS over a body in TCVN3.
    ("utf-8 title", TITLE.encode() + legacy.encode(BODY, "tcvn3"), TITLE + BODY),
])
def test_each_part_in_its_own_encoding(name, data, expected):
    text, notes = _read(data)
    assert text == expected
    assert any("each read in its own encoding" in n for n in notes)


@pytest.mark.parametrize(("data", "expected", "note"), [
    # Must not fire: a dash or quotes pasted from Word are Windows-1252 strays, not a
    # word of another encoding (0x96 alone is "Ờ" in VISCII).
    ((TITLE + "Sáng 12/10 ").encode() + b"\x96 " + BODY.encode(), TITLE + "Sáng 12/10 – " + BODY, "Windows-1252"),
    (TITLE.encode() + b"\x93T\xc3\xb4i \xc4\x91i\x94, anh n\xc3\xb3i.\n" + BODY.encode(),
     TITLE + "“Tôi đi”, anh nói.\n" + BODY, "Windows-1252"),
])
def test_strays_stay_strays(data, expected, note):
    text, notes = _read(data)
    assert text == expected and any(note in n for n in notes)


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_a_whole_legacy_file_is_still_detected(name):
    d = decode_reporting(legacy.encode(TITLE + BODY, name))
    assert d.text == TITLE + BODY and d.detected == name


def _as_windows(data: bytes) -> str:
    """Bytes as a tool reads them as Windows-1252: the five bytes it has no
    character for come through as the Latin-1 controls."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in data)


@pytest.mark.parametrize(("line", "name"), [
    # A line of TCVN3 or VNI shown as Windows-1252 glyphs and pasted into a UTF-8 file
    # ("lỗi font"), and one of UTF-8 read as Windows-1252 ("SÃ¡ng").
    (legacy.encode("Sáng 12/10, thành phố Hà Nội tổ chức lễ khởi công.\n", "tcvn3").decode("cp1252"), "TCVN3"),
    (legacy.encode("Sáng 12/10, thành phố Hà Nội tổ chức lễ khởi công.\n", "vni").decode("cp1252"), "VNI"),
    (_as_windows("Sáng 12/10, thành phố Hà Nội tổ chức lễ khởi công.\n".encode()), "UTF-8"),
])
def test_a_line_of_mojibake_among_right_lines_is_mended(line, name):
    text, notes = _read((TITLE + line + BODY).encode())
    assert text == TITLE + "Sáng 12/10, thành phố Hà Nội tổ chức lễ khởi công.\n" + BODY
    assert any(name in n and "mended" in n for n in notes)


def test_a_foreign_line_is_not_mended():
    """Must not fire: French and German with their own letters beside Vietnamese."""
    data = TITLE + "Le café crème du quartier, très célèbre à Hà Nội.\nDie Straße für Müller.\n" + BODY
    assert _read(data.encode()) == (data, ())


def test_a_windows_1258_line_in_utf8_is_read_not_a_crash():
    """helper-72: a sapo typed in Windows-1258 (its tones as combining marks) inside
    a UTF-8 file was "internal error: KeyError: 'cp1258'", the article refused."""
    sapo = "Công trình trọng điểm của Thủ đô được khởi công sau nhiều năm chuẩn bị.\n"
    text, notes = _read(TITLE.encode() + cp1258(sapo) + BODY.encode())
    assert text == TITLE + sapo + BODY
    assert any("Windows-1258" in n for n in notes), notes


@pytest.mark.parametrize(("name", "encoding"), [("tcvn3", "utf-16"), ("vni", "utf-16-le"), ("utf-8", "utf-16")])
def test_mojibake_saved_as_utf16_is_mended(name, encoding):
    """helper-72: Notepad's "Save as Unicode" of a file it had opened as ANSI keeps
    the mojibake in UTF-16, and every output read "ñy ban nh©n d©n" with no word
    said; the same text in UTF-8 was mended."""
    raw = (TITLE + BODY).encode() if name == "utf-8" else legacy.encode(TITLE + BODY, name)
    data = _as_windows(raw).encode(encoding)
    text, notes = _read(data)
    assert text.replace("\r\n", "\n") == TITLE + BODY
    assert any("saved as UTF-16" in n for n in notes), notes


def test_a_line_saved_lossily_in_another_encoding_leaves_the_utf8_lines_right():
    """A line saved in Windows-1258 by a tool that could not write its precomposed
    letters ("?" for each) reads about as well in VISCII: no encoding is clearly
    its, and the whole file was read as VNI, every right line made mojibake
    (helper-134). The UTF-8 lines stay right, the line gets the likeliest
    encoding, and the warning says it is a guess."""
    lossy = "Theo báo cáo, mưa lũ đã làm hư hỏng hơn 300 ngôi nhà, sạt lở nhiều tuyến đường giao thông.\n"
    text, notes = _read(TITLE.encode() + lossy.encode("cp1258", errors="replace") + BODY.encode())
    assert text.startswith(TITLE) and text.endswith(BODY)
    middle = text[len(TITLE):-len(BODY)]
    assert middle.startswith("Theo báo cáo, m") and "300 ngôi nhà" in middle
    assert any("not a clear choice" in n for n in notes), notes
