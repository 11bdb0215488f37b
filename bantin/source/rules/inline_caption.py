"""Photo captions a crawl left inside a one-line body, found by their markers.

A caption is the sentence before a credit ("Một điểm trông giữ xe. Ảnh: Thu Huyền"),
the text before "- Ảnh:" or "(Ảnh: …)", or a description closed by "(ảnh từ clip)" or "Ảnh tư liệu",
a position ("(bên phải)") or a photographer in capitals ("… ốc hương TRẦN THANH
PHONG"). The credit runs until the sentence it is glued to starts: a full stop, a
run of spaces, a capital glued to capitals ("AFPÔng"), or a capitalised word that
opens the next sentence ("Ảnh: Anh Quý Chủ tịch UBND…" gives "Anh Quý").
"""

from __future__ import annotations

import re
from dataclasses import replace

from bantin.source.legacy import is_syllable
from bantin.source.rules import caption, openers
from bantin.source.rules.caption import numbered
from bantin.source.rules.sentences import Piece

_LABELS = r"(?:Ảnh|ẢNH|Video|VIDEO|Clip|Đồ họa|Đồ hoạ|Nguồn ảnh)"
_BRACKETED = re.compile(rf"\(\s*{_LABELS}\s*:\s*(?P<credit>[^():]{{1,80}}?)\s*\)\.?")
_COLON = re.compile(rf"(?:(?<=\s)[-–—]\s*)?(?<![\w(])(?P<label>{_LABELS})\s*:\s*(?=\S)")
_WORDED = re.compile(r"(?:^|(?<=[.!?)]\s)|(?<=\s)[-–—]\s+)Ảnh (?=[^\W\d_])")
_NOTE = re.compile(r"\((?:ảnh|Ảnh)(?: [^\W\d_]+){1,4}\)|" + caption.PLACE_NOTE.pattern)
_TOKEN = re.compile(r"\S+")
MAX_WORDS = 60  # a "caption" longer than this is a paragraph that mentions a photo


def _credit(rest: str) -> tuple[str, int]:
    """The credit at the start of ``rest`` and how many characters it takes."""
    run = 0
    while run < len(rest) and rest[run].isupper():
        run += 1
    if run >= 3 and run < len(rest) and rest[run].islower():
        return rest[:run - 1], run - 1  # "AFPÔng chủ…": the credit is glued to the sentence
    tokens = list(_TOKEN.finditer(rest, 0, 200))
    taken: list[str] = []
    end = 0
    for i, m in enumerate(tokens[:5]):
        word = m.group()
        core = word.rstrip(".,;:)")
        if not core or (taken and rest[end:m.start()].count(" ") > 1):
            break
        if taken and not (core[0].isupper() or core[0].isdigit()):
            break
        following = [t.group() for t in tokens[i + 1:i + 6]]
        nxt = following[0] if following else ""
        if taken and not core.isupper() and (nxt[:1].islower() or openers.opens(core, following, taken[-1])):
            break  # "Thu Huyền | Tại các điểm…": the next sentence starts here
        taken.append(core)
        end = m.start() + len(core)
        if word.endswith(".") and len(core) > 1:
            end += 1
            break
    return " ".join(taken), end


def _caps_credits(text: str) -> list[tuple[int, int]]:
    """Photographers' names in capitals after a lower-case word and before the
    next sentence: "… ốc hương TRẦN THANH PHONG Tuy nhiên, …"."""
    tokens = list(_TOKEN.finditer(text))
    out = []
    i = 1
    while i < len(tokens):
        j = i
        while j < len(tokens) and j - i < 4 and _caps_word(tokens[j].group()):
            j += 1
        if j - i >= 2 and tokens[i - 1].group()[-1:].islower():
            if j == len(tokens) or tokens[j].group()[:1].isupper():
                out.append((tokens[i].start(), tokens[j - 1].end()))
        i = max(j, i + 1)
    return out


def _caps_word(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper() and is_syllable(word)


def _worded(text: str, at: int) -> int | None:
    """"Ảnh tư liệu", "Ảnh cắt từ clip": lower-case words after "Ảnh" up to the
    next capitalised word; where they end."""
    tokens = list(_TOKEN.finditer(text, at, min(len(text), at + 120)))
    words: list[str] = []
    end = at
    for m in tokens:
        w = m.group()
        core = w.rstrip(".")
        if not core.isalpha() or not core.islower() or len(words) == 4:
            break
        words.append(core)
        end = m.start() + len(core)
        if w.endswith("."):
            end += 1
            break
    if not words or words[0] in caption.NOT_MARKER or (end < len(text) and not text[end:].lstrip()[:1].isupper()
                                            and text[end:].strip()):
        return None
    return end


Hit = tuple[int, int, "str | None", bool]


def _markers(text: str) -> list[Hit]:
    """(start, end, credit, keep) of every caption marker, in order and not
    overlapping; ``keep``: the marker's words stay in the caption ("(bên phải)",
    "Video: IDF"). Each pattern runs once over the text."""
    found: list[Hit] = []
    for m in _BRACKETED.finditer(text):
        found.append((m.start(), m.end(), m.group("credit").strip(), False))
    for m in _COLON.finditer(text):
        credit, used = _credit(text[m.end():m.end() + 200])
        if credit and m.group("label").casefold() == "ảnh":
            found.append((m.start(), m.end() + used, credit, False))
        elif credit:  # "Video: IDF" is no photo credit: its words stay in the caption
            found.append((m.start(), m.end() + used, None, True))
    for m in _WORDED.finditer(text):
        # Words on the photo, no one's name: they stay the caption's as written
        # (helper-149: "Ảnh cắt từ clip" was shown as "(Ảnh: cắt từ clip)").
        if worded := _worded(text, m.end()):
            found.append((m.start(), worded, None, True))
    for m in _NOTE.finditer(text):
        after = text[m.end():m.end() + 3].lstrip(".").lstrip()
        if not after or after[0].isupper():
            end = m.end() + (1 if text[m.end():m.end() + 1] == "." else 0)
            found.append((end, end, None, True))
    for a, b in _caps_credits(text):
        found.append((a, b, text[a:b], False))
    found.sort()
    out: list[Hit] = []
    for h in found:
        if not out or h[0] >= out[-1][1] and h[0] > out[-1][0]:
            out.append(h)
    return out


def mark(pieces: list[Piece]) -> list[Piece]:
    """The pieces with every marked caption made a "caption" piece, in place."""
    out: list[Piece] = []
    for piece in pieces:
        if piece.kind != "text" or numbered(piece.text):
            # "Ảnh 1: Lãnh đạo tỉnh trao quà." is no gallery's introduction ("Một vài hình ảnh …:")
            out.append(replace(piece, kind="caption") if piece.kind == "text" else piece)
            continue
        text, shown, spaced = piece.text, piece.shown, piece.spaced
        pos = 0
        for start, end, credit, keep in _markers(text):
            label = text[start:end].strip() if keep else ""
            caption = text[pos:start].rstrip(" -–—").strip()
            pos = end
            if not caption and out and out[-1].kind == "caption" and out[-1].credit is None and (credit or label):
                # "… Horan (phải). Ảnh: Minh Tú", "… Horan (phải). Ảnh cắt từ clip"
                prev = out[-1]
                out[-1] = replace(prev, text=f"{prev.text} {label}".strip(), credit=credit)
                shown, spaced = True, False
                continue
            if not caption and out and out[-1].kind == "text" and len(out[-1].text.split()) <= MAX_WORDS:
                caption = out.pop().text  # "Một điểm trông giữ xe. Ảnh: Thu Huyền"
            elif caption and len(caption.split()) > MAX_WORDS:
                out.append(Piece(caption, shown, spaced=spaced))
                caption = ""
            if label:
                caption = f"{caption} {label}".strip()
            out.append(Piece(caption, shown, "caption", credit, spaced))
            shown, spaced = True, False
        rest = text[pos:].strip()
        if rest:
            out.append(Piece(rest, shown, spaced=spaced))
    return out


def caption_end(text: str) -> int | None:
    """Where the first marked caption in ``text`` ends, or None."""
    hits = _markers(text)
    return hits[0][1] if hits else None
