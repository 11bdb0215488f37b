"""A paragraph's inline tokens to rich text.

Emphasis, links and code come from the Markdown, and a "$…$" formula is code
too, as written; raw HTML tags met between the
words are read, never printed: ``<em>``, ``<b>``, ``<code>``, ``<a href>``,
``<sup>`` and ``<sub>`` mark the words they hold, ``<br>`` is a space, a
comment is nothing, and a ``<script>`` or ``<style>`` takes its contents with
it. An image (Markdown's or an ``<img>``, at the address its lazy loader or
its ``<picture>`` keeps, ``picture_address``) is a picture: the paragraph's
only content makes it a figure; among words it is its alt text. A footnote
reference is a span that names its note.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from bantin.model import LINE_BREAK, Span, Text
from bantin.source.fragment_inline import CODE, EMPHASIS, HIDDEN, STRONG, Picture, parse_tag, picture, tidy
from bantin.source.markdown import formula
from bantin.source.picture_address import source_set
from bantin.source.rules import caption as caption_rule

_VOID_HIDDEN = frozenset({"embed", "input"})
_CAPTION_WORDS = 40


@dataclass(frozen=True)
class Break:
    """A line break inside the paragraph, unless the line after it is set apart:
    a soft one (the source's own newline) is a space, a hard one (two spaces or a
    backslash at the line's end, ``<br>``) the model's line break."""

    hard: bool = False


Item = Span | Picture | Break


def note_id(number: int) -> str:
    """The id of the article's note numbered ``number`` (from 1)."""
    return f"fn{number}"


@dataclass
class _Marks:
    """What is open at a point of the paragraph, from Markdown and from HTML tags."""

    em: int = 0
    strong: int = 0
    links: list[str | None] = field(default_factory=list)
    html: dict[str, int] = field(default_factory=dict)
    html_links: list[str | None] = field(default_factory=list)
    # The srcset of each <source> of the <picture> open here: where its <img>'s
    # lazy loader keeps the real address. None outside a <picture>.
    sources: list[str | None] | None = None

    def count(self, name: str) -> int:
        return self.html.get(name, 0)

    def span(self, text: str, code: bool = False, note: str | None = None) -> Span:
        href = None
        if self.links or self.html_links:
            href = next((h for h in reversed(self.links + self.html_links) if h), None)
        return Span(text, self.em > 0 or self.count("em") > 0, self.strong > 0 or self.count("strong") > 0, href,
                    code or self.count("code") > 0, self.count("sup") > 0, self.count("sub") > 0, note)


def _html_kind(name: str) -> str | None:
    if name in EMPHASIS:
        return "em"
    if name in STRONG:
        return "strong"
    if name in CODE:
        return "code"
    if name in ("sup", "sub"):
        return name
    if name in HIDDEN and name not in _VOID_HIDDEN:
        return "hidden"
    return None


def items(tokens: list[Any]) -> list[Item]:
    """The paragraph's spans, pictures and line breaks, in order."""
    out: list[Item] = []
    m = _Marks()
    for t in tokens:
        kind = t.type
        if kind == "html_inline":
            _tag(t.content, m, out)
            continue
        if m.count("hidden") > 0:
            continue  # inside a <script> or <style>: not the article's words
        if kind == "text":
            out.append(m.span(t.content))
        elif kind == "code_inline":  # code: no typographic rule touches it
            out.append(m.span(t.content, code=True))
        elif kind == formula.TOKEN:
            out += _formula(t.content, m)
        elif kind in ("softbreak", "hardbreak"):
            out.append(Break(kind == "hardbreak"))
        elif kind == "em_open":
            m.em += 1
        elif kind == "em_close":
            m.em = max(0, m.em - 1)
        elif kind == "strong_open":
            m.strong += 1
        elif kind == "strong_close":
            m.strong = max(0, m.strong - 1)
        # "s_open"/"s_close" (~~…~~) mark nothing: struck words are plain text, as <del> is.
        elif kind == "link_open":
            m.links.append(str(t.attrGet("href") or "") or None)
        elif kind == "link_close" and m.links:
            m.links.pop()
        elif kind == "image":
            out.append(Picture(str(t.attrGet("src") or ""), " ".join(_alt(t.children or []).split()),
                               str(t.attrGet("title") or "")))
        elif kind == "footnote_ref":
            number = int(t.meta.get("id", 0)) + 1
            out.append(m.span(str(number), note=note_id(number)))
    return out


def _formula(written: str, m: _Marks) -> list[Item]:
    """A formula as written, as code, which no typographic rule touches; a display
    formula's lines on lines of their own, an inline one's on one line."""
    if not written.startswith("$$"):
        return [m.span(" ".join(written.split("\n")), code=True)]
    out: list[Item] = []
    for k, line in enumerate(x.strip() for x in written.split("\n")):
        if k:
            out.append(Break(True))
        out.append(m.span(line, code=True))
    return out


def _alt(tokens: list[Any]) -> str:
    """An image's alt text: the words of its description, an image inside it included."""
    out: list[str] = []
    stack = list(reversed(tokens))
    while stack:
        t = stack.pop()
        if t.type in ("text", "code_inline", formula.TOKEN):
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif t.type == "image":
            stack.extend(reversed(t.children or []))
    return "".join(out)


def _tag(raw: str, m: _Marks, out: list[Item]) -> None:
    tag = parse_tag(raw)
    if tag is None:
        return  # a comment, a declaration, a processing instruction: not words
    if tag.name == "img" and not tag.closing:
        if m.count("hidden") == 0:
            out.append(picture(tag.attrs, m.sources or ()))
        return
    if tag.name == "picture":
        m.sources = None if tag.closing else []
        return
    if tag.name == "source":
        if m.sources is not None and not tag.closing:
            m.sources.append(source_set(tag.attrs.get))
        return
    if tag.name == "br":
        out.append(Break(True))
        return
    if tag.name == "a":
        if tag.closing:
            if m.html_links:
                m.html_links.pop()
        elif not raw.rstrip().endswith("/>"):
            m.html_links.append(tag.attrs.get("href", "").strip() or None)
        return
    kind = _html_kind(tag.name)
    if kind is None or (raw.rstrip().endswith("/>") and not tag.closing):
        return
    m.html[kind] = max(0, m.count(kind) + (-1 if tag.closing else 1))


def spans(parts: list[Item]) -> Text:
    """The items as rich text: a picture its alt text."""
    out: list[Span] = []
    for i in parts:
        if isinstance(i, Break):
            out.append(Span(LINE_BREAK if i.hard else " "))
        elif isinstance(i, Picture):
            if i.alt:
                out.append(Span(i.alt))
        elif i.text:
            out.append(i)
    return tidy(out)


def text(tokens: list[Any]) -> Text:
    return spans(items(tokens))


def _blank(i: Item) -> bool:
    return isinstance(i, Span) and not i.text.strip()


@dataclass(frozen=True)
class Lone:
    """A paragraph that opens with a picture on a line of its own: the picture,
    the caption written under it, if any, or else the lines after it."""

    picture: Picture
    caption: Text | None
    after: tuple[Item, ...] = ()


def lone_picture(parts: list[Item]) -> Lone | None:
    """The paragraph's picture when it is the paragraph's only content or stands
    on the paragraph's first line. The line under it is its caption when it is a
    line of emphasis or a marked caption ("Ảnh: …"); other lines go on as a
    paragraph of their own, so the picture is never lost among words."""
    kept = [i for i in parts if not _blank(i)]
    if not kept or not isinstance(kept[0], Picture):
        return None
    rest = kept[1:]
    if not rest:
        return Lone(kept[0], None)
    if isinstance(rest[0], Picture) and all(isinstance(i, Picture) for i in rest[:_first_break(rest)]):
        # Pictures side by side on the line: each a figure, the caption under the
        # row the last one's (helper-155: the row was a paragraph of alt texts,
        # and pictures without one were lost).
        return Lone(kept[0], None, tuple(parts[next(k for k, i in enumerate(parts) if i is rest[0]):]))
    if not isinstance(rest[0], Break):
        return None
    after = parts[next(k for k, i in enumerate(parts) if i is rest[0]) + 1:]
    caption = caption_of(after)
    return Lone(kept[0], caption) if caption else Lone(kept[0], None, tuple(after))


def _first_break(items: list[Item]) -> int:
    return next((k for k, i in enumerate(items) if isinstance(i, Break)), len(items))


def caption_of(parts: list[Item]) -> Text | None:
    """A short caption: a run of emphasised words (and nothing else), without its
    emphasis, or a line the newsroom caption rule knows ("Ảnh: …", "… (Ảnh: X)")."""
    kept = [i for i in parts if not _blank(i)]
    words = [i for i in kept if isinstance(i, Span)]
    if not words or len(words) != len(kept):
        return None
    if all(i.em or i.strong for i in words):
        # The emphasis only marked the line as a caption; links, code and note marks stay.
        caption = spans([replace(i, em=False, strong=False) if isinstance(i, Span) else i for i in parts])
    elif caption_rule.match([" ".join("".join(i.text for i in words).split())], 0):
        caption = spans(parts)
    else:
        return None
    return caption if 0 < len("".join(s.text for s in caption).split()) <= _CAPTION_WORDS else None
