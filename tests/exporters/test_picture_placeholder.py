"""Where a web page's picture is not fetched, every format prints "[Ảnh]" and the
caption once, not the caption twice (VnExpress sets it as the alt text), a file's
name (VietNamNet) or the headline ("<headline> – Ảnh 1.", Người Lao Động). Alt
text that describes the picture still stands in its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import bantin, read_back

import bantin as api
from bantin.model import Figure
from bantin.model.labels import repeats
from bantin.source.rules.alt_text import alt_text

TITLE = "Giá điện tăng từ tháng 5 ở các tỉnh phía Bắc"
CAPTION = "Công nhân sửa đường dây tại trạm biến áp Đông Anh (Hà Nội)."
DESCRIBED = "Hai người đàn ông mặc áo bảo hộ màu cam trên cột điện"

PAGE = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><article><h1>{TITLE}</h1>
<p>Tập đoàn Điện lực Việt Nam cho biết giá bán lẻ điện bình quân tăng thêm 4,8% từ ngày 10/5,
áp dụng cho mọi nhóm khách hàng.</p>
<figure>
<img src="https://cdn.example.vn/a.jpg" alt="{CAPTION} Ảnh: Giang Huy">
<figcaption>{CAPTION} Ảnh: Giang Huy</figcaption></figure>
<p>Theo đại diện tập đoàn, mức tăng này bù một phần chi phí mua điện từ các nhà máy nhiệt điện trong năm qua.</p>
<figure>
<img src="https://cdn.example.vn/b.jpg" alt="tram bien ap dong anh.jpg">
<figcaption>Trạm biến áp mới đóng điện tháng trước.</figcaption></figure>
<p>Các hộ gia đình dùng dưới 100 kWh mỗi tháng sẽ trả thêm khoảng 8.000 đồng so với trước khi điều chỉnh.</p>
<figure>
<img src="https://cdn.example.vn/c.jpg" alt="{TITLE} 2026 – Ảnh 1.">
<figcaption>Hóa đơn tiền điện tháng 4 của một gia đình ở Hà Đông.</figcaption></figure>
<p>Bộ Công Thương sẽ kiểm tra việc điều chỉnh giá tại các công ty điện lực trong tháng tới để bảo đảm đúng quy định.</p>
<figure>
<img src="https://cdn.example.vn/d.jpg" alt="{DESCRIBED}">
<figcaption>Sửa chữa lưới điện trước mùa nắng nóng.</figcaption></figure>
<p>Người dân có thể tra cứu hóa đơn và mức giá mới trên ứng dụng của ngành điện từ ngày mai.</p>
</article></body></html>"""


@pytest.mark.parametrize(("alt", "kept"), [
    ("flc vietnamnet.jpg", ""),
    ("IMG_2041.JPG", ""),
    ("Picture 3", ""),
    ("Ảnh 2", ""),
    ("Giá điện tăng – Ảnh 1.", "Giá điện tăng"),
    ("Ảnh hưởng của bão số 3 tới lưới điện", "Ảnh hưởng của bão số 3 tới lưới điện"),
    ("  Cột   điện\nđổ ", "Cột điện đổ"),
    ("A man standing on a pole\n\nDescription automatically generated", "A man standing on a pole"),
    ("Ảnh minh họa", ""),  # stand-ins, a credit alone, no word at all (helper-56)
    ("IMG_20250814_093012", ""),
    ("Screenshot 2025-08-14 at 09.30.12", ""),
    ("Ảnh: Hoàng Hà", ""),
    ("Ảnh: Người dân sơ tán khỏi vùng lũ ở Lào Cai", "Ảnh: Người dân sơ tán khỏi vùng lũ ở Lào Cai"),
    ("…", ""),
    ("Hai người trên cột điện Mô tả được tạo tự động", "Hai người trên cột điện"),
])
def test_alt_text_keeps_only_a_description(alt: str, kept: str) -> None:
    assert alt_text(alt) == kept


def test_repeats_is_the_same_words_or_their_beginning() -> None:
    assert repeats(f"{CAPTION} Ảnh: Giang Huy", CAPTION)
    assert repeats(f"{TITLE} 2026", TITLE)
    assert repeats("giá điện TĂNG từ tháng 5!", "Giá điện tăng từ tháng 5")
    assert not repeats(DESCRIBED, CAPTION)
    assert not repeats("Giá", TITLE)  # one word is no repeat of a headline
    assert not repeats("", CAPTION)


def test_the_reader_drops_file_names_and_the_headline(tmp_path: Path) -> None:
    page = tmp_path / "dien.html"
    page.write_text(PAGE, encoding="utf-8")
    figures = [b for b in api.read(page).blocks if isinstance(b, Figure)]
    assert [f.alt for f in figures] == [f"{CAPTION} Ảnh: Giang Huy", "", "", DESCRIBED]
    assert all(f.image is None for f in figures)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub", "txt"])
def test_every_format_prints_the_caption_once(tmp_path: Path, fmt: str) -> None:
    page = tmp_path / "dien.html"
    page.write_text(PAGE, encoding="utf-8")
    r = bantin("export", "-f", fmt, str(page), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    text = read_back(tmp_path / "out" / f"dien.{fmt}")
    assert text.count("Công nhân sửa đường dây") == 1, text
    assert "vietnamnet" not in text and "tram bien ap" not in text
    assert "2026" not in text  # no picture repeating the headline
    if fmt != "txt":  # the text briefing prints captions alone
        assert f"[Ảnh: {DESCRIBED}]" in text
        assert text.count("[Ảnh]") == 3


@pytest.mark.parametrize(("caption", "credit", "label"), [
    ("Lực lượng cứu hộ tiếp cận hiện trường. Video: IDF", None, "Video"),
    ("Lực lượng cứu hộ tiếp cận hiện trường.", "Clip: Minh Anh", "Video"),
    ("Lực lượng cứu hộ tiếp cận hiện trường.", "Ảnh: Minh Anh", "Ảnh"),
])
def test_a_clip_missing_from_the_page_is_named_a_video(caption: str, credit: str | None, label: str) -> None:
    # helper-90: "… Video: IDF" stood under an empty photo frame "[Ảnh]".
    from bantin.exporters.labels import placeholder
    from bantin.model import plain

    assert placeholder(Figure(plain(caption), credit=credit)) == label


def test_the_text_names_a_clip_a_video_as_the_other_formats_do() -> None:
    """helper-146: the text output printed "[Ảnh: … Video: IDF]" where the PDF,
    DOCX and EPUB frame said "[Video]"."""
    from bantin.model import Article, Paragraph, plain

    clip = Figure(plain("Bên trong đường hầm dưới lòng đất. Video: IDF"))
    photo = Figure(plain("Cánh đồng lúa chín vàng."))
    a = Article("Tin có clip", blocks=(Paragraph(plain("Trước.")), clip, photo, Paragraph(plain("Sau."))))
    text = " ".join(api.export(a, "txt").decode().split())
    assert "[Video: Bên trong đường hầm dưới lòng đất. Video: IDF]" in text
    assert "[Ảnh: Cánh đồng lúa chín vàng.]" in text
