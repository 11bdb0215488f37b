"""bantin's own bundle, revised in Word and read back as the briefing it was.

``bantin export --bundle -f docx`` writes a cover ("Cover Title", "Cover Meta"),
a contents page ("Contents Heading", "TOC 1" lines with their page numbers) and
each article under a "Heading 1" title, its sections one level down, a
"Masthead" line just above its title. Read as one article, the cover's lines
ran into the title, the contents became body text with stale page numbers and
every article's lede, byline and masthead became paragraphs (helper-74). Here
the cover gives the briefing's title, the contents go, and each title opens an
article whose own headings rise back by one level.
"""

from __future__ import annotations

from dataclasses import replace

from bantin.source.docx.body import Item, Para

_PASSED = ("cover_meta", "contents")  # the cover's count line and the contents page: made again on export


def split(items: list[Item]) -> tuple[str, list[list[Item]]] | None:
    """The briefing's title and each article's items, when ``items`` are those of
    a bantin bundle (a paragraph in "Cover Title"); None otherwise."""
    covers = [it for it in items if isinstance(it, Para) and it.role == "cover_title" and it.text]
    if not covers:
        return None
    chunks: list[list[Item]] = []
    pending: list[Item] = []  # a masthead line waits for the title under it
    for it in items:
        if isinstance(it, Para) and (it.role == "cover_title" or it.role in _PASSED):
            continue
        if isinstance(it, Para) and it.role == "masthead":
            pending.append(it)
            continue
        if isinstance(it, Para) and it.role == "heading" and it.level == 1 and it.text:
            chunks.append([*pending, replace(it, role="title", level=0)])
        elif chunks:
            chunks[-1] += [*pending, _risen(it)]
        elif isinstance(it, Para) and not it.text:
            continue  # the page break before the first article
        else:
            chunks.append([*pending, _risen(it)])  # words before any title still belong to an article
        pending = []
    if pending and chunks:
        chunks[-1] += pending
    return " ".join(covers[0].text.split()), [c for c in chunks if c]


def _risen(it: Item) -> Item:
    """A heading of an article one level up: its sections were written under its title."""
    if isinstance(it, Para) and it.role == "heading" and it.level > 1:
        return replace(it, level=it.level - 1)
    return it


def ordinary(items: list[Item]) -> list[Item]:
    """The items of any other Word file, its contents lines ("TOC 1") and cover
    lines read as the paragraphs they were before bundles were read back."""
    roles = ("cover_title", *_PASSED)
    return [replace(it, role="body") if isinstance(it, Para) and it.role in roles else it for it in items]
