"""How much of a saved page is read: what no reader sees is cut before parsing,
and a page with more text than any article is refused.

A saved page is mostly what no reader sees: scripts, style sheets, comments, and
pictures and fonts inlined as ``data:`` addresses ("save complete page" and
SingleFile put every one of them in the page). They are cut from the text before
lxml parses it, in one pass, so a 48 MB page of them reads as fast as the
article it holds. (JSON-LD scripts stay: they name the article's fields. A
photo's ``data:`` address keeps its media type, so the picture is still a
figure with its caption, named in the warning that it was not read.)

What remains is weighed, and refused with its size when it cannot be an article:
more markup than :data:`MAX_MARKUP` characters or a tag longer than :data:`MAX_TAG`
(both refused before it is parsed, so memory and libxml2's time stay bounded), more
visible text than :data:`MAX_TEXT` characters (a long novel; the longest laws and
reports on the web hold a fraction of it), or more than :data:`MAX_BLOCKS`
paragraphs, items and cells.
Below these, every pass of the reader is linear or bounded; trafilatura's own
passes grow faster than the page (it looks for paragraphs with ``//p//text()``),
which these limits keep to seconds.
"""

from __future__ import annotations

import re
from typing import Any

from bantin.errors import InputError
from bantin.source.html.page import span

MAX_MARKUP = 16_000_000  # characters of markup left once scripts, styles and inline pictures are cut
MAX_TEXT = 1_500_000  # characters of visible text: some 250,000 words
MAX_ELEMENTS = 250_000  # elements of the parsed page
# Blocks (paragraphs, items, headings, cells): trafilatura's passes over them grow
# faster than their number, and each is a block every writer lays out. An article
# holds a few thousand at most; MAX_TEXT allows some 10,000 of real length.
MAX_BLOCKS = 30_000
# Characters of one start tag: libxml2 compares each attribute with the ones before
# it, so a tag of 300,000 attributes takes minutes to parse. A real tag, with its
# srcset, style and data- attributes, stays under a few thousand (inline pictures
# are cut before this is weighed).
MAX_TAG = 65_536
# Work on table rows: for every empty cell trafilatura reads its whole row again,
# after padding each colspan (up to 100) with empty cells, so a row costs its
# empty cells times its columns. 1,000,000 is some two seconds (100 rows of 100
# columns, every cell empty); a 20-cell row of colspan="1000" was minutes (a 11 KB
# page). A table of filled cells costs nothing here, however large.
MAX_TABLE_WORK = 1_000_000
SPAN = 100  # trafilatura's own cap on a colspan

_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_OPEN = re.compile(r"<!--|<(script|style)(?=[\s/>])([^>]*)>", re.I)
_CLOSE = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}
_LINKED_DATA = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.I)
# A picture's bytes: an icon's few hundred characters stay, a photo's go (its
# media type stays, and :mod:`.pictures` takes the emptied address for a photo).
_INLINE = re.compile(r"""(data:[\w.+-]*/[\w.+-]*(?:;[\w.+-]+(?:=[\w.+-]+)?)*,)[^"'\s)>]{4096,}""")
# An attribute value no article's reading needs: a gallery's JSON in a data-
# attribute, an inline <svg>'s path. It refused the page as "a tag of more than
# 65,536 characters" (helper-139); emptied, the tag is a tag. (A value holding
# "<" or ">" is left, and weighed as before.)
_LONG_VALUE = re.compile(r"""(\s[\w:.-]+\s*=\s*)(?:"[^"<>]{8192,}"|'[^'<>]{8192,}')""")


def declaration(text: str) -> str:
    """The text without an XML declaration, which lxml refuses in a string."""
    return _XML_DECLARATION.sub("", text, count=1)


def slim(text: str) -> str:
    """The page without scripts (JSON-LD kept), style sheets, comments, the
    bytes of inline pictures and long attribute values, in one pass; an element
    left open is kept as it is."""
    parts: list[str] = []
    pos = 0
    while True:
        m = _OPEN.search(text, pos)
        if m is None:
            break
        if m.group(0) == "<!--":
            end = text.find("-->", m.end())
            if end < 0:
                break
            parts.append(text[pos:m.start()])
            pos = end + 3
            continue
        tag = m.group(1).lower()
        close = _CLOSE[tag].search(text, m.end())
        if close is None:
            break
        if tag == "script" and _LINKED_DATA.search(m.group(2)):
            parts.append(text[pos:close.end()])
        else:
            parts.append(text[pos:m.start()])
        pos = close.end()
    parts.append(text[pos:])
    return _LONG_VALUE.sub(r'\1""', _INLINE.sub(r"\1", "".join(parts)))


_LONG_TAG = re.compile(rf"<[A-Za-z][^<>]{{{MAX_TAG},}}")
_BLOCK_TAGS = frozenset(("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "blockquote"))


def check_markup(text: str) -> None:
    tag = _LONG_TAG.search(text)
    if tag is not None:
        raise InputError(f"not an article page: a tag of more than {MAX_TAG:,} characters at offset {tag.start()} "
                         "(an article's tags hold a few thousand at most)")
    if len(text) > MAX_MARKUP:
        raise InputError(f"page too large to be an article ({len(text) / 1e6:.0f} million characters of markup "
                         f"once scripts, styles and inline pictures are cut; at most {MAX_MARKUP / 1e6:.0f} "
                         "million are read)")


def check_text(page: Any) -> None:
    """Refuse a parsed page with more elements, blocks or visible text than an
    article has."""
    elements = blocks = work = widest = 0
    for el in page.iter():
        elements += 1
        blocks += el.tag in _BLOCK_TAGS
        if elements > MAX_ELEMENTS:
            raise InputError(f"page too large to be an article (more than {MAX_ELEMENTS:,} elements)")
        if el.tag == "tr":
            cells = [(span(c.get("colspan"), SPAN), not "".join(c.itertext()).strip())
                     for c in el if c.tag in ("td", "th")]
            columns = sum(width for width, _ in cells)
            empty = sum(width - 1 + blank for width, blank in cells)  # a colspan is padded with empty cells
            work, widest = work + empty * columns, max(widest, columns)
            if work > MAX_TABLE_WORK:
                raise InputError(f"not an article page: its tables have too many empty cells to read (rows of up "
                                 f"to {widest:,} columns, most of them empty or merged)")
    body = page.find("body")
    chars = 0
    for chunk in (body.itertext() if body is not None else ()):
        chars += len(chunk.strip())
        if chars > MAX_TEXT:
            raise InputError(f"page too large to be an article (more than {MAX_TEXT:,} characters of text, "
                             f"some {MAX_TEXT // 6:,} words)")
    if blocks > MAX_BLOCKS:  # after the text: a page with too much of both is named by its text
        raise InputError(f"page too large to be an article (more than {MAX_BLOCKS:,} paragraphs, items and cells)")
