"""How much a sentence says about what the news is, in five parts that add up.

- ``central`` (0 to 1): how close the sentence is to the article as a whole: the
  cosine between its terms and the article's centroid (Radev's MEAD centroid; a
  LexRank-style centrality that needs no sentence-by-sentence graph, so the time
  stays linear). Terms are content syllables and syllable pairs (most Vietnamese
  words are two syllables); the title and the lede count twice in the centroid,
  since they say what the story is.
- ``story`` (0 to 3), in a bundle only: how much of the sentence the bundle's
  other articles of the same story also report (``story.supports``: the cosine
  between its terms and the number of those articles that hold each). What
  several outlets report is what the news is, so this weighs three times the
  centroid; a single article has none. Set on one seeded half of the ViMs
  clusters read as bundles and checked on the other.
- ``position``: news leads with the facts: 0.25 for the first sentence that may
  be a point, falling as 0.25 / (1 + k / 4) for the k-th.
- ``cues``: 0.05 each, three at most: a figure with its unit ("35,2 tỷ USD",
  "18,7%", "66 người"), names of people, places and bodies (capitalised words
  inside the sentence, two at most), a statement by an official or a named
  source ("Bộ trưởng … cho biết", "Theo Bộ Y tế, …").
- ``penalty``: −0.3 when the sentence leans on the one before ("Tuy nhiên, …",
  "Ông này …", "Cô ở lại …", "2. …", "… nói trên …"), more than coming first
  is worth, and half its story part besides, unless that one is shown right
  above it (the body's first sentence under the lede); −0.1 for each lesser way
  it reads badly alone: it is someone's own words (a quotation, "tôi", "chúng
  ta") rather than the news; it has under 12 words. And −1 for a sentence in
  the first person that names no speaker ("Tôi tin rằng …", from the middle of
  a quotation): out of its article it reads as the outlet's own voice.

The weights are few and round, set on a seeded quarter of the ViMs clusters and
checked on the rest; ``score`` is the sum of the parts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

W_CENTRAL = 1.0
W_STORY = 3.0  # what other outlets report of the same story outweighs what one article dwells on
W_POSITION = 0.25
POSITION_HALF = 4.0  # the k-th sentence gets 1 / (1 + k / POSITION_HALF)
W_CUE = 0.05  # per cue; at most CUES_MAX cues count
CUES_MAX = 3
W_PENALTY = 0.1
# A sentence that leans on the one before costs more than the lead's position is
# worth: at 0.1 the first body sentences still won with "Cô ở lại Hàn Quốc …" or
# "Bất ngờ, người này …", which a reader of the entry cannot place (helper-135
# found 48 such points among 380 read).
W_LEANS = 0.3
# "Tôi tin rằng …" out of its quotation: the reader takes it for the outlet's own
# voice. A sentence in the first person that names no speaker is a point only
# when the article has nothing better (an op-ed written as "tôi").
W_UNSAID = 1.0
# In a bundle, a sentence that leans also loses half its story part: what every
# outlet reports outweighs the lean's 0.3 up to ten times, and 250 of 2,437 points
# of the ViMs clusters read as bundles leaned ("Theo đó, hai tên này …", helper-143).
# With it 82 do, at 0.005 of R-2.
LEAN_STORY = 0.5
TITLE_WEIGHT = 2.0
SHORT = 12  # words; a shorter sentence rarely says enough on its own

# Syllables that carry no topic: function words, pronouns, the commonest verbs
# of reporting. Written for Vietnamese news in general.
STOPWORDS = frozenset(
    """và là của có được các những một trong cho với đã này không theo khi đến từ về thì ra vào lại để cũng như
    sẽ đang bị tại nhiều nhưng nên rất hơn sau trên đó mà do vì nếu còn chỉ đều vẫn rằng hay hoặc việc
    cùng nhất qua ở tới bởi nhằm thêm nữa đây kia ấy nào gì ai tôi chúng ta họ mình anh chị ông bà em
    nó này nay vừa mới đi làm cho biết nói thể thế vậy tuy nhiên trong khi cả mỗi từng số cách
    the of and a to in""".split()
)
WORD = re.compile(r"[^\W_]+")  # a syllable, or a run of digits
FIGURE = re.compile(
    r"\d[\d.,]*\s?(?:%|‰|tỷ|tỉ|triệu|nghìn|ngàn|đồng|usd|euro|yên|tấn|kg|km|m2|m²|ha|người|ca|vụ|"
    r"lần|năm|tuổi|giờ|phút|ngày|tháng|chiếc|căn|hộ|học sinh|ghi|bàn|điểm|mw|độ)\b"
    r"|\d+/\d+(?:/\d+)?|\d{1,3}(?:\.\d{3})+",
    re.IGNORECASE,
)
# Capital letters, for a character class: "À-Ỹ" would span the small letters too
# ("đây đã được" was a name).
_CAPITAL = "A-Z" + "".join(sorted({c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper()}))
_NAME_WORD = re.compile(rf"(?<=\s)[{_CAPITAL}][^\W\d_]*(?:\s+[{_CAPITAL}][^\W\d_]*)+")
_STATES = (r"cho biết|khẳng định|nhấn mạnh|thông báo|tuyên bố|cho hay|xác nhận|yêu cầu|đề nghị|quyết định|"
           r"phát biểu|cảnh báo|công bố")
_OFFICIAL = re.compile(
    r"\b(?:bộ trưởng|thứ trưởng|chủ tịch|thủ tướng|tổng thống|tổng bí thư|bí thư|giám đốc|tổng giám đốc|"
    r"phó|trưởng|người phát ngôn|đại diện|lãnh đạo|đại sứ|tướng|đại tá|thượng tá|trung tá|luật sư|bác sĩ|"
    r"chuyên gia|hlv|huấn luyện viên|cơ quan|công an|viện kiểm sát|tòa án|bộ|sở|ubnd|ủy ban|chính phủ)\b"
    rf".{{0,80}}?\b(?:{_STATES})\b",
    re.IGNORECASE,
)
# The verb alone, looked for first: most sentences have none, and _OFFICIAL's
# search from every word of a title costs a long article milliseconds.
_STATED = re.compile(rf"\b(?:{_STATES})\b", re.IGNORECASE)
# Reported speech with its source up front: "Theo ông A, …", "Theo Bộ Y tế, …".
_SOURCED = re.compile(r"^[\"“(]?Theo\s+(?:[^\s,]+\s+){0,8}?[^\s,]+,")
# Direct speech: a quotation, or the speaker's own "tôi", "chúng tôi", "chúng ta".
_SPEECH = re.compile(r"[“”\"]|\b(?:tôi|chúng tôi|chúng ta|chúng em|mình)\b", re.IGNORECASE)
# Verbs that name who is speaking ("…, ông A cho biết", "Bà B nói: “…”").
# "nói riêng", "nói chung" ("in particular", "in general") say nothing.
SAYING = (r"cho biết|cho hay|nói(?!\s+(?:riêng|chung)\b)|khẳng định|nhấn mạnh|chia sẻ|tiết lộ|nhận định|"
          r"phát biểu|thông báo|xác nhận|giải thích|bày tỏ|lưu ý|cảnh báo|thừa nhận|kể|nhận xét|đánh giá|"
          r"tuyên bố|trả lời|nhớ lại|thông tin|hỏi|viết")
_FIRST_PERSON = re.compile(r"\b(?:tôi|chúng tôi|chúng ta|chúng em)\b", re.IGNORECASE)
# The first person right before a verb of saying: the speaker's own verb.
_OWN_VERB = re.compile(r"\b(?:tôi|chúng ta|chúng em)\s+$", re.IGNORECASE)
_SAYS = re.compile(rf"\b(?:{SAYING}|trao đổi|tâm sự|thổ lộ|bộc bạch|cho rằng|khai)\b", re.IGNORECASE)
_LEANS = re.compile(
    r"^\d{1,2}[.)]\s|^[\"“(]?(?:tuy nhiên|tuy vậy|ngoài ra|bên cạnh đó|trong khi đó|do đó|vì vậy|vì thế|theo đó|"
    r"thêm vào đó|hơn nữa|mặt khác|đồng thời|ngược lại|còn(?! nhớ)|nhưng|và|hay|hoặc|thậm chí|thế nhưng|cho nên|"
    r"bởi vậy|vậy nên|bởi lẽ|bởi vì|do vậy|từ đó|nhờ đó|nhờ vậy|cũng theo|vẫn theo|điều này|việc này|"
    # "Cũng trong chương trình này, …", "Cũng vào thời điểm …": also, as something told before.
    r"cũng (?:trong|vào|tại|ở|nhân|như)|"
    # "Hai trong số đó …", "60% trong số này …"; "Đứng tiếp theo là …": a list told before.
    r"(?:[^\W_]+%?\s+)?trong số (?:đó|này|ấy|họ|trên)|đứng (?:tiếp theo|sau|kế tiếp|thứ)|"
    r"đây|đấy|đó là|ông này|bà này|anh này|chị này|người này|họ|hắn|nó|cô ấy|anh ấy|ông ấy|"
    r"sau đó|tiếp đó|cùng với đó|chính vì|trước đó|lúc này|khi đó|tại đây|ở đây|vụ việc|sự việc|"
    r"cụ thể|trong đó|ngay sau đó|lúc đó|dịp này|nhân dịp này|theo sau là|không chỉ vậy|chẳng những thế|"
    r"chưa dừng lại ở đó|tiếp theo|(?:sáng|chiều|tối|trưa|đêm|ngày|hôm) hôm (?:sau|đó|ấy)|"
    # "Hậu quả, cả ba người bị thương nặng": the result of what was told before.
    r"hậu quả(?=\s*,|\s+là\b)|"
    # "Vài giờ sau" counts from an event told before; "Một năm trước" from today.
    r"(?:một|hai|vài|ít) (?:phút|tiếng|giờ|ngày|hôm|tuần|tháng|năm) sau|"
    # So does "Khoảng 20 phút sau khi máy bay cất cánh, …" (which plane? The
    # EgyptAir entry showed another flight's bomb as its own); "30 năm sau ngày thống
    # nhất" names what it counts from.
    r"(?:(?:khoảng|chừng|gần|hơn|chỉ|chưa đầy|chưa tới|chưa đến)\s+)?\d{1,3}(?:[.,]\d+)?\s+"
    r"(?:giây|phút|tiếng|giờ|ngày|hôm|tuần|tháng|năm)\s+sau(?=\s*,|\s+khi\b))\b"
    # A subject that points back: "Hãng công nghệ này …", "Cậu ấy …", "Thông tin này …",
    # after an opening phrase too: "Tối 17/5, người này …", "Tính đến quý 1, thị trường này …".
    r"|^[\"“(]?(?:[^,.;:!?…\"“”]{1,40},\s+)?(?:[^\W\d_]+\s+){1,4}(?:này|ấy)\b"
    # A bare subject for someone or something named before, right before its verb:
    # "Hơn 10 ngày, hãng đã chấp thuận …", "Mọi người chạy sang …" (helper-148).
    r"|^[\"“(]?(?:[^,.;:!?…\"“”]{1,40},\s+)?(?:hãng|công ty)\s+(?:đã|sẽ|đang|vừa|cũng|không|chưa|mới|còn)\b"
    r"|^[\"“(]?mọi người\s+(?!dân\b)"
    # "Thứ hai, đào tạo …", "Ba là, …": an item of a list whose first came before. The
    # ordinal in small letters: "Thứ Hai, …" is a Monday (helper-146).
    r"|^[\"“(]?(?-i:Thứ (?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:Hai|Ba|Bốn|Năm|Sáu) là)\s*[,:]",
    re.IGNORECASE,
)
# A sentence opening on a bare pronoun: "Cô ở lại …", "Ông cho biết …". A capital
# after it is a name ("Ông Nguyễn Văn A").
# "Anh" is as often Britain ("Anh đã rời EU"), and a word then a name is a title
# ("Cô giáo Lan", "Bà mẹ Nguyễn Thị A"): neither leans.
_PRONOUN = re.compile(rf"^[\"“(]?(?:Cô|Ông|Bà|Chị|Em|Cậu|Hắn|Gã)\s+(?![{_CAPITAL}\d(])"
                      # "Bà con", "Ông bà", "Em bé": nouns, not pronouns.
                      rf"(?!(?:ta|này|ấy|và|cùng|với|là|con|bà|cả)\b)(?![^\W\d_]+\s+[{_CAPITAL}])[^\W\d_]")
# A person called by one word of a name ("Ông So tuyên bố …", "anh Tuấn cho biết …"):
# the article gave the name in full before ("So Se Pyong", "anh Lê Anh Tuấn").
_SHORT_NAME = re.compile(rf"^[\"“(]?(?:Ông|Bà|Anh|Chị|Cô|Chú|Bác|Cụ)\s+([{_CAPITAL}][^\W\d_]*)(?!\s+[{_CAPITAL}])")
_NAME = rf"[{_CAPITAL}][^\W\d_]*"
_PERSON = r"(?:ông|bà|anh|chị|cô|chú|bác|cụ|em)\s+"
# A sentence that announces what follows it ("… cụ thể như sau: …") leans forward,
# and so does a teaser that tells only that something was told: "HLV A đã tiết lộ
# sự thật cực sốc về B…", "Chuẩn đô đốc C đã trả lời báo chí Việt Nam." (helper-148).
_ANNOUNCES = re.compile(
    r"\b(?:như sau|sau đây)\s*:"
    r"|\b(?:tiết lộ|hé lộ|bật mí)\s+(?:[^\W\d_]+\s+)?(?:sự thật|bí mật|bí quyết|điều|lý do|nguyên nhân|câu chuyện)"
    r"(?:\s+[^\s.,;:!?…]+){0,6}\s*(?:\.|…|\.\.\.)$"
    r"|\b(?:trả lời|trao đổi|chia sẻ|phát biểu|làm việc)\s+(?:(?:với|trước|cùng)\s+)?"
    r"(?:báo chí|phóng viên|pv|báo giới|giới truyền thông|truyền thông)(?:\s+[^\s.,;:!?…]+){0,3}\s*[.…]$",
    re.IGNORECASE,
)
# Anywhere in the sentence, a phrase that names what an earlier one said: "các tỉnh
# nói trên", "căn cứ quân sự kể trên", "quy định mới nêu trên".
_REFERS_BACK = re.compile(
    r"\b(?P<said>kể trên|nói trên|nêu trên|trên đây|vừa nêu|đã nêu)\b"
    # "… vật liệu nổ trên.", "hai đối tượng trên, …", "Thông cáo trên xác nhận …": a noun
    # and "trên" (the one above) where the clause ends or its verb follows; not the
    # preposition ("trên thị trường", "trên 36 triệu") nor "cấp trên" (a superior).
    r"|\b(?!(?:cấp|phía|bên|ở|lên|xuống|từ|dưới|trở)\s)[^\W\d_]+(?P<above> trên)"
    r"(?=\s*[,.;:!?…”\"]|\s+(?:đã|được|bị|là|cho|xác nhận|không|vẫn|sẽ|cũng|đều|vừa|thì|mà|này|đang|phải|chưa)\b)",
    re.IGNORECASE,
)


def syllables(text: str) -> list[str]:
    """Lower-case syllables, punctuation dropped: "TP.HCM" is "tp", "hcm"."""
    return WORD.findall(text.lower())


def spaced(syl: list[str]) -> str:
    """Syllables as one string in which another ``spaced`` is found only whole, at
    syllable bounds: " vụ hỏa hoạn " in " cháy nhà hàng vụ hỏa hoạn ở ... "."""
    return f" {' '.join(syl)} "


def terms(text: str) -> Counter[str]:
    """Content syllables and the syllable pairs that hold one, as counts."""
    syl = syllables(text)
    out: Counter[str] = Counter(s for s in syl if s not in STOPWORDS and not s.isdigit())
    out.update(f"{a} {b}" for a, b in zip(syl, syl[1:], strict=False)
               if a not in STOPWORDS or b not in STOPWORDS)
    return out


def bigrams(text: str) -> set[tuple[str, str]]:
    syl = syllables(text)
    return set(zip(syl, syl[1:], strict=False))


@dataclass(frozen=True)
class Parts:
    central: float
    position: float
    cues: float
    penalty: float
    story: float = 0.0

    @property
    def score(self) -> float:
        return self.central + self.story + self.position + self.cues + self.penalty

    def shown(self) -> dict[str, float]:
        return {"score": round(self.score, 3), "central": round(self.central, 3),
                "story": round(self.story, 3), "position": round(self.position, 3),
                "cues": round(self.cues, 3), "penalty": round(self.penalty, 3)}


class Weights:
    """Weighted terms that a sentence is compared with by cosine."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        # fsum: the same norm whatever order the terms were counted in (a set's
        # order follows the hash seed), so scores never differ in the last digit.
        self.norm = math.sqrt(math.fsum(v * v for v in weights.values())) or 1.0

    def cosine(self, text: str) -> float:
        tf = terms(text)
        if not tf:
            return 0.0
        dot = sum(self.weights.get(k, 0.0) * n for k, n in tf.items())
        return dot / (self.norm * math.sqrt(sum(n * n for n in tf.values())))


class Centroid(Weights):
    """The article's centroid: each term's weight is the number of sentences that
    hold it (the title and lede counting TITLE_WEIGHT times), so the words the
    story keeps coming back to weigh most."""

    def __init__(self, texts: Iterable[str], title: str, lede: str) -> None:
        df: dict[str, float] = {}
        for t in texts:
            for k in terms(t):
                df[k] = df.get(k, 0.0) + 1.0
        for t in (title, lede):
            for k in terms(t):
                df[k] = df.get(k, 0.0) + TITLE_WEIGHT
        # A term seen once says nothing about the story as a whole.
        super().__init__({k: v for k, v in df.items() if v > 1})


def cues(text: str) -> int:
    """How many salience cues the sentence holds: figures with units, names,
    an official's statement (each kind counted once, names up to twice)."""
    n = 1 if FIGURE.search(text) else 0
    n += min(2, len(_NAME_WORD.findall(" " + text)))
    n += 1 if (_STATED.search(text) and _OFFICIAL.search(text)) or _SOURCED.match(text) else 0
    return min(n, CUES_MAX)


def leans(text: str, shown: str = "") -> bool:
    """Does the sentence lean on the one before ("Tuy nhiên, …", "Ông này …", "Cô ở
    lại …", "… các tỉnh nói trên …") or on the one after ("… như sau: …")? Out of
    its article it reads as half of something. "… nói trên" does not lean when the
    two words before it are in ``shown`` (the title and lede the entry shows above
    its points): "vụ hỏa hoạn nói trên" under "Cháy nhà hàng …, vụ hỏa hoạn …".
    (A question is no point at all: ``filters.question``.)"""
    # Every phrase _REFERS_BACK knows holds "trên" or "nêu": a cheap test spares most
    # sentences its search from every word.
    folded = text.casefold()
    back = ("trên" in folded or "nêu" in folded) and any(
        not _antecedent_shown(text, m, shown) for m in _REFERS_BACK.finditer(text))
    return bool(_LEANS.match(text) or _PRONOUN.match(text) or back or _ANNOUNCES.search(text))


def _antecedent_shown(text: str, pointer: re.Match[str], shown: str) -> bool:
    """Are the two words that name what "… nói trên" points back to (the words
    before the pointer ``_REFERS_BACK`` found) in ``shown``?"""
    if not shown:
        return False
    start = pointer.start("said") if pointer.group("said") is not None else pointer.start("above")
    before = syllables(text[:start])[-2:]
    return len(before) == 2 and spaced(before) in spaced(syllables(shown))


def named_before(text: str, before: Iterable[str], shown: str) -> bool:
    """Does the sentence call someone by one word of the name that ``before`` (the
    article's sentences up to it, read only for such a sentence) gave in full, and
    ``shown`` (what the entry shows above its points) does not? A full name is two
    to four capitalised words holding that one first or last, after "ông", "bà" …
    or three words or more alone."""
    m = _SHORT_NAME.match(text)
    if m is None:
        return False
    one = re.escape(m.group(1))
    full = re.compile(rf"(?i:\b{_PERSON})(?:{one}(?:\s+{_NAME}){{1,3}}|(?:{_NAME}\s+){{1,3}}{one})(?![^\W\d_])"
                      rf"|(?<![^\W\d_])(?:{one}(?:\s+{_NAME}){{2,3}}|(?:{_NAME}\s+){{2,3}}{one})(?![^\W\d_])")
    return any(full.search(b) for b in before) and not full.search(shown)


def flaws(text: str) -> int:
    """How many lesser ways the sentence reads badly out of its article: it is
    someone's own words (a quotation, "tôi", "chúng ta") rather than the news;
    it is too short to say much alone."""
    n = 1 if _SPEECH.search(text) else 0
    n += 1 if len(text.split()) < SHORT else 0
    return n


def unsaid(text: str) -> bool:
    """Someone's own words ("tôi", "chúng tôi") with no one named as saying them:
    a sentence from the middle of a quotation."""
    if not _FIRST_PERSON.search(text):
        return False
    # "Chúng tôi đánh giá cao …": the verb is the speaker's own, and names no one.
    return not any(not _OWN_VERB.search(text, 0, m.start()) for m in _SAYS.finditer(text))


def parts(text: str, rank: int, centroid: Centroid, support: Weights | None = None,
          speaker: str | None = None, after_shown: bool = False, unnamed: bool = False, shown: str = "") -> Parts:
    """The score parts of a sentence that is the ``rank``-th of its article's
    body; ``support`` is what the other articles of its story in a bundle hold
    of the article's terms (``story.supports``), if any. ``after_shown``: the
    sentence before it is shown right above it (the body's first sentence under
    the lede), so it may lean on that one. ``unnamed``: it leans on something the
    entry does not show: it calls someone by a word of a name given before
    (``named_before``), or it is an item of a list introduced above. ``shown``: the
    title and lede above the points, which "… nói trên" may point back to."""
    leaning = not after_shown and (unnamed or leans(text, shown))
    story = W_STORY * support.cosine(text) if support else 0.0
    penalty = ((W_LEANS + LEAN_STORY * story) if leaning else 0.0) + W_PENALTY * flaws(text) \
        + (W_UNSAID if speaker is None and unsaid(text) else 0.0)
    return Parts(
        central=W_CENTRAL * centroid.cosine(text),
        position=W_POSITION / (1 + rank / POSITION_HALF),
        cues=W_CUE * cues(text),
        penalty=-penalty if penalty else 0.0,
        story=story,
    )
