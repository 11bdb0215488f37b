"""Word files (.docx) as reporters send them, with python-docx.

Paragraph styles are matched by their built-in style id, so Vietnamese Word's
localised names ("Tiêu đề 1") map all the same: Title, Subtitle, Heading 1–6, the
List styles, Quote and Intense Quote, Caption. A bold first paragraph after the
title is the lede. Tables, inline pictures (with the Caption paragraph after them)
and hyperlinks are kept; the core properties give the title, author and date.

Runs set in a legacy font hold that font's bytes: ".VnTime", ".VnArial", … (names
starting ".Vn") are TCVN3, "VNI-…" are VNI, and the "H" faces (".VnTimeH") are
upper case. They are converted to Unicode. The file is a zip: its entry count and
uncompressed size are capped before python-docx opens it, and python-docx parses
XML with entity resolution off.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from bantin.errors import InputError
from bantin.model import (
    Article,
    Block,
    Cell,
    CodeBlock,
    Figure,
    Heading,
    Image,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Span,
    Table,
    Text,
    auto_align,
    text_of,
)
from bantin.model.images import ImageError, load
from bantin.source import legacy
from bantin.source.reader import Context, Reader

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
LIST_STYLES = ("ListBullet", "ListNumber", "ListParagraph", "ListBullet2", "ListNumber2")
# Code: paragraphs in these styles are code blocks (bantin's and pandoc's "Source Code",
# Word's "HTML Preformatted"), runs in these character styles or fonts are inline code.
CODE_STYLES = ("SourceCode", "HTMLPreformatted")
CODE_CHAR_STYLES = ("VerbatimChar", "HTMLCode")
MONO_FONTS = frozenset(f.lower() for f in (
    "Courier", "Courier New", "Consolas", "Menlo", "Monaco", "Lucida Console", "IBM Plex Mono", "Liberation Mono",
    "DejaVu Sans Mono", "Source Code Pro", "Cascadia Code", "Cascadia Mono", "Fira Code", "JetBrains Mono",
    "Noto Sans Mono", "Roboto Mono", "Ubuntu Mono"))


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
        raise InputError("not a Word file (not a zip archive)") from None
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"Word file with {len(infos)} parts; more than {MAX_ENTRIES} is refused")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise InputError(f"Word file unpacks to {total // 2**20} MB; a zip bomb is refused")


def _legacy_font(name: str | None) -> tuple[str, bool] | None:
    """(encoding, upper case) for a legacy Vietnamese font name."""
    if not name:
        return None
    if name.startswith(".Vn"):
        return "tcvn3", name.endswith("H")
    if name.upper().startswith("VNI-"):
        return "vni", False
    return None


def _run_font(run: Any, paragraph_font: str | None) -> str | None:
    return run.font.name or (run.style.font.name if run.style is not None else None) or paragraph_font


def _is_code(run: Any, paragraph_font: str | None) -> bool:
    if run.style is not None and run.style.style_id in CODE_CHAR_STYLES:
        return True
    return (_run_font(run, paragraph_font) or "").lower() in MONO_FONTS


def _run_text(run: Any, paragraph_font: str | None) -> str:
    text = run.text
    font = _run_font(run, paragraph_font)
    found = _legacy_font(font)
    if found is None or not text:
        return str(text)
    encoding, upper = found
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        raw = text.encode("latin-1", errors="replace")
    out = legacy.decode(raw, encoding)
    return out.upper() if upper else out


class _Reader:
    def __init__(self, d: Any, ctx: Context) -> None:
        self.d, self.ctx = d, ctx

    def spans(self, p: Any) -> Text:
        from docx.text.hyperlink import Hyperlink

        out: list[Span] = []
        font = p.style.font.name if p.style is not None else None
        for item in p.iter_inner_content():
            if isinstance(item, Hyperlink):
                href = item.url or None
                for run in item.runs:
                    out.append(Span(_run_text(run, font), bool(run.italic), bool(run.bold), href,
                                    _is_code(run, font)))
            else:
                out.append(Span(_run_text(item, font), bool(item.italic), bool(item.bold), None,
                                _is_code(item, font)))
        return tuple(s for s in out if s.text)

    def pictures(self, p: Any) -> list[Image]:
        """The pictures drawn inline in paragraph ``p``, checked like any image."""
        from docx.oxml.ns import qn

        out = []
        for blip in p._element.iter(qn("a:blip")):
            rid = blip.get(qn("r:embed"))
            part = self.d.part.related_parts.get(rid) if rid else None
            if part is None:
                continue
            try:
                out.append(load(part.blob))
            except ImageError as e:
                self.ctx.warn(f"picture {rid}: {e}")
        return out

    def table(self, t: Any) -> Table:
        rows = tuple(tuple(tuple(s for p in cell.paragraphs for s in self.spans(p) + (Span(" "),))[:-1]
                           for cell in row.cells) for row in t.rows)
        header = 1 if t.rows and _repeats_header(t.rows[0]) else 0
        cells = tuple(tuple(Cell((Paragraph(c),) if c else ()) for c in r) for r in rows)
        return Table(cells, header, (), auto_align(cells, header))


def _repeats_header(row: Any) -> bool:
    from docx.oxml.ns import qn

    trpr = row._tr.trPr
    return trpr is not None and trpr.find(qn("w:tblHeader")) is not None


def read(data: bytes, ctx: Context) -> Article:
    import docx
    from docx.table import Table as DocxTable

    _check_zip(data)
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds for a broken file
        raise InputError(f"not a Word document python-docx can open ({type(e).__name__})") from None
    r = _Reader(d, ctx)
    title: str | None = None
    lede: str | None = None
    blocks: list[Block] = []
    items: list[Text] = []
    ordered = False
    pending: list[Image] = []

    def flush_list() -> None:
        if items:
            blocks.append(ListBlock(tuple(ListItem((Paragraph(t),)) for t in items), ordered))
            items.clear()

    def flush_pictures() -> None:
        if pending:
            flush_list()  # blocks keep the document's order
        for im in pending:
            blocks.append(Figure((), None, im, ""))
        pending.clear()

    for item in d.iter_inner_content():
        if isinstance(item, DocxTable):
            flush_list()
            flush_pictures()
            blocks.append(r.table(item))
            continue
        style = item.style.style_id if item.style is not None else "Normal"
        spans = r.spans(item)
        pictures = r.pictures(item)
        text = text_of(spans).strip()
        if style == "Caption" and (pending or text):
            flush_list()
            im = pending.pop(0) if pending else None
            flush_pictures()
            blocks.append(Figure(spans, None, im, ""))
            continue
        flush_pictures()
        pending.extend(pictures)
        if style in CODE_STYLES:  # its lines as written, line breaks included
            flush_list()
            lines = tuple(text_of(spans).expandtabs(4).split("\n"))
            if blocks and isinstance(blocks[-1], CodeBlock):  # a code block typed a paragraph per line
                blocks[-1] = CodeBlock(blocks[-1].lines + lines)
            elif text:
                blocks.append(CodeBlock(lines))
            continue
        if not text:
            continue
        if style == "Title" and title is None:
            title = text
        elif style == "Subtitle" and lede is None:
            lede = text
        elif style.startswith("Heading") and style[7:].isdigit():
            flush_list()
            blocks.append(Heading(spans, max(1, min(6, int(style[7:])))))
        elif style in LIST_STYLES or item._p.pPr is not None and item._p.pPr.numPr is not None:
            ordered = "Number" in style
            items.append(spans)
        elif style in ("Quote", "IntenseQuote"):
            flush_list()
            blocks.append(Quote((Paragraph(spans),)))
        elif title is None and not blocks:
            title = text  # a first line with no style is the title, as in newsroom text
        elif lede is None and not blocks and all(s.strong for s in spans if s.text.strip()):
            lede = text  # a bold first paragraph after the title is the sapo
        else:
            flush_list()
            blocks.append(Paragraph(spans))
    flush_list()
    flush_pictures()
    props = d.core_properties
    title = title or (props.title or "").strip() or None
    if not title:
        raise InputError("no title: the Word file has no Title paragraph, first line or title property")
    created = props.created.date().isoformat() if props.created else None
    return Article(title=title, lede=lede, byline=(props.author or "").strip() or None, date=created,
                   blocks=tuple(blocks))


reader = Reader("docx", (".docx",), read, "Word document (python-docx); legacy .VnTime and VNI fonts converted")
