"""An address as urllib splits it, or None for one it refuses.

Broken markup gives addresses such as "http://[oops/…" or "http://a.vn[1]/x.png"
(a bracketed host that is no IP address), for which ``urlsplit`` raises
ValueError; a reader loses that address, never the whole file.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url)
    except ValueError:
        return None
