"""The plain-text briefing: UTF-8, NFC, LF, wrapped at the style's width.

Width is measured in terminal display columns (wcwidth), so wide characters count
double, and lines break only at ordinary spaces: never inside a syllable and never
at the non-breaking spaces typography put between a number and its noun.
"""

from __future__ import annotations

import unicodedata

from wcwidth import wcswidth

from bantin.exporters import Exporter, RenderContext
from bantin.exporters.labels import CONTENTS, LINKS, PHOTO, TABLE, briefing_meta, credit_line, digest_meta
from bantin.exporters.walk import Walker
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
    Table,
    Text,
    text_of,
)
from bantin.style.fonts import REPERTOIRE

# Characters one column wide: Vietnamese prose is almost entirely these, and a set
# lookup is ten times cheaper than asking wcwidth of every word of every line.
_NARROW = frozenset(c for c in REPERTOIRE if wcswidth(c) == 1)


def width(s: str) -> int:
    if _NARROW.issuperset(s):
        return len(s)
    w = wcswidth(s)
    return w if w >= 0 else len(s)


def wrap(text: str, cols: int, first: str = "", rest: str | None = None) -> list[str]:
    """Greedy wrap at spaces; a word wider than the line stands on its own line."""
    rest = first if rest is None else rest
    lines: list[str] = []
    line, lw = first, width(first)
    empty = True
    for word in text.split(" "):
        if not word:
            continue
        ww = width(word)
        if not empty and lw + 1 + ww > cols:
            lines.append(line)
            line, lw, empty = rest, width(rest), True
        if empty:
            line, lw, empty = line + word, lw + ww, False
        else:
            line, lw = line + " " + word, lw + 1 + ww
    if not empty:
        lines.append(line)
    return lines


def _underlined(text: str, cols: int, char: str, rule: int) -> list[str]:
    lines = wrap(text, cols)
    return lines + [char * min(rule, max(width(x) for x in lines))] if lines else []


def _right(text: str, cols: int) -> list[str]:
    return [" " * max(0, cols - width(x)) + x for x in wrap(text, cols)]


MESSAGE_RULE = 10  # a rule that fits a chat bubble on a phone
DIGEST_WIDTH = 78


class _Writer(Walker):
    format = "txt"

    def __init__(self, cols: int, message: bool = False) -> None:
        # A message (e-mail, Zalo) keeps one line per paragraph: the reader's app
        # wraps it, and hard wraps or centring would break up in a narrow bubble.
        self.message = message
        self.cols = 1 << 30 if message else cols
        self.rule = MESSAGE_RULE if message else cols
        self.out: list[str] = []
        self.meta = ""
        self.links: list[str] = []  # this article's link addresses, numbered from 1
        self.pad = ""  # a digest entry's indent, under its number

    def spans(self, text: Text) -> str:
        """The words, with a link's number after its text ("Bộ Y tế [1]"); a link
        whose text is its address stays inline, so no address is ever lost."""
        out = []
        for s in text:
            out.append(s.text)
            if s.href and s.text.strip() not in (s.href, s.href.removeprefix("mailto:")):
                if s.href not in self.links:
                    self.links.append(s.href)
                out.append(f" [{self.links.index(s.href) + 1}]")
        return "".join(out)

    def centred(self, text: str) -> list[str]:
        lines = wrap(text, self.cols - 4)
        return lines if self.message else [x.center(self.cols).rstrip() for x in lines]

    def cover(self, b: Briefing) -> None:
        self.out += ["#" * self.rule, *self.centred(b.title.upper())]
        meta = briefing_meta(b)
        if meta:
            self.out += self.centred(meta)
        self.out += ["#" * self.rule]

    def contents(self, b: Briefing) -> None:
        self.out += ["", CONTENTS, ""]
        for n, a in enumerate(b.articles, 1):
            label = f"{n:>3}. "
            self.out += wrap(a.title, self.cols, label, " " * len(label))

    def start_article(self, a: Article, n: int) -> None:
        if n:
            self.out += ["", "", "─" * self.rule, ""]
        self.links = []

    def masthead(self, text: str, a: Article) -> None:
        self.meta = text  # printed under the title, where a plain-text reader looks for it

    def title(self, a: Article, depth: int) -> None:
        self.out += _underlined(a.title, self.cols, "=", self.rule)
        if self.meta:
            self.out += wrap(self.meta, self.cols)
            self.meta = ""

    def lede(self, text: str) -> None:
        self.out += [""] + wrap(text, self.cols)

    def visit_heading(self, b: Heading, depth: int) -> None:
        self.out += [""] + _underlined(self.spans(b.text), self.cols, "-" if b.level == 1 else "·", self.rule)

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        self.out += [""] + wrap(self.spans(b.text), self.cols)

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        self.out.append("")
        for n, item in enumerate(b.items, 1):
            text = self.spans(item)
            if b.numbered_in_text:
                self.out += wrap(text, self.cols, "  ", "    ")
            else:
                marker = "  " + (f"{n}. " if b.ordered else "– ")
                self.out += wrap(text, self.cols, marker, " " * width(marker))

    def visit_quote(self, b: Quote, depth: int) -> None:
        self.out += [""] + wrap(self.spans(b.text), self.cols, "    ")
        if b.attribution:
            self.out += wrap("— " + b.attribution, self.cols, "    ", "      ")

    def visit_figure(self, b: Figure, depth: int) -> None:
        # "[Lễ ký kết — Ảnh: Vi Thảo]": "Ảnh: X" names the photographer in Vietnamese
        # papers, so the credit keeps that label and the caption comes first.
        caption = self.spans(b.caption) or b.alt
        credit = credit_line(b)
        text = f"{caption} — {credit}" if caption and credit else credit or f"{PHOTO}: {caption}"
        self.out += [""] + wrap(text, self.cols, "  [", "   ")
        self.out[-1] += "]"

    def visit_table(self, b: Table, depth: int) -> None:
        self.out.append("")
        if b.caption:
            self.out += wrap(f"{TABLE}: {self.spans(b.caption)}", self.cols)
        rows = [[self.spans(c) for c in r] + [""] * (b.columns - len(r)) for r in b.rows]
        self.out += (not self.message and _grid(rows, b, self.cols)) or _records(rows, b, self.cols)

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.out += ["", *self.centred("* * *")]

    def visit_codeblock(self, b: CodeBlock, depth: int) -> None:
        # Indented and never wrapped: a wrapped line of code is a different line.
        self.out += [""] + [f"    {line}".rstrip() for line in b.lines]

    def byline(self, text: str) -> None:
        self.out += [""] + (wrap(text, self.cols) if self.message else _right(text, self.cols))

    def notes(self, lines: list[Text]) -> None:
        self.out.append("")
        for line in lines:
            self.out += wrap(text_of(line), self.cols)

    # -- the điểm báo: plain lines to paste into an e-mail, no markup characters

    def digest_header(self, b: Briefing) -> None:
        if not self.message:
            # A review goes into e-mail: 78 columns, the width mail clients keep unbroken.
            self.cols = self.rule = DIGEST_WIDTH
        self.out += wrap(b.title.upper(), self.cols)
        meta = digest_meta(b)
        if meta:
            self.out += wrap(meta, self.cols)

    def group(self, label: str) -> None:
        self.out += ["", *wrap(label.upper(), self.cols)]

    def entry_title(self, a: Article, n: int) -> None:
        self.links = []
        label = f"{n}. "
        self.pad = " " * width(label)
        self.out += [""] + wrap(a.title, self.cols, label, self.pad)

    def entry_source(self, source: Text) -> None:
        self.out += wrap(self.spans(source), self.cols, self.pad, self.pad)

    def entry_lede(self, text: str) -> None:
        self.out += wrap(text, self.cols, self.pad, self.pad)

    def points(self, items: tuple[Text, ...]) -> None:
        for item in items:
            self.out += wrap(self.spans(item), self.cols, self.pad + "– ", self.pad + "  ")

    def end_entry(self, a: Article, n: int) -> None:
        self.end_article(a)

    def end_article(self, a: Article) -> None:
        if self.links:
            self.out += ["", f"{LINKS}:"]
            for n, href in enumerate(self.links, 1):
                label = f"[{n}]"
                # An address is never broken: too long for the line, it goes under its number.
                fits = width(label) + 1 + width(href) <= self.cols
                self.out += [f"{label} {href}"] if fits else [label, href]


def _grid(rows: list[list[str]], t: Table, cols: int) -> list[str]:
    """The table aligned by display width, or nothing when it is wider than the page."""
    widths = [max(width(r[c]) for r in rows) for c in range(t.columns)]
    gap = "  "
    if sum(widths) + len(gap) * (len(widths) - 1) > cols:
        return []
    out = []
    for i, r in enumerate(rows):
        cells = []
        for c, text in enumerate(r):
            pad = " " * (widths[c] - width(text))
            right = c < len(t.align) and t.align[c] == "right"
            cells.append(pad + text if right else text + pad)
        out.append(gap.join(cells).rstrip())
        if i == t.header_rows - 1:
            out.append(gap.join("─" * w for w in widths))
    return out


def _records(rows: list[list[str]], t: Table, cols: int) -> list[str]:
    """A table too wide for the page: one "header: value" block per row."""
    head = rows[t.header_rows - 1] if t.header_rows else []
    out: list[str] = []
    for r in rows[t.header_rows:]:
        if out:
            out.append("")
        for c, text in enumerate(r):
            label = head[c] if c < len(head) and head[c] else ""
            line = f"{label}: {text}" if label else text
            out += wrap(line, cols, "  ", "    ")
    return out


def write(doc: Document, ctx: RenderContext) -> bytes:
    message = ctx.style.text.txt_layout == "message"
    w = _Writer(max(20, ctx.style.text.txt_width), message)
    w.walk(doc)
    text = "\n".join(line.rstrip() for line in w.out) + "\n"
    if message:  # a chat app wraps at any space; a no-break space only looks odd there
        text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return unicodedata.normalize("NFC", text).encode("utf-8")


exporter = Exporter("txt", ".txt", write, "plain-text briefing, wrapped")
