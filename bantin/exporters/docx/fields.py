"""Runs, fields (PAGE, NUMPAGES, TOC), the page set-up and its header and footer."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Mm

from bantin.exporters.labels import PAGE
from bantin.model import LINE_BREAK
from bantin.style.stylesheet import Style

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


NB_HYPHEN = "\u2011"  # written as w:noBreakHyphen: Word and LibreOffice draw a hyphen that never ends a line
_VERT = {"sup": "superscript", "sub": "subscript"}


def run(p: Any, text: str, bold: bool = False, italic: bool = False, char_style: str | None = None,
        font: str | None = None, vert: str | None = None) -> None:
    """Append a run of text to ``p`` (a w:p or w:hyperlink element); ``font`` names
    a fallback face for characters the text fonts lack; ``vert`` ("sup" or "sub")
    raises or lowers it."""
    r = p.makeelement(qn("w:r"), {})
    if bold or italic or char_style or font or vert:
        rpr = r.makeelement(qn("w:rPr"), {})
        if char_style:
            rpr.append(rpr.makeelement(qn("w:rStyle"), {qn("w:val"): char_style}))
        if font:
            slots = ("ascii", "hAnsi", "eastAsia", "cs")
            rpr.append(rpr.makeelement(qn("w:rFonts"), {qn(f"w:{k}"): font for k in slots}))
        if bold:
            rpr.append(rpr.makeelement(qn("w:b"), {}))
        if italic:
            rpr.append(rpr.makeelement(qn("w:i"), {}))
        if vert:
            rpr.append(rpr.makeelement(qn("w:vertAlign"), {qn("w:val"): _VERT[vert]}))
        r.append(rpr)
    # A tab (kept only in code) is its own element: inside w:t Word shows a space.
    # So are a line break (w:br, Shift+Enter) and a non-breaking hyphen: no text
    # font has U+2011, w:noBreakHyphen needs none.
    pieces = _BREAKS.split(text)
    for piece in pieces:
        if piece in _BREAK_ELEMENTS:
            r.append(r.makeelement(qn(_BREAK_ELEMENTS[piece]), {}))
        elif NB_HYPHEN in piece:
            for k, part in enumerate(piece.split(NB_HYPHEN)):
                if k:
                    r.append(r.makeelement(qn("w:noBreakHyphen"), {}))
                if part:
                    _text(r, part)
        elif piece or len(pieces) == 1:
            _text(r, piece)
    p.append(r)


_BREAK_ELEMENTS = {"\t": "w:tab", LINE_BREAK: "w:br"}
_BREAKS = re.compile(f"([{''.join(_BREAK_ELEMENTS)}])")


def _text(r: Any, text: str) -> None:
    t = r.makeelement(qn("w:t"), {XML_SPACE: "preserve"})
    t.text = text
    r.append(t)


# CT_PPr's sequence (ECMA-376 §17.3.1.26): Word rejects a w:pPr whose children are out of order.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_RANK = {qn(f"w:{t}"): n for n, t in enumerate(PPR_ORDER)}


def ppr_put(ppr: Any, el: Any) -> Any:
    """Put ``el`` into a w:pPr where its sequence wants it (replacing one of its kind)."""
    rank = _RANK[el.tag]
    for child in ppr:
        r = _RANK.get(child.tag, -1)
        if r == rank:
            child.addprevious(el)
            ppr.remove(child)
            return el
        if r > rank:
            child.addprevious(el)
            return el
    ppr.append(el)
    return el


def field_mark(p: Any, kind: str, instruction: str | None = None) -> None:
    """A field's begin/separate/end mark (with its instruction after begin)."""
    r = p.makeelement(qn("w:r"), {})
    r.append(r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind}))
    p.append(r)
    if instruction is not None:
        r = p.makeelement(qn("w:r"), {})
        instr = r.makeelement(qn("w:instrText"), {XML_SPACE: "preserve"})
        instr.text = f" {instruction} "
        r.append(instr)
        p.append(r)


def field(p: Any, instruction: str, placeholder: str = "1") -> None:
    field_mark(p, "begin", instruction)
    field_mark(p, "separate")
    run(p, placeholder)
    field_mark(p, "end")


def _rule_under(ppr: Any, colour: str) -> None:
    """A thin rule in the accent colour under the running title, as the PDF draws it."""
    bdr = ppr.makeelement(qn("w:pBdr"), {})
    bdr.append(bdr.makeelement(qn("w:bottom"), {qn("w:val"): "single", qn("w:sz"): "3", qn("w:space"): "1",
                                                qn("w:color"): colour.lstrip("#").upper()}))
    ppr_put(ppr, bdr)


def page_setup(d: Any, style: Style, running: str) -> None:
    page = style.page
    w, h = page.size_mm
    for section in d.sections:
        section.page_width, section.page_height = Mm(w), Mm(h)
        section.top_margin, section.bottom_margin = Mm(page.margin_top), Mm(page.margin_bottom)
        section.left_margin, section.right_margin = Mm(page.margin_left), Mm(page.margin_right)
        # Halfway into the margin, less 2 mm; never below the paper's edge (a margin
        # under 4 mm, which a sheet may set, failed every DOCX, helper-117).
        section.header_distance = Mm(max(0.0, page.margin_top / 2 - 2))
        section.footer_distance = Mm(max(0.0, page.margin_bottom / 2 - 2))
        # Header and footer differ on page 1: no running title, and in the nd30
        # layout no page number there either.
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.style = d.styles["Header"]
        if page.page_numbers == "top":
            field(header._p, "PAGE")
        elif page.running_header:
            header.add_run(running)
            _rule_under(header._p.get_or_add_pPr(), style.text.accent_colour)
        if page.page_numbers == "footer":
            for footer in (section.footer, section.first_page_footer):
                p = footer.paragraphs[0]
                p.style = d.styles["Footer"]
                run(p._p, f"{PAGE} ")
                field(p._p, "PAGE")
                run(p._p, "/")
                field(p._p, "NUMPAGES")


RUNNING = "\ue000running title\ue000"  # placeholder in the prepared template's header


def set_running_title(d: Any, title: str) -> None:
    for part in d.part.package.iter_parts():
        if str(part.partname).startswith("/word/header"):
            for t in part.element.iter(qn("w:t")):
                if t.text == RUNNING:
                    t.text = title
