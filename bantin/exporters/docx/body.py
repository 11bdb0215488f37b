"""The document body: one walk of the model, appended as WordprocessingML.

python-docx's ``add_paragraph(style=name)`` looks the style up among all of them on
every call; the ids are resolved once per style sheet instead, and paragraphs are
built as elements in front of the body's final w:sectPr.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from bantin.exporters import Warn
from bantin.exporters.docx.fields import field_mark, run
from bantin.exporters.docx.numbering import Numbering, numbered
from bantin.exporters.docx.styles import CODE_CHAR, LINK_STYLE, NAMES, TABLE_STYLE
from bantin.exporters.labels import (
    CONTENTS,
    QUOC_HIEU,
    TIEU_NGU,
    DecreeHeader,
    briefing_meta,
    count_line,
    credit_line,
    decree_header,
    digest_meta,
)
from bantin.exporters.markup import link_target
from bantin.exporters.roles import Role, figure_size
from bantin.exporters.walk import Walker
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
from bantin.style.fonts import Family, fallback_for
from bantin.style.stylesheet import FontSpec

_JC = {"right": "right", "center": "center"}


def _bookmark(n: int) -> str:
    return f"_Toc_bantin_{n:04d}"  # "_Toc" names are the ones Word's TOC field makes


class Covered:
    """``c in covered``: both text families have the character."""
    def __init__(self, *families: Family) -> None:
        self.cmap = frozenset.intersection(*(f.cmap for f in families))

    def __contains__(self, c: object) -> bool:
        return isinstance(c, str) and ord(c) in self.cmap

    def all(self, text: str) -> bool:
        return self.cmap.issuperset(map(ord, text))


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

    def __init__(self, d: Any, warn: Warn, ids: Mapping[str, str], width_mm: float, height_mm: float,
                 role_table: Mapping[str, Role], covered: Covered, fallbacks: tuple[FontSpec, ...],
                 decree_on: bool = False) -> None:

        self.d, self.warn, self.ids, self.qn = d, warn, ids, qn
        self.sect = d.element.body.find(qn("w:sectPr"))
        self.numbering = Numbering(d)
        self.width_mm, self.height_mm = width_mm, height_mm  # the text area
        self.roles = role_table
        self.cell_size = role_table["cell"].size
        # (family role, face) drawn somewhere; the page header and footer use these two.
        self.faces: set[tuple[str, str]] = {("body", "regular"), ("heading", "regular")}
        self.covered = covered  # characters both text fonts have
        self.fallbacks = fallbacks
        self.fallback_chars: dict[Family, set[str]] = {}
        self.number = 0
        self.decree_on = decree_on
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

    def fill(self, p: Any, text: Text, role: str) -> Any:
        """The spans as runs; a link becomes a w:hyperlink to an external target.
        Notes which faces the runs are drawn in: only those are embedded."""
        r = self.roles[role]
        for s in text:
            bold, italic = r.bold or s.strong, r.italic or s.em
            self.faces.add(("mono" if s.code else r.font, "bold_italic" if bold and italic else "bold" if bold else
                            "italic" if italic else "regular"))
            target = link_target(s.href)
            if target:
                rid = self.d.part.relate_to(target, RT.HYPERLINK, is_external=True)
                link = self.el("w:hyperlink", {"r:id": rid, "w:history": "1"})
                self.runs(link, s.text, s.strong, s.em, self.ids[LINK_STYLE])
                p.append(link)
            else:
                self.runs(p, s.text, s.strong, s.em, self.ids[CODE_CHAR] if s.code else None)
        return p

    def runs(self, p: Any, text: str, bold: bool, italic: bool, char_style: str | None = None) -> None:
        """One run, or several when some characters need a fallback face: Word
        would otherwise pick any font of the reader's machine, or none."""
        if self.covered.all(text):
            run(p, text, bold, italic, char_style)
            return
        for fam, piece in _by_face(text, self.covered, self.fallbacks):
            if fam is not None:
                self.fallback_chars.setdefault(fam, set()).update(piece)
            run(p, piece, bold, italic, char_style, None if fam is None else fam.name)

    def para(self, text: Text, role: str, style_name: str | None = None) -> Any:
        return self.fill(self._p(role, style_name), text, role)

    def page_break(self) -> None:
        p = self._p(None)
        r = self.el("w:r")
        r.append(self.el("w:br", {"w:type": "page"}))
        p.append(r)

    # -- the skeleton

    def cover(self, b: Briefing) -> None:
        self.shift = 1
        header = decree_header(b, self.decree_on)
        if header is not None:
            self.decree(header)
        for _ in range(2 if header else 6):
            self._p("cover_meta")
        self.para(plain(b.title), "cover_title")
        meta = "" if header else briefing_meta(b)  # the header block already names both
        if meta:
            self.para(plain(meta), "cover_meta")
        self.para(plain(count_line(b)), "cover_meta")

    def decree(self, h: DecreeHeader) -> None:
        """Nghị định 30's header block: a borderless two-column table in the
        "Header Block" style, with a short rule under the issuer and the motto."""
        total = round(self.width_mm / 25.4 * 1440)
        widths = (total * 2 // 5, total - total * 2 // 5)
        tbl = self.el("w:tbl")
        tblpr = self.el("w:tblPr")
        tblpr.append(self.el("w:tblW", {"w:w": str(total), "w:type": "dxa"}))
        borders = self.el("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(self.el(f"w:{edge}", {"w:val": "nil"}))
        tblpr.append(borders)
        tbl.append(tblpr)
        grid = self.el("w:tblGrid")
        for w in widths:
            grid.append(self.el("w:gridCol", {"w:w": str(w)}))
        tbl.append(grid)
        size = self.roles["decree"].size
        motto_twips = round(len(TIEU_NGU) * size * 0.52 * 20)  # about half an em a letter
        # (text, bold, italic); a rule is an empty paragraph whose bottom border is
        # indented to the rule's length ("" with a width).
        cells = (
            [(h.issuer, True, False, 0), ("", False, False, widths[0] // 3), (h.number, False, False, 0)],
            [(QUOC_HIEU, True, False, 0), (TIEU_NGU, True, False, 0),
             ("", False, False, max(0, (widths[1] - motto_twips) // 2)), (h.place_date, False, True, 0)],
        )
        tr = self.el("w:tr")
        for width, lines in zip(widths, cells, strict=True):
            tc = self.el("w:tc")
            tcpr = self.el("w:tcPr")
            tcpr.append(self.el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
            tc.append(tcpr)
            for text, bold, italic, rule in lines:
                p = self.el("w:p")
                ppr = self.el("w:pPr")
                ppr.append(self.el("w:pStyle", {"w:val": self.ids[NAMES["decree"]]}))
                if rule:
                    bdr = self.el("w:pBdr")
                    bdr.append(self.el("w:bottom", {"w:val": "single", "w:sz": "6", "w:space": "1",
                                                    "w:color": "auto"}))
                    ppr.append(bdr)
                    ppr.append(self.el("w:spacing", {"w:before": "0", "w:after": "60", "w:line": "60",
                                                     "w:lineRule": "exact"}))
                    ppr.append(self.el("w:ind", {"w:left": str(rule), "w:right": str(rule)}))
                p.append(ppr)
                if not text:
                    tc.append(p)
                    continue
                self.faces.add(("body", "bold" if bold else "italic" if italic else "regular"))
                run(p, text, bold, italic)
                tc.append(p)
            tr.append(tc)
        tbl.append(tr)
        self.sect.addprevious(tbl)

    def contents(self, b: Briefing) -> None:
        """A TOC field whose result is already filled in: each title a link to its
        article's bookmark, a dot leader, and a PAGEREF field for the page. LibreOffice
        computes the page numbers as it lays the file out; Word refreshes them on
        opening (``w:updateFields``, set in ``package.update_fields_on_open``)."""
        self.page_break()
        self.para(plain(CONTENTS), "contents_heading")
        for n, a in enumerate(b.articles, 1):
            p = self._p("toc")
            if n == 1:
                field_mark(p, "begin", 'TOC \\o "1-1" \\h \\z \\u')
                field_mark(p, "separate")
            link = self.el("w:hyperlink", {"w:anchor": _bookmark(n), "w:history": "1"})
            self.runs(link, a.title, False, False)
            tab = self.el("w:r")
            tab.append(self.el("w:tab"))
            link.append(tab)
            field_mark(link, "begin", f"PAGEREF {_bookmark(n)} \\h")
            field_mark(link, "separate")
            run(link, "")
            field_mark(link, "end")
            p.append(link)
            if n == len(b.articles):
                field_mark(p, "end")

    def start_article(self, a: Article, n: int) -> None:
        self.number = n
        if n:
            self.page_break()

    def masthead(self, text: str, a: Article) -> None:
        self.para(plain(text), "masthead")

    def title(self, a: Article, depth: int) -> None:
        p = self.para(plain(a.title), "h1" if self.shift else "title")
        if self.shift:  # the contents' links and page references point here
            mark = {"w:id": str(self.number), "w:name": _bookmark(self.number)}
            p.insert(1, self.el("w:bookmarkStart", mark))
            p.append(self.el("w:bookmarkEnd", {"w:id": str(self.number)}))

    def lede(self, text: str) -> None:
        self.para(plain(text), "lede")

    def byline(self, text: str) -> None:
        self.para(plain(text), "byline")

    def notes(self, lines: list[Text]) -> None:
        for line in lines:
            self.para(line, "source")

    # -- the điểm báo, in named styles an office can restyle with its template

    def digest_header(self, b: Briefing) -> None:
        self.shift = 1
        header = decree_header(b, self.decree_on)
        if header is not None:
            self.decree(header)
        self.para(plain(b.title), "digest_title")
        meta = digest_meta(b)
        if meta:
            self.para(plain(meta), "digest_meta")

    def group(self, label: str) -> None:
        self.para(plain(label), "group")

    def entry_title(self, a: Article, n: int) -> None:
        self.para((*plain(f"{n}.\u00a0"), *plain(a.title)), "entry_title")

    def entry_source(self, source: Text) -> None:
        self.para(source, "entry_source")

    def entry_lede(self, text: str) -> None:
        self.para(plain(text), "entry_lede")

    def points(self, items: tuple[Text, ...]) -> None:
        for item in items:
            self.para((*plain("–\t"), *item), "point")

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
                self.fill(p, row[c] if c < len(row) else (), "header_cell" if head else "cell")
                tc.append(p)
                tr.append(tc)
            tbl.append(tr)
        self.sect.addprevious(tbl)
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
