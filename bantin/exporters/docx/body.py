"""The document body: one walk of the model, appended as WordprocessingML."""

from __future__ import annotations

import io
from dataclasses import replace

from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from bantin.exporters.docx import decree, lists, styles, tables
from bantin.exporters.docx.fields import field_mark, ppr_put, run
from bantin.exporters.docx.notes import Notes
from bantin.exporters.docx.writer import bookmark
from bantin.exporters.labels import (
    CONTENTS,
    SignatureBlock,
    briefing_meta,
    count_line,
    credit_line,
    decree_header,
    digest_meta,
    display,
    linked,
    placeholder,
    undated,
)
from bantin.exporters.printed import pixels_for, scaled
from bantin.exporters.roles import figure_size, lead_in, low_resolution
from bantin.model import (
    Article,
    Briefing,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    SectionBreak,
    Table,
    Text,
    plain,
    text_of,
)
from bantin.typography.words import join

KEEP_CHARS = 600  # about seven lines of A4 body text (the PDF keeps no longer paragraph with the next either)


class Body(Notes):
    dated = False  # a header block above the article gives its date
    # -- the skeleton

    def cover(self, b: Briefing) -> None:
        self.shift = 1
        header = decree_header(b, self.decree_on)
        if header is not None:
            decree.header_block(self, header)
        for _ in range(2 if header else 6):
            self._p("cover_meta")
        self.para(display(plain(b.title)), "cover_title")
        meta = "" if header else briefing_meta(b)  # the header block already names both
        if meta:
            self.para(plain(meta), "cover_meta")
        self.para(plain(count_line(b)), "cover_meta")

    def contents(self, b: Briefing) -> None:
        """Each title a link to its article's bookmark, a dot leader, and a PAGEREF
        field whose cached result is the page the title lands on in bantin's own
        layout (``self.pages``). LibreOffice recomputes the fields as it lays the
        file out, Word shows the cached numbers at once and updates them with the
        fields (F9, printing): no question on opening. Not wrapped in a TOC field:
        LibreOffice would take its cached text as a finished index and keep it."""
        self.page_break()
        self.para(plain(CONTENTS), "contents_heading")
        for n, a in enumerate(b.articles, 1):
            p = self._p("toc")
            link = self.el("w:hyperlink", {"w:anchor": bookmark(n), "w:history": "1"})
            self.runs(link, join(a.title), False, False)
            tab = self.el("w:r")
            tab.append(self.el("w:tab"))
            link.append(tab)
            field_mark(link, "begin", f"PAGEREF {bookmark(n)} \\h")
            field_mark(link, "separate")
            run(link, str(self.pages[n - 1]) if n <= len(self.pages) else "")
            field_mark(link, "end")
            p.append(link)

    def start_article(self, a: Article, n: int) -> None:
        self.number = n
        self.start_notes(a)
        if n:
            self.page_break()
            return
        header = decree_header(a, self.decree_on)  # a single công văn names its issuer (-M issuer=…)
        if header is not None:
            decree.header_block(self, header)
            self.dated = True

    def masthead(self, text: str, a: Article) -> None:
        text = undated(text, a) if self.dated else text  # the header block's place-and-date line says it
        if text:
            self.para(plain(text), "masthead")

    def title(self, a: Article, depth: int) -> None:
        p = self.para(display(plain(a.title)), "h1" if self.shift else "title")
        if self.shift:  # the contents' links and page references point here
            mark = {"w:id": str(self.number), "w:name": bookmark(self.number)}
            p.insert(1, self.el("w:bookmarkStart", mark))
            p.append(self.el("w:bookmarkEnd", {"w:id": str(self.number)}))

    def subject_title(self, a: Article) -> None:
        """The header block shows the title; the file's properties name it too."""

    def lede(self, text: str) -> None:
        self.para(linked(text), "lede")

    def decree_part(self, b: Paragraph | Heading, part: str) -> None:
        self.para(b.text, f"decree_{part}")

    def national_title(self) -> None:
        decree.national_block(self)

    def summary(self, text: str) -> None:
        self.para(linked(text), "decree_summary")
        decree.summary_rule(self, text)

    def byline(self, text: str) -> None:
        self.keep_last(short=True)
        self.para(plain(text), "byline")

    def signature(self, s: SignatureBlock) -> None:
        decree.signature_block(self, s)

    def notes(self, lines: list[Text]) -> None:
        for n, line in enumerate(lines):
            self.keep_last(short=n == 0)  # the byline (or the text) with the first line, each with the next
            self.para(line, "source")

    def keep_last(self, short: bool = False) -> None:
        """Keep the paragraph just written with the next one. What closes an
        article (the byline, the source and keyword lines) thus goes over with the
        article's last lines and is never alone at the top of the last page, as
        the PDF's ``Tail`` does. ``short``: only when that paragraph is short.
        Word then moves its last two lines (widow control), but LibreOffice
        moves the whole paragraph, and a long one would leave a third of the page
        empty. After a table nothing is held: a row cannot keep with a line."""
        last = self.sect.getprevious() if self.sink is None else None
        if last is None or last.tag != self.qn("w:p"):
            return
        # (The w:t texts: python-docx's element classes make itertext() yield a run's text thrice.)
        if short and sum(len(t.text or "") for t in last.iter(self.qn("w:t"))) > KEEP_CHARS:
            return
        ppr = last.find(self.qn("w:pPr"))
        if ppr is None:
            ppr = self.el("w:pPr")
            last.insert(0, ppr)
        ppr_put(ppr, self.el("w:keepNext"))

    # -- the điểm báo, in named styles an office can restyle with its template

    def digest_header(self, b: Briefing) -> None:
        self.shift = 1
        header = decree_header(b, self.decree_on)
        if header is not None:
            decree.header_block(self, header)
        self.para(display(plain(b.title)), "digest_title")
        if not b.group_by:
            styles.entries_first(self.d)
        meta = digest_meta(b, header is not None)
        if meta:
            self.para(plain(meta), "digest_meta")
        styles.number_column(self.d, self.roles, len(b.articles))

    def group(self, label: str) -> None:
        self.para(display(plain(label)), "group")

    def entry_title(self, a: Article, n: int) -> None:
        self.start_notes(a)  # a note referred to from a point becomes a footnote of the entry
        self.para(display(plain(a.title)), "entry_title")  # its number is its style's (numbering.ENTRIES)

    def entry_source(self, source: Text) -> None:
        self.para(source, "entry_source")

    def entry_lede(self, text: str) -> None:
        self.para(linked(text), "entry_lede")

    def points(self, items: tuple[Text, ...]) -> None:
        """The entry's key points. What stands above them (the title, source line and
        lede, each kept with the next) is kept with the first point, whole, and each
        point but the last with the next: an entry is short, and one printed across a
        page break reads as two. Without it LibreOffice split 19 of 52 entries'
        points over 12 page heights of the corpus review; with it, none."""
        above = self.sect.getprevious()
        if items and above is not None and above.tag == self.qn("w:p"):
            ppr = above.find(self.qn("w:pPr"))
            if ppr is not None:
                ppr_put(ppr, self.el("w:keepNext"))
                ppr_put(ppr, self.el("w:keepLines"))
        for i, item in enumerate(items):
            p = self.para(item, "point")  # the dash is its style's (numbering.POINTS)
            if i < len(items) - 1:
                ppr_put(p.find(self.qn("w:pPr")), self.el("w:keepNext"))

    # -- blocks

    def visit_heading(self, b: Heading, depth: int) -> None:
        if self.list_level >= 0 or self.para_role != "body":
            # A heading inside a list item or a quote is bold text there, as in the
            # PDF: a Heading style would put it in Word's navigation, levels skipped.
            self.visit_paragraph(Paragraph(tuple(replace(s, strong=True) for s in b.text)), depth)
            return
        self.para(display(b.text), f"h{min(6, b.level + self.shift)}")

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        if self.list_level >= 0 and self.para_role == "body":  # an item's further paragraph, at its text
            self.para(b.text, f"continue_{min(self.list_level, 4)}")
        else:
            p = self.para(b.text, self.para_role)
            if self.para_role == "body" and lead_in(b):
                ppr_put(p.find(self.qn("w:pPr")), self.el("w:keepNext"))

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        lists.list_block(self, b, depth)

    def visit_quote(self, b: Quote, depth: int) -> None:
        saved, self.para_role = self.para_role, "quote"
        try:
            for block in b.blocks:
                self.block(block, depth)
        finally:
            self.para_role = saved
        if b.attribution:
            self.para(plain("— " + b.attribution), "attribution")

    def visit_figure(self, b: Figure, depth: int) -> None:
        """An inline picture in a Figure paragraph (kept with the next), or where
        the document has no picture a framed "[Ảnh: …]"; then the caption and
        credit in the Caption style."""
        if b.image is not None:
            im = b.image
            width_pt = self.width_mm * 72 / 25.4
            w, h = figure_size(im, width_pt, self.height_mm * 72 / 25.4)
            message = low_resolution(im, width_pt, w)
            if message is not None:
                self.warn(message)
            el = self._p("figure")
            key = (im.data, pixels_for(w))
            if key not in self.printed:  # a picture used twice is one part: python-docx compares the bytes
                self.printed[key] = scaled(im, key[1])
            data = self.printed[key]
            DocxParagraph(el, self.picture_parent()).add_run().add_picture(io.BytesIO(data), width=Pt(w),
                                                                           height=Pt(h))
            for docpr in el.iter(self.qn("wp:docPr")):  # the alt text screen readers announce
                docpr.set("descr", b.alt or text_of(b.caption))
            # No wrap distance: without one LibreOffice adds Word's default 0.32 cm on
            # the left, and a picture as wide as the text crosses the right margin
            # (helper-149: 12 mm from the page's edge in nd30, which wants 15).
            for inline in el.iter(self.qn("wp:inline")):
                for side in ("distT", "distB", "distL", "distR"):
                    inline.set(side, "0")
        else:
            self.para(plain(f"[{placeholder(b)}]"), "placeholder")
        caption = b.caption
        if b.credit:
            credit = credit_line(b)
            caption = (*caption, *plain(f" ({credit})")) if caption else plain(credit)
        if caption:
            self.para(caption, "caption")

    def visit_table(self, b: Table, depth: int) -> None:
        if b.caption:
            self.para(b.caption, "table_caption")
        if b.rows:
            tables.table(self, b)
            # Two tables with nothing between them merge into one in Word.
            self._p("source")

    def visit_codeblock(self, b: CodeBlock, depth: int) -> None:
        """One paragraph in the Source Code style, its lines kept apart by line
        breaks: the block stays one unit an editor can restyle, and its ground is
        continuous."""
        p = self._p("code")
        self.faces.add(("mono", "regular"))
        for n, line in enumerate(b.lines):
            if n:
                r = self.el("w:r")
                r.append(self.el("w:br"))
                p.append(r)
            if line:
                self.runs(p, line, False, False)

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.para(plain("*   *   *"), "break")
