"""How much one article read from any input may hold.

Each reader bounds its own input before the costly passes (a page's markup and
blocks, a Word file's parts and paragraphs, a Markdown table's cells). This is
the bound they share on what comes out: an article of more than ``MAX_BLOCKS``
paragraphs, headings, list items, table cells and other blocks is refused. A
1,000-page report holds some 30,000; a text of 170,000 one-word lines read as
many paragraphs and took a minute and a half to write in the four formats, and
every writer's time grows with the blocks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bantin.errors import InputError
from bantin.model import Block, Document, ListBlock, Table, articles_of
from bantin.model.blocks import ListItem, Quote

MAX_BLOCKS = 50_000


def _inside(b: Block | ListItem) -> Iterable[Block | ListItem]:
    if isinstance(b, ListBlock):
        return b.items
    if isinstance(b, Table):
        return (block for row in b.rows for cell in row for block in cell.blocks)
    if isinstance(b, (ListItem, Quote)):
        return b.blocks
    return ()


def check(doc: Document) -> None:
    """Raise ``InputError`` for an article of more than ``MAX_BLOCKS`` blocks."""
    for a in articles_of(doc):
        count = 0
        stack: list[Iterator[Block | ListItem]] = [iter((*a.blocks, *(b for n in a.notes for b in n.blocks)))]
        while stack:
            b = next(stack[-1], None)
            if b is None:
                stack.pop()
                continue
            count += 1
            if count > MAX_BLOCKS:
                raise InputError(f"too large to be an article: more than {MAX_BLOCKS:,} paragraphs, headings, list "
                                 "items and table cells")
            stack.append(iter(_inside(b)))
