"""The outlet tag that opens a sapo: "(PNTĐ) - ", "HÀ NỘI (TTXVN) – ", "GD&TĐ -", "(PLO)-"."""

from __future__ import annotations

import re

from bantin.model import Dateline, Outlet

OUTLETS = {
    "PNTĐ": "Phụ nữ Thủ đô",
    "TTXVN": "Thông tấn xã Việt Nam",
    "VOV": "Đài Tiếng nói Việt Nam",
    "VOV.VN": "Đài Tiếng nói Việt Nam",
    "TTO": "Tuổi Trẻ Online",
    "PLO": "Pháp Luật TP.HCM",
    "GD&TĐ": "Giáo dục & Thời đại",
    "HNM": "Hà Nội Mới",
    "HNMO": "Hà Nội Mới",
    "NLĐ": "Người Lao Động",
    "SGGP": "Sài Gòn Giải Phóng",
    "TTCT": "Tuổi Trẻ Cuối tuần",
    "ANTT.VN": "An ninh Trật tự",
    "QĐND": "Quân đội nhân dân",
    "CAND": "Công an nhân dân",
    "VTV": "Đài Truyền hình Việt Nam",
}

_TAG = re.compile(
    r"^(?:(?P<place>[^\W\d_][^\W\d_.]*(?: [^\W\d_]+){0,3}) +)?"
    r"(?:\((?P<bracketed>[^()]{2,30})\)|(?P<bare>[^\W\d_][\w&.]{1,19}))"
    r"(?P<sp1> *)[-–—](?P<sp2> *)(?=(?P<next>\S))"
)


def split(lede: str) -> tuple[Outlet | None, Dateline | None, str]:
    """Return the outlet, the place, and the lede without its tag."""
    m = _TAG.match(lede)
    if not m:
        return None, None, lede
    place, bracketed, bare = m.group("place"), m.group("bracketed"), m.group("bare")
    nxt = m.group("next")
    if place and not place.isupper():
        return None, None, lede
    if bare:
        # An unbracketed word is a tag only if it looks like one: all capitals
        # ("TTO -", "VOV.VN-"), or a single name followed by a capitalised sentence
        # ("Kintedothi - Sáng nay"); "Sea - hãng công nghệ" or "Hat-trick" are not.
        if not nxt.isupper():
            return None, None, lede
        if not bare.isupper() and not (m.group("sp1") and m.group("sp2")):
            return None, None, lede
    elif bracketed and not bracketed[0].isupper():
        return None, None, lede
    code = (bracketed or bare or "").strip()
    rest = lede[m.end() :]
    return Outlet(code, OUTLETS.get(code.upper())), Dateline(place=place) if place else None, rest
