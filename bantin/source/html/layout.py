"""Tables that lay a page out, made the boxes they are before trafilatura reads it.

Old portals and CMSs set a page in tables: a menu column beside the article's
column, the article in a one-cell table with a border. trafilatura keeps such a
table as a table, so the article came out as a table's cells, the menu's links
in them and a paragraph out of its place (helper-134). A table is a layout, not
a table of the article, when
- it has a single cell (a box);
- one of its data cells holds the page's headline (``<h1>``);
- it holds a table and a paragraph of prose (``graft`` too takes a table in a
  table for the page's).
A table of tasks whose cells hold paragraphs, or one headed by ``<h2>``s, stays
a table: unwrapped, its short cells (the numbers, the bodies in charge, the
deadlines) were dropped by trafilatura as the page's furniture (helper-136).
Its cells become ``<div>``s, row by row, in their order; its caption, if any,
a ``<div>`` before them.

A bare page writes its article straight in ``<body>`` (an old static page, an
e-book's chapter saved as a page). trafilatura takes the lists and subheadings
there for the page's furniture and drops them (helper-142: the five lessons of an
article, its "UBND thị xã nói gì?"); such a body is wrapped in the ``<article>``
it is.
"""

from __future__ import annotations

from typing import Any

PROSE = 20  # words of a paragraph of prose: a table's cell of data is shorter


def prepare(page: Any) -> None:
    """The page's layout tables unwrapped, and a bare body made its article."""
    unwrapped(page)
    bodied(page)


def unwrapped(page: Any) -> None:
    """Every layout table of the page replaced by its cells as boxes. The tables
    inside one are looked at in their turn, once their outer table is gone."""
    for table in list(page.iter("table")):
        if table.getparent() is not None and _layout(table):
            _unwrap(table)


def _cells(table: Any) -> list[Any]:
    return list(table.xpath("./tr/td|./tr/th|./*/tr/td|./*/tr/th"))


def _layout(table: Any) -> bool:
    cells = _cells(table)
    if len(cells) == 1 or any(cell.tag == "td" and cell.xpath(".//h1") for cell in cells):
        return True
    # A table in a table: a page's columns, when they hold prose; a wiki's table of
    # data may hold tables of icons in its cells, and stays one.
    return bool(table.xpath(".//table")) and any(
        len(p.text_content().split()) >= PROSE for cell in cells for p in cell.iter("p"))


def _unwrap(table: Any) -> None:
    box = table.makeelement("div", {})
    for caption in table.iterfind("caption"):
        _moved(caption, box)
    for cell in _cells(table):
        _moved(cell, box)
    box.tail, table.tail = table.tail, None
    table.getparent().replace(table, box)


def _moved(el: Any, box: Any) -> None:
    """``el``'s content appended to ``box`` as a ``<div>`` of its own."""
    div = el.makeelement("div", {k: v for k, v in el.attrib.items() if k in ("class", "id")})
    div.text = el.text
    for child in list(el):
        div.append(child)
    box.append(div)


def bodied(page: Any) -> None:
    """The body wrapped in an ``<article>`` when it holds the article's paragraphs
    itself, and the page marks no article or main part of its own."""
    body = next(page.iter("body"), None)
    if body is None or next(page.iter("article", "main"), None) is not None:
        return
    if sum(1 for p in body.iterchildren("p") if len(p.text_content().split()) >= PROSE) < 2:
        return
    enclose(body, "article")


def enclose(el: Any, tag: str) -> None:
    """Everything ``el`` holds moved into one new child ``<tag>``."""
    inner = el.makeelement(tag, {})
    inner.text, el.text = el.text, None
    for child in list(el):
        inner.append(child)
    el.append(inner)
