"""What may never be a key point: a fragment, a footer, a byline, a caption.

``flaw(text)`` names the first reason a sentence cannot stand alone as a point, or
returns None. A point starts with a capital (or a digit, or a name such as
"iPhone"), ends with . ! ? or … (a closing quote or bracket may follow), has
balanced brackets and quotes, at least six syllables, and is not boilerplate:
a phone or account number, a hotline, a licence or copyright line, "Liên hệ",
"Tải ứng dụng", an e-mail address, a byline ("Theo VnExpress", "Ảnh: …") or a
caption. Nor a question: a key point says what happened, and a question in a
news text is a reporter's ("PV: Xin ông cho biết …?") or a rhetorical one.
"""

from __future__ import annotations

import re

from bantin.typography.pairs import unbalanced

MIN_SYLLABLES = 6
_OPENERS = " \t\"'“‘«([{–—-•*…"
_CLOSERS = "\"'”’»)]}"
_ENDS = ".!?…"

# Phone numbers: 9 to 11 digits from 0 or +84, with any separators; 1800/1900 lines.
_PHONE = re.compile(
    r"(?<![\d.,])(?:\(?\+?84\)?[\s.\-]?|\(?0)\d(?:[\s.\-]?\)?[\s.\-]?\d){7,9}(?![\d,])"
    r"|(?<![\d.,])1[89]00[\s.\-]?\d{2,4}(?:[\s.\-]?\d{2,4})?(?![\d,])"
)
_BOILER_START = re.compile(
    r"(?:liên hệ|giấy phép|tải ứng dụng|tải app|hotline|đường dây nóng|bản quyền|copyright|e-?mail|website|"
    r"xem thêm|đọc thêm|xem tiếp|mời (?:quý )?(?:vị|bạn) (?:đọc|xem)|theo dõi (?:chúng tôi|trang|fanpage)|"
    r"nguồn|ảnh|video|clip|đồ họa|infographic|bài và ảnh|bài, ảnh|theo|thực hiện|tin, ảnh|ghi chú|"
    r"quảng cáo|tags?|từ khóa|chia sẻ|bình luận|đăng ký|số tài khoản|stk|fax|tel|điện thoại|đt)\b\s*[:.]?",
    re.IGNORECASE,
)
# A start that is a byline or a label only when a colon or a name follows at once
# ("Ảnh: TTXVN", "Theo VnExpress."), not a sentence such as "Theo ông A, …".
_LABEL_ONLY = re.compile(r"(?:nguồn|ảnh|video|clip|đồ họa|infographic|theo|thực hiện|ghi chú|tags?|chia sẻ|"
                         r"bình luận|đăng ký|điện thoại|đt|quảng cáo)\b", re.IGNORECASE)
_BOILER_ANY = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|bản quyền thuộc|giấy phép (?:số|thiết lập|hoạt động|mạng xã hội)|"
    r"tải ứng dụng|số tài khoản|\bstk\b|\b\d{9,16}\b(?=.*(?:ngân hàng|vietcombank|agribank|bidv|vietinbank))|"
    r"[\w.+-]+@[\w-]+\.[\w.]+|bấm vào đây|click vào|nhấn vào đây|quét mã qr|\bảnh\s*:|ảnh minh h[oọ]a|"
    r"\((?:ảnh|clip|video)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"[A-ZĐ][^\s,.:;]*(?:\s+[A-ZĐ][^\s,.:;]*)*")


def _start(text: str) -> str:
    return text.lstrip(_OPENERS)


def lowercase(text: str) -> bool:
    """Starts with a lower-case letter that is not the first of a name ("iPhone")."""
    s = _start(text)
    if not s or not s[0].isalpha() or not s[0].islower():
        return False
    return not any(c.isupper() for c in s.split()[0][1:])


def unended(text: str) -> bool:
    s = text.rstrip().rstrip(_CLOSERS).rstrip()
    return not s or s[-1] not in _ENDS


def short(text: str) -> bool:
    return len(text.split()) < MIN_SYLLABLES


def boilerplate(text: str) -> bool:
    """A footer, contact, licence, copyright, app or account line, a byline, a
    caption label, or anything holding a phone number or an e-mail address."""
    s = _start(text)
    m = _BOILER_START.match(s)
    if m:
        head = m.group(0).rstrip()
        label = _LABEL_ONLY.match(s)
        if not label or label.end() < len(head.rstrip(":.")) or head.endswith((":", ".")):
            return True
        if _is_byline(s[m.end():].lstrip()):
            return True
    if _BOILER_ANY.search(s):
        return True
    for p in _PHONE.finditer(s):
        digits = sum(c.isdigit() for c in p.group(0))
        if digits >= (8 if p.group(0).lstrip().startswith(("1900", "1800")) else 9):
            return True
    return False


def _is_byline(rest: str) -> bool:
    """"Theo VnExpress." or "Ảnh Minh Châu": a name and nothing after it."""
    name = _NAME.match(rest)
    return name is not None and not rest[name.end():].strip(" .;,–—-)")


# A speaker's exhortation without its quotation marks, from the middle of a speech:
# "Điều quan trọng là …", "Hãy …", "Chúng ta phải …". As a point it reads as the
# outlet's own advice. In quotation marks it is a quotation, which names its speaker.
_EXHORTS = re.compile(r"^(?:Điều (?:quan trọng|cốt lõi|cần thiết)|Quan trọng (?:nhất|hơn|là)|Hãy|Chúng ta)\b")
# One step of a numbered sequence: "Bước 4: …", "Lộ trình 2: …". Alone, it shows
# half of a procedure or a detour (helper-136: "Lộ trình 2" without "Lộ trình 1").
_STEP = re.compile(r"^(?:[^\W\d_]+\s){0,2}[^\W\d_]+\s\d{1,2}\s*:")
# A side item the article adds under its story: "*Trước đó, …", "• …", "Trong một
# diễn biến khác, …".
_ASIDE = re.compile(r"^[*•]|^(?:Trong|Ở) (?:một )?diễn biến (?:khác|liên quan)", re.IGNORECASE)


def question(text: str) -> bool:
    return text.rstrip(_CLOSERS + " ").endswith("?")


def flaw(text: str) -> str | None:
    """Why ``text`` cannot be a point ("short", "lowercase", "unended",
    "unbalanced", "question", "boilerplate", "exhortation", "aside" or "step"), or None
    when it can."""
    if short(text):
        return "short"
    if lowercase(text):
        return "lowercase"
    if unended(text):
        return "unended"
    if unbalanced(text):
        return "unbalanced"
    if question(text):
        return "question"
    if boilerplate(text):
        return "boilerplate"
    if _EXHORTS.match(text):
        return "exhortation"
    if _ASIDE.match(text):
        return "aside"
    if _STEP.match(text):
        return "step"
    return None
