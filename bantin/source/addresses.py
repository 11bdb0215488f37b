"""An address as urllib splits it, or None for one it refuses; its scheme; and
whether it can be where an article comes from.

Broken markup gives addresses such as "http://[oops/…" or "http://a.vn[1]/x.png"
(a bracketed host that is no IP address), for which ``urlsplit`` raises
ValueError; a reader loses that address, never the whole file.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import SplitResult, urlsplit

# What an article's source address may be: a web page, or a mailbox to write to.
SOURCE_SCHEMES = ("http", "https", "mailto")


def split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url)
    except ValueError:
        return None


def scheme(url: str) -> str | None:
    """The address's scheme in lower case ("" for a relative one or one typed
    without it, "www.x.vn"), None when it is no address at all ("http://[oops"
    makes urllib raise). As a browser reads it: urllib takes out the tabs and
    line breaks inside it and the control characters before it, so
    "java\\tscript:" is javascript."""
    parts = split(url)
    return parts.scheme.lower() if parts else None


def remote(url: str) -> bool:
    """Whether ``url`` names a file on another machine, which only the network could
    bring ("https://…", "ftp://…", or "//cdn…" without its scheme)."""
    return url.startswith("//") or scheme(url) in ("http", "https", "ftp")


def source(url: str) -> bool:
    """Whether ``url`` may be an article's source address: a web page or a mailbox,
    or an address written without its scheme ("www.x.vn/a", "/tin/a.html"); not
    one a browser runs or opens from the reader's own machine (``javascript:``,
    ``vbscript:``, ``data:``, ``file:``), nor one urllib cannot read. Judged with
    its white space taken out: a reader tidies "java\tscript:" to "java script:",
    and a browser runs it."""
    found = scheme("".join(url.split()))
    return found is not None and (found == "" or found in SOURCE_SCHEMES)


def source_of(url: str, where: str, warn: Callable[[str], None]) -> str | None:
    """``url`` when it may be the article's source address; else None, and a warning
    that names the field it came from (``where``). Every reader drops the same
    addresses (helper-165: "javascript:…" in a Markdown file's front matter was
    printed as the source line, "Nguồn: javascript:…", and so was a page's
    canonical link)."""
    if source(url):
        return url
    warn(f"{where}: {url[:80]!r} is not a web address (http, https or mailto); ignored")
    return None
