"""A page's loose runs of text made paragraphs, and its bare spaces kept, before
trafilatura reads it.

What a browser shows that trafilatura loses (helper-139, helper-153):

- **Text beside a block in one box.** ``<div><table>…</table>Lý do là tôi thích
  <b>phố cổ </b>hơn cả.</div>``: a browser sets the loose text as a paragraph
  of its own (CSS's anonymous block box). trafilatura took the text after the
  block as a paragraph, then each bold or italic run as another, and dropped the
  spaces between them ("phố cổhơn cả"); after a ``<figure>`` it lost the
  opening words. Each such run of text and inline elements is wrapped in a box
  of its own here, as the browser lays it out, and parted at its blank lines
  (``_wrap_runs``). A box that holds only text and inline elements is left
  alone: trafilatura reads it whole; where its text touches a block, a space
  keeps the words apart (``_spaced``).
- **A space alone in bold or italic.** ``Bộ Giao thông<strong> </strong>vận
  tải``, as editors leave them: trafilatura drops the element with its space
  ("Giao thôngvận tải"). The space is put in its place.
- **A space at an inline element's edge** (``keep_spaces``): between two links,
  or after a link that ends a bold ("<strong><a>Nghị định 168</a> </strong>quy
  định" came out "168quy định").
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
        if any(_block(c) for c in box):
            _spaced(box)
            _wrap_runs(box)


def _block(el: Any) -> bool:
    return isinstance(el.tag, str) and el.tag.lower() in BLOCKS


def _spaced(box: Any) -> None:
    """A space where loose text touches a block in the box: trafilatura reads the
    run it leaves whole with the block's words, and ran them together
    ("phố đi bộ<div>Theo kế hoạch …</div>Người dân" came out "phố đi bộTheo",
    "19hNgười", helper-153), where a browser parts them by a line."""
    for child in box:
        if not _block(child):
            continue
        before = child.getprevious()
        if before is None:
            if box.text and not box.text[-1].isspace():
                box.text += " "
        elif not _block(before) and not (before.tail or "")[-1:].isspace():
            before.tail = (before.tail or "") + " "
        if child.tail and not child.tail[0].isspace():
            child.tail = " " + child.tail


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
        if _block(child):
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


# What trafilatura reads as inline, whose spaces it may drop.
_INLINE = ("a", "b", "strong", "em", "i", "span", "u", "small", "mark")


def keep_spaces(page: Any) -> None:
    """trafilatura drops the lone space between two inline elements
    ("<a>Jair</a> <a>Bolsonaro</a>" came out "JairBolsonaro"), and the space that
    ends the text after a block before an inline element (a tweet's
    "<p>…</p>— Reuters (@Reuters) <a>May 2, 2024</a>" came out "(@Reuters)May 2"):
    move it into the inline element, where it survives. The space after the last
    element inside a bold or a link goes out after it, the innermost first, so
    that it leaves every element it ends."""
    for el in reversed(list(page.iter())):
        tail, nxt = el.tail, el.getnext()
        parent = el.getparent()
        if tail and not tail.strip() and nxt is None and parent is not None and parent.tag in _INLINE:
            # The space after the last element inside a bold or a link
            # ("<strong><a>Nghị định 168</a> </strong>quy định" came out
            # "168quy định", helper-153): it goes out after the bold, where it
            # parts the same words.
            el.tail = None
            if not (parent.tail or "")[:1].isspace():
                parent.tail = " " + (parent.tail or "")
            continue
        if not tail or not tail[-1].isspace() or nxt is None or nxt.tag not in _INLINE:
            continue
        if el.tag in _INLINE and not tail.strip():
            el.tail = None
        elif el.tag not in _INLINE and isinstance(el.tag, str):
            el.tail = tail.rstrip()
        else:
            continue
        nxt.text = " " + (nxt.text or "").lstrip()
