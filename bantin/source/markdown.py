"""Markdown (CommonMark with GFM tables, markdown-it-py) with YAML front matter.

The front matter (``title``, ``date``, ``outlet``, ``byline``, ``tags``, ``url``,
``lede``) is read with ``yaml.safe_load``. Without a title there, the first level-1
heading is the title; a first paragraph that is all bold is the lede. Headings
below the title move up one level. Images are read relative to the file, under the
sandbox's rules (``sandbox``).
"""

from __future__ import annotations

import datetime
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
    SectionBreak,
    Span,
    Table,
    Text,
    auto_align,
    plain,
    text_of,
)
from bantin.source.reader import Context, Reader
from bantin.source.sandbox import local_image


def _front(raw: str) -> dict[str, Any]:
    import yaml  # type: ignore[import-untyped]

    try:
        data = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as e:
        raise InputError(f"front matter is not valid YAML: {str(e).splitlines()[0][:120]}") from None
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of keys to values")
    return data


def _str(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, (datetime.date, datetime.datetime)):  # YAML reads 2025-08-05 as a date
        return v.isoformat()[:10]
    return str(v).strip() or None


class _Inline:
    """Inline tokens to spans; an image alone in its paragraph becomes a figure."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def spans(self, children: list[Any]) -> Text:
        out: list[Span] = []
        em = strong = 0
        href: str | None = None
        for t in children:
            kind = t.type
            if kind == "text":
                out.append(Span(t.content, em > 0, strong > 0, href))
            elif kind == "code_inline":  # kept as code: no typographic rule touches it
                out.append(Span(t.content, em > 0, strong > 0, href, code=True))
            elif kind in ("softbreak", "hardbreak"):
                out.append(Span(" ", em > 0, strong > 0, href))
            elif kind == "em_open":
                em += 1
            elif kind == "em_close":
                em -= 1
            elif kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "link_open":
                href = t.attrGet("href")
            elif kind == "link_close":
                href = None
            elif kind == "image":
                alt = "".join(c.content for c in t.children or [])
                out.append(Span(alt, em > 0, strong > 0, href))
            elif kind == "html_inline":
                continue  # raw HTML is not the article's words
        return tuple(s for s in out if s.text)

    def figure(self, children: list[Any]) -> Figure | None:
        """A paragraph that is one image (with an optional title as its caption)."""
        items = [c for c in children if not (c.type == "text" and not c.content.strip())]
        if len(items) != 1 or items[0].type != "image":
            return None
        t = items[0]
        alt = "".join(c.content for c in t.children or [])
        caption = t.attrGet("title") or ""
        image = local_image(str(t.attrGet("src") or ""), self.ctx.folder, self.ctx.warn, self.ctx.seen)
        return Figure(plain(str(caption)) if caption else plain(alt) if image is None else (), None, image, alt)


def read(data: bytes, ctx: Context) -> Article:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(front_matter_plugin)
    tokens = md.parse(ctx.text(data))
    front: dict[str, Any] = {}
    inline = _Inline(ctx)
    blocks: list[Block] = []
    title: str | None = None
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "front_matter":
            front = _front(t.content)
        elif t.type == "heading_open":
            level = int(t.tag[1])
            text = inline.spans(tokens[i + 1].children or [])
            if level == 1 and title is None and "title" not in front:
                title = text_of(text)
            else:
                blocks.append(Heading(text, max(1, min(6, level - 1))))
            i += 2
        elif t.type == "paragraph_open":
            children = tokens[i + 1].children or []
            fig = inline.figure(children)
            blocks.append(fig if fig is not None else Paragraph(inline.spans(children)))
            i += 2
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            i, block = _list(tokens, i, inline)
            blocks.append(block)
            continue
        elif t.type == "blockquote_open":
            depth, j = 1, i + 1
            parts: list[Span] = []
            while depth:
                if tokens[j].type == "blockquote_open":
                    depth += 1
                elif tokens[j].type == "blockquote_close":
                    depth -= 1
                elif tokens[j].type == "inline":
                    parts.extend(inline.spans(tokens[j].children or []) + (Span(" "),))
                j += 1
            blocks.append(Quote((Paragraph(tuple(parts[:-1])),) if parts else ()))
            i = j
            continue
        elif t.type == "table_open":
            i, table = _table(tokens, i, inline)
            blocks.append(table)
            continue
        elif t.type == "hr":
            blocks.append(SectionBreak())
        elif t.type in ("fence", "code_block"):
            lines = t.content.expandtabs(4).rstrip("\n").split("\n")
            blocks.append(CodeBlock(tuple(lines), t.info.split()[0] if t.info.strip() else None))
        i += 1
    lede = _str(front.get("lede"))
    if lede is None and blocks and isinstance(blocks[0], Paragraph) and blocks[0].text and all(
            s.strong for s in blocks[0].text if s.text.strip()):
        first = blocks.pop(0)
        assert isinstance(first, Paragraph)
        lede = text_of(first.text)
    title = _str(front.get("title")) or title
    if not title:
        raise InputError("no title: give one in the front matter or as a first # heading")
    outlet = _str(front.get("outlet"))
    tags = front.get("tags") or []
    if isinstance(tags, str):  # "tags: kinh tế, nông nghiệp" is one YAML string
        tags = tags.split(",")
    elif not isinstance(tags, list):
        tags = [tags]
    return Article(
        title=title, lede=lede, outlet=Outlet(None, outlet) if outlet else None, date=_str(front.get("date")),
        byline=_str(front.get("byline") or front.get("author")), url=_str(front.get("url")),
        tags=tuple(t for t in (str(x).strip() for x in tags if x is not None) if t), blocks=tuple(blocks),
    )


def _list(tokens: list[Any], i: int, inline: _Inline) -> tuple[int, ListBlock]:
    ordered = tokens[i].type == "ordered_list_open"
    close = "ordered_list_close" if ordered else "bullet_list_close"
    depth, j, items = 0, i, []
    current: list[Span] = []
    while True:
        t = tokens[j]
        if t.type == tokens[i].type:
            depth += 1
        elif t.type == close:
            depth -= 1
            if depth == 0:
                break
        elif t.type == "list_item_open" and depth == 1:
            current = []
        elif t.type == "list_item_close" and depth == 1:
            items.append(tuple(current))
        elif t.type == "inline":
            if current:
                current.append(Span(" "))
            current.extend(inline.spans(t.children or []))
        j += 1
    return j + 1, ListBlock(tuple(ListItem((Paragraph(t),) if t else ()) for t in items), ordered)


def _table(tokens: list[Any], i: int, inline: _Inline) -> tuple[int, Table]:
    rows: list[tuple[Text, ...]] = []
    row: list[Text] = []
    header_rows = 0
    in_head = False
    align: list[str] = []
    j = i
    while tokens[j].type != "table_close":
        t = tokens[j]
        if t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "tr_open":
            row = []
        elif t.type == "tr_close":
            rows.append(tuple(row))
            header_rows += 1 if in_head else 0
        elif t.type in ("th_open", "td_open"):
            style = str(t.attrGet("style") or "")
            if in_head:
                align.append("right" if "right" in style else "center" if "center" in style else "")
        elif t.type == "inline":
            row.append(inline.spans(t.children or []))
        j += 1
    auto = auto_align(tuple(rows), header_rows)
    final = tuple(a or auto[k] for k, a in enumerate(align)) if len(align) == len(auto) else auto
    cells = tuple(tuple(Cell((Paragraph(c),) if c else ()) for c in r) for r in rows)
    return j + 1, Table(cells, header_rows, (), final)


reader = Reader("md", (".md", ".markdown"), read, "Markdown (CommonMark, GFM tables) with YAML front matter")
