"""Addresses that no typographic rule may touch: URLs, e-mail addresses, domain
names and file paths.

``hide`` swaps each one for a single private-use character before the rules run,
and ``show`` puts it back afterwards. To every rule an address is then one opaque
symbol: "search?q=ha+noi" keeps its "?" unspaced, and "x.vn/a,b" its comma.
"""

from __future__ import annotations

import re

# Supplementary Private Use Area-A: no keyboard, font or newsroom produces it.
BASE = 0xF0000
LIMIT = 0xFFFFD

# Generic top-level domains, and the country codes of foreign sources ("bbc.co.uk"),
# these in lower case only: not every two letters, and not a sentence glued to the
# next ("mới.Ca bệnh", "A.US"), or "TP.HN" would be an address.
TLD = (r"(?:vn|com|net|org|gov|edu|int|info|biz|io|me|asia|app|dev|news|tv"
       r"|(?-i:uk|us|jp|cn|kr|fr|de|au|ca|ru|eu|sg|tw|kh))")
MAILBOX = r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
# Matched at the start of a word (after any opening brackets or quotes), after a
# colon inside one ("Nguồn:https://…", "Email:a@b.vn") and where a scheme or "www."
# starts inside one ("Link—www.x.vn"), so the scan stays linear in the text: a
# search from every position of a 100,000-character line without spaces would be
# quadratic, and no alternative reads past a colon but a scheme's own.
ADDRESS = re.compile(
    r"[a-z][a-z0-9+.-]{0,15}://[^\s<>\"“”‘’«»]+"  # a URL with its scheme
    r"|(?:mailto|tel):[^\s<>\"]+"
    r"|www\.[^\s<>\"“”‘’«»]+"
    rf"|{MAILBOX}"
    rf"|(?:[\w-]+\.)+{TLD}(?:\.[a-z]{{2}})?(?![\w-])(?:/[^\s<>\"“”‘’«»]*)?"  # vnexpress.net/…
    # File paths: their dots, dashes and backslashes are not prose either
    # ("~/docs/a...b", "C:\\Users\\Lan\\bao-cao...docx"). A Unix path starts at "/",
    # "~/", "./" or "../" and has a second "/" ("/var/log/x"): so "/h" alone, and "1/2",
    # "5/8/2024", "km/h", "và/hoặc", which start with no slash, stay prose.
    r"|(?:~|\.{1,2})?/[^\s/<>\"“”‘’«»]+/[^\s<>\"“”‘’«»]*"
    r"|[a-z]:[\\/][^\s<>\"“”‘’«»]*"  # a Windows path from its drive letter
    r"|\\\\[^\s\\<>\"“”‘’«»]+\\[^\s<>\"“”‘’«»]*",  # a network share, \\server\share
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")
_COLON = re.compile(r":(?![/\d])")
# "http://" and "https://" start an address even glued to a word: a lost line
# break or a removed zero-width space leaves "Nguồnhttps://…", and no word of
# prose contains them.
_SCHEME = re.compile(r"(?<=[^\w.+-])(?:[a-z][a-z0-9+.-]{0,15}://|www\.)|(?<=[^\W\d_])https?://", re.IGNORECASE)
_PLACEHOLDERS = re.compile(f"[{chr(BASE)}-{chr(LIMIT)}]")
_OPENERS = "([{“‘\"'«<"
# A sentence's own punctuation after an address is not part of it.
_TRAILING = ".,;:!?…'\"”’»"


def _trim(s: str) -> str:
    # Counted once and cut once: a URL followed by 250,000 ")" is linear too.
    opened, closed, end = s.count("("), s.count(")"), len(s)
    while end and (s[end - 1] in _TRAILING or (s[end - 1] == ")" and opened < closed)):
        closed -= s[end - 1] == ")"
        end -= 1
    return s[:end]


def addresses(text: str) -> list[tuple[int, str]]:
    """Each address in ``text`` with where it starts."""
    if not any(c in text for c in ".@:/\\"):
        return []
    out = []
    for word in _WORD.finditer(text):
        start, end = word.span()
        while start < end and text[start] in _OPENERS:
            start += 1
        m = ADDRESS.match(text, start, end)
        address = _trim(m.group(0)) if m else ""
        if address:
            out.append((start, address))
        w = word.group(0)
        if ":" in w or ("ww" in w.lower() and "." in w):
            out += _inside(text, start + len(address), end)
    return out


def _inside(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Addresses inside a word, past ``start``: after a colon, or where a scheme or
    "www." begins."""
    out = []
    word = text[start:end]
    starts = sorted({start + m.end() for m in _COLON.finditer(word)}
                    | {start + m.start() for m in _SCHEME.finditer(word)})
    done = start
    for at in starts:
        if at < done:
            continue
        m = ADDRESS.match(text, at, end)
        address = _trim(m.group(0)) if m else ""
        if address:
            out.append((at, address))
            done = at + len(address)
    return out


def hide(text: str) -> tuple[str, list[str]]:
    """The text with each address replaced by one placeholder, and the addresses."""
    if _PLACEHOLDERS.search(text):
        return text, []
    found = addresses(text)[: LIMIT - BASE]
    out: list[str] = []
    done = 0
    for n, (start, address) in enumerate(found):
        out += [text[done:start], chr(BASE + n)]
        done = start + len(address)
    return "".join(out) + text[done:], [a for _, a in found]


def href(address: str) -> str | None:
    """Where an address found in running text links to, if anywhere: a scheme is
    added to "www." and e-mail addresses; a bare domain name is left unlinked."""
    low = address.lower()
    if low.startswith(("http://", "https://", "ftp://", "mailto:")):
        return address
    if low.startswith("www."):
        return "https://" + address
    if "@" in address and "/" not in address:
        return "mailto:" + address
    return None


def show(text: str, found: list[str]) -> str:
    if not found:
        return text
    return re.sub(f"[{chr(BASE)}-{chr(BASE + len(found) - 1)}]", lambda m: found[ord(m.group(0)) - BASE], text)
