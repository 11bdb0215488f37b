"""Non-breaking spaces and hyphens where a line break would hurt the reader, and
nowhere else.

Bound: a number and its unit ("5\u00a0km", "300\u00a0triệu", "31.700\u00a0USD"), a
date word and its day ("ngày\u00a05/8", "tháng\u00a08"), a short title or an initial
and the name after it ("TP.\u00a0Hà Nội", "N.\u00a0Văn"), a spaced dash and the word
before it ("kinh tế\u00a0– xã hội", "190\u00a0– 300\u00a0triệu": a line may break
after the dash, never start with it), the two numbers of a hyphenated range
("2\u20112", "2025\u20112030"), and a code and its number ("36A\u2011485.67",
"COVID\u201119").

Every bound group is short: a long one cannot be broken, and a justified line
before it opens wide gaps. So a number binds only to a unit, never to the noun it
counts ("179 đại biểu"); and the day a date word binds does not also bind to a
unit after it ("ngày\u00a05 tháng\u00a08", not one group of three).

The characters this rule puts in text: U+00A0 NO-BREAK SPACE and U+2011
NON-BREAKING HYPHEN. Applied twice, it gives what it gave once; it is linear in
the text.
"""

import re

from bantin.typography.starters import STARTERS

NAME = "nbsp"

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"

# What a number measures or counts in: metric and other units, money, magnitudes,
# time. Date words followed by a number are dates, not units ("30 ngày 31-1").
UNITS = (
    "km km2 km² m m2 m² m3 m³ cm mm µm nm ha kg g mg tấn tạ yến lít l ml mét inch °C °F độ MW kW kWh GW W V kV "
    "Hz MHz GHz GB MB TB KB đồng USD VND VNĐ EUR euro yên NDT won baht bảng đô "
    "nghìn ngàn vạn triệu tỷ tỉ "
    "giờ phút giây ngày tuần tháng năm tuổi h km/h"
).split()
_DATE_WORDS = ("ngày", "tháng", "năm")

# A hyphen-minus after a space is a minus sign, and binds with its number ("-5 °C").
_NUMBER = r"(?:(?<![^\s(])-|(?<![\w.,/-]))\d(?:[\d.,]*\d)?%?"
_NUMBER_UNIT = re.compile(
    _NUMBER + " (?=(?:" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + r")(?![\w²³]))"
)
_DATE_WORD = re.compile(r"\b(ngày|tháng|năm|Ngày|Tháng|Năm) (?=\d)")
# Titles may be chained ("PGS.TS.", "GS.TSKH.", "ThS.BS.").
_TITLE = r"(?:TP|Tp|TS|TSKH|PGS|GS|ThS|BS|KS|NXB|Q|P|TX|TT|[A-Z]{1,3})"
_ABBREV = re.compile(rf"\b((?:TP|Tp|TS|TSKH|PGS|GS|ThS|BS|KS|NXB|Q|P|TX|TT)\.(?:{_TITLE}\.){{0,2}}) (?=\w)")
# An initial: a capital letter and a full stop before a capitalised name ("N. Văn A").
# (The name's capital is checked with isupper: "À-Ỹ" spans small letters too.)
# "J.K. Rowling" too; never the unit of "45 °C. Mã lỗi …", whose stop ends a sentence.
_INITIAL = re.compile(r"(?<![\w.°])((?:[A-ZĐ]\.){1,3}) (?=[^\W\d_])")
# Words that name a person before an initial in lower case ("ông N. Văn A",
# "đối tượng T. Minh"); the last syllable is enough ("bác sĩ", "tác giả").
_PERSON = frozenset("ông bà anh chị em cô chú bác cụ cậu dì thầy ngài cháu bé tượng can cáo phạm giả sĩ".split())
# Characters a title or an initial is read with: the words before it, and of the
# spans around a span (``typography.CONTEXT`` hands over as many).
REACH = 40
_NEXT_WORD = re.compile(r"([^\W\d_]+)(?:[ \u00a0]+([^\W\d_]))?")
_PREV_WORD = re.compile(r"([^\W\d_]+)([ \u00a0]*)$")


def _binds(m: re.Match[str]) -> bool:
    """Does the initial(s) ``m`` bind to the word after it? Only to a name: a
    capitalised word that is not one that opens sentences ("Vitamin A. Sau đó",
    "Nguyễn Văn T. Theo …"). A single capital after a word in lower case is a
    label, not an initial: in "vitamin A. Nó", "hạng B. Đội", "khối A. Năm nay"
    its full stop ends the sentence. It is an initial there only after a word for
    a person and before a name of two words or initials ("ông N. Văn A", "bà
    N. V. An"); "nhà bà H. Sau đó" ends at the H."""
    text, end = m.string, m.end()
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None or not nxt.group(1)[0].isupper() or nxt.group(1) in STARTERS:
        return False
    if m.group(1).count(".") > 1:
        return True  # "J.K. Rowling": two initials are a name's
    head = text[max(0, m.start() - REACH):m.start()]
    prev = _PREV_WORD.search(head)
    if prev is None or not prev.group(2):
        return True  # the text's first word, or after a bracket or colon: "(N. Văn A)", "Ảnh: T. Minh"
    word = prev.group(1)
    if word[0].isupper():
        # A name ("Nguyễn V. Anh", "Donald J. Trump"), also as a sentence's first
        # word, whose capital tells nothing but is a name's more often than not
        # ("Vitamin A. Nó …", a sentence of two words, is bound: a documented
        # miss). After "Nguyễn Văn" the initial is the given name and ends it.
        return word not in ("Văn", "Thị")
    # A word in lower case: a person's title makes an initial of the capital.
    following = nxt.group(2) or ""
    return word.lower() in _PERSON and (following.isupper() or text[nxt.end(1):nxt.end(1) + 1] == ".")


# A separating dash, typographic or typed ("kinh tế - xã hội" when the dashes rule is
# off): a dash at the start of a line reads as a list item or a reply.
_SPACED_DASH = re.compile(r"(?<=\S) (?=[-–—](?: |$))")
# The same inside a paragraph, in a span of rich text that a word follows: the
# span's end is no line's end ("—" then a link "www.x.vn" is a dash glued to it).
_SPACED_DASH_INSIDE = re.compile(r"(?<=\S) (?=[-–—] )")
_OPENING_DASH = re.compile(r" (?=[-–—](?: |$))")
_OPENING_DASH_INSIDE = re.compile(r" (?=[-–—] )")
# A range's hyphen, and a code's before its number: a licence plate ("36A-485.67"),
# a model or a standard ("SM-3", "COVID-19", "UTF-8") breaks at its hyphen in Word
# and LibreOffice, leaving "36A-" at a line's end.
_BOUND_HYPHEN = re.compile(r"(?<=[\dA-ZĐ])-(?=\d)")


def _bind_unit(m: re.Match[str]) -> str:
    text = m.string
    end = m.end()
    unit = re.match(r"[^\W\d]+", text[end:end + 8])
    word = unit.group(0) if unit else ""
    # "30 ngày 31-1": a date word followed by its day is not this number's unit; a
    # number already bound to a date word before it ("ngày 5 tháng 8") stays apart.
    if word in _DATE_WORDS and re.match(r"[^\W\d]+[ \u00a0]\d", text[end:end + 12]):
        return m.group(0)
    if m.start() > 0 and text[m.start() - 1] == NBSP:
        return m.group(0)
    return m.group(0)[:-1] + NBSP


def attach(before: str, after: str) -> str:
    """``before — after`` as this rule would bind it: for the text a writer or the
    digest composes after typography has run ("caption — credit", "point —
    speaker"), so that no line starts with the dash."""
    return f"{before}{NBSP}— {after}"


def apply(text: str, before: str = "", after: str = "") -> str:
    """``text`` bound; ``before`` and ``after`` are the text around it in its
    paragraph, when it is a span of rich text: the spaced dash may open the span
    after the word it follows ("www.x.vn" then " – tin mới", once an address has
    become a link of its own), or the space before it end the span before."""
    text = _BOUND_HYPHEN.sub(NB_HYPHEN, text)
    inside = bool(after[:1].strip())
    if before[-1:].strip() and (_OPENING_DASH_INSIDE if inside else _OPENING_DASH).match(text):
        text = NBSP + text[1:]
    if after[:1] in ("-", "–", "—") and text[-1:] == " " and text[-2:-1].strip():
        text = text[:-1] + NBSP
    text = (_SPACED_DASH_INSIDE if inside else _SPACED_DASH).sub(NBSP, text)
    text = _DATE_WORD.sub(lambda m: m.group(1) + NBSP, text)
    text = _NUMBER_UNIT.sub(_bind_unit, text)
    if not (before or after):
        return _names(text)
    # A title or initials in a span of their own ("**J.K.** Rowling", "[TP.](…) Huế")
    # bind across the span's edge: the rule reads the spans around it, and keeps
    # what it changed in this one. It only turns a space into a no-break space,
    # so the span's place in the joined text is known.
    head = before[-REACH:]
    if len(before) >= REACH:  # it may start inside a word: never read half a word
        head = head[head.find(" ") + 1:] if " " in head else ""
    joined = _names(head + text + after[:REACH])
    return joined[len(head):len(head) + len(text)]


def _names(text: str) -> str:
    """Titles and initials bound to the name after them ("TP. Huế", "J.K. Rowling")."""
    text = _ABBREV.sub(lambda m: m.group(1) + NBSP, text)
    return _INITIAL.sub(lambda m: m.group(1) + (NBSP if _binds(m) else " "), text)
