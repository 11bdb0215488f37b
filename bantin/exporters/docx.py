"""DOCX that editors keep working in (python-docx).

Every block gets a named paragraph style and every style is defined from the style
sheet, so changing "Normal" or "Heading 1" in Word restyles the whole document; the
body carries no direct formatting beyond the bold and italic of the source. Fonts
are named in all four rFonts slots with the theme attributes removed (they would
otherwise win), and embedded as ECMA-376 obfuscated fonts so that Word and
LibreOffice draw the same faces as the PDF on machines that lack them.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from bantin import __version__
from bantin.exporters import Exporter, Warn
from bantin.exporters._shared import (
    CONTENTS,
    PAGE,
    briefing_meta,
    build_time,
    caption_line,
    doc_subject,
    footer_lines,
    meta_line,
    short_title,
    zip_entry,
)
from bantin.fonts import Family, resolve
from bantin.model import (
    Article,
    Briefing,
    Caption,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    SectionBreak,
    Text,
)
from bantin.stylesheet import Style

LANG = "vi-VN"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
ODTTF = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

# ---------------------------------------------------------------- styles


def _set_fonts(rpr: Any, name: str) -> None:
    from docx.oxml.ns import qn

    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        if attr.endswith("Theme"):
            del rfonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), name)


def _set_lang(rpr: Any) -> None:
    from docx.oxml.ns import qn

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


def _define_styles(d: Any, style: Style, body: str, heading: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    t = style.text
    styles = d.styles
    root = styles.element
    _strip_theme(root)

    defaults = root.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default, body)
    _set_lang(rpr_default)

    ink = RGBColor.from_string(_hex(t.body_colour))
    accent = RGBColor.from_string(_hex(t.accent_colour))
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY if t.justify else WD_ALIGN_PARAGRAPH.LEFT

    def para_style(name: str, base: str | None = "Normal") -> Any:
        try:
            s = styles[name]
        except KeyError:
            s = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            if base:
                s.base_style = styles[base]
        s.hidden = False
        s.quick_style = True
        return s

    def setup(
        s: Any, *, font: str, size: float, bold: bool = False, italic: bool = False, colour: Any = ink,
        align: Any = None, before: float = 0, after: float | None = None, leading: float | None = None,
        left: float = 0, right: float = 0, first: float = 0, keep_next: bool = False,
    ) -> None:
        f = s.font
        f.name = font
        f.size = Pt(size)
        f.bold = bold
        f.italic = italic
        f.color.rgb = colour
        f.all_caps = False
        rpr = s.element.get_or_add_rPr()
        _set_fonts(rpr, font)
        _set_lang(rpr)
        pf = s.paragraph_format
        if align is not None:
            pf.alignment = align
        pf.space_before = Pt(before)
        pf.space_after = Pt(t.space_after if after is None else after)
        # "At least" size × leading points: the same leading as the PDF, and Word may
        # still grow a line whose stacked marks (Ấ, Ễ) need more.
        pf.line_spacing = Pt(size * (leading or t.leading))
        pf.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        pf.left_indent = Mm(left)
        pf.right_indent = Mm(right)
        pf.first_line_indent = Mm(first)
        pf.keep_with_next = keep_next
        pf.widow_control = True
        ppr = s.element.get_or_add_pPr()
        for tag in ("w:pBdr", "w:contextualSpacing"):
            for el in ppr.findall(qn(tag)):
                ppr.remove(el)
        if ppr.find(qn("w:suppressAutoHyphens")) is None:
            ppr.append(ppr.makeelement(qn("w:suppressAutoHyphens"), {}))

    centre = WD_ALIGN_PARAGRAPH.CENTER
    setup(para_style("Normal", None), font=body, size=t.body_size, align=justify, first=t.first_line_indent)
    title_align = centre if style.page.page_numbers == "top" else WD_ALIGN_PARAGRAPH.LEFT
    setup(para_style("Title"), font=heading, size=t.title_size, bold=True, align=title_align,
          after=t.title_size * 0.5, leading=1.2, keep_next=True)
    setup(para_style("Lede"), font=body, size=t.lede_size, bold=True, align=justify,
          after=t.space_after * 1.5)
    hs = list(t.heading_sizes) + [t.body_size] * 3
    for level in (1, 2, 3):
        size = hs[level - 1]
        setup(para_style(f"Heading {level}"), font=heading, size=size, bold=True,
              align=WD_ALIGN_PARAGRAPH.LEFT, before=size * 0.9, after=size * 0.45, leading=1.25, keep_next=True)
    setup(para_style("Quote"), font=body, size=t.body_size, italic=True, align=justify, left=10, right=10,
          before=t.space_after / 2)
    setup(para_style("Quote Attribution"), font=body, size=t.body_size * 0.92,
          align=WD_ALIGN_PARAGRAPH.RIGHT, right=10)
    for name in ("List Number", "List Bullet", "List Paragraph"):  # the last: items with their own ordinals
        setup(para_style(name), font=body, size=t.body_size, align=justify, left=7, first=-5,
              after=t.space_after / 2)
    setup(para_style("Caption"), font=body, size=t.caption_size, italic=True, colour=accent,
          align=WD_ALIGN_PARAGRAPH.LEFT, leading=1.3, before=t.space_after / 2)
    setup(para_style("Byline"), font=body, size=t.body_size, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT,
          before=t.space_after)
    setup(para_style("Masthead"), font=heading, size=t.masthead_size, colour=accent,
          align=WD_ALIGN_PARAGRAPH.LEFT, after=t.masthead_size)
    setup(para_style("Source Note"), font=body, size=t.caption_size, align=WD_ALIGN_PARAGRAPH.LEFT, after=2)
    setup(para_style("Section Break"), font=body, size=t.body_size, align=centre, before=t.space_after)
    setup(para_style("Contents Heading"), font=heading, size=t.title_size * 0.8, bold=True,
          align=WD_ALIGN_PARAGRAPH.LEFT, after=t.space_after * 2)
    setup(para_style("Cover Title", "Title"), font=heading, size=t.title_size * 1.4, bold=True, align=centre,
          after=t.title_size, leading=1.2)
    setup(para_style("TOC 1"), font=body, size=t.body_size, align=WD_ALIGN_PARAGRAPH.LEFT, after=t.space_after / 2)
    setup(para_style("Cover Meta"), font=heading, size=t.lede_size * 1.15, align=centre)
    for name in ("Header", "Footer"):
        setup(para_style(name), font=heading, size=t.masthead_size, align=centre, after=0, leading=1.0)
    # Styles the template defines but the document does not use still name a theme
    # font; give every remaining style the body font too.
    for s in styles:
        if s.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            rpr = s.element.get_or_add_rPr()
            if rpr.find(qn("w:rFonts")) is None or rpr.find(qn("w:rFonts")).get(qn("w:ascii")) is None:
                _set_fonts(rpr, body)


# ---------------------------------------------------------------- numbering


_ABSTRACT = {"decimal": "900", "bullet": "901"}


def _install_numbering(d: Any) -> None:
    """One abstract list per kind, hanging-indented, in the prepared template."""
    from docx.oxml.ns import qn

    part = d.part.numbering_part.element
    first_num = part.find(qn("w:num"))
    for kind, aid in _ABSTRACT.items():
        a = part.makeelement(qn("w:abstractNum"), {qn("w:abstractNumId"): aid})
        lvl = a.makeelement(qn("w:lvl"), {qn("w:ilvl"): "0"})
        text = "%1." if kind == "decimal" else "–"
        for tag, val in (("w:start", "1"), ("w:numFmt", kind), ("w:lvlText", text), ("w:lvlJc", "left")):
            lvl.append(lvl.makeelement(qn(tag), {qn("w:val"): val}))
        ppr = lvl.makeelement(qn("w:pPr"), {})
        ppr.append(ppr.makeelement(qn("w:ind"), {qn("w:left"): "397", qn("w:hanging"): "283"}))
        lvl.append(ppr)
        a.append(lvl)
        if first_num is not None:
            first_num.addprevious(a)
        else:
            part.append(a)


class _Numbering:
    """A fresh w:num per list, restarting at 1 (python-docx keeps counting)."""

    def __init__(self, d: Any) -> None:
        self.part = d.part.numbering_part.element
        self.next_id = 1000

    def new(self, ordered: bool) -> str:
        from docx.oxml.ns import qn

        self.next_id += 1
        num = self.part.makeelement(qn("w:num"), {qn("w:numId"): str(self.next_id)})
        num.append(num.makeelement(qn("w:abstractNumId"), {qn("w:val"): _ABSTRACT["decimal" if ordered else "bullet"]}))
        over = num.makeelement(qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
        over.append(over.makeelement(qn("w:startOverride"), {qn("w:val"): "1"}))
        num.append(over)
        self.part.append(num)
        return str(self.next_id)


def _numbered(p: Any, num_id: str) -> None:
    from docx.oxml.ns import qn

    ppr = p.get_or_add_pPr()
    numpr = ppr.makeelement(qn("w:numPr"), {})
    numpr.append(numpr.makeelement(qn("w:ilvl"), {qn("w:val"): "0"}))
    numpr.append(numpr.makeelement(qn("w:numId"), {qn("w:val"): num_id}))
    ppr.append(numpr)


# ---------------------------------------------------------------- fields, header, footer


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _run(p: Any, text: str, bold: bool = False, italic: bool = False) -> None:
    """Append a run of text to a w:p element."""
    from docx.oxml.ns import qn

    r = p.makeelement(qn("w:r"), {})
    if bold or italic:
        rpr = r.makeelement(qn("w:rPr"), {})
        if bold:
            rpr.append(rpr.makeelement(qn("w:b"), {}))
        if italic:
            rpr.append(rpr.makeelement(qn("w:i"), {}))
        r.append(rpr)
    t = r.makeelement(qn("w:t"), {_XML_SPACE: "preserve"})
    t.text = text
    r.append(t)
    p.append(r)


def _field_mark(p: Any, kind: str, instruction: str | None = None) -> None:
    """A field's begin/separate/end mark (with its instruction after begin)."""
    from docx.oxml.ns import qn

    r = p.makeelement(qn("w:r"), {})
    r.append(r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind}))
    p.append(r)
    if instruction is not None:
        r = p.makeelement(qn("w:r"), {})
        instr = r.makeelement(qn("w:instrText"), {_XML_SPACE: "preserve"})
        instr.text = f" {instruction} "
        r.append(instr)
        p.append(r)


def _field(p: Any, instruction: str, placeholder: str = "1") -> None:
    _field_mark(p, "begin", instruction)
    _field_mark(p, "separate")
    _run(p, placeholder)
    _field_mark(p, "end")


def _page_setup(d: Any, style: Style, running: str) -> None:
    from docx.shared import Mm

    page = style.page
    w, h = page.size_mm
    for section in d.sections:
        section.page_width, section.page_height = Mm(w), Mm(h)
        section.top_margin, section.bottom_margin = Mm(page.margin_top), Mm(page.margin_bottom)
        section.left_margin, section.right_margin = Mm(page.margin_left), Mm(page.margin_right)
        section.header_distance = Mm(page.margin_top / 2 - 2)
        section.footer_distance = Mm(page.margin_bottom / 2 - 2)
        # Header and footer differ on page 1: no running title, and in the nd30
        # layout no page number there either.
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.style = d.styles["Header"]
        if page.page_numbers == "top":
            _field(header._p, "PAGE")
        elif page.running_header:
            header.add_run(running)
        if page.page_numbers == "footer":
            for footer in (section.footer, section.first_page_footer):
                p = footer.paragraphs[0]
                p.style = d.styles["Footer"]
                _run(p._p, f"{PAGE} ")
                _field(p._p, "PAGE")
                _run(p._p, "/")
                _field(p._p, "NUMPAGES")


_RUNNING = "\ue000running title\ue000"  # placeholder in the prepared template's header


def _set_running_title(d: Any, title: str) -> None:
    from docx.oxml.ns import qn

    for part in d.part.package.iter_parts():
        if str(part.partname).startswith("/word/header"):
            for t in part.element.iter(qn("w:t")):
                if t.text == _RUNNING:
                    t.text = title


# ---------------------------------------------------------------- body


class _Writer:
    """Appends paragraphs as WordprocessingML elements. python-docx's
    ``add_paragraph(style=name)`` looks the style up among all of them on every
    call; the ids are resolved once per style sheet instead (``_style_ids``)."""

    def __init__(self, d: Any, warn: Warn, in_bundle: bool, ids: dict[str, str]) -> None:
        from docx.oxml.ns import qn

        self.d, self.warn, self.ids, self.qn = d, warn, ids, qn
        self.sect = d.element.body.find(qn("w:sectPr"))
        self.numbering = _Numbering(d)
        self.shift = 1 if in_bundle else 0  # in a bundle, article titles are Heading 1

    def _p(self, style: str | None) -> Any:
        qn = self.qn
        p = self.sect.makeelement(qn("w:p"), {})
        if style is not None:
            ppr = p.makeelement(qn("w:pPr"), {})
            ppr.append(ppr.makeelement(qn("w:pStyle"), {qn("w:val"): self.ids[style]}))
            p.append(ppr)
        self.sect.addprevious(p)
        return p

    def para(self, text: str, style: str) -> Any:
        p = self._p(style)
        if text:
            _run(p, text)
        return p

    def spans(self, text: Text, style: str) -> Any:
        p = self._p(style)
        for s in text:
            _run(p, s.text, s.strong, s.em)
        return p

    def contents(self, titles: list[str]) -> None:
        """A TOC field whose result already lists the titles, so the contents read
        right before Word or LibreOffice updates the field (and add page numbers)."""
        for n, title in enumerate(titles):
            p = self._p("TOC 1")
            if n == 0:
                _field_mark(p, "begin", 'TOC \\o "1-1" \\h \\z \\u')
                _field_mark(p, "separate")
            _run(p, title)
            if n == len(titles) - 1:
                _field_mark(p, "end")

    def page_break(self) -> None:
        qn = self.qn
        p = self._p(None)
        r = p.makeelement(qn("w:r"), {})
        r.append(r.makeelement(qn("w:br"), {qn("w:type"): "page"}))
        p.append(r)

    def article(self, a: Article) -> None:
        meta = meta_line(a)
        if meta:
            self.para(meta, "Masthead")
        self.para(a.title, "Heading 1" if self.shift else "Title")
        if a.lede:
            self.para(a.lede, "Lede")
        for b in a.blocks:
            if isinstance(b, Heading):
                self.spans(b.text, f"Heading {min(3, b.level + self.shift)}")
            elif isinstance(b, Paragraph):
                self.spans(b.text, "Normal")
            elif isinstance(b, ListBlock):
                if b.numbered_in_text:
                    for item in b.items:
                        self.spans(item, "List Paragraph")
                else:
                    num = self.numbering.new(b.ordered)
                    for item in b.items:
                        _numbered(self.spans(item, "List Number" if b.ordered else "List Bullet"), num)
            elif isinstance(b, Quote):
                self.spans(b.text, "Quote")
                if b.attribution:
                    self.para("— " + b.attribution, "Quote Attribution")
            elif isinstance(b, Caption):
                self.para(caption_line(b), "Caption")
            elif isinstance(b, SectionBreak):
                self.para("*   *   *", "Section Break")
        if a.byline:
            self.para(a.byline, "Byline")
        for line in footer_lines(a):
            self.para(line, "Source Note")

    def briefing(self, b: Briefing) -> None:
        for _ in range(6):
            self.para("", "Cover Meta")
        self.para(b.title, "Cover Title")
        meta = briefing_meta(b)
        if meta:
            self.para(meta, "Cover Meta")
        self.para(f"{len(b.articles)} bài", "Cover Meta")
        self.page_break()
        self.para(CONTENTS, "Contents Heading")
        self.contents([a.title for a in b.articles])
        for a in b.articles:
            self.page_break()
            self.article(a)


# ---------------------------------------------------------------- package


def _core_properties(d: Any, doc: Document) -> None:
    cp = d.core_properties
    when = build_time().replace(tzinfo=None)
    # Core properties hold at most 255 characters (python-docx refuses more); a
    # lede or a scraped title is often longer, and the body carries it whole.
    cp.title = short_title(doc.title, 250)
    cp.author = short_title(doc.author, 250)
    cp.subject = short_title(doc_subject(doc), 250)
    cp.language = LANG
    cp.created = when
    cp.modified = when
    cp.last_modified_by = "bantin"
    cp.comments = ""
    cp.keywords = short_title(", ".join(getattr(doc, "tags", ())), 250)
    cp.category = ""
    cp.revision = 1
    cp.identifier = ""
    cp.version = ""
    cp.content_status = ""


def _drop_leftovers(d: Any) -> None:
    """The template's thumbnail (a blank page) and its Word 2010 stylesWithEffects
    part (a second, theme-font copy of the styles) are not ours to ship."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rels, kinds in ((d.part.package.rels, (RT.THUMBNAIL,)), (d.part.rels, (STYLES_WITH_EFFECTS,))):
        for rid, rel in list(rels.items()):
            if rel.reltype in kinds:
                del rels[rid]


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>bantin {__version__}</Application><DocSecurity>0</DocSecurity></Properties>"
).encode()


@lru_cache(maxsize=16)
def _odttf(path: Path, key: str) -> bytes:
    """The whole face (editors type new text), obfuscated per ECMA-376 Part 1 §17.8.1:
    the first 32 bytes XOR the font key's 16 bytes, read from the GUID in reverse."""
    data = bytearray(path.read_bytes())
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    for i in range(32):
        data[i] ^= guid[i % 16]
    return bytes(data)


@lru_cache(maxsize=16)
def _font_key(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).digest()[:16]
    return "{" + str(uuid.UUID(bytes=digest)).upper() + "}"


def _font_parts(families: tuple[Family, ...]) -> list[tuple[str, str, Path, str]]:
    """(face tag, part name, file, key) for every distinct face file to embed."""
    parts: list[tuple[str, str, Path, str]] = []
    seen: set[Path] = set()
    for fam in families:
        for face, tag in (("regular", "embedRegular"), ("bold", "embedBold"), ("italic", "embedItalic"),
                          ("bold_italic", "embedBoldItalic")):
            path = fam.files[face]
            if path in seen:
                continue
            seen.add(path)
            parts.append((tag, f"font{len(parts) + 1}.odttf", path, _font_key(path)))
    return parts


@lru_cache(maxsize=8)
def _font_zip(families: tuple[Family, ...]) -> bytes:
    """A zip holding only the obfuscated fonts, compressed once per process; each
    document's parts are appended to a copy of it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for _tag, name, path, key in _font_parts(families):
            z.writestr(zip_entry(f"word/fonts/{name}"), _odttf(path, key))
    return out.getvalue()


def _embed(files: dict[str, bytes], families: tuple[Family, ...]) -> None:
    """List the embedded fonts in fontTable.xml, relate them, and say so in settings."""
    from lxml import etree

    table = etree.fromstring(files["word/fontTable.xml"])
    w, r = f"{{{W_NS}}}", f"{{{R_NS}}}"
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    parts = iter(_font_parts(families))
    pending = next(parts, None)
    for fam in families:
        for el in table.findall(f"{w}font"):
            if el.get(f"{w}name") == fam.name:
                table.remove(el)
        font_el = etree.SubElement(table, f"{w}font", {f"{w}name": fam.name})
        etree.SubElement(font_el, f"{w}charset", {f"{w}val": "00"})
        etree.SubElement(font_el, f"{w}family", {f"{w}val": "roman"})
        etree.SubElement(font_el, f"{w}pitch", {f"{w}val": "variable"})
        while pending is not None and pending[2] in fam.files.values():
            tag, name, _path, key = pending
            rid = f"rIdFont{name[4:-6]}"
            rels.append(f'<Relationship Id="{rid}" Type="{FONT_REL}" Target="fonts/{name}"/>')
            etree.SubElement(font_el, f"{w}{tag}", {f"{r}id": rid, f"{w}fontKey": key})
            pending = next(parts, None)
    rels.append("</Relationships>")
    files["word/fontTable.xml"] = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
    files["word/_rels/fontTable.xml.rels"] = "".join(rels).encode()
    ct = files["[Content_Types].xml"].decode()
    if 'Extension="odttf"' not in ct:
        ct = ct.replace("<Default ", f'<Default Extension="odttf" ContentType="{ODTTF}"/><Default ', 1)
    files["[Content_Types].xml"] = ct.encode()
    settings = files["word/settings.xml"].decode()
    if "embedTrueTypeFonts" not in settings:
        settings = re.sub(r"(<w:settings[^>]*>)", r"\1<w:embedTrueTypeFonts/><w:saveSubsetFonts/>", settings, count=1)
    files["word/settings.xml"] = settings.encode()


def _settings_fixups(files: dict[str, bytes]) -> None:
    s = files["word/settings.xml"].decode()
    s = re.sub(r'<w:themeFontLang [^>]*/>', f'<w:themeFontLang w:val="{LANG}"/>', s)
    s = re.sub(r"<w:rsids>.*?</w:rsids>", "", s, flags=re.S)
    s = re.sub(r'<w14:docId [^>]*/>', "", s)
    if "autoHyphenation" not in s:
        s = re.sub(r"(<w:settings[^>]*>)", r'\1<w:autoHyphenation w:val="false"/>', s, count=1)
    files["word/settings.xml"] = s.encode()


def _package_files(d: Any) -> dict[str, bytes]:
    """The package's parts by zip name, as python-docx's own writer would store them
    (its PackageWriter, minus the zip: we write the zip once, with fixed times)."""
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem

    pkg = d.part.package
    parts = list(pkg.iter_parts())
    for part in parts:
        part.before_marshal()
    files = {
        CONTENT_TYPES_URI.membername: _ContentTypesItem.from_parts(parts).blob,
        PACKAGE_URI.rels_uri.membername: pkg.rels.xml,
    }
    for part in parts:
        files[part.partname.membername] = part.blob
        if len(part.rels):
            files[part.partname.rels_uri.membername] = part.rels.xml
    return files


def _zip(files: dict[str, bytes], families: tuple[Family, ...]) -> bytes:
    """Write the zip: fixed entry times (python-docx would stamp the current time),
    fonts embedded, settings and app properties cleaned."""
    names = list(files)
    files["docProps/app.xml"] = _APP_XML
    _settings_fixups(files)
    out = io.BytesIO()
    if families:
        _embed(files, families)
        out.write(_font_zip(families))
    order = [n for n in names if n in files] + sorted(n for n in files if n not in names)
    with zipfile.ZipFile(out, "a" if families else "w", zipfile.ZIP_DEFLATED) as z:
        for n in order:
            z.writestr(zip_entry(n), files[n])
    return out.getvalue()


@lru_cache(maxsize=8)
def _prepared(style: Style) -> bytes:
    """python-docx's template with this style's styles, numbering and clean-ups
    applied: built once per process and style, then reused for every document."""
    import docx

    d = docx.Document()
    _define_styles(d, style, resolve(style.body_font).name, resolve(style.heading_font).name)
    _drop_leftovers(d)
    _install_numbering(d)
    _page_setup(d, style, _RUNNING)
    body_el = d.element.body
    for p in list(body_el):
        if not p.tag.endswith("sectPr"):
            body_el.remove(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@lru_cache(maxsize=8)
def _style_ids(style: Style) -> dict[str, str]:
    import docx

    d = docx.Document(io.BytesIO(_prepared(style)))
    return {s.name: s.style_id for s in d.styles}


def _embedded(style: Style) -> tuple[Family, ...]:
    return tuple(f for f in dict.fromkeys((resolve(style.body_font), resolve(style.heading_font))) if f.embed)


def warm(style: Style) -> None:
    _prepared(style)
    families = _embedded(style)
    if families:
        _font_zip(families)


def write(doc: Document, style: Style, warn: Warn) -> bytes:
    import docx

    d = docx.Document(io.BytesIO(_prepared(style)))
    _set_running_title(d, short_title(doc.title, 80))
    writer = _Writer(d, warn, isinstance(doc, Briefing), _style_ids(style))
    if isinstance(doc, Briefing):
        writer.briefing(doc)
    else:
        writer.article(doc)
    _core_properties(d, doc)
    return _zip(_package_files(d), _embedded(style))


exporter = Exporter("docx", ".docx", write, "Word document with named styles (python-docx)", warm=warm)
