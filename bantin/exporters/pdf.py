"""PDF print briefings with reportlab.

Every face is a subset-embedded TrueType font from the style; the canvas base font
is set to the body face so that no standard-14 Helvetica reference is written.
Text reaches reportlab's paragraph parser only through ``_markup``, which escapes
it and checks every character against the font that will draw it: a character the
font lacks is drawn from a fallback font, or replaced visibly with a warning.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from bantin.exporters import Exporter, ExportError, Warn
from bantin.exporters._shared import (
    CONTENTS,
    PAGE,
    briefing_meta,
    caption_line,
    doc_subject,
    footer_lines,
    meta_line,
    short_title,
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
    Span,
    Text,
    plain,
    text_of,
)
from bantin.stylesheet import Style

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
    fallbacks: tuple[tuple[str, Family], ...]


# reportlab's font registry is process-wide; this cache maps a style's fonts to
# the names registered for them, and the lock keeps two threads from registering
# the same style at once.
_registered: dict[tuple[str, ...], _Fonts] = {}
_register_lock = threading.Lock()


def _register_family(prefix: str, fam: Family) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = {face: f"{prefix}-{face}" for face in fam.files}
    for face, path in fam.files.items():
        pdfmetrics.registerFont(TTFont(names[face], str(path)))
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
    key = (repr(style.body_font), repr(style.heading_font), repr(style.fallback_fonts))
    with _register_lock:
        return _registered.get(key) or _register(key, style)


def _register(key: tuple[str, ...], style: Style) -> _Fonts:
    body = resolve(style.body_font)
    heading = resolve(style.heading_font)
    n = len(_registered)
    fallbacks = tuple(
        (_register_family(f"BantinFallback{n}x{i}", fam), fam)
        for i, fam in enumerate(resolve(f) for f in style.fallback_fonts)
    )
    fonts = _Fonts(
        _register_family(f"BantinBody{n}", body), _register_family(f"BantinHeading{n}", heading),
        body, heading, fallbacks,
    )
    _registered[key] = fonts
    return fonts


def warm(style: Style) -> None:
    import reportlab.platypus  # noqa: F401

    _fonts(style)


class _Ink:
    """Turns model text into escaped reportlab markup for one font family."""

    def __init__(self, fonts: _Fonts, warn: Warn, article: str) -> None:
        self.fonts, self.warn, self.article = fonts, warn, article
        self.reported: set[str] = set()

    def chars(self, text: str, family: Family) -> str:
        if all(family.covers(c) for c in text):
            return escape(text)
        out = []
        for c in text:
            if family.covers(c) or c in "\n":
                out.append(escape(c))
                continue
            for name, fb in self.fonts.fallbacks:
                if fb.covers(c):
                    out.append(f'<font name="{name}">{escape(c)}</font>')
                    break
            else:
                code = f"U+{ord(c):04X}"
                if code not in self.reported:
                    self.reported.add(code)
                    self.warn(f"{code} ({c!r}) is not in font {family.name}; shown as [{code}] in “{self.article}”")
                out.append(f"[{code}]")
        return "".join(out)

    def spans(self, text: Text, family: Family) -> str:
        out = []
        for s in text:
            m = self.chars(s.text, family)
            if s.strong:
                m = f"<b>{m}</b>"
            if s.em:
                m = f"<i>{m}</i>"
            out.append(m)
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


@lru_cache(maxsize=8)
def _styles(style: Style, f: _Fonts) -> dict[str, Any]:
    """The paragraph styles, built once per style sheet (reportlab never changes them)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    t = style.text
    ink = colors.HexColor(t.body_colour)
    accent = colors.HexColor(t.accent_colour)
    common = dict(
        textColor=ink, allowWidows=0, allowOrphans=0, hyphenationLang="", embeddedHyphenation=0,
        splitLongWords=1,
    )
    body = ParagraphStyle(
        "body", fontName=f.body, fontSize=t.body_size, leading=t.body_size * t.leading,
        alignment=TA_JUSTIFY if t.justify else TA_LEFT, spaceAfter=t.space_after,
        firstLineIndent=t.first_line_indent * MM, **common,
    )
    hs = list(t.heading_sizes) + [t.body_size] * 3

    def heading(level: int) -> ParagraphStyle:
        size = hs[level - 1]
        return ParagraphStyle(
            f"h{level}", parent=body, fontName=f.heading.replace("-regular", "-bold"),
            fontSize=size, leading=size * max(1.3, t.leading - 0.1), alignment=TA_LEFT, firstLineIndent=0,
            spaceBefore=size * 0.9, spaceAfter=size * 0.45, keepWithNext=1, textColor=ink,
        )

    return {
        "body": body,
        "h": tuple(heading(level) for level in (1, 2, 3)),
        "title": ParagraphStyle(
            "title", parent=body, fontName=f.heading.replace("-regular", "-bold"), fontSize=t.title_size,
            leading=t.title_size * 1.3, alignment=TA_CENTER if style.page.page_numbers == "top" else TA_LEFT,
            spaceAfter=t.title_size * 0.5, firstLineIndent=0, keepWithNext=1,
        ),
        "lede": ParagraphStyle(
            "lede", parent=body, fontName=f.body.replace("-regular", "-bold"), fontSize=t.lede_size,
            leading=t.lede_size * t.leading, spaceAfter=t.space_after * 1.5,
        ),
        "masthead": ParagraphStyle(
            "masthead", parent=body, fontName=f.heading, fontSize=t.masthead_size,
            leading=t.masthead_size * 1.4, alignment=TA_LEFT, textColor=accent, firstLineIndent=0,
            spaceAfter=t.masthead_size,
        ),
        "item": ParagraphStyle(
            "item", parent=body, leftIndent=7 * MM, firstLineIndent=0, bulletIndent=2 * MM,
            bulletFontName=f.body, spaceAfter=t.space_after / 2,
        ),
        "own_item": ParagraphStyle(
            "own_item", parent=body, leftIndent=7 * MM, firstLineIndent=-5 * MM, spaceAfter=t.space_after / 2,
        ),
        "quote": ParagraphStyle(
            "quote", parent=body, fontName=f.body.replace("-regular", "-italic"), leftIndent=10 * MM,
            rightIndent=10 * MM, firstLineIndent=0, spaceBefore=t.space_after / 2,
        ),
        "attribution": ParagraphStyle(
            "attribution", parent=body, alignment=TA_RIGHT, rightIndent=10 * MM, firstLineIndent=0,
            fontSize=t.body_size * 0.92, leading=t.body_size * 0.92 * t.leading,
        ),
        "caption": ParagraphStyle(
            "caption", parent=body, fontName=f.body.replace("-regular", "-italic"), fontSize=t.caption_size,
            leading=t.caption_size * 1.4, alignment=TA_LEFT, firstLineIndent=0, textColor=accent,
            spaceBefore=t.space_after / 2,
        ),
        "break": ParagraphStyle(
            "break", parent=body, alignment=TA_CENTER, firstLineIndent=0, spaceBefore=t.space_after,
        ),
        "byline": ParagraphStyle(
            "byline", parent=body, fontName=f.body.replace("-regular", "-bold"), alignment=TA_RIGHT,
            firstLineIndent=0, spaceBefore=t.space_after,
        ),
        "small": ParagraphStyle(
            "small", parent=body, fontSize=t.caption_size, leading=t.caption_size * 1.4,
            alignment=TA_LEFT, firstLineIndent=0, spaceAfter=2,
        ),
        "cover_title": ParagraphStyle(
            "cover_title", parent=body, fontName=f.heading.replace("-regular", "-bold"),
            fontSize=t.title_size * 1.4, leading=t.title_size * 1.8, alignment=TA_CENTER, firstLineIndent=0,
            spaceAfter=t.title_size,
        ),
        "cover_meta": ParagraphStyle(
            "cover_meta", parent=body, fontName=f.heading, fontSize=t.lede_size * 1.15,
            leading=t.lede_size * 1.7, alignment=TA_CENTER, firstLineIndent=0,
        ),
        "toc": [
            ParagraphStyle(
                "toc1", parent=body, fontName=f.body, alignment=TA_LEFT, firstLineIndent=0,
                leftIndent=6 * MM, rightIndent=12 * MM, spaceAfter=4,
            )
        ],
    }


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


def _story(doc: Document, style: Style, fonts: _Fonts, warn: Warn) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, PageBreak, Spacer
    from reportlab.platypus import Paragraph as P
    from reportlab.platypus.tableofcontents import TableOfContents

    st = _styles(style, fonts)
    story: list[Any] = []
    counter = [0]

    def para(markup: str, pst: Any, outline: _Outlined | None = None, **kw: Any) -> None:
        p = P(markup, pst, **kw)
        if outline is not None:
            p._bantin_outline = outline
        story.append(p)

    def paras(text: Text, ink: _Ink, family: Family, pst: Any, outline: _Outlined | None = None,
              **kw: Any) -> None:
        """One paragraph, or consecutive ones when it is long: the outline mark and
        a bullet go on the first. Only a short paragraph keeps with the next one:
        reportlab loops for ever on a keep-with-next block taller than the page."""
        chunks = _split(text)
        keep = len(chunks) == 1 and sum(len(s.text) for s in text) <= KEEP_LIMIT
        for i, chunk in enumerate(chunks):
            para(ink.spans(chunk, family), pst if keep else _loose(pst), outline if i == 0 else None,
                 **(kw if i == 0 else {}))

    def outline(title: str, level: int, toc: bool = False) -> _Outlined:
        counter[0] += 1
        return _Outlined(title, level, f"o{counter[0]}", toc)

    def article(a: Article, level: int) -> None:
        ink = _Ink(fonts, warn, short_title(a.title, 40))
        body, head = fonts.body_family, fonts.heading_family
        meta = meta_line(a)
        if meta:
            paras(plain(meta), ink, head, st["masthead"])
        paras(plain(a.title), ink, head, st["title"], outline(short_title(a.title, 200), level, toc=level == 1))
        if a.lede:
            paras(plain(a.lede), ink, body, st["lede"])
        last_level = level
        for b in a.blocks:
            if isinstance(b, Heading):
                lvl = min(level + b.level, last_level + 1)  # an outline may not skip a level
                last_level = lvl
                story.append(CondPageBreak(st["body"].leading * 4))
                paras(b.text, ink, head, st["h"][min(b.level, 3) - 1], outline(short_title(text_of(b.text), 200), lvl))
            elif isinstance(b, Paragraph):
                paras(b.text, ink, body, st["body"])
            elif isinstance(b, ListBlock):
                for n, item in enumerate(b.items, 1):
                    if b.numbered_in_text:
                        paras(item, ink, body, st["own_item"])
                    else:
                        paras(item, ink, body, st["item"], bulletText=f"{n}." if b.ordered else "–")
                story.append(Spacer(1, style.text.space_after / 2))
            elif isinstance(b, Quote):
                paras(b.text, ink, body, st["quote"])
                if b.attribution:
                    paras(plain("— " + b.attribution), ink, body, st["attribution"])
            elif isinstance(b, Caption):
                paras(plain(caption_line(b)), ink, body, st["caption"])
            elif isinstance(b, SectionBreak):
                para("*   *   *", st["break"])
        if a.byline:
            paras(plain(a.byline), ink, body, st["byline"])
        for line in footer_lines(a):
            paras(plain(line), ink, body, st["small"])

    if isinstance(doc, Briefing):
        ink = _Ink(fonts, warn, short_title(doc.title, 40))
        story.append(Spacer(1, 60 * mm))
        head = fonts.heading_family
        paras(plain(doc.title), ink, head, st["cover_title"], outline(short_title(doc.title, 200), 0))
        meta = briefing_meta(doc)
        if meta:
            paras(plain(meta), ink, head, st["cover_meta"])
        paras(plain(f"{len(doc.articles)} bài"), ink, head, st["cover_meta"])
        story.append(PageBreak())
        para(CONTENTS, st["title"])
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = st["toc"]
        story.append(toc)
        for a in doc.articles:
            story.append(PageBreak())
            article(a, 1)
    else:
        article(doc, 0)
    return story


def _page_decor(style: Style, fonts: _Fonts, running: str) -> Any:
    """Header and footer, drawn once the page count is known (see _CountingCanvas)."""
    from reportlab.lib import colors

    page = style.page
    w, h = (x * MM for x in page.size_mm)
    size = style.text.masthead_size

    def draw(canv: Any, n: int, total: int) -> None:
        canv.saveState()
        canv.setFillColor(colors.HexColor(style.text.body_colour))
        if page.page_numbers == "top":
            if n > 1:
                canv.setFont(fonts.body, style.text.body_size)
                canv.drawCentredString(w / 2, h - page.margin_top * MM / 2 - 4, str(n))
        else:
            canv.setFont(fonts.body, size)
            canv.drawCentredString(w / 2, page.margin_bottom * MM / 2 - 3, f"{PAGE} {n}/{total}")
        if page.running_header and n > 1 and running:
            canv.setFont(fonts.heading, size)
            y = h - page.margin_top * MM / 2
            left, right = page.margin_left * MM, w - page.margin_right * MM
            canv.drawString(left, y, running)
            canv.setStrokeColor(colors.HexColor(style.text.accent_colour))
            canv.setLineWidth(0.4)
            canv.line(left, y - 4, right, y - 4)
        canv.restoreState()

    return draw


def write(doc: Document, style: Style, warn: Warn) -> bytes:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    fonts = _fonts(style)
    page = style.page
    w, h = (x * MM for x in page.size_mm)
    decor = _page_decor(style, fonts, short_title(doc.title, 80))

    class _CountingCanvas(Canvas):
        """Defers page decoration to ``save`` so that "Trang N/M" knows M."""

        def __init__(self, *a: Any, **kw: Any) -> None:
            super().__init__(*a, **kw)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for i, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                decor(self, i, total)
                Canvas.showPage(self)
            Canvas.save(self)

    class _Doc(BaseDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802
            o = getattr(flowable, "_bantin_outline", None)
            if o is None:
                return
            self.canv.bookmarkPage(o.key)
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
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = _story(doc, style, fonts, warn)
    try:
        if isinstance(doc, Briefing):
            template.multiBuild(story, canvasmaker=_CountingCanvas)
        else:
            template.build(story, canvasmaker=_CountingCanvas)
    except Exception as e:
        if type(e).__name__ == "LayoutError":
            raise ExportError(f"cannot lay out the page: {e}") from None
        raise
    return buf.getvalue()


exporter = Exporter("pdf", ".pdf", write, "A4 print briefing (reportlab)", warm=warm)
