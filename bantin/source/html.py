"""Saved web pages: the article found by trafilatura, its metadata from the page.

trafilatura (Apache-2.0) has the best published F1 on the article-extraction
benchmarks and finds the article without hand-made boilerplate rules: navigation,
ads, related boxes, comments, share buttons, footers, scripts and styles stay out.
Its XML output keeps headings, paragraphs, lists, quotes, tables, images and links
in order. What it drops is taken from the page itself, parsed by lxml with no
network and no entities: the title (``og:title`` or the ``h1``, never the
``<title>`` with its " - Site" suffix), the outlet (``og:site_name``), the date
(``article:published_time``), the byline, the canonical URL, the sapo, and each
image's ``<figcaption>``, where "(Ảnh: …)" becomes the credit.
"""

from __future__ import annotations

import re
from typing import Any

from bantin.errors import InputError
from bantin.model import (
    Article,
    Block,
    Cell,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Outlet,
    Paragraph,
    Quote,
    Span,
    Table,
    Text,
    auto_align,
    plain,
    text_of,
)
from bantin.model.dates import iso_date_ok
from bantin.source.reader import Context, Reader
from bantin.source.sandbox import local_image

_CREDIT = re.compile(r"\s*\(?\s*(?:Ảnh|Nguồn ảnh|Photo)\s*:\s*([^()]+?)\s*\)?\s*$")


def _page(text: str) -> Any:
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except Exception as e:  # noqa: BLE001 - lxml raises several kinds on garbage
        raise InputError(f"not an HTML page lxml can parse ({type(e).__name__})") from None


def _meta(page: Any, *names: str) -> str | None:
    for name in names:
        for el in page.xpath("//meta[@property=$n or @name=$n]", n=name):
            value = (el.get("content") or "").strip()
            if value:
                return value
    return None


def _captions(page: Any) -> dict[str, tuple[str, str | None]]:
    """img src -> (caption, credit) from the page's <figure>s."""
    out: dict[str, tuple[str, str | None]] = {}
    for fig in page.xpath("//figure"):
        imgs = fig.xpath(".//img[@src]")
        caps = fig.xpath(".//figcaption")
        if not imgs or not caps:
            continue
        text = " ".join(caps[0].text_content().split())
        credit = None
        m = _CREDIT.search(text)
        if m:
            credit, text = m.group(1).strip(), text[: m.start()].strip()
        out[imgs[0].get("src")] = (text, credit)
    return out


class _Body:
    """trafilatura's XML to blocks."""

    def __init__(self, ctx: Context, captions: dict[str, tuple[str, str | None]], title: str) -> None:
        self.ctx, self.captions, self.title = ctx, captions, title

    def spans(self, el: Any, em: bool = False, strong: bool = False, href: str | None = None,
              code: bool = False) -> list[Span]:
        out: list[Span] = []
        if el.text:
            out.append(Span(el.text, em, strong, href, code))
        for child in el:
            tag = child.tag
            rend = child.get("rend") or ""
            if tag == "hi":
                out += self.spans(child, em or "#i" in rend, strong or "#b" in rend, href, code)
            elif tag == "ref":
                out += self.spans(child, em, strong, child.get("target") or href, code)
            elif tag == "code":  # inline code: no typographic rule touches it
                out += self.spans(child, em, strong, href, True)
            elif tag == "lb":
                out.append(Span(" ", em, strong, href, code))
            elif tag != "graphic":
                out += self.spans(child, em, strong, href, code)
            if child.tail:
                out.append(Span(child.tail, em, strong, href, code))
        return out

    def text(self, el: Any) -> Text:
        spans = self.spans(el)
        joined = " ".join("".join(s.text for s in spans).split())
        if not joined:
            return ()
        return tuple(s for s in spans if s.text)

    def figure(self, g: Any) -> Figure:
        src = g.get("src") or ""
        alt = (g.get("alt") or "").strip()
        caption, credit = self.captions.get(src, (g.get("title") or "", None))
        image = local_image(src, self.ctx.folder, self.ctx.warn, self.ctx.seen) if src else None
        return Figure(plain(caption), credit, image, alt)

    def blocks(self, main: Any) -> list[Block]:
        out: list[Block] = []
        for el in main:
            tag = el.tag
            if tag == "head":
                text = self.text(el)
                if text and not (el.get("rend") == "h1" and text_of(text).strip() == self.title):
                    level = int((el.get("rend") or "h2")[1:] or 2) if (el.get("rend") or "h2")[1:].isdigit() else 2
                    out.append(Heading(text, max(1, min(6, level - 1))))
            elif tag == "p":
                for g in el.iter("graphic"):
                    out.append(self.figure(g))
                text = self.text(el)
                if text:
                    out.append(Paragraph(text))
            elif tag == "graphic":
                out.append(self.figure(el))
            elif tag == "code":  # a <pre> block: its lines as written
                lines = "".join(el.itertext()).expandtabs(4).strip("\n").split("\n")
                if any(line.strip() for line in lines):
                    out.append(CodeBlock(tuple(line.rstrip() for line in lines)))
            elif tag == "list":
                items = tuple(t for t in (self.text(i) for i in el.iter("item")) if t)
                if items:
                    ordered = (el.get("rend") or "").startswith("o")
                    out.append(ListBlock(tuple(ListItem((Paragraph(t),)) for t in items), ordered))
            elif tag == "quote":
                text = self.text(el)
                if text:
                    out.append(Quote((Paragraph(text),)))
            elif tag == "table":
                rows: list[tuple[Text, ...]] = []
                head = 0
                for row in el.iter("row"):
                    cells = [self.text(c) for c in row.iter("cell")]
                    if row.get("role") == "head" or any(c.get("role") == "head" for c in row.iter("cell")):
                        head = len(rows) + 1 if head == len(rows) else head
                    rows.append(tuple(cells))
                width = max((len(r) for r in rows), default=0)
                rows = [r + ((),) * (width - len(r)) for r in rows]
                if rows:
                    grid = tuple(tuple(Cell((Paragraph(c),) if c else ()) for c in r) for r in rows)
                    out.append(Table(grid, head, (), auto_align(grid, head)))
        return out


def read(data: bytes, ctx: Context) -> Article:
    import trafilatura
    from lxml import etree

    text = ctx.text(data)
    page = _page(text)
    xml = trafilatura.extract(
        text, output_format="xml", include_images=True, include_tables=True, include_links=True,
        include_formatting=True, include_comments=False, with_metadata=True,
    )
    if not xml:
        raise InputError("no article found in the page")
    doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    h1 = page.xpath("//h1")
    title = (_meta(page, "og:title") or (" ".join(h1[0].text_content().split()) if h1 else "")
             or doc.get("title") or "").strip()
    main = doc.find("main")
    if main is None or not title:
        raise InputError("no article found in the page")
    body = _Body(ctx, _captions(page), title)
    blocks = body.blocks(main)
    if not any(isinstance(b, Paragraph) for b in blocks):
        raise InputError("no article found in the page")
    sapo = _meta(page, "og:description", "description")
    lede = None
    first = blocks[0] if blocks else None
    if isinstance(first, Paragraph) and sapo and text_of(first.text).strip().startswith(sapo.strip()[:40]):
        blocks.pop(0)
        lede = " ".join(text_of(first.text).split())  # the sapo, printed once
    elif sapo:
        lede = " ".join(sapo.split())
    date = (_meta(page, "article:published_time") or doc.get("date") or "")[:10]
    canonical = page.xpath("//link[@rel='canonical']/@href")
    outlet = _meta(page, "og:site_name") or doc.get("sitename")
    return Article(
        title=" ".join(title.split()), lede=lede, outlet=Outlet(None, outlet) if outlet else None,
        date=date if iso_date_ok(date) else None, byline=_meta(page, "author", "article:author") or doc.get("author"),
        url=(canonical[0] if canonical else None) or _meta(page, "og:url") or doc.get("url"),
        blocks=tuple(blocks),
    )


reader = Reader("html", (".html", ".htm"), read, "saved web page: the article found by trafilatura")
