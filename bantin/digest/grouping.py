"""The group a digest entry is listed under (``--group-by``).

Entries are grouped by a folded key, so that one paper named two ways by its own
pages ("VnExpress" and "Báo VnExpress", "Báo Dân trí" and "Báo điện tử Dân Trí",
"Thanh Niên" and "thanhnien.vn") is one group, headed by the name its first entry
gives.
"""

from __future__ import annotations

import re
import unicodedata

from bantin.model import Article

OTHER = "Khác"  # the group of entries that name no outlet or tag

# The kind of publication, which the name of a paper may or may not carry.
_KIND = re.compile(r"\b(?:báo điện tử|báo|tạp chí|trang tin(?: điện tử)?|cổng thông tin(?: điện tử)?|online"
                   r"|điện tử|e-?magazine|news)\b")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?([^./\s]+)(?:\.[a-z]{2,6})+/?$")


def outlet_key(name: str) -> str:
    """One key for every way a paper is named: case, its kind ("Báo", "điện tử",
    "Online"), a domain's suffix, spaces and tone marks set aside."""
    whole = " ".join(name.casefold().split())
    domain = _DOMAIN.match(whole)
    # A paper's domain often spells its kind: baochinhphu.vn is Báo Chính phủ.
    text = re.sub(r"^bao(?=\w{4})", "", domain.group(1)) if domain else _KIND.sub(" ", whole)
    bare = unicodedata.normalize("NFD", text.replace("đ", "d"))
    return "".join(c for c in bare if c.isalnum() and not unicodedata.combining(c)) or whole


def group_label(a: Article, group_by: str | None) -> str:
    """The group a digest entry is listed under, as its own page names it."""
    if group_by == "outlet":
        return a.outlet.display if a.outlet and a.outlet.display else OTHER
    if group_by == "tag":
        return a.tags[0] if a.tags else OTHER
    return ""


def group_key(a: Article, group_by: str | None) -> str:
    """What entries of one group share: their label, folded."""
    label = group_label(a, group_by)
    return OTHER if label == OTHER else outlet_key(label) if group_by == "outlet" else label.casefold()
