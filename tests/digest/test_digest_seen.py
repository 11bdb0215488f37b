"""What a reader of the review has already been shown (``digest.seen``): a point
that gives no new figure nor name, in words mostly shown, repeats what outlets
above told in their own words (helper-144: 74 of 219 points of 15 bundles); a
lede that gives a new figure is no repeat. Every sentence here is written for
these tests."""

from __future__ import annotations

from bantin.digest.build import plans
from bantin.digest.seen import Seen, figures, names
from bantin.model import Article, Outlet, Paragraph, plain

LEDE = "Chiều 6/9, chính quyền huyện Cô Tô đã di dời khoảng 1.000 dân làng ven biển đến nơi an toàn trước bão số 3."


def _seen(*texts: str) -> Seen:
    s = Seen()
    for t in texts:
        s.add(t)
    return s


def test_figures_are_written_one_way():
    assert figures("Khoảng 1.000 người đi 271,3 km ngày 12/12/2015.") == figures(
        "khoảng 1000 người đi 271,3km ngày 12/12/2015") == {"1000", "271,3", "12/12/2015"}
    assert figures("Ông đến sớm.") == set()
    assert names("Ông Nguyễn Văn An đến Hà Nội.") == {"nguyễn", "văn", "an", "hà", "nội"}


def test_a_paraphrase_with_no_new_figure_nor_name_repeats():
    seen = _seen(LEDE)
    # another outlet's words for the same fact: under half of its pairs shared, nothing new
    assert seen.repeats("Theo chính quyền, khoảng 1.000 dân làng sống sát mép nước ở Cô Tô đã rời nhà, tránh bão số 3.")
    # a new figure, or a new name, is news
    assert not seen.repeats("Khoảng 300 ngôi nhà ven biển huyện Cô Tô đã bị tốc mái trong đêm.")
    assert not seen.repeats("Khoảng 1.000 người dân ven biển đã được Bộ đội Biên phòng Quảng Ninh đưa đến nơi an toàn.")
    # no figure at all: only the pairs decide
    assert not seen.repeats("Người dân ven biển đã được đưa đến nơi an toàn trước khi bão đổ bộ vào đất liền.")


def test_a_lede_that_gives_a_new_figure_is_told_news():
    seen = _seen("Honda tặng phiếu quà 3 triệu đồng cho khách mua xe MSX trong tháng này.")
    same = "Honda tặng phiếu quà 3 triệu đồng cho khách mua xe MSX trong tháng này, kèm mũ bảo hiểm."
    dated = "Honda tặng phiếu quà 3 triệu đồng cho khách mua xe MSX từ ngày 1/6 đến ngày 15/7/2016."
    assert seen.told(same) and seen.repeats(dated) and not seen.told(dated)


def test_a_bundle_skips_another_outlets_paraphrase():
    first = Article("Cô Tô di dời dân tránh bão", lede=LEDE, outlet=Outlet(name="Báo A"),
                    blocks=(Paragraph(plain("Lực lượng biên phòng kêu gọi 1.200 tàu cá vào nơi trú ẩn an toàn.")),))
    retold = "Theo chính quyền, khoảng 1.000 dân làng sống sát mép nước ở Cô Tô đã rời nhà, tránh bão số 3."
    news = "Tại thị trấn Cô Tô, hơn 200 ngôi nhà bị tốc mái và nhiều cây xanh bị quật đổ chắn đường."
    second = Article("Bão số 3 gây thiệt hại ở Cô Tô", lede="Bão số 3 đã đi qua huyện đảo sau một đêm mưa gió.",
                     outlet=Outlet(name="Báo B"), blocks=(Paragraph(plain(retold)), Paragraph(plain(news))))
    (_, _, _), (_, _, points) = plans((first, second), 5, 100)
    assert [p.text for p in points] == [news]


def test_only_the_texts_that_gave_its_figures_can_have_told_it():
    """In a day's bundle of many stories, another story's figure and its common
    words are no repeat (all 1,300 ViMs articles as one bundle fell from 0.330 to
    0.317 R-2 while any text shown could have told a sentence's words)."""
    point = "Vụ tai nạn trên quốc lộ 1 khiến 20 người bị thương, trong đó có 3 người nặng, tại tỉnh Sóc Trăng."
    seen = _seen("Bão số 1 làm 20 người bị thương, 3 người mất tích tại các tỉnh phía Bắc.",
                 "Vụ tai nạn trên quốc lộ 1 tại tỉnh Sóc Trăng xảy ra lúc rạng sáng, khi xe khách mất lái.")
    assert not seen.repeats(point)  # "20 người" was another story's; this one's words were never with it
    seen.add("Xe khách mất lái trên quốc lộ 1 tại tỉnh Sóc Trăng khiến 20 người bị thương, 3 người nặng.")
    assert seen.repeats(point)
