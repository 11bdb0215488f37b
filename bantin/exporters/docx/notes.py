"""Footnotes and endnotes as Word's own: a footnotes part (word/footnotes.xml, with
the separator and continuation-separator notes Word expects) and an endnotes part,
related from the document; a w:footnoteReference run in the "footnote reference"
style where the text refers to a note, and the note's blocks in "footnote text"
paragraphs. Word numbers them, continuously through the document."""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.story import StoryPart

from bantin.exporters.docx.fields import XML_SPACE
from bantin.exporters.docx.names import NOTE_STYLES
from bantin.exporters.docx.writer import Writer
from bantin.model import Article, Note, Span

_PARTS = {"footnote": ("/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES),
          "endnote": ("/word/endnotes.xml", CT.WML_ENDNOTES, RT.ENDNOTES)}


def _empty_part(kind: str) -> str:
    """The part with its two separator notes (ids -1 and 0), as Word writes them."""
    seps = "".join(
        f'<w:{kind} w:type="{t}" w:id="{i}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        f'w:lineRule="auto"/></w:pPr><w:r><w:{t}/></w:r></w:p></w:{kind}>'
        for i, t in ((-1, "separator"), (0, "continuationSeparator")))
    return f'<w:{kind}s {nsdecls("w", "r")}>{seps}</w:{kind}s>'


class _Parent:
    """What python-docx's paragraph proxy needs to place a picture in a note: the part."""

    def __init__(self, part: Any) -> None:
        self.part = part


class Notes(Writer):
    """The note references of the walk, and the parts the notes go in."""

    def start_notes(self, a: Article) -> None:
        self.notes_of = {n.id: n for n in a.notes}
        self.noted = {}

    def note_ref(self, p: Any, s: Span) -> None:
        """The first reference to a note writes the note; a later one (or one in a
        note: Word has no notes in notes) repeats its number, raised."""
        note = self.notes_of.get(s.note or "")
        if note is None or self.in_note or s.note in self.noted:
            mark = self.noted.get(s.note or "", s.text)
            kind = note.kind if note is not None and note.kind in _PARTS else "footnote"
            self.runs(p, mark, s.strong, s.em, self.ids[NOTE_STYLES[kind][1]])
            return
        self.write_note(p, note)

    def write_note(self, p: Any, note: Note) -> None:
        kind = note.kind if note.kind in _PARTS else "footnote"
        text_style, ref_style = (self.ids[n] for n in NOTE_STYLES[kind])
        part, root = self._part(kind)
        self.note_count[kind] = number = self.note_count.get(kind, 0) + 1
        self.noted[note.id] = str(number)
        r = self.el("w:r")
        rpr = self.el("w:rPr")
        rpr.append(self.el("w:rStyle", {"w:val": ref_style}))
        r.append(rpr)
        r.append(self.el(f"w:{kind}Reference", {"w:id": str(number)}))
        p.append(r)
        body = self.el(f"w:{kind}", {"w:id": str(number)})
        root.append(body)
        saved = (self.sink, self.part, self.para_role, self.list_level, self.cell_jc, self.in_note)
        self.sink, self.part, self.para_role, self.list_level, self.cell_jc, self.in_note = (
            body, part, "note", -1, None, True)
        try:
            for block in note.blocks:
                self.block(block, 1)
        finally:
            self.sink, self.part, self.para_role, self.list_level, self.cell_jc, self.in_note = saved
        first = body.find(qn("w:p"))
        if first is None or body.index(first) != 0:
            first = self.el("w:p")
            ppr = self.el("w:pPr")
            ppr.append(self.el("w:pStyle", {"w:val": text_style}))
            first.append(ppr)
            body.insert(0, first)
        # The note's own number opens its first paragraph (w:footnoteRef), then a space.
        mark = self.el("w:r")
        mpr = self.el("w:rPr")
        mpr.append(self.el("w:rStyle", {"w:val": ref_style}))
        mark.append(mpr)
        mark.append(self.el(f"w:{kind}Ref"))
        space = self.el("w:r")
        t = self.el("w:t")
        t.set(XML_SPACE, "preserve")
        t.text = " "
        space.append(t)
        ppr = first.find(qn("w:pPr"))
        at = 1 if ppr is not None else 0
        first.insert(at, mark)
        first.insert(at + 1, space)

    def _part(self, kind: str) -> tuple[Any, Any]:
        if kind not in self.note_parts:
            name, ctype, rel = _PARTS[kind]
            part = StoryPart(PackURI(name), ctype, parse_xml(_empty_part(kind)), self.d.part.package)
            self.d.part.relate_to(part, rel)
            self.note_parts[kind] = (part, part.element)
        return self.note_parts[kind]

    def picture_parent(self) -> Any:
        return _Parent(self.part)

    def footnotes(self, a: Article) -> None:
        """The notes live in their own parts, under the pages that refer to them;
        here only a note no text refers to is attached, to the article's last
        paragraph, so that none is lost."""
        last = self.sect.getprevious()
        for note in a.notes:
            if note.id not in self.noted and last is not None and last.tag == qn("w:p"):
                self.write_note(last, note)


def settings(d: Any, kinds: set[str]) -> None:
    """Name the separator notes in the settings, as Word does, and number endnotes
    1, 2, 3 like footnotes (Word's default for endnotes is i, ii, iii)."""
    root = d.settings.element
    compat = root.find(qn("w:compat"))
    for kind in ("footnote", "endnote"):
        if kind not in kinds:
            continue
        pr = root.makeelement(qn(f"w:{kind}Pr"), {})
        if kind == "endnote":
            pr.append(pr.makeelement(qn("w:numFmt"), {qn("w:val"): "decimal"}))
        for i in ("-1", "0"):
            pr.append(pr.makeelement(qn(f"w:{kind}"), {qn("w:id"): i}))
        # CT_Settings: footnotePr and endnotePr come just before compat.
        (compat.addprevious(pr) if compat is not None else root.append(pr))
    if "endnote" in kinds:
        # LibreOffice reads the endnotes' numbering from the section, not the settings.
        sect = d.element.body.find(qn("w:sectPr"))
        pr = sect.makeelement(qn("w:endnotePr"), {})
        pr.append(pr.makeelement(qn("w:numFmt"), {qn("w:val"): "decimal"}))
        refs = [el for el in sect if el.tag in (qn("w:headerReference"), qn("w:footerReference"), qn("w:footnotePr"))]
        (refs[-1].addnext(pr) if refs else sect.insert(0, pr))
