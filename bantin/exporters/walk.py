"""One walk of the model for every writer.

The order of an article (masthead, title, lede, blocks, byline, source notes) and
of a briefing (cover, contents, articles) lives here once. A writer subclasses
``Walker`` and implements one ``visit_<block>`` method per block type, named after
the block's class in lower case (``visit_paragraph``, ``visit_figure``). A block
with no method is an ``ExportError`` naming its type, never a silent drop: compare
docutils' ``NodeVisitor.unknown_visit``.
"""

from __future__ import annotations

from bantin.errors import ExportError
from bantin.exporters._shared import footer_lines, group_label, meta_line
from bantin.model import Article, Block, Briefing, Document, Text


class Walker:
    format = "?"  # names the format in messages

    def walk(self, doc: Document) -> None:
        if isinstance(doc, Briefing) and doc.kind == "digest":
            self.digest(doc)
        elif isinstance(doc, Briefing):
            self.cover(doc)
            self.contents(doc)
            for n, a in enumerate(doc.articles, 1):
                self.start_article(a, n)
                self.article(a, 1)
        else:
            self.start_article(doc, 0)
            self.article(doc, 0)

    def digest(self, b: Briefing) -> None:
        """The điểm báo: its header, then one numbered entry per article, with a
        group heading wherever the group changes (``--group-by``)."""
        self.digest_header(b)
        last = None
        for n, a in enumerate(b.articles, 1):
            label = group_label(a, b.group_by)
            if b.group_by and label != last:
                self.group(label)
                last = label
            self.entry(a, n)

    def article(self, a: Article, depth: int) -> None:
        """``depth`` is 0 for an article on its own, 1 inside a briefing."""
        meta = meta_line(a)
        if meta:
            self.masthead(meta, a)
        self.title(a, depth)
        if a.lede:
            self.lede(a.lede)
        for b in a.blocks:
            self.block(b, depth)
        if a.byline:
            self.byline(a.byline)
        notes = footer_lines(a)
        if notes:
            self.notes(notes)
        self.end_article(a)

    def block(self, b: Block, depth: int) -> None:
        method = getattr(self, f"visit_{type(b).__name__.lower()}", None)
        if method is None:
            self.unknown_visit(b)
        else:
            method(b, depth)

    def unknown_visit(self, b: object) -> None:
        raise ExportError(f"the {self.format} writer has no way to write a {type(b).__name__} block")

    # The skeleton's parts. Each writer implements all of them; the few with an
    # empty default are ones some formats have nothing to do for.

    def start_article(self, a: Article, n: int) -> None:
        """Before article ``n`` of a briefing (1, 2, …), or 0 for a lone article."""

    def end_article(self, a: Article) -> None:
        """After the article's notes."""

    def cover(self, b: Briefing) -> None:
        raise NotImplementedError

    def contents(self, b: Briefing) -> None:
        raise NotImplementedError

    def masthead(self, text: str, a: Article) -> None:
        raise NotImplementedError

    def title(self, a: Article, depth: int) -> None:
        raise NotImplementedError

    def lede(self, text: str) -> None:
        raise NotImplementedError

    def byline(self, text: str) -> None:
        raise NotImplementedError

    def notes(self, lines: list[Text]) -> None:
        raise NotImplementedError

    def digest_header(self, b: Briefing) -> None:
        raise NotImplementedError

    def group(self, label: str) -> None:
        raise NotImplementedError

    def entry(self, a: Article, n: int) -> None:
        """Entry ``n`` of a digest: title, source line, lede and its points (the
        article's one ListBlock)."""
        raise NotImplementedError
