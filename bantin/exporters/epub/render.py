"""The book: the walk's chapters, the navigation, the fonts, the pictures."""

from __future__ import annotations

import io
from typing import Any

from ebooklib import epub

from bantin.exporters import RenderContext
from bantin.exporters.epub import fonts, package
from bantin.exporters.epub.css import css
from bantin.exporters.epub.html import Html, drawn
from bantin.exporters.labels import CONTENTS, LANDMARKS, meta_text
from bantin.exporters.markup import escape
from bantin.model import Briefing, Document
from bantin.model.serialize import dumps
from bantin.style.stylesheet import Style


def write(doc: Document, ctx: RenderContext) -> bytes:
    style = ctx.style
    book = epub.EpubBook()
    html = Html(style.page.decree_header, style.text.lede_bold)
    html.walk(doc)  # first: a block no writer knows fails here, naming its type
    # The canonical JSON holds every piece of text the book shows: it names the
    # book (the identifier) and lists the characters its fonts must keep.
    canonical = dumps(doc)
    package.metadata(book, doc, canonical, style, bool(html.images), described=not html.unnamed)
    embedded = fonts.embed(book, html.faces, drawn(canonical), style)
    for name, image in sorted(html.images.items()):
        book.add_item(epub.EpubImage(uid=f"img-{name[7:23]}", file_name=name, media_type=image.media_type,
                                     content=image.data))
    sheet = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css",
                          content=css(style, embedded.used, embedded.fallbacks).encode("utf-8"))
    book.add_item(sheet)

    chapters = []
    for uid, shown, body in html.chapters:
        title = meta_text(shown)  # the navigation's and the head's: plain hyphens, as in the package metadata
        c = epub.EpubHtml(uid=uid, title=title, file_name=f"{uid}.xhtml", lang=package.LANG)
        c.content = f"<html><head><title>{escape(title)}</title></head><body>{body}</body></html>".encode()
        c.add_item(sheet)
        book.add_item(c)
        chapters.append(c)
    nav = epub.EpubNav(title=CONTENTS)
    nav.add_item(sheet)
    # The navigation document is the book's contents page; like pandoc, it stays
    # out of the linear reading order, so a reader opens on the text.
    if html.kind == "digest":
        book.toc = _grouped([epub.Link(f"digest.xhtml#{anchor}", meta_text(title), anchor)
                             for anchor, title in html.anchors], html.groups)
        book.spine = [chapters[0], (nav, "no")]
    elif isinstance(doc, Briefing):
        cover, *articles = chapters
        book.toc = [epub.Link("cover.xhtml", meta_text(doc.title), "cover"),
                    *(_with_sections(c, html) for c in articles)]
        book.spine = [cover, (nav, "no"), *articles]
    else:
        book.toc = [_with_sections(c, html) for c in chapters]
        book.spine = [*chapters, (nav, "no")]
    book.add_item(epub.EpubNcx())
    book.add_item(nav)
    # Landmarks: a reader's "go to the beginning" and "cover" (helper-115), and a
    # screen reader's way round the book. ebooklib writes them from the guide.
    text = [c for c in chapters if c.file_name != "cover.xhtml"][0]
    book.guide = [*({"type": "cover", "href": c.file_name, "title": c.title} for c in chapters[:1]
                    if c.file_name == "cover.xhtml"),
                  {"type": "toc", "href": "nav.xhtml", "title": CONTENTS},
                  {"type": "text", "href": text.file_name, "title": text.title}]

    buf = io.BytesIO()
    epub.write_epub(buf, book, {"mtime": ctx.build_time(), "raise_exceptions": True, "epub3_pages": False,
                                "landmark_title": LANDMARKS})
    return package.repack(buf.getvalue(), embedded.shared)


def _grouped(entries: list[epub.Link], groups: list[tuple[str, str, int]]) -> list[Any]:
    """A digest's entries in the navigation, under their groups when it has any
    (``--group-by``): one outlet's entries are found from the contents."""
    if not groups:
        return list(entries)
    out: list[Any] = list(entries[:groups[0][2]])
    for i, (anchor, label, start) in enumerate(groups):
        end = groups[i + 1][2] if i + 1 < len(groups) else len(entries)
        out.append((epub.Section(meta_text(label), f"digest.xhtml#{anchor}"), entries[start:end]))
    return out


def _with_sections(chapter: epub.EpubHtml, html: Html) -> Any:
    """A chapter's entry in the navigation, with its headings under it (a level-2
    heading under the level-1 before it), or the chapter alone."""
    found = html.sections.get(chapter.id, [])
    if not found:
        return chapter
    entries: list[Any] = []
    for anchor, text, level in found:
        link = epub.Link(f"{chapter.file_name}#{anchor}", meta_text(text), f"{chapter.id}-{anchor}")
        if level == 2 and entries:
            last = entries[-1]
            entries[-1] = (epub.Section(last.title, last.href), [link]) if isinstance(last, epub.Link) \
                else (last[0], [*last[1], link])
        else:
            entries.append(link)
    return (epub.Section(chapter.title, chapter.file_name), entries)


def warm(style: Style) -> None:
    fonts.warm(style)
