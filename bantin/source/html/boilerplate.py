"""What a news page wraps around its article, taken out by structure first.

Before trafilatura reads the page, elements whose class or id names a related,
share, tool, tag, comment, author or advertising box are removed, unless they hold
most of the page's prose (a wrapper named "article-tags-wrapper" may hold the
article). trafilatura leaves some of these anyway; after it, a short phrase list
written for the Vietnamese sites measured ("Tin liên quan", "Cùng chuyên mục",
"Copy link", "Lấy link", …) and a few international ones catches their headings
and prompts, and :mod:`bantin.source.html.cleanup` drops the link lists that
follow them.
"""

from __future__ import annotations

import re
from typing import Any

from bantin.source.html.page import classes, key, more_words, remove, text_of_el, words

# Boxes that are never the article: removed unless they plainly hold it (most of
# the page's prose, and much of it).
_BOX = re.compile(
    r"(?<![a-z])(?:relate\w*|lien-?quan|tin-?lien-?quan|tinlienquan|same-?cat\w*|cung-?chuyen-?muc|"
    r"more-?news|read-?more|readmore|see-?also|xem-?them|doc-?them|copy-?link|link-?source|toolbar|bookmark|"
    r"rating|comments?|binh-?luan|breadcrumbs?|newsletter|popular|most-?read|doc-?nhieu|trending|recommend\w*|"
    r"outbrain|taboola|modal|dialog)(?![a-z])|popup"  # "popup" may sit inside a camelCase name
    # A comment box named for short, at its name's end ("detail__cmt", "box-cmt"):
    # not "cmt-enabled" or "js-cmt-count", flags an article's own wrapper carries.
    r"|(?:(?<![\w-])|[_-])cmts?(?![\w-])")
# Names that may also mark a part of the article (a sponsored or members-only
# one, a section with an advertising slot): removed only when they hold no prose.
_WRAPPER = re.compile(
    r"(?<![a-z])(?:share|sharing|social|login|signin|banner|advert\w*|ads|adv|qc|quang-?cao|sponsor\w*|"
    r"promo\w*)(?![a-z])|regist|paywall|subscri|membership")
_HOLDS = 0.8  # share of the page's prose that a box must hold to be taken for the article
_HOLDS_WORDS = 300
_WRAPPER_PROSE = 40  # words of prose that make a "wrapper" box part of the article
# Small widgets: removed only when short.
_WIDGET = re.compile(r"(?<![a-z])(?:tags?|keywords?|tu-?khoa|tools?|print|source|author|authors|byline|avatar|"
                     r"follow|download|hotline|date|datetime|timestamp|dateline|status)(?![a-z])")
# Inline elements inside running text are never boxes, whatever their class says.
INLINE = frozenset({"a", "span", "b", "strong", "i", "em", "time", "small", "sup", "sub", "mark", "abbr", "label"})
_TEXT_BLOCKS = frozenset({"p", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption"})
_WIDGET_WORDS = 40
_NEVER = ("html", "body", "head", "main", "article", "h1")

# Headings and prompts of boxes trafilatura may leave, as keys (casefolded words).
PHRASES = tuple(key(p) for p in (
    "Tin liên quan", "Bài liên quan", "Tin cùng chuyên mục", "Cùng chuyên mục", "Xem thêm", "Đọc thêm",
    "Tham khảo thêm", "Có thể bạn quan tâm", "Quan tâm", "Tin mới", "Tin mới nhất", "Tin nổi bật",
    "Đọc nhiều", "Tin đọc nhiều", "Xem nhiều", "Từ khóa", "Từ khoá", "Chia sẻ", "Bình luận",
    "Gửi bình luận", "Theo dõi", "Tải ứng dụng", "Xem các bài viết của tác giả", "Trở lại",
    "Related coverage", "Related articles", "Read more", "See also", "Continue reading the main story",
    "Advertisement", "Share this", "Share this page", "Lire aussi", "Mehr zum Thema",
    "Leia também", "Veja também",
))
# Prompts that give a short line away wherever they sit in it.
PROMPTS = tuple(key(p) for p in ("Copy link", "Lấy link", "Sao chép liên kết", "Link bài gốc", "Copy link thành công"))


def prose_words(el: Any) -> int:
    """Words in the element's paragraphs of prose (long, with few links)."""
    total = 0
    for p in el.iter("p"):
        n = len(words(text_of_el(p)))
        if n >= 12:
            linked = sum(len(words(text_of_el(a))) for a in p.iter("a"))
            if linked * 10 < n * 3:
                total += n
    return total


def prune(page: Any) -> None:
    """Remove the page's boxes in place (the page is a working copy)."""
    body = page.find("body")
    if body is None:
        return
    whole: list[int] = []  # the body's prose, counted once and only if a box needs it
    doomed: list[Any] = []
    stack = list(reversed(body))
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        running = in_text(el) or el.tag in ("td", "th") or (el.tag == "li" and _lone_item(el))
        # A CMS may name a box by its type ("RelatedOneNews") rather than its class.
        cls = f"{classes(el)} {el.get('type') or ''}".lower() if el.tag not in _NEVER and not running else ""
        box = _BOX.search(cls) if cls.strip() else None
        wrapper = _WRAPPER.search(cls) if cls.strip() and not box else None
        widget = _WIDGET.search(cls) if cls.strip() and not (box or wrapper) else None
        if (box or wrapper or widget) and el.find(".//h1") is None:
            if widget and not more_words(el, _WIDGET_WORDS):
                doomed.append(el)
                continue
            if box or wrapper:
                if not whole:
                    whole.append(max(1, prose_words(body)))
                held = prose_words(el)
                holds = held >= _WRAPPER_PROSE if wrapper else (
                    len(el.findall(".//p")) >= 3 and held >= max(_HOLDS_WORDS, _HOLDS * whole[0]))
                if not holds:
                    doomed.append(el)
                    continue
        stack.extend(reversed(el))
    for el in doomed:
        remove(el)
    counted: dict[Any, int] = {}  # words per block, each counted once: a paragraph of 1,000 links
    for el in body.iter(*INLINE):
        if in_text(el) and _among_words(el, counted) and not _HIDDEN.search(classes(el)):
            # Kept here as words of the text: trafilatura would drop it again by its
            # name ("Theo ông <span class="author">Nguyễn Văn An</span>, …" lost the
            # name, helper-139). Its box, if any, was judged above. A byline alone in
            # its paragraph keeps its name, and goes as before (helper-140).
            for name in _NAMES:
                el.attrib.pop(name, None)


_NAMES = ("class", "id", "itemprop", "rel", "data-component")  # what trafilatura judges an element by
_HIDDEN = re.compile(r"hidden|sr-only|visually|screen-reader|invisible|d-none|(?<![a-z])hide")  # text nobody sees


def in_text(el: Any) -> bool:
    """Whether ``el`` is part of running text: in a paragraph, heading, item or cell,
    or an inline element beside words, through any inline elements around it
    (helper-139: "Theo ông <span><span class="author">Nguyễn Văn An</span></span>,"
    lost the name, and "qua <span><a class="share-link">ứng dụng</a></span>" the link)."""
    node, up = el, el.getparent()
    if el.tag in INLINE:
        while up is not None:  # out through the inline elements around it
            if (node.tail or "").strip() or (up.text or "").strip():
                return True
            if up.tag not in INLINE:
                break
            node, up = up, up.getparent()
    return up is not None and up.tag in _TEXT_BLOCKS


def block_of(el: Any) -> Any | None:
    """The nearest element around ``el`` that is not inline: its paragraph, cell or box."""
    return next((a for a in el.iterancestors() if a.tag not in INLINE), None)


def _among_words(el: Any, counted: dict[Any, int]) -> bool:
    """Whether the block around an inline element holds words besides its own;
    ``counted`` keeps each block's count (keyed by the element, which it keeps
    alive: lxml's proxies, and so their id(), do not outlive their references)."""
    block = block_of(el)
    if block is None:
        return False
    if block not in counted:
        counted[block] = len(words(text_of_el(block)))
    return counted[block] - len(words(text_of_el(el))) >= 2


def _lone_item(li: Any) -> bool:
    """An item whose class its sibling items do not share: one item of a list of
    prose, not one of a list of tags or links, which is removed with its box.
    (A cell is never removed alone: the table's columns would shift.)"""
    return any(sib.get("class") != li.get("class") for sib in li.itersiblings(preceding=True)) or any(
        sib.get("class") != li.get("class") for sib in li.itersiblings())


def is_phrase(text: str) -> bool:
    """A box heading or prompt: "Tin liên quan", "Từ khóa:", "Copy link" …"""
    k = key(text)
    if not k:
        return False
    n = len(k.split())
    for p in PHRASES:
        if k == p or (k.startswith(p + " ") and n <= len(p.split()) + 3):
            return True
    return n <= 15 and any(p in k for p in PROMPTS)
