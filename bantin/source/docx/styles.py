"""Styles, resolved once per document.

A run's look comes from the document defaults, the paragraph style's chain, the
run style's chain and the run's own properties, in that order. Each style chain
is resolved once and kept by style id, so a 10,000-row table costs one lookup per
style, not one per run. Styles are matched by their built-in name as well as
their id, so that localised ids ("Titre1", "berschrift1") and Vietnamese Word's
display names map all the same; a style based on a heading is a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bantin.source.docx.package import W

MAX_CHAIN = 24  # basedOn links followed; a longer chain is a loop or an attack
# Normalised style names (lower case, no spaces) and the part they play.
ROLES = {
    "title": "title", "subtitle": "subtitle", "quote": "quote", "intensequote": "quote", "blocktext": "quote",
    "caption": "caption", "imagecaption": "caption", "tablecaption": "caption", "sourcecode": "code",
    "htmlpreformatted": "code", "author": "author", "date": "date", "abstract": "abstract",
    # bantin's own Word styles (``docx.own``)
    "lede": "subtitle", "documentsummary": "subtitle", "addressee": "subtitle", "byline": "author",
    "masthead": "masthead", "covertitle": "cover_title", "covermeta": "cover_meta", "contentsheading": "contents",
    "tocheading": "contents_title",  # Word's own "TOC Heading" over its table of contents
    "sectionbreak": "break",
    "sourcenote": "source", "figureplaceholder": "placeholder", "quoteattribution": "attribution",
    "recipientsheading": "sign_label", "recipient": "sign_recipient", "signertitle": "sign_title",
    "signername": "sign_name", "signaturemark": "sign_signed",
    "listparagraph": "list", "list": "list", "listbullet": "list", "listnumber": "list", "listcontinue": "list",
}
# Roles (and bantin's styles of no role of their own) whose bold or italic is their look.
_LOOKS = frozenset({"title", "subtitle", "heading", "quote", "caption", "author", "masthead", "attribution"})
_LOOK_STYLES = frozenset({"tableheading", "tablecaption"})
CODE_CHAR_STYLES = frozenset({"verbatimchar", "htmlcode", "sourcecodechar"})
_HEADING = re.compile(r"heading([1-9])")
_CONTENTS = re.compile(r"toc([1-9])")
_LIST = re.compile(r"list(bullet|number|continue)?[2-9]?")
_ON = frozenset({"", "1", "true", "on"})


def key(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name.lower())


def on(el: Any) -> bool:
    """A toggle property: present and not switched off."""
    return el.get(W + "val", "") in _ON


@dataclass(frozen=True)
class ParaStyle:
    role: str  # title, subtitle, heading, quote, caption, code, author, date, abstract, list or body
    level: int  # a heading's level, 1–9 (0 when not a heading)
    align: str  # w:jc: "center", "left", "both", "right" or ""
    num: tuple[str, int] | None  # (numId, ilvl) the style numbers its paragraphs with
    run: dict[str, Any]  # the run properties the style gives its text


class Styles:
    def __init__(self, root: Any, theme: dict[str, str]) -> None:
        self.theme = theme
        self.raw: dict[str, Any] = {}
        self.default_para = ""
        self.defaults: dict[str, Any] = {}
        self._para: dict[str, ParaStyle] = {}
        self._char: dict[str, dict[str, Any]] = {}
        self._pair: dict[tuple[str, str], dict[str, Any]] = {}
        self._look: dict[str, dict[str, Any]] = {}
        if root is None:
            return
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if sid is None:
                continue
            self.raw.setdefault(sid, st)
            if st.get(W + "type") == "paragraph" and on_attr(st.get(W + "default")) and not self.default_para:
                self.default_para = sid
        rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if rpr is not None:
            self.defaults = self.run_props(rpr)

    def chain(self, sid: str) -> list[Any]:
        """The style and the styles it is based on, nearest first."""
        out: list[Any] = []
        seen: set[str] = set()
        while sid and sid in self.raw and sid not in seen and len(out) < MAX_CHAIN:
            seen.add(sid)
            st = self.raw[sid]
            out.append(st)
            based = st.find(W + "basedOn")
            sid = based.get(W + "val", "") if based is not None else ""
        return out

    def name(self, sid: str) -> str:
        st = self.raw.get(sid)
        el = st.find(W + "name") if st is not None else None
        return el.get(W + "val", "") if el is not None else sid

    def para(self, sid: str | None) -> ParaStyle:
        found = self._para.get(sid or "")
        if found is None:
            if sid and sid not in self.raw:
                # A style the file uses but does not define: its id still says what
                # it is ("Heading1", "Title"); it looks like the default paragraph.
                base = self.para(None)
                role, level = role_of_names([sid])
                found = ParaStyle(role, level, base.align, base.num, base.run) if role != "body" else base
            else:
                found = self._resolve_para(sid or self.default_para)
            self._para[sid or ""] = found
        return found

    def _resolve_para(self, sid: str) -> ParaStyle:
        chain = self.chain(sid)
        role, level, align, num = "body", 0, "", None
        outline = None
        for st in chain:
            if role == "body":
                role, level = role_of(st)
            ppr = st.find(W + "pPr")
            if ppr is None:
                continue
            if not align:
                jc = ppr.find(W + "jc")
                align = jc.get(W + "val", "") if jc is not None else ""
            if num is None:
                num = num_of(ppr.find(W + "numPr"), style_level=True)
            if outline is None:
                lvl = ppr.find(W + "outlineLvl")
                if lvl is not None:
                    outline = lvl.get(W + "val", "")
        if role == "body" and outline is not None and outline.isascii() and outline.isdigit() and int(outline) < 9:
            role, level = "heading", int(outline) + 1
        run = dict(self.defaults)
        for st in reversed(chain):
            rpr = st.find(W + "rPr")
            if rpr is not None:
                run.update(self.run_props(rpr))
        return ParaStyle(role, level, align, num, run)

    def look(self, para: str | None) -> dict[str, Any]:
        """The bold and italic a paragraph style gives as its role's look (a
        quotation's italic, a header cell's bold, a caption's): no emphasis of the
        text's, which every writer gives the role anyway. Read as emphasis, each
        revision of a bantin DOCX in Word set another quote in italic spans (helper-74)."""
        found = self._look.get(para or "")
        if found is None:  # asked for every run: worked out once per style
            style = self.para(para)
            looks = style.role in _LOOKS or key(para or "") in _LOOK_STYLES
            found = {k: v for k, v in style.run.items() if k in ("b", "i") and v} if looks else {}
            self._look[para or ""] = found
        return found

    def char(self, sid: str) -> dict[str, Any]:
        found = self._char.get(sid)
        if found is None:
            found = {}
            chain = self.chain(sid)
            for st in reversed(chain):
                rpr = st.find(W + "rPr")
                if rpr is not None:
                    found.update(self.run_props(rpr))
            if any(key(self.name(s.get(W + "styleId", ""))) in CODE_CHAR_STYLES or
                   key(s.get(W + "styleId", "")) in CODE_CHAR_STYLES for s in chain):
                found["code"] = True
            self._char[sid] = found
        return found

    def run(self, para: str | None, run_style: str) -> dict[str, Any]:
        """The run properties a paragraph style and a run style give together."""
        pair = (para or "", run_style)
        found = self._pair.get(pair)
        if found is None:
            found = dict(self.para(para).run)
            if run_style:
                found.update(self.char(run_style))
            self._pair[pair] = found
        return found

    def run_props(self, rpr: Any) -> dict[str, Any]:
        """The properties of one w:rPr that matter here."""
        out: dict[str, Any] = {}
        for el in rpr:
            tag = el.tag
            if tag == W + "b":
                out["b"] = on(el)
            elif tag == W + "i":
                out["i"] = on(el)
            elif tag == W + "vertAlign":
                out["vert"] = el.get(W + "val", "")
            elif tag == W + "sz":
                val = el.get(W + "val", "")
                if val.isascii() and val.isdigit():
                    out["sz"] = int(val)
            elif tag == W + "rFonts":
                font = self.font(el)
                if font is not None:
                    out["font"] = font
            elif tag == W + "vanish":
                out["vanish"] = on(el)
            elif tag == W + "caps":  # Word shows the letters as capitals (small capitals keep their case)
                out["caps"] = on(el)
            elif tag == W + "rStyle":
                out["rstyle"] = el.get(W + "val", "")
        return out

    def font(self, el: Any) -> str | None:
        """The font a w:rFonts gives Latin text: a theme font wins over a named one."""
        theme = el.get(W + "asciiTheme") or el.get(W + "hAnsiTheme")
        if theme:  # a theme face is never a legacy one, even when the theme part is missing
            return self.theme.get(theme[:5]) or f"theme:{theme}"
        name = el.get(W + "ascii") or el.get(W + "hAnsi")
        return name or None


def on_attr(value: str | None) -> bool:
    return value is not None and value in _ON


def role_of(st: Any) -> tuple[str, int]:
    """The part a style plays, by its built-in name (aliases after a comma) or id."""
    name_el = st.find(W + "name")
    names = (name_el.get(W + "val", "") if name_el is not None else "").split(",")
    return role_of_names([*names, st.get(W + "styleId", "")])


def role_of_names(candidates: list[str]) -> tuple[str, int]:
    for candidate in candidates:
        k = key(candidate)
        m = _HEADING.fullmatch(k)
        if m:
            return "heading", int(m.group(1))
        if k in ROLES:
            return ROLES[k], 0
        toc = _CONTENTS.fullmatch(k)
        if toc:  # a contents page's lines ("TOC 1" … "TOC 9"): made again on export; their level kept
            return "contents", int(toc.group(1))
        if _LIST.fullmatch(k):
            return "list", 0
    return "body", 0


def num_of(numpr: Any, style_level: bool = False) -> tuple[str, int] | None:
    """(numId, ilvl) of a w:numPr; numId "0" takes numbering away."""
    if numpr is None:
        return None
    nid = numpr.find(W + "numId")
    lvl = numpr.find(W + "ilvl")
    raw = lvl.get(W + "val", "0") if lvl is not None else "0"
    ilvl = int(raw) if raw.isascii() and raw.isdigit() and int(raw) < 9 else 0
    if nid is None:
        return ("", ilvl) if not style_level else None
    return nid.get(W + "val", "0"), ilvl


def theme_fonts(root: Any) -> dict[str, str]:
    """The theme's major and minor Latin faces, by the prefix Word's theme
    attributes use ("major", "minor")."""
    out: dict[str, str] = {}
    if root is None:
        return out
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for kind in ("major", "minor"):
        el = root.find(f".//{ns}{kind}Font/{ns}latin")
        if el is not None and el.get("typeface"):
            out[kind] = el.get("typeface")
    return out
