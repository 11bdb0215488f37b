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
from bantin.exporters.docx.fields import run
from bantin.exporters.docx.numbering import Numbering
from bantin.exporters.docx.styles import CODE_CHAR, LINK_STYLE, NAMES
from bantin.exporters.markup import link_target
from bantin.exporters.roles import Role
from bantin.exporters.walk import Walker
from bantin.model import Text
from bantin.style.fonts import Family, fallback_for
from bantin.style.stylesheet import FontSpec


def bookmark(n: int) -> str:
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


class Writer(Walker):
    """The elements every part of the walk appends: paragraphs in named styles,
    runs in the right face, links."""

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
