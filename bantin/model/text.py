"""Rich text: a tuple of spans, so that emphasis, links, code, raised and lowered
characters and note references survive without any exporter parsing markup."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Span:
    text: str
    em: bool = False
    strong: bool = False
    href: str | None = None  # a link's address; not prose, so typography never touches it
    code: bool = False  # code, set in a monospace face; not prose either
    sup: bool = False  # superscript: the 2 of m², an ordinal's letters
    sub: bool = False  # subscript: the 2 of H₂O
    # A note reference: the id of one of the article's notes (``Article.notes``);
    # the span's text is the mark the reader reads ("1", "2", …).
    note: str | None = None


Text = tuple[Span, ...]

# A line break inside a paragraph (Word's Shift+Enter, HTML's <br>, Markdown's hard
# break): the line ends, the paragraph goes on. A poem's verses and an address's
# lines keep their lines in every format. It is U+2028 LINE SEPARATOR, the one
# character Unicode gives that meaning, so the JSON form needs no node of its own;
# only rich text holds it (a title, a byline or an alt text is one line).
LINE_BREAK = "\u2028"


def lines_of(text: str) -> list[str]:
    """The lines of a string, at a line break or a newline (a code block's)."""
    return text.replace(LINE_BREAK, "\n").split("\n")


def one_line(text: str) -> str:
    """The words on one line: a line break a space (a title, a digest point, a text
    table's cell show one line)."""
    return text.replace(LINE_BREAK, " ")


def lines_of_spans(spans: Text) -> list[Text]:
    """The spans of each line a rich text's line breaks part, each keeping its
    marks ("<b>UBND TỈNH</b>⏎<b>SỞ Y TẾ</b>" two lines in bold)."""
    out: list[list[Span]] = [[]]
    for span in spans:
        for k, part in enumerate(span.text.split(LINE_BREAK)):
            if k:
                out.append([])
            if part:
                out[-1].append(replace(span, text=part))
    return [tuple(x) for x in out]


def plain(text: str) -> Text:
    return (Span(text),) if text else ()


def after(text: Text, n: int) -> Text:
    """The rich text without its first ``n`` characters, each span keeping its marks
    (a reader cutting a dateline or a tag off a paragraph keeps its emphasis and links)."""
    out: list[Span] = []
    for s in text:
        if n >= len(s.text):
            n -= len(s.text)
            continue
        out.append(replace(s, text=s.text[n:]) if n else s)
        n = 0
    return tuple(out)


def text_of(spans: Text) -> str:
    return "".join(s.text for s in spans)
