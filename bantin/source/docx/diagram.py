"""A SmartArt diagram's words, as the list they are.

Word keeps a SmartArt's text in its data part (word/diagrams/dataN.xml), not in
the document: a tree of points joined by connections. The layout (a pyramid, a
cycle, an org chart) is drawing; the words are the document's, and were lost
without a word before (helper-134). They become a list, nested as the tree is,
each node's text one item, in the order the connections give.

A diagram that Word also saved as a picture (the fallback branch of an
mc:AlternateContent) is read as that picture and never reaches here.
"""

from __future__ import annotations

from typing import Any

from bantin.model import ListBlock, ListItem, Paragraph, Span
from bantin.source.docx.inline import DGM, A
from bantin.source.docx.package import Package, R

MAX_DEPTH = 8  # deeper than any diagram Word lays out; a loop of connections stops here
CONTENT = frozenset({"node", "asst"})  # the points that hold words; the rest are layout


def read(package: Package, part: str, rel_ids: Any) -> ListBlock | None:
    """The list a ``dgm:relIds`` element's data part holds, or None when it holds
    no words (or the part is missing: the diagram is then only a drawing)."""
    rel = package.rels(part).get(rel_ids.get(R + "dm") or "")
    if rel is None or rel.external:
        return None
    root = package.xml(rel.target)
    if root is None:
        return None
    kinds: dict[str, str] = {}
    words: dict[str, str] = {}
    for pt in root.iter(DGM + "pt"):
        key = pt.get("modelId") or ""
        kinds[key] = pt.get("type") or "node"
        words[key] = _text(pt.find(DGM + "t"))
    children: dict[str, list[tuple[int, str]]] = {}
    for cxn in root.iter(DGM + "cxn"):
        if (cxn.get("type") or "parOf") == "parOf":
            children.setdefault(cxn.get("srcId") or "", []).append((_int(cxn.get("srcOrd")), cxn.get("destId") or ""))
    top = next((k for k, kind in kinds.items() if kind == "doc"), None)
    if top is None:
        return None
    items = _items(top, kinds, words, children, 0)
    return ListBlock(tuple(items)) if items else None


def _items(key: str, kinds: dict[str, str], words: dict[str, str], children: dict[str, list[tuple[int, str]]],
           depth: int) -> list[ListItem]:
    out: list[ListItem] = []
    if depth >= MAX_DEPTH:
        return out
    for _, child in sorted(children.get(key, ())):
        if kinds.get(child) not in CONTENT:
            continue
        below = _items(child, kinds, words, children, depth + 1)
        text = words.get(child, "")
        if not text:
            out.extend(below)  # a node with no words of its own: its children take its place
            continue
        blocks: tuple[Any, ...] = (Paragraph((Span(text),)),)
        out.append(ListItem(blocks + ((ListBlock(tuple(below)),) if below else ())))
    return out


def _text(t: Any) -> str:
    """A point's words: its paragraphs, each a line, joined by a space."""
    if t is None:
        return ""
    lines = ("".join(x.text or "" for x in p.iter(A + "t")) for p in t.iter(A + "p"))
    return " ".join(" ".join(line.split()) for line in lines if line.strip())


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
