"""Newsroom text that an e-mail program or an editor wrapped at a fixed width
reads as the same article as its unwrapped original (helper-87: every line was a
paragraph, a short one a heading, and the sapo stopped mid-sentence)."""

from __future__ import annotations

import textwrap

import pytest

from bantin import api
from bantin.model import Heading, ListBlock, Paragraph, text_of
from bantin.source.rules.text_lines import unwrap

TITLE = "Tỉnh mở thêm ba tuyến xe buýt nối các huyện miền núi"
SAPO = ("(BTN) - Sáng 3/6, Sở Giao thông vận tải tỉnh đưa vào khai thác ba tuyến xe buýt mới nối trung tâm "
        "tỉnh với các huyện miền núi, giúp hàng nghìn học sinh và người dân đi lại thuận tiện hơn.")
BODY = [
    ("Theo ông Trần Văn Bình, Giám đốc Sở, mỗi tuyến có 12 xe chạy từ 5 giờ 30 đến 19 giờ hằng ngày, giá vé "
     "từ 7.000 đến 25.000 đồng mỗi lượt tùy quãng đường. Học sinh và người cao tuổi được giảm một nửa giá vé."),
    "Lộ trình các tuyến mới",
    ("Tuyến số 1 đi từ bến xe trung tâm qua các xã ven sông lên thị trấn huyện vùng cao, dài 64 km; tuyến số "
     "2 và số 3 nối chợ đầu mối với hai khu công nghiệp mới của tỉnh, mỗi tuyến dài khoảng 40 km."),
]
ORIGINAL = "\n".join([TITLE, SAPO, *BODY, "Minh Anh"]) + "\n"


def _wrapped(width: int, blank: bool) -> str:
    paragraphs = [textwrap.fill(p, width) for p in [TITLE, SAPO, *BODY, "Minh Anh"]]
    return ("\n\n" if blank else "\n").join(paragraphs) + "\n"


def _shape(text: str) -> tuple:
    a = api.read(text.encode())
    return (a.title, a.lede, a.outlet, a.byline,
            [(type(b).__name__, text_of(b.text) if isinstance(b, Paragraph | Heading) else "") for b in a.blocks])


@pytest.mark.parametrize(("width", "blank"), [(70, True), (72, True), (76, True), (70, False), (60, False)])
def test_a_wrapped_text_reads_as_its_original(width, blank):
    wrapped = _wrapped(width, blank)
    assert max(len(line) for line in wrapped.splitlines()) <= width < len(SAPO)
    assert _shape(wrapped) == _shape(ORIGINAL)
    title, lede, _, _, blocks = _shape(wrapped)
    assert lede is not None and lede.endswith("thuận tiện hơn.")
    assert [kind for kind, _ in blocks] == ["Paragraph", "Heading", "Paragraph"]


def test_lines_that_were_never_wrapped_stay_lines():
    items = ["Các chỉ tiêu chủ yếu năm 2025:", "- tốc độ tăng trưởng kinh tế đạt 8 phần trăm trở lên;",
             "- thu nhập bình quân đầu người tăng 10 phần trăm so với năm trước;",
             "- tỷ lệ hộ nghèo giảm còn dưới 1,5 phần trăm theo chuẩn mới của tỉnh.", "Đoạn cuối bài viết."]
    assert unwrap(items) == items
    short = ["khóa: giá trị"] * 30  # a narrow width: no program wraps there
    assert unwrap(short) == short
    verse = ["Sáng nay trời trong xanh quá", "Em đi học qua cánh đồng", "Lúa chín vàng trên khắp ngả",
             "Gió đưa hương lúa thơm nồng"]
    assert unwrap(verse) == verse


def test_a_list_item_opens_its_own_line_in_a_wrapped_text():
    wrapped = _wrapped(70, True) + "\n" + "\n".join([
        "Người dân có thể mua vé tháng tại các điểm sau đây của Công ty Xe buýt:",
        "- bến xe trung tâm tỉnh, quầy số 3;", "- chợ đầu mối phía bắc, cổng chính;",
        "- trụ sở Ủy ban nhân dân các huyện có tuyến đi qua."]) + "\n"
    a = api.read(wrapped.encode())
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3


def test_a_list_item_wrapped_onto_an_indented_line_stays_one_item():
    # helper-87: the indented second line left the list as a paragraph of its own.
    text = ORIGINAL.replace("Minh Anh\n", "") + "\n".join([
        "Các đơn vị thi công phải thực hiện ba yêu cầu:",
        "- Bảo đảm tiến độ và an toàn lao động trên công trường, nhất là mùa mưa lũ",
        "  và khi thi công trụ cầu dưới lòng sông;",
        "- Giảm thiểu ảnh hưởng đến đời sống của người dân hai bên bờ sông;",
        "- Công khai, minh bạch trong công tác giải phóng mặt bằng.", "Minh Anh"]) + "\n"
    a = api.read(text.encode())
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and [text_of(i.text) for i in lists[0].items][0] == (
        "Bảo đảm tiến độ và an toàn lao động trên công trường, nhất là mùa mưa lũ và khi thi công trụ cầu "
        "dưới lòng sông;")
    assert len(lists[0].items) == 3


@pytest.mark.parametrize("indent", ["    ", "\t"])
def test_wrapped_paragraphs_with_indented_first_lines_are_joined(indent):
    # helper-88: the indented first lines set the width, and no other line was full.
    indented = "\n".join(textwrap.fill(p, 72, initial_indent=indent) for p in [SAPO, *BODY[:1], BODY[2]])
    heard: list[str] = []
    a = api.read((TITLE + "\n" + indented + "\nMinh Anh\n").encode(), warn=heard.append)
    assert a.lede is not None and a.lede.endswith("thuận tiện hơn.")
    assert [text_of(b.text).replace("\xa0", " ") for b in a.blocks if isinstance(b, Paragraph)] == [BODY[0], BODY[2]]
    assert any("wrapped at" in h for h in heard), heard


@pytest.mark.parametrize("lines", [
    # helper-88: one-line quotes ending in a closing quote were joined into one lede
    ["“Tôi rất vui vì con đường mới giúp các cháu đến trường an toàn hơn.”",
     "“Nhà tôi cách chợ mười cây số, nay đi xe buýt chỉ mất hai mươi phút.”",
     "“Giá vé như vậy là hợp lý với người dân vùng cao chúng tôi, cảm ơn tỉnh.”",
     "“Mong tỉnh mở thêm tuyến xe lên các bản xa hơn nữa trong năm tới ạ.”",
     "“Các cháu học sinh giờ không phải đi bộ qua đèo vào mùa mưa nữa rồi.”"],
    # and free verse in stanzas
    ["Sáng nay trời trong xanh trên những đỉnh núi cao", "Em đi học qua cánh đồng lúa đang thì con gái",
     "Gió đưa hương lúa thơm nồng khắp cả bản làng", "Mẹ đứng đầu ngõ trông theo cho đến khuất bóng", "",
     "Chiều về khói bếp lam chiều quyện trên mái lá", "Tiếng cười các em vang xa khắp cả triền đồi"],
])
def test_lines_that_end_a_quotation_or_a_verse_are_not_joined(lines):
    assert unwrap(lines) == lines


@pytest.mark.parametrize("lines", [
    # helper-91: a table set with runs of spaces inside a wrapped text
    [*textwrap.wrap(SAPO, 72), "",
     "Đơn vị                       Kế hoạch (tỷ đồng)     Đã giải ngân     Tỷ lệ (%)",
     "Thành phố Nam Định                          850              312          36,7",
     "Huyện Hải Hậu                               420              198          47,1",
     "Huyện Giao Thủy                             385              201          52,2"],
    # briefs of one line each, without a full stop, each of a line's width
    ["Tỉnh tổ chức hội nghị tổng kết công tác phòng chống thiên tai năm 2025 tại",
     "Huyện Hải Hậu ra quân làm thủy lợi nội đồng với hơn 3.000 người tham gia",
     "Thành phố khánh thành cầu mới bắc qua sông Đào sau mười tám tháng thi công",
     "Sở Y tế kiểm tra an toàn thực phẩm tại các bếp ăn tập thể của khu công nghiệp",
     "Hội Nông dân tỉnh trao 200 suất quà cho hội viên có hoàn cảnh khó khăn nhất"],
])
def test_tables_and_one_line_briefs_are_never_joined(lines):
    kept = unwrap(lines)
    assert [line for line in kept if line.strip()][-4:] == [line for line in lines if line.strip()][-4:]


def test_items_that_end_in_a_semicolon_are_not_joined_in_a_wrapped_text():
    items = ["- tốc độ tăng trưởng kinh tế của toàn tỉnh đạt từ 8 phần trăm trở lên;",
             "- thu nhập bình quân đầu người tăng ít nhất 10 phần trăm so với năm trước;",
             "- tỷ lệ hộ nghèo theo chuẩn mới của tỉnh giảm xuống còn dưới 1,5 phần trăm;"]
    bare = [i[2:] for i in items]  # the same items without their marks
    text = _wrapped(72, True).split("\n") + ["Các chỉ tiêu chủ yếu của tỉnh trong năm 2025:", *bare, ""]
    kept = unwrap(text)
    for item in bare:
        assert item in kept
