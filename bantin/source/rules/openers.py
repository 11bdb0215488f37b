"""Where a sentence starts with no full stop before it.

Crawls glue a photo caption or a subheading to the sentence after it: "…ngoại thất
bắt mắt Hãng xe…", "…Nguyễn Văn Bình “Mỗi bài viết…", "…đẽo gọt vỏ Trao đổi với
PV, ông…". Inside a sentence Vietnamese capitalises only names, titles and
institutions, so a capitalised word that can only open a sentence marks the cut:
the closed class of words news sentences begin with (prepositions, conjunctions,
determiners, pronouns, time words), each with what may follow it. A name never
starts with "Các", "Những" or "Theo"; "Hai Bà Trưng" and "TNHH Một thành viên" are
names, and a word that is also a name syllable ("Như", "Hai") opens a sentence
only after a lower-case word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bantin.source.rules.sentences import Quotes

# Open a sentence whatever follows in lower case, even right after a name.
_STRONG = frozenset(
    "Theo Trong Tại Các Những Khi Sau Trước Với Về Nhưng Ngoài Để Nếu Dù Mặc Ngay Riêng Thậm Dẫu Bởi"
    " Hiện".split()
)
# Open a sentence only after a lower-case word or a number (they are name syllables too).
_WEAK = frozenset(
    "Từ Cùng Còn Cũng Vì Do Đây Đó Nhờ Qua Nhiều Mỗi Mọi Cả Hầu Gần Khoảng Vậy Rồi Lúc Tôi Chúng"
    " Họ Ông Bà Chị".split()
)
# Open a sentence only with one of these words after them.
_PAIRED = {
    "Đầu": "năm tháng tuần ngày tiên giờ",
    "Cuối": "năm tháng tuần ngày cùng giờ",
    "Giữa": "năm tháng tuần",
    "Ghi": "nhận",
    "Trao": "đổi",
    "Thời": "điểm gian",
    "Mới": "đây",
    "Gần": "đây",
    "Nhìn": "chung",
    "Thay": "vào vì",
    "Hôm": "nay qua sau trước",
    "Năm": "nay qua ngoái trước sau",
    "Đồng": "thời",
    "Phần": "lớn nhiều",
    "Bên": "cạnh",
    "Chính": "vì",
    "Đối": "với diện",
    "Thế": "nhưng là thì",
    "Trái": "lại",
    "Ngược": "lại",
    "Tuy": "nhiên vậy",
    "Như": "vậy thế vừa đã",
    "Chỉ": "có riêng là mới cần trong",
    "Một": "số vài trong lần người",
    "Hai": "năm tháng ngày tuần người",
    "Ba": "năm tháng ngày tuần người",
}
_PAIRED_WORDS = {k: frozenset(v.split()) for k, v in _PAIRED.items()}
# Time words that open a sentence before a date or "nay": "Sáng 17/2", "Ngày 5-6".
_TIME = frozenset("Sáng Chiều Trưa Tối Đêm Rạng Khuya Ngày Năm".split())
_TIME_NEXT = frozenset("nay qua cùng hôm mai sớm".split())
_HONORIFIC = frozenset("Ông Bà Chị".split())
# Paired words that are also name syllables or month names ("Lâm Tâm Như", "tháng Ba").
_NAMELIKE = frozenset("Như Một Hai Ba Chính".split())
_COUNTED = frozenset("tháng thứ lần số".split())
# Words before a place named after someone: "đường Bà Triệu", "chợ Bà Chiểu".
_PLACES = frozenset(
    "đường phố chợ núi đền chùa miếu cầu hẻm ngõ quận huyện xã phường tỉnh làng thôn sông hồ thờ".split()
)
_NUMERALS = frozenset("Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười".split())
# A phrase never ends on a word that needs what follows it.
DANGLING = frozenset(
    "của và với là các những cho tại theo được bị từ ở đến về trong như mà thì để có hoặc hay nhưng do vì "
    "khi nếu sau trước trên dưới ngoài giữa tới vào ra bằng qua lên xuống cùng nhằm".split()
)
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"^[“\"‘(]*([^\W\d_][\w/.-]*)")
_ENDS_OPEN = re.compile(r"[\w”\"’)\]»]$")
_ENUMERATOR = re.compile(r"^\(?(?:\d{1,2}|[a-zđ])\)$")


def _core(token: str) -> str:
    m = _WORD.match(token)
    return m.group(1) if m else ""


def opens(word: str, following: list[str], prev: str) -> bool:
    """Whether ``word`` (after ``prev``, before the words ``following``) can only
    start a sentence."""
    if not word[:1].isupper() or word.isupper() and len(word) > 1:
        return False
    nxt = following[0].rstrip(",;:.!?…”\"’)") if following else ""
    after_name = prev[:1].isupper() or not prev[:1].isalnum()
    if word in _TIME and not prev[:1].isdigit() and (nxt[:1].isdigit() or nxt in _TIME_NEXT):
        return True
    if word in _HONORIFIC and nxt[:1].isupper():
        # "…Nguyễn Sỹ Hiển Ông Nguyễn Sỹ Hiển đặc biệt…", "…trật tự Chị Mai, người bán…";
        # not "Hai Bà Trưng" nor "đường Bà Triệu".
        if after_name and (prev in _NUMERALS or prev.isupper()) or prev.casefold() in _PLACES:
            return False
        return _name_then_sentence(following)
    if word in _PAIRED_WORDS:
        if word in _NAMELIKE and (after_name or prev.casefold() in _COUNTED):
            return False  # "Lâm Tâm Như đã…", "tháng Ba năm nay", "TNHH Một thành viên"
        return nxt in _PAIRED_WORDS[word]
    if word in _STRONG:
        return bool(nxt)  # never a name syllable: "…sáng 31-1 Tại Công ty…"
    return nxt[:1].islower() and word in _WEAK and not after_name


def _name_then_sentence(following: list[str]) -> bool:
    """"Ông Nguyễn Sỹ Hiển đặc biệt…", "Chị Mai, người bán…": a name of one to four
    words, then a comma or a lower-case word."""
    for n, w in enumerate(following[:5]):
        if w[:1].isupper() and w.rstrip(",").isalpha():
            if w.endswith(","):
                return True
            continue
        return n >= 1 and w[:1].islower() and w.isalpha()
    return False


def breaks(text: str) -> Iterator[int]:
    """Offsets in ``text`` where a sentence starts with no stop before it."""
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    quotes = Quotes(text)
    for i in range(1, len(tokens)):
        at, tok = tokens[i]
        prev_tok = tokens[i - 1][1]
        if not _ENDS_OPEN.search(prev_tok) or _ENUMERATOR.match(prev_tok) or quotes.inside(at):
            continue
        if _core(prev_tok).casefold() in DANGLING:
            continue
        prev = _core(prev_tok)
        if tok[0] in "“\"" and tok[1:2].isupper() and prev[:1].isupper() and _quoted_sentence(text, at):
            yield at  # "…Nguyễn Văn Bình “Mỗi bài viết … đón nhận.”"
        elif tok[0].isalpha() and tok[-1:].isalpha():
            following = [t for _, t in tokens[i + 1:i + 6]]
            if opens(_core(tok), following, prev):
                yield at


def _quoted_sentence(text: str, at: int) -> bool:
    """A quotation that is a whole sentence of its own ("“Mỗi bài viết … nhận.”"),
    not a quoted name inside one ("thông điệp “Kim kê – Phúc An khang”")."""
    if text[at] == '"':
        end = text.find('"', at + 1, at + 800)
    else:
        depth, end = 0, -1
        for i in range(at, min(len(text), at + 800)):
            depth += {"“": 1, "”": -1}.get(text[i], 0)
            if depth == 0:
                end = i
                break
    if end < 0 or len(text[at + 1:end].split()) < 8:
        return False
    return text[end - 1] in ".…"
