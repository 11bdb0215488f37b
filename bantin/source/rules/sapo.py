"""The sapo a crawl repeats, and the summary a crawl truncates.

Crawls often store the sapo twice: on its own line and again at the start of the
body ("TPO - Suốt cuộc trò chuyện…", "(ICTPress) - Hai “đại gia”…"), or twice in a
row at the start of the content ("TTCT - X. Y. X. Y. Trong số này…"). A scraped
"Summary:" is the sapo when the content opens with it, but a summary cut off with
"..." keeps only its whole sentences, and one taken from the middle of the article
is no sapo at all; then a single sentence before the first photo is the sapo, as
Dân trí and Tuổi Trẻ lay out an article. Comparisons ignore how the spaces ran.
"""

from __future__ import annotations

from bantin.source.rules import inline_caption, sentences

_ELLIPSES = ("...", "…")
MAX_SAPO_SENTENCES = 4
MIN_SAPO = 40  # characters: shorter is a caption or a label, not a sapo


def _prefix_end(text: str, prefix: str) -> int | None:
    """Where ``prefix`` ends in ``text`` if ``text`` starts with it, runs of white
    space counting as one space."""
    i = j = 0
    n, m = len(text), len(prefix)
    while j < m:
        if prefix[j].isspace():
            while j < m and prefix[j].isspace():
                j += 1
            if i < n and not text[i].isspace():
                return None
            while i < n and text[i].isspace():
                i += 1
            continue
        if i >= n or text[i] != prefix[j]:
            return None
        i += 1
        j += 1
    return i


def strip_repeat(sapo: str, body: str) -> str | None:
    """The body without the copy of ``sapo`` that opens it, or None when it does
    not open with one."""
    if len(sapo.strip()) < 20:
        return None
    end = _prefix_end(body.lstrip(), sapo.strip())
    if end is None:
        return None
    return body.lstrip()[end:].strip()


def truncated(summary: str) -> bool:
    return summary.rstrip().endswith(_ELLIPSES)


def _cut_ellipsis(summary: str) -> str:
    s = summary.rstrip()
    for e in _ELLIPSES:
        s = s.removesuffix(e)
    return s.rstrip()


def from_summary(summary: str, content: str) -> tuple[str, str] | None:
    """(sapo, content without it) when the content opens with the summary or with
    the whole sentences of a summary cut off with "..."; None otherwise."""
    if not truncated(summary):
        rest = strip_repeat(summary, content)
        return (summary.strip(), rest) if rest is not None else None
    pieces = sentences.split(_cut_ellipsis(summary))
    whole = " ".join(p.text for p in pieces[:-1])
    if whole:
        rest = strip_repeat(whole, content)
        return (whole, rest) if rest is not None else None
    # One sentence, cut: the content's first sentence is the sapo it abbreviates.
    cut = pieces[0].text if pieces else ""
    if len(cut) >= 20 and _prefix_end(content.lstrip(), cut) is not None:
        first = sentences.split(content.strip()[:4000])[0].text
        rest = strip_repeat(first, content)
        return (first, rest) if rest is not None else None
    return None


def doubled(text: str) -> tuple[str, str] | None:
    """(sapo, rest) when ``text`` opens with the same sentences twice in a row."""
    pieces = sentences.split(text[:4000])
    for k in range(1, min(MAX_SAPO_SENTENCES, len(pieces) // 2) + 1):
        sapo = " ".join(p.text for p in pieces[:k])
        rest = strip_repeat(sapo, text)
        if rest is None:
            continue
        again = strip_repeat(sapo, rest)
        if again is not None:
            return sapo, again
    return None


def before_photo(content: str) -> tuple[str, str]:
    """(sapo, rest) when one sentence stands before the content's first photo
    caption; ("", content) otherwise."""
    pieces = sentences.split(content[:3000])
    if len(pieces) >= 2 and pieces[0].closed and len(pieces[0].text) >= MIN_SAPO:
        marked = inline_caption.mark(pieces[:3])
        if marked[0].kind == "text" and marked[1].kind == "caption":
            rest = strip_repeat(pieces[0].text, content)
            if rest is not None:
                return pieces[0].text, rest
    return "", content
