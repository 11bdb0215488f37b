"""Word's named styles, defined from the shared role table.

Every block gets a named paragraph style, so changing "Body Text" or "Heading 1" in
Word restyles every paragraph of its kind, and changing "Normal" (the base of them
all) restyles the whole document. Fonts are named in all four rFonts slots with
the theme attributes removed (a theme font would otherwise win).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from bantin.exporters.docx import numbering
from bantin.exporters.docx.fields import ppr_put
from bantin.exporters.docx.names import CELL_MARGIN, CODE_CHAR, EXTRA, LINK_STYLE, NAMES, NOTE_STYLES, TABLE_STYLE
from bantin.exporters.docx.numbering import STEP_MM
from bantin.exporters.roles import CODE_GROUND, Role, roles
from bantin.style.stylesheet import Style

LANG = "vi-VN"

_IDS = {"footnote text": "FootnoteText", "footnote reference": "FootnoteReference", "endnote text": "EndnoteText",
        "endnote reference": "EndnoteReference", "Body Text": "BodyText"}
# Styles kept in the template, by lower-case name: ours, and Word's defaults.
_KEEP = {n.lower() for n in (*NAMES.values(), *EXTRA, TABLE_STYLE, LINK_STYLE, CODE_CHAR, "Default Paragraph Font",
                             "Normal Table", "No List", "footnote reference", "endnote reference")}
_ALIGN = {"left": "LEFT", "right": "RIGHT", "center": "CENTER", "justify": "JUSTIFY"}


def set_fonts(rpr: Any, name: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        if attr.endswith("Theme"):
            del rfonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), name)


def set_lang(rpr: Any) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    for slot in ("val", "eastAsia", "bidi"):
        lang.set(qn(f"w:{slot}"), LANG)


def _strip_theme(root: Any) -> None:
    """Theme fonts and colours override named ones: remove every reference."""
    for el in root.iter():
        for attr in list(el.attrib):
            local = attr.rsplit("}", 1)[-1]
            if local.endswith("Theme") or local in ("themeColor", "themeShade", "themeTint"):
                del el.attrib[attr]


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


@lru_cache(maxsize=16)
def docx_roles(style: Style) -> Mapping[str, Role]:
    """The shared roles, and those only Word has a style for: the base "Normal",
    note text, the placeholder of a missing picture, an item's further paragraphs."""
    table = roles(style)
    item, source, figure = table["item"], table["source"], table["figure"]
    note = table["note"] if "note" in table else replace(source, after=1.0)
    extra = {
        "base": replace(table["body"], first=0.0, align="left"),
        "note": note,
        "endnote": note,
        "placeholder": replace(figure, italic=True, before=figure.before, after=2.0, left=10.0, right=10.0),
        **{f"continue_{k}": replace(item, left=item.left + k * STEP_MM, first=0.0) for k in range(5)},
        # "Trang 2/4" in the body face, centred, as the PDF sets it.
        "footer": replace(table["running"], font="body", align="center"),
    }
    return MappingProxyType({**extra, **table})  # the shared table wins where it names a role too


def define(d: Any, style: Style, body: str, heading: str, mono: str) -> None:
    """Define every role's style (and the table and link styles) in document ``d``."""
    styles = d.styles
    root = styles.element
    _strip_theme(root)
    rpr_default = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, body)
    set_lang(rpr_default)

    table = docx_roles(style)
    order = ["base"] + [r for r in NAMES if r != "base"]  # Normal first: the others are based on it
    for name, role in [(NAMES[r], table[r]) for r in order] + [(n, table[r]) for n, r in EXTRA.items()]:
        try:
            s = styles[name]
        except KeyError:
            s = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            s.base_style = styles["Normal"]
            if name in _IDS:
                s.style_id = _IDS[name]
        s.hidden = False
        s.quick_style = True
        _paragraph_style(s, role, style, {"heading": heading, "mono": mono}.get(role.font, body))
    _list_spacing(d, table["item"], table["body"])
    _placeholder_frame(d)
    numbering.digest_lists(d, (table["entry_title"], styles[NAMES["entry_title"]]),
                           (table["point"], styles[NAMES["point"]]))
    _outline(d)
    _note_references(d)
    _code_styles(d, mono)
    _link_style(d, style)
    _table_style(d)
    _contents_tab(d, style)
    # Styles the template defines but the document does not use still name a theme
    # font; give every remaining style the body font too.
    for s in styles:
        if s.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            rpr = s.element.get_or_add_rPr()
            if rpr.find(qn("w:rFonts")) is None or rpr.find(qn("w:rFonts")).get(qn("w:ascii")) is None:
                set_fonts(rpr, body)
    _linked_alike(root)  # first: a character style is not based on Normal, and keeps every property
    _inherit_from_normal(root)
    for kind in ("title", "h1", "h2", "h3", "h4", "h5", "h6", "lede", "masthead", "quote", "attribution", "caption"):
        # A paragraph typed after a heading in Word is body text, not "Normal".
        styles[NAMES[kind]].next_paragraph_style = styles[NAMES["body"]]


_OFF = frozenset(qn(t) for t in ("w:b", "w:i", "w:caps", "w:bCs", "w:iCs"))


def _inherit_from_normal(root: Any) -> None:
    """A style based on Normal keeps only the character properties it changes:
    an editor who sets Normal's font, colour or language in Word sees every body
    style follow (each had its own copy, so nothing changed)."""
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    normal = by_id.get("Normal")
    base = normal.find(qn("w:rPr")) if normal is not None else None
    if base is None:
        return
    same = {(el.tag, tuple(sorted(el.attrib.items()))) for el in base}
    for style in by_id.values():
        based = style.find(qn("w:basedOn"))
        rpr = style.find(qn("w:rPr"))
        if based is None or based.get(qn("w:val")) != "Normal" or rpr is None:
            continue
        for el in list(rpr):
            off = el.tag in _OFF and el.get(qn("w:val")) in ("0", "false") \
                and base.find(el.tag) is None
            if off or (el.tag, tuple(sorted(el.attrib.items()))) in same:
                rpr.remove(el)


DIGIT_EM = 0.65  # a lining digit of a bold sans face is at most this wide
MARK_GAP_EM = 0.75  # the period after a number and the least gap before the tab's stop


def number_column(d: Any, table: Mapping[str, Role], count: int) -> None:
    """Widen a digest's number column in document ``d`` when its last entry number
    (``count``) would not fit: the title follows its number after a tab, at the
    hanging indent, so that the title, its second line, the source line and the
    lede start at one place; "10." would pass a column made for "9.", and the tab
    would then jump to the next default stop. The entry styles move right together."""
    title = table["entry_title"]
    need = title.size * (DIGIT_EM * len(str(count)) + MARK_GAP_EM) * 25.4 / 72  # mm
    shift = need - title.left
    if shift <= 0:
        return
    for role in ("entry_title", "entry_source", "entry_lede", "point"):
        d.styles[NAMES[role]].paragraph_format.left_indent = Mm(table[role].left + shift)
    d.styles[NAMES["entry_title"]].paragraph_format.first_line_indent = Mm(title.first - shift)
    numbering.indent_lists(d, replace(title, left=title.left + shift, first=title.first - shift),
                           replace(table["point"], left=table["point"].left + shift))


def _linked_alike(root: Any) -> None:
    """A linked character style ("Title Char") looks like its paragraph style: the
    template's Title Char was 26 pt against our 22 pt Title, so a title formatted
    with it in Word or LibreOffice jumped in size. Its run properties become a
    copy of the paragraph style's."""
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    for para in by_id.values():
        link = para.find(qn("w:link"))
        if para.get(qn("w:type")) != "paragraph" or link is None:
            continue
        char = by_id.get(link.get(qn("w:val")))
        source = para.find(qn("w:rPr"))
        if char is None or char.get(qn("w:type")) != "character" or source is None:
            continue
        old = char.find(qn("w:rPr"))
        if old is not None:
            char.remove(old)
        char.append(copy.deepcopy(source))


def titled(d: Any, style: Style, heading: str) -> None:
    """A bundle's article titles are Heading 1 (Word's navigation lists them), set
    as the title of an article on its own, as the PDF sets them: the Heading 1 of
    a section was the size of the headings under it (helper-90)."""
    _paragraph_style(d.styles[NAMES["h1"]], docx_roles(style)["title"], style, heading)


def _outline(d: Any) -> None:
    """A digest's groups and entries are in Word's navigation pane and LibreOffice's
    Navigator, under the document's headings: groups at level 1, entries at 2."""
    for role, level in (("group", "0"), ("entry_title", "1")):
        ppr = d.styles[NAMES[role]].element.get_or_add_pPr()
        ppr_put(ppr, ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): level}))


def entries_first(d: Any) -> None:
    """A digest without groups has its entries at outline level 1 in document
    ``d``, as the PDF's outline and the EPUB's contents have them: at level 2 under
    no level 1, Word's navigation skipped a level (helper-94)."""
    ppr = d.styles[NAMES["entry_title"]].element.get_or_add_pPr()
    ppr_put(ppr, ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): "0"}))


def _list_spacing(d: Any, item: Role, body: Role) -> None:
    """A list is set off from the block after it by half a paragraph's space more,
    as the PDF sets it, and its items stay as close as there: the item styles'
    space after is the larger one, which Word and LibreOffice drop between two
    paragraphs of the same style (w:contextualSpacing). The body holds no direct
    formatting for it."""
    for name in ("List Number", "List Bullet"):
        ppr = d.styles[name].element.get_or_add_pPr()
        d.styles[name].paragraph_format.space_after = Pt(item.after + body.after / 2)
        ppr_put(ppr, ppr.makeelement(qn("w:contextualSpacing"), {}))


def _placeholder_frame(d: Any) -> None:
    """Where a picture is missing, its placeholder stands in a thin frame."""
    ppr = d.styles[NAMES["placeholder"]].element.get_or_add_pPr()
    bdr = ppr.makeelement(qn("w:pBdr"), {})
    for edge in ("top", "left", "bottom", "right"):
        bdr.append(bdr.makeelement(qn(f"w:{edge}"), {qn("w:val"): "single", qn("w:sz"): "4", qn("w:space"): "4",
                                                    qn("w:color"): "888888"}))
    ppr_put(ppr, bdr)


def _note_references(d: Any) -> None:
    """The note marks in the text and in the notes: raised, in the text's face."""
    for _text, ref in NOTE_STYLES.values():
        s = d.styles.add_style(ref, WD_STYLE_TYPE.CHARACTER)
        s.style_id = _IDS[ref]
        s.hidden = False
        rpr = s.element.get_or_add_rPr()
        rpr.append(rpr.makeelement(qn("w:vertAlign"), {qn("w:val"): "superscript"}))


def _paragraph_style(s: Any, r: Role, style: Style, font: str) -> None:
    t = style.text
    f = s.font
    f.name = font
    f.size = Pt(r.size)
    f.bold = r.bold
    f.italic = r.italic
    f.color.rgb = RGBColor.from_string(_hex(t.accent_colour if r.accent else t.body_colour))
    f.all_caps = False
    rpr = s.element.get_or_add_rPr()
    set_fonts(rpr, font)
    set_lang(rpr)
    pf = s.paragraph_format
    pf.alignment = getattr(WD_ALIGN_PARAGRAPH, _ALIGN[r.align])
    pf.space_before = Pt(r.before)
    pf.space_after = Pt(r.after)
    # "At least" size × leading points: the same leading as the PDF, and Word may
    # still grow a line whose stacked marks (Ấ, Ễ) need more.
    pf.line_spacing = Pt(r.size * r.leading)
    pf.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    pf.left_indent = Mm(r.left)
    pf.right_indent = Mm(r.right)
    pf.first_line_indent = Mm(r.first)
    pf.keep_with_next = r.keep_next
    if r.keep_lines:  # only set: a template heading's own keep-lines stays
        pf.keep_together = True
    pf.widow_control = True
    ppr = s.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing"):
        for el in ppr.findall(qn(tag)):
            ppr.remove(el)
    ppr_put(ppr, ppr.makeelement(qn("w:suppressAutoHyphens"), {}))


def prune(d: Any) -> None:
    """Drop the template's styles no part of ours names (dozens of "Light Grid
    Accent 4" table styles, and the latent-style list): the styles part shrinks
    from 330 KB to a tenth, and every document parses it faster. What a kept style
    is based on, linked to or followed by stays."""
    root = d.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    keep = {s.get(qn("w:styleId")) for s in by_id.values()
            if s.find(qn("w:name")) is not None
            and s.find(qn("w:name")).get(qn("w:val")).lower() in _KEEP}
    frontier = list(keep)
    while frontier:
        style = by_id.get(frontier.pop())
        if style is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next"):
            el = style.find(qn(tag))
            if el is not None and el.get(qn("w:val")) not in keep:
                keep.add(el.get(qn("w:val")))
                frontier.append(el.get(qn("w:val")))
    for sid, style in by_id.items():
        if sid not in keep:
            root.remove(style)
    for latent in root.findall(qn("w:latentStyles")):
        root.remove(latent)


def _contents_tab(d: Any, style: Style) -> None:
    """A dot-leader right tab at the text's edge, "Title ..... 3"; no right indent before it (package.settings)."""
    page, toc = style.page, d.styles[NAMES["toc"]].paragraph_format
    toc.right_indent = Mm(0)
    width = page.size_mm[0] - page.margin_left - page.margin_right
    toc.tab_stops.add_tab_stop(Mm(width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def _code_styles(d: Any, mono: str) -> None:
    """Inline code as a character style in the code face; code blocks on the light ground
    every format gives them. Every DOCX carries both, code or not, for an editor to apply:
    so a run checks the code face like the text faces (``fonts.check``), for every format."""
    s = d.styles.add_style(CODE_CHAR, WD_STYLE_TYPE.CHARACTER)
    s.hidden = False
    s.font.name = mono
    set_fonts(s.element.get_or_add_rPr(), mono)
    ppr = d.styles[NAMES["code"]].element.get_or_add_pPr()
    ppr_put(ppr, ppr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto",
                                               qn("w:fill"): _hex(CODE_GROUND)}))


def _link_style(d: Any, style: Style) -> None:
    try:
        s = d.styles[LINK_STYLE]
    except KeyError:
        s = d.styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    s.hidden = False
    s.font.color.rgb = RGBColor.from_string(_hex(style.text.accent_colour))
    s.font.underline = True


def _table_style(d: Any) -> None:
    """A named table style with hairline rules between rows, which an editor can
    change once for every table of the document."""
    s = d.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    s.hidden = False
    s.quick_style = True
    el = s.element
    tblpr = el.makeelement(qn("w:tblPr"), {})
    borders = tblpr.makeelement(qn("w:tblBorders"), {})
    for edge, size in (("top", "8"), ("bottom", "4"), ("insideH", "2")):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {
            qn("w:val"): "single", qn("w:sz"): size, qn("w:space"): "0", qn("w:color"): "888888"}))
    tblpr.append(borders)
    margins = tblpr.makeelement(qn("w:tblCellMar"), {})
    for edge, space in (("top", "40"), ("left", str(CELL_MARGIN)), ("bottom", "40"), ("right", str(CELL_MARGIN))):
        margins.append(margins.makeelement(qn(f"w:{edge}"), {qn("w:w"): space, qn("w:type"): "dxa"}))
    tblpr.append(margins)
    el.append(tblpr)
