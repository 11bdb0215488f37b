"""An administrative document posted as a web page (a ministry's or a province's
site, a legal library): Nghị định 30's header and signature set as tables.

The header table (the issuer and "Số: …" on the left, the national title and
motto and "Hà Nội, ngày …" on the right) and the last table, "Nơi nhận:" beside
the signer or two signers, are read with the Word reader's rules from the page
itself, where each cell keeps its lines (``<br>``, ``<p>``) and its bold; they
are taken out of the page before trafilatura reads it, and become the article's
issuer, number, place, date and signature, as a Word file's do. A table without
the national title, or one whose cells do not all have their place in the
block, stays where it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from bantin.model import (
    LINE_BREAK,
    Article,
    Block,
    Cell,
    Heading,
    Paragraph,
    Signature,
    Span,
    Table,
    lines_of,
    lines_of_spans,
    plain,
    text_of,
)
from bantin.model.labels import national_kind, opens_with_kind
from bantin.source.docx.core import national
from bantin.source.docx.header import Header, capitals, is_rule, read_header
from bantin.source.docx.signature import of_cells
from bantin.source.html.page import remove, words
from bantin.source.rules import admin_header, signature
from bantin.source.rules.admin_header import with_header
from bantin.source.rules.signature import MAX_SIDE, Paper

_BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD = frozenset({"b", "strong"})
MAX_TYPE_WORDS = 8  # a document's type in capitals: "THÔNG BÁO", "BIÊN BẢN HỌP", "KẾ HOẠCH"
MAX_SIGNATURE_LINES = 30  # a long distribution list and the signer; no block is longer
# The page's text outside its footers, where a site may set the national lines under every page.
_OUTSIDE_FOOTERS = ("//text()[not(ancestor::*[self::footer or contains(@class, 'footer') or contains(@id, 'footer')])]")
PROSE_WORDS = 20  # a line this long is a sentence of the text, not a header's or a signature's line
MAX_CELLS = 12  # a header is two columns in a row or two; signers three columns at most, in a few rows


@dataclass(frozen=True)
class Found:
    header: Header | None
    signature: Signature | None

    def article(self, a: Article) -> Article:
        """``a`` with what the tables said: the header's fields (its "V/v …" the
        title, as in the other readers) and the signature."""
        if self.header is not None:
            a = with_header(replace(a, title=self.header.subject or a.title), self.header)
        return replace(a, signature=self.signature) if self.signature is not None else a


def take(page: Any) -> Found:
    """The header and signature tables of ``page``, taken out of it. Old sites
    lay pages out in tables: only tables with none inside them are looked at."""
    tables = [t for t in page.iter("table") if not t.findall(".//table")]
    header = None
    for t in tables:
        if national(t.text_content()) and (header := read_header(_table(t))) is not None:
            remove(t)
            break
    signed = None
    paper: Paper | None = None  # read from the whole page only when a table may be signers
    for t in reversed(tables):  # the last one that is a signature block: a site's own tables may follow
        rows = _cells(t) if not t.xpath(".//a[@href] | .//img") else []  # a link or a picture: the block would lose it
        wide = len(rows[0]) if rows else 0  # two or three columns, a row or a few
        if 2 <= wide <= MAX_SIDE and all(len(r) == wide for r in rows) and t.getparent() is not None:
            columns = [[" ".join(_text(p).split()) for r in rows for p in r[k]] for k in range(wide)]
            paper = paper or _paper(page, header is not None)
            if (signed := of_cells(columns, paper)) is not None:
                remove(t)
                break
    return Found(header, signed)


def _paper(page: Any, headed: bool) -> Paper:
    """What the page is, for signers side by side: surely a paper with a header table
    or both national lines, each a line of its own (not the motto quoted in a sentence)
    and not in a footer; maybe one when headed by a kind (any <h1>, or the <title>: a
    site's logo or section may be either)."""
    kinds = {national_kind(x) for t in page.xpath(_OUTSIDE_FOOTERS) for x in str(t).split("\n")}
    headlines = [" ".join(h.text_content().split()) for tag in ("h1", "title") for h in page.iter(tag)]
    return Paper(headed or {"nation", "motto"} <= kinds, any(opens_with_kind(h) for h in headlines))


def _table(t: Any) -> Table:
    return Table(tuple(tuple(Cell(tuple(c)) for c in row) for row in _cells(t)))


def _cells(t: Any) -> list[list[list[Paragraph]]]:
    """Each row's cells, each cell's lines (a paragraph each, bold where all of
    it is); no rows past MAX_CELLS cells in all (no header is that big)."""
    cells = [[c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")] for tr in t.iter("tr")]
    if sum(len(r) for r in cells) > MAX_CELLS:
        return []  # counted before any cell is read: a page's big data tables cost nothing here
    return [[_lines(c) for c in r] for r in cells if r]


def _lines(cell: Any) -> list[Paragraph]:
    lines: list[list[Span]] = [[]]

    def walk(el: Any, bold: bool) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag in _BREAKS:
                lines.append([])
            inner = bold or child.tag in _BOLD
            if child.text:
                lines[-1].append(Span(child.text, strong=inner))
            walk(child, inner)
            if child.tag in _BREAKS and child.tag != "br":
                lines.append([])
            if child.tail:
                lines[-1].append(Span(child.tail, strong=bold))

    if cell.text:
        lines[0].append(Span(cell.text))
    walk(cell, cell.tag in _BOLD)
    out = []
    for spans in lines:
        text = " ".join("".join(s.text for s in spans).split())
        if text and not is_rule(text):
            out.append(Paragraph((Span(text, strong=all(s.strong for s in spans if s.text.strip())),)))
    return out


def _text(p: Paragraph) -> str:
    return "".join(s.text for s in p.text)


def as_lines(a: Article) -> Article | None:
    """``a`` read as a paper posted line by line (``_as_lines``), where a line may
    also be one of a paragraph's lines parted by ``<br>`` ("ỦY BAN NHÂN DÂN<br>TỈNH
    NAM ĐỊNH", "Nơi nhận:<br>- Như trên;<br>- Lưu: VT."): the paragraphs above the
    text's first sentence of prose are read by their lines, and those under its
    last one too when they are a signature. The text's own paragraphs keep theirs."""
    prose = [i for i, b in enumerate(a.blocks) if not isinstance(b, Paragraph | Heading) or _prose(b)]
    lead = _by_lines(a, range(min(prose[0] if prose else len(a.blocks), admin_header.MAX_LINES)))
    shift = len(lead.blocks) - len(a.blocks)
    start = max(prose[-1] + 1 + shift if prose else 0, len(lead.blocks) - MAX_SIGNATURE_LINES)
    tail = _by_lines(lead, range(start, len(lead.blocks)), _signature_like)
    if tail is not lead and (paper := _as_lines(tail)) is not None and paper.signature is not None:
        return paper
    return _as_lines(lead)


def _prose(b: Paragraph | Heading) -> bool:
    """A sentence of the text, which no header or signature line is."""
    return any(len(line.split()) >= PROSE_WORDS for line in lines_of(text_of(b.text)))


def _signature_like(b: Paragraph) -> bool:
    """"Nơi nhận:" over its list, or an office in capitals over a name."""
    lines = [x.strip() for x in lines_of(text_of(b.text)) if x.strip()]
    return any(signature.LABEL.match(x) or capitals(x) for x in lines)


def _by_lines(a: Article, where: range, which: Callable[[Paragraph], bool] = lambda _: True) -> Article:
    """``a`` with each paragraph at the indices ``where`` that holds line breaks
    (and is ``which`` one) made one paragraph a line, each keeping its spans (``a``
    itself when none does)."""
    blocks: list[Block] = []
    for i, b in enumerate(a.blocks):
        if i not in where or not isinstance(b, Paragraph) or not any(LINE_BREAK in s.text for s in b.text) \
                or not which(b):
            blocks.append(b)
            continue
        blocks.extend(Paragraph(x) for x in lines_of_spans(b.text) if text_of(x).strip())
    return a if len(blocks) == len(a.blocks) else replace(a, blocks=tuple(blocks))


def _as_lines(a: Article) -> Article | None:
    """``a`` read as the text reader reads a paper copied line by line, when its
    page sets the header and the signature as paragraphs, one line each (how
    many a school's or a district's site posts a thông báo): the header's lines
    that open it become its issuer, number, place and date and its title the
    subject or the document's type (the line under a type its lede); the lines
    that end it, "Nơi nhận" and the signer, its signature (the page's closing
    name, which the reader took for the byline, is the signer's). None when it
    opens with no such header."""
    lead = 0
    while lead < min(len(a.blocks), admin_header.MAX_LINES) and isinstance(a.blocks[lead], Paragraph | Heading):
        lead += 1
    header, rest = admin_header.split([_line(b) for b in a.blocks[:lead]])
    if header is None or not (header.issuer or header.number):
        return None  # the national lines and a date, quoted by a news story, issue nothing
    blocks = list(a.blocks[lead - len(rest):])
    title, lede, after = admin_header.opening(header, rest) if rest or header.subject else (a.title, None, rest)
    typed = len(rest) > len(after) and lede is None and capitals(title) and len(title.split()) <= MAX_TYPE_WORDS
    if len(rest) > len(after) and lede is None and not typed:
        title, after = a.title, rest  # a first sentence is no title: the page's headline stays
    summary = blocks[len(rest) - len(after)] if typed and len(blocks) > len(rest) - len(after) else None
    if isinstance(summary, Paragraph) and not any(x.href for x in summary.text):
        lede = _line(summary)  # the line under a document's type ("THÔNG BÁO"): its summary
        after = after[1:]
    if a.lede or not set(words(a.title)) <= set(words(f"{title} {lede or ''}")):
        # A page that reposts the paper under its own headline and sapo keeps them:
        # the paper's type and summary stay its first lines, and so does its "V/v …"
        # (helper-131: it was lost).
        title, lede, after = a.title, a.lede, rest
        if header.subject and not set(words(header.subject)) <= set(words(f"{title} {lede or ''}")):
            blocks.insert(len(rest) - len(after), Paragraph(plain(header.subject)))
    del blocks[: len(rest) - len(after)]  # the lines the title and lede were
    tail = 0
    while tail < min(len(blocks), MAX_SIGNATURE_LINES) and isinstance(blocks[-1 - tail], Paragraph):
        tail += 1
    lines = [_line(b) for b in blocks[len(blocks) - tail:]]
    head, signed = signature.split([*lines, a.byline]) if a.byline else (lines, None)
    byline = None if signed is not None else a.byline
    if signed is None:
        head, signed = signature.split(lines)
    if signed is not None:
        del blocks[len(blocks) - tail + len(head):]
    paper = replace(a, title=title, lede=lede or None, byline=byline, blocks=tuple(blocks), signature=signed)
    return with_header(paper, header)


def _line(b: object) -> str:
    return " ".join(text_of(b.text).split()) if isinstance(b, Paragraph | Heading) else ""
