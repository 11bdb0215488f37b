"""A headline a scraper cut short ("… khai bút đầu xuân Giáp ..."), completed from
the article's address and its own words.

Vietnamese news sites name an article's address after its headline without its
marks ("…-khai-but-dau-xuan-giap-thin-2024-196240218123851612.htm"). Where the
cut headline's words open that name, the rest of the name says which words were
cut; they are taken, with their marks, from the first place the summary or the
text writes them ("Thìn 2024"). Words the text never writes are not guessed from
the address: a headline without its marks would be wrong twice. Cut headlines
were printed with their "…" in every format and the PDF's outline (helper-138).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from bantin.model.language import unmarked
from bantin.source import addresses

_CUT = re.compile(r"\s*(?:\.{3}|…)\s*$")
_WORD = re.compile(r"\w+")
_SLUG_END = re.compile(r"\.\w{2,5}$")  # ".htm", ".html", ".vnp"
# The article's number that ends a name: digits, or a letter or two and digits ("ar853423", "post1234").
_NUMBER = re.compile(r"[a-z]{0,4}\d{4,}")
MAX_CUT = 12  # words a scraper cuts from a headline; more is another name


def fold(word: str) -> str:
    """A word without its marks, in lower case, as an address writes it."""
    return unmarked(word.lower())


def completed(title: str, url: str | None, texts: list[str]) -> str:
    """``title`` with the words a scraper cut, when its address and ``texts`` give them."""
    cut = _CUT.search(title)
    if cut is None or not url:
        return title
    stem = title[:cut.start()]
    rest = _cut_words(stem, url)
    if not rest:
        return title
    last = _WORD.findall(stem)[-1]
    for text in texts:
        found = _written(text, last, rest)
        if found:
            return f"{stem} {found}"
    return title


def _cut_words(stem: str, url: str) -> list[str]:
    """The words of the address's name after those of ``stem``, or [] when the name
    does not open with them."""
    parts = addresses.split(url)
    if parts is None:
        return []
    name = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]).lower()
    slug = [w for w in re.split(r"[-_]+", _SLUG_END.sub("", name)) if w]
    if slug and _NUMBER.fullmatch(slug[-1]):
        slug.pop()  # the article's number, once: "…-giap-thin-2024-1962…" keeps its year
    have = [fold(w) for w in _WORD.findall(stem)]
    if not have or len(slug) <= len(have) or slug[:len(have)] != have:
        return []
    rest = slug[len(have):]
    return rest if len(rest) <= MAX_CUT else []


def _written(text: str, last: str, rest: list[str]) -> str:
    """The first place ``text`` writes the words ``rest`` (folded) right after the
    cut headline's last word, as it writes them: the word before tells "hạ tầng"
    from "tăng", which fold alike."""
    words = list(_WORD.finditer(text))
    folded = [fold(m.group()) for m in words]
    want = [fold(last), *rest]
    n = len(want)
    for i in range(len(words) - n + 1):
        if folded[i:i + n] == want:
            return text[words[i + 1].start():words[i + n - 1].end()]
    return ""
