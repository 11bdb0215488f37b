"""Word's numbered paragraphs to nested lists.

Items nest by level (w:ilvl) inside one list. Across lists, Word has only the
indent to say how deep an item sits: its built-in "List Bullet 2" and "List
Number 2" styles are lists of their own at level 0, set one step further in, and
a reader sees their items under the item above. So an item of another list
indented past the open one's items goes inside its last item, and one back at an
indent met before closes the deeper lists. A list keeps the number it starts at,
so a list that goes on after a paragraph starts at 4, and a label the model cannot
say ("1.2.", "(a)", "Điều 3.") stays in the item's text.

Items typed with their own ordinals ("1.", "a)") in no Word numbering nest by
their indent alone (``nest``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bantin.model import Block, ListBlock, ListItem, Paragraph, Span, Text
from bantin.source.docx.numbering import NumItem

# Twips an indent may differ by and still be the same depth: a tenth of an inch.
INDENT_SLACK = 144


@dataclass
class _List:
    level: int
    key: str
    ordered: bool
    numbering: str
    delimiter: str
    start: int
    in_text: bool
    indent: int  # its items' left indent in twips; 0 when Word gives none
    items: list[list[Block]] = field(default_factory=list)

    def block(self) -> ListBlock:
        return ListBlock(tuple(ListItem(tuple(b)) for b in self.items), self.ordered, self.in_text, self.start,
                         self.numbering if self.ordered else "decimal", self.delimiter if self.ordered else ".")

    def holds(self, num: NumItem, indent: int) -> bool:
        """Does the item sit deeper than this list's items (inside its last one)?"""
        if num.key == self.key or not (indent and self.indent):
            return num.level > self.level
        return indent > self.indent + INDENT_SLACK

    def inside(self, num: NumItem, indent: int) -> bool:
        """Does the item sit shallower than this list's items, which it closes?"""
        if num.key == self.key or not (indent and self.indent):
            return num.level < self.level
        return indent < self.indent - INDENT_SLACK


class Lists:
    """The lists open, innermost last; a finished outermost list goes to ``out``."""

    def __init__(self, out: list[Block]) -> None:
        self.out = out
        self.open: list[_List] = []

    def __bool__(self) -> bool:
        return bool(self.open)

    def item(self, num: NumItem, spans: Text, indent: int) -> None:
        while self.open and self.open[-1].inside(num, indent):
            self.pop()
        top = self.open[-1] if self.open else None
        in_text = num.label is not None
        if top is not None and not top.holds(num, indent) and (
                num.restart or top.key != num.key or top.ordered != num.ordered or top.in_text != in_text
                or (num.ordered and not in_text and top.numbering != num.numbering)):
            self.pop()
            top = self.open[-1] if self.open else None
        if top is None or top.holds(num, indent):
            self.open.append(_List(num.level, num.key, num.ordered, num.numbering, num.delimiter,
                                   num.value if num.ordered and not in_text else 1, in_text, indent))
        if in_text:
            spans = (Span(f"{num.label} "), *spans)
        self.open[-1].items.append([Paragraph(spans)])

    def more(self, spans: Text) -> None:
        """A further paragraph of the open item."""
        self.open[-1].items[-1].append(Paragraph(spans))

    def pop(self) -> None:
        done = self.open.pop().block()
        if self.open and self.open[-1].items:
            self.open[-1].items[-1].append(done)
        else:
            self.out.append(done)

    def close(self) -> None:
        while self.open:
            self.pop()


def nest(lb: ListBlock, depth: int, item: ListItem) -> ListBlock:
    """The list with ``item`` added ``depth`` levels down, in the last item's own
    list of items typed with their ordinals (opened if it has none)."""
    if depth == 0 or not lb.items:
        return replace(lb, items=(*lb.items, item))
    last = lb.items[-1]
    inner = last.blocks[-1] if last.blocks else None
    if isinstance(inner, ListBlock) and inner.numbered_in_text:
        blocks = (*last.blocks[:-1], nest(inner, depth - 1, item))
    else:
        blocks = (*last.blocks, ListBlock((item,), ordered=True, numbered_in_text=True))
    return replace(lb, items=(*lb.items[:-1], replace(last, blocks=blocks)))
