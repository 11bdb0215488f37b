"""Words every exporter prints the same way: labels, dates, the masthead line.

Keeping them here is what makes the four formats read alike; layout stays in
each exporter.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime

from bantin.dates import source_date_epoch
from bantin.model import Article, Briefing, Caption, Document, text_of

CONTENTS = "Mục lục"
PAGE = "Trang"
SOURCE = "Nguồn"
TAGS = "Từ khóa"
PHOTO = "Ảnh"


def vi_date(iso: str | None) -> str:
    """"2025-08-05" → "ngày 05 tháng 8 năm 2025" (Nghị định 30: a leading zero below 10)."""
    if not iso or len(iso) < 10:
        return ""
    y, m, d = iso[:4], int(iso[5:7]), int(iso[8:10])
    month = f"{m:02d}" if m < 3 else str(m)
    return f"ngày {d:02d} tháng {month} năm {y}"


def meta_line(a: Article) -> str:
    """Outlet, dateline and date: "Phụ nữ Thủ đô (PNTĐ) · HÀ NỘI, Sáng 5/8"."""
    parts = []
    if a.outlet:
        o = a.outlet
        parts.append(f"{o.name} ({o.code})" if o.name and o.code else o.display)
    if a.dateline and a.dateline.display:
        parts.append(a.dateline.display)
    if a.date and not (a.dateline and a.dateline.time and a.date[:4] in a.dateline.time):
        parts.append(vi_date(a.date))
    return " · ".join(p for p in parts if p)


def briefing_meta(b: Briefing) -> str:
    return " · ".join(p for p in (b.issuer or "", vi_date(b.date)) if p)


def caption_line(c: Caption) -> str:
    text = text_of(c.text)
    if c.credit:
        credit = f"{PHOTO}: {c.credit}"
        return f"{text} ({credit})" if text else credit
    return text


def footer_lines(a: Article) -> list[str]:
    out = []
    if a.url:
        out.append(f"{SOURCE}: {a.url}")
    if a.tags:
        out.append(f"{TAGS}: {', '.join(a.tags)}")
    return out


def doc_subject(doc: Document) -> str:
    if isinstance(doc, Briefing):
        return "; ".join(a.title for a in doc.articles)
    return doc.lede or ""


def short_title(title: str, limit: int = 60) -> str:
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def build_time() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now; UTC, whole seconds."""
    epoch = source_date_epoch()
    if epoch is not None:
        return datetime.fromtimestamp(epoch, tz=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def zip_entry(name: str, stored: bool = False) -> zipfile.ZipInfo:
    """A zip entry with a fixed time and mode: zip files then depend on content only."""
    info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
