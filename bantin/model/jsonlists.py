"""Lists in canonical JSON: nested lists written as levels.

A nested list is written the way a word processor stores one: its items go on in
the same ``items`` array as its parent's, each with its ``level`` (1 under the top
list, 2 under that), and the first item of a sublist carries the sublist's
``list`` properties (ordered, start, numbering…). A program written for version 2,
which reads every item as a text, then sees "foo", "bar", "baz" as three items in
their order, as pandoc and a reader do, rather than one item holding the others.
An item that holds anything else (two paragraphs, code, a quote) is written with
its blocks (``jsonform``). Reading rebuilds the nesting from the levels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bantin.model.blocks import NUMBERINGS, Block, ListBlock, ListItem, Paragraph

ContainerOut = Callable[[tuple[Block, ...], dict[str, Any] | None], Any]
ContainerIn = Callable[[Any, int], tuple[Block, ...]]


def props(b: ListBlock) -> dict[str, Any]:
    """A list's properties, the defaults left out."""
    out: dict[str, Any] = {"ordered": b.ordered, "numbered_in_text": b.numbered_in_text}
    if b.start != 1:
        out["start"] = b.start
    if b.numbering != "decimal":
        out["numbering"] = b.numbering
    if b.delimiter != ".":
        out["delimiter"] = b.delimiter
    return out


def items_out(b: ListBlock, container: ContainerOut, level: int = 0) -> list[Any]:
    out: list[Any] = []
    for n, item in enumerate(b.items):
        blocks = item.blocks
        # An item that is a paragraph and the lists under it: the lists go on as levels.
        hoisted = len(blocks) > 1 and isinstance(blocks[0], Paragraph) and all(
            isinstance(x, ListBlock) for x in blocks[1:])
        head = blocks[:1] if hoisted else blocks
        extra: dict[str, Any] = {}
        if level:
            extra["level"] = level
            if n == 0:
                extra["list"] = props(b)
        out.append(container(head, extra or None))
        if hoisted:
            for sub in blocks[1:]:
                assert isinstance(sub, ListBlock)
                out += items_out(sub, container, level + 1)
    return out


@dataclass
class _Open:
    """A list being rebuilt: its level, its properties and its items' blocks."""

    level: int
    props: dict[str, Any]
    items: list[list[Block]] = field(default_factory=list)

    def close(self) -> ListBlock:
        p = self.props
        numbering = p.get("numbering", "decimal")
        start = p.get("start", 1)
        if numbering not in NUMBERINGS:
            raise ValueError(f"numbering must be one of {', '.join(NUMBERINGS)}, not {numbering!r}")
        if not isinstance(start, int) or isinstance(start, bool) or start < 0:
            raise ValueError(f"start must be a whole number, not {start!r}")
        return ListBlock(tuple(ListItem(tuple(blocks)) for blocks in self.items), bool(p.get("ordered", False)),
                         bool(p.get("numbered_in_text", False)), start, numbering, str(p.get("delimiter", ".")))


def _level_of(raw: Any) -> tuple[int, dict[str, Any] | None]:
    obj = raw[0] if isinstance(raw, list) and len(raw) == 1 and isinstance(raw[0], dict) and "blocks" in raw[0] \
        else None
    if obj is None:
        return 0, None
    level = obj.get("level", 0)
    if not isinstance(level, int) or isinstance(level, bool) or level < 0:
        raise ValueError(f"level must be a whole number, not {level!r}")
    sub = obj.get("list")
    if sub is not None and not isinstance(sub, dict):
        raise ValueError("list must be an object of list properties")
    return level, sub


def list_in(d: dict[str, Any], container: ContainerIn, depth: int) -> ListBlock:
    """The list block ``d``, its nesting rebuilt from the items' levels."""
    stack = [_Open(0, d)]

    def close_top() -> None:
        done = stack.pop().close()
        parent = stack[-1]
        if not parent.items:
            parent.items.append([])
        parent.items[-1].append(done)

    for raw in d.get("items", []):
        level, sub = _level_of(raw)
        level = min(level, stack[-1].level + 1)  # a level is never skipped
        while stack[-1].level > level:
            close_top()
        if level > 0 and stack[-1].level == level and sub is not None:
            close_top()  # a second list under the same item
        if stack[-1].level < level:
            stack.append(_Open(level, sub or {}))
        stack[-1].items.append(list(container(raw, depth + level)))
    while len(stack) > 1:
        close_top()
    return stack[0].close()
