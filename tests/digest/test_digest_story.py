"""The điểm báo across a bundle (issue 26): what other outlets report of the same
story decides an article's points (``digest.story``), stories do not lean on one
another, copies vote once, and ``bantin inspect --digest`` reads several files as
one bundle. Every article here is written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import bantin

from bantin.digest.build import plans
from bantin.digest.points import select
from bantin.digest.story import supports
from bantin.model import Article, Outlet, Paragraph, plain


def _article(title: str, lede: str, *paragraphs: str, outlet: str) -> Article:
    return Article(title, lede=lede, blocks=tuple(Paragraph(plain(p)) for p in paragraphs),
                   outlet=Outlet(name=outlet))


COLOUR = ("Người dân sống quanh cây xăng Ka Long kể rằng ngọn lửa từ xe bồn bốc cao hàng chục mét, "
          "khói đen bao trùm cả khu phố quanh cây xăng.")
FACT = ("Chiếc xe bồn chở hơn 22.500 lít xăng A92 bị thiêu rụi hoàn toàn, nhưng hai bể chứa nhiên liệu "
        "dưới hầm đã không phát nổ.")
FIRE = _article(
    "Cháy xe bồn chở xăng tại một cây xăng ở Móng Cái",
    "Tối 7/8, một xe bồn chở xăng bốc cháy khi đang bơm xăng vào bể chứa của cây xăng Ka Long ở TP Móng Cái.",
    COLOUR, FACT, "Lực lượng cứu hỏa khống chế đám cháy lúc 20 giờ 30 và không có ai bị thương.",
    outlet="Báo A")
# Two other outlets' own articles of the same fire: both report the tanker burnt out
# and the tanks underground intact, in their own words; neither has the smoke.
FIRE_B = _article(
    "Xe bồn 22.500 lít xăng cháy rụi ở Móng Cái",
    "Một xe bồn chở xăng A92 đã cháy trơ khung ở cây xăng Ka Long, Quảng Ninh.",
    "Theo cơ quan chức năng, xe bồn chở 22.500 lít xăng A92 cháy rụi hoàn toàn, hai bể chứa nhiên liệu "
    "dưới hầm không phát nổ.",
    "Đến 20 giờ 30, đám cháy được khống chế, không có thương vong.",
    outlet="Báo B")
FIRE_C = _article(
    "Cháy lớn tại cây xăng Ka Long",
    "Vụ cháy xe bồn tại cây xăng Ka Long khiến người dân hoảng sợ.",
    "Xe bồn chở hơn 22.500 lít xăng A92 bị thiêu rụi, may mắn hai bể chứa dưới hầm không phát nổ.",
    "Lãnh đạo TP Móng Cái đã khen thưởng lực lượng cứu hỏa vì khống chế đám cháy nhanh.",
    outlet="Báo C")
RICE = _article(
    "Giá lúa tăng ở đồng bằng sông Cửu Long",
    "Giá lúa tươi tại nhiều tỉnh miền Tây tăng 300 đồng mỗi kg so với tuần trước.",
    "Thương lái thu mua lúa IR 50404 với giá 6.800 đồng mỗi kg tại ruộng.",
    "Nông dân Cần Thơ cho rằng vụ hè thu năm nay được mùa và được giá.",
    outlet="Báo D")


# Another fire, another day: the same words of fires (smoke over the street, the
# fire brigade, burnt out), but none of the petrol station's headline.
MARKET = _article(
    "Cháy lớn tại chợ Đồng Xuân trong đêm",
    "Rạng sáng 8/8, một đám cháy lớn bùng lên tại khu kinh doanh quần áo của chợ Đồng Xuân, Hà Nội.",
    "Người dân sống quanh chợ kể rằng ngọn lửa bốc cao hàng chục mét, khói đen bao trùm cả khu phố quanh chợ.",
    "Lực lượng cứu hỏa khống chế đám cháy sau hơn hai giờ và không có ai bị thương.",
    "Hàng trăm ki-ốt bị thiêu rụi hoàn toàn, thiệt hại ước tính hàng tỷ đồng.",
    "Đám cháy bốc lên từ một ki-ốt ở tầng hai rồi lan nhanh, lực lượng cứu hỏa phải khống chế đám cháy từ nhiều phía.",
    outlet="Báo G")


def test_what_other_outlets_report_outweighs_one_article_s_colour():
    # Alone, the article's first sentence (its own words, said twice) comes first ...
    assert [p.text for p in select(FIRE, 1, 100)] == [COLOUR]
    # ... in a bundle with two other outlets' reports of the fire, the fact they
    # all report is the point, and its story part says why.
    entries = plans((FIRE, FIRE_B, FIRE_C, RICE), 1, 100)
    [fire] = [chosen for group, _, chosen in entries if group[0] is FIRE]
    assert [p.text for p in fire] == [FACT]
    parts = fire[0].parts
    assert parts is not None and parts.story > parts.central > 0


def test_a_story_gets_no_support_from_another_story():
    weights = supports([[FIRE], [FIRE_B], [FIRE_C], [RICE]])
    assert [w is not None for w in weights] == [True, True, True, False]
    # the rice report's points are what they are alone
    [rice] = [chosen for group, _, chosen in plans((FIRE, RICE, FIRE_B), 2, 100) if group[0] is RICE]
    assert [p.text for p in rice] == [p.text for p in select(RICE, 2, 100)]
    assert all(p.parts is not None and p.parts.story == 0 for p in rice)


def test_a_story_of_the_same_kind_is_not_the_same_story():
    # the two fires' words are alike (a cosine past SAME_STORY) ...
    from bantin.digest.salience import terms
    from bantin.digest.story import SAME_STORY
    from bantin.digest.syndication import prose

    fire, market = terms(prose(FIRE)), terms(prose(MARKET))
    dot = sum(n * market.get(k, 0) for k, n in fire.items())
    assert dot / (sum(n * n for n in fire.values()) * sum(n * n for n in market.values())) ** 0.5 >= SAME_STORY
    # ... but neither holds the other's headline: no support, the points of each alone
    assert supports([[FIRE], [MARKET]]) == [None, None]
    [fire_points] = [chosen for group, _, chosen in plans((FIRE, MARKET), 1, 100) if group[0] is FIRE]
    assert [p.text for p in fire_points] == [COLOUR]


def test_the_same_story_a_year_later_is_another_story():
    """This year's report and last year's of one yearly event share their words
    and their headline; a week apart or more, they are two stories. Undated, or
    a day apart, they are one."""
    from dataclasses import replace

    def dated(a: Article, day: str | None) -> Article:
        return replace(a, date=day)

    assert supports([[dated(FIRE, "2025-08-07")], [dated(FIRE_B, "2024-08-07T20:00:00+07:00")]]) == [None, None]
    assert all(w is not None for w in supports([[dated(FIRE, "2025-08-07")], [dated(FIRE_B, "2025-08-08")]]))
    assert all(w is not None for w in supports([[dated(FIRE, "2025-08-07")], [FIRE_B]]))


def test_copies_of_one_article_vote_once():
    # Syndication: the same article sent to another outlet is one source, not two.
    copy = _article(FIRE.title, FIRE.lede or "", COLOUR, FACT,
                    "Lực lượng cứu hỏa khống chế đám cháy lúc 20 giờ 30 và không có ai bị thương.", outlet="Báo E")
    [(group, _, chosen)] = plans((FIRE, copy), 1, 100)
    assert len(group) == 2 and [p.text for p in chosen] == [COLOUR]
    # grouped by outlet each copy keeps its entry, and still neither leans on the other
    for _, _, chosen in plans((FIRE, copy), 1, 100, group_by="outlet"):
        assert all(p.parts is not None and p.parts.story == 0 for p in chosen)


def _txt(a: Article) -> str:
    return "\n".join([a.title, a.lede or "", *(b.text[0].text for b in a.blocks if isinstance(b, Paragraph))]) + "\n"


def test_inspect_reads_several_files_as_one_bundle(tmp_path: Path):
    names = []
    for name, a in (("a.txt", FIRE), ("b.txt", FIRE_B), ("c.txt", FIRE_C), ("d.txt", RICE)):
        (tmp_path / name).write_text(_txt(a), encoding="utf-8")
        names.append(str(tmp_path / name))
    r = bantin("inspect", "--digest", *names)
    assert r.returncode == 0, r.stderr.decode()
    entries = json.loads(r.stdout)["digest"]
    assert [Path(e["file"]).name for e in entries] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    # (typography has put no-break spaces in "22.500 lít")
    assert FACT in [p["text"].replace("\u00a0", " ") for p in entries[0]["points"]]
    assert entries[0]["points"][0]["score"]["story"] > 0
    assert all(p["score"]["story"] == 0 for p in entries[3]["points"])
    # the same bundle, the same points and scores, whatever the hash seed
    assert bantin("inspect", "--digest", *names, env={"PYTHONHASHSEED": "4321"}).stdout == r.stdout
    # one file that cannot be read: its own line, exit 1, the others still shown
    r = bantin("inspect", "--digest", names[0], str(tmp_path / "missing.txt"), names[3])
    assert r.returncode == 1
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "missing.txt" in lines[0] and "Traceback" not in lines[0]
    assert [Path(e["file"]).name for e in json.loads(r.stdout)["digest"]] == ["a.txt", "d.txt"]
    # without --digest, inspect shows one file's model: several are a usage error
    r = bantin("inspect", *names[:2])
    assert r.returncode == 2 and b"--digest" in r.stderr


def test_a_sentence_that_leans_loses_half_its_story_part(monkeypatch):
    """What every outlet reports outweighs the lean's −0.3 up to ten times: "Tuy
    nhiên, chiếc xe bồn … này …" won in a bundle though it reads as half of
    something out of its article (helper-143). It loses half its story part."""
    import bantin.digest.salience as salience

    leaning = ("Tuy nhiên, chiếc xe bồn chở hơn 22.500 lít xăng A92 này bị thiêu rụi hoàn toàn, nhưng hai bể "
               "chứa nhiên liệu dưới hầm đã không phát nổ.")
    fire = _article(FIRE.title, FIRE.lede or "", COLOUR, leaning,
                    "Lực lượng cứu hỏa khống chế đám cháy lúc 20 giờ 30 và không có ai bị thương.", outlet="Báo A")

    def point() -> tuple[str, float, float]:
        [[p]] = [chosen for group, _, chosen in plans((fire, FIRE_B, FIRE_C, RICE), 1, 100) if group[0] is fire]
        assert p.parts is not None
        return p.text, p.parts.story, p.parts.penalty

    text, story, penalty = point()
    assert text != leaning and story > 0 and penalty == 0
    monkeypatch.setattr(salience, "LEAN_STORY", 0.0)
    text, story, penalty = point()
    assert text == leaning and story > 1 and penalty == -0.3
