"""The words bantin writes around an article's fields, and reads back from its own
files (a DOCX revised in Word, ``source.docx.own``): one place for both."""

from __future__ import annotations

import re

SOURCE = "Nguồn"  # before the source address: "Nguồn: https://…"
TAGS = "Từ khóa"  # before the keywords: "Từ khóa: a, b"
SEPARATOR = " · "  # between the outlet, the dateline and the date of a masthead

# The urgency and secrecy marks a clerk stamps under an administrative document's
# number (Nghị định 30/2020, Appendix I; the Law on State Secrets 2018): a closed
# list, so a one-word headline in capitals is never taken for one.
MARKS = frozenset(("khẩn", "thượng khẩn", "hỏa tốc", "hỏa tốc hẹn giờ", "mật", "tối mật", "tuyệt mật",
                   "dự thảo"))  # and a draft's, which clerks set at the top


def is_mark(text: str) -> bool:
    """Is the line an urgency or secrecy mark, whole ("HỎA TỐC", "Thượng khẩn")?"""
    name = " ".join(text.split()).strip(" .:").casefold().replace("hoả", "hỏa")
    return name in MARKS


# What a copy sets where the signature and the seal go: "(Đã ký)", "[Đã ký]", "(Ký tên,
# đóng dấu)", "(Chữ ký, dấu)"; bare, only "Đã ký" ("Ký kết …" is a sentence).
_WORDS = r"(?:đã\s+)?(?:chữ\s+)?k[ýí]\b"  # "Đã ký", "Ký tên", "Chữ ký"
_SIGNED = re.compile(rf"\({_WORDS}[^()]*\)\.?|\[{_WORDS}[^\[\]]*\]\.?|đã\s+k[ýí](?:\s+số)?\.?", re.IGNORECASE)
MAX_SIGNED_WORDS = 20  # Nghị định 30's own placeholder: "(Chữ ký của người có thẩm quyền, dấu/chữ ký số …)"


def is_signed(line: str) -> bool:
    """Is the line the words a copy sets where the signature and the seal go ("(Đã ký)")?"""
    return _SIGNED.fullmatch(line.strip()) is not None and len(line.split()) <= MAX_SIGNED_WORDS


# The national title and motto (Quốc hiệu, Tiêu ngữ) in the form lines are compared
# in (``national_kind``): lower case, one kind of dash, "hòa" spelt one way.
NATIONAL = ("cộng hòa xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc")


def national_kind(text: str) -> str | None:
    """"nation" for a line that is the national title, whole, "motto" for the
    motto (with any dashes and spacing, "Độc lập – Tự do – Hạnh phúc"); else None."""
    # Spaces collapsed first: "\s*-" over a run of spaces with no dash is quadratic.
    t = re.sub(r" ?[-–—‐‑] ?", " - ", " ".join(text.lower().replace("hoà", "hòa").split()))
    t = t.strip(" -_.")
    return {NATIONAL[0]: "nation", NATIONAL[1]: "motto"}.get(t)


# "Hà Nội, ngày 10 tháng 9 năm 2025": where and when a paper was signed, whole.
_PLACE_DATE = re.compile(r"[^\W\d_][^,]{0,60},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\.?", re.IGNORECASE)


def is_place_date(text: str) -> bool:
    """Is the line a place and a whole date, as a paper states where and when it was
    signed ("Hà Nội, ngày 10 tháng 9 năm 2025")?"""
    return _PLACE_DATE.fullmatch(text.strip()) is not None


# "Kính gửi: …", also spelt "Kính gởi", or typed without its colon or with a dash.
_ADDRESSEE = re.compile(r"Kính\s+g[ửở]i(?:\s*[:\-–]|\s+(?=\w)|\s*$)", re.IGNORECASE)


def is_addressee(text: str) -> bool:
    """"Kính gửi: …": whom a công văn or a đơn is addressed to; never its title
    nor a heading."""
    return _ADDRESSEE.match(text) is not None


def by_number(number: str | None) -> str:
    """What a công văn with no subject (V/v) is called by: "Công văn số 125/SYT-NVY".
    The readers make it its title, and nd30 leaves it to the header's number."""
    return f"Công văn số {number}" if number else "Công văn"


def _words(text: str) -> list[str]:
    return re.sub(r"\W+", " ", text.casefold()).split()


def repeats(alt: str, other: str) -> bool:
    """Whether a picture's alt text only says ``other`` (its caption, the headline)
    again: the same words, or the other's beginning ("<caption> Ảnh: Reuters",
    "<headline> 2026"). The reader drops such text where it knows the headline; a
    writer prints "[Ảnh]", not the caption twice, where the picture is missing."""
    a, b = _words(alt), _words(other)
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[: len(shorter)] == shorter and len(shorter) >= min(4, len(longer))


# Nghị định 30/2020, Article 7: the kinds of administrative document. Under a title
# that names one ("BÁO CÁO"), the next line is the document's summary (trích yếu),
# which the decree sets in bold, centred, over a short rule: not a news sapo.
DOCUMENT_TYPES = frozenset((
    "nghị quyết", "quyết định", "chỉ thị", "quy chế", "quy định", "thông cáo", "thông báo", "hướng dẫn",
    "chương trình", "kế hoạch", "phương án", "đề án", "dự án", "báo cáo", "biên bản", "tờ trình", "hợp đồng",
    "công văn", "công điện", "bản ghi nhớ", "bản thỏa thuận", "giấy ủy quyền", "giấy mời", "giấy giới thiệu",
    "giấy nghỉ phép", "phiếu gửi", "phiếu chuyển", "phiếu báo", "thư công",
    # Legal documents, set out as the decree sets administrative ones.
    "luật", "pháp lệnh", "nghị định", "thông tư", "thông tư liên tịch",
))
# The older placement of the tone mark, which many Word files still carry.
_OLD_TONES = (("oả", "ỏa"), ("uỷ", "ủy"))
NAMED_KIND_WORDS = 8  # "ĐƠN ĐỀ NGHỊ CẤP LẠI GIẤY CHỨNG NHẬN", "BIÊN BẢN HỌP" at most
# What follows "ĐƠN" in a citizen's paper ("ĐƠN ĐỀ NGHỊ", "ĐƠN XIN …", "ĐƠN KHIẾU NẠI");
# "ĐƠN VỊ", "ĐƠN GIÁ", "ĐƠN HÀNG" are nouns of news.
_PETITIONS = frozenset(("đề", "xin", "khiếu", "tố", "kiến", "đăng", "yêu", "trình", "phản", "xác", "cam", "ly",
                        "dự", "ứng", "thư"))


def _title_words(title: str) -> list[str]:
    """The title's words in lower case, the tone marks in today's places."""
    name = " ".join(title.split()).strip(" .:").casefold()
    for old, new in _OLD_TONES:
        name = name.replace(old, new)
    return name.split()


def _kind(words: list[str]) -> int:
    """How many of the first words name a kind of document; 0 when none do."""
    if words[:1] == ["đơn"] and (len(words) == 1 or words[1] in _PETITIONS):
        return 1
    return max((n for n in range(1, 4) if " ".join(words[:n]) in DOCUMENT_TYPES), default=0)


def document_type(title: str) -> bool:
    """Is ``title`` the name of a kind of administrative document and nothing
    else, in any case: "BÁO CÁO", "Tờ trình", "QUYẾT ĐỊNH:"; or, in capitals, the
    kind and what it is ("BIÊN BẢN HỌP", "HỢP ĐỒNG LAO ĐỘNG") or a citizen's đơn
    ("ĐƠN ĐỀ NGHỊ"; "Biên bản họp lộ ra", "Đơn hàng tăng" and "ĐƠN VỊ …" are news)?"""
    words = _title_words(title)
    named = title.isupper() and len(words) <= NAMED_KIND_WORDS and _kind(words) > 0
    return " ".join(words) in DOCUMENT_TYPES or named


def names_paper(title: str) -> bool:
    """Does the title surely name a paper: a kind and nothing else, in any case
    ("BIÊN BẢN", "Tờ trình", "THÔNG TƯ LIÊN TỊCH")? A title that says more opens
    with a kind's words as often in a headline ("DỰ ÁN TỶ ĐÔ", "LUẬT CHƠI MỚI") as
    in a paper ("BIÊN BẢN HỌP"): ``opens_with_kind``. The readers ask both before
    they take signers side by side."""
    return " ".join(_title_words(title)) in DOCUMENT_TYPES


def opens_with_kind(title: str) -> bool:
    """Does the title open with a kind's words, in any case and at any length ("Biên
    bản họp Hội đồng quản trị công ty …", "HỢP ĐỒNG MUA BÁN NHÀ Ở")? A paper's title
    may; so may a headline ("Dự án sân vận động mới khởi công")."""
    return _kind(_title_words(title)) > 0
