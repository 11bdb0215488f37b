"""The book's identity and metadata, and a zip whose bytes depend only on the
content.

ebooklib's weak spots are handled here rather than trusted: the identifier is
derived from the content (not a random UUID), dcterms:modified comes from the
render context, and the zip is rewritten with the mimetype first and stored, and
fixed entry times, so the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from functools import lru_cache

from ebooklib import epub

from bantin.exporters.archive import zip_entry
from bantin.exporters.labels import doc_subject, meta_text
from bantin.model import Document
from bantin.model.dates import local_day
from bantin.style.stylesheet import Style

LANG = "vi"


def identifier(canonical: str, style: Style) -> str:
    digest = hashlib.sha256((canonical + style.name).encode("utf-8")).digest()
    return f"urn:uuid:{uuid.UUID(bytes=digest[:16], version=5)}"


def metadata(book: epub.EpubBook, doc: Document, canonical: str, style: Style, pictured: bool,
             described: bool = True) -> None:
    """Identifier, title, language, creator, description, date and the
    accessibility statement: text alternatives are claimed only when every
    picture has one (``described``; helper-71: claimed for pictures with alt="")."""
    book.set_identifier(identifier(canonical, style))
    book.set_title(meta_text(doc.title))
    book.set_language(LANG)
    creator = meta_text(doc.author)
    if creator:
        book.add_author(creator)
    subject = doc_subject(doc)
    if subject:
        book.add_metadata("DC", "description", subject)
    # dc:date is the article's own date; a build date there would claim the
    # article was published today. The build time goes only to dcterms:modified.
    if doc.date:
        book.add_metadata("DC", "date", local_day(doc.date))
    for prop, value in (
        ("schema:accessMode", "textual"),
        *((("schema:accessMode", "visual"),) if pictured else ()),
        # A picture with no text alternative is needed as a picture (helper-83).
        ("schema:accessModeSufficient", "textual" if described or not pictured else "textual,visual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        *((("schema:accessibilityFeature", "alternativeText"),) if pictured and described else ()),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary",
         "Văn bản có cấu trúc tiêu đề và mục lục; ảnh có chú thích và văn bản thay thế."
         if pictured and described else
         "Văn bản có cấu trúc tiêu đề và mục lục; có ảnh không kèm văn bản thay thế."
         if pictured else
         "Văn bản thuần, có cấu trúc tiêu đề và mục lục; không có hình ảnh, âm thanh hay hiệu ứng nhấp nháy."),
    ):
        book.add_metadata(None, "meta", value, {"property": prop})


@lru_cache(maxsize=32)
def head(fonts: tuple[tuple[str, bytes], ...]) -> bytes:
    """The zip's first entries: the mimetype (stored, first, as OCF asks) and the
    shared font subsets, compressed once per process and set of faces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zip_entry("mimetype", stored=True), b"application/epub+zip")
        for name, body in fonts:
            z.writestr(zip_entry(name), body)
    return out.getvalue()


def repack(data: bytes, fonts: tuple[tuple[str, bytes], ...]) -> bytes:
    """ebooklib's zip rewritten with fixed entry times behind ``head``; the font
    entries ebooklib wrote (empty stand-ins, see fonts.embed) are left out."""
    skip = {name for name, _ in fonts} | {"mimetype"}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()
                   if i.filename.removeprefix("EPUB/") not in skip and i.filename not in skip]
    out = io.BytesIO(head(tuple((f"EPUB/{name}", body) for name, body in fonts)))
    out.seek(0, io.SEEK_END)
    with zipfile.ZipFile(out, "a") as z:
        for name, body in entries:
            z.writestr(zip_entry(name), body)
    return out.getvalue()
