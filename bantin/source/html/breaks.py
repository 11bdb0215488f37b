"""A page's line breaks: the lines a <br> parts in one element, the paragraphs
that two <br>s in a row part inside one <p>, and a <br> inside bold or italic.

Kept apart from the page's other reading (``page``) because both walk the tree
their own way: the first in document order without recursion (a headline, sapo
or byline read as one line parts the words beside a <br>), the second by
splitting the paragraph element before trafilatura sees it.
"""

from __future__ import annotations

from typing import Any

ARTICLE_WORDS = 40  # a <p> this long that parts itself with blank lines holds paragraphs
# Inline formatting a <br> may sit in. A link is left whole (split, it would be two),
# and so is a <span>, whose class may be what a reader finds it by ("sapo", "author").
_INLINE = frozenset({"b", "strong", "i", "em", "u", "font", "small", "big", "mark", "s", "strike", "sup", "sub",
                     "ins"})


def prepare(page: Any) -> None:
    """The page's breaks made as trafilatura can keep them: every <br> out of the
    bold or italic around it (``lifted``), then each <p> that holds paragraphs
    parted (``parted``)."""
    for br in reversed(list(page.iter("br"))):  # the last first: each split moves what follows once
        lifted(br)
    for para in list(page.iter("p")):
        parted(para)


def lifted(br: Any) -> None:
    """"<strong>UBND TỈNH<br>SỞ Y TẾ</strong>" made "<strong>UBND TỈNH</strong><br>
    <strong>SỞ Y TẾ</strong>": trafilatura reads a <br> inside bold or italic as a
    space (an issuer's two lines, a poem's lines in italics, became one)."""
    while (parent := br.getparent()) is not None and isinstance(parent.tag, str) and parent.tag in _INLINE:
        after = parent.makeelement(parent.tag, dict(parent.attrib))
        after.text, br.tail = br.tail, None
        for sibling in list(br.itersiblings()):
            after.append(sibling)
        tail, parent.tail = parent.tail, None
        parent.addnext(br)
        br.addnext(after)
        after.tail = tail


def lines(el: Any) -> list[str]:
    """The element's text, one string per line that its <br>s part (unsquashed)."""
    out: list[list[str]] = [[]]
    stack: list[tuple[Any, bool]] = [(el, False)]
    while stack:  # document order without recursion: an element, its children, then its tail
        node, tail = stack.pop()
        if tail:
            out[-1].append(node.tail or "")
        elif isinstance(node.tag, str):  # not a comment: no words
            if node.tag.lower() == "br":
                out.append([])
            out[-1].append(node.text or "")
            for child in reversed(node):
                stack += [(child, True), (child, False)]
    return ["".join(x) for x in out]


def parted(para: Any) -> None:
    """A paragraph that parts its paragraphs with blank lines ("…<br><br>…", as
    many CMS write a whole article in one <p>) made the paragraphs it shows; a
    single <br> stays a line break. trafilatura keeps one break of two, and the
    article came out as one paragraph of lines. Only a paragraph of an article's
    length: a signer's block ("HIỆU TRƯỞNG<br><br>(Đã ký)<br><br>Tên") parted so
    left its name for a byline (helper-126)."""
    if len(para.text_content().split()) < ARTICLE_WORDS:
        return
    while True:
        kids = list(para)
        run = next((i for i in range(len(kids) - 1) if _bare_br(kids[i]) and kids[i + 1].tag == "br"), None)
        if run is None:
            return
        end = run
        while end + 1 < len(kids) and kids[end + 1].tag == "br" and (end == run or _bare_br(kids[end])):
            end += 1
        rest = para.makeelement(para.tag, dict(para.attrib))
        rest.text = kids[end].tail
        for kid in kids[end + 1:]:
            rest.append(kid)
        for kid in kids[run:end + 1]:
            para.remove(kid)
        rest.tail, para.tail = para.tail, None
        para.addnext(rest)
        para = rest


def _bare_br(el: Any) -> bool:
    return el.tag == "br" and not (el.tail or "").strip()
