"""A bundle's file name is made from its title (convert.slug)."""

from __future__ import annotations

import pytest

from bantin.run.convert import slug


@pytest.mark.parametrize(("title", "name"), [
    ("Điểm báo ngày 5/8", "diem-bao-ngay-5-8"),  # not "ngay-58": the slash separates
    ("Bản tin 05.08.2025", "ban-tin-05-08-2025"),
    ("Bản tin – tuần 3", "ban-tin-tuan-3"),
    ("Kinh tế - xã hội", "kinh-te-xa-hoi"),
    ("Đà Nẵng: tin_sáng", "da-nang-tin_sang"),
    ("日本", "briefing"),
    ("  ", "briefing"),
])
def test_a_bundle_is_named_by_its_title_in_plain_letters(title: str, name: str) -> None:
    assert slug(title) == name
