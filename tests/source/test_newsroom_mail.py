"""An article saved out of an e-mail reads as the article (helper-87): its
quoted-printable decoded, the quote marks, a forwarded message's header, the
reply above the quote and the sender's signature taken off, each with a warning;
the article's own words untouched."""

from __future__ import annotations

import quopri

import pytest

from bantin import api
from bantin.model import Heading, Paragraph, text_of

ARTICLE = "\n".join([
    "Tỉnh mở thêm ba tuyến xe buýt nối các huyện miền núi",
    "(BTN) - Sáng 3/6, Sở Giao thông vận tải tỉnh đưa vào khai thác ba tuyến xe buýt mới nối trung tâm tỉnh "
    "với các huyện miền núi, giúp hàng nghìn học sinh đi lại thuận tiện hơn.",
    "Theo ông Trần Văn Bình, Giám đốc Sở, mỗi tuyến có 12 xe chạy từ 5 giờ 30 đến 19 giờ hằng ngày, giá vé từ "
    "7.000 đến 25.000 đồng mỗi lượt tùy quãng đường.",
    "Lộ trình các tuyến mới",
    "Tuyến số 1 đi từ bến xe trung tâm qua các xã ven sông lên thị trấn huyện vùng cao, dài 64 km.",
    "Minh Anh",
]) + "\n"
FORWARDED = ("---------- Forwarded message ---------\nFrom: Phòng Truyền thông <tt@example.gov.vn>\n"
             "Date: Thu, 3 Jun 2026 at 09:15\nSubject: Tin xe buýt\nTo: Ban biên tập <bbt@example.vn>\n\n")
CHUYEN_TIEP = ("---------- Tin nhắn đã chuyển tiếp ---------\nTừ: Phòng Truyền thông <tt@example.gov.vn>\n"
               "Date: Th 5, 3 thg 6, 2026 lúc 09:15\nSubject: Tin xe buýt\nTo: <bbt@example.vn>\n\n")
SIGNED = "\n--\nNguyễn Văn An\nPhòng Truyền thông\nĐT: 0912 345 678\nEmail: an@example.gov.vn\n"
THANKED = "\nTrân trọng cảm ơn!\nNguyễn Văn An\nPhòng Truyền thông\nĐT: 0912.345.678\n"


def _quoted(text: str) -> str:
    return "".join(f"> {line}\n" for line in text.splitlines())


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def _shape(text: str, heard: list[str] | None = None) -> tuple:
    a = api.read(text.encode(), warn=heard.append if heard is not None else (lambda _m: None))
    return (a.title, a.lede, a.outlet, a.byline,
            [(type(b).__name__, text_of(b.text) if isinstance(b, Paragraph | Heading) else "") for b in a.blocks])


@pytest.mark.parametrize(("mail", "said"), [
    (_qp(ARTICLE), ["quoted-printable"]),
    (_quoted(ARTICLE), ["quote marks"]),
    (FORWARDED + ARTICLE, ["forwarded message's header: “---------- Forwarded message"]),
    (CHUYEN_TIEP + ARTICLE, ["forwarded message's header: “---------- Tin nhắn đã chuyển tiếp"]),
    (FORWARDED + ARTICLE + SIGNED, ["forwarded message's header", "signature: “-- / Nguyễn Văn An"]),
    ("Anh chị xem giúp bài dưới đây.\n\nVào Th 5, 3 thg 6, 2026 lúc 09:20 An <an@example.gov.vn> đã viết:\n"
     + _quoted(FORWARDED + ARTICLE + SIGNED), ["reply above the quoted message: “Anh chị xem giúp", "quote marks",
                                               "forwarded message's header", "signature"]),
    (_quoted(_qp(FORWARDED + ARTICLE)), ["quote marks", "quoted-printable", "forwarded message's header"]),
])
def test_an_article_out_of_an_e_mail_reads_as_the_article(mail, said):
    heard: list[str] = []
    assert _shape(mail, heard) == _shape(ARTICLE)
    for part, line in zip(said, heard, strict=True):
        assert part in line, heard


def test_soft_breaks_of_an_eight_bit_message_are_joined():
    lines = []
    for line in ARTICLE.splitlines():  # cut at 70 columns with "=", as quoted-printable cuts a line
        while len(line) > 70:
            cut = line.rindex(" ", 0, 70) + 1
            lines.append(line[:cut] + "=")
            line = line[cut:]
        lines.append(line)
    heard: list[str] = []
    assert _shape("\n".join(lines) + "\n", heard) == _shape(ARTICLE)
    assert any("soft breaks" in h for h in heard)


@pytest.mark.parametrize("text", [
    ARTICLE.replace("Minh Anh", "Tỷ giá hôm nay: 1 USD =\n25.000 đồng, 1 EUR = 27.000 đồng.\nMinh Anh"),
    ARTICLE.replace("Lộ trình các tuyến mới\n", "> 50% số chuyến xuất bến đúng giờ.\nLộ trình các tuyến mới\n"),
    ARTICLE.replace("Lộ trình các tuyến mới\n", "--\n" + "Dòng thứ nhất của phần sau.\n" * 9),
])
def test_an_article_that_only_looks_like_mail_is_read_as_written(text):
    heard: list[str] = []
    words = " ".join(w for w in text.split() if w not in ("--", ">"))
    a = api.read(text.encode(), warn=heard.append)
    shown = " ".join([a.title, a.lede or "", *(text_of(b.text) for b in a.blocks if isinstance(b, Paragraph | Heading)),
                      a.byline or ""])
    assert not heard, heard
    for w in ("27.000", "50%", "Dòng thứ nhất"):
        assert (w in words) == (w in shown)


OUTLOOK = ("-----Original Message-----\nFrom: Phòng Truyền thông [mailto:tt@example.gov.vn]\n"
           "Sent: Thursday, June 3, 2026 9:15 AM\nTo: Ban biên tập; Nguyễn Văn B;\n Trần Văn C\n"
           "Subject: Tin xe buýt\n\n")
OUTLOOK_NEW = ("________________________________\nFrom: Phòng Truyền thông <tt@example.gov.vn>\n"
               "Sent: Thursday, June 3, 2026 9:15 AM\nTo: Ban biên tập <bbt@example.vn>\nSubject: Tin xe buýt\n\n")
TOP_POSTED = ("Anh xem giúp em bài này.\nTrân trọng!\nHùng\n\nFrom: Phòng Truyền thông <tt@example.gov.vn>\n"
              "Sent: Thursday, June 3, 2026 9:15 AM\nTo: Ban biên tập\nSubject: Tin xe buýt\n\n")


@pytest.mark.parametrize("mail", [
    OUTLOOK + ARTICLE, OUTLOOK_NEW + ARTICLE, TOP_POSTED + ARTICLE,  # helper-88: the header was the title
    FORWARDED + FORWARDED.replace("Tin xe buýt", "Fwd: Tin xe buýt") + ARTICLE,  # a forward of a forward
    "Gửi anh bài này ạ.\n\n" + CHUYEN_TIEP + ARTICLE,  # a note above the forward
])
def test_every_mail_programs_header_goes(mail):
    heard: list[str] = []
    assert _shape(mail, heard) == _shape(ARTICLE)
    assert any("forwarded message's header" in h for h in heard), heard


def test_quoted_printable_of_a_code_page_is_decoded():
    # helper-88: Windows-1258 written as quoted-printable stayed "Th=FD cu=D2a …".
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"  # Windows-1258 writes the tones as combining marks
    spelled = "".join(unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch)
                                                            if c not in tones)) + "".join(
        c for c in unicodedata.normalize("NFD", ch) if c in tones) for ch in ARTICLE)
    encoded = quopri.encodestring(spelled.encode("cp1258")).decode("ascii")
    heard: list[str] = []
    assert _shape(encoded, heard) == _shape(ARTICLE)
    assert any("quoted-printable" in h for h in heard), heard


@pytest.mark.parametrize("text", [
    # helper-88: the article's own last lines were taken for a signature.
    ARTICLE.replace("Minh Anh", "Xin cảm ơn!\nMinh Anh"),
    ARTICLE.replace("Lộ trình các tuyến mới\n", "--\nLộ trình các tuyến mới\n"),
    ARTICLE.replace("Lộ trình các tuyến mới\n", "Cảm ơn\nLộ trình các tuyến mới\n"),
    # and a formula broken after its "=" was read as quoted-printable's soft breaks
    ARTICLE.replace("Minh Anh", "Bài toán a=\nb+c được giải bằng cách mới, x=\ny với mọi n, n^2=\nm.\nMinh Anh"),
])
def test_the_articles_own_last_lines_stay(text):
    heard: list[str] = []
    a = api.read(text.encode(), warn=heard.append)
    shown = " ".join([a.title, a.lede or "", *(text_of(b.text) for b in a.blocks if isinstance(b, Paragraph | Heading)),
                      a.byline or ""]).replace("\xa0", " ")
    assert not [h for h in heard if "signature" in h or "soft breaks" in h], heard
    for word in ("Minh Anh", "Lộ trình", "Tuyến số 1", "64"):
        assert word in shown, (word, shown)


@pytest.mark.parametrize("closing", [SIGNED, THANKED, "\nTrân trọng!\nMọi thông tin xin liên hệ: bà Lan, điện thoại "
                                                        "0912 345 678.\n"])
def test_a_closing_with_a_contact_in_a_text_that_is_no_message_stays(closing):
    """helper-91: a press release's "Trân trọng!" over its contact line was dropped
    as an e-mail's signature. Only what is plainly a message loses one; and a phone
    number is never the byline."""
    heard: list[str] = []
    a = api.read((ARTICLE + closing).encode(), warn=heard.append)
    assert not [h for h in heard if "signature" in h], heard
    shown = " ".join(text_of(b.text) for b in a.blocks if isinstance(b, Paragraph | Heading)) + " " + (a.byline or "")
    assert "0912" in shown.replace("\xa0", " ") and (a.byline is None or "0912" not in a.byline)


@pytest.mark.parametrize("text", [
    # helper-91: spreadsheet formulas read as quoted-printable ("=B2*C2" became "²*C2")
    ARTICLE.replace("Minh Anh", "Ô tổng tính bằng =B2*C2, rồi =D2+E2 và =F2+F3 cho cả năm.\nMinh Anh"),
    # and a notice's hours taken for a message's header
    "Thông báo tạm ngừng cấp điện\nTừ: 7h00 ngày 12/3\nĐến: 17h00 ngày 12/3\nNgày: thứ Tư\n"
    "Khu vực: phường Trần Hưng Đạo và phường Năng Tĩnh.\nĐiện lực thành phố xin lỗi khách hàng.\n",
])
def test_what_only_looks_like_mail_is_read_as_written(text):
    heard: list[str] = []
    a = api.read(text.encode(), warn=heard.append)
    assert not [h for h in heard if "quoted-printable" in h or "header" in h], heard
    shown = " ".join([a.title, a.lede or "",
                      *(text_of(b.text) for b in a.blocks if isinstance(b, Paragraph | Heading))])
    for w in ("=B2*C2", "Từ: 7h00", "Thông báo tạm ngừng"):
        assert (w in text) == (w in shown.replace("\xa0", " ")), (w, shown)


def test_a_forwarded_appeal_keeps_its_own_closing_lines():
    """helper-93: a forwarded appeal's "Xin cảm ơn!" over its account number and its
    byline was dropped as the sender's signature; only "--" opens a signature."""
    appeal = ARTICLE.replace("Minh Anh", "Xin cảm ơn!\nMọi sự giúp đỡ xin gửi về chị Hường, số tài khoản "
                                         "0123456789 tại Agribank, điện thoại 0912 345 678.\nMinh Anh")
    heard: list[str] = []
    a = api.read((FORWARDED + appeal).encode(), warn=heard.append)
    assert not [h for h in heard if "signature" in h], heard
    shown = " ".join(text_of(b.text) for b in a.blocks if isinstance(b, Paragraph | Heading)).replace("\xa0", " ")
    assert "0123456789" in shown and a.byline == "Minh Anh"
