"""In a bundle, an entry whose lede repeats what an entry above it told (another
outlet's sapo of the same story) goes without it, and its points get the words
(helper-143's editor's read: one fact printed in up to five ledes). Every article
here is written for these tests."""

from __future__ import annotations

from pathlib import Path

from helpers import bantin

from bantin.digest.build import plan, plans
from bantin.digest.sentences import words
from bantin.model import Article, Outlet, Paragraph, plain

SAPO = "Chiều 6/9, bão số 3 đổ bộ vào Quảng Ninh với sức gió mạnh cấp 12, giật cấp 14, gây mưa rất to."
# Another outlet's sapo of the same landfall: its words, two of them changed.
RETOLD = "Chiều 6/9, bão số 3 đã đổ bộ vào Quảng Ninh với sức gió mạnh cấp 12, giật cấp 14, gây mưa lớn."
FIRST = ("Hơn 50.000 người dân đã được sơ tán khỏi vùng nguy hiểm trước khi bão đổ bộ vào đất liền.",
         "Ngành điện huy động 300 công nhân để khôi phục lưới điện cho thành phố Hạ Long trong đêm.")
SECOND = ("Tại thị xã Quảng Yên, hơn 200 ngôi nhà bị tốc mái và nhiều cây xanh bị quật đổ chắn đường.",
          "Các trường học ở Hạ Long cho học sinh nghỉ học thêm một ngày để dọn dẹp sân trường và lớp học.",
          "Tỉnh đã xuất 500 tấn gạo dự trữ để hỗ trợ các hộ dân bị mất nhà cửa sau khi bão đi qua.",
          "Lực lượng biên phòng đã kêu gọi 1.200 tàu cá cùng ngư dân vào nơi trú ẩn an toàn từ sáng sớm.")
OTHER = Article("Hà Nội tuyển 2.500 giáo viên", lede="Hà Nội công bố kế hoạch tuyển 2.500 giáo viên cho năm học mới.",
                outlet=Outlet(name="Báo Lao Động"),
                blocks=(Paragraph(plain("Các huyện ngoại thành được ưu tiên tuyển trước, với 60% chỉ tiêu "
                                        "cho giáo viên mầm non và tiểu học.")),))


def _article(outlet: str, title: str, sapo: str, body: tuple[str, ...]) -> Article:
    return Article(title, lede=sapo, outlet=Outlet(name=outlet), blocks=tuple(Paragraph(plain(t)) for t in body))


ONE = _article("Báo Quảng Ninh", "Bão số 3 đổ bộ Quảng Ninh", SAPO, FIRST)
TWO = _article("Báo Giáo dục", "Quảng Ninh khắc phục hậu quả bão", RETOLD, SECOND)


def test_a_lede_told_by_an_entry_above_is_not_shown_again():
    (_, first, _), (_, second, points) = plans((ONE, TWO), 5, 100)
    assert first == SAPO and second is None
    # the words the lede left go to the points: all four of the article's own facts
    assert [p.text for p in points] == list(SECOND)
    assert sum(words(p.text) for p in points) > 100 - words(RETOLD)
    # alone, the article shows its lede
    assert plan(TWO, 5, 100)[0] == RETOLD


def test_an_entry_is_planned_where_the_review_lists_it():
    """Grouped by outlet, an entry listed above the one whose lede it repeats keeps
    its own: what an entry leaves out as told was told above it."""
    late = _article("Báo Lao Động", "Bão số 3 đổ bộ Quảng Ninh", SAPO, FIRST)
    entries = plans((OTHER, TWO, late), 5, 100, group_by="outlet")
    assert [(group[0].title, shown) for group, shown, _ in entries] == [
        (OTHER.title, OTHER.lede), (late.title, SAPO), (TWO.title, None)]


def test_the_review_prints_one_story_s_lede_once(tmp_path: Path):
    files = []
    for n, (code, title, sapo, body) in enumerate([("QN", ONE.title, SAPO, FIRST), ("GD", TWO.title, RETOLD, SECOND)]):
        f = tmp_path / f"{n}.txt"
        f.write_text(f"{title}\n({code}) - {sapo}\n" + "\n".join(body) + "\n", encoding="utf-8")
        files.append(str(f))
    r = bantin("export", "-f", "txt", "--digest", "--bundle", "Điểm báo", "-o", "-", *files)
    assert r.returncode == 0, r.stderr.decode()
    text = " ".join(r.stdout.decode("utf-8").replace("\u00a0", " ").split())
    assert text.count("giật cấp 14") == 1 and ONE.title in text and TWO.title in text and " QN " in text
    assert all(t in text for t in SECOND)
