"""Lists in the DOCX: items numbered by Word (``numbering``), nested by level, an
item's further blocks set at its text."""

from __future__ import annotations

from bantin.exporters.docx.fields import ppr_put
from bantin.exporters.docx.numbering import LEVELS, numbered, text_indent
from bantin.exporters.docx.writer import Writer
from bantin.model import ListBlock, Paragraph

CONTINUE = ("List Continue", "List Continue 2", "List Continue 3", "List Continue 4", "List Continue 5")


def continue_style(level: int) -> str:
    """The named style of an item's second paragraph at ``level``: set at the
    item's text, without a number."""
    return CONTINUE[min(level, len(CONTINUE) - 1)]


def list_block(w: Writer, b: ListBlock, depth: int) -> None:
    if b.numbered_in_text:
        # The items carry their ordinals in their words ("Thứ nhất, …"): plain
        # "List Paragraph" paragraphs, never numbered a second time; a list under
        # an item ("a) …" under "1. …") indented a step under it (helper-120).
        for item in b.items:
            for n, block in enumerate(item.blocks):
                if n == 0 and isinstance(block, Paragraph):
                    p = w.para(block.text, "own_item")
                    if w.list_level >= 0:
                        ppr = p.find(w.qn("w:pPr"))
                        ppr_put(ppr, w.el("w:ind", {"w:left": str(text_indent(w.numbering.item, w.list_level))}))
                elif isinstance(block, ListBlock):
                    saved, w.list_level = w.list_level, min(w.list_level + 1, LEVELS - 1)
                    try:
                        w.block(block, depth)
                    finally:
                        w.list_level = saved
                else:
                    w.block(block, depth)
        return
    level = min(w.list_level + 1, LEVELS - 1)
    num = w.numbering.new(b, level)
    style = "List Number" if b.ordered else "List Bullet"
    saved, w.list_level = w.list_level, level
    try:
        for item in b.items:
            blocks = item.blocks
            first = blocks[0] if blocks else None
            if isinstance(first, Paragraph):
                numbered(w.para(first.text, "item", style), num, level)
                blocks = blocks[1:]
            else:  # an item that opens with a nested list or code: its number on a line of its own
                numbered(w._p("item", style), num, level)
            for block in blocks:
                w.block(block, depth)
    finally:
        w.list_level = saved
