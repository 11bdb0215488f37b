"""The group a digest entry is listed under (``--group-by``).

Entries are grouped by a folded key, so that one paper named two ways by its own
pages ("VnExpress" and "Báo VnExpress", "Báo Dân trí" and "Báo điện tử Dân Trí",
"Thanh Niên" and "thanhnien.vn") is one group, headed by the name its first entry
gives.
"""

from __future__ import annotations

from bantin.model import Article
from bantin.model.outlets import outlet_key

OTHER = "Khác"  # the group of entries that name no outlet or tag


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
