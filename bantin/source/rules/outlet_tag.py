"""The outlet tag that opens a sapo or a body: "(PNTĐ) - ", "HÀ NỘI (TTXVN) – ",
"GD&TĐ -", "(PLO)-", "VOV.VN-", "TTO - ".

The codes and the outlets they stand for are data (``bantin/source/outlets.json``),
read once; ``table`` merges a caller's own pairs over them (a style sheet's
``[outlets]``). A code missing from the table is still a code: the tag's shape says
so, and the outlet keeps the code with no name. In brackets that shape is one word
with two capitals or more ("(PLO)", "(ICTPress)") or a brand spelt without tone
marks ("(Baonghean)"): a section's name ("(Thể thao) - …") stays the sapo's.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

from bantin.model import Dateline, Outlet

Outlets = Mapping[str, str]  # code, case-folded -> the outlet's name

_TAG = re.compile(
    r"^(?:(?P<place>[^\W\d_][^\W\d_.]*(?: [^\W\d_]+){0,3}) +)?"
    r"(?:\((?P<bracketed>[^()]{2,30})\)|(?P<bare>[^\W\d_][\w&.]{1,19}))"
    r"(?P<sp1> *)[-–—](?P<sp2> *)(?=(?P<next>\S))"
)
_SITE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)$", re.I)


@lru_cache(maxsize=1)
def _builtin() -> dict[str, str]:
    data = json.loads(resources.files("bantin.source").joinpath("outlets.json").read_text("utf-8"))
    return {code.casefold(): name for code, name in data["outlets"].items()}


def known(code: str) -> bool:
    """Does the table of outlets know the code ("PLO", "VnExpress")?"""
    return code.casefold() in _builtin()


def table(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The known codes with ``extra`` (code -> name) merged over them."""
    merged = dict(_builtin())
    for code, name in (extra or {}).items():
        if code.strip():
            merged[code.strip().casefold()] = name.strip()
    return merged


def outlet(code: str, outlets: Outlets | None = None) -> Outlet:
    known = outlets if outlets is not None else _builtin()
    name = known.get(code.casefold())
    return Outlet(code, name if name and name.casefold() != code.casefold() else None)


def named(source: str, outlets: Outlets | None = None) -> Outlet:
    """The outlet a header names ("Source: BÁO SÀI GÒN GIẢI PHÓNG"). A name in
    capitals that the table knows, with or without "Báo", is written as the table
    writes it ("Báo Sài Gòn Giải Phóng"), so that a digest does not shout one
    outlet among the others; any other name stays as the header gives it."""
    name = " ".join(source.split())
    if not name.isupper():
        return Outlet(None, name)
    known = outlets if outlets is not None else _builtin()
    key = name.casefold()
    kind = next((k for k in ("báo ", "tạp chí ") if key.startswith(k)), "")
    short = key.removeprefix(kind)
    # Names only: "TTXVN" in capitals is a code, written as the outlet writes it.
    same = next((n for n in known.values() if n.casefold() == short), None)
    if same is None:
        return Outlet(None, name)
    # "Báo" stays, as the header wrote it: every word of the input is kept.
    return Outlet(None, f"{kind.capitalize()}{same}")


def names_outlet(text: str, outlets: Outlets | None = None) -> bool:
    """Whether a short text is only an outlet's code, name or web address
    ("VnExpress", "Dân trí", "vietnamnet.vn"): a publisher, never a byline."""
    known = outlets if outlets is not None else _builtin()
    t = text.strip().strip("()").strip()
    key = t.casefold()
    return bool(t) and (key in known or key in {n.casefold() for n in known.values()} or bool(_SITE.match(t)))


# The labels a site sets on an article where an outlet's tag would stand: what
# kind of piece it is, never who printed it (the web's badges too, ``html.badges``).
MEDIA_LABELS = ("Video", "Clip", "Ảnh", "Photo", "Infographic", "Podcast", "Audio", "eMagazine", "Emagazine",
                "Longform", "Interactive", "Trực tiếp", "Live", "Độc quyền", "Mới", "Hot", "Nóng", "Chùm ảnh",
                "Phóng sự ảnh", "Quiz", "Megastory", "Infocus", "Multimedia")
_LABELS = frozenset(w.casefold() for w in MEDIA_LABELS)


def _coded(tag: str) -> bool:
    """Does a bracketed tag the table does not know look like an outlet's code: one
    word with two capitals or more ("PLO", "BNĐT", "GD&TĐ", "ICTPress", "VnMedia"),
    or a brand spelt without tone marks ("Baonghean"), or a web address? A section's
    name in ordinary words ("Thể thao", "Kinh tế") or a media label ("Video") is no
    outlet (helper-160)."""
    code = tag.strip()
    if _SITE.match(code):
        return True
    if " " in code or code.casefold() in _LABELS:
        return False
    return sum(c.isupper() for c in code) >= 2 or code.isascii()


def split(lede: str, outlets: Outlets | None = None) -> tuple[Outlet | None, Dateline | None, str]:
    """Return the outlet, the place, and the text without its tag."""
    m = _TAG.match(lede)
    if not m:
        return None, None, lede
    place, bracketed, bare = m.group("place"), m.group("bracketed"), m.group("bare")
    nxt = m.group("next")
    known = outlets if outlets is not None else _builtin()
    if bare and not m.group("sp1") and m.group("sp2") and not bare.isupper():
        # "Nam Định- Các gian hàng …": a place in its own case, the dash against it
        # (VnExpress's dateline). Not "Mỹ- Nhật …", two places side by side.
        whole = f"{place} {bare}" if place else bare
        rest = lede[m.end():]
        if known_place(whole) and not _names_place(rest) and not _named(rest):
            return None, Dateline(place=whole), rest
    if place and not place.isupper():
        return None, None, lede
    spaced = bool(m.group("sp1") and m.group("sp2"))
    if bare:
        # An unbracketed word is a tag only if it looks like one: all capitals
        # ("TTO -", "VOV.VN-", "TTCT - 32 đội"), or a single name followed by a
        # capitalised sentence ("Kintedothi - Sáng nay"); "Sea - hãng công nghệ",
        # "Hat-trick" and "COVID-19" are not.
        opens = nxt.isupper() or nxt in "“\"‘" or (nxt.isdigit() and spaced)
        if not opens or not (spaced or bare.isupper()):
            return None, None, lede
        if "." in bare and not bare.isupper() and bare.casefold() not in known:
            return None, None, lede  # "B.H.Thanh - Hữu Hưng" signs an article
    elif bracketed and not (bracketed[0].isupper() and (names_outlet(bracketed, known) or _coded(bracketed))):
        # "(Thể thao) - Giải vô địch …": a section's name, not an outlet, stays the
        # sapo's words as words in capitals that name no outlet do ("KINH TẾ - …").
        return None, None, lede
    code = (bracketed or bare or "").strip()
    if bare and code.casefold() not in known:
        whole = f"{place} {bare}" if place else bare
        if known_place(whole):
            # "HÀ NỘI – Sáng 12/10", "ĐÀ NẴNG - …", "WASHINGTON - …": a place in
            # capitals, no outlet (it was the place "HÀ" of the outlet "NỘI").
            return None, Dateline(place=whole), lede[m.end():]
        if place:
            # "NGUYỄN AN - Sáng 5/8", "KINH TẾ - XÃ HỘI": words in capitals that are
            # neither a known place nor an outlet's code stay the text's own.
            return None, None, lede
    return outlet(code, known), Dateline(place=place) if place else None, lede[m.end():]


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    data = json.loads(resources.files("bantin.source").joinpath("places.json").read_text("utf-8"))
    return frozenset(_place_key(p) for p in data["places"])


def _place_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().replace("-", " ").replace(".", ". ").split())


# Words that open a dateline's sentence with a title or a body: "Phó Thủ tướng …",
# "Sở Giáo dục …", "Ông Nguyễn Văn An …" (helper-91), never a second place.
_OPENERS = frozenset("""ông bà anh chị em phó tổng thủ chủ bộ sở ban hội ủy ubnd hđnd công trường bệnh viện
    đại tỉnh huyện thành thị xã phường đoàn lãnh cục tập ngân quân bí đồng giám trung các những nhiều sáng chiều
    tối trưa đêm ngày hôm tuần tháng năm theo tại trong sau trước hơn gần khoảng người cơ lực""".split())


def _named(text: str) -> bool:
    """Whether the text opens with a label ("Tam Đảo: cao tốc mới") or a second
    name ("Côn Minh khai trương …", "Vân Nam đẩy mạnh …"): a route "Hà Nội- Côn
    Minh", not a dateline (helper-93). Two capitalised words opened by a title or a
    body ("Phó Thủ tướng …", "Sở Giáo dục …") are a dateline's sentence (helper-91)."""
    words = text.split()[:3]
    pair = (len(words) >= 2 and words[0].casefold() not in _OPENERS
            and all(w[:1].isupper() and w[1:2].islower() for w in words[:2]))
    return pair or any(w.endswith(":") for w in words)


def _names_place(text: str) -> bool:
    """Whether the text opens with a place's name of one to four words."""
    words = text.split()[:4]
    return any(known_place(" ".join(words[:k]).strip(",.;:")) for k in range(1, len(words) + 1))


def known_place(name: str) -> bool:
    """Whether a dateline's words name a place the table knows ("HÀ NỘI", "TP.HCM",
    "Thừa Thiên - Huế"), whatever their case."""
    return _place_key(name) in _places()
