"""bantin's own flowables: the paragraph that marks the outline and keeps justified
lines even, the tail that keeps a byline with the article's last lines, and the
balanced title."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as P

from bantin.exporters.pdf import bound
from bantin.exporters.pdf.breaks import MAX_GAP, refill, too_wide
from bantin.exporters.pdf.ink import KEEP_LIMIT
from bantin.exporters.pdf.styles import ALIGN
from bantin.exporters.pdf.tracking import track


class Outlined:
    """Marks a flowable for the outline (and the table of contents)."""

    def __init__(self, title: str, level: int, key: str, toc: bool, markup: str = "") -> None:
        self.title, self.level, self.key, self.toc = title, level, key, toc
        self.markup = markup  # the title as the contents set it: escaped, checked against the font

class Marked(P):
    """bantin's Paragraph. It sets its outline destination where it is drawn (an
    /XYZ destination at its own top, on its own page), and it sets flush left any
    justified line whose word spaces would pass twice the normal space: a long URL
    or e-mail address would otherwise stretch its line into a row of gaps. Before
    that, the room is shared between the spaces and the letters (``tracking``)."""

    outline: Outlined | None = None

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - reportlab's name
        """reportlab's lines, a group bound by no-break spaces that is wider than
        its line broken at them (``bound.unbind``); a justified paragraph of one
        font with a line looser than MAX_GAP (as a whole), or with a last line of
        one syllable (its last lines), is broken again (``breaks.refill``)."""
        frags: list[Any] = getattr(self, "frags")  # noqa: B009 - set in reportlab's _setup, which mypy cannot type
        unbound = bound.unbind(frags, width if isinstance(width, (list, tuple)) else [width])
        if unbound is not None:
            self.frags = unbound
        try:
            bl = super().breakLines(width)
        finally:
            # The parsed fragments stay as written, so that a wider measure keeps
            # the binding; reportlab's own frag words (several fonts) replace them.
            if unbound is not None and self.frags is unbound:
                self.frags = frags
        if self.style.alignment == ALIGN["justify"] and getattr(bl, "kind", 1) == 0:
            # The first part of a paragraph split over two pages ends justified: its
            # last line is no runt.
            better = refill(bl, self.style.spaceShrinkage, not getattr(self, "_JustifyLast", False))
            if better is not None:
                bl.lines = better
        return bl

    def split(self, aw: float, ah: float) -> list[Any]:
        """reportlab's parts, the first keeping the outline mark: a part is a new
        paragraph, and a title too tall for what is left of its page (a large
        title size) lost its bookmark, so the headings under it had no parent
        ("can't jump from outline level -1 to level 1")."""
        parts = super().split(aw, ah)
        if parts and self.outline is not None and isinstance(parts[0], Marked):
            parts[0].outline = self.outline
        return parts  # type: ignore[no-any-return]

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        size = super().wrap(aw, ah)
        if self.style.alignment == ALIGN["justify"]:
            self._unstretch()
        return size  # type: ignore[no-any-return]

    def _unstretch(self) -> None:
        bl = getattr(self, "blPara", None)
        if bl is None:
            return
        space = stringWidth(" ", self.style.fontName, self.style.fontSize)
        lines = bl.lines
        # Underlines and link boxes are measured from the word spaces alone: such a
        # paragraph is never letter-spaced.
        may_track = not (getattr(bl, "us_lines", None) or getattr(bl, "link", None))
        # The first part of a paragraph split over two pages ends on a justified
        # line: it is judged too, as loose as any other (two words had been
        # stretched across the whole measure).
        judged = len(lines) if getattr(self, "_JustifyLast", False) else len(lines) - 1
        for n, line in enumerate(lines[:judged]):
            if bl.kind == 0:
                extra, words = line
                if too_wide(extra, bound.gaps(words), space):
                    tracked = may_track and track(extra, words, space, self.style.fontSize, MAX_GAP)
                    lines[n] = tracked or (0, words)
            elif too_wide(line.extraSpace, bound.frag_gaps(line), space):
                line.extraSpace = 0

    def draw(self) -> None:
        if self.outline is not None:
            self.canv.bookmarkHorizontal(self.outline.key, 0, self.height)
        super().draw()


class Tail(Flowable):
    """An article's last paragraph and what closes the article after it (the
    byline, the source line, the keywords): when they do not fit, the paragraph is
    split so that at least two of its lines go over with them. A byline or a line
    of keywords is never alone at the top of the last page."""

    def __init__(self, body: Any, *trailer: Any) -> None:
        super().__init__()
        self.body, self.trailer = body, list(trailer)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's names
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.trailer[-1].getSpaceAfter())

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.bw, self.bh = self.body.wrap(aw, ah)
        before = self.body
        self.placed: list[tuple[Any, float]] = []  # each trailing flowable and its height, with the gap above it
        for f in self.trailer:
            _, h = f.wrap(aw, ah)
            gap = max(before.getSpaceAfter(), f.getSpaceBefore())
            self.placed.append((f, h + gap))
            before = f
        self.width, self.height = aw, self.bh + sum(h for _, h in self.placed)
        return self.width, self.height

    def draw(self) -> None:
        # In reading order, so that text extraction reads the byline after the text.
        y = self.height - self.bh
        self.body.drawOn(self.canv, 0, y)
        for f, h in self.placed:
            y -= h
            f.drawOn(self.canv, 0, y)

    def split(self, aw: float, ah: float) -> list[Any]:
        self.wrap(aw, ah)
        leading = self.body.style.leading
        # Room for the body that still leaves two of its lines to go over.
        room = min(ah, self.bh - 2 * leading + leading / 2)
        parts = self.body.split(aw, room) if room > leading else []
        if len(parts) != 2:
            return []
        return [parts[0], Tail(parts[1], *self.trailer)]


def balanced(pst: Any, markup: str, width: float, always: bool = False) -> Any:
    """The title's style narrowed so that its lines come out even: the narrowest
    measure that keeps the same number of lines ("…kỷ nguyên" / "mới" becomes two
    lines of like length). A one-line title is left as it is, and so is one whose
    last line is long enough already, unless ``always``: the decree's issuer and
    office lines are balanced whatever the last line's length, as the DOCX and the
    text balance them (``exporters.balance``), so "KT. BỘ TRƯỞNG" / "BỘ CÔNG
    THƯƠNG" breaks alike in every format."""
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
    if n < 2 or (width - extra >= 0.6 * width and not always):
        return pst  # one line, or a last line already long enough
    # Never narrower than the widest word or bound group ("Madam Nhu Trần Lệ
    # Xuân"): measured there, reportlab cut it inside a syllable and counted the
    # lines so, and the title was then set with the group broken.
    floor = bound.widest(P(markup, pst).frags) + 1 + pst.leftIndent + pst.rightIndent
    if floor >= width:
        return pst
    low, high = max(width / n, floor), width
    for _ in range(6):  # to a 64th of the width: finer is invisible
        mid = (low + high) / 2
        low, high = (low, mid) if lines(mid) <= n else (mid, high)
    spare = width - high - 1
    if pst.alignment == 1:  # centred: narrow both sides alike
        return ParagraphStyle(f"{pst.name}-balanced", parent=pst, leftIndent=spare / 2, rightIndent=spare / 2)
    return ParagraphStyle(f"{pst.name}-balanced", parent=pst, rightIndent=spare)


def longest_line(markup: str, pst: Any, width: float) -> float:
    """How wide the longest line of the paragraph comes out, set in ``width``."""
    p = P(markup, pst)
    p.wrap(width, 10_000)
    lines = p.blPara.lines
    spare = min((ln[0] for ln in lines) if p.blPara.kind == 0 else (ln.extraSpace for ln in lines))
    return float(width - pst.leftIndent - pst.rightIndent - spare)


def framed(markup: str, pst: Any, colour: str) -> Any:
    """A line in a thin frame, centred: what stands where a figure's picture would be."""
    # reportlab draws the frame its padding (and half its line) outside the text:
    # the text is indented by as much, so that the frame keeps to the margins.
    pad, line = 6.0, 0.5
    style = ParagraphStyle(f"{pst.name}-framed", parent=pst, alignment=ALIGN["center"], borderWidth=line,
                           borderColor=colors.HexColor(colour), borderPadding=(5, pad, 5, pad),
                           leftIndent=pst.leftIndent + pad + line / 2, rightIndent=pst.rightIndent + pad + line / 2,
                           spaceBefore=pst.spaceBefore + 6, spaceAfter=8, keepWithNext=1)
    return Marked(markup, style)
