"""A paragraph's runs to rich text, walking the XML with lxml.

Everything Word shows is kept, in order: runs inside hyperlinks, insertions
(w:ins) and moved-to text (w:moveTo), smart tags, custom XML, content controls
(w:sdt), simple fields (w:fldSimple) and the shown result of complex fields;
deletions (w:del), moved-from text (w:moveFrom), field instructions and hidden
text are not. Of an mc:AlternateContent one branch is read, never both. A
hyperlink whose relationship is missing is text without a link. Pictures and
text boxes drawn in the paragraph are collected for the body walker, which puts
them after the paragraph, in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bantin.model import LINE_BREAK, Image, Span, Text
from bantin.source.docx.fonts import PRIVATE_USE, decode, legacy_font, symbol_font
from bantin.source.docx.media import Pictures
from bantin.source.docx.notes import Notes
from bantin.source.docx.package import Package, R, W
from bantin.source.docx.styles import Styles
from bantin.source.docx.symbol_font import SYMBOL, from_symbol, symbol_char
from bantin.source.rules.alt_text import alt_text

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
OFFICE = "{urn:schemas-microsoft-com:office:office}"
DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
TRANSPARENT = frozenset(W + t for t in ("ins", "moveTo", "smartTag", "customXml", "dir", "bdo", "sdtContent"))
DRAWN = frozenset(W + t for t in ("drawing", "pict", "object"))
MONO_FONTS = frozenset(f.lower() for f in (
    "Courier", "Courier New", "Consolas", "Menlo", "Monaco", "Lucida Console", "IBM Plex Mono", "Liberation Mono",
    "DejaVu Sans Mono", "Source Code Pro", "Cascadia Code", "Cascadia Mono", "Fira Code", "JetBrains Mono",
    "Noto Sans Mono", "Roboto Mono", "Ubuntu Mono", "Inconsolata", "Noto Mono", "Andale Mono",
    "Lucida Sans Typewriter"))
_ADDRESS = re.compile(r"\S*(?:://|@|www\.)\S*")
_HYPERLINK = re.compile(r'\s*HYPERLINK\s+(?:\\[a-z]\s+)*"?([^"\s]+)', re.I)


def branch(alternate: Any) -> Any:
    """The one branch of an mc:AlternateContent that is read: the fallback when it
    holds anything (what every consumer understands), else the first choice."""
    fallback = alternate.find(MC + "Fallback")
    if fallback is not None and len(fallback):
        return fallback
    choice = alternate.find(MC + "Choice")
    return choice if choice is not None else alternate.makeelement(MC + "Fallback")


def field_link(instr: str) -> str | None:
    """The address of a HYPERLINK field ("\\l" links inside the document have none)."""
    m = _HYPERLINK.match(instr)
    if m is None or re.match(r'\s*HYPERLINK\s+\\l', instr, re.I):
        return None
    return m.group(1) or None


@dataclass
class Frame:
    """A complex field being read: its instruction, and whether its result shows yet."""

    instr: str = ""
    showing: bool = False
    href: str | None = None


@dataclass
class Doc:
    """What reading any paragraph of one document needs."""

    package: Package
    styles: Styles
    notes: Notes
    pictures: Pictures
    warn: Callable[[str], None]
    fields: list[Frame] = field(default_factory=list)  # complex fields can span paragraphs
    symbols: int = 0  # symbol-font characters left out
    subdocs: int = 0  # sub-documents a master document links to (w:subDoc), not read


@dataclass
class Inline:
    """A paragraph's rich text, and what else it draws."""

    spans: Text
    images: list[tuple[Image | None, str]]  # each picture (None: not readable) and its description
    boxes: list[Any]  # w:txbxContent elements, in order
    diagrams: list[Any]  # SmartArt's dgm:relIds elements, in order
    bold: bool  # every visible letter is bold
    size: int  # the size most of its letters have, in half-points (0: unknown)


def filled(sdt: Any) -> Any | None:
    """A content control's content, or None while it shows its placeholder: the
    grey prompt of a form not filled in ("Bấm hoặc gõ vào đây để nhập văn bản."),
    which Word never prints as the document's words (helper-103)."""
    props = sdt.find(W + "sdtPr")
    content = sdt.find(W + "sdtContent")
    if props is None or props.find(W + "showingPlcHdr") is None or content is None:
        return content
    # Word leaves the flag on filled controls at times (helper-104): only runs set
    # in its "Placeholder Text" style, every one of them, are the prompt.
    named = [r.find(f"{W}rPr/{W}rStyle") for r in content.iter(W + "r") if r.find(W + "t") is not None]
    prompt = all(el is not None and "placeholder" in el.get(W + "val", "").lower() for el in named)
    return None if prompt else content


class Runs:
    def __init__(self, doc: Doc, part: str, para_style: str | None) -> None:
        self.doc, self.part, self.para_style = doc, part, para_style
        self.out: list[Span] = []
        self.images: list[tuple[Image | None, str]] = []
        self.boxes: list[Any] = []
        self.diagrams: list[Any] = []
        self.chars = 0
        self.bold_chars = 0
        self.sizes: dict[int, int] = {}

    def read(self, p: Any) -> Inline:
        self.walk(p, None)
        size = max(self.sizes.items(), key=lambda kv: kv[1])[0] if self.sizes else 0
        bold = self.chars > 0 and self.bold_chars >= self.chars
        return Inline(merge(self.out), self.images, self.boxes, self.diagrams, bold, size)

    def walk(self, el: Any, href: str | None) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "r":
                self.run(child, href)
            elif tag in TRANSPARENT:
                self.walk(child, href)
            elif tag == W + "hyperlink":
                self.walk(child, self.link(child) or href)
            elif tag == W + "sdt":
                content = filled(child)
                if content is not None:
                    self.walk(content, href)
            elif tag == W + "subDoc":
                self.doc.subdocs += 1  # another file: a reader reads nothing outside its input
            elif tag == W + "fldSimple":
                self.walk(child, href or field_link(child.get(W + "instr", "")))
            elif tag == MC + "AlternateContent":
                self.walk(branch(child), href)
            elif tag in (MATH + "oMath", MATH + "oMathPara"):
                self.emit("".join(t.text or "" for t in child.iter(MATH + "t")), {}, href)
            elif tag == W + "ruby":
                base = child.find(W + "rubyBase")
                if base is not None:
                    self.walk(base, href)

    def link(self, el: Any) -> str | None:
        rid = el.get(R + "id")
        rel = self.doc.package.rels(self.part).get(rid) if rid else None
        return rel.target if rel is not None and rel.external and rel.target else None

    def run(self, r: Any, href: str | None) -> None:
        rpr = r.find(W + "rPr")
        direct = self.doc.styles.run_props(rpr) if rpr is not None else {}
        props = self.doc.styles.run(self.para_style, direct.get("rstyle", ""))
        look = self.doc.styles.look(self.para_style)
        if look:  # the style's look is no emphasis, unless the run or its character style says it again
            said = {**(self.doc.styles.char(direct["rstyle"]) if direct.get("rstyle") else {}), **direct}
            props = {**props, **{f"look_{k}": True for k in look if k not in said}}
        if direct:
            props = {**props, **direct}
        custom: tuple[str, str] | None = None
        mark: list[str] = []
        for child in r:
            tag = child.tag
            if tag == W + "t":
                if custom is not None:
                    mark.append(child.text or "")
                else:
                    self.emit(child.text or "", props, href)
            elif tag in (W + "tab", W + "ptab"):
                self.emit("\t", props, href)
            elif tag in (W + "br", W + "cr"):
                # Shift+Enter ends a line inside the paragraph (a verse, an address);
                # a page or column break is only white space between words.
                kind = child.get(W + "type", "textWrapping")
                self.emit(LINE_BREAK if kind == "textWrapping" else "\n", props, href)
            elif tag == W + "noBreakHyphen":
                self.emit("-", props, href)
            elif tag == W + "sym":
                self.symbol(child, props, href)
            elif props.get("vanish") and tag not in (W + "fldChar", W + "instrText"):
                continue  # hidden text: its note mark and its picture too (a field's frame is kept)
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                if child.get(W + "customMarkFollows") in ("1", "true", "on"):
                    custom = (kind, child.get(W + "id", ""))
                else:
                    self.note(kind, child.get(W + "id", ""), None)
            elif tag == W + "fldChar":
                self.field(child.get(W + "fldCharType", ""))
            elif tag == W + "instrText":
                if self.doc.fields and not self.doc.fields[-1].showing:
                    self.doc.fields[-1].instr += child.text or ""
            elif tag in DRAWN:
                self.scan(child)
            elif tag == MC + "AlternateContent":
                self.run_branch(branch(child), props, href)
        if custom is not None:
            self.note(custom[0], custom[1], "".join(mark).strip() or None)

    def run_branch(self, el: Any, props: dict[str, Any], href: str | None) -> None:
        for child in el:
            if child.tag in DRAWN:
                self.scan(child)
            elif child.tag == W + "t":
                self.emit(child.text or "", props, href)
            elif child.tag == W + "r":
                self.run(child, href)

    def note(self, kind: str, wid: str, custom: str | None) -> None:
        if self.hidden():
            return
        span = self.doc.notes.reference(kind, wid, custom)
        if span is not None:
            self.out.append(span)

    def field(self, kind: str) -> None:
        frames = self.doc.fields
        if kind == "begin":
            frames.append(Frame())
        elif kind == "separate" and frames:
            frames[-1].showing = True
            frames[-1].href = field_link(frames[-1].instr)
        elif kind == "end" and frames:
            frames.pop()

    def hidden(self) -> bool:
        return bool(self.doc.fields) and any(not f.showing for f in self.doc.fields)

    def symbol(self, el: Any, props: dict[str, Any], href: str | None) -> None:
        code = el.get(W + "char", "")
        try:
            c = chr(int(code, 16))
        except ValueError:
            return
        font = (el.get(W + "font") or "").strip().lower()
        if font in SYMBOL:  # "≥", "±", "α" from Insert > Symbol: words, not dingbats
            shown = symbol_char(ord(c))
            if shown is not None:
                self.emit(shown, {k: v for k, v in props.items() if k != "font"}, href)
                return
        if symbol_font(font) or PRIVATE_USE.match(c) or int(code, 16) >= 0xF000:
            self.doc.symbols += 1
            return
        self.emit(c, props, href)

    def emit(self, text: str, props: dict[str, Any], href: str | None) -> None:
        if not text or self.hidden() or props.get("vanish"):
            return
        font = props.get("font")
        found = legacy_font(font)
        if found is not None:
            text = decode(text, found)
        elif (font or "").strip().lower() in SYMBOL:
            text = from_symbol(text)
        if PRIVATE_USE.search(text):
            self.doc.symbols += len(PRIVATE_USE.findall(text))
            text = PRIVATE_USE.sub("", text)
            if not text:
                return
        if href is None and self.doc.fields:
            href = next((f.href for f in reversed(self.doc.fields) if f.href), None)
        vert = props.get("vert")
        code = bool(props.get("code")) or (font or "").lower() in MONO_FONTS
        if props.get("caps") and not code and href is None:
            # As Word shows it: "hà nội" set in capitals reads "HÀ NỘI" (helper-103); an
            # address keeps its letters, whose case may matter (helper-104).
            text = "".join(w if _ADDRESS.fullmatch(w) else w.upper() for w in re.split(r"(\s+)", text))
        strong = bool(props.get("b"))
        visible = len(text) - sum(map(text.count, (" ", "\t", "\n", LINE_BREAK)))
        if visible:
            self.chars += visible
            self.bold_chars += visible if strong else 0
            size = props.get("sz", 0)
            self.sizes[size] = self.sizes.get(size, 0) + visible
        em = bool(props.get("i")) and not props.get("look_i")
        self.out.append(Span(text, em, strong and not props.get("look_b"), href, code, vert == "superscript",
                             vert == "subscript"))

    def scan(self, el: Any, alt: str = "") -> None:
        """Pictures (with the description Word keeps for them), text boxes and
        SmartArt diagrams drawn here; a text box's own pictures are read with its paragraphs."""
        for child in el:
            tag = child.tag
            if tag == W + "txbxContent":
                self.boxes.append(child)
                continue
            if tag == DGM + "relIds":
                self.diagrams.append(child)
                continue
            if tag == MC + "AlternateContent":
                self.scan(branch(child), alt)
                continue
            here = alt
            if tag in (WP + "inline", WP + "anchor"):
                props = child.find(WP + "docPr")
                if props is not None:
                    here = props.get("descr") or props.get("title") or alt
            elif tag == V + "shape":
                here = child.get("alt") or alt
            if tag == A + "blip":
                self.picture(child.get(R + "embed"), child.get(R + "link"), here)
            elif tag == V + "imagedata":
                self.picture(child.get(R + "id"), None, here or child.get(OFFICE + "title", ""))
            self.scan(child, here)

    def picture(self, embed: str | None, link: str | None, alt: str) -> None:
        alt = alt_text(alt)  # Word's description is often the file's name
        image = None
        if embed:
            image = self.doc.pictures.embedded(self.part, embed)
        elif link:
            self.doc.pictures.linked(self.part, link)
        if image is not None or alt:
            self.images.append((image, alt))


def merge(spans: list[Span]) -> Text:
    """Neighbouring spans that look alike as one."""
    out: list[Span] = []
    for s in spans:
        if out and s.note is None and out[-1].note is None and _look(out[-1]) == _look(s):
            out[-1] = Span(out[-1].text + s.text, s.em, s.strong, s.href, s.code, s.sup, s.sub)
        else:
            out.append(s)
    return tuple(out)


def _look(s: Span) -> tuple[bool, bool, str | None, bool, bool, bool]:
    return (s.em, s.strong, s.href, s.code, s.sup, s.sub)
