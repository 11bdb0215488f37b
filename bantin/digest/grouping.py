"""The group a digest entry is listed under (``--group-by``)."""

from __future__ import annotations

from bantin.model import Article

OTHER = "Khác"  # the group of entries that name no outlet or tag


def group_label(a: Article, group_by: str | None) -> str:
    """The group a digest entry is listed under."""
    if group_by == "outlet":
        return a.outlet.display if a.outlet and a.outlet.display else OTHER
    if group_by == "tag":
        return a.tags[0] if a.tags else OTHER
    return ""
