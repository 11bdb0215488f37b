"""Site furniture a crawl stored with the article: footers, banners, mastheads.

Vietnamese news sites must print their licence, their editor-in-chief and their
address on every page, and add comment counters, hotlines, advertising contacts,
app links, login and paywall banners and donation appeals. A crawl that keeps the
whole page puts them before or after the article's text. Each is recognised by its
own words ("© …", "Giấy phép số …", "Tổng biên tập: …", "Bình luận (0)", "Tải ứng
dụng", "Bạn chưa đăng nhập"), and a footer is cut only where such cues follow one
another to the end of the text: one "Điện thoại:" inside an article is not a
footer. What is cut is returned, so that the reader can say what it dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Cues that open a footer, and cues that only belong to one ("Điện thoại:" alone is
# a line of an article).
_FOOTER = re.compile(
    r"©|\b(?:Toàn bộ )?[Bb]ản quyền\b|Giấy phép(?: hoạt động| số|:| \d)|\bsố giấy phép\b"
    r"|(?:Phó )?[Tt]ổng [Bb]iên tập\s*:|(?:Tổng )?[Tt]hư ký tòa soạn|Cơ quan chủ quản|Liên hệ quảng cáo"
    r"|Tải ứng dụng|Theo dõi (?:chúng tôi|\S+ trên)|Bình luận \(\d+\)|Hiện chưa có bình luận"
    r"|(?:Bạn )?(?:chưa|cần) đăng nhập|Thưa quý độc giả|Số tài khoản"
    r"|(?:[Pp]hương thức|[Hh]ình thức|Hướng dẫn) thanh toán|[Gg]ói đọc báo|thành viên VIP"
    r"|\((?:[^\W\d_][\w&.]{1,15})\)\s*[-–—]\s*(?=[^\W\d_])"
)
_WEAK = re.compile(
    r"\b(?:Điện thoại|Fax|Email|E-mail|Địa chỉ)\s*:|\bTrụ sở(?: chính)?\b|\b[Hh]otline\b|\bZalo\b"
    r"|Tên tài khoản|Nội dung chuyển khoản|hóa đơn điện tử|\bTin liên quan\b|\bTin cùng chuyên mục\b"
)
_LINK = re.compile(r"(?i)\b(?:xem|click|nhấn|bấm|truy cập|gửi|tải)\b[^.!?]{0,90}\btại đây\b[.!]?")
_BANNER = re.compile(r"(?i)đăng\s+nhập|đăng\s+ký\s+tài\s+khoản|gói\s+d[iị]ch\s+vụ|gói\s+đọc\s+báo|\bnạp\b")
_MENU = re.compile(r"^(?:Thông báo|Trang chủ|Đăng nhập|Đăng ký|Mới nhất|Tin mới|Tin nóng|Menu)\s+(?=[^\W\d_])")
_END_MARK = "■"
_GAP = 100  # words of plain text between two cues that still count as one footer
_SHORT_TAIL = 40  # words: one cue is enough so near the end
_NEXT_SENTENCE = re.compile(r"[.!?]\s+(?=[^\W\d_])|(?<=[^\W\d_]) +(?=[^\W\d_])")
_TOKEN = re.compile(r"\S+")
_SENTENCE_START = re.compile(r"(?:[.!?…]\s*|[^\W\d_](?=[^\W\d_]))(?=[“\"(]?[^\W\d_])")


def _words(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def _cut_back(text: str, at: int) -> int:
    """The start of the sentence holding ``at``: after the last stop before a
    capital, or at a capital glued to a lower-case letter ("Anh PhúĐộc giả…").
    A cue after a run of spaces or a stop starts there."""
    before = text[:at]
    if not before.strip() or before.rstrip()[-1:] in ".!?…" or before.endswith("  "):
        return at
    best = max(0, at - 200)
    for m in _SENTENCE_START.finditer(text, best, at):
        end = m.end()
        if end <= at and text[end:end + 1].isupper() and (
                text[m.start()] in ".!?…" or text[m.start()].islower()):
            best = end
    return best


def footer(text: str) -> int | None:
    """Where a footer that runs to the end of ``text`` starts, if there is one."""
    strong = {m.start() for m in _FOOTER.finditer(text)} | {m.start() for m in _LINK.finditer(text)}
    cues = sorted(strong | {m.start() for m in _WEAK.finditer(text)})
    # Walk back from the end: the footer is the last run of cues close together,
    # from the first cue in it that only a footer has.
    start = None
    last = len(text)
    for at in reversed(cues):
        if at == 0 or _words(text, at, last) > _GAP:
            break
        last = at
        if at in strong:
            start = at
    if start is None:
        return None
    if sum(1 for c in cues if c >= start) < 2 and _words(text, start, len(text)) > _SHORT_TAIL:
        return None
    return _cut_back(text, start)


def banner(text: str) -> int:
    """Where a login or paywall banner that opens ``text`` ends (0 if none)."""
    end = 0
    for m in _BANNER.finditer(text, 0, 2000):
        if _words(text, end, m.start()) > (15 if not end else 40):
            break
        end = m.end()
    if not end:
        return 0
    # It runs on until the next sentence: a stop, or a capital after a lower-case word.
    for m in _NEXT_SENTENCE.finditer(text, end, end + 300):
        if text[m.end()].isupper():
            return m.end()
    return end


def masthead(text: str, outlets: Mapping[str, str]) -> int:
    """Where crawl debris before the article ends: a lower-case run with no stop
    ("chính phủ nước cộng hòa …"), the outlet's own name, a menu label."""
    at = 0
    tokens = list(_TOKEN.finditer(text, 0, 400))
    n = 0
    while n < len(tokens) and tokens[n].group().isalpha() and tokens[n].group().islower():
        n += 1
    if n >= 3 and n < len(tokens) and tokens[n].group()[:1].isupper():
        at = tokens[n].start()
    rest = text[at:at + 120].casefold()
    for name in sorted({v.casefold() for v in outlets.values()}, key=len, reverse=True):
        if name and rest.startswith(name + " ") and text[at + len(name) + 1:][:1].isupper():
            at += len(name) + 1
            break
    if menu := _MENU.match(text[at:]):
        at += menu.end()
    return at


def after_end_mark(text: str) -> int | None:
    """The end of an article marked "■"; what follows is the page, not the article."""
    i = text.rfind(_END_MARK)
    return i + 1 if i >= 0 else None


def cues(text: str) -> bool:
    """Whether a line carries any furniture cue."""
    return bool(_FOOTER.search(text) or _WEAK.search(text) or _LINK.search(text))
