"""Markdown text to markdown-it-py's syntax tree.

CommonMark with raw HTML recognised (it goes to the fragment reader, never to
the page as text), GFM tables, strikethrough and task lists, YAML front matter,
footnotes (``mdit_py_plugins``) and pandoc's "$" formulas (``formula``). Two
things markdown-it does silently are undone: past its nesting limit it skips
the rest of a container, and it drops a footnote that nothing refers to. Here,
what sits deeper than ``DEEP`` levels is one paragraph of its text, the list
and quote markers taken off; and footnotes without a reference are kept for the
article's notes. The tree holds blocks only: a paragraph's inline tokens stay a
flat list (``inline``), since a tree of them is as deep as the emphasis marks
nest, and 20,000 of those would exhaust Python's stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bantin.errors import InputError
from bantin.source.markdown import formula

NESTING = 100  # markdown-it's own limit on nested tokens, block and inline
# Table cells, counted as the "|" that part them before anything is parsed: a GFM
# table costs markdown-it and the table's reading some 20 µs a cell, and a 1 MB
# table of 500,000 cells ran past a minute. The HTML reader's limit on blocks.
MAX_CELLS = 30_000
# Link brackets: markdown-it scans for the "]" of every "[" it meets, some 0.1 ms a
# bracket, and 1 MB of "[ " ran 72 s (helper-66). An article has a few hundred.
MAX_BRACKETS = 30_000
DEEP = NESTING - 10  # from this token level on, a container's lines are read as text
_INLINE = "bantin_inline"  # where an inline token's own tokens are kept, out of the tree's sight
_MARKERS = re.compile(r"^[ \t]*(?:(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*)*")


@dataclass
class Parsed:
    tree: Any  # markdown_it.tree.SyntaxTreeNode
    front: str | None = None
    # Footnotes nothing refers to: (label, their block tokens).
    orphans: list[tuple[str, list[Any]]] = field(default_factory=list)


def _deep(state: Any, start: int, end: int, silent: bool) -> bool:
    """Past ``DEEP``, the container's remaining lines as one paragraph of text."""
    if state.level < DEEP:
        return False
    if silent:
        return True
    last = start
    lines: list[str] = []
    while last < end and (state.isEmpty(last) or state.sCount[last] >= state.blkIndent):
        lines.append(_MARKERS.sub("", state.getLines(last, last + 1, state.blkIndent, False)))
        last += 1
    text = "\n".join(x.strip() for x in lines if x.strip())
    state.line = max(last, start + 1)
    if not text:
        return True
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, state.line]
    token = state.push("inline", "", 0)
    token.content, token.map, token.children = text, [start, state.line], []
    state.push("paragraph_close", "p", -1)
    return True


def _keep_orphans(state: Any) -> None:
    """Before the footnote plugin drops them: the footnotes nothing refers to."""
    refs = state.env.get("footnotes", {}).get("refs", {})
    orphans = state.env.setdefault("bantin_orphans", [])
    inside: list[Any] | None = None
    for tok in state.tokens:
        if tok.type == "footnote_reference_open":
            label = tok.meta.get("label", "")
            inside = [] if refs.get(":" + label, -1) < 0 else None
            if inside is not None:
                orphans.append((label, inside))
        elif tok.type == "footnote_reference_close":
            inside = None
        elif inside is not None:
            inside.append(tok)


# A task list's box at an item's start, as GFM and pandoc read it: "[ ]", "[x]" or "[X]" and a space.
_TASK = re.compile(r"\[([ xX])\][ \t]+")
BOXES = {" ": "\u2610", "x": "\u2612", "X": "\u2612"}  # ☐ ☒, as pandoc writes them


def _tasks(state: Any) -> None:
    """A task list's "[ ]" and "[x]" as the boxes ☐ and ☒ a reader sees (helper-156:
    printed as brackets). The text fonts lack them: the style's fallback font draws
    them (Symbola, as for ■ and ★), or the PDF shows [U+2610] with a warning."""
    tokens = state.tokens
    for k in range(len(tokens) - 2):
        if tokens[k].type != "list_item_open" or tokens[k + 1].type != "paragraph_open":
            continue
        first = (tokens[k + 2].children or [None])[0]
        if first is not None and first.type == "text" and (m := _TASK.match(first.content)) is not None:
            first.content = BOXES[m.group(1)] + " " + first.content[m.end():]


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _marks(text: str, mark: str) -> int:
    """The ``mark`` outside fenced code: a log or a shell session in a code block
    holds pipes that part no cells and brackets that open no links. (Not code
    spans nor indented lines: one stray backtick or four spaces would let a hostile
    file's marks through uncounted, and markdown-it reads them as it likes.)"""
    count, fence = 0, ""
    for line in text.splitlines():
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
        elif m:
            fence = m.group(1)
        else:
            count += line.count(mark)
    return count


def _any_link(_url: str) -> bool:
    return True


def parse(text: str, front_matter: bool = True) -> Parsed:
    """The tree of ``text``; ``front_matter=False`` reads an opening "---" block as Markdown."""
    if text.count("|") > MAX_CELLS and _marks(text, "|") > MAX_CELLS:
        raise InputError(f"too large to be an article: more than {MAX_CELLS:,} table cells (\"|\" marks)")
    if text.count("[") > MAX_BRACKETS and _marks(text, "[") > MAX_BRACKETS:
        raise InputError(f"too large to be an article: more than {MAX_BRACKETS:,} \"[\" outside fenced code "
                         "(markdown-it seeks a link's end for each)")
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": NESTING})
    # GFM's "~~strike~~": its words as plain text, as the HTML reader keeps <del> and
    # <s> (the model has no strike mark); unread, the tildes were printed (helper-156).
    md.enable(["table", "strikethrough"]).use(footnote_plugin).use(deflist_plugin)
    # markdown-it leaves a link to javascript:, data: or file: unparsed, so its
    # source ("[bấm](javascript:…)") would be printed as text. Every link is
    # parsed here; the writers follow only safe addresses (exporters.markup) and
    # the sandbox reads only local pictures.
    md.validateLink = _any_link  # type: ignore[method-assign,assignment]
    if front_matter:
        md.use(front_matter_plugin)
    md.block.ruler.before(md.block.ruler.get_all_rules()[0], "bantin_deep", _deep)
    md.core.ruler.before("footnote_tail", "bantin_orphans", _keep_orphans)
    md.core.ruler.after("text_join", "bantin_tasks", _tasks)
    md.inline.ruler.before("escape", "bantin_math", formula.rule)
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    front = next((t.content for t in tokens if t.type == "front_matter"), None)
    return Parsed(SyntaxTreeNode(_blocks_only(tokens)), front, list(env.get("bantin_orphans", [])))


def _blocks_only(tokens: list[Any]) -> list[Any]:
    return [t.copy(children=None, meta={**t.meta, _INLINE: t.children or []}) if t.type == "inline" else t
            for t in tokens]


def subtree(tokens: list[Any]) -> Any:
    """A syntax tree of block tokens (an orphan footnote's)."""
    from markdown_it.tree import SyntaxTreeNode

    return SyntaxTreeNode(_blocks_only(tokens))


def inline(node: Any) -> list[Any]:
    """The flat inline tokens of an ``inline`` node of the tree."""
    return list(node.token.meta.get(_INLINE, ())) if node.token is not None else []
