"""A part of the page in trafilatura's XML vocabulary, so that one converter reads both.

trafilatura loses what a list or a table says by its markup: where an ordered list
starts and how it counts (``<ol start="3" type="a">``), which cells span rows or
columns (it pads them with empty cells instead), and a list inside a cell (its
words are dropped). :mod:`.graft` puts the page's own element in place of
trafilatura's; this module writes it in trafilatura's terms: ``list``/``item``,
``table``/``row``/``cell`` (with ``role="head"``, ``colspan``, ``rowspan``), a
``caption``, ``quote``, ``p``, ``head``, ``code``, ``hi`` (``#b``, ``#i``, ``#sup``,
``#sub``), ``ref``, ``lb`` and ``graphic``. Elements that carry no text a reader
sees (scripts, forms, players) are left out; any other element is read through.
"""

from __future__ import annotations

import re
from typing import Any

_HI = {"b": "#b", "strong": "#b", "i": "#i", "em": "#i", "cite": "#i", "dfn": "#i", "var": "#i",
       "sup": "#sup", "sub": "#sub"}
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_DIV = frozenset({"div", "section", "article", "header", "footer", "aside", "center", "main", "nav", "address",
                  "figure", "details", "summary", "hgroup", "form", "fieldset"})
_DROP = frozenset({"script", "style", "noscript", "template", "svg", "math", "button", "input", "select",
                   "textarea", "iframe", "object", "embed", "video", "audio", "canvas", "map", "head", "title",
                   "meta", "link", "option"})
_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*[^;]*?\b(decimal|(?:lower|upper)-(?:alpha|latin|roman))\b")


def numbering(el: Any) -> str | None:
    """How an ordered list counts: its ``type``, else its ``list-style-type``."""
    kind = (el.get("type") or "").strip()
    if kind in _TYPES:
        return _TYPES[kind]
    m = _STYLE.search((el.get("style") or "").lower())
    return m.group(1).replace("latin", "alpha") if m else None


def _start(el: Any) -> str | None:
    start = (el.get("start") or "").strip()
    if start.lstrip("-").isdigit():
        return start
    first = next((li for li in el if li.tag == "li"), None)
    value = (first.get("value") or "").strip() if first is not None else ""
    return value if value.lstrip("-").isdigit() else None


def _add_text(dst: Any, text: str | None) -> None:
    if not text:
        return
    if len(dst):
        dst[-1].tail = (dst[-1].tail or "") + text
    else:
        dst.text = (dst.text or "") + text


def _open(src: Any, dst: Any, head_rows: bool) -> Any | None:
    """The element ``src`` becomes under ``dst``: a new child, ``dst`` itself (read
    through) or None (left out)."""
    from lxml import etree

    tag = src.tag.lower() if isinstance(src.tag, str) else ""
    if tag in _DROP or not tag:
        return None
    if tag == "figcaption" and src.getparent() is not None and src.getparent().find(".//img") is not None:
        return None  # the picture's caption, which the picture carries
    if tag in ("ul", "ol", "dl"):
        out = etree.SubElement(dst, "list", rend=tag)
        if tag == "ol":
            for name, value in (("start", _start(src)), ("numbering", numbering(src))):
                if value:
                    out.set(name, value)
        return out
    simple = {"li": "item", "dt": "item", "dd": "item", "table": "table", "tr": "row", "caption": "caption",
              "blockquote": "quote", "pre": "code", "br": "lb", "p": "p"}
    if tag == "hr":  # a rule inside running text parts words, and breaks no line
        return etree.SubElement(dst, "lb", rend="hr")
    if tag in simple:
        return etree.SubElement(dst, simple[tag], role="head") if tag == "tr" and head_rows else \
            etree.SubElement(dst, simple[tag])
    if tag in ("td", "th"):
        out = etree.SubElement(dst, "cell")
        if tag == "th" or head_rows:
            out.set("role", "head")
        for name in ("colspan", "rowspan"):
            if (src.get(name) or "").strip() not in ("", "1"):
                out.set(name, (src.get(name) or "").strip())
        return out
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return etree.SubElement(dst, "head", rend=tag)
    if tag in _HI:
        return etree.SubElement(dst, "hi", rend=_HI[tag])
    if tag in _CODE:
        return etree.SubElement(dst, "code")
    if tag == "a":
        href = (src.get("href") or "").strip()
        return etree.SubElement(dst, "ref", target=href) if href else dst
    if tag == "img":
        out = etree.SubElement(dst, "graphic")
        for name in ("src", "alt", "title"):
            if src.get(name):
                out.set(name, src.get(name))
        return out
    if tag in _DIV:
        return etree.SubElement(dst, "div")
    return dst


def _walk(src: Any, dst: Any, head_rows: bool) -> None:
    _add_text(dst, src.text)
    for child in src:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in _SECTIONS:
            _walk(child, dst, tag == "thead")
        else:
            target = dst
            if tag in ("ul", "ol") and dst.tag == "list" and len(dst) and dst[-1].tag == "item":
                target = dst[-1]  # a list straight inside a list: the sublist of the item before
            out = _open(child, target, head_rows)
            if out is not None:
                if out is target:
                    _walk(child, target, head_rows)
                else:
                    _walk(child, out, head_rows and tag == "tr")
        _add_text(dst, child.tail)


def tei(el: Any) -> Any:
    """The element (a list, a table, a footnote) in trafilatura's vocabulary."""
    from lxml import etree

    holder = etree.Element("div")
    out = _open(el, holder, False)
    if out is None:
        return holder
    _walk(el, out, False)
    return out if out is not holder else holder
