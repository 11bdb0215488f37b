"""The newsroom plain-text reader, rule by rule, on articles written for these tests."""

from __future__ import annotations

import unicodedata

import pytest
from helpers import FRAGMENTS, assert_in_order, model_words, words

from bantin.model import Figure, Heading, ListBlock, Paragraph, Quote, SectionBreak, text_of
from bantin.source import InputError, read


def art(text: str):
    return read(text.encode("utf-8"))


BASIC = """Cầu mới nối đôi bờ sông Hồng
(HNM) - Sáng 3/4, thành phố khánh thành cây cầu thứ sáu bắc qua sông Hồng.
Cầu dài 1.200 m, rộng 33 m, có sáu làn xe.
Những con số ấn tượng
Công trình được thi công trong 30 tháng, vượt tiến độ hai tháng.
Ngọc Lan
"""


def test_title_lede_outlet_dateline_byline():
    a = art(BASIC)
    assert a.title == "Cầu mới nối đôi bờ sông Hồng"
    assert a.outlet is not None and a.outlet.code == "HNM" and a.outlet.name == "Hà Nội Mới"
    assert a.lede == "Sáng 3/4, thành phố khánh thành cây cầu thứ sáu bắc qua sông Hồng."
    assert a.dateline is not None and a.dateline.time == "Sáng 3/4"
    assert a.date is None  # "3/4" has no year: never guessed
    assert a.byline == "Ngọc Lan"
    kinds = [type(b) for b in a.blocks]
    assert kinds == [Paragraph, Heading, Paragraph]
    assert text_of(a.blocks[1].text) == "Những con số ấn tượng"


@pytest.mark.parametrize(
    "lede, code, place, rest",
    [
        ("HÀ NỘI (TTXVN) – Chiều 5/8, hội nghị khai mạc.", "TTXVN", "HÀ NỘI", "Chiều 5/8, hội nghị khai mạc."),
        ("GD&TĐ - Bộ ban hành quy chế mới.", "GD&TĐ", None, "Bộ ban hành quy chế mới."),
        ("(PLO)- Tòa tuyên án vụ việc.", "PLO", None, "Tòa tuyên án vụ việc."),
        ("TTO - Mưa lớn gây ngập nhiều tuyến đường.", "TTO", None, "Mưa lớn gây ngập nhiều tuyến đường."),
        ("VOV.VN-Nhóm lớp bị đình chỉ.", "VOV.VN", None, "Nhóm lớp bị đình chỉ."),
        ("(Baonghean) — Lễ hội thu hút du khách.", "Baonghean", None, "Lễ hội thu hút du khách."),
        ("Kintedothi - Sáng nay, thành phố họp.", "Kintedothi", None, "Sáng nay, thành phố họp."),
    ],
)
def test_outlet_tags(lede, code, place, rest):
    a = art(f"Tiêu đề\n{lede}\nThân bài.\n")
    assert a.outlet is not None and a.outlet.code == code
    assert (a.dateline.place if a.dateline else None) == place
    assert a.lede == rest


@pytest.mark.parametrize("lede", ["Sea - hãng công nghệ lớn.", "Hat-trick của Neymar.", "COVID-19 lan rộng."])
def test_not_outlet_tags(lede):
    a = art(f"Tiêu đề\n{lede}\nThân bài.\n")
    assert a.outlet is None
    assert a.lede == lede


@pytest.mark.parametrize("by", ["Minh Châu", "Hòa Lê (T/h)", "Bích Lan/VOV.VN", "QM (Theo Reuters)", "VŨ HỘI",
                                # helper-152: a role in small letters before the names or after them.
                                "Bài và ảnh: Thanh Chi", "Tin, ảnh: Văn Long", "Mai Phương (thực hiện)",
                                "PV (tổng hợp)", "Nhóm phóng viên"])
def test_bylines(by):
    a = art(f"Tiêu đề\nSapo của bài.\nĐoạn một của bài viết.\nĐoạn hai của bài viết.\n{by}\n")
    assert a.byline == by
    assert all(by not in text_of(b.text) for b in a.blocks if isinstance(b, Paragraph))


@pytest.mark.parametrize(("end", "by"), [
    (["Theo TTXVN"], None),  # the publisher the article was taken from, never its byline
    (["Hoài Nam", "Theo Hànộimới"], "Hoài Nam"),
    (["Trọng Đạt", "(Còn nữa)"], "Trọng Đạt"),
])
def test_a_closing_note_stays_and_the_name_above_it_is_the_byline(end, by):
    """helper-152: "Theo TTXVN" was the byline, and over it "Hoài Nam" a paragraph;
    a name over "(Còn nữa)" was a heading."""
    a = art("Tiêu đề\nSapo của bài.\nĐoạn một của bài viết.\nĐoạn hai của bài viết.\n" + "\n".join(end) + "\n")
    assert a.byline == by
    assert text_of(a.blocks[-1].text) == end[-1]
    assert not any(isinstance(b, Heading) for b in a.blocks)


SAPO = "(ANTĐ) - Hơn hai mươi năm qua, hàng trăm người dân quanh khu xử lý chất thải sống nhờ nhặt phế liệu."


@pytest.mark.parametrize(("head", "title"), [
    (["Những phận người bên bãi rác", "Bài 1: Mưu sinh giữa núi rác"],
     "Những phận người bên bãi rác – Bài 1: Mưu sinh giữa núi rác"),
    (["Những phận người bên bãi rác", "Kỳ cuối: Ước mơ đổi đời"],
     "Những phận người bên bãi rác – Kỳ cuối: Ước mơ đổi đời"),
    (["Bài 1", "Những phận người bên bãi rác"], "Bài 1 – Những phận người bên bãi rác"),
    (["PHÓNG SỰ", "Những phận người bên bãi rác"], "PHÓNG SỰ – Những phận người bên bãi rác"),
])
def test_a_series_part_or_a_genre_beside_the_headline_is_the_titles(head, title):
    """helper-152: the part under the headline was the sapo (and the sapo the body's
    first paragraph); a kicker over it was the title."""
    a = art("\n".join(head) + f"\n{SAPO}\nMỗi ngày, bà Hoa dậy từ 4 giờ sáng để ra bãi rác.\n")
    assert a.title == title
    assert a.lede is not None and a.lede.startswith("Hơn hai mươi năm qua")
    assert [text_of(b.text) for b in a.blocks] == ["Mỗi ngày, bà Hoa dậy từ 4 giờ sáng để ra bãi rác."]


def test_a_place_and_date_line_over_a_press_release_is_its_place_and_date():
    """helper-152: it was the title, the release's kind the sapo, its subject a paragraph."""
    a = art("Hà Nội, ngày 5 tháng 8 năm 2025\nTHÔNG CÁO BÁO CHÍ\nVề kết quả Hội nghị lần thứ 12\n"
            "Ngày 5/8/2025, Ban Chấp hành tổ chức Hội nghị lần thứ 12.\nHội nghị đã thống nhất cao.\n")
    assert (a.title, a.lede, a.place, a.date) == ("THÔNG CÁO BÁO CHÍ", "Về kết quả Hội nghị lần thứ 12", "Hà Nội",
                                                  "2025-08-05")
    assert [text_of(b.text) for b in a.blocks] == ["Ngày 5/8/2025, Ban Chấp hành tổ chức Hội nghị lần thứ 12.",
                                                   "Hội nghị đã thống nhất cao."]


def test_a_place_and_date_line_under_the_headline_is_not_the_sapo():
    a = art(f"Những phận người bên bãi rác\nHà Nội, ngày 5 tháng 8 năm 2025\n{SAPO}\nĐoạn một.\n")
    assert (a.place, a.date) == ("Hà Nội", "2025-08-05") and a.lede is not None and a.lede.startswith("Hơn hai")


def test_last_sentence_is_not_a_byline():
    a = art("Tiêu đề\nSapo.\nĐoạn một.\nCuối cùng là một câu đầy đủ.\n")
    assert a.byline is None


def test_end_mark_stays_with_text_and_byline_follows():
    a = art("Tiêu đề\nSapo.\nĐoạn một kết thúc bằng dấu hết./.\nMai Anh\n")
    assert a.byline == "Mai Anh"
    assert text_of(a.blocks[-1].text).endswith("./.")


def test_end_mark_on_its_own_line():
    a = art("Tiêu đề\nSapo.\nĐoạn một.\n./.\nMai Anh\n")
    assert a.byline == "Mai Anh"
    assert text_of(a.blocks[-1].text) == "Đoạn một. ./."


@pytest.mark.parametrize(
    "line, text, credit",
    [
        ("Ảnh: Vi Thảo", "", "Vi Thảo"),
        ("Toàn cảnh hội nghị. (Ảnh: Vi Thảo)", "Toàn cảnh hội nghị.", "Vi Thảo"),
        ("Đại biểu bỏ phiếu bầu Ban Chấp hành. Ảnh: TTXVN", "Đại biểu bỏ phiếu bầu Ban Chấp hành.", "TTXVN"),
        ("Ảnh minh họa", "Ảnh minh họa", None),
        # A note on the photo in words ends the line: it was read as a heading.
        ("Cảnh sát phong tỏa hiện trường vụ cháy. Ảnh minh họa", "Cảnh sát phong tỏa hiện trường vụ cháy. Ảnh minh họa",
         None),
        ("Cảnh sát phong tỏa hiện trường (ảnh minh họa)", "Cảnh sát phong tỏa hiện trường (ảnh minh họa)", None),
        ("Huỳnh Như và Lindsey Horan (phải). Ảnh cắt từ clip", "Huỳnh Như và Lindsey Horan (phải). Ảnh cắt từ clip",
         None),
        # helper-152: a credit in small letters, a note on where someone stands, a video's credit.
        ("Đoàn viên dọn vệ sinh môi trường (ảnh: Thành đoàn Hà Nội)", "Đoàn viên dọn vệ sinh môi trường",
         "Thành đoàn Hà Nội"),
        ("Đoàn viên dọn vệ sinh môi trường. ảnh: Trung Kiên", "Đoàn viên dọn vệ sinh môi trường.", "Trung Kiên"),
        ("Ông Nguyễn Văn Minh (bên phải) trao đổi với phóng viên",
         "Ông Nguyễn Văn Minh (bên phải) trao đổi với phóng viên", None),
        ("Bí thư Chu Hồng Minh (thứ hai từ trái sang) trao cờ cho các đội hình",
         "Bí thư Chu Hồng Minh (thứ hai từ trái sang) trao cờ cho các đội hình", None),
        ("Người dân nhặt rác trong đêm (Video: Hoàng Hà)", "Người dân nhặt rác trong đêm (Video: Hoàng Hà)", None),
        # helper-65: initials are a name, not a sentence's end; Thanh Niên's credit is in capitals.
        ("Cầu mới thông xe sáng nay. Ảnh: Ng. Hà", "Cầu mới thông xe sáng nay.", "Ng. Hà"),
        ("Cầu mới thông xe sáng nay. Ảnh: T.T. Hà", "Cầu mới thông xe sáng nay.", "T.T. Hà"),
        ("Cầu mới thông xe sáng nay - ẢNH: MINH CHÂU", "Cầu mới thông xe sáng nay", "MINH CHÂU"),
    ],
)
def test_captions(line, text, credit):
    a = art(f"Tiêu đề\nSapo.\n{line}\nĐoạn thân bài.\n")
    cap = a.blocks[0]
    assert isinstance(cap, Figure) and cap.image is None
    assert text_of(cap.caption) == text and cap.credit == credit


@pytest.mark.parametrize("credit", ["Ảnh: Trung Kiên", "(Ảnh: Trung Kiên)"])
def test_a_credit_on_the_line_under_its_caption_is_one_figure(credit):
    """helper-152: as a page or a Word file pastes them; the caption was a heading,
    the credit a figure of its own."""
    a = art(f"Tiêu đề\nSapo.\nĐoạn mở đầu.\nĐoàn viên thanh niên dọn vệ sinh môi trường\n{credit}\nĐoạn thân bài.\n")
    figures = [b for b in a.blocks if isinstance(b, Figure)]
    assert [(text_of(f.caption), f.credit) for f in figures] == [
        ("Đoàn viên thanh niên dọn vệ sinh môi trường", "Trung Kiên")]
    assert not any(isinstance(b, Heading) for b in a.blocks)


def test_a_long_paragraph_over_a_credit_stays_a_paragraph():
    para = " ".join(["Chiến dịch năm nay có nhiều điểm mới về quy mô và cách tổ chức."] * 4)
    a = art(f"Tiêu đề\nSapo.\n{para}\nẢnh: Trung Kiên\nĐoạn thân bài.\n")
    assert isinstance(a.blocks[0], Paragraph) and text_of(a.blocks[0].text) == para
    assert isinstance(a.blocks[1], Figure) and a.blocks[1].credit == "Trung Kiên"


def test_headings_are_short_unpunctuated_lines():
    a = art(
        "Tiêu đề\nSapo.\nĐoạn mở đầu.\nMột tiêu đề phụ có “ngoặc kép”\nĐoạn tiếp.\n"
        "Câu này bị cắt giữa chừng bởi nguồn\nvà tiếp tục ở dòng sau.\n"
        "Số tiền hoàn lại là 958.700\nUSD trong tổng số.\n"
    )
    heads = [text_of(b.text) for b in a.blocks if isinstance(b, Heading)]
    assert heads == ["Một tiêu đề phụ có “ngoặc kép”"]


def test_ordinal_list_keeps_its_words():
    a = art("Tiêu đề\nSapo.\nCó ba bài học.\nThứ nhất, đoàn kết.\nThứ hai, dân chủ.\nThứ ba, kỷ cương.\nKết luận.\n")
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    lst = lists[0]
    assert lst.ordered and lst.numbered_in_text
    assert [text_of(i.text) for i in lst.items] == ["Thứ nhất, đoàn kết.", "Thứ hai, dân chủ.", "Thứ ba, kỷ cương."]


def test_bullets_and_numbers():
    a = art("Tiêu đề\nSapo.\n- Gạo\n- Muối\n1. Một\n2. Hai\nHết.\n")
    bullets, numbers = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert not bullets.ordered and [text_of(i.text) for i in bullets.items] == ["Gạo", "Muối"]
    assert numbers.ordered and numbers.numbered_in_text


def test_a_notices_items_numbered_with_a_slash_are_a_list_that_keeps_its_labels():
    """helper-160: "1/ … 2/ … 3/ …", a notice's numbering, were paragraphs; a
    fraction or a date that opens a line ("1/3 dân số", "15/11", "1/2025") is none."""
    items = ["1/ Thời gian: từ 22h ngày 15/11 đến 6h ngày 16/11.", "2/ Khu vực: các phường Kim Mã, Giảng Võ.",
             "3/ Người dân chủ động dự trữ nước."]
    a = art("Tạm dừng cấp nước\nCông ty thông báo tạm dừng cấp nước.\n" + "\n".join(items) + "\nXin cảm ơn.\n")
    [lst] = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert lst.ordered and lst.numbered_in_text and [text_of(i.text) for i in lst.items] == items
    prose = ["1/3 dân số của xã sống bằng nghề đánh bắt cá.", "15/11 là ngày khai mạc hội chợ của tỉnh.",
             "1/2025 là tháng cao điểm của mùa du lịch."]
    a = art("Tiêu đề\nSapo.\n" + "\n".join(prose) + "\nĐoạn sau.\n")
    assert not any(isinstance(b, ListBlock) for b in a.blocks)
    assert [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)][:3] == prose


@pytest.mark.parametrize("lines", [
    ["- Thưa ông, khó khăn lớn nhất của doanh nghiệp hiện nay là gì?",
     "- Theo tôi, khó khăn lớn nhất vẫn là thủ tục hành chính.",
     "- Hiệp hội đã kiến nghị những gì?",
     "- Chúng tôi đã gửi 15 kiến nghị lên UBND tỉnh.",
     "- Xin cảm ơn ông!"],
    ["– Các anh sang bên kia à?", "– Vâng, chúng cháu muốn sang bản Tà Mường.", "– Lên đò đi, nước đang lên đấy."],
])
def test_an_interview_or_a_dialogue_in_dashed_lines_is_paragraphs(lines):
    """helper-152: questions and answers, or a story's dialogue, were one bulleted
    list. Each line is a paragraph with its dash."""
    a = art("Tiêu đề\nSapo.\nChiều muộn, chúng tôi gặp ông bên bến đò.\n" + "\n".join(lines) + "\nĐoạn sau.\n")
    assert not any(isinstance(b, ListBlock) for b in a.blocks)
    shown = [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)][1:-1]
    assert [x[2:] for x in shown] == [x[2:] for x in lines] and all(x[0] in "-–" for x in shown)


def test_a_list_of_questions_with_no_one_speaking_stays_a_list():
    a = art("Tiêu đề\nSapo.\nBạn đọc hỏi:\n- Ai được hưởng trợ cấp?\n- Hồ sơ gồm những gì?\nĐoạn sau.\n")
    assert [len(b.items) for b in a.blocks if isinstance(b, ListBlock)] == [2]


def test_quote_block_with_attribution_line():
    a = art("Tiêu đề\nSapo.\n“Không có gì quý hơn độc lập, tự do”\n— Hồ Chí Minh\nĐoạn sau.\n")
    q = a.blocks[0]
    assert isinstance(q, Quote)
    assert text_of(q.text) == "Không có gì quý hơn độc lập, tự do" and q.attribution == "Hồ Chí Minh"


def test_reported_speech_stays_a_paragraph():
    a = art("Tiêu đề\nSapo.\n“Phải làm ngay”, đồng chí Lê Văn A nhấn mạnh.\nĐoạn sau.\n")
    assert isinstance(a.blocks[0], Paragraph)


def test_section_breaks_and_blank_lines():
    a = art("Tiêu đề\n\nSapo.\n\nĐoạn một.\n\n\n* * *\nĐoạn hai.\n")
    assert [type(b) for b in a.blocks] == [Paragraph, SectionBreak, Paragraph]


def test_one_line_body_shape_is_split_and_byline_found():
    body = ("Câu đầu tiên của bài viết dài. " * 8).strip() + "  " + ("Đoạn thứ hai bắt đầu ở đây. " * 6).strip()
    a = art(f"Tiêu đề bài\nTTO - Sapo của bài viết.\n{body} Quý Sáng\n")
    assert a.byline == "Quý Sáng"
    assert sum(isinstance(b, Paragraph) for b in a.blocks) == 2


def test_header_block_shape():
    text = (
        "Title: Tin thử nghiệm - Báo Thử\nSource: Báo Thử\nLink: https://bao.example/tin.html\n"
        "Published Date: Thứ tư, 7/2/2024, 23:41 (GMT+7)\nAuthor: Huyền Lê\nTags: thử, nghiệm\n"
        "Summary: Câu tóm tắt của bài.\nContent: Câu tóm tắt của bài.Đoạn thứ nhất dính liền.Đoạn thứ hai ở TP.HCM "
        "và vnexpress.net.\n"
    )
    a = art(text)
    assert a.title == "Tin thử nghiệm"
    assert a.outlet is not None and a.outlet.name == "Báo Thử"
    assert a.url == "https://bao.example/tin.html"
    assert a.date == "2024-02-07T23:41+07:00"
    assert a.byline == "Huyền Lê" and a.tags == ("thử", "nghiệm") and a.lede == "Câu tóm tắt của bài."
    paras = [text_of(b.text) for b in a.blocks]
    assert paras == ["Đoạn thứ nhất dính liền.", "Đoạn thứ hai ở TP.HCM và vnexpress.net."]


def test_timestamp_line_is_dateline_not_lede():
    a = art("Tiêu đề\n13/05/2017 10:28 GMT+7\nSapo thật sự.\nThân bài.\n")
    assert a.date == "2017-05-13T10:28+07:00" and a.lede == "Sapo thật sự."


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_bytes_any_form(form, newline, bom):
    text = unicodedata.normalize(form, BASIC).replace("\n", newline)
    a = read(bom + text.encode("utf-8"))
    assert a == art(BASIC)


def test_mixed_unicode_to_hop():
    # Precomposed vowel + combining tone ("Unicode tổ hợp"), as keyboard tools emit it.
    a = art("Ti\u00ea\u0309u \u0111\u00ea\u0300\nSapo.\nTh\u00e2n b\u00e0i.\n")
    assert a.title == "Tiểu đề"


def to_hop(text: str) -> str:
    """Windows-1258's form: the vowel precomposed, only the tone mark combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in d if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in tones)) + tone)
    return "".join(out)


def test_cp1258_named_or_detected():
    data = to_hop(BASIC).encode("cp1258")
    assert read(data, "cp1258") == art(BASIC)
    heard: list[str] = []
    assert read(data, warn=heard.append) == art(BASIC)  # auto: clearly Windows-1258
    assert heard == ["encoding detected: Windows-1258 (name it with --encoding to skip detection)"]


@pytest.mark.parametrize(
    "data, message",
    [(b"", "empty"), (b"  \n\t\n", "white space"), (b"\x89PNG\r\n\x1a\n\x00\x00", "^a PNG picture, not an article$"),
     (b"\x01\x00\x02\x00\x03\x04\x00\x00\x00", "binary"),
     (b"caf\xe9 au lait", "not valid UTF-8")],
)
def test_bad_bytes(data, message):
    with pytest.raises(InputError, match=message):
        read(data)


def test_every_word_kept_in_order():
    text = BASIC + "Ảnh: Vi Thảo\n“Một câu trích dẫn đứng riêng”\n— Người nói\n"
    a = art(text.replace("Ngọc Lan\n", "") + "Ngọc Lan\n")
    assert_in_order(words(text.replace("Ngọc Lan\n", "")), " ".join(model_words(a, with_front=True)))


def _without(seq: list[str], part: list[str]) -> list[str]:
    for i in range(len(seq) - len(part) + 1):
        if seq[i:i + len(part)] == part:
            return seq[:i] + seq[i + len(part):]
    raise AssertionError(f"reported as dropped but not in the input: {part}")


def test_random_documents_never_crash_or_lose_words():
    """Every word is kept, in order, but what the reader reports dropping (a sapo
    the body repeats, site furniture)."""
    import random

    rng = random.Random(20261126)
    for _ in range(400):
        lines = [rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 12))]
        text = "\n".join(lines)
        if not text.strip():
            continue
        heard: list[str] = []
        a = read(text.encode("utf-8"), warn=heard.append)
        assert a.title.strip()
        got = " ".join(model_words(a, with_front=True))
        expected = words(text)
        for message in heard:
            assert message.startswith("dropped "), message
            expected = _without(expected, words(message.split(": ", 1)[1]))
        if a.outlet and a.outlet.code:
            # The outlet tag may open the body, but the outlet is printed up front.
            code = words(a.outlet.code)
            d = a.dateline
            front = len(words(a.title)) + len(words(d.place or "") if d else [])
            front += len(words(d.time)) if d and d.time and not (a.lede or "").startswith(d.time) else 0
            expected = expected[:front] + code + _without(expected[front:], code)
        assert_in_order(expected, got, repr(text))


def test_a_notices_lettered_items_with_a_slash_nest_under_their_number():
    """"a/ … b/ …" under "1/ …", as a notice numbers its parts (helper-161 left them
    paragraphs)."""
    a = art("Tạm dừng cấp nước\nCông ty thông báo tạm dừng cấp nước.\n1/ Thời gian tạm dừng:\n"
            "a/ Khu vực Kim Mã: từ 22h ngày 15/11.\nb/ Khu vực Giảng Võ: từ 23h ngày 15/11.\n"
            "2/ Người dân chủ động dự trữ nước.\nXin cảm ơn.\n")
    [lst] = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert len(lst.items) == 2 and lst.numbered_in_text
    [inner] = [b for b in lst.items[0].blocks if isinstance(b, ListBlock)]
    assert [text_of(i.text) for i in inner.items] == ["a/ Khu vực Kim Mã: từ 22h ngày 15/11.",
                                                      "b/ Khu vực Giảng Võ: từ 23h ngày 15/11."]
