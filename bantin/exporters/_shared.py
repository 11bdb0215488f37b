"""Words every exporter prints the same way: labels, dates, the masthead line.

Keeping them here is what makes the four formats read alike; layout stays in
each exporter.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from bantin.model.dates import source_date_epoch
from bantin.model import Article, Briefing, Document, Figure, Image, Span, Text

CONTENTS = "Mục lục"
PAGE = "Trang"
SOURCE = "Nguồn"
TAGS = "Từ khóa"
PHOTO = "Ảnh"
TABLE = "Bảng"
OTHER = "Khác"
LINKS = "Liên kết"

CODE_GROUND = "#F2F0EB"  # the light ground under a code block, in every paged format


def vi_date(iso: str | None) -> str:
    """"2025-08-05" → "ngày 05 tháng 8 năm 2025" (Nghị định 30: a leading zero below 10)."""
    if not iso or len(iso) < 10:
        return ""
    y, m, d = iso[:4], int(iso[5:7]), int(iso[8:10])
    month = f"{m:02d}" if m < 3 else str(m)
    return f"ngày {d:02d} tháng {month} năm {y}"


def meta_line(a: Article) -> str:
    """Outlet, dateline and date: "Phụ nữ Thủ đô (PNTĐ) · HÀ NỘI · ngày 05 tháng 8 năm 2025".

    Each fact is shown once: the dateline's time ("Sáng 5/8") is left out when the
    lede opens with it, or when it names the same day as the date."""
    parts = []
    if a.outlet:
        o = a.outlet
        parts.append(f"{o.name} ({o.code})" if o.name and o.code else o.display)
    place = a.dateline.place if a.dateline else None
    time = a.dateline.time if a.dateline else None
    if time and ((a.lede or "").startswith(time) or (a.date and _same_day(time, a.date))):
        time = None
    parts.append(", ".join(p for p in (place, time) if p))
    if a.date and not (time and a.date[:4] in time):
        parts.append(vi_date(a.date))
    return " · ".join(p for p in parts if p)


def _same_day(time: str, iso: str) -> bool:
    """Does "Sáng 5/8" (or "05/08/2025") name the day of "2025-08-05"?"""
    if len(iso) < 10:
        return False
    day, month = int(iso[8:10]), int(iso[5:7])
    return re.search(rf"(?<!\d)0?{day}/0?{month}(?!\d)", time) is not None


def briefing_meta(b: Briefing) -> str:
    return " · ".join(p for p in (b.issuer or "", vi_date(b.date)) if p)


def credit_line(c: Figure) -> str:
    return f"{PHOTO}: {c.credit}" if c.credit else ""


_SCHEMES = re.compile(r"(?:https?|ftp)://[^/?#\s]+\S*|mailto:\S+@\S+|tel:\+?[0-9-]+", re.I)
_URI_SAFE = "-._~:/?#@!$&'()*+,;=%"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def link_target(href: str | None) -> str | None:
    """The address a format's link points at, or None when there is none to make:
    only absolute addresses with a scheme (a relative one from a saved page would
    be a broken link, and an epubcheck error). Characters a URI may not hold
    (Vietnamese letters, brackets, a lone %) are percent-encoded; the text shown
    keeps them."""
    if not href or _SCHEMES.fullmatch(href) is None:
        return None
    scheme, rest = href.split(":", 1)
    return scheme.lower() + ":" + quote(_LONE_PERCENT.sub("%25", rest), safe=_URI_SAFE)


def escape(text: str) -> str:
    """Text escaped for XML character data: xml.sax.saxutils.escape, without the
    11 ms its import of urllib.request and http.client adds to every start-up."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """Text escaped for a double-quoted XML attribute."""
    return escape(text).replace('"', "&quot;")


def tag_span(s: Span, inner: str, strong: str, em: str, link_attrs: str = "") -> str:
    """Already-escaped ``inner`` wrapped in the markup of an XML-like format (XHTML,
    reportlab's paragraph markup): emphasis tags, then a link when it has a target."""
    if s.strong:
        inner = f"<{strong}>{inner}</{strong}>"
    if s.em:
        inner = f"<{em}>{inner}</{em}>"
    target = link_target(s.href)
    if target:
        inner = f'<a href="{attr(target)}"{link_attrs}>{inner}</a>'
    return inner


def figure_size(im: Image, width: float, height: float) -> tuple[float, float]:
    """A picture's size in points on a page whose text is ``width`` × ``height``:
    the text width, but never taller than 45% of the page and never blown up past
    twice its size at 96 dpi (a thumbnail would turn to mush)."""
    scale = min(width / im.width, height * 0.45 / im.height, 2 * 72 / 96)
    return im.width * scale, im.height * scale


def footer_lines(a: Article) -> list[Text]:
    """The source URL (as a link) and the tags, under the byline."""
    out: list[Text] = []
    if a.url:
        out.append((Span(f"{SOURCE}: "), Span(a.url, href=a.url)))
    if a.tags:
        out.append((Span(f"{TAGS}: {', '.join(a.tags)}"),))
    return out


QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"  # as the decree prints it: hyphens, not dashes


@dataclass(frozen=True)
class DecreeHeader:
    """Nghị định 30/2020's header block: the issuer and number on the left, the
    national title and motto on the right, and the place-and-date line under them."""

    issuer: str
    number: str
    place_date: str


def decree_header(b: Briefing, on: bool) -> DecreeHeader | None:
    if not on or not b.issuer:
        return None
    when = vi_date(b.date) or "ngày      tháng      năm"  # left blank to be filled in by hand
    place_date = f"{b.place}, {when}" if b.place else when[:1].upper() + when[1:]
    return DecreeHeader(b.issuer.upper(), f"Số: {b.number}" if b.number else "", place_date)


def group_label(a: Article, group_by: str | None) -> str:
    """The group a digest entry is listed under."""
    if group_by == "outlet":
        return a.outlet.display if a.outlet and a.outlet.display else OTHER
    if group_by == "tag":
        return a.tags[0] if a.tags else OTHER
    return ""


def source_line(a: Article) -> Text:
    """A digest entry's source: outlet, dateline or date, and the URL as a link."""
    meta = meta_line(a)
    if not a.url:
        return (Span(meta),) if meta else ()
    return (Span(f"{meta} · "), Span(a.url, href=a.url)) if meta else (Span(a.url, href=a.url),)


def digest_meta(b: Briefing) -> str:
    """The review's header line: date, issuer and the number of articles."""
    return " · ".join(p for p in (vi_date(b.date), b.issuer or "", count_line(b)) if p)


def count_line(b: Briefing) -> str:
    return f"{len(b.articles)} bài"


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
