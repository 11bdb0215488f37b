"""The document body: one walk of the model, appended as WordprocessingML.

python-docx's ``add_paragraph(style=name)`` looks the style up among all of them on
every call; the ids are resolved once per style sheet instead, and paragraphs are
built as elements in front of the body's final w:sectPr.
"""

from __future__ import annotations

import io
from typing import Any

from bantin.exporters import Warn
from bantin.exporters._shared import CONTENTS, briefing_meta, count_line, credit_line, figure_size, link_target
from bantin.exporters.docx.fields import field_mark, run
from bantin.exporters.docx.numbering import Numbering, numbered
from bantin.exporters.docx.styles import LINK_STYLE, NAMES, TABLE_STYLE
from bantin.exporters.walk import Walker
from bantin.fonts import Family, fallback_for
from bantin.model import (
    Article,
    Briefing,
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
from bantin.stylesheet import FontSpec

_JC = {"right": "right", "center": "center"}


class Covered:
    """``c in covered``: both text families have the character."""

    def __init__(self, *families: Family) -> None:
        self.families = families

    def __contains__(self, c: object) -> bool:
        return isinstance(c, str) and all(f.covers(c) for f in self.families)


def _by_face(text: str, covered: Covered,
             specs: tuple[FontSpec, ...]) -> list[tuple[Family | None, str]]:
    """``text`` cut where the face changes: None for the text fonts, else the
    fallback that has the character (a character none has stays in the text font)."""
    out: list[tuple[Family | None, str]] = []
    for c in text:
        fam = None if c in covered or c.isspace() else fallback_for(specs, c)
        if out and out[-1][0] == fam:
            out[-1] = (fam, out[-1][1] + c)
        else:
            out.append((fam, c))
    return out


class Body(Walker):
    format = "docx"

    def __init__(self, d: Any, warn: Warn, ids: dict[str, str], width_mm: float, height_mm: float,
                 cell_size: float, covered: Covered, fallbacks: tuple[FontSpec, ...]) -> None:
        from docx.oxml.ns import qn

        self.d, self.warn, self.ids, self.qn = d, warn, ids, qn
        self.sect = d.element.body.find(qn("w:sectPr"))
        self.numbering = Numbering(d)
        self.width_mm, self.height_mm = width_mm, height_mm  # the text area
        self.cell_size = cell_size
        self.covered = covered  # characters both text fonts have
        self.fallbacks = fallbacks
        self.fallback_chars: dict[Family, set[str]] = {}
        self.shift = 0  # in a bundle, article titles are Heading 1 and headings move down one

    # -- elements

    def el(self, tag: str, attrs: dict[str, str] | None = None) -> Any:
        qn = self.qn
        return self.sect.makeelement(qn(tag), {qn(k): v for k, v in (attrs or {}).items()})

    def _p(self, role: str | None, style_name: str | None = None) -> Any:
        p = self.el("w:p")
        name = style_name or (NAMES[role] if role else None)
        if name is not None:
            ppr = self.el("w:pPr")
            ppr.append(self.el("w:pStyle", {"w:val": self.ids[name]}))
            p.append(ppr)
        self.sect.addprevious(p)
        return p

    def fill(self, p: Any, text: Text) -> Any:
        """The spans as runs; a link becomes a w:hyperlink to an external target."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        for s in text:
            target = link_target(s.href)
            if target:
                rid = self.d.part.relate_to(target, RT.HYPERLINK, is_external=True)
                link = self.el("w:hyperlink", {"r:id": rid, "w:history": "1"})
                self.runs(link, s.text, s.strong, s.em, self.ids[LINK_STYLE])
                p.append(link)
            else:
                self.runs(p, s.text, s.strong, s.em)
        return p

    def runs(self, p: Any, text: str, bold: bool, italic: bool, char_style: str | None = None) -> None:
        """One run, or several when some characters need a fallback face: Word
        would otherwise pick any font of the reader's machine, or none."""
        if all(c in self.covered for c in text):
            run(p, text, bold, italic, char_style)
            return
        for fam, piece in _by_face(text, self.covered, self.fallbacks):
            if fam is not None:
                self.fallback_chars.setdefault(fam, set()).update(piece)
            run(p, piece, bold, italic, char_style, None if fam is None else fam.name)

    def para(self, text: Text, role: str, style_name: str | None = None) -> Any:
        return self.fill(self._p(role, style_name), text)

    def page_break(self) -> None:
        p = self._p(None)
        r = self.el("w:r")
        r.append(self.el("w:br", {"w:type": "page"}))
        p.append(r)

    # -- the skeleton

    def cover(self, b: Briefing) -> None:
        self.shift = 1
        for _ in range(6):
            self._p("cover_meta")
        self.para(plain(b.title), "cover_title")
        meta = briefing_meta(b)
        if meta:
            self.para(plain(meta), "cover_meta")
        self.para(plain(count_line(b)), "cover_meta")

    def contents(self, b: Briefing) -> None:
        """A TOC field whose result already lists the titles, so the contents read
        right before Word or LibreOffice updates the field (and adds page numbers)."""
        self.page_break()
        self.para(plain(CONTENTS), "contents_heading")
        titles = [a.title for a in b.articles]
        for n, title in enumerate(titles):
            p = self._p("toc")
            if n == 0:
                field_mark(p, "begin", 'TOC \\o "1-1" \\h \\z \\u')
                field_mark(p, "separate")
            run(p, title)
            if n == len(titles) - 1:
                field_mark(p, "end")

    def start_article(self, a: Article, n: int) -> None:
        if n:
            self.page_break()

    def masthead(self, text: str, a: Article) -> None:
        self.para(plain(text), "masthead")

    def title(self, a: Article, depth: int) -> None:
        self.para(plain(a.title), "h1" if self.shift else "title")

    def lede(self, text: str) -> None:
        self.para(plain(text), "lede")

    def byline(self, text: str) -> None:
        self.para(plain(text), "byline")

    def notes(self, lines: list[Text]) -> None:
        for line in lines:
            self.para(line, "source")

    # -- blocks

    def visit_heading(self, b: Heading, depth: int) -> None:
        self.para(b.text, f"h{min(3, b.level + self.shift)}")

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        self.para(b.text, "body")

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        if b.numbered_in_text:
            for item in b.items:
                self.para(item, "own_item")
            return
        num = self.numbering.new(b.ordered)
        for item in b.items:
            numbered(self.para(item, "item", "List Number" if b.ordered else "List Bullet"), num)

    def visit_quote(self, b: Quote, depth: int) -> None:
        self.para(b.text, "quote")
        if b.attribution:
            self.para(plain("— " + b.attribution), "attribution")

    def visit_figure(self, b: Figure, depth: int) -> None:
        """An inline picture in a Figure paragraph (kept with the next), then its
        caption and credit in the Caption style."""
        from docx.shared import Pt
        from docx.text.paragraph import Paragraph as DocxParagraph

        if b.image is not None:
            im = b.image
            w, h = figure_size(im, self.width_mm * 72 / 25.4, self.height_mm * 72 / 25.4)
            el = self._p("figure")
            DocxParagraph(el, self.d).add_run().add_picture(io.BytesIO(im.data), width=Pt(w), height=Pt(h))
            for docpr in el.iter(self.qn("wp:docPr")):  # the alt text screen readers announce
                docpr.set("descr", b.alt or text_of(b.caption))
        caption = b.caption
        if b.credit:
            credit = credit_line(b)
            caption = (*caption, *plain(f" ({credit})")) if caption else plain(credit)
        if caption:
            self.para(caption, "caption")

    def visit_table(self, b: Table, depth: int) -> None:
        if b.caption:
            self.para(b.caption, "table_caption")
        if not b.rows:
            return
        # Each column as wide as its longest cell (an average glyph is a little over
        # half an em), shrunk in proportion when that is wider than the text.
        total = round(self.width_mm / 25.4 * 1440)  # twentieths of a point
        em = round(self.cell_size * 20)
        widths = [max(4, max((len(text_of(r[c])) for r in b.rows if c < len(r)), default=0)) * em * 3 // 5 + 240
                  for c in range(b.columns)]
        if sum(widths) > total:
            widths = [total * w // sum(widths) for w in widths]
        tbl = self.el("w:tbl")
        tblpr = self.el("w:tblPr")
        tblpr.append(self.el("w:tblStyle", {"w:val": self.ids[TABLE_STYLE]}))
        tblpr.append(self.el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}))
        tblpr.append(self.el("w:tblLook", {"w:val": "04A0", "w:firstRow": "1" if b.header_rows else "0",
                                          "w:lastRow": "0", "w:firstColumn": "0", "w:lastColumn": "0",
                                          "w:noHBand": "1", "w:noVBand": "1"}))
        tbl.append(tblpr)
        grid = self.el("w:tblGrid")
        for w in widths:
            grid.append(self.el("w:gridCol", {"w:w": str(w)}))
        tbl.append(grid)
        for i, row in enumerate(b.rows):
            head = i < b.header_rows
            tr = self.el("w:tr")
            trpr = self.el("w:trPr")
            trpr.append(self.el("w:cantSplit"))
            if head:  # repeated at the top of every page the table spans
                trpr.append(self.el("w:tblHeader"))
            tr.append(trpr)
            for c in range(b.columns):
                tc = self.el("w:tc")
                tcpr = self.el("w:tcPr")
                tcpr.append(self.el("w:tcW", {"w:w": str(widths[c]), "w:type": "dxa"}))
                tc.append(tcpr)
                p = self.el("w:p")
                ppr = self.el("w:pPr")
                ppr.append(self.el("w:pStyle", {"w:val": self.ids[NAMES["header_cell" if head else "cell"]]}))
                align = b.align[c] if c < len(b.align) else "left"
                if align in _JC:
                    ppr.append(self.el("w:jc", {"w:val": _JC[align]}))
                p.append(ppr)
                self.fill(p, row[c] if c < len(row) else ())
                tc.append(p)
                tr.append(tc)
            tbl.append(tr)
        self.sect.addprevious(tbl)
        # Two tables with nothing between them merge into one in Word.
        self._p("source")

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.para(plain("*   *   *"), "break")
