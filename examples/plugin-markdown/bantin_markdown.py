"""A complete bantin exporter plug-in: the article as Markdown.

Installed with pip, it registers itself in the ``bantin.exporters`` entry-point
group, and ``bantin export --format md`` works without any change to bantin.
It imports only bantin's public names, which keep their meaning across releases,
and takes the render context every writer gets (the style, the warn callable and
the epoch).
It subclasses ``bantin.Walker``, the walk every built-in writer shares: a block
type it has no ``visit_`` method for fails loudly instead of vanishing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bantin import (
    LINE_BREAK,
    Article,
    Block,
    Briefing,
    CodeBlock,
    Document,
    Exporter,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    RenderContext,
    SectionBreak,
    SignatureBlock,
    Table,
    Text,
    Walker,
)


def _esc(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


# What opens a line as a list item in Markdown: "1. Đối với …" (a numbered clause
# quoted as a key point) was read as a list in a list.
_ITEM_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+])(?=\s|$)")


def _line_start(md: str) -> str:
    return _ITEM_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", md, count=1)


# A line break inside a paragraph (a verse) is CommonMark's hard break, set outside
# any emphasis: "**a\\" then "b**" on the next line would not close.
_HARD_BREAK = "\\\n"


def _md(text: Text, one_line: bool = False) -> str:
    out = []
    for s in text:
        if LINE_BREAK in s.text and not s.code:
            lines = [_md((replace(s, text=x),)) if x else "" for x in s.text.split(LINE_BREAK)]
            out.append((" " if one_line else _HARD_BREAK).join(lines))
            continue
        if s.note is not None:
            out.append(f"[^{s.note}]")
            continue
        m = _code(s.text) if s.code else _esc(s.text)
        if s.sup or s.sub:
            m = f"<{'sup' if s.sup else 'sub'}>{m}</{'sup' if s.sup else 'sub'}>"
        if s.strong:
            m = f"**{m}**"
        if s.em:
            m = f"*{m}*"
        if s.href:
            m = f"[{m}](<{s.href}>)"
        out.append(m)
    return _line_start("".join(out))


def _code(text: str) -> str:
    """Inline code in a run of backticks longer than any inside it (CommonMark)."""
    ticks = "`"
    while ticks in text:
        ticks += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


class _Markdown(Walker):
    format = "md"

    def __init__(self) -> None:
        self.out: list[str] = []
        self.meta = ""

    def cover(self, b: Briefing) -> None:
        self.out += [f"% {_esc(b.title)}", ""]

    def contents(self, b: Briefing) -> None:
        pass

    def masthead(self, text: str, a: Article) -> None:
        self.meta = text  # Markdown opens on the title; the outlet and date follow it

    def title(self, a: Article, depth: int) -> None:
        self.out += [f"# {_esc(a.title)}", ""]
        if self.meta:
            self.out += [f"*{_esc(self.meta)}*", ""]
            self.meta = ""

    def lede(self, text: str) -> None:
        self.out += [f"**{_esc(text)}**", ""]

    def byline(self, text: str) -> None:
        self.out += [f"*{_esc(text)}*", ""]

    def footnotes(self, a: Article) -> None:
        for note in a.notes:
            lines = self.inner(note.blocks) or [""]
            self.out += [f"[^{note.id}]: {lines[0]}"] + [f"    {x}" if x else "" for x in lines[1:]] + [""]

    def notes(self, lines: list[Text]) -> None:
        self.out += [_md(line) + "  " for line in lines] + [""]

    def signature(self, s: SignatureBlock) -> None:
        # The signer's office and name, then the recipients: Markdown has no columns.
        self.out += [f"**{_esc(line)}**  " for line in s.title] + ([f"**{_esc(s.name)}**", ""] if s.name else [""])
        if s.recipients:
            self.out += ["*Nơi nhận:*", "", *(f"- {_esc(r.removeprefix('- '))}" for r in s.recipients), ""]

    # The điểm báo (--digest): a header, then one numbered entry per article.

    def digest_header(self, b: Briefing) -> None:
        self.out += [f"# {_esc(b.title)}", ""]

    def group(self, label: str) -> None:
        self.out += [f"## {_esc(label)}", ""]

    def entry_title(self, a: Article, n: int) -> None:
        self.out += [f"{n}. **{_esc(a.title)}**"]

    def entry_source(self, source: Text) -> None:
        self.out += [f"   *{_md(source)}*"]

    def entry_lede(self, text: str) -> None:
        self.out += [f"   {_esc(text)}"]

    def points(self, items: tuple[Text, ...]) -> None:
        self.out += [f"   - {_md(item)}" for item in items]

    def end_entry(self, a: Article, n: int) -> None:
        self.out.append("")

    def visit_heading(self, b: Heading, depth: int) -> None:
        self.out += ["#" * (b.level + 1) + " " + _md(b.text, one_line=True), ""]  # an ATX heading is one line

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        self.out += [_md(b.text), ""]

    def inner(self, blocks: tuple[Block, ...]) -> list[str]:
        """Blocks inside a list item or a quote, as lines."""
        md = _Markdown()
        for b in blocks:
            md.block(b, 1)
        while md.out and not md.out[-1]:
            md.out.pop()
        return md.out

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        for n, item in enumerate(b.items):
            marker = f"{b.start + n}." if b.ordered and not b.numbered_in_text else "-"
            lines = self.inner(item.blocks) or [""]
            pad = " " * (len(marker) + 1)
            self.out += [f"{marker} {lines[0]}"] + [pad + x if x else "" for x in lines[1:]]
        self.out.append("")

    def visit_quote(self, b: Quote, depth: int) -> None:
        lines = self.inner(b.blocks) + ([""] + [f"— {_esc(b.attribution)}"] if b.attribution else [])
        self.out += [f"> {x}".rstrip() for x in lines] + [""]

    def visit_figure(self, b: Figure, depth: int) -> None:
        caption = _md(b.caption)
        credit = f" (Ảnh: {_esc(b.credit)})" if b.credit else ""
        self.out += [f"*{caption}{credit}*", ""]

    def visit_table(self, b: Table, depth: int) -> None:
        # A Markdown table has no merged cells: each cell's text goes where its grid column starts.
        rows = [[""] * b.columns for _ in b.rows]
        for p in b.placed():
            rows[p.row][p.column] = _md(p.cell.text).replace(_HARD_BREAK, "<br>")  # a table row is one line
        head = rows[0] if b.header_rows else [""] * b.columns
        rule = ["---:" if a == "right" else ":---:" if a == "center" else "---" for a in b.align]
        for r in [head, rule, *rows[1 if b.header_rows else 0:]]:
            self.out.append("| " + " | ".join(r) + " |")
        self.out += ["", f"*{_md(b.caption)}*", ""] if b.caption else [""]

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.out += ["---", ""]

    def visit_codeblock(self, b: CodeBlock, depth: int) -> None:
        fence = "```"
        while any(line.lstrip().startswith(fence) for line in b.lines):
            fence += "`"
        self.out += [fence + (b.language or ""), *b.lines, fence, ""]


def write(doc: Document, ctx: RenderContext) -> bytes:
    md = _Markdown()
    md.walk(doc)
    # The typography's no-break hyphen ("2025\u20112030") is for line breaking,
    # which a Markdown file leaves to whoever renders it; as a hyphen the text is
    # found by a search and shows in any editor's font.
    return "\n".join(md.out).replace("\u2011", "-").encode("utf-8")


exporter = Exporter("md", ".md", write, "Markdown (example plug-in)")
