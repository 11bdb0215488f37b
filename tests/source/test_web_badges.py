"""Badges, labels and place stamps that a page parts from the next word by its CSS
alone (helper-153, helper-158), on pages written for these tests: a label in a
subheading or a headline, a place stamp at the head of the body, and a time set
in its own element right after the date line's year."""

from __future__ import annotations

from pathlib import Path

import pytest

import bantin
from bantin.model import Article, Dateline, Heading, Paragraph, text_of

TITLE = "Phố đi bộ quanh hồ"
OG = f'<meta property="og:title" content="{TITLE}"><meta name="pubdate" content="2026-12-07">'
BODY = ("<p>Theo báo cáo của cơ quan chức năng, trong tháng qua thành phố đã ghi nhận nhiều chuyển biến "
        "tích cực trong công tác quản lý đô thị.</p>"
        "<p>Các chuyên gia cho rằng việc triển khai đồng bộ các giải pháp sẽ giúp cải thiện chất lượng "
        "cuộc sống của người dân thành phố.</p>")


def _read(tmp_path: Path, head: str, body: str) -> Article:
    page = tmp_path / "p.html"
    page.write_text(f'<html lang="vi"><head><meta charset="utf-8">{head}</head><body><article>{body}{BODY}'
                    "</article></body></html>", encoding="utf-8")
    a = bantin.read(page, warn=lambda _: None)
    assert isinstance(a, Article)
    return a


def _texts(a: Article) -> list[str]:
    return [text_of(b.text) for b in a.blocks if isinstance(b, (Heading, Paragraph))]


@pytest.mark.parametrize(("badge", "shown"), [
    ('<span class="badge">Video</span>Clip người dân đi bộ', "Video Clip người dân đi bộ"),
    ('<i class="icon"></i><span class="label">Infographic</span>Giá xăng tăng', "Infographic Giá xăng tăng"),
    ('<span class="tag">ẢNH</span>Phố cổ ngày cuối tuần', "ẢNH Phố cổ ngày cuối tuần"),
])
def test_a_badge_in_a_subheading_is_parted_from_the_next_word(tmp_path: Path, badge: str, shown: str) -> None:
    """"VideoClip người dân": the page's CSS sets the label in a box of its own."""
    a = _read(tmp_path, OG, f"<h1>{TITLE}</h1><h2>{badge}</h2>")
    assert shown in _texts(a), _texts(a)


def test_a_headline_with_a_badge_makes_a_spaced_title(tmp_path: Path) -> None:
    """With no og:title the <h1> is the title: it read "VideoClip người dân đi bộ"."""
    a = _read(tmp_path, '<meta name="pubdate" content="2026-12-07">',
              '<h1><span class="tag">Video</span>Clip người dân đi bộ</h1>')
    assert a.title == "Video Clip người dân đi bộ"


def test_a_label_at_a_paragraphs_head_is_parted_from_its_first_word(tmp_path: Path) -> None:
    a = _read(tmp_path, OG, f'<h1>{TITLE}</h1><p><span class="badge">Độc quyền</span>Thành phố chi 100 tỷ đồng '
                            "cho ba tuyến phố đi bộ mới quanh hồ.</p>")
    assert any(t.startswith("Độc quyền Thành phố chi") for t in _texts(a)), _texts(a)


@pytest.mark.parametrize("stamp", ['<strong class="dateline">HUẾ</strong>',
                                   '<span class="location-stamp">Huế</span>',
                                   '<span class="location-stamp">HUẾ</span> – '])
def test_a_place_stamp_at_the_head_of_the_body_is_its_dateline(tmp_path: Path, stamp: str) -> None:
    """As the sapo's is: the body began "HUẾChiều cùng ngày"."""
    a = _read(tmp_path, OG, f"<h1>{TITLE}</h1><p>{stamp}Chiều cùng ngày, mưa lớn gây ngập nhiều tuyến phố "
                            "trong thành phố.</p>")
    assert a.dateline is not None and a.dateline.place in ("HUẾ", "Huế")
    assert _texts(a)[0] == "Chiều cùng ngày, mưa lớn gây ngập nhiều tuyến phố trong thành phố.", _texts(a)


def test_a_stamp_after_the_sapos_dateline_stays_in_the_body(tmp_path: Path) -> None:
    """The sapo's place is the dateline; a later stamp is only parted from its word."""
    a = _read(tmp_path, OG, f'<h1>{TITLE}</h1><p class="description"><span class="location-stamp">Hà Nội</span>'
                            "Thành phố sẽ mở thêm ba tuyến phố đi bộ quanh hồ Hoàn Kiếm từ tháng 4.</p>"
                            '<p><strong class="dateline">HUẾ</strong>Chiều cùng ngày, mưa lớn gây ngập.</p>')
    assert a.dateline == Dateline("Hà Nội")
    assert "HUẾ Chiều cùng ngày, mưa lớn gây ngập." in _texts(a), _texts(a)


@pytest.mark.parametrize(("split", "word"), [
    ("<b>Hà</b>Nội", "HàNội"), ('<span class="hl">Hà</span>Nội', "HàNội"),
    ('<span class="dropcap">T</span>heo', "Theo"), ('<span class="first">TH</span>eo', "THeo"),
    ('<span class="hl">HÀ</span>NỘI', "HÀNỘI")])
def test_a_word_split_by_formatting_stays_one_word(tmp_path: Path, split: str, word: str) -> None:
    """Only an element set apart gets a space; a bold syllable, a highlight or a drop
    cap is part of the word the page shows whole."""
    a = _read(tmp_path, OG, f"<h1>{TITLE}</h1><p>{split} có thêm nhiều tuyến phố đi bộ mới trong năm tới.</p>")
    assert any(t.startswith(word + " có thêm") for t in _texts(a)), _texts(a)


@pytest.mark.parametrize("line", ["<span>07/12/2026</span><span>14:30</span>",
                                  '<span class="date">Thứ hai, 7/12/2026<span class="hour">14:30 (GMT+7)</span>'
                                  "</span>"])
def test_a_time_set_right_after_the_year_leaves_the_date(tmp_path: Path, line: str) -> None:
    """"07/12/202614:30": the time in an element of its own ran into the year, and a
    page with no date in its meta had none."""
    a = _read(tmp_path, f'<meta property="og:title" content="{TITLE}">',
              f'<div class="date">{line}</div><h1>{TITLE}</h1>')
    assert a.date == "2026-12-07"
