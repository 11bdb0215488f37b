"""One walk of the model for every writer.

The order of an article (masthead, title, lede, blocks, byline, footnotes, source
notes), of a
briefing (cover, contents, articles) and of a digest (header, groups, entries: title,
source line, lede, points) lives here once. A writer subclasses ``Walker`` and
implements the skeleton's hooks and one ``visit_<block>`` method per block type,
named after the block's class in lower case (``visit_paragraph``, ``visit_figure``).
A block with no method, or a hook a writer lacks, is an ``ExportError`` naming the
writer and what it lacks, never a silent drop: compare docutils'
``NodeVisitor.unknown_visit``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NoReturn

from bantin.digest.grouping import group_key, group_label
from bantin.errors import ExportError
from bantin.exporters import administrative
from bantin.exporters.labels import (
    SignatureBlock,
    decree_header,
    footer_lines,
    linked,
    meta_line,
    meta_text,
    signature_block,
    source_line,
    undated,
)
from bantin.model import Article, Block, Briefing, Document, Heading, ListBlock, Paragraph, Text
from bantin.model.labels import by_number, document_type, is_addressee

_STOPS = (".", "!", "?", ":", ";")  # a sentence's end, which a document's summary never has


class Walker:
    format = "?"  # names the format in messages
    decree_layout = False  # the style sets documents as Nghị định 30 does (a writer sets it from its sheet)

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
        block = signature_block(doc)
        if block is not None:
            self.signature(block)

    def article(self, a: Article, depth: int) -> None:
        """``depth`` is 0 for an article on its own, 1 inside a briefing."""
        header = decree_header(a, self.decree_layout) if depth == 0 else None
        parts = administrative.parts(a) if self.decree_layout else {}
        national = [i for i, part in parts.items() if part in ("nation", "motto")] if depth == 0 else []
        if national:  # a paper with no issuer (a đơn, a contract) opens under the national title, centred
            self.national_title()
        meta = meta_line(a, headed=header is not None)  # the block shows the issuer, number, place and date
        if "closing_place" in parts.values():
            meta = undated(meta, a)  # a đơn's own last line dates it, over the signer
        if meta:
            self.masthead(meta, a)
        stamped = [i for i, part in parts.items() if part == "mark"] if header is not None else []
        for i in stamped:  # under the number, above the document's type and title (Nghị định 30)
            if isinstance(mark := a.blocks[i], Paragraph | Heading):
                self.decree_part(mark, "mark")
        stamped += national
        if header is not None and (header.subject or meta_text(a.title) == by_number(a.number)):
            # "V/v …" stands under the number in the header block, and a công văn
            # without one is called by that number, which the block shows.
            self.subject_title(a)
        else:
            self.title(a, depth)
        # "Kính gửi: …" opens a công văn, whatever its title ("CÔNG VĂN" itself is a type).
        if a.lede and self.decree_layout and is_addressee(a.lede):
            self.decree_part(Paragraph(linked(a.lede)), "addressee")
        elif a.lede and self.decree_layout and document_type(a.title) and not a.lede.rstrip().endswith(_STOPS):
            # "BÁO CÁO" / "Kết quả …": the line under a document's type is its summary, which is
            # no sentence ("Hôm nay, tại trụ sở … sau đây." opens a contract's text).
            self.summary(a.lede)
        elif a.lede:
            self.lede(a.lede)
        outline: list[tuple[int, int]] = []  # (level in the source, level shown) of the open sections
        for i, b in enumerate(a.blocks):
            part = parts.get(i)
            if i in stamped:
                continue
            if part == "article" and isinstance(b, Paragraph):
                self.block(administrative.labelled(b), depth)  # "Điều 1." in bold
            elif part == "recipients":
                lines = administrative.recipients(b)  # "- Sở Y tế;" under "Kính gửi:", after its colon
                for k, line in enumerate(lines):  # the last one holds the text off, as a paragraph space would
                    self.decree_part(Paragraph(line), "recipient" if k < len(lines) - 1 else "last_recipient")
            elif part is not None and isinstance(b, Paragraph | Heading):
                self.decree_part(b, part)  # "Căn cứ …;", "QUYẾT ĐỊNH:" and who decides
            elif (signed := self.signed_by(a, i)) is not None:
                self.signature(signed)  # a Word file's own "Nơi nhận" and signer table, as the decree sets it
            else:
                if isinstance(b, Heading):
                    # A page's h1 then h3 leaves a screen reader's "next heading of
                    # level 2" nothing to find: every writer gets the level one under
                    # the section the heading opens in, and siblings stay siblings.
                    while outline and outline[-1][0] >= b.level:
                        outline.pop()
                    outline.append((b.level, outline[-1][1] + 1 if outline else 1))
                    b = replace(b, level=outline[-1][1])
                self.block(b, depth)
        if a.byline:
            self.byline(a.byline)
        if a.notes:
            self.footnotes(a)
        notes = footer_lines(a)
        if notes:
            self.notes(notes)
        block = signature_block(a) if depth else None  # a lone article's is the document's, written last
        if block is not None:
            self.signature(block)  # each công văn of a bundle ends signed, as on its own
        self.end_article(a)

    def digest(self, b: Briefing) -> None:
        """The điểm báo: its header, then one numbered entry per article, with a
        group heading wherever the group changes (``--group-by``)."""
        self.digest_header(b)
        last, heading = None, ""
        for n, a in enumerate(b.articles, 1):
            key = group_key(a, b.group_by)
            if b.group_by and key != last:
                heading = group_label(a, b.group_by)  # the name the group's first entry gives
                self.group(heading)
                last = key
            # Under its outlet's heading an entry's source line does not name the
            # outlet again (helper-138: 56 entries ran to two more A4 pages); a copy
            # of other outlets, or a paper named otherwise, still names them.
            named = b.group_by == "outlet" and a.outlet is not None and a.outlet.display == heading
            self.entry(a, n, named)
        self.end_digest(b)

    def entry(self, a: Article, n: int, headed: bool = False) -> None:
        """Entry ``n`` of a digest: its title, source line and lede, then its key
        points (the entry's list) and any other block it holds. ``headed``: the
        group heading above names its outlet, which its source line leaves out."""
        self.entry_title(a, n)
        source = source_line(replace(a, outlet=None) if headed else a)
        if source:
            self.entry_source(source)
        if a.lede:
            self.entry_lede(a.lede)
        for b in a.blocks:
            if isinstance(b, ListBlock):
                self.points(tuple(item.text for item in b.items))
            else:
                self.block(b, 1)
        self.end_entry(a, n)

    def signed_by(self, a: Article, i: int) -> SignatureBlock | None:
        """The signature block that block ``i`` is, in the decree's layout: the
        article's last block, a table of the recipients and the signer, when the
        article has no signature of its own."""
        if not self.decree_layout or i != len(a.blocks) - 1 or a.signature is not None:
            return None
        return administrative.signature_table(a.blocks[i])

    def block(self, b: Block, depth: int) -> None:
        method = getattr(self, f"visit_{type(b).__name__.lower()}", None)
        if method is None:
            self.unknown_visit(b)
        else:
            method(b, depth)

    def unknown_visit(self, b: object) -> NoReturn:
        raise ExportError(f"the {self.format} writer has no way to write a {type(b).__name__} block")

    def lacks(self, hook: str) -> NoReturn:
        raise ExportError(f"the {self.format} writer has no {hook} method, so it cannot write this document")

    # The skeleton's hooks. The few with an empty default are ones some formats have
    # nothing to do for; every other one must be written by the writer.

    def start_article(self, a: Article, n: int) -> None:
        """Before article ``n`` of a briefing (1, 2, …), or 0 for a lone article."""

    def end_article(self, a: Article) -> None:
        """After the article's notes."""

    def end_entry(self, a: Article, n: int) -> None:
        """After a digest entry's points."""

    def end_digest(self, b: Briefing) -> None:
        """After the last entry."""

    def cover(self, b: Briefing) -> None:
        self.lacks("cover")

    def contents(self, b: Briefing) -> None:
        self.lacks("contents")

    def masthead(self, text: str, a: Article) -> None:
        self.lacks("masthead")

    def title(self, a: Article, depth: int) -> None:
        self.lacks("title")

    def lede(self, text: str) -> None:
        self.lacks("lede")

    def subject_title(self, a: Article) -> None:
        """In place of the title of a single công văn whose title is its summary
        ("V/v …"), which the header block prints under the number: no title line,
        but what the title carries besides (an outline entry, the masthead)."""
        self.lacks("subject_title")

    def national_title(self) -> None:
        """The national title and motto, centred over the page, a rule under the
        motto: a paper with no issuer (a đơn, a contract) in the decree's layout."""
        self.lacks("national_title")

    def summary(self, text: str) -> None:
        """The summary (trích yếu) of an administrative document under its type,
        in the decree's layout: Nghị định 30 sets it bold and centred over a short
        rule, 1/3 to 1/2 of its line."""
        self.lacks("summary")

    def decree_part(self, b: Paragraph | Heading, part: str) -> None:
        """A part of a decision set apart in the decree's layout, in the role
        ``decree_<part>``: "addressee" ("Kính gửi: …": 14 pt, centred), "recipient"
        and "last_recipient" (the lines listed under it, from its colon on), "authority"
        (who decides: 14 pt bold capitals, centred), "basis" (each ground: italic)
        or "enact" ("QUYẾT ĐỊNH:": bold, centred)."""
        self.lacks("decree_part")

    def byline(self, text: str) -> None:
        self.lacks("byline")

    def notes(self, lines: list[Text]) -> None:
        self.lacks("notes")

    def footnotes(self, a: Article) -> None:
        """The article's footnotes and endnotes, under "Chú thích", after the byline."""
        self.lacks("footnotes")

    def digest_header(self, b: Briefing) -> None:
        self.lacks("digest_header")

    def signature(self, s: SignatureBlock) -> None:
        """The signature and recipients that end a document: a lone article's or a
        briefing's after everything else, and each signed article's of a bundle
        after its notes."""
        self.lacks("signature")

    def group(self, label: str) -> None:
        self.lacks("group")

    def entry_title(self, a: Article, n: int) -> None:
        self.lacks("entry_title")

    def entry_source(self, source: Text) -> None:
        self.lacks("entry_source")

    def entry_lede(self, text: str) -> None:
        self.lacks("entry_lede")

    def points(self, items: tuple[Text, ...]) -> None:
        self.lacks("points")
