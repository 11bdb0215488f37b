"""Words every exporter prints the same way: labels, dates, the masthead line, the
source line, the decree's header block.

Keeping them here is what makes the four formats read alike; layout stays in
each exporter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bantin.model import Article, Briefing, Document, Figure, Signature, Signer, Span, Text
from bantin.model.dates import beside_day, local_clock, local_day, names_day
from bantin.model.labels import SEPARATOR, SOURCE, TAGS, is_addressee, repeats
from bantin.typography.autolink import split
from bantin.typography.nbsp import NB_HYPHEN, NBSP
from bantin.typography.words import join

# An unordered item's mark by its list's depth, in every format: a dash, then the
# "+" of Vietnamese administrative writing ("- …" / "+ …"), then a bullet. The
# PDF drew these, the DOCX "–" and "•" by turns, the text "–" at every depth and
# the EPUB the reading system's discs: "+ 2 điểm" read "– 2 điểm" in one of them.
BULLETS = ("–", "+", "•")


def bullet(depth: int) -> str:
    """The mark of an unordered item in a list ``depth`` lists deep (0: at the top)."""
    return BULLETS[min(depth, len(BULLETS) - 1)]


CONTENTS = "Mục lục"
LANDMARKS = "Điểm mốc"  # the EPUB's landmarks: cover, contents, start of the text
PAGE = "Trang"
PHOTO = "Ảnh"
VIDEO = "Video"
_CLIP = re.compile(r"\b(?:video|clip)\s*:", re.IGNORECASE)
TABLE = "Bảng"
LINKS = "Liên kết"
NOTES = "Chú thích"


def vi_date(iso: str | None, blank: str = "") -> str:
    """"2025-08-05" → "ngày 05 tháng 8 năm 2025" (Nghị định 30: a leading zero below 10);
    a time with an offset is dated in Vietnam time. A month or a year alone ("2025-08",
    a draft's date) is "tháng 8 năm 2025"; with ``blank``, the missing parts are left
    blank to be written in by hand, as the draft prints them: "ngày ⎵ tháng 8 năm 2025"."""
    if not iso or len(iso) < 4:
        return ""
    iso = local_day(iso)
    y = iso[:4]
    m = int(iso[5:7]) if len(iso) >= 7 else 0
    month = "" if not m else f"{m:02d}" if m < 3 else str(m)
    if len(iso) >= 10:
        return f"ngày {int(iso[8:10]):02d} tháng {month} năm {y}"
    if blank:
        return f"ngày{blank}tháng{f' {month} ' if month else blank}năm {y}"
    return f"tháng {month} năm {y}" if month else f"năm {y}"


def meta_line(a: Article, headed: bool = False) -> str:
    """Outlet, dateline and date: "Phụ nữ Thủ đô (PNTĐ) · HÀ NỘI · ngày 05 tháng 8 năm 2025".

    Each fact is shown once: the dateline's time ("Sáng 5/8") is left out when the
    lede opens with it; when it names the same day as the date, what it says besides
    ("Sáng", "14:30") goes before the date. An administrative
    document's issuer, number and place of issue come first ("UBND quận Hoàng Mai ·
    Số: 245/TTYT-KSBT · Hoàng Mai, ngày 12 tháng 9 năm 2025"), unless Nghị định 30's
    header block (``headed``) shows them; there the date is left to its place-and-
    date line too."""
    parts = []
    if a.outlet:
        o = a.outlet
        parts.append(f"{o.name} ({o.code})" if o.name and o.code else o.display)
    if not headed:
        parts += [issuer_line(a.issuer), f"Số: {a.number}" if a.number else ""]
    place = a.dateline.place if a.dateline else None
    time = a.dateline.time if a.dateline else None
    day = local_day(a.date) if a.date else None
    # The time of day is said with the date, once: "Chiều 20/5" and the date 20/5
    # are "Chiều ngày 20 tháng 5 năm 2025"; a clock the date holds ("T14:30+07:00")
    # is "14:30 ngày …" (helper-95, helper-105: "Chiều" and "14:30" were in no output).
    said = local_clock(a.date) if a.date else ""  # the date's own clock first: it is what reads back
    if time and (a.lede or "").startswith(time):
        time = None
    elif time and day and names_day(time, day):
        said, time = said or beside_day(time, day), None
    parts.append(", ".join(p for p in (place, absolute(time) if time else None) if p))
    when = vi_date(day) if day and not (time and day[:4] in time) and not headed else ""
    issued = a.place if a.place and a.place != place and not headed else ""
    # Not with an administrative place of issue: "Hoàng Mai, ngày 12 tháng 9 năm 2025".
    when = f"{said} {when}" if said and when and not issued else when
    parts.append(f"{issued}, {when}" if issued and when else issued or when)  # "Hoàng Mai, ngày 12 tháng 9 …"
    return SEPARATOR.join(p for p in parts if p)


# "Hôm nay (1/6)", "Sáng nay (5/8)": today as the article said it, with its day.
_RELATIVE = re.compile(r"^(?:(?P<part>Sáng|Trưa|Chiều|Tối|Đêm)|Hôm)[ \u00a0](?:nay|qua)\s*\((?P<day>[^()]+)\)$")


def absolute(time: str) -> str:
    """A dateline's time as a reader days later understands it: "Hôm nay (1/6)" is
    "Ngày 1/6", "Sáng nay (5/8)" "Sáng 5/8". A masthead or a review's source line
    is read after the day the article called "hôm nay" (helper-148)."""
    m = _RELATIVE.match(time)
    return f"{m.group('part') or 'Ngày'} {m.group('day').strip()}" if m else time


def undated(text: str, a: Article) -> str:
    """A masthead line without its date, for under a header block whose place-and-
    date line says it: "VOV · ngày 05 tháng 8 năm 2025" is "VOV"."""
    when = vi_date(a.date)
    if not when or not text.endswith(when):
        return text
    return text[: -len(when)].removesuffix(SEPARATOR)


def issuer_line(issuer: str | None) -> str:
    """The issuer on one line: "Ủy ban nhân dân tỉnh Bắc Ninh; Văn phòng", the
    header block's two levels, reads "Ủy ban nhân dân tỉnh Bắc Ninh, Văn phòng"."""
    return ", ".join(p.strip() for p in (issuer or "").split(";") if p.strip())


def briefing_meta(b: Briefing) -> str:
    return SEPARATOR.join(p for p in (issuer_line(b.issuer), vi_date(b.date)) if p)


def linked(text: str) -> Text:
    """A plain field (a lede, a byline) as rich text whose addresses are links, as
    they are in running text."""
    return split(Span(text)) if text else ()


def credit_line(c: Figure) -> str:
    return f"{PHOTO}: {c.credit}" if c.credit else ""


def figure_kind(f: Figure) -> str:
    """"Video" for the still of a clip ("… Video: IDF" in its caption or credit),
    which a photo's label misnames (helper-90), else "Ảnh"."""
    caption = "".join(s.text for s in f.caption)
    return VIDEO if _CLIP.search(f"{caption} {f.credit or ''}") else PHOTO


def placeholder(f: Figure) -> str:
    """What stands where a figure's picture would be when the document has none:
    "Ảnh: <alt text>", or "Ảnh" when there is none or it only repeats the caption
    printed under it (news sites set the caption as the alt text too)."""
    caption = "".join(s.text for s in f.caption)
    kind = figure_kind(f)
    if not f.alt or repeats(f.alt, caption):
        return kind
    return f"{kind}: {f.alt}"


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
    # The body the issuer answers to, above it in regular capitals ("ỦY BAN NHÂN DÂN
    # TỈNH BẮC NINH" over "VĂN PHÒNG"): ``-M issuer="UBND tỉnh Bắc Ninh; Văn phòng"``.
    parent: tuple[str, ...] = ()
    # A công văn's summary ("V/v tăng cường …"), its title: the decree sets it under
    # the number, 12–13 pt upright, and the document prints no title line of its own.
    subject: str = ""


# "V/v …", "Về việc …": the summary of a công văn, which names no kind of document.
_SUBJECT = re.compile(r"(?:V/v|Về việc)\b", re.IGNORECASE)


# A blank left to be written in by hand, wide enough for a pen: about 9 mm at 13 pt.
BLANK = "\u00a0" * 10


def decree_header(doc: Article | Briefing, on: bool) -> DecreeHeader | None:
    """The header block of a document that names its issuer (a single công văn or a
    bundle), when the style asks for it. What the document does not say is left
    blank, as an unnumbered draft is printed: "Số:          /",
    "…, ngày          tháng          năm          "."""
    if not on or not doc.issuer:
        return None
    when = vi_date(doc.date, BLANK) or f"ngày{BLANK}tháng{BLANK}năm{BLANK}"
    # A draft's number is its symbol alone ("/BYT-KCB"): the blank before it stays.
    number = f"Số:{BLANK}{doc.number or '/'}" if not doc.number or doc.number.startswith("/") else f"Số: {doc.number}"
    names = [p.strip().upper() for p in doc.issuer.split(";") if p.strip()]
    if not names:  # "-M issuer=;" names no one
        return None
    *parent, issuer = names
    subject = doc.title if isinstance(doc, Article) and _SUBJECT.match(doc.title) else ""
    return DecreeHeader(issuer, number, f"{doc.place or '…'}, {when}", tuple(parent), subject)


RECIPIENTS = "Nơi nhận:"


@dataclass(frozen=True)
class SignerLines:
    """A signer's lines as printed: the authority and office in capitals, the
    words a copy sets in the room to sign, and the name."""

    title: tuple[str, ...]
    name: str
    signed: str = ""


@dataclass(frozen=True)
class SignatureBlock:
    """How an administrative document ends, line by line as Nghị định 30 prints
    it: the recipients on the left ("Nơi nhận:", then "- Như trên;" … "- Lưu:
    VT."), the signer's authority and office in capitals and their name on the
    right, with room between them to sign; in a copy, the words that stand for
    the signature ("(Đã ký)") under the office."""

    recipients: tuple[str, ...]
    title: tuple[str, ...]
    name: str
    signed: str = ""
    # The other signers of a document signed by several, to the left of this one:
    # then the signers stand side by side and the recipients under them.
    beside: tuple[SignerLines, ...] = ()

    @property
    def signers(self) -> tuple[SignerLines, ...]:
        """Every signer, left to right."""
        return (*self.beside, SignerLines(self.title, self.name, self.signed))


def signature_block(doc: Article | Briefing) -> SignatureBlock | None:
    s = doc.signature
    if s is None or not (s.name or s.title or s.recipients):  # an empty one from JSON: nothing to sign
        return None
    items = [f"- {r};" for r in s.recipients]
    if items:
        items[-1] = items[-1][:-1] + "."
    first = _signer_lines(s)
    beside = tuple(_signer_lines(x) for x in s.beside if x.name or x.title)
    return SignatureBlock(tuple(items), first.title, first.name, first.signed, beside)


def _signer_lines(s: Signature | Signer) -> SignerLines:
    """A signer as printed: the office in capitals, as Nghị định 30 sets it."""
    return SignerLines(tuple(t.upper() for t in s.title), s.name or "", s.signed or "")


def source_line(a: Article) -> Text:
    """A digest entry's source: outlet, dateline or date, and the URL as a link."""
    meta = meta_line(a)
    if not a.url:
        return (Span(meta),) if meta else ()
    return (Span(f"{meta} · "), Span(a.url, href=a.url)) if meta else (Span(a.url, href=a.url),)


def digest_meta(b: Briefing, headed: bool = False) -> str:
    """The review's header line: date, issuer and the number of articles. Under
    Nghị định 30's header block (``headed``), which names the issuer and the date
    already, the number alone."""
    if headed:
        return count_line(b)
    return SEPARATOR.join(p for p in (vi_date(b.date), issuer_line(b.issuer), count_line(b)) if p)


def count_line(b: Briefing) -> str:
    return f"{len(b.articles)} bài"


SUBJECT_CHARS = 300  # of a briefing's titles in its metadata


def doc_subject(doc: Document) -> str:
    """What the file is about, for its metadata (PDF Subject, DOCX subject, EPUB
    description): a briefing's titles, an article's lede; not a công văn's "Kính
    gửi: …", which says whom it is sent to, not what it says."""
    if isinstance(doc, Briefing):
        # The first titles, and how many more: a review of 56 articles wrote 3,000
        # characters into a field a viewer shows on one line (helper-138).
        titles: list[str] = []
        for a in doc.articles:
            if titles and len("; ".join([*titles, a.title])) > SUBJECT_CHARS:
                break
            titles.append(a.title)
        more = len(doc.articles) - len(titles)
        return meta_text("; ".join(titles) + (f"; và {more} bài khác" if more else ""))
    return "" if is_addressee(doc.lede or "") else meta_text(doc.lede or "")


def meta_text(text: str) -> str:
    """Text for where lines are not broken (metadata, an outline, a chat message):
    the typography's no-break spaces and hyphens written plain, as catalogues,
    search indexes and a viewer's title bar expect them, and as their fonts have them."""
    return text.replace(NBSP, " ").replace("\u202f", " ").replace(NB_HYPHEN, "-")


def short_title(title: str, limit: int = 60) -> str:
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def display(text: Text) -> Text:
    """Display text (a title, a heading) with each word's syllables joined by
    no-break spaces, so that no line breaks inside a word ("Chủ tịch"). Code is
    left as it is."""
    return tuple(s if s.code else replace(s, text=join(s.text)) for s in text)

