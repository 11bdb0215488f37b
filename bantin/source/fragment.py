"""Pieces of HTML (the raw HTML inside a Markdown file) to blocks, sanitised.

A fragment is parsed by lxml with no network and no DTD, comments and processing
instructions dropped; character references such as ``&amp;`` become their
characters, nothing else is resolved. What comes out is the text: no tag is ever
printed, and an attribute's value (a ``class="…"`` with its quotes) is never text,
so no typographic rule sees it. Scripts, styles, templates and embedded players
are dropped with their contents. Structure that the model holds is kept:
paragraphs, headings, lists (with ``start`` and ``type``), quotes, code, tables
with merged cells, rules; emphasis, links, code, ``<sup>`` and ``<sub>`` within
the text. An ``<img>`` becomes a figure, read through the sandbox like every
image, at the address a lazy loader or its ``<picture>`` keeps
(``picture_address``, as the web page reader finds it); a container holding
one picture and a short text (``<figure>`` with its ``<figcaption>``, or a
``<div>`` of a picture and its caption line) is that figure with that caption.
Nesting deeper than the model keeps is flattened into paragraphs, never dropped.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from typing import Any

from bantin.model import (
    Block,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    SectionBreak,
    Span,
    Text,
    plain,
    text_of,
)
from bantin.source.fragment_inline import HIDDEN, Item, Marks, Picture, picture, tidy
from bantin.source.fragment_table import table
from bantin.source.picture_address import picture_sources
from bantin.source.reader import Context
from bantin.source.rules.alt_text import alt_text
from bantin.source.rules.caption import credited
from bantin.source.sandbox import local_image

_CONTAINERS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "center",
                         "address", "form", "fieldset", "details", "summary", "hgroup", "body", "html", "li", "dd",
                         "dt", "figcaption", "caption", "tr", "td", "th", "thead", "tbody", "tfoot", "legend"})
_STRUCTURE = frozenset({"ul", "ol", "menu", "dl", "blockquote", "pre", "table", "hr", "figure",
                        "h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = _CONTAINERS | _STRUCTURE
MAX_DEPTH = 12  # containers (lists, quotes, cells) inside one another that the model keeps
_MAX_LEVEL = 200  # HTML elements inside one another walked as structure; deeper is text
_CAPTION_WORDS = 60
_NUMBERING = {"a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman", "1": "decimal"}
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def run_blocks(items: list[Item], ctx: Context) -> list[Block]:
    """A run of running text: nothing if blank; figures if it is pictures alone; else
    one paragraph, with each picture's alt text in its place."""
    if not any(isinstance(i, Picture) or i.text.strip() for i in items):
        return []
    if all(isinstance(i, Picture) or not i.text.strip() for i in items):
        return [figure(i, (), ctx) for i in items if isinstance(i, Picture)]
    spans = [i if isinstance(i, Span) else Span(i.alt) for i in items]
    return [Paragraph(tidy(spans))]


def figure(p: Picture, caption: Text, ctx: Context) -> Figure:
    """A picture with its caption: the caption text given, else its title; "Ảnh: X"
    at the caption's end is the credit."""
    credit = None
    if not caption and p.title:
        caption = plain(p.title)
    parts = credited(text_of(caption)) if caption else None
    if parts is not None:
        caption, credit = plain(parts[0]), parts[1]
    image = local_image(p.src, ctx.folder, ctx.warn, ctx.seen) if p.src else None
    return Figure(caption, credit, image, alt_text(p.alt) if p.alt else p.alt)


_OPEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr", "param", "keygen"})
_RAW_TEXT = frozenset({"script", "style", "template", "noscript", "textarea"})  # hidden, holding no tags
_PARSER_DEPTH = 200  # libxml2 drops every word after its 256th level; deeper fragments are read as text


def _tags(html: str) -> Iterator[tuple[re.Match[str], int]]:
    """Each tag's start (with its name) and the position of its ">", in one pass:
    a ">" inside a quoted attribute ends it early, which is close enough to count
    depth or strip tags, and no run of "<" costs more than one scan."""
    pos = 0
    while (m := _OPEN.search(html, pos)) is not None:
        end = html.find(">", m.end())
        if end < 0:
            return
        yield m, end
        pos = end + 1


def _depth(html: str) -> int:
    """How deep the fragment's elements nest, as far as its tags tell."""
    depth = deepest = 0
    for m, end in _tags(html):
        if m.group(1):
            depth = max(0, depth - 1)
        elif html[end - 1] != "/" and m.group(2).lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _text_only(html: str) -> str:
    """The words of a fragment lxml cannot hold: comments, tags and the contents of
    hidden elements taken out."""
    out: list[str] = []
    pos = 0
    hidden: str | None = None
    html = _without_comments(html)
    for m, end in _tags(html):
        name = m.group(2).lower()
        if hidden is None:
            out.append(html[pos:m.start()])
            if not m.group(1) and name in _RAW_TEXT:
                hidden = name
        elif m.group(1) and name == hidden:
            hidden = None
        pos = end + 1
    if hidden is None:
        out.append(html[pos:])
    return htmllib.unescape(" ".join(out))


def _without_comments(html: str) -> str:
    out: list[str] = []
    pos = 0
    while (start := html.find("<!--", pos)) >= 0:
        out.append(html[pos:start])
        end = html.find("-->", start + 4)
        if end < 0:
            return "".join(out)
        pos = end + 3
    return "".join(out) + html[pos:]


def parse(html: str) -> Any | None:
    """The fragment as an lxml ``<div>``; None when lxml cannot hold it."""
    import lxml.html

    if _depth(html) > _PARSER_DEPTH:
        return None
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, default_doctype=False)
    try:
        return lxml.html.fragment_fromstring(html, create_parent="div", parser=parser)
    except Exception:  # noqa: BLE001 - lxml raises several kinds on garbage; the caller keeps the text
        return None


def blocks(html: str, ctx: Context, depth: int = 0) -> list[Block]:
    """The blocks of an HTML fragment; ``depth`` is how deep the fragment sits in
    the model's containers already."""
    html = _CONTROLS.sub("", html)
    if not html.strip():
        return []
    root = parse(html)
    if root is None:
        return run_blocks([Span(_text_only(html))], ctx)
    return _Walker(ctx).blocks(root, depth, 0)


class _Walker:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def inline(self, el: Any, marks: Marks) -> list[Item]:
        """The running text inside ``el`` (not its tail), walked without recursion."""
        out: list[Item] = []
        if el.text:
            out.append(marks.span(el.text))
        stack: list[tuple[Marks, Any]] = [(marks, iter(el))]
        while stack:
            m, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                continue
            if isinstance(child, _Tail):  # the element whose children these were is done
                stack.pop()
                if child.tail:
                    out.append(stack[-1][0].span(child.tail))
                continue
            name = child.tag.lower() if isinstance(child.tag, str) else ""
            if name == "img":
                out.append(picture(child.attrib, picture_sources(child)))
            elif name in ("br", "hr"):
                out.append(m.span(" "))
            elif name and name not in HIDDEN:
                inner = m.entering(name, child.attrib)
                if name in BLOCKS:  # a block inside running text still parts its words
                    out.append(m.span(" "))
                if child.text:
                    out.append(inner.span(child.text))
                stack.append((inner, _then_tail(child)))
                continue
            if child.tail:
                out.append(m.span(child.tail))
        return out

    def blocks(self, el: Any, depth: int, level: int) -> list[Block]:
        out: list[Block] = []
        run: list[Item] = []
        if el.text:
            run.append(Span(el.text))
        for child in el:
            name = child.tag.lower() if isinstance(child.tag, str) else ""
            if name in BLOCKS:
                out += run_blocks(run, self.ctx)
                run = []
                out += self.block(child, name, depth, level + 1)
            elif name == "img":
                run.append(picture(child.attrib, picture_sources(child)))
            elif name == "br":
                run.append(Span(" "))
            elif name and name not in HIDDEN:
                run += self.inline(child, Marks().entering(name, child.attrib))
            if child.tail:
                run.append(Span(child.tail))
        return out + run_blocks(run, self.ctx)

    def text(self, el: Any) -> list[Block]:
        """``el`` as running text: what is too deep to keep as structure."""
        return run_blocks(self.inline(el, Marks()), self.ctx)

    def block(self, el: Any, name: str, depth: int, level: int) -> list[Block]:
        if level > _MAX_LEVEL or (depth >= MAX_DEPTH and name in ("ul", "ol", "menu", "blockquote", "table")):
            return self.text(el)
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = tidy([i for i in self.inline(el, Marks()) if isinstance(i, Span)])
            return [Heading(text, int(name[1]))] if text else []
        if name == "hr":
            return [SectionBreak()]
        if name == "pre":
            return self.code(el)
        if name in ("ul", "ol", "menu"):
            return self.listing(el, name == "ol", depth, level)
        if name == "blockquote":
            inner = self.blocks(el, depth + 1, level)
            return [Quote(tuple(inner))] if inner else []
        if name == "table":
            return table(el, lambda cell: self.blocks(cell, depth + 1, level + 2), self.caption)
        lone = self.lone_picture(el) if name in ("figure", "div", "p", "center") else None
        if lone is not None:
            return [lone]
        return self.blocks(el, depth, level)

    def caption(self, el: Any) -> Text:
        return tidy([i for i in self.inline(el, Marks()) if isinstance(i, Span)])

    def code(self, el: Any) -> list[Block]:
        text = text_content(el).expandtabs(4).strip("\n")
        if not text.strip():
            return []
        inner = el.find("code")
        cls = (inner.get("class") if inner is not None else el.get("class")) or ""
        lang = next((c.split("-", 1)[1] for c in cls.split() if c.startswith(("language-", "lang-"))), None)
        return [CodeBlock(tuple(line.rstrip() for line in text.split("\n")), lang or None)]

    def listing(self, el: Any, ordered: bool, depth: int, level: int) -> list[Block]:
        items: list[ListItem] = []
        loose: list[Item] = []

        def close_loose() -> None:
            blocks = run_blocks(loose, self.ctx)
            if blocks:
                items.append(ListItem(tuple(blocks)))
            loose.clear()

        for child in el:
            name = child.tag.lower() if isinstance(child.tag, str) else ""
            if name == "li":
                close_loose()
                items.append(ListItem(tuple(self.blocks(child, depth + 1, level + 1))))
            elif name in BLOCKS:
                close_loose()
                items.append(ListItem(tuple(self.block(child, name, depth + 1, level + 1))))
            elif name and name not in HIDDEN:
                loose.extend(self.inline(child, Marks().entering(name, child.attrib)))
            if child.tail:
                loose.append(Span(child.tail))
        close_loose()
        items = [i for i in items if i.blocks]
        if not items:
            return []
        start = (el.get("start") or "").strip()
        numbering = _NUMBERING.get((el.get("type") or "1").strip(), "decimal")
        return [ListBlock(tuple(items), ordered, False, int(start) if start.isdigit() and len(start) < 10 else 1,
                          numbering if ordered else "decimal")]

    def lone_picture(self, el: Any) -> Figure | None:
        """A container of one picture and at most a short caption is that figure."""
        pictures = list(el.iter("img"))
        if len(pictures) != 1 or any(isinstance(d.tag, str) and d.tag.lower() in _STRUCTURE - {"figure"}
                                     for d in el.iterdescendants()):
            return None
        items = [i for i in self.inline(el, Marks()) if isinstance(i, Picture) or i.text.strip()]
        if not (isinstance(items[0], Picture) or isinstance(items[-1], Picture)):
            return None  # words on both sides: a sentence with a picture in it, not a caption
        caption = tidy([i for i in items if isinstance(i, Span)])
        if len(text_of(caption).split()) > _CAPTION_WORDS:
            return None
        return figure(picture(pictures[0].attrib, picture_sources(pictures[0])), caption, self.ctx)


class _Tail:
    """Stands, in a walk's queue of children, for the end of an element and its tail."""

    tag = ""

    def __init__(self, text: str | None) -> None:
        self.tail = text


def _then_tail(el: Any) -> Iterator[Any]:
    yield from el
    yield _Tail(el.tail)


def text_content(el: Any) -> str:
    """Every character of ``el``'s text, hidden elements left out, ``<br>`` a new
    line; walked without recursion."""
    out = [el.text or ""]
    stack: list[Iterator[Any]] = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, _Tail):
            stack.pop()
            out.append(child.tail or "")
            continue
        name = child.tag.lower() if isinstance(child.tag, str) else ""
        if name and name not in HIDDEN and name != "br":
            out.append(child.text or "")
            stack.append(_then_tail(child))
            continue
        out.append(("\n" if name == "br" else "") + (child.tail or ""))
    return "".join(out)
