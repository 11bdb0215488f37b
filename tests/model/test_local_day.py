"""A timestamp with an offset is an instant: the day every format prints is that
instant's day in Vietnam (UTC+7), where the briefing is read. "23:30 Z" on 20/9
is 06:30 on 21/9 in Hà Nội; a newsroom's own local time (no offset) is its day."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from helpers import bantin, pandoc_plain, pdftotext

from bantin.model import Article
from bantin.model.dates import iso_date_ok, local_day
from bantin.model.serialize import SchemaError, dumps, loads, validate


@pytest.mark.parametrize(("value", "day"), [
    ("2016-09-20T23:30:00Z", "2016-09-21"),
    ("2016-09-20T16:59:59Z", "2016-09-20"),  # 23:59:59 in Hà Nội: still the 20th
    ("2016-09-20T17:00:00+00:00", "2016-09-21"),
    ("2016-09-20T17:00:00+0000", "2016-09-21"),
    ("2016-12-31T20:00:00-05:00", "2017-01-01"),  # 08:00 on New Year's Day in Hà Nội
    ("2016-09-20T23:30:00+07:00", "2016-09-20"),  # already Vietnam time
    ("2016-09-20T23:30:00", "2016-09-20"),  # no offset: the source's own clock
    ("2016-09-20", "2016-09-20"),
])
def test_local_day(value: str, day: str) -> None:
    assert local_day(value) == day


PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bão số 3 đổ bộ</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Bão số 3 đổ bộ","datePublished":"2016-09-20T23:30:00Z",
"publisher":{"@type":"Organization","name":"Báo Mẫu"}}</script></head>
<body><article><h1>Bão số 3 đổ bộ</h1>
<p>Sáng nay, bão số 3 đã đổ bộ vào các tỉnh ven biển miền Trung, gây mưa lớn trên diện rộng.</p>
<p>Chính quyền địa phương đã sơ tán hàng nghìn hộ dân khỏi vùng nguy hiểm trước khi bão vào bờ.</p>
<p>Các lực lượng cứu hộ đang khắc phục hậu quả và khôi phục điện lưới tại nhiều khu vực.</p>
</article></body></html>
"""

MARKDOWN = "---\ntitle: Bão số 3 đổ bộ\ndate: 2016-09-20T23:30:00Z\n---\n\nSáng nay bão đã vào bờ.\n"


@pytest.mark.parametrize(("name", "content"), [("trang.html", PAGE), ("bai.md", MARKDOWN)])
def test_every_format_prints_the_vietnam_day(tmp_path: Path, name: str, content: str) -> None:
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    stem = src.stem
    texts = {
        "txt": (out / f"{stem}.txt").read_text(encoding="utf-8"),
        "pdf": pdftotext(out / f"{stem}.pdf"),
        "docx": pandoc_plain(out / f"{stem}.docx", "docx"),
        "epub": pandoc_plain(out / f"{stem}.epub", "epub"),
    }
    for fmt, text in texts.items():
        flat = " ".join(text.split())
        assert "ngày 21 tháng 9 năm 2016" in flat, (fmt, flat[:300])
        assert "ngày 20 tháng 9" not in flat, fmt
    with zipfile.ZipFile(out / f"{stem}.epub") as z:
        opf = next(n for n in z.namelist() if n.endswith(".opf"))
        assert "<dc:date>2016-09-21</dc:date>" in z.read(opf).decode()


@pytest.mark.parametrize(("value", "ok"), [("2025-08", True), ("2025", True), ("2025-12", True), ("2025-13", False),
                                           ("2025-00", False), ("0000", False), ("2025-8", False), ("25-08", False)])
def test_a_month_or_a_year_alone_is_a_date(value, ok):
    """ISO 8601's reduced precision, as a draft is dated: checked by the one test
    of dates, the JSON schema and a round trip."""
    assert iso_date_ok(value) is ok
    a = Article("Dự thảo", date=value)
    if ok:
        validate(json.loads(dumps(a)))
        assert loads(dumps(a)).date == value and local_day(value) == value
    else:
        with pytest.raises(SchemaError):
            loads(dumps(a))


@pytest.mark.parametrize("value", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+14:00"])
def test_an_instant_whose_vietnam_day_python_cannot_hold_keeps_its_own_day(tmp_path: Path, value: str) -> None:
    """helper-163: a date at the calendar's ends with an offset (valid ISO, passed by
    the schema) was an internal error in every format of a JSON file, and in the
    web and Markdown readers that found it in a page's metadata or front matter."""
    assert local_day(value) == value[:10]
    page = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta property="article:published_time" '
            f'content="{value}"><title>Vụ lúa mới</title></head><body><article><h1>Vụ lúa mới</h1>'
            + "<p>Nông dân ở đồng bằng bắt đầu xuống giống vụ lúa mới sau khi nước lũ rút hoàn toàn.</p>" * 3
            + "</article></body></html>")
    files = {"a.json": json.dumps({"schema": "bantin/article@3", "title": "Tin", "date": value,
                                   "blocks": [{"type": "paragraph", "text": "Đoạn văn."}]}),
             "b.md": f"---\ntitle: Tin\ndate: {value}\n---\n\nĐoạn văn.\n", "c.html": page}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    r = bantin("export", "-f", "all", "-o", str(tmp_path / "out"), *(str(tmp_path / n) for n in files))
    assert r.returncode == 0, r.stderr
    year = value[:4]
    assert all(year in (tmp_path / "out" / f"{n[0]}.txt").read_text(encoding="utf-8") for n in files)
