"""The skeleton of the walk: cover, contents, each article's front and back
matter, and the điểm báo's header, groups and entries."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getDescent
from reportlab.platypus import HRFlowable, KeepTogether, PageBreak, Spacer
from reportlab.platypus import Paragraph as P

from bantin.exporters.labels import (
    CONTENTS,
    NOTES,
    DecreeHeader,
    SignatureBlock,
    briefing_meta,
    count_line,
    decree_header,
    digest_meta,
    linked,
    short_title,
    undated,
)
from bantin.exporters.pdf import decree, lists
from bantin.exporters.pdf.blocks import Blocks, display
from bantin.exporters.pdf.contents import Contents
from bantin.exporters.pdf.flowables import Marked, Tail, balanced, longest_line
from bantin.exporters.pdf.ink import Ink, back_anchor
from bantin.exporters.pdf.styles import numbered, placed
from bantin.exporters.roles import ISSUER_RULE
from bantin.model import Article, Briefing, Heading, Paragraph, Span, Text, map_spans, plain
from bantin.typography.words import join

# Between Nghị định 30's header block and the title under it, as the DOCX's block
# leaves (docx.decree.header_block); a briefing's cover stands further down.
HEADER_GAP = 8 * mm


class Story(Blocks):
    entry_start = 0  # where the current digest entry begins in the story
    headed = False  # the article under way opened with the decree's header block
    group_at = -1  # where the last group heading is in the story
    entry_outline = 1  # a digest entry's outline level: 2 under a group's
    entry_st: dict[str, Any]  # a digest entry's styles, made for the digest's numbers (digest_header)

    def cover(self, b: Briefing) -> None:
        self.ink = Ink(self.fonts, self.warn, short_title(b.title, 40))
        header = decree_header(b, self.style.page.decree_header)
        if header is not None:
            self.story += [self.decree(header), Spacer(1, 20 * mm)]
        else:
            self.story.append(Spacer(1, 60 * mm))
        self.paras(display(plain(b.title)), self.st["cover_title"], self.outline(b.title, 0))
        meta = "" if header else briefing_meta(b)  # the header block already names both
        if meta:
            self.paras(plain(meta), self.st["cover_meta"])
        self.paras(plain(count_line(b)), self.st["cover_meta"])

    def decree(self, h: DecreeHeader) -> Any:
        return decree.header_block(h, self.st, self.style.text.body_colour, self.width, self.line)

    def line(self, text: str, pst: Any, measure: float | None = None) -> Any:
        """A line of the decree's blocks, in the body's faces; with ``measure``, its
        lines balanced in that width ("KT. BỘ TRƯỞNG" / "BỘ TÀI CHÍNH", not a word
        alone under the others)."""
        markup = self.ink.chars(join(text), self.fonts.body_family)
        return self.para(markup, pst if measure is None else balanced(pst, markup, measure, always=True))

    def national_title(self) -> None:
        self.story += [*decree.national_block(self.st, self.style.text.body_colour, self.line), Spacer(1, HEADER_GAP)]

    def signature(self, s: SignatureBlock) -> None:
        # The text's last block goes with the signature (and a spacer after it, if
        # any), so that no page holds the block alone.
        last: list[Any] = []
        while self.story and len(last) < 3 and not isinstance(self.story[-1], PageBreak):
            last.insert(0, self.story.pop())
            if not isinstance(last[0], Spacer):
                break
        self.story.append(decree.signature_block(s, self.st, self.width, self.line, last))

    def contents(self, b: Briefing) -> None:
        self.story.append(PageBreak())
        self.paras(plain(CONTENTS), self.st["contents_heading"])
        toc = Contents(self.fonts.body, dotsMinLevel=0)
        entry = self.st["toc"]
        # Hanging: a wrapped entry's later lines start under its words, not under its start.
        # Not underlined: every entry is a link, and a page of underlined titles reads
        # as unfinished (helper-146); the reader expects a contents page to be one.
        toc.levelStyles = [ParagraphStyle("toc-hanging", parent=entry, firstLineIndent=-entry.leftIndent,
                                          linkUnderline=0)]
        self.story.append(toc)

    def start_article(self, a: Article, n: int) -> None:
        if n:
            self.story.append(PageBreak())
        self.articles = getattr(self, "articles", 0) + 1
        # Each note's anchor, unique in the document (two articles may both have a note "1").
        anchors = {note.id: f"note-{self.articles}-{i}" for i, note in enumerate(a.notes, 1)}
        self.ink = Ink(self.fonts, self.warn, short_title(a.title, 40), anchors)
        header = decree_header(a, self.style.page.decree_header) if not n else None
        self.headed = header is not None
        if header is not None:  # a single công văn names its issuer: Nghị định 30's header block
            self.story += [self.decree(header), Spacer(1, HEADER_GAP)]

    def masthead(self, text: str, a: Article) -> None:
        # Under a header block the date is what its place-and-date line says: the
        # outlet alone is news (as in the DOCX; the text, with no block, prints both).
        text = undated(text, a) if self.headed else text
        if text:
            self.paras(plain(text), self.st["masthead"])

    def title(self, a: Article, depth: int) -> None:
        self.depth = self.last_level = depth
        title = display(plain(a.title))
        pst = balanced(self.st["title"], self.ink.spans(title, self.fonts.heading_family), self.width)
        self.paras(title, pst, self.outline(a.title, depth, toc=depth == 1))

    def subject_title(self, a: Article) -> None:
        # The header block shows the title; an empty mark keeps it in the outline.
        self.depth = self.last_level = 0
        self.story.append(self.para("", self.st["body"], self.outline(a.title, 0)))

    def lede(self, text: str) -> None:
        self.paras(linked(text), self.st["lede"])

    def decree_part(self, b: Paragraph | Heading, part: str) -> None:
        self.paras(b.text, self.st[f"decree_{part}"])

    def summary(self, text: str) -> None:
        markup = self.ink.spans(linked(text), self.fonts.body_family, self.link)
        pst = balanced(self.st["decree_summary"], markup, self.width)
        rule = ISSUER_RULE * longest_line(markup, pst, self.width)
        clear = -getDescent(pst.fontName, pst.fontSize) + 2  # under the descenders of "quả", "quý"
        self.story += [self.para(markup, pst),
                       HRFlowable(width=rule, thickness=0.5, color=colors.HexColor(self.style.text.body_colour),
                                  hAlign="CENTER", spaceBefore=clear, spaceAfter=self.st["body"].spaceAfter * 2)]

    def footnotes(self, a: Article) -> None:
        """The notes at the end of the article, under "Chú thích": each note's mark
        hanging before its blocks, the mark its references show, and a link back to
        the first reference. (reportlab has no page-foot notes; at the end they
        read in the same order in print, on screen and in extracted text.)"""
        marks = note_marks(a)
        base = self.st["note"]
        hang = lists.hang(list(marks.values()), base.fontName, base.fontSize)
        self.paras(plain(NOTES), self.st["notes_heading"])
        back = "↑" if self.fonts.body_family.covers("↑") else "^"
        for note in a.notes:
            key = self.ink.notes[note.id]
            mark = marks.get(note.id, "")
            blocks = note.blocks
            first = blocks[0].text if blocks and isinstance(blocks[0], Paragraph) else ()
            anchor = f'<a name="{key}"/>'
            link = f' <a href="#{back_anchor(key)}" color="{self.link}">{back}</a>' if key in self.ink.referred else ""
            markup = anchor + self.ink.spans(first, self.fonts.body_family, self.link) + link
            self.story.append(self.para(markup, placed(base, 0, 0, hang), bulletText=mark))
            with self.nested(left=hang, body="note-text", item="note"):
                for inner in blocks[1:] if first else blocks:
                    self.block(inner, 0)

    def byline(self, text: str) -> None:
        last = self.story[-1] if self.story else None
        self.paras(plain(text), self.st["byline"])
        # (Not a title or heading: its outline mark must stay on a flowable of its own.)
        marked = isinstance(last, Marked) and last.outline is not None
        if isinstance(last, P) and not marked and len(self.story) >= 2 and self.story[-2] is last:
            # Never alone on a page: the byline travels with the article's last lines.
            self.story[-2:] = [Tail(last, self.story[-1])]

    def notes(self, lines: list[Text]) -> None:
        """The source and keywords, kept with the article's last lines (``Tail``)."""
        last = self.story[-1] if self.story else None
        start = len(self.story)
        for line in lines:
            self.paras(line, self.st["source"])
        added = self.story[start:]
        if isinstance(last, Tail):
            self.story[start - 1:] = [Tail(last.body, *last.trailer, *added)]
        elif isinstance(last, P) and not (isinstance(last, Marked) and last.outline is not None):
            self.story[start - 1:] = [Tail(last, *added)]

    # -- the điểm báo: each entry kept on one page when it fits, one outline item each

    def digest_header(self, b: Briefing) -> None:
        self.ink = Ink(self.fonts, self.warn, short_title(b.title, 40))
        header = decree_header(b, self.style.page.decree_header)
        if header is not None:
            self.story += [self.decree(header), Spacer(1, HEADER_GAP)]
        self.paras(display(plain(b.title)), self.st["digest_title"], self.outline(b.title, 0))
        meta = digest_meta(b, header is not None)
        if meta:
            self.paras(plain(meta), self.st["digest_meta"])
        self.entry_st = numbered(self.st, len(b.articles))

    def group(self, label: str) -> None:
        # In the outline too, the entries under their group (an outlet, a tag): a
        # reader goes to one outlet's entries from the bookmarks, as in Word's pane.
        self.paras(display(plain(label)), self.st["group"], self.outline(label, 1))
        self.group_at = len(self.story) - 1
        self.entry_outline = 2

    def entry_title(self, a: Article, n: int) -> None:
        self.ink = Ink(self.fonts, self.warn, short_title(a.title, 40))
        # A group's heading goes in its first entry's block: keep-with-next does not
        # hold a paragraph to a KeepTogether.
        self.entry_start = self.group_at if self.group_at == len(self.story) - 1 else len(self.story)
        self.group_at = -1
        self.paras(display(plain(a.title)), self.entry_st["entry_title"], self.outline(a.title, self.entry_outline),
                   bulletText=f"{n}.")

    def entry_source(self, source: Text) -> None:
        self.paras(source, self.entry_st["entry_source"])

    def entry_lede(self, text: str) -> None:
        self.paras(linked(text), self.entry_st["entry_lede"])

    def points(self, items: tuple[Text, ...]) -> None:
        for item in items:
            self.paras(item, self.entry_st["point"], bulletText="–")

    def end_entry(self, a: Article, n: int) -> None:
        block = self.story[self.entry_start:]
        for f in block:  # the block keeps its parts together; keep-with-next inside it only nests blocks
            f.keepWithNext = 0
        self.story[self.entry_start:] = [KeepTogether(block)]


def note_marks(a: Article) -> dict[str, str]:
    """Each note's mark, as its first reference shows it ("1", "*"); a note never
    referred to is numbered by its place."""
    marks: dict[str, str] = {}

    def see(s: Span) -> Text:
        if s.note is not None:
            marks.setdefault(s.note, s.text)
        return (s,)

    map_spans(a, see)
    return {n.id: marks.get(n.id) or str(i) for i, n in enumerate(a.notes, 1)}
