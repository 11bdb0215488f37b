"""A page's loose runs of text made paragraphs, and its bare spaces kept, before
trafilatura reads it.

Two things a browser shows that trafilatura loses (helper-139):

- **Text beside a block in one box.** ``<div><table>…</table>Lý do là tôi thích
  <b>phố cổ </b>hơn cả.</div>``: a browser sets the loose text as a paragraph
  of its own (CSS's anonymous block box). trafilatura took the text after the
  block as a paragraph, then each bold or italic run as another, and dropped the
  spaces between them ("phố cổhơn cả"); after a ``<figure>`` it lost the
  opening words. Each such run of text and inline elements is wrapped in a box
  of its own here, as the browser lays it out, and parted at its blank lines
  (``_wrap_runs``). A box that holds only text and inline elements is left
  alone: trafilatura reads it whole.
- **A space alone in bold or italic.** ``Bộ Giao thông<strong> </strong>vận
  tải``, as editors leave them: trafilatura drops the element with its space
  ("Giao thôngvận tải"). The space is put in its place.
"""

from __future__ import annotations

from typing import Any

from bantin.source.html import breaks

# What a browser lays out as a block: a run of loose text beside one is a paragraph.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "menu", "summary"})
# Boxes whose loose text is read as a paragraph when they also hold a block. Not a
# <p> or a heading (the parser closes them before a block) nor a cell, an item or a
# caption: those are read whole already, their text with their blocks.
_BOXES = frozenset({"div", "article", "section", "main", "body", "center", "header", "footer", "aside"})
SENTENCE = 10  # words of a run that make it prose, not a label or a figure
_TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "dl", "hr"})
# Inline formatting whose bare space is a space between words.
_FORMATTING = frozenset({"b", "strong", "i", "em", "u", "font", "span", "small", "big", "mark", "s", "strike", "a"})


def prepare(page: Any) -> None:
    for el in reversed(list(page.iter(*_FORMATTING))):  # innermost first: "<b><i> </i></b>" goes whole
        _bare_space(el)
    for box in list(page.iter(*_BOXES)):
        if any(isinstance(c.tag, str) and c.tag.lower() in BLOCKS for c in box):
            _wrap_runs(box)


def _bare_space(el: Any) -> None:
    """An element that holds only whitespace (and no element) replaced by one space."""
    if len(el) or (el.text or "").strip() or not el.text or el.getparent() is None:
        return
    parent, before = el.getparent(), el.getprevious()
    space = " " + (el.tail or "")
    if before is not None:
        before.tail = (before.tail or "") + space
    else:
        parent.text = (parent.text or "") + space
    parent.remove(el)


def _wrap_runs(box: Any) -> None:
    """Each run of the box's loose text and inline elements, between its blocks,
    that trafilatura would break up, in a box of its own."""
    # Each run: the block it follows (None: the box's start), its text, its elements.
    runs: list[tuple[Any, str | None, list[Any]]] = [(None, box.text, [])]
    for child in box:
        if isinstance(child.tag, str) and child.tag.lower() in BLOCKS:
            runs.append((child, child.tail, []))
        else:
            runs[-1][2].append(child)
    # A <p> in a box of paragraphs, else a <div>, which trafilatura reads whole.
    # (Paragraphs in a box of boxes made trafilatura's first pass look enough, and a
    # blog lost the third of its words its second pass finds; a <div> among
    # paragraphs it dropped, with all that followed.)
    tag = "p" if any(c.tag == "p" for c in box) else "div"
    for after, text, elements in runs:
        if not _broken_up(after, text, elements):
            continue
        run = box.makeelement(tag, {})
        run.text = text
        if after is None:
            box.text = None
            box.insert(0, run)
        else:
            after.tail = None
            after.addnext(run)
        for el in elements:
            run.append(el)  # moves it, with its tail
        # Its blank lines part paragraphs, as in a <p> (``breaks.parted``): read whole,
        # a body typed as text with "<br><br>" beside its picture was one paragraph.
        breaks.parted(run)


def _broken_up(after: Any, text: str | None, elements: list[Any]) -> bool:
    """Whether trafilatura would break the run up: loose words of a sentence's
    worth, with bold, italic or a link among them, or after a box, a picture or a
    table (whose next words it lost). Plain words after a paragraph, a heading or
    a list it reads well; a link or a bold line alone beside a block (a teaser's
    headline over its summary) and a figure's "53,82 g" are left as they are:
    trafilatura weighs the whole page anew when its boxes change, and a recipe
    lost its tables."""
    loose = (text or "") + " ".join(el.tail or "" for el in elements)
    inline = [t for el in elements if isinstance(el.tag, str) and el.tag != "br" for t in el.itertext() if t.strip()]
    if not loose.strip() or len(" ".join([loose, *inline]).split()) < SENTENCE:
        return False
    return bool(inline) or (after is not None and after.tag.lower() not in _TEXT_BLOCKS)

