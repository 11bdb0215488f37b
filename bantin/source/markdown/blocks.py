"""markdown-it's syntax tree to the model's blocks, container by container.

List items and quotes hold blocks: a paragraph, a nested list, code, a quote, a
table, as the source nests them. An ordered list keeps its start number and its
delimiter ("1." or "1)"). A quote whose last line is an attribution ("— X",
"-- X", "― X") has it set apart. Raw HTML blocks go to the fragment reader.
Containers deeper than ``fragment.MAX_DEPTH`` are not kept as such: their
paragraphs, code and tables follow one another in the deepest kept container.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from bantin.model import (
    Block,
    Cell,
    CodeBlock,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    SectionBreak,
    Table,
    Text,
    auto_align,
    plain,
    text_of,
)
from bantin.source import fragment
from bantin.source.markdown import inline, parse
from bantin.source.reader import Context
from bantin.source.rules.alt_text import alt_text
from bantin.source.rules.caption import credited

_ATTRIBUTION = re.compile(r"(?:—|―|--)\s*(\S.*)", re.S)
_ATTRIBUTION_WORDS = 15
_CONTAINERS = ("bullet_list", "ordered_list", "blockquote")


def attribution(text: str) -> str | None:
    """The name in an attribution line ("— Giám đốc Sở Du lịch"); None for anything
    else, such as a line of dialogue ("— Tôi về quê thôi!"): a name does not end a
    sentence."""
    m = _ATTRIBUTION.fullmatch(text.strip())
    if m is None:
        return None
    name = " ".join(m.group(1).split())
    if len(name.split()) > _ATTRIBUTION_WORDS or name.endswith((".", "!", "?", "…", ":")) or ". " in name:
        return None
    return name


class Builder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def blocks(self, nodes: list[Any], depth: int) -> list[Block]:
        out: list[Block] = []
        i = 0
        while i < len(nodes):
            node = nodes[i]
            kind = node.type
            if kind == "paragraph":
                parts = inline.items(_tokens(node))
                # A picture on a line of its own is a figure; the lines under it that
                # are not its caption go on as a paragraph (which may open with one).
                while (lone := inline.lone_picture(parts)) is not None:
                    caption = lone.caption
                    if caption is None and not lone.after and i + 1 < len(nodes) and nodes[i + 1].type == "paragraph":
                        caption = inline.caption_of(inline.items(_tokens(nodes[i + 1])))
                        i += 1 if caption is not None else 0
                    # A caption line written under it, else its title ("![…](x.png "Cầu
                    # Rồng. Ảnh: T.L.")", helper-78: lost beside an alt text), else its
                    # description, which is the caption too (as pandoc makes it).
                    given = caption or (plain(lone.picture.title) if lone.picture.title.strip() else None)
                    # An alt text that names a file or only counts ("image", "IMG_1234.JPG",
                    # "Untitled") is no caption (helper-155), as the other readers have it.
                    described = alt_text(lone.picture.alt)
                    fig = fragment.figure(lone.picture, given or plain(described), self.ctx)
                    if not fig.caption and described:  # the line under it was only a credit
                        fig = replace(fig, caption=plain(described))
                    alt = credited(lone.picture.alt) if fig.credit is None and lone.picture.alt else None
                    if alt is not None and alt[1] not in text_of(fig.caption):
                        # The title is the caption; the credit was written in the
                        # description only ("![… Ảnh: Nguyễn Hà](x.png "…")", helper-112).
                        fig = replace(fig, credit=alt[1])
                    out.append(fig)
                    parts = list(lone.after)
                text = inline.spans(parts)
                if text:
                    out.append(Paragraph(text))
            elif kind in _CONTAINERS and depth >= fragment.MAX_DEPTH:
                out += self.flat(node, depth)
            elif kind in ("bullet_list", "ordered_list"):
                out += self.listing(node, depth)
            elif kind == "blockquote":
                out += self.quote(node, depth)
            else:
                out += self.leaf(node, depth)
            i += 1
        return out

    def leaf(self, node: Any, depth: int) -> list[Block]:
        kind = node.type
        if kind == "heading":
            text = inline.text(_tokens(node))
            return [Heading(text, int(node.tag[1:]))] if text else []
        if kind in ("fence", "code_block"):
            lines = node.content.expandtabs(4).rstrip("\n").split("\n")
            info = (node.info or "").split()
            return [CodeBlock(tuple(lines), info[0] if info else None)]
        if kind == "html_block":
            return fragment.blocks(node.content, self.ctx, depth)
        if kind == "table":
            return self.table(node)
        if kind == "hr":
            return [SectionBreak()]
        if kind in ("front_matter", "footnote_block"):
            return []  # the article's metadata and notes, read apart
        return self.flat(node, depth)  # anything a plug-in adds: its words at least

    def flat(self, node: Any, depth: int) -> list[Block]:
        """A container too deep to keep, or a node of a kind the model has not: its
        blocks one after another."""
        if node.type == "inline":
            text = inline.text(parse.inline(node))
            return [Paragraph(text)] if text else []
        return self.blocks(list(_leaves(node)), depth)

    def listing(self, node: Any, depth: int) -> list[Block]:
        items = tuple(ListItem(tuple(self.blocks(item.children, depth + 1))) for item in node.children)
        if not items:
            return []
        if node.type == "bullet_list":
            return [ListBlock(items)]
        start = node.attrs.get("start", 1)
        marker = node.children[0].markup if node.children else "."
        return [ListBlock(items, True, False, int(start) if isinstance(start, int) else 1, "decimal",
                          ")" if marker == ")" else ".")]

    def quote(self, node: Any, depth: int) -> list[Block]:
        children = list(node.children)
        said = None
        if len(children) > 0 and children[-1].type == "paragraph":
            parts = inline.items(_tokens(children[-1]))
            breaks = [k for k, p in enumerate(parts) if isinstance(p, inline.Break)]
            tail = parts[breaks[-1] + 1:] if breaks else parts
            said = attribution(text_of(inline.spans(tail)))
            if said is not None and (breaks or len(children) > 1):
                blocks = self.blocks(children[:-1], depth + 1)
                if breaks:
                    blocks.append(Paragraph(inline.spans(parts[:breaks[-1]])))
                return [Quote(tuple(blocks), said)]
        blocks = self.blocks(children, depth + 1)
        return [Quote(tuple(blocks))] if blocks else []

    def table(self, node: Any) -> list[Block]:
        rows: list[tuple[Cell, ...]] = []
        header_rows = 0
        align: list[str] = []
        for section in node.children:
            for tr in section.children:
                cells = []
                for cell in tr.children:
                    text: Text = inline.text(_tokens(cell))
                    cells.append(Cell((Paragraph(text),) if text else ()))
                    if section.type == "thead":
                        style = str(cell.attrs.get("style") or "")
                        align.append("right" if "right" in style else "center" if "center" in style else "")
                rows.append(tuple(cells))
                header_rows += section.type == "thead"
        if not rows:
            return []
        grid = tuple(rows)
        auto = auto_align(grid, header_rows)
        final = tuple(a or auto[k] for k, a in enumerate(align)) if len(align) == len(auto) else auto
        return [Table(grid, header_rows, (), final)]


def _tokens(node: Any) -> list[Any]:
    """The inline tokens of a paragraph, heading or table cell."""
    for child in node.children:
        if child.type == "inline":
            return parse.inline(child)
    return []


def _leaves(node: Any) -> Iterator[Any]:
    """The blocks inside ``node`` that are not lists, items or quotes, in order."""
    stack = list(reversed(node.children))
    while stack:
        n = stack.pop()
        if n.type in _CONTAINERS or n.type == "list_item":
            stack.extend(reversed(n.children))
        else:
            yield n


def notes(tree: Any, orphans: list[Any], builder: Builder) -> list[tuple[int, tuple[Block, ...]]]:
    """The footnotes, numbered as their references are, then the trees of those
    nothing refers to."""
    out: list[tuple[int, tuple[Block, ...]]] = []
    for node in tree.children:
        if node.type == "footnote_block":
            for note in node.children:
                number = int(note.meta.get("id", len(out))) + 1
                out.append((number, tuple(builder.blocks(note.children, 1))))
    for subtree in orphans:
        out.append((len(out) + 1, tuple(builder.blocks(subtree.children, 1))))
    return out
