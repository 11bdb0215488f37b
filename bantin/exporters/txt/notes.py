"""Which mark each note shows, and how many numbers the notes take, found by a
walk over an article's blocks."""

from __future__ import annotations

from bantin.model import Article, Block, Figure, Heading, ListBlock, Paragraph, Quote, Table, Text


def note_marks(a: Article) -> dict[str, str]:
    """Each note's mark, as its first reference in the text shows it."""
    found: dict[str, str] = {}

    def walk(blocks: tuple[Block, ...]) -> None:
        for b in blocks:
            for t in _texts(b):
                for s in t:
                    if s.note is not None:
                        found.setdefault(s.note, s.text)
            for inner in _children(b):
                walk(inner)

    walk(a.blocks)
    for note in a.notes:
        walk(note.blocks)
    return found


def _texts(b: Block) -> list[Text]:
    if isinstance(b, (Paragraph, Heading)):
        return [b.text]
    if isinstance(b, Figure):
        return [b.caption]
    return []


def _children(b: Block) -> list[tuple[Block, ...]]:
    if isinstance(b, ListBlock):
        return [i.blocks for i in b.items]
    if isinstance(b, Quote):
        return [b.blocks]
    if isinstance(b, Table):
        return [c.blocks for r in b.rows for c in r]
    return []


def numbered_notes(a: Article) -> int:
    """How many numbers the notes' marks take: endnotes, counted "i", "ii" (Word's
    own), take none; the links after "[1]" and "[i]" were [3], [4] (helper-122)."""
    return sum(1 for n in a.notes if n.kind != "endnote")
