"""Vietnamese text from before Unicode: TCVN3 (ABC), VNI, VIQR and VISCII, and the
choice among them when no encoding is named.

TCVN3 and VNI files are the bytes a legacy font drew: read as Latin-1 they are
strings such as "Hµ Néi" (TCVN3) or "Haø Noäi" (VNI) for "Hà Nội". The mapping for
all 134 Vietnamese letters lives in ``legacy.json`` as data, taken once from a public
MIT-licensed converter (VISCII, which Python has no codec for, from RFC 1456: one
byte per letter, six of them in the C0 controls); decoding replaces the longest
legacy spelling first.

Detection never guesses silently: a candidate wins only when clearly more of its
words are Vietnamese syllables than under any other candidate, and the caller
reports which encoding it picked.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial
from importlib import resources

from bantin.typography.protect import addresses

LEGACY = ("tcvn3", "vni", "viqr", "viscii")
# The names Unikey and Vietkey show for the same tables.
ALIASES = {"abc": "tcvn3", "tcvn": "tcvn3", "vn3": "tcvn3", "vni-windows": "vni", "vni windows": "vni"}
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viqr": "VIQR", "viscii": "VISCII", "cp1258": "Windows-1258"}
# VISCII competes too: left out, half of the corpus written in VISCII was taken for
# TCVN3 with a clear margin (both put single-byte letters in the upper half), which
# is confident mojibake. VIQR is plain ASCII, so it is read only when named.
DETECTED = ("tcvn3", "vni", "viscii", "cp1258")

# A Vietnamese syllable, lower case: an initial, a vowel cluster, a final.
_VOWEL = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([{_VOWEL}]{{1,3}})(?:ng|nh|ch|[cmnpt])?"
)
# The vowel clusters Vietnamese spells, tone marks removed ("qu" and "gi" take their u, i).
_NUCLEI = frozenset(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu "
    "yê iêu yêu oai oay oeo uây uôi uya uyê ươi ươu".split()
)
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_WORD = re.compile(r"[^\W\d_]+")
_TONED = re.compile("[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
_VIQR_MARKS = "`'?~.^(+"
_C1 = re.compile("[\x80-\x9f]")
# Windows wrote TCVN3 and VNI text in its ANSI code page, so the bytes 0x80–0x9F
# that no letter of theirs uses are Windows-1252's “ ” ‘ ’ – — … •, not control
# codes (the five bytes Windows-1252 leaves undefined stay unexplained).
WINDOWS_C1 = {i: bytes([i]).decode("cp1252") for i in range(0x80, 0xA0) if i not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
# TCVN3 has capitals for Ă Â Ê Ô Ơ Ư Đ but none for a toned vowel: a headline set
# in a .VnTimeH face is written with the small letters' codes, which the face draws
# as capitals. Read as TCVN3, "HÀ NỘI" comes out "Hà NộI".
_TONED_SMALL = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_LETTERS = re.compile(r"[^\W\d_]+")
# Where a paragraph opens, and a sentence after one that ends in a word in small
# letters (not "v.v." nor "TP." nor "ThS." nor "1."): the toned vowel that starts it.
_PARAGRAPH_OPENING = re.compile(rf"^\s*[“\"(«]?[{_TONED_SMALL}]")
# The word starts where its letters do: tried from inside a word too, a line of
# 100,000 letters took minutes (helper-163).
_SENTENCE_OPENING = re.compile(rf"(?P<word>(?<![^\W\d_])[^\W\d_]+)(?P<end>(?:[!?]|\.[”\"»)]?) )"
                               rf"(?P<open>[“\"(«]?[{_TONED_SMALL}])")
_VIQR_ADDRESS = re.compile(r"^www\.|\.(?:vn|com|net|org|gov|edu)(?:/|$)", re.IGNORECASE)
MAX_UNMAPPED = 0.005  # share of characters no letter of the encoding explains
CLEAR_MARGIN = 0.15  # the winner's share of syllables must lead the next by this much
MIN_SHARE = 0.5
SAMPLE = 400_000  # bytes each candidate decodes to be scored: the winner alone decodes the rest
# Words beyond ASCII the winner must read as Vietnamese: three bytes of junk read
# as Windows-1258 give "ÿ₫ú … Ă(", of which "ú" and "Ă" are syllables. A title
# and a sapo in a legacy encoding hold dozens.
MIN_EVIDENCE = 8


@lru_cache(maxsize=1)
def letters() -> tuple[dict[str, str], ...]:
    data = json.loads(resources.files("bantin.source").joinpath("legacy.json").read_text("utf-8"))
    return tuple(data["letters"])


@lru_cache(maxsize=4)
def _decoder(name: str) -> tuple[dict[str, str], re.Pattern[str]]:
    table = {row[name]: row["unicode"] for row in letters()}
    if name == "viqr":
        table["Dd"] = "Đ"  # RFC 1456 writes DD; "Ddà Nẵng" is as common in practice
    spellings = sorted(table, key=len, reverse=True)  # the longest spelling wins
    alternatives = "|".join(map(re.escape, spellings))
    if name == "viqr":
        # "\." writes a literal full stop after a letter ("Ha\. Noi" is not "Hạ Noi").
        return table, re.compile(rf"\\(.)|{alternatives}", re.S)
    return table, re.compile(alternatives)


# A vowel with a mark only VIQR writes after it: a circumflex, breve or horn
# ("o^", "a(", "u+"), or a grave or tilde tone ("a`", "e~"). English and other
# plain ASCII text hardly ever has one; its "'", "?" and "." are its punctuation.
_VIQR_SURE = re.compile(r"(?<![\w`~^(+])[A-Za-z]*[aeiouyAEIOUY](?:[\^(+]|[`~])")


def looks_viqr(text: str) -> bool:
    """Whether ASCII text reads as VIQR: one word in ten or more carries a mark
    only VIQR writes (never decoded unasked: the hint is only said)."""
    words = len(text.split())
    return words >= 5 and len(_VIQR_SURE.findall(text)) * 10 >= words


def decode(data: bytes, name: str, capitals: bool = True) -> str:
    """Bytes in a legacy encoding to Unicode NFC; ``capitals`` restores TCVN3's
    capitals where a line or sentence opens (not for a word inside a line).
    Windows-1258 is Python's own codec, its tones composed here."""
    if name == "cp1258":
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    table, pattern = _decoder(name)
    text = data.decode("ascii" if name == "viqr" else "latin-1")  # VIQR beyond ASCII raises: nothing is replaced

    def swap(m: re.Match[str]) -> str:
        if name == "viqr" and m.group(1) is not None:
            return m.group(1)
        return table[m.group(0)]

    if name != "viqr":
        text = pattern.sub(swap, text)
        text = unicodedata.normalize("NFC", text.translate(WINDOWS_C1) if name in ("tcvn3", "vni") else text)
        return _capitals(text) if name == "tcvn3" and capitals else text
    # VIQR's marks are ASCII punctuation ("bao.vn" would read "baọvn", "a?b" "ảb"):
    # an address is left as written, which is how RFC 1456 text carried them. Only
    # one that says it is an address (a scheme, "www.", a mailbox, a domain no
    # Vietnamese syllable ends like: ".com", ".vn"): "di.ch" is "dịch".
    typed = "\\." not in text and "\\?" not in text  # as people type it, not as RFC 1456 writes it
    if "\\." not in text:  # text that escapes a full stop anywhere writes VIQR by the RFC: "." is a tone
        text = _escaped(text, _WORD_DOT, _stop)
    if "\\?" not in text:  # and one that escapes a question mark: "?" is a tone
        text = _escaped(text, _WORD_QUESTION, _asked)

    def words(segment: str) -> str:
        if not typed:
            return pattern.sub(swap, segment)
        return _VIQR_WORD.sub(lambda m: _viqr_word(m.group(0), pattern.sub(swap, m.group(0))), segment)

    out, done = [], 0
    for start, address in addresses(text):
        if not ("://" in address or "@" in address or _VIQR_ADDRESS.search(address)):
            continue
        # Its escapes are undone ("hanoi\\.gov\\.vn"): its marks were never tone marks.
        out += [words(text[done:start]), re.sub(r"\\(.)", r"\1", address)]
        done = start + len(address)
    out.append(words(text[done:]))
    return unicodedata.normalize("NFC", "".join(out))


_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")
# A word as VIQR writes it, marks and escapes included ("Vie^.t", "U.S.", "safe?").
_VIQR_WORD = re.compile(r"(?:\\.|[A-Za-z^(+'`?~.])+")


def _viqr_word(written: str, read: str) -> str:
    """``read``, the word decoded, unless it is no Vietnamese word and its only
    marks are ones English writes as punctuation ("U.S." read "ỤS.", "e.g." "ẹg.",
    "safe?" "safẻ"): then the marks were punctuation. A circumflex, breve, horn,
    grave, tilde or acute is VIQR's own: "O^xtra^ylia" stays "Ôxtrâylia", "Pe'rez"
    "Pérez". Only in text typed without the RFC's escapes ("\\."), where "." and
    "?" are as often punctuation as tones."""
    if read == written or any(c in written for c in "^(+`~'"):
        return read
    # Only English shapes: initials ("U.S.", "e.g.") or one mark at the word's end
    # ("safe?"). A mark inside a word is a tone of a name the syllable list lacks
    # ("DDa. Te?h" is Đạ Tẻh, helper-99) or of words typed without their space.
    bare = re.sub(r"\\(.)", r"\1", written)  # as typed, before the escapes read for it
    if not (_INITIALS.fullmatch(bare) or (bare[-1] in ".?" and not any(c in bare[:-1] for c in ".?"))):
        return read
    toned = [w for w in _WORD.findall(unicodedata.normalize("NFC", read)) if not w.isascii()]
    return bare if toned and not all(map(is_syllable, toned)) else read


# A VIQR word that ends in ".", and what follows it: RFC 1456 escapes a full stop
# after a letter ("\."), but most VIQR text as typed does not, and "mu+a." is "mưa."
# far more often than "mựa".
_WORD_DOT = re.compile(r"(?<![\\A-Za-z^(+'`?~.])([A-Za-z][A-Za-z^(+'`?~.]*?)\.(?=([\"”’)\]]*)(\s+\S|\s*$|\.))")
# A VIQR word that ends in "?", and what follows it ("?" is a hỏi after a vowel).
_WORD_QUESTION = re.compile(r"(?<![\\A-Za-z^(+'`?~.])([A-Za-z][A-Za-z^(+'`?~.]*?)\?(?=([\"”’)\]]*)(\s+\S|\s*$))")
_VIQR_TONES = re.compile(r"[aeiouyAEIOUY][\^(+]?['`?~.]")
_VIQR_VOWELS = re.compile(r"(?:[aeiouyAEIOUY][\^(+]?)+$")
_TONE_ON_LAST = frozenset({"oa", "oe", "uy", "ue^"})  # "hoạ", "thuỵ": the nuclei that may tone their last vowel


def _escaped(text: str, word_mark: re.Pattern[str], rule: Callable[..., str]) -> str:
    """VIQR with the word-final marks ``word_mark`` finds escaped where ``rule``
    says they are punctuation (``_stop``, ``_asked``), in each line but in its
    addresses; the first line is the title, which no mark ends."""
    lines = text.split("\n")
    title = next((i for i, line in enumerate(lines) if line.strip()), -1)
    for n, line in enumerate(lines):
        kept = [(start, start + len(a)) for start, a in addresses(line)]
        lines[n] = word_mark.sub(partial(rule, kept=kept, line_end=n != title), line)
    return "\n".join(lines)


def _asked(m: re.Match[str], kept: list[tuple[int, int]], line_end: bool) -> str:
    """A ``_WORD_QUESTION`` match with its "?" escaped when it cannot be a hỏi: after
    a word toned already ("na`o?" is "nào?", never "nàỏ"), or after two vowels
    whose first would take the tone ("dda^u?", "sao?", "ddo^i?": "đâủ" is no
    spelling). Elsewhere it is a word's hỏi, at a line's end too: a heading, a list
    item or a quotation ends in "nho?" ("nhỏ") far more often than in a question."""
    word = m.group(1)
    if any(a <= m.start() < b for a, b in kept):
        return m.group(0)
    return word + "\\?" if _VIQR_TONES.search(word) or _toned_first(word, onset=True) else m.group(0)


def _toned_first(word: str, onset: bool = False) -> bool:
    """The word ends in two vowels or more whose first takes the tone ("mu+a",
    "kia", "dda^u"; not "hoa", "thuy", which tone their last). With ``onset`` the
    "u" of "qu" and the "i" of "gi" are the consonant's: "qua?" is "quả" (while
    "qua." ends "năm qua." far more often than it is "quạ")."""
    if onset:
        word = re.sub(r"^(?:qu|gi(?=[aeiouy]))", "", word, flags=re.IGNORECASE)
    vowels = _VIQR_VOWELS.search(word)
    nucleus = vowels.group(0).lower() if vowels else ""
    return len(re.findall(r"[aeiouy]", nucleus)) >= 2 and nucleus not in _TONE_ON_LAST


def _stop(m: re.Match[str], kept: list[tuple[int, int]], line_end: bool) -> str:
    """A ``_WORD_DOT`` match with its "." escaped when it is a full stop: after a
    word that has its tone already ("No^.i."), after two vowels whose first takes
    the tone ("mu+a.", "kia.", not "hoa."), after an initial ("O^ng A. cho
    bie^'t"), and at the end of a line but the title's ("to." ending a paragraph).
    A second dot keeps the first a tone ("bi.." is "bị."). Not before a capital:
    "Bo^. Y te^'" and "Thi. Hoa" are far commoner than a sentence's end there. Nor
    in an address ("www.bao.vn.")."""
    word, after = m.group(1), m.group(3)
    if after == "." or any(a <= m.start() < b for a, b in kept):
        return m.group(0)
    initial = len(word) == 1 and word.isupper()
    if _VIQR_TONES.search(word) or _toned_first(word) or initial or (line_end and after.strip() == ""):
        return word + "\\."
    return m.group(0)


def _capitals(text: str) -> str:
    """TCVN3 text with the capitals its encoding could not write. A line whose
    every word is in capitals but for toned vowels ("Về QUÊ ĂN TếT", "Dự áN ĐƯờNG
    SắT") is a headline in capitals, whole. Elsewhere a word with a capital past its
    first letter and no other small letter ("NộI", "áN") is a word in capitals, and
    so is "Hà" beside one ("Hà NộI – Sáng 5/8"). A line opens with a capital ("ở
    Minh Châu, …"; not one that goes on from a line cut mid-sentence), and so does a
    sentence after one that ends in a word in small letters ("… mưa lớn. ở đây").
    "Hà Nội", "UBND Hà Nội", "v.v. ở chợ", "TP. ở đây" stay as they are."""
    if not any(c in _TONED_SMALL for c in text):
        return text  # no toned vowel at all: nothing TCVN3 could have lowered
    out = []
    last = ""  # the last line with words, as it came: looked back at, never copied (a 5 MB file)
    for line in text.split("\n"):
        previous, last = last, (line if line.strip() else last)
        previous = previous.rstrip()
        words = [(m.start(), m.end(), _shape(m.group(0))) for m in _LETTERS.finditer(line)]
        if words and all(shape != "small" for _, _, shape in words) and any(s == "caps" for _, _, s in words):
            out.append(line.upper())
            continue
        caps = {i for i, (_, _, shape) in enumerate(words) if shape == "caps" and _toned(line, words[i])}
        near = {i for i, (_, _, shape) in enumerate(words) if shape == "initial" and (i - 1 in caps or i + 1 in caps)}
        chars = list(line)
        for i in caps | near:
            start, end, _ = words[i]
            chars[start:end] = list(line[start:end].upper())
        line = "".join(chars)
        # Each line is a paragraph (or a title), unless the one before was cut in the
        # middle of a sentence: long and ending in a word or a number ("60.000", "5%",
        # "UBND"), not a sentence's stop, or in a comma.
        if not (previous.endswith(",") or (len(previous) >= 60 and (previous[-1].isalnum() or previous[-1] == "%"))):
            line = _PARAGRAPH_OPENING.sub(lambda m: m.group(0).upper(), line)
        out.append(_SENTENCE_OPENING.sub(_opened, line))
    return "\n".join(out)


def _opened(m: re.Match[str]) -> str:
    """The sentence's first letter in capitals after a word in small letters, or a
    capitalised one that is a syllable ("… Đức Anh. Ý kiến"), with the quote that
    closed it after a full stop ("… doanh nghiệp.\" Ở khu"; a title "“Ai đúng?” ở"
    goes on); not after "TP." nor "ThS." nor "A."."""
    word, opening = m.group("word"), m.group("open")
    # Not "Co." ("Công ty ABC Co. ở khu"): a capitalised word of two letters is as
    # often an abbreviation as a name.
    sentence = len(word) >= 2 and (word.islower() or (len(word) >= 3 and word[1:].islower() and is_syllable(word)))
    return word + m.group("end") + (opening.upper() if sentence else opening)


def _toned(line: str, word: tuple[int, int, str]) -> bool:
    return any(c in _TONED_SMALL for c in line[word[0]:word[1]])


def _shape(word: str) -> str:
    """"small" for a word with a small letter TCVN3 has a capital for (a word in
    small letters, or a capitalised one: "Nội", "người"); "caps" for one whose
    letters past the first include a capital ("NộI", "áN", "QUÊ", "UBND");
    "initial" for one capital first and toned vowels after it ("Hà"); "" for toned
    vowels only ("ở")."""
    if any(c.islower() and c not in _TONED_SMALL for c in word):
        return "small"
    if any(c.isupper() for c in word[1:]):
        return "caps"
    return "initial" if word[0].isupper() else ""


def encode(text: str, name: str) -> bytes:
    """Unicode to a legacy encoding (for tests and round trips)."""
    table = {row["unicode"]: row[name] for row in letters()}
    out: list[str] = []
    previous = ""
    for c in unicodedata.normalize("NFC", text):
        # VIQR escapes a mark character that follows a letter: "Hà Nội\\." ends a sentence.
        if name == "viqr" and c in _VIQR_MARKS and previous.isalpha():
            out.append("\\" + c)
        else:
            out.append(table.get(c, c))
        previous = c
    return "".join(out).encode("ascii" if name == "viqr" else "latin-1")


def syllable_share(text: str) -> float:
    """How many of the words with a letter beyond ASCII are Vietnamese syllables
    with at most one tone mark. ASCII words read the same in every candidate, so
    they carry no evidence and would only narrow the margin."""
    good, others = evidence(text)
    return good / (good + others) if good + others else 0.0


def evidence(text: str) -> tuple[int, int]:
    """(syllables, others) among the words with a letter beyond ASCII: how much
    the text says about being Vietnamese, and about being something else."""
    words = [w.lower() for w in _WORD.findall(text) if not w.isascii()]
    good = sum(1 for w in words if _syllable(w))
    return good, len(words) - good


def is_syllable(word: str) -> bool:
    """Whether a word is one Vietnamese syllable ("THANH" and "Phong" are, "UBND",
    "AFP" and "HLV" are not)."""
    return _syllable(word.lower())


def _syllable(word: str) -> bool:
    m = _SYLLABLE.fullmatch(word)
    if m is None or len(_TONED.findall(word)) > 1:
        return False
    bare = unicodedata.normalize("NFC", unicodedata.normalize("NFD", m.group(1)).translate(_TONE_MARKS))
    return bare in _NUCLEI


def candidates(data: bytes) -> list[tuple[float, str, str]]:
    """(share of syllables, encoding, text of the first SAMPLE bytes) for each
    encoding detection tries, best first: so much is evidence enough."""
    out = []
    for name in DETECTED:
        try:
            text = decode(data[:SAMPLE], name)
        except UnicodeDecodeError:
            continue
        sample = text[:200_000]
        # Bytes the encoding has no letter for come through as C1 controls: real
        # text in the encoding has none, while Shift-JIS or GBK read as TCVN3 is
        # full of them (and of one-letter "syllables" between them).
        share = 0.0 if len(_C1.findall(sample)) > len(sample) * MAX_UNMAPPED else syllable_share(sample)
        out.append((share, name, text))
    return sorted(out, key=lambda c: -c[0])


def detect(data: bytes, ranked: list[tuple[float, str, str]] | None = None) -> tuple[str, str] | None:
    """(encoding, text) when one candidate is clearly the best, else None;
    ``ranked`` is ``candidates(data)`` when the caller has them already."""
    ranked = candidates(data) if ranked is None else ranked
    if not ranked:
        return None
    best = ranked[0]
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    if best[0] >= MIN_SHARE and best[0] - runner >= CLEAR_MARGIN and evidence(best[2][:200_000])[0] >= MIN_EVIDENCE:
        return best[1], best[2] if len(data) <= SAMPLE else decode(data, best[1])
    return None
