"""Pictures as the page's markup pairs them with their captions.

Each ``<img>`` is resolved first: lazy loaders keep the real address in
``data-src``, ``data-original`` or a ``srcset`` and put a placeholder in ``src``
(``bantin.source.picture_address``, which Markdown's raw HTML reads too).
Its caption is found by structure, never by address: the ``<figcaption>`` of its
``<figure>``, the other cells of a one-picture table (``table.picture``,
``tplCaption``, a ``td`` legend), or the caption element that follows the
picture. "Ảnh: …", "(Ảnh: …)", "Photo: …" and "Credit: …" at the end become the
credit. Thumbnails (declared smaller than a column), avatars, logos and pictures
that link to another page are marked as not figures.

A picture saved inside the page (a ``data:`` address whose bytes
:mod:`.size` cut, as "save complete page" leaves them) is a figure too: its
caption stays, and the sandbox names the picture it does not read.

Each kept ``<img>`` gets a numbered placeholder address that survives
trafilatura (which drops addresses without an image extension and resolves
relative ones), so every picture it keeps is found again here, whatever its URL.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from bantin.source.html.page import classes, squash, text_of_el
from bantin.source.picture_address import LAZY, SRCSETS, file_name, resolve
from bantin.source.rules.alt_text import alt_text
from bantin.source.rules.caption import split_credit

TOKEN = "bantin-picture-{}.png"
_TOKEN = re.compile(r"bantin-picture-(\d+)\.png$")
_CAPTION_CLASS = re.compile(r"caption|legend|chu-?thich|expnoedit|(?:img|image|photo|pic|fig)[-_]?(?:desc|text|note)"
                            r"|(?<![\w-])image(?![\w-])")
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|author|source")
_SMALL = 120  # pixels: a declared size under this is an icon, an avatar or a thumbnail
# Anywhere in a class or a file's name ("siteLogo", "noavatar.png", "favicon"), but
# not "icon" in "silicon" (helper-119, helper-120).
_NOT_FIGURE = re.compile(r"avatar|author|logo|(?<!sil)icon|emoji|sprite|banner|\bads?\b|advert|tracking", re.I)
_CREDIT = re.compile(r"(?i)(?:^|(?<=[\s.,;)\]]))[(\[]?\s*(?:photo|photos|foto|bild|credit|crédit|image|nguồn ảnh|nguồn)"
                     r"\s*:\s*([^()\[\]:]{1,80}?)\s*[)\]]?\s*$")
_TAG = re.compile(r"<[^>]*>")
_LABEL = re.compile(r"(?i)^(?:credit|photo|photos|foto|bild|image|ảnh|nguồn ảnh|nguồn)\s*:?\s*")


@dataclass(frozen=True)
class Picture:
    src: str
    alt: str
    caption: str
    credit: str | None
    figure: bool  # False: a thumbnail, avatar, logo or teaser picture, never printed
    raw: str = ""  # the caption element's whole text, credit included


def split_caption(text: str) -> tuple[str, str | None]:
    """(caption, credit): "… Ảnh: X", "… (Ảnh: X)", "… - Ảnh: X", "… Photo: X"."""
    text = squash(text)
    parts = split_credit(text)
    if parts is not None and parts[2]:
        return parts[0].rstrip(" -–—|").strip(), parts[2]
    m = _CREDIT.search(text)
    if m and m.start() > 0:
        return text[: m.start()].rstrip(" -–—|").strip(), m.group(1).strip()
    return text, None


def clean_alt(alt: str | None) -> str:
    """Alt text without the markup some sites leave in it, or "" when it names a
    file or only counts pictures (:mod:`bantin.source.rules.alt_text`)."""
    return alt_text(squash(_TAG.sub(" ", html.unescape(alt or ""))))


def _declared_small(img: Any) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().removesuffix("px")
        if value.isdigit() and 0 < int(value) < _SMALL:
            return True
    style = img.get("style") or ""
    m = re.search(r"(?<![-\w])width\s*:\s*(\d+)px", style)
    return bool(m and int(m.group(1)) < _SMALL)


def _links_away(img: Any) -> bool:
    """A picture wrapped in a link to another page: a teaser's thumbnail."""
    for anc in img.iterancestors():
        if anc.tag == "a":
            href = (anc.get("href") or "").strip().lower()
            return bool(href) and not href.startswith("#") and not re.search(r"\.(jpe?g|png|gif|webp)(\?|$)", href)
        if anc.tag in ("p", "div", "figure", "td", "li", "article", "section"):
            return False
    return False


def _caption_text(el: Any, skip: Any) -> tuple[str, str | None, str]:
    """The text of a caption element, its credit element (if marked) apart."""
    credit = None
    for node in el.iter():
        if node is skip or node.tag in ("img", "script", "style", "picture", "source", "noscript"):
            continue
        if node is not el and _CREDIT_CLASS.search(classes(node)) and text_of_el(node):
            credit = text_of_el(node)
    text = " ".join(text_of_el(el).split())
    if credit and text.endswith(credit):
        text = text[: -len(credit)].rstrip()
    elif credit:
        text = squash(text.replace(credit, " "))
    if credit:
        text = text.rstrip(" -–—|/").strip()
    caption, split = split_caption(text)
    if credit:
        credit = _LABEL.sub("", credit.strip().strip("()[]").strip()).strip() or None
    return caption, credit or split, squash(text_of_el(el))


def _find_caption(img: Any) -> tuple[str, str | None, str]:
    depth = 0
    for anc in img.iterancestors():
        depth += 1
        if depth > 5 or anc.tag in ("body", "article", "main"):
            break
        if anc.tag == "figure":
            caps = anc.xpath(".//figcaption") or [
                el for el in anc.iter() if el is not anc and _CAPTION_CLASS.search(classes(el))
                and el.find(".//img") is None]
            if caps:
                return _caption_text(caps[0], img)
            return "", None, ""
        if anc.tag == "table" and len(anc.xpath(".//img")) == 1 and len(anc.xpath(".//tr")) <= 4:
            if len(text_of_el(anc).split()) <= 80:
                return _caption_text(anc, img)
            break
    # The caption element that follows the picture (or its image-only wrapper).
    block = img
    for _ in range(3):
        parent = block.getparent()
        if parent is None or text_of_el(parent) or parent.tag in ("body", "article", "main"):
            break
        block = parent
    nxt = block.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    if nxt is not None and (nxt.tag == "figcaption" or _CAPTION_CLASS.search(classes(nxt))):
        if nxt.find(".//img") is None and len(text_of_el(nxt).split()) <= 80:
            return _caption_text(nxt, img)
    return "", None, ""


def collect(page: Any) -> tuple[list[Picture], list[Any]]:
    """Every picture of the page and its ``<img>``, in order; each ``src`` is
    replaced by its placeholder token (the page is a working copy)."""
    out: list[Picture] = []
    imgs: list[Any] = []
    seen: set[str] = set()
    # A <noscript> copy of a picture the page also shows (its lazy copy, before or
    # after it) is that picture: the copy shown is the figure (helper-139).
    # The set holds the elements themselves: lxml keeps one proxy per element only
    # while a reference to it lives, so an id() would not name it.
    scripted = set(page.xpath("//noscript//img"))
    shown = {resolve(img) for img in page.iter("img") if img not in scripted}
    for img in page.iter("img"):
        src = resolve(img)
        hidden = img in scripted
        caption, credit, raw = _find_caption(img)
        marked = " ".join([classes(img)] + [classes(a) for a in list(img.iterancestors())[:3]])
        named = file_name(img.get("src") or "").lower()[-80:]
        # An inline picture whose bytes the reader cut (size.slim) is a photo; any
        # other data: address is a placeholder or an icon.
        inline = src.startswith("data:") and src.endswith(",")
        # A photo its <figure> credits is the article's, whatever its file is called
        # ("vinamilk-logo-moi.jpg" in a story on the new logo); a class that says
        # logo or avatar still says what the page made of it.
        credited = bool(credit) and any(a.tag == "figure" for a in list(img.iterancestors())[:3])
        figure = bool(src) and (inline or not src.startswith("data:")) and not _declared_small(img) and not (
            _NOT_FIGURE.search(marked) or (_NOT_FIGURE.search(named) and not credited)) and not (
            _links_away(img) and not caption) and not (
            hidden and (src in seen or src in shown))
        seen.add(src)
        img.set("src", TOKEN.format(len(out)))
        for attr in (*LAZY, *SRCSETS):
            img.attrib.pop(attr, None)
        out.append(Picture(src, clean_alt(img.get("alt")), caption, credit, figure, raw))
        imgs.append(img)
    return out, imgs


def picture_of(src: str | None, pictures: list[Picture]) -> Picture | None:
    m = _TOKEN.search(src or "")
    if not m or int(m.group(1)) >= len(pictures):
        return None
    return pictures[int(m.group(1))]
