"""The helpers of the walk: WordprocessingML elements appended in front of the
body's final w:sectPr, paragraphs in named styles, runs in the right face.

python-docx's ``add_paragraph(style=name)`` looks the style up among all of them on
every call; the ids are resolved once per style sheet instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from bantin.exporters import Warn
from bantin.exporters.docx.fields import NB_HYPHEN, run
from bantin.exporters.docx.names import CODE_CHAR, LINK_STYLE, NAMES
from bantin.exporters.docx.numbering import Numbering, text_indent, twips
from bantin.exporters.markup import NOTE_SEPARATOR, link_target, with_marks_apart
from bantin.exporters.roles import Role
from bantin.exporters.walk import Walker
from bantin.model import LINE_BREAK, Note, Span, Text
from bantin.style.fonts import Family, fallback_for
from bantin.style.stylesheet import FontSpec


def bookmark(n: int) -> str:
    return f"_Toc_bantin_{n:04d}"  # "_Toc" names are the ones Word's TOC field makes


# Spaces the typography may put in and a text face may lack, and what stands in
# for them there: a face without a narrow no-break space would leave a gap of the
# reader's fallback font, or an empty box.
_STAND_INS = {"\u202f": "\u00a0", "\u2007": "\u00a0", "\u2009": " ", "\u200a": " ", "\u2060": ""}


class Covered:
    """``c in covered``: both text families have the character."""

    def __init__(self, *families: Family) -> None:
        self.families = families  # the body's first: what a width is measured in
        self.cmap = frozenset.intersection(*(f.cmap for f in families))
        self.stand_ins = str.maketrans({c: s for c, s in _STAND_INS.items()
                                        if ord(c) not in self.cmap and (not s or ord(s) in self.cmap)})

    def __contains__(self, c: object) -> bool:
        return isinstance(c, str) and (ord(c) in self.cmap or c == NB_HYPHEN)

    def all(self, text: str) -> bool:
        # U+2011 is written as w:noBreakHyphen, drawn with the font's own hyphen.
        return self.cmap.issuperset(map(ord, text.replace(NB_HYPHEN, "-") if NB_HYPHEN in text else text))


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


class Writer(Walker):
    """The elements every part of the walk appends: paragraphs in named styles,
    runs in the right face, links."""

    format = "docx"

    def __init__(self, d: Any, warn: Warn, ids: Mapping[str, str], width_mm: float, height_mm: float,
                 role_table: Mapping[str, Role], covered: Covered, fallbacks: tuple[FontSpec, ...],
                 decree_on: bool = False) -> None:

        self.d, self.warn, self.ids, self.qn = d, warn, ids, qn
        self.sect = d.element.body.find(qn("w:sectPr"))
        self.numbering = Numbering(d, role_table["item"])
        self.width_mm, self.height_mm = width_mm, height_mm  # the text area
        self.roles = role_table
        self.cell_size = role_table["cell"].size
        # (family role, face) drawn somewhere; the page header and footer use these two.
        self.faces: set[tuple[str, str]] = {("body", "regular"), ("heading", "regular")}
        self.covered = covered  # characters both text fonts have
        self.fallbacks = fallbacks
        self.fallback_chars: dict[Family, set[str]] = {}
        self.number = 0
        self.decree_on = self.decree_layout = decree_on
        self.shift = 0  # in a bundle, article titles are Heading 1 and headings move down one
        # Where blocks go: None for the body (in front of its w:sectPr), else the
        # element they are appended to (a table cell, a footnote), and the part
        # whose relationships its links and pictures use.
        self.sink: Any = None
        self.part: Any = d.part
        self.para_role = "body"  # the role of a plain paragraph here: "quote" in a quote, "cell" in a cell
        self.list_level = -1  # the nesting of the list item being written, -1 outside lists
        self.cell_jc: str | None = None  # the alignment of the table column being written
        self.notes_of: dict[str, Note] = {}  # the article's notes by id
        self.noted: dict[str, str] = {}  # note id -> the number Word shows for it
        self.in_note = False
        self.note_parts: dict[str, tuple[Any, Any]] = {}  # "footnote"/"endnote" -> (part, root element)
        self.note_count: dict[str, int] = {}
        # Each picture scaled once per size (``printed.scaled``): one photo in sixty
        # figures was made again sixty times. Bytes keep their hash once computed.
        self.printed: dict[tuple[bytes, int], bytes] = {}
        self.pages: list[int] = []  # a bundle's contents: the page each article starts on

    # -- elements

    def el(self, tag: str, attrs: dict[str, str] | None = None) -> Any:
        qn = self.qn
        return self.sect.makeelement(qn(tag), {qn(k): v for k, v in (attrs or {}).items()})

    def put(self, el: Any) -> None:
        if self.sink is None:
            self.sect.addprevious(el)
        else:
            self.sink.append(el)

    def _p(self, role: str | None, style_name: str | None = None) -> Any:
        """A paragraph in the role's named style. A block inside a list item (its
        second paragraph, a quote, code) is set at the item's text and carries
        "no number" at the item's level (w:numId 0): Word shows no number, and
        readers (pandoc) keep it inside the item."""
        p = self.el("w:p")
        name = style_name or (NAMES[role] if role else None)
        if name is not None:
            ppr = self.el("w:pPr")
            ppr.append(self.el("w:pStyle", {"w:val": self.ids[name]}))
            if self.list_level >= 0 and role is not None and role != "item":
                numpr = self.el("w:numPr")
                numpr.append(self.el("w:ilvl", {"w:val": str(self.list_level)}))
                numpr.append(self.el("w:numId", {"w:val": "0"}))
                ppr.append(numpr)
                # Said again where the style says it: LibreOffice sets a paragraph
                # whose numbering is removed at the margin.
                left = text_indent(self.roles["item"], self.list_level) + twips(
                    0 if role.startswith("continue_") else self.roles[role].left)
                ppr.append(self.el("w:ind", {"w:left": str(left), "w:firstLine": "0"}))
            if self.cell_jc and role in ("cell", "header_cell"):
                ppr.append(self.el("w:jc", {"w:val": self.cell_jc}))
            p.append(ppr)
        self.put(p)
        return p

    def fill(self, p: Any, text: Text, role: str) -> Any:
        """The spans as runs; a link becomes a w:hyperlink to an external target.
        Notes which faces the runs are drawn in: only those are embedded."""
        r = self.roles[role]
        for s, after_note in with_marks_apart(text):
            if after_note:
                self.runs(p, NOTE_SEPARATOR, False, False, None, "sup")
            bold, italic = r.bold or s.strong, r.italic or s.em
            self.faces.add(("mono" if s.code else r.font, "bold_italic" if bold and italic else "bold" if bold else
                            "italic" if italic else "regular"))
            if s.note is not None:
                self.note_ref(p, s)
                continue
            vert = "sup" if s.sup else "sub" if s.sub else None
            target = link_target(s.href)
            if target:
                rid = self.part.relate_to(target, RT.HYPERLINK, is_external=True)
                link = self.el("w:hyperlink", {"r:id": rid, "w:history": "1"})
                self.runs(link, s.text, s.strong, s.em, self.ids[LINK_STYLE], vert)
                p.append(link)
            else:
                self.runs(p, s.text, s.strong, s.em, self.ids[CODE_CHAR] if s.code else None, vert)
        return p

    def runs(self, p: Any, text: str, bold: bool, italic: bool, char_style: str | None = None,
             vert: str | None = None) -> None:
        """One run, or several when some characters need a fallback face: Word
        would otherwise pick any font of the reader's machine, or none."""
        if LINE_BREAK in text:  # a line break is no character any face must have
            for k, line in enumerate(text.split(LINE_BREAK)):
                if k:
                    run(p, LINE_BREAK, bold, italic, char_style, None, vert)
                if line:
                    self.runs(p, line, bold, italic, char_style, vert)
            return
        if self.covered.all(text):
            run(p, text, bold, italic, char_style, None, vert)
            return
        text = text.translate(self.covered.stand_ins)
        if self.covered.all(text):
            run(p, text, bold, italic, char_style, None, vert)
            return
        for fam, piece in _by_face(text, self.covered, self.fallbacks):
            if fam is not None:
                self.fallback_chars.setdefault(fam, set()).update(piece)
            run(p, piece, bold, italic, char_style, None if fam is None else fam.name, vert)

    def note_ref(self, p: Any, s: Span) -> None:
        """A note reference: written by the notes (``notes.Notes``); here, where
        there are none, the mark raised."""
        self.runs(p, s.text, s.strong, s.em, None, "sup")

    def para(self, text: Text, role: str, style_name: str | None = None) -> Any:
        return self.fill(self._p(role, style_name), text, role)

    def page_break(self) -> None:
        p = self._p(None)
        r = self.el("w:r")
        r.append(self.el("w:br", {"w:type": "page"}))
        p.append(r)
