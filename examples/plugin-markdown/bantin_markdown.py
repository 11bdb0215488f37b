"""A complete bantin exporter plug-in: the article as Markdown.

Installed with pip, it registers itself in the ``bantin.exporters`` entry-point
group, and ``bantin export --format md`` works without any change to bantin.
It imports only bantin's public names, which keep their meaning across releases.
"""

from __future__ import annotations

from bantin import (
    Caption,
    Document,
    Exporter,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    SectionBreak,
    Style,
    Warn,
    articles_of,
    text_of,
)


def _esc(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#" else c for c in text)


def write(doc: Document, style: Style, warn: Warn) -> bytes:
    out: list[str] = []
    for a in articles_of(doc):
        out += [f"# {_esc(a.title)}", ""]
        if a.lede:
            out += [f"**{_esc(a.lede)}**", ""]
        for b in a.blocks:
            if isinstance(b, Heading):
                out += ["#" * (b.level + 1) + " " + _esc(text_of(b.text)), ""]
            elif isinstance(b, Paragraph):
                out += [_esc(text_of(b.text)), ""]
            elif isinstance(b, ListBlock):
                for n, item in enumerate(b.items, 1):
                    marker = f"{n}." if b.ordered and not b.numbered_in_text else "-"
                    out.append(f"{marker} {_esc(text_of(item))}")
                out.append("")
            elif isinstance(b, Quote):
                out += [f"> {_esc(text_of(b.text))}", ""]
            elif isinstance(b, Caption):
                out += [f"*{_esc(text_of(b.text))}*", ""]
            elif isinstance(b, SectionBreak):
                out += ["---", ""]
        if a.byline:
            out += [f"*{_esc(a.byline)}*", ""]
    return "\n".join(out).encode("utf-8")


exporter = Exporter("md", ".md", write, "Markdown (example plug-in)")
