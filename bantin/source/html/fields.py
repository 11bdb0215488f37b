"""An article's fields from the page's own structure, in this order of trust:
JSON-LD ``NewsArticle``, then ``og:``/``article:`` meta, then the visible headline
and byline elements.

The outlet and the journalist are told apart here: an ``author`` that names the
site, the publisher, a domain or an organisation is the outlet speaking, never
the byline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bantin.model.language import unmarked
from bantin.model.outlets import outlet_key
from bantin.source import addresses
from bantin.source.html.boilerplate import INLINE, block_of, in_text
from bantin.source.html.page import LinkedData, classes, key, language, lines_of_el, meta, squash, text_of_el, words

_DOMAIN = re.compile(r"(?i)^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?$")
# Words only an organisation's name carries (whole words, casefolded).
_ORG_WORDS = frozenset({"báo", "tạp", "news", "online", "corp", "corporation", "media", "press", "jsc", "group",
                        "agency", "newsroom", "admin", "administrator", "webmaster", "editorial", "staff",
                        "ltd", "inc", "gmbh", "redaktion", "rédaction", "redação"})
_BYLINE_CLASS = re.compile(r"author|byline|writer|tac-?gia")
# Inside a quote, or under a quote's words in a widget of its own: "<div><div
# class="quote">…</div><div class="author">Chủ tịch tỉnh</div></div>" (Tuổi Trẻ's
# quote box). A journalist's name after a quote box in the article stays a byline.
_IN_QUOTE = ("ancestor::blockquote or ancestor::q "
             "or ancestor::*[contains(translate(@class, 'QUOTE', 'quote'), 'quote')] "
             "or (preceding-sibling::*[1][contains(translate(@class, 'QUOTE', 'quote'), 'quote')] "
             "and count(../*) = 2)")
# A picture's credit, which VCCorp's and other CMSs mark "author" too ("<p
# class="author">Ảnh: Nguyễn Đông</p>" in the caption's cell, "<span
# class="photo-author">"): the photographer's, not the article's (helper-153).
_IN_PICTURE = ("ancestor::figure or ancestor::figcaption "
               "or ancestor-or-self::*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]")
_PICTURE_CLASS = re.compile(r"photo|credit")
_PHOTO_CREDIT = re.compile(r"(?:Ảnh|ẢNH|Photo|Nguồn ảnh)\s*:", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^()]*\)")
_BY = re.compile(r"(?i)^(?:by|von|par|por|bởi|tác giả|tg)\s*:?\s+")
_SEPARATOR_START = re.compile(r"[-|–—:•·»：]")
_SEPARATORS = re.compile(r"\s+[-|–—:•·»]\s+|\s*[|：]\s*")


@dataclass(frozen=True)
class Fields:
    title: str
    outlet: str | None
    byline: str | None
    url: str | None
    outlets: tuple[str, ...]  # every name the outlet goes by, to tell it from a byline
    description: str | None


def _tokens_in(small: list[str], big: list[str]) -> bool:
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))


def outlet_like(name: str, outlets: tuple[str, ...]) -> bool:
    """Whether ``name`` names the outlet (the site, the publisher, a domain, an
    organisation) rather than a person."""
    if _DOMAIN.match(name.strip()) or "://" in name:
        return True
    tokens = words(name)
    if not tokens or set(tokens) & _ORG_WORDS:
        return True
    squashed = "".join(tokens)
    for other in outlets:
        ot = words(other)
        if _tokens_in(tokens, ot) or _tokens_in(ot, tokens) or (len(squashed) >= 4 and squashed == "".join(ot)):
            return True
        if len(squashed) >= 5 and squashed in "".join(ot).replace("www", ""):
            return True
    return False


def _suffixed(full: str, head: str) -> bool:
    """Whether ``full`` is ``head`` followed by a separator and more (" - Site")."""
    f, h = "".join(full.casefold().split()), "".join(head.casefold().split())
    return f.startswith(h) and bool(_SEPARATOR_START.match(f[len(h):]))


def _title(page: Any, ld: LinkedData, outlets: tuple[str, ...]) -> tuple[str, str | None]:
    """(the headline, the outlet named after it in the <title>, if any).

    JSON-LD's headline, then ``og:title`` and ``twitter:title``; without them the
    visible ``<h1>`` that the ``<title>`` names, then the ``<title>``. An ``<h1>``
    that the ``<title>`` repeats whole wins over metadata that shares under half
    its words with the ``<title>`` and that the page does not show. The
    shortest form that another candidate extends wins, so " - Site" suffixes go."""
    strong = [squash(t) for t in (ld.headline, meta(page, "og:title"), meta(page, "twitter:title")) if squash(t)]
    tag = page.xpath("//head/title")
    title_tag = text_of_el(tag[0]) if tag else ""
    h1s = [t for t in (text_of_el(h) for h in page.xpath("//h1")) if t]
    named = set(words(title_tag))
    fits = [h for h in h1s if named and sum(w in named for w in words(h)) * 2 >= len(words(h))]
    # An <h1> of a headline's length that the <title> holds whole.
    echoed = [h for h in h1s if len(words(h)) >= ECHO_WORDS and " ".join(words(h)) in " ".join(words(title_tag))]
    if strong and not (echoed and _alien(strong[0], named) and not _shown(page, strong[0])):
        primary = strong[0]
    else:
        # The visible headline the <title> repeats, over metadata that names another
        # (a social title written for sharing): it is what the reader sees (helper-134).
        primary = (echoed if strong else fits or h1s or [title_tag])[0]
    if not primary:
        return "", None
    metadata = [*strong, *([title_tag] if title_tag else [])]
    pt = words(primary)
    best = primary
    for cand in h1s + metadata:
        ct = words(cand)
        if len(ct) >= 2 and len(ct) < len(words(best)) and pt[:len(ct)] == ct and len(ct) * 5 >= len(pt) * 2 \
                and _suffixed(primary, cand):
            best = cand
    suffix = None
    if title_tag and words(title_tag)[:len(words(best))] == words(best) and len(words(title_tag)) > len(words(best)):
        tail = [p for p in _SEPARATORS.split(title_tag) if p.strip()]
        if len(tail) > 1 and len(words(tail[-1])) <= 6:
            suffix = squash(tail[-1])
    seps = list(_SEPARATORS.finditer(best))
    if seps and seps[-1].start() > 0 and outlet_like(best[seps[-1].end():], outlets):
        best = squash(best[: seps[-1].start()])
    return best, suffix


ECHO_WORDS = 5  # "News", "Thema – Corona": a section's name in an <h1>, which a <title> may hold too


def _shown(page: Any, headline: str) -> bool:
    """Does the page's body show ``headline``? A portal whose <title> and logo <h1>
    both give its own name shows the article's headline in the body (helper-136)."""
    return key(headline) in key(" ".join(page.xpath("//body//text()")))


def _alien(headline: str, named: set[str]) -> bool:
    """Does ``headline`` share under half its words with the <title>'s?"""
    hw = words(headline)
    return sum(w in named for w in hw) * 2 < len(hw)


def _visible_bylines(page: Any) -> list[str]:
    out: list[str] = []
    for el in page.xpath("//body//*[@class or @id or @rel or @itemprop]"):
        if not (_BYLINE_CLASS.search(classes(el)) or el.get("rel") == "author" or el.get("itemprop") == "author"):
            continue
        if el.tag in ("script", "style", "img", "meta", "link", "body", "html"):
            continue
        if el.xpath(_IN_QUOTE):  # who a quote box quotes, not who wrote the article (helper-134)
            continue
        if el.xpath(_IN_PICTURE) or _PICTURE_CLASS.search(classes(el)) or _PHOTO_CREDIT.match(squash(text_of_el(el))):
            continue
        if _in_a_sentence(el):
            continue  # "Theo ông <span class="author">Nguyễn Văn An</span>, …": a name in the text (helper-139)
        for text in map(lambda t: _BY.sub("", t), _byline_lines(lines_of_el(el))):
            if text and len(_PAREN.sub("", text).split()) <= 6 and not any(ch.isdigit() for ch in text):
                out.append(text)
    return out + _under_headline(page)


SENTENCE_GOES_ON = 3  # words after a name that make it part of a sentence, not a line's end


def _in_a_sentence(el: Any) -> bool:
    """Whether an inline element is a name in running text: a word in small letters
    comes right before it ("Theo ông …") and the sentence goes on after it. Not a
    byline's "Par", "By", "Tin, ảnh:" or "Nhóm phóng viên …" at its line's end
    (helper-140: those bylines were lost)."""
    if el.tag not in INLINE or not in_text(el):
        return False
    block = block_of(el)
    own = squash(text_of_el(el))
    whole = squash(text_of_el(block)) if block is not None else ""
    at = whole.find(own) if own else -1
    if at <= 0:
        return False
    before, after = whole[:at].split(), words(whole[at + len(own):])
    return bool(before) and before[-1][:1].islower() and not before[-1].endswith(":") \
        and not _BY.match(before[-1] + " ") and len(after) >= SENTENCE_GOES_ON


def _byline_lines(lines: list[str]) -> list[str]:
    """A byline element's lines as names and papers: "Lê Minh Châu<br>Báo Thủ Đô"
    is a name over the paper's, not one name of six words. A line that leads into
    the next ("Bài và ảnh:") or a bracket after a name ("(TTXVN)") joins it, a lone
    "Theo" goes, and two names, one a line, are one byline of two (helper-125)."""
    joined: list[str] = []
    for line in lines:
        if line.casefold() == "theo":  # "Theo<br>Báo Nhân Dân": the paper's line says whose it is
            continue
        if joined and (line.startswith("(") or joined[-1].endswith(":")):
            joined[-1] += " " + line
        else:
            joined.append(line)
    names = [x for x in joined if not outlet_like(x, ())]
    return ([", ".join(names)] if len(names) > 1 else names) + [x for x in joined if x not in names]


def _under_headline(page: Any) -> list[str]:
    """A short line set inside the headline's own element after the headline
    (``<h1><span>Headline</span><br><span>Name</span></h1>``)."""
    out: list[str] = []
    for h1 in page.iter("h1"):
        parts = [text_of_el(c) for c in h1 if isinstance(c.tag, str) and text_of_el(c)]
        if len(parts) >= 2 and 0 < len(words(parts[-1])) <= 12 and len(words(parts[0])) > len(words(parts[-1])):
            if not any(ch.isdigit() for ch in parts[-1]):
                out.append(parts[-1])
    return out


def _person(name: str | None, outlets: tuple[str, ...]) -> str | None:
    if not name:
        return None
    name = _BY.sub("", squash(name))
    rest = name[5:] if name.lower().startswith("theo ") else ""
    if len(rest.split()) >= 2 and not rest.isupper() and all(w[:1].isupper() for w in rest.split()):
        name = rest  # "Theo Hồ Hương": the journalist of a republished article, not a source
    if not name or "://" in name or len(name.split()) > 12 or outlet_like(name, outlets):
        return None
    return name


def _outlet(candidates: list[str | None], vietnamese: bool) -> str | None:
    """The outlet's name: a name before a domain, and on a Vietnamese page a name
    written with its diacritics before one written without ("TUOI TRE ONLINE")."""
    names = [squash(c) for c in candidates if c and squash(c) and "://" not in c]
    proper = [n for n in names if not _DOMAIN.match(n)]
    if vietnamese:
        accented = [n for n in proper if not n.isascii()]
        if accented and proper and proper[0].isascii() and any(
                set(words(unmarked(proper[0]))) & set(words(unmarked(a))) - _ORG_WORDS for a in accented):
            return accented[0]
    found = proper or names
    return found[0] if found else None


# The words a Vietnamese paper's full name opens with ("Báo Sài Gòn Giải Phóng",
# "Thời báo Kinh tế Sài Gòn", "Đài Truyền hình Việt Nam").
_PAPER = re.compile(r"(?i)^(?:báo|nhật báo|thời báo|tuần báo|tạp chí|đài|cổng thông tin|trang tin)\b")


def _site_name(name: str | None, host: str | None, vietnamese: bool, fallback: str | None = None) -> str | None:
    """The paper's name out of a site name that carries a tagline too ("Tin tức
    thời sự - Báo Tuổi Trẻ", "VnExpress - Tin nhanh Việt Nam"): the part that is
    the host's name (``outlet_key``: "Báo Tuổi Trẻ" and tuoitre.vn), and on a
    Vietnamese page a part that gives the paper's full Vietnamese name rather than
    its letters ("SGGP Online - Báo Sài Gòn Giải Phóng"). When no part is the
    host's name, the site name stays whole: a tagline may hold "News" or the
    paper's own words ("Tin tức lao động, công đoàn - Báo Lao Động"), unless a
    ``fallback`` is given."""
    parts = [p.strip(" ,") for p in _SEPARATORS.split(squash(name or "")) if p.strip(" ,")]
    stem = outlet_key(re.sub(r"^(?:www\d?|m|amp)\.", "", host or ""))
    named = [p for p, k in ((p, outlet_key(p)) for p in parts) if stem and stem in (k, f"bao{k}")]  # baomoi: Báo Mới
    if len(parts) < 2 or not named:
        return fallback or name
    if vietnamese and named[0].isascii():
        return next((p for p in parts if not p.isascii() and _PAPER.match(p)), named[0])
    return named[0]


def read_fields(page: Any, ld: LinkedData, url_hint: str | None = None,
                warn: Callable[[str], None] = lambda _m: None) -> Fields:
    canonical = page.xpath("//link[@rel='canonical']/@href")
    # The page's address, unless it is none a browser would show as a page
    # ("javascript:…", "data:…"): then the next one, as the Markdown reader does.
    named = (('<link rel="canonical">', canonical[0].strip() if canonical else None),
             ("og:url", meta(page, "og:url")))
    url = next((u for where, u in named if u and addresses.source_of(u, where, warn)), None) or url_hint
    parts = addresses.split(url) if url and "://" in url else None
    host = parts.hostname if parts else None
    vietnamese = language(page) == "vi"
    sites = [_site_name(n, host, vietnamese, _SEPARATORS.split(n)[0]) for n in ld.sites]
    site_name = _site_name(meta(page, "og:site_name"), host, vietnamese)
    app_name = _site_name(meta(page, "application-name"), host, vietnamese)
    # Every part of a site name is the outlet's, never a byline ("VTV - Đài Truyền
    # hình Việt Nam" over a byline "Đài Truyền hình Việt Nam").
    whole = [p for n in (meta(page, "og:site_name"), meta(page, "application-name"), *ld.sites) if n
             for p in (n, *_SEPARATORS.split(squash(n)))]
    names = [ld.publisher, site_name, app_name, *ld.organisations,
             *sites, meta(page, "copyright"), meta(page, "twitter:site"), *whole]
    outlets = tuple(dict.fromkeys(squash(n).lstrip("@") for n in names if n and squash(n)))
    outlets_all = outlets + ((host,) if host else ())
    title, suffix = _title(page, ld, outlets_all)
    outlet = _outlet([ld.publisher, site_name, app_name, *sites, suffix,
                      host], vietnamese=vietnamese)
    if suffix:
        outlets_all += (suffix,)
    byline = None
    people = [n for n in (_person(a, outlets_all) for a in ld.authors) if n]
    visible = _visible_bylines(page)
    candidates = [", ".join(dict.fromkeys(people)) if people else None,
                  meta(page, "author"), meta(page, "article:author"), meta(page, "dc.creator"),
                  meta(page, "byl"), meta(page, "parsely-author"), meta(page, "sailthru.author"), *visible]
    for cand in candidates:
        byline = _person(cand, outlets_all)
        if byline:
            break
    # The paper named on the byline's own line ("Lê Minh Châu<br>Báo Thủ Đô") when
    # the page names none elsewhere: its words are kept, not dropped with the line.
    outlet = outlet or next((v for v in visible if outlet_like(v, outlets_all) and len(v.split()) >= 2), None)
    description = meta(page, "og:description", "description", "twitter:description") or ld.description
    return Fields(title, squash(outlet) or None, byline, url, outlets_all, description)


def same_text(a: str | None, b: str | None) -> bool:
    return bool(a and b) and key(a) == key(b)
