"""Photo captions: "Ảnh: …", "(Ảnh: Vi Thảo)", or a description ending with its credit.

Parsed by hand rather than with one regular expression: the natural pattern
(``.*?\\s*\\(?\\s*Ảnh\\s*:…$``) backtracks cubically on a long run of spaces, and a
scraped line of 20,000 spaces then never finishes. Each step below is linear.
"""

from __future__ import annotations

import re

from bantin.model import Block, Figure, plain

_WORD = "Ảnh"
# Syllables that make "Ảnh" part of another word: "Ảnh hưởng" (influence) opens
# many a paragraph and is no caption marker. The inline rule reads this too.
NOT_MARKER = frozenset({"hưởng"})
_STARTS = re.compile(rf"[(\[]?[ \t]*Ảnh\b(?![ \t]+(?:{'|'.join(sorted(NOT_MARKER))})\b)")
# A stop that ends a sentence inside a credit; not an initial's ("Ảnh: Ng. Hà",
# "T.T. Hà", "Q. Huy"): one capital, or a capital and a small letter, before it.
_SENTENCE = re.compile(r"(?<!\b[A-ZĐ])(?<!\b[A-ZĐ][a-zđ])[.!?]\s")


def _short(credit: str) -> bool:
    return 0 < len(credit.split()) <= 8 and not _SENTENCE.search(credit)


def _capitals(line: str, at: int) -> bool:
    """Whether "ẢNH" at ``at`` marks a credit as Thanh Niên sets it, marker and name
    in capitals after a caption in small letters ("… sáng nay - ẢNH: MINH CHÂU");
    not "HÌNH ẢNH: …" in a sentence, nor a heading all in capitals."""
    before = line[:at].split()
    credit = line[at + len(_WORD):].lstrip(" :").rstrip(" .)]")
    return (at == 0 or not line[at - 1].isalpha()) and (not before or not before[-1].isupper()) \
        and not line[:at].isupper() and credit.isupper()


def _lower(line: str, at: int) -> bool:
    """Whether "ảnh" at ``at`` marks a credit in small letters: after a bracket, a
    sentence's stop or a dash ("… môi trường (ảnh: Thành đoàn)", "… 5/8. ảnh: Trung
    Kiên"), not a word of the sentence ("bức ảnh: …")."""
    before = line[:at].rstrip()
    return at > 0 and not line[at - 1].isalpha() and before[-1:] in ("(", "[", ".", "-", "–", "—")


def split_credit(line: str) -> tuple[str, bool, str] | None:
    """(text before, whether the credit opened a bracket, credit) when the line
    ends with "Ảnh: credit", "(Ảnh: credit)" or "[Ảnh: credit]" (or "ẢNH", or
    "ảnh" after a bracket or a stop)."""
    i = line.rfind(_WORD)
    upper = line.rfind(_WORD.upper())
    if upper > i and _capitals(line, upper):
        i = upper
    lower = line.rfind(_WORD.lower())
    if lower > i and _lower(line, lower):
        i = lower
    if i < 0:
        return None
    rest = line[i + len(_WORD):].lstrip()
    if not rest.startswith(":"):
        return None
    tail = rest[1:].rstrip()
    if tail.endswith("."):
        tail = tail[:-1].rstrip()
    if tail.endswith((")", "]")):
        tail = tail[:-1]
    credit = tail.strip()
    if not 1 <= len(credit) <= 60 or any(c in "()[]:" for c in credit):
        return None
    before = line[:i].rstrip()
    opened = before.endswith(("(", "["))
    if opened:
        before = before[:-1]
    return before.strip(), opened, credit


def credited(line: str) -> tuple[str, str] | None:
    """(caption, credit) when the line ends in a short credit ("… Ảnh: Minh Châu",
    "… - Ảnh: X"), the caption without the dash or bar that set the credit apart;
    None otherwise. What every reader makes of a caption's last words."""
    parts = split_credit(line)
    if parts is None or not _short(parts[2]):
        return None
    return parts[0].rstrip(" -–—|").strip(), parts[2]


def _noted(words: list[str]) -> bool:
    """Words that say what the photo is ("minh họa", "cắt từ clip", "tư liệu"):
    one to four, all in small letters, not "Ảnh hưởng"."""
    return 1 <= len(words) <= 4 and all(w.isalpha() and w.islower() for w in words) \
        and words[0] not in NOT_MARKER


def worded(line: str) -> bool:
    """Whether a line ends in a note on the photo in words rather than a credit
    after a colon: "… Horan (phải). Ảnh cắt từ clip", "… hiện trường (Ảnh minh
    họa)". The words are no one's name, so they stay the caption's as written
    (helper-149: "(Ảnh: cắt từ clip)" read as a credit); without the rule such a
    line, short and with no full stop at its end, was read as a heading."""
    s = line.strip().removesuffix(".").rstrip()
    if s.endswith(")"):
        i = max(s.rfind("(Ảnh "), s.rfind("(ảnh "))
        return i > 0 and _noted(s[i + 6:-1].split())
    i = s.rfind(" Ảnh ")
    before = s[:i].rstrip() if i > 0 else ""
    return bool(before) and before[-1] in ".!?…-–—" and _noted(s[i + 5:].split())


# A caption's note on where someone stands ("(bên phải)", "(giữa)", "(thứ hai từ
# trái sang)"), or the credit of a video or a clip, whose words stay the caption's
# ("… (Video: Hoàng Hà)"): no sentence of a body names them.
PLACE_NOTE = re.compile(r"\((?:bên |ở |từ )?(?:phải|trái|giữa)(?: sang (?:phải|trái))?\)"
                         r"|\((?:người )?(?:thứ|hàng) (?:\d+|hai|ba|tư|bốn|năm|sáu|nhất) từ (?:phải|trái)"
                         r"(?: sang| qua)?(?: (?:phải|trái))?\)")
_CLIP = re.compile(r"(?:\(|[.!?…]\s|\s[-–—]\s)\s*(?:Video|Clip|VIDEO|CLIP)\s*:\s*[^():]{1,60}\)?\.?$")
CAPTION_WORDS = 35  # a longer line over a credit is a paragraph, the credit the picture's alone
# A picture's number before its description ("Ảnh 1: Lãnh đạo tỉnh trao quà"), as a
# press office numbers the photos it sends with a text: a caption, its words as
# written (what follows is a description, not a credit).
NUMBERED = re.compile(r"(?:Ảnh|ẢNH) \d{1,2}[ \t]?:[ \t]+(?=\S)")


def numbered(text: str) -> bool:
    """Whether a sentence is a numbered picture's caption: "Ảnh 1: …", short."""
    return NUMBERED.match(text) is not None and len(text.split()) <= CAPTION_WORDS


def _stopped(line: str) -> bool:
    """Whether the line's last sentence mark comes after its last word (by hand:
    "[.!?…:;]\\W*$" backtracks on a line of stops and marks)."""
    end = len(line)
    while end and not (line[end - 1].isalnum() or line[end - 1] == "_"):
        end -= 1
    return any(c in ".!?…:;" for c in line[end:])


def _credit_alone(line: str | None) -> str | None:
    """The credit of a line that holds nothing else ("Ảnh: Trung Kiên", "(Ảnh: TTXVN)")."""
    parts = split_credit(line) if line else None
    return parts[2] if parts is not None and not parts[0] and _short(parts[2]) else None


def match(lines: list[str], i: int) -> tuple[Block, int] | None:
    line = lines[i]
    parts = split_credit(line)
    if parts is not None and _short(parts[2]):
        text, opened, credit = parts
        text = text.rstrip(" -–—|").strip()  # the dash that set the credit apart
        # A sentence that merely mentions a photo mid-paragraph is not a caption:
        # the credit must close the line, and a bare description must be short.
        if opened or not text or len(text) <= 300:
            return Figure(plain(text), credit), 1
    if (_STARTS.match(line) or worded(line)) and len(line) <= 300:
        return Figure(plain(line)), 1
    short = len(line.split()) <= CAPTION_WORDS and not line.rstrip().endswith(":")
    under = _credit_alone(lines[i + 1] if i + 1 < len(lines) else None)
    if short and under and not _stopped(line):
        # The credit on the line under its caption, as a page or a Word file pastes
        # them: one figure (it was a heading, then a figure with a credit alone). A
        # sentence over a credit may be the body's, the picture between them lost.
        return Figure(plain(line.strip()), under), 2
    if short and (PLACE_NOTE.search(line) or _CLIP.search(line)):
        return Figure(plain(line.strip())), 1
    return None
