"""The Markdown of note-taking and documentation tools, read as those tools show it
(helper-100: their marks were printed as the article's words in every format).

- Obsidian's comments ``%% … %%`` (on one line or several) are the writer's notes,
  never shown: they go, with one warning that counts them;
- Obsidian's links ``[[Trang|chữ]]`` are their words ("chữ", else the page's name,
  "Trang > Mục" for a heading in it), and ``![[ảnh.png]]`` the picture it embeds;
- GitHub's alerts and Obsidian's callouts (``> [!WARNING]``, ``> [!note] Tiêu đề``)
  are quotations that open with their title in bold (or the kind's name in
  Vietnamese);
- MkDocs' admonitions (``!!! note "Tiêu đề"`` over indented lines) are the same;
- Pandoc's fenced divs (``::: {.canh-bao}`` … ``:::``) are their contents, its
  bracketed spans (``[chữ đỏ]{.do}``) their words, and attributes written after
  emphasis, a link or code (``*nghiêng*{#id1}``) go.

Code (fenced or indented, as markdown-it reads it), inline code spans, "$…$" and
"$$" formulas are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bantin.source.markdown.templates import outside_spans

_PICTURE = re.compile(r"\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?)$", re.IGNORECASE)
_WIKI = re.compile(r"(?<![\w$])(!?)\[\[([^\[\]\n|]{1,300})(?:\|([^\[\]\n]{0,300}))?\]\]")
_SIZE = re.compile(r"\d{1,5}(?:x\d{1,5})?")  # an embed's width, or width and height
_CALLOUT = re.compile(r"^(\s{0,3}>\s*)\[!(\w+)\][+-]?[ \t]*(.*)$")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+\"([^\"\n]*)\")?[ \t]*$")
# Pandoc's attributes: a bracketed span's ("[chữ đỏ]{.do}": its words) and those
# written right after emphasis, a link or code ("*nghiêng*{#id1}"), as pandoc reads
# them; after a word ("màu{#ff0000}", helper-104) or a space they are the text's own.
_SPAN = re.compile(r"\[([^\[\]\n]{1,300})\]\{[#.][^{}\n]{0,100}\}")
_ATTR = r"(?:[#.][\w-]+|[\w-]+=(?:\"[^\"\n]*\"|[^\s}]+))"
_ATTRIBUTES = re.compile(rf"(?<=[*_\])`])\{{{_ATTR}(?:[ \t]+{_ATTR})*\}}")
_INLINE_COMMENT = re.compile(r"(?<!\S)%%[^%\n]{1,500}?%%(?![\w%])")
# A formula as pandoc reads one: "$" before a non-space, "$" after one and before no
# digit ("$5 và $10" is prose, helper-108).
_MATH = re.compile(r"(\$(?=\S)[^$\n]+?(?<=\S)\$(?!\d))")
_DIV = re.compile(r"^ {0,3}:{3,}[ \t]*(?:\{[^}\n]*\}|[\w-]+)?[ \t]*:*[ \t]*$")
# The kinds' names as a Vietnamese reader reads them: GitHub's five, and Obsidian's commonest.
# A quotation opening "[!sic]" is a quotation: only these kinds make a callout.
_KINDS = {"note": "Ghi chú", "tip": "Mẹo", "hint": "Mẹo", "important": "Quan trọng", "warning": "Cảnh báo",
          "caution": "Thận trọng", "danger": "Nguy hiểm", "info": "Thông tin", "abstract": "Tóm tắt",
          "summary": "Tóm tắt", "example": "Ví dụ", "quote": "Trích dẫn", "question": "Câu hỏi",
          "success": "Hoàn thành", "failure": "Thất bại", "bug": "Lỗi", "todo": "Việc cần làm"}
_MARKS = ("%%", "[[", "[!", "!!!", "???", ":::", "{#", "{.")


def read(text: str, warn: Callable[[str], None]) -> str:
    """``text`` with the marks of the tools above read; the same text when it has none."""
    if not any(m in text for m in _MARKS):
        return text
    lines = text.split("\n")
    kept = _kept(lines)  # code and display formulas: as written
    # Inside an Obsidian comment that spans lines; only one that is closed later
    # opens (an unclosed "%%" would hide the rest of the article).
    hidden, pairs = False, _closed_blocks(lines, kept)
    out: list[str] = []
    comments = 0
    admonition = False  # the indented lines under "!!! note"
    for k, line in enumerate(lines):
        if admonition and not line.strip():
            out.append("")  # the admonition's end, unless an indented line follows
            continue
        if admonition and line.startswith(("    ", "\t")):
            if out and out[-1] == "":
                out[-1] = ">"  # a blank line between two of its paragraphs
            body = line[4:] if line.startswith("    ") else line[1:]
            if not body.startswith(("    ", "\t")):  # the admonition's own code stays as written
                body, n = _outside_code(body)
                comments += n
            out.append("> " + body)
            continue
        admonition = False
        if k in kept and not hidden:
            out.append(line)
            continue
        if pairs or hidden:
            line, hidden, n = _uncommented(line, hidden)
            comments += n
        if (m := _ADMONITION.match(line)) is not None:
            out.append(f"> **{m.group(2) or _kind(m.group(1))}**")
            out.append(">")
            admonition = True
            continue
        if _DIV.match(line):
            continue  # a fence of a div: its contents stay
        if (m := _CALLOUT.match(line)) is not None and m.group(2).lower() in _KINDS:
            line = f"{m.group(1)}**{m.group(3).strip() or _kind(m.group(2))}**"
            out += [line, m.group(1).rstrip()]  # the title a paragraph of its own
            continue
        line, n = _outside_code(line)
        comments += n
        out.append(line)
    if comments:
        warn(f"{comments} Obsidian comment{'s' if comments > 1 else ''} (%% … %%) left out: the writer's notes, "
             "which Obsidian never shows")
    return "\n".join(out)


def _kept(lines: list[str]) -> set[int]:
    """The lines markdown-it reads as code (fenced or indented: a list item's nested
    lines are not, helper-110) and those of a closed "$$" display formula."""
    from markdown_it import MarkdownIt

    out: set[int] = set()
    for token in MarkdownIt("commonmark").parse("\n".join(lines)):
        if token.type in ("fence", "code_block") and token.map:
            out.update(range(*token.map))
    marks = [k for k, line in enumerate(lines) if line.strip() == "$$" and k not in out]
    for first, last in zip(marks[::2], marks[1::2], strict=False):  # an unpaired "$$" opens nothing
        out.update(range(first, last + 1))
    return out


def _closed_blocks(lines: list[str], kept: set[int]) -> bool:
    """Whether every block comment "%%" line, outside code, has a closing one after it."""
    open_ = False
    for k, line in enumerate(lines):
        if k in kept and not open_:
            continue
        bare = line.strip()
        if not open_ and (bare == "%%" or (bare.startswith("%% ") and "%%" not in bare[3:])):
            open_ = True
        elif open_ and bare.endswith("%%"):
            open_ = False
    return not open_


def _kind(name: str) -> str:
    return _KINDS.get(name.lower(), name.capitalize())


def _uncommented(line: str, hidden: bool) -> tuple[str, bool, int]:
    """The line outside an Obsidian block comment, from a line that is "%%" (or
    opens with "%% ") to one that ends with "%%"; whether the block is still open
    at its end; whether it opened one."""
    if hidden:
        return "", not line.rstrip().endswith("%%"), 0
    bare = line.strip()
    if bare == "%%" or (bare.startswith("%% ") and "%%" not in bare[3:]):
        return "", True, 1
    return line, False, 0


def _outside_code(line: str) -> tuple[str, int]:
    """The line with the marks read outside its inline code, and how many inline
    comments ("… %% ghi chú %% …", its marks at a word's edge: "5%%/năm" is no
    comment) went."""
    if not any(m in line for m in ("[[", "{#", "{.", "%%")):
        return line, 0
    return outside_spans(line, _words)


def _words(text: str) -> tuple[str, int]:
    text, comments = _INLINE_COMMENT.subn("", text)
    # "$M = [[a|b]]$" is a formula's: links are read outside "$…$" only.
    text = "".join(part if part.startswith("$") else _WIKI.sub(_wiki, part) for part in _MATH.split(text))
    return _ATTRIBUTES.sub("", _SPAN.sub(r"\1", text)), comments


def _wiki(m: re.Match[str]) -> str:
    target, label = m.group(2).strip(), (m.group(3) or "").strip()
    if m.group(1) and _PICTURE.search(target):
        # "|300" or "|300x200" is a size, never words: "![[ảnh.png|Chú thích|300]]"
        # had the alt text "Chú thích|300" (helper-159).
        parts = [p.strip() for p in label.split("|")]
        while parts and (not parts[-1] or _SIZE.fullmatch(parts[-1])):
            parts.pop()
        return f"![{'|'.join(parts)}](<{target}>)"
    if label:
        return label
    page, _, heading = target.partition("#")
    page = page.removesuffix(".md").rsplit("/", 1)[-1]
    return f"{page} > {heading}" if page and heading else page or heading
