"""reportlab paragraph styles, made from the shared role table (``roles``)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from bantin.exporters.pdf.fonts import Fonts
from bantin.exporters.roles import MM, roles
from bantin.style.stylesheet import Style

ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 4}  # reportlab's TA_* values
SHRINK = 0.2  # of a justified line's word spaces
# ems: the space reportlab keeps after a paragraph's label (its bulletText); when the
# label and this pass the paragraph's indent, it sets the first line further right.
LABEL_GAP = 0.6


@lru_cache(maxsize=8)
def styles(style: Style, f: Fonts) -> Mapping[str, Any]:
    """One ParagraphStyle per role, built once per style sheet (reportlab never
    changes them); read-only, since every document of the process shares them."""
    t = style.text
    ink, accent = colors.HexColor(t.body_colour), colors.HexColor(t.accent_colour)
    out: dict[str, Any] = {}
    for name, r in roles(style).items():
        if r.font == "mono":
            continue  # built with the code face, when a document has code (blocks.codeblock)
        out[name] = ParagraphStyle(
            name, fontName=f.face(r.font, r.face), fontSize=r.size, leading=r.size * r.leading,
            alignment=ALIGN[r.align], spaceBefore=r.before, spaceAfter=r.after, leftIndent=r.left * MM,
            rightIndent=r.right * MM, firstLineIndent=r.first * MM if r.first > 0 else 0,
            keepWithNext=int(r.keep_next), textColor=accent if r.accent else ink,
            # A link is underlined, not told by colour alone (a grey print, WCAG 1.4.1),
            # and below the dấu nặng: at reportlab's depth the line ran through the dot.
            linkUnderline=1, underlineOffset="-0.3*F", underlineWidth="0.05*F",
            allowWidows=0, allowOrphans=0, hyphenationLang="", embeddedHyphenation=0, splitLongWords=1,
            # A URL too long for its line breaks after a slash rather than mid-word.
            # A label (an entry's number, a point's dash) in its paragraph's own face and size.
            uriWasteReduce=0.3, bulletFontName=f.face(r.font, r.face), bulletFontSize=r.size,
            # Justified lines may close their spaces a little (TeX allows a third) to
            # take one more word; a line set flush left or centred never passes its measure.
            spaceShrinkage=SHRINK if r.align == "justify" else 0,
            bulletIndent=(r.left + r.first) * MM if r.first < 0 else 0,
        )
    for align in ("right", "center"):
        for cell in ("cell", "header_cell"):
            out[f"{cell}-{align}"] = ParagraphStyle(f"{cell}-{align}", parent=out[cell], alignment=ALIGN[align])
    # Inside a quote the quote's indents are the place's (``Blocks.nested``), so that
    # a list or code in a quote is indented as its paragraphs are.
    for name in ("quote", "attribution", "item", "note"):
        out[f"{name}-text"] = ParagraphStyle(f"{name}-text", parent=out[name], leftIndent=0, rightIndent=0,
                                             firstLineIndent=0, bulletIndent=0)
    return MappingProxyType(out)


ENTRY_PARTS = ("entry_title", "entry_source", "entry_lede", "point")


def overrun(pst: Any, label: str) -> float:
    """How far ``label`` and reportlab's gap after it pass the paragraph's indent:
    by so much reportlab sets the first line right of the lines under it."""
    need = float(pst.bulletIndent + stringWidth(label, pst.bulletFontName, pst.bulletFontSize)
                 + LABEL_GAP * pst.bulletFontSize)
    return max(0.0, need - float(pst.leftIndent))


def _moved(pst: Any, text: float, label: float) -> Any:
    if not text and not label:
        return pst
    return ParagraphStyle(f"{pst.name}@+{text:g},{label:g}", parent=pst, leftIndent=pst.leftIndent + text,
                          bulletIndent=pst.bulletIndent + label)


def numbered(st: Mapping[str, Any], count: int) -> dict[str, Any]:
    """The styles of a digest entry's parts, with a number column that holds the
    widest of the numbers 1 to ``count`` ("10." is wider than "12." in most
    faces) and a point's dash: otherwise each title past the ninth, and each
    point, would start its first line further right than the lines under it."""
    widest = max((f"{n}." for n in range(1, count + 1)), default="",
                 key=lambda label: overrun(st["entry_title"], label))
    shift = overrun(st["entry_title"], widest)
    out = {"entry_title": _moved(st["entry_title"], shift, 0.0)}
    for name in ENTRY_PARTS[1:]:  # the title's number stays at the margin; the rest moves with its text
        out[name] = _moved(st[name], shift, shift)
    out["point"] = _moved(out["point"], overrun(out["point"], "–"), 0.0)
    return out


@lru_cache(maxsize=1024)
def placed(pst: Any, left: float, right: float, hang: float | None = None) -> Any:
    """``pst`` moved ``left`` points right and narrowed by ``right``: a paragraph
    inside a list item or a quote. With ``hang``, the first paragraph of a list
    item: its label at ``left``, its text (every line) ``hang`` points further."""
    if not left and not right and hang is None:
        return pst
    if hang is None:
        return ParagraphStyle(f"{pst.name}@{left:g},{right:g}", parent=pst, leftIndent=pst.leftIndent + left,
                              rightIndent=pst.rightIndent + right)
    return ParagraphStyle(f"{pst.name}@{left:g},{right:g},{hang:g}", parent=pst, leftIndent=left + hang,
                          rightIndent=pst.rightIndent + right, bulletIndent=left, firstLineIndent=0,
                          bulletFontName=pst.fontName, bulletFontSize=pst.fontSize)


@lru_cache(maxsize=64)
def loose(pst: Any) -> Any:
    """The style without keep-with-next, for all but the last piece of a long
    paragraph: a title in 400 pieces must not become one unsplittable block."""
    return ParagraphStyle(f"{pst.name}-loose", parent=pst, keepWithNext=0)
