"""One key for the many ways a paper is named, so that "VnExpress", "Báo VnExpress"
and vnexpress.net are one outlet: for the digest's groups (``digest.grouping``)
and for the web reader, which tells a paper's name from a tagline in a site name."""

from __future__ import annotations

import re

from bantin.model.language import unmarked

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
    return "".join(c for c in unmarked(text) if c.isalnum()) or whole
