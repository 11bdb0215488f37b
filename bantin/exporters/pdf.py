"""PDF print briefings with reportlab.

Every face is a subset-embedded TrueType font from the style; the canvas base font
is set to the body face so that no standard-14 Helvetica reference is written.
Text reaches reportlab's paragraph parser only through ``_markup``, which escapes
it and checks every character against the font that will draw it: a character the
font lacks is drawn from a fallback font, or replaced visibly with a warning.
"""

from __future__ import annotations

import io
import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from bantin.exporters import Exporter, ExportError, Warn
from bantin.exporters._shared import (
    CODE_GROUND,
    CONTENTS,
    PAGE,
    QUOC_HIEU,
    TIEU_NGU,
    DecreeHeader,
    briefing_meta,
    count_line,
    credit_line,
    decree_header,
    digest_meta,
    doc_subject,
    escape,
    figure_size,
    short_title,
    source_line,
    tag_span,
)
from bantin.exporters.roles import roles
from bantin.exporters.walk import Walker
from bantin.style.fonts import Family, fallback_for, resolve
from bantin.model import (
    Article,
    Briefing,
    CodeBlock,
    Document,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    SectionBreak,
    Span,
    Table,
    Text,
    plain,
    text_of,
)
from bantin.style.stylesheet import FontSpec, Style

MM = 72 / 25.4
# reportlab re-wraps the rest of a paragraph at every page split, which is
# quadratic in its length; longer runs are set as consecutive chunks instead.
CHUNK = 3000
MAX_WORD = 5000
KEEP_LIMIT = 600  # characters; a title or heading this long still fits on a page


@dataclass(frozen=True)
class _Fonts:
    body: str  # registered family names
    heading: str
    body_family: Family
    heading_family: Family
    fallbacks: tuple[FontSpec, ...]
    mono: FontSpec  # registered only when a document has code (see _mono)


# reportlab's font registry is process-wide; this cache maps a style's fonts to
# the names registered for them, and the lock keeps two threads from registering
# the same style at once.
_registered: dict[tuple[str, ...], _Fonts] = {}
_register_lock = threading.Lock()


def _register_family(prefix: str, fam: Family) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names: dict[str, str] = {}
    by_path: dict[Path, str] = {}
    for face, path in fam.files.items():
        # A face standing in for another (a fallback's one file) is parsed once:
        # HanaMinA alone is 20 MB.
        if path not in by_path:
            by_path[path] = f"{prefix}-{face}"
            pdfmetrics.registerFont(TTFont(by_path[path], str(path)))
        names[face] = by_path[path]
    pdfmetrics.registerFontFamily(
        names["regular"],
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return names["regular"]


def _fonts(style: Style) -> _Fonts:
    """Register the style's fonts with reportlab once per process."""
    key = (repr(style.body_font), repr(style.heading_font), repr(style.fallback_fonts), repr(style.mono_font))
    with _register_lock:
        _patch_to_unicode()
        return _registered.get(key) or _register(key, style)


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with code points above U+FFFF written as the
    UTF-16 surrogate pairs the PDF format asks for. reportlab writes them as five
    hex digits ("<21A38>"), so text extraction turned 𡨸 into ↣ and 🎉 into Ἰ."""
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{v:04X}>" if v < 0x10000 else f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


def _patch_to_unicode() -> None:
    """Install the fix above in reportlab (once; it changes only astral entries)."""
    from reportlab.pdfbase import ttfonts

    if ttfonts.makeToUnicodeCMap is not _to_unicode_cmap:
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _register(key: tuple[str, ...], style: Style) -> _Fonts:
    body = resolve(style.body_font)
    heading = resolve(style.heading_font)
    n = len(_registered)
    fonts = _Fonts(
        _register_family(f"BantinBody{n}", body), _register_family(f"BantinHeading{n}", heading),
        body, heading, style.fallback_fonts, style.mono_font,
    )
    _registered[key] = fonts
    return fonts


# Faces registered on first use (fallbacks, the code face): most articles need
# none of them, and HanaMinA alone takes a second to parse.
_lazy_names: dict[Family, str] = {}


def _lazy_name(fam: Family) -> str:
    """The reportlab name of a face registered on first use."""
    with _register_lock:
        if fam not in _lazy_names:
            _lazy_names[fam] = _register_family(f"BantinLazy{len(_lazy_names)}", fam)
        return _lazy_names[fam]


def _mono(spec: FontSpec) -> tuple[str, Family]:
    """The reportlab name and the family of the code face."""
    fam = resolve(spec)
    return _lazy_name(fam), fam


def warm(style: Style) -> None:
    import reportlab.platypus  # noqa: F401

    _fonts(style)


class _Ink:
    """Turns model text into escaped reportlab markup for one font family."""

    def __init__(self, fonts: _Fonts, warn: Warn, article: str) -> None:
        self.fonts, self.warn, self.article = fonts, warn, article
        self.reported: set[str] = set()

    def chars(self, text: str, family: Family) -> str:
        if family.covers_all(text):
            return escape(text)
        out = []
        for c in text:
            if family.covers(c) or c in "\n":
                out.append(escape(c))
                continue
            fb = fallback_for(self.fonts.fallbacks, c)
            if fb is not None:
                out.append(f'<font name="{_lazy_name(fb)}">{escape(c)}</font>')
            else:
                code = f"U+{ord(c):04X}"
                if code not in self.reported:
                    self.reported.add(code)
                    self.warn(f"{code} ({c!r}) is in neither font {family.name} nor an installed fallback; "
                              f"shown as [{code}] in “{self.article}”")
                out.append(f"[{code}]")
        return "".join(out)

    def spans(self, text: Text, family: Family, link_colour: str = "") -> str:
        out = []
        for s in text:
            if s.code:
                name, mono = _mono(self.fonts.mono)
                inner = f'<font name="{name}">{self.chars(s.text, mono)}</font>'
            else:
                inner = self.chars(s.text, family)
            # A link becomes an annotation over the words; the colour shows it on screen.
            out.append(tag_span(s, inner, "b", "i", f' color="{link_colour}"'))
        return "".join(out)

def _chunks(text: str) -> list[str]:
    if len(text) <= CHUNK:
        return [text]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = text.rfind(" ", start + CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append(text[start:end])
        start = end
    return out


_LONG_WORD = re.compile(rf"\S{{{MAX_WORD},}}")


def _split(text: Text) -> list[Text]:
    """Runs of at most CHUNK characters, cut at spaces, each span keeping its
    emphasis: every kind of block is set in linear time, not only plain
    paragraphs (a 1.4 MB title or emphasised paragraph took minutes)."""
    if sum(len(s.text) for s in text) <= CHUNK:
        return [text]
    if any(_LONG_WORD.search(s.text) for s in text):
        raise ExportError(f"a run of more than {MAX_WORD} characters without a space cannot be set")
    out: list[Text] = []
    cur: list[Span] = []
    size = 0
    for span in text:
        for piece in _chunks(span.text):
            if cur and size + len(piece) > CHUNK:
                out.append(tuple(cur))
                cur, size = [], 0
            cur.append(replace(span, text=piece))
            size += len(piece)
    if cur:
        out.append(tuple(cur))
    return out


_ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 4}  # reportlab's TA_* values


@lru_cache(maxsize=8)
def _styles(style: Style, f: _Fonts) -> dict[str, Any]:
    """reportlab ParagraphStyles from the shared role table (``roles``), built once
    per style sheet: reportlab never changes them."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    t = style.text
    ink, accent = colors.HexColor(t.body_colour), colors.HexColor(t.accent_colour)
    out: dict[str, Any] = {}
    for name, r in roles(style).items():
        if r.font == "mono":
            continue  # built with the code face, when a document has code (visit_codeblock)
        family = f.heading if r.font == "heading" else f.body
        out[name] = ParagraphStyle(
            name, fontName=family.replace("-regular", f"-{r.face}"), fontSize=r.size, leading=r.size * r.leading,
            alignment=_ALIGN[r.align], spaceBefore=r.before, spaceAfter=r.after, leftIndent=r.left * MM,
            rightIndent=r.right * MM, firstLineIndent=r.first * MM if r.first > 0 else 0,
            keepWithNext=int(r.keep_next), textColor=accent if r.accent else ink, linkUnderline=0,
            allowWidows=0, allowOrphans=0, hyphenationLang="", embeddedHyphenation=0, splitLongWords=1,
            # A URL too long for its line breaks after a slash rather than mid-word.
            uriWasteReduce=0.3, bulletFontName=f.body, bulletIndent=(r.left + r.first) * MM if r.first < 0 else 0,
        )
    for align in ("right", "center"):
        for cell in ("cell", "header_cell"):
            out[f"{cell}-{align}"] = ParagraphStyle(f"{cell}-{align}", parent=out[cell], alignment=_ALIGN[align])
    return out


@lru_cache(maxsize=64)
def _loose(pst: Any) -> Any:
    """The style without keep-with-next, for all but the last piece of a long
    paragraph: a title in 400 pieces must not become one unsplittable block."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{pst.name}-loose", parent=pst, keepWithNext=0)


class _Outlined:
    """Marks a flowable for the outline (and the table of contents)."""

    def __init__(self, title: str, level: int, key: str, toc: bool) -> None:
        self.title, self.level, self.key, self.toc = title, level, key, toc


class _Story(Walker):
    """The platypus story of a document: one flowable list, built by one walk."""

    format = "pdf"

    def __init__(self, style: Style, fonts: _Fonts, warn: Warn, width: float, height: float) -> None:
        self.style, self.fonts, self.warn = style, fonts, warn
        self.width, self.height = width, height  # the frame's, in points
        self.st = _styles(style, fonts)
        self.story: list[Any] = []
        self.count = 0
        self.ink = _Ink(fonts, warn, "")
        self.depth = 0
        self.last_level = 0
        self.link = style.text.accent_colour
        # Which family draws each role: a character's coverage is checked against it.
        self.families = {name: fonts.heading_family if r.font == "heading" else fonts.body_family
                         for name, r in roles(style).items()}

    # -- helpers

    def para(self, markup: str, pst: Any, outline: _Outlined | None = None, **kw: Any) -> Any:

        p = _marked()(markup, pst, **kw)
        if outline is not None:
            p._bantin_outline = outline
        return p

    def paras(self, text: Text, pst: Any, outline: _Outlined | None = None, **kw: Any) -> None:
        """One paragraph, or consecutive ones when it is long: the outline mark and
        a bullet go on the first. Only a short paragraph keeps with the next one:
        reportlab loops for ever on a keep-with-next block taller than the page."""
        family = self.families.get(pst.name, self.fonts.body_family)
        chunks = _split(text)
        keep = len(chunks) == 1 and sum(len(s.text) for s in text) <= KEEP_LIMIT
        for i, chunk in enumerate(chunks):
            self.story.append(self.para(self.ink.spans(chunk, family, self.link), pst if keep else _loose(pst),
                                        outline if i == 0 else None, **(kw if i == 0 else {})))

    def outline(self, title: str, level: int, toc: bool = False) -> _Outlined:
        self.count += 1
        return _Outlined(short_title(title, 200), level, f"o{self.count}", toc)

    # -- the skeleton

    def cover(self, b: Briefing) -> None:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        self.ink = _Ink(self.fonts, self.warn, short_title(b.title, 40))
        header = decree_header(b, self.style.page.decree_header)
        if header is not None:
            self.story += [self.decree(header), Spacer(1, 20 * mm)]
        else:
            self.story.append(Spacer(1, 60 * mm))
        self.paras(plain(b.title), self.st["cover_title"], self.outline(b.title, 0))
        meta = "" if header else briefing_meta(b)  # the header block already names both
        if meta:
            self.paras(plain(meta), self.st["cover_meta"])
        self.paras(plain(count_line(b)), self.st["cover_meta"])

    def decree(self, h: DecreeHeader) -> Any:
        """The header block as a two-column table without rules; a short line under
        the issuer and one under the motto, as long as the motto."""
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import HRFlowable, Table, TableStyle

        base = self.st["decree"]
        bold = ParagraphStyle("decree-bold", parent=base, fontName=self.fonts.body.replace("-regular", "-bold"))
        italic = ParagraphStyle("decree-italic", parent=base, fontName=self.fonts.body.replace("-regular", "-italic"))
        ink = colors.HexColor(self.style.text.body_colour)

        def p(text: str, pst: Any) -> Any:
            return self.para(self.ink.chars(text, self.fonts.body_family), pst)

        motto = stringWidth(TIEU_NGU, bold.fontName, bold.fontSize)
        rule = {"thickness": 0.5, "color": ink, "spaceBefore": 1, "hAlign": "CENTER"}
        left = [p(h.issuer, bold), HRFlowable(width="30%", spaceAfter=4, **rule)]
        if h.number:
            left.append(p(h.number, base))
        right = [p(QUOC_HIEU, bold), p(TIEU_NGU, bold),
                 HRFlowable(width=motto, spaceAfter=6, **rule),
                 p(h.place_date, italic)]
        grid = Table([[left, right]], colWidths=[self.width * 0.4, self.width * 0.6])
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                  ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return grid

    def contents(self, b: Briefing) -> None:
        from reportlab.platypus import PageBreak
        from reportlab.platypus.tableofcontents import TableOfContents

        self.story.append(PageBreak())
        self.paras(plain(CONTENTS), self.st["contents_heading"])
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [self.st["toc"]]
        self.story.append(toc)

    def start_article(self, a: Article, n: int) -> None:
        from reportlab.platypus import PageBreak

        if n:
            self.story.append(PageBreak())
        self.ink = _Ink(self.fonts, self.warn, short_title(a.title, 40))

    def masthead(self, text: str, a: Article) -> None:
        self.paras(plain(text), self.st["masthead"])

    def title(self, a: Article, depth: int) -> None:
        self.depth = self.last_level = depth
        pst = _balanced(self.st["title"], self.ink.spans(plain(a.title), self.fonts.heading_family), self.width)
        self.paras(plain(a.title), pst, self.outline(a.title, depth, toc=depth == 1))

    def lede(self, text: str) -> None:
        self.paras(plain(text), self.st["lede"])

    def byline(self, text: str) -> None:
        from reportlab.platypus import Paragraph as P

        last = self.story[-1] if self.story else None
        self.paras(plain(text), self.st["byline"])
        # (Not a title or heading: its outline mark must stay on a flowable of its own.)
        if (isinstance(last, P) and not hasattr(last, "_bantin_outline") and len(self.story) >= 2
                and self.story[-2] is last):
            # Never alone on a page: the byline travels with the article's last lines.
            self.story[-2:] = [_tail()(last, self.story[-1])]

    def notes(self, lines: list[Text]) -> None:
        for line in lines:
            self.paras(line, self.st["source"])

    # -- the điểm báo

    def digest_header(self, b: Briefing) -> None:
        self.ink = _Ink(self.fonts, self.warn, short_title(b.title, 40))
        header = decree_header(b, self.style.page.decree_header)
        if header is not None:
            self.story.append(self.decree(header))
        self.paras(plain(b.title), self.st["digest_title"], self.outline(b.title, 0))
        meta = digest_meta(b)
        if meta:
            self.paras(plain(meta), self.st["digest_meta"])

    def group(self, label: str) -> None:
        self.paras(plain(label), self.st["group"])

    def entry(self, a: Article, n: int) -> None:
        """One entry, never split across pages when it fits on one; one outline
        item each."""
        from reportlab.platypus import KeepTogether

        self.ink = _Ink(self.fonts, self.warn, short_title(a.title, 40))
        start = len(self.story)
        self.paras(plain(a.title), self.st["entry_title"], self.outline(a.title, 1), bulletText=f"{n}.")
        source = source_line(a)
        if source:
            self.paras(source, self.st["entry_source"])
        if a.lede:
            self.paras(plain(a.lede), self.st["entry_lede"])
        for b in a.blocks:
            if isinstance(b, ListBlock):
                for item in b.items:
                    self.paras(item, self.st["point"], bulletText="–")
            else:
                self.block(b, 1)
        self.story[start:] = [KeepTogether(self.story[start:])]

    # -- blocks

    def visit_heading(self, b: Heading, depth: int) -> None:
        from reportlab.platypus import CondPageBreak

        level = min(depth + b.level, self.last_level + 1)  # an outline may not skip a level
        self.last_level = level
        self.story.append(CondPageBreak(self.st["body"].leading * 4))
        self.paras(b.text, self.st[f"h{min(b.level, 3)}"], self.outline(text_of(b.text), level))

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        self.paras(b.text, self.st["body"])

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        from reportlab.platypus import Spacer

        for n, item in enumerate(b.items, 1):
            if b.numbered_in_text:
                self.paras(item, self.st["own_item"])
            else:
                self.paras(item, self.st["item"], bulletText=f"{n}." if b.ordered else "–")
        self.story.append(Spacer(1, self.style.text.space_after / 2))

    def visit_quote(self, b: Quote, depth: int) -> None:
        self.paras(b.text, self.st["quote"])
        if b.attribution:
            self.paras(plain("— " + b.attribution), self.st["attribution"])

    def visit_figure(self, b: Figure, depth: int) -> None:
        """The image (sized by ``figure_size``), kept on one page with its caption
        and credit."""
        from reportlab.platypus import Image as Picture
        from reportlab.platypus import KeepTogether

        start = len(self.story)
        if b.image is not None:
            w, h = figure_size(b.image, self.width, self.height)
            pic = Picture(io.BytesIO(b.image.data), width=w, height=h)
            pic.hAlign = "CENTER"
            self.story.append(pic)
        caption = b.caption
        if b.credit:
            credit = credit_line(b)
            caption = (*caption, Span(f" ({credit})")) if caption else plain(credit)
        if caption:
            self.paras(caption, self.st["caption"])
        kept = self.story[start:]
        if len(kept) > 1 and sum(len(s.text) for s in caption) <= KEEP_LIMIT:
            self.story[start:] = [KeepTogether(kept)]

    def visit_table(self, b: Table, depth: int) -> None:
        from reportlab.lib import colors
        from reportlab.platypus import Table as Grid
        from reportlab.platypus import TableStyle

        if b.caption:
            self.paras(b.caption, self.st["table_caption"])
        if not b.rows:
            return
        ncols = b.columns
        cells = []
        for i, row in enumerate(b.rows):
            kind = "header_cell" if i < b.header_rows else "cell"
            line = []
            for c in range(ncols):
                align = b.align[c] if c < len(b.align) else "left"
                pst = self.st[kind if align == "left" else f"{kind}-{align}"]
                text = row[c] if c < len(row) else ()
                line.append(self.para(self.ink.spans(text, self.fonts.body_family, self.link), pst))
            cells.append(line)
        grid = Grid(cells, colWidths=_column_widths(b, self.width, self.st["cell"]), repeatRows=b.header_rows,
                    hAlign="LEFT")
        rule = colors.HexColor("#888888")
        commands: list[tuple[Any, ...]] = [
            # reportlab sets each cell's font even for a Paragraph; left at its
            # default, an unembedded Helvetica would be referenced.
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, rule),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.HexColor(self.style.text.body_colour)),
        ]
        if b.header_rows:
            commands.append(("LINEBELOW", (0, b.header_rows - 1), (-1, b.header_rows - 1), 0.6,
                             colors.HexColor(self.style.text.body_colour)))
        grid.setStyle(TableStyle(commands))
        grid.spaceAfter = self.style.text.space_after * 1.5
        self.story.append(grid)

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.story.append(self.para("*   *   *", self.st["break"]))

    def visit_codeblock(self, b: CodeBlock, depth: int) -> None:
        """Lines as written, in the code face on a light ground. A line wider than
        the column goes on under a hanging "↪", as pandoc's PDF does, rather than
        running off the page; spaces are kept (XPreformatted)."""
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import XPreformatted

        name, mono = _mono(self.fonts.mono)
        r = roles(self.style)["code"]
        pst = ParagraphStyle("code", fontName=name, fontSize=r.size, leading=r.size * r.leading,
                             spaceBefore=r.before, spaceAfter=r.after, leftIndent=r.left * MM,
                             backColor=colors.HexColor(CODE_GROUND), borderPadding=(3, 4, 3, 4),
                             textColor=colors.HexColor(self.style.text.body_colour))
        cols = max(20, int((self.width - r.left * MM - 8) // stringWidth("0", name, r.size)))
        marker = "↪ " if mono.covers("↪") else "> "
        lines: list[str] = []
        for line in b.lines or ("",):
            while len(line) > cols:
                lines.append(line[:cols])
                line = marker + line[cols:]
            lines.append(line)
        self.story.append(XPreformatted("\n".join(self.ink.chars(x, mono) for x in lines), pst))


def _balanced(pst: Any, markup: str, width: float) -> Any:
    """The title's style narrowed so that its lines come out even: the narrowest
    measure that keeps the same number of lines ("…kỷ nguyên" / "mới" becomes two
    lines of like length). A one-line title is left as it is."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as P

    if len(markup) > KEEP_LIMIT:
        return pst

    def lines(w: float) -> int:
        p = P(markup, pst)
        p.wrap(w, 10_000)
        return len(p.blPara.lines)

    first = P(markup, pst)
    first.wrap(width, 10_000)
    n = len(first.blPara.lines)
    last = first.blPara.lines[-1]
    extra = last[0] if first.blPara.kind == 0 else last.extraSpace
    if n < 2 or width - extra >= 0.6 * width:
        return pst  # one line, or a last line already long enough
    low, high = width / n, width
    for _ in range(6):  # to a 64th of the width: finer is invisible
        mid = (low + high) / 2
        low, high = (low, mid) if lines(mid) <= n else (mid, high)
    spare = width - high - 1
    if pst.alignment == 1:  # centred: narrow both sides alike
        return ParagraphStyle(f"{pst.name}-balanced", parent=pst, leftIndent=spare / 2, rightIndent=spare / 2)
    return ParagraphStyle(f"{pst.name}-balanced", parent=pst, rightIndent=spare)


@lru_cache(maxsize=1)
def _tail() -> type:
    """A flowable holding an article's last paragraph and its byline: when they do
    not fit, the paragraph is split so that at least two of its lines go over with
    the byline, which is never alone at the top of a page."""
    from reportlab.platypus import Flowable

    class Tail(Flowable):
        def __init__(self, body: Any, byline: Any) -> None:
            super().__init__()
            self.body, self.byline = body, byline

        def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's names
            return float(self.body.getSpaceBefore())

        def getSpaceAfter(self) -> float:  # noqa: N802
            return float(self.byline.getSpaceAfter())

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.bw, self.bh = self.body.wrap(aw, ah)
            self.yw, self.yh = self.byline.wrap(aw, ah)
            self.gap = max(self.body.getSpaceAfter(), self.byline.getSpaceBefore())
            self.width, self.height = aw, self.bh + self.gap + self.yh
            return self.width, self.height

        def draw(self) -> None:
            # In reading order, so that text extraction reads the byline last.
            self.body.drawOn(self.canv, 0, self.yh + self.gap)
            self.byline.drawOn(self.canv, 0, 0)

        def split(self, aw: float, ah: float) -> list[Any]:
            self.wrap(aw, ah)
            leading = self.body.style.leading
            # Room for the body that still leaves two of its lines to go over.
            room = min(ah, self.bh - 2 * leading + leading / 2)
            parts = self.body.split(aw, room) if room > leading else []
            if len(parts) != 2:
                return []
            return [parts[0], Tail(parts[1], self.byline)]

    return Tail


def _column_widths(t: Table, avail: float, pst: Any) -> list[float]:
    """Each column as wide as its text needs, shrunk in proportion when the table
    is wider than the page, but never below its longest word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pad = 8.0
    natural, least = [], []
    for c in range(t.columns):
        texts = [text_of(r[c]) for r in t.rows if c < len(r)]
        bold = [i < t.header_rows for i, r in enumerate(t.rows) if c < len(r)]
        full = [stringWidth(x, pst.fontName.replace("-regular", "-bold") if b else pst.fontName, pst.fontSize)
                for x, b in zip(texts, bold, strict=True)]
        words = [stringWidth(w, pst.fontName, pst.fontSize) * 1.1 for x in texts for w in x.split()]
        natural.append(max(full, default=0) + pad)
        least.append(min(max(words, default=0) + pad, avail / max(1, t.columns) * 1.5))
    if sum(natural) <= avail:
        return natural
    spare = avail - sum(least)
    if spare <= 0:
        return [avail / t.columns] * t.columns
    stretch = sum(n - m for n, m in zip(natural, least, strict=True)) or 1
    return [m + spare * (n - m) / stretch for n, m in zip(natural, least, strict=True)]


TOTAL = "bantin-page-total"  # the form that prints the page count, defined at save


def _page_decor(style: Style, fonts: _Fonts, running: str, cover: bool) -> Any:
    """Header and footer, drawn as each page ends. "Trang N/M" draws M through a
    form defined only when the document is saved (``_TotalCanvas``), so every page
    is written as soon as it is done and outline destinations point at their own
    pages. A briefing's cover carries no number."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    page = style.page
    w, h = (x * MM for x in page.size_mm)
    size = style.text.masthead_size

    def draw(canv: Any, doc: Any) -> None:
        n = canv.getPageNumber()
        canv.saveState()
        canv.setFillColor(colors.HexColor(style.text.body_colour))
        if page.page_numbers == "top":
            if n > 1:
                canv.setFont(fonts.body, style.text.body_size)
                canv.drawCentredString(w / 2, h - page.margin_top * MM / 2 - 4, str(n))
        elif not (cover and n == 1):
            canv.setFont(fonts.body, size)
            head = f"{PAGE} {n}/"
            # Centred as if the total had as many digits as this page's number.
            x = w / 2 - stringWidth(head + str(n), fonts.body, size) / 2
            y = page.margin_bottom * MM / 2 - 3
            canv.drawString(x, y, head)
            canv.translate(x + stringWidth(head, fonts.body, size), y)
            canv.doForm(TOTAL)
        canv.restoreState()
        if page.running_header and n > 1 and running:
            canv.saveState()
            canv.setFillColor(colors.HexColor(style.text.body_colour))
            canv.setFont(fonts.heading, size)
            y = h - page.margin_top * MM / 2
            left, right = page.margin_left * MM, w - page.margin_right * MM
            canv.drawString(left, y, running)
            canv.setStrokeColor(colors.HexColor(style.text.accent_colour))
            canv.setLineWidth(0.4)
            canv.line(left, y - 4, right, y - 4)
            canv.restoreState()

    return draw


MAX_GAP = 2.0  # times the normal word space: a justified line wider than that is set flush left


@lru_cache(maxsize=1)
def _marked() -> type:
    """bantin's Paragraph. It sets its outline destination where it is drawn (an
    /XYZ destination at its own top, on its own page), and it sets flush left any
    justified line whose word spaces would pass twice the normal space: a long URL
    or e-mail address would otherwise stretch its line into a row of gaps."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph as P

    class Marked(P):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            size = super().wrap(aw, ah)
            if self.style.alignment == _ALIGN["justify"]:
                self._unstretch()
            return size  # type: ignore[no-any-return]

        def _unstretch(self) -> None:
            bl = getattr(self, "blPara", None)
            if bl is None:
                return
            space = stringWidth(" ", self.style.fontName, self.style.fontSize)
            lines = bl.lines
            for n, line in enumerate(lines[:-1]):
                if bl.kind == 0:
                    extra, words = line
                    if len(words) > 1 and extra / (len(words) - 1) > (MAX_GAP - 1) * space:
                        lines[n] = (0, words)
                else:
                    gaps = getattr(line, "wordCount", 0) - 1
                    if gaps > 0 and line.extraSpace / gaps > (MAX_GAP - 1) * space:
                        line.extraSpace = 0

        def draw(self) -> None:
            o = getattr(self, "_bantin_outline", None)
            if o is not None:
                self.canv.bookmarkHorizontal(o.key, 0, self.height)
            super().draw()

    return Marked


def write(doc: Document, style: Style, warn: Warn) -> bytes:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    fonts = _fonts(style)
    page = style.page
    w, h = (x * MM for x in page.size_mm)
    decor = _page_decor(style, fonts, short_title(doc.title, 80), isinstance(doc, Briefing))

    class _TotalCanvas(Canvas):
        """Defines the page-count form once the count is known."""

        def save(self) -> None:
            total = self.getPageNumber() - 1  # save follows the last showPage
            self.beginForm(TOTAL)
            self.setFillColor(style.text.body_colour)
            self.setFont(fonts.body, style.text.masthead_size)
            self.drawString(0, 0, str(total))
            self.endForm()
            Canvas.save(self)

    class _Doc(BaseDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802
            o = getattr(flowable, "_bantin_outline", None)
            if o is None:
                return
            self.canv.addOutlineEntry(o.title, o.key, level=o.level, closed=o.level > 1)
            if o.toc:
                self.notify("TOCEntry", (0, escape(o.title), self.page, o.key))

    buf = BytesIO()
    template = _Doc(
        buf,
        pagesize=(w, h),
        leftMargin=page.margin_left * MM,
        rightMargin=page.margin_right * MM,
        topMargin=page.margin_top * MM,
        bottomMargin=page.margin_bottom * MM,
        title=doc.title,
        author=doc.author,
        subject=doc_subject(doc),
        creator="bantin",
        producer="bantin (reportlab)",
        lang="vi-VN",
        keywords=list(getattr(doc, "tags", ())),
        # The canvas starts on this font; left at reportlab's default (Helvetica)
        # it is referenced unembedded. Passed per document, not through the
        # process-wide rl_config, so that threads with different styles agree.
        initialFontName=fonts.body,
    )
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=decor)])
    walker = _Story(style, fonts, warn, template.width, template.height)
    walker.walk(doc)
    story = walker.story
    try:
        if isinstance(doc, Briefing):
            template.multiBuild(story, canvasmaker=_TotalCanvas)
        else:
            template.build(story, canvasmaker=_TotalCanvas)
    except Exception as e:
        if type(e).__name__ == "LayoutError":
            raise ExportError(f"cannot lay out the page: {e}") from None
        raise
    return buf.getvalue()


exporter = Exporter("pdf", ".pdf", write, "A4 print briefing (reportlab)", warm=warm)
