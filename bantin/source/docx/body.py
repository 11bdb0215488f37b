"""The body of a Word document (and of a cell, a text box, a note) as items:
paragraphs with what they look like, and tables already built.

A paragraph's part (heading, list item, quote, …) comes from its style (and the
style's outline level) and its numbering, not from an outline level set on the
paragraph alone, which converters scatter on ordinary text; its look (alignment, bold, size) is kept for
the choice of title and for headings a document marks only by their look. A
table is walked by its w:tc elements, so a merged region is one cell with its
column and row span (python-docx returns it once per grid column), and a cell
holds blocks: several paragraphs, lists, nested tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from bantin.errors import InputError
from bantin.model import Block, Cell, Image, Signature, Table, Text, text_of
from bantin.model.blocks import numeric, plain_text
from bantin.source.docx import diagram, own
from bantin.source.docx.inline import MC, Doc, Runs, branch, filled, merge
from bantin.source.docx.numbering import Numbering, NumItem, left_indent
from bantin.source.docx.package import W
from bantin.source.docx.styles import num_of

CONTAINERS = frozenset(W + t for t in ("customXml", "ins", "moveTo", "smartTag"))
MAX_DEPTH = 40  # tables in tables in text boxes: deeper than any document
# A 1,000-page report has some 30,000 paragraphs, a 10,000-row table of ten
# columns 100,000; more than this is a file built to keep the reader busy.
MAX_PARAGRAPHS = 1_000_000


@dataclass
class Para:
    spans: Text
    role: str  # from the style: title, subtitle, heading, quote, caption, code, author, date, abstract, list, body
    level: int
    align: str
    bold: bool
    size: int
    num: NumItem | None = None
    images: list[tuple[Image | None, str]] = field(default_factory=list)
    boxed: bool = False  # in a text box
    indent: int = 0  # the left indent in twips (its own w:ind, else its numbering level's): how deep an item sits
    # The words, without note marks (a title is a string: its note marks would
    # fuse with its last word); spaces collapsed.
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = " ".join("".join(s.text for s in self.spans if s.note is None).split())


def empty(it: object) -> bool:
    """A paragraph with no words and no picture: a blank line of the document."""
    return isinstance(it, Para) and not it.text and not it.images


SUPERSCRIPT = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")


def one_line(p: Para) -> str:
    """A paragraph as a plain string: note marks left out, raised and lowered
    digits written as superscript and subscript characters ("m²", "H₂O")."""
    out = []
    for s in p.spans:
        if s.note is not None:
            continue
        text = s.text
        if s.sup and text.strip() and all(c in "0123456789+-=()n" for c in text.strip()):
            text = text.translate(SUPERSCRIPT)
        elif s.sub and text.strip() and all(c in "0123456789+-=()" for c in text.strip()):
            text = text.translate(SUBSCRIPT)
        out.append(text)
    return " ".join("".join(out).split())


Item = Para | Block | Signature  # a Signature only at the top level: bantin's own block, read back
Assemble = Callable[[list[Item]], list[Block]]


class Body:
    def __init__(self, doc: Doc, numbering: Numbering, assemble: Assemble) -> None:
        self.doc, self.numbering, self.assemble = doc, numbering, assemble
        self.depth = 0
        self.boxed = 0  # inside a text box: its paragraphs are labels, never headings or titles
        self.chunks = 0
        self.diagrams = 0  # SmartArt diagrams read as lists
        self.paragraphs = 0
        self.drop_cap: Text = ()  # a drop cap is a paragraph of its own, read with the next one

    def items(self, elements: Iterable[Any], part: str) -> list[Item]:
        out: list[Item] = []
        for el in elements:
            self.element(el, part, out)
        return out

    def element(self, el: Any, part: str, out: list[Item]) -> None:
        tag = el.tag
        if tag == W + "p":
            self.paragraph(el, part, out)
        elif tag == W + "tbl" and self.depth == 0 and (cell := _only_cell(el)) is not None:
            # A one-cell table is a frame around its text, not a table: a whole
            # article typed in one lost its title to the file's name, and the text
            # output ran its paragraphs together (helper-134).
            for child in cell:
                self.element(child, part, out)
        elif tag == W + "tbl":
            table = self.table(el, part)
            if table is not None:
                out.append(table)
        elif tag == W + "sdt":
            content = filled(el)
            for child in content if content is not None else ():
                self.element(child, part, out)
        elif tag in CONTAINERS:
            for child in el:
                self.element(child, part, out)
        elif tag == MC + "AlternateContent":
            for child in branch(el):
                self.element(child, part, out)
        elif tag == W + "altChunk":
            self.chunks += 1

    def paragraph(self, p: Any, part: str, out: list[Item]) -> None:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise InputError(f"Word document with more than {MAX_PARAGRAPHS:,} paragraphs; refused")
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style_el.get(W + "val") if style_el is not None else None
        style = self.doc.styles.para(style_id)
        role, level, align = style.role, style.level, style.align
        num = style.num
        if ppr is not None:
            jc = ppr.find(W + "jc")
            if jc is not None:
                align = jc.get(W + "val", "")
            own = num_of(ppr.find(W + "numPr"))
            if own is not None:
                num = (own[0] or (style.num[0] if style.num else "0"), own[1])
        if self.boxed and role in ("heading", "title", "subtitle"):
            role, level = "body", 0
        inline = Runs(self.doc, part, style_id).read(p)
        frame = ppr.find(W + "framePr") if ppr is not None else None
        if frame is not None and frame.get(W + "dropCap") in ("drop", "margin"):
            self.drop_cap += inline.spans
            return
        spans = inline.spans
        if self.drop_cap:
            spans, self.drop_cap = merge([*self.drop_cap, *spans]), ()
        item = self.numbering.item(*num) if num is not None else None
        # A numbered paragraph sits where its own indent says, else where its level does.
        indent = left_indent(ppr) or (item.indent if item is not None else 0)
        out.append(Para(spans, role, level, align, inline.bold, inline.size, item, inline.images,
                        self.boxed > 0, indent))
        for rel_ids in inline.diagrams:
            listed = diagram.read(self.doc.package, part, rel_ids)
            if listed is not None:
                out.append(listed)
                self.diagrams += 1
        if inline.boxes and self.depth < MAX_DEPTH:
            self.depth += 1
            self.boxed += 1
            for box in inline.boxes:  # a text box is read where it is anchored
                for child in box:
                    self.element(child, part, out)
            self.boxed -= 1
            self.depth -= 1

    def table(self, tbl: Any, part: str) -> Table | Signature | None:
        if self.depth >= MAX_DEPTH:
            return None
        self.depth += 1
        try:
            return self._table(tbl, part)
        finally:
            self.depth -= 1

    def _table(self, tbl: Any, part: str) -> Table | Signature | None:
        rows: list[list[list[Any]]] = []  # [blocks, colspan, rowspan]
        bold: list[bool] = []  # per row: every cell with words set wholly in bold
        fills: list[frozenset[str]] = []  # per row: its cells' shading colours ("" for none)
        header = 0
        above: dict[int, list[Any]] = {}  # grid column -> the cell a vertical merge continues
        paras: list[tuple[int, list[Para]]] = []  # each cell's grid column and paragraphs with words, in order
        for tr in _parts(tbl, W + "tr"):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                continue
            row: list[list[Any]] = []
            shaded: list[str] = []
            col = _val(trpr, "gridBefore", 0)
            if col:
                row.append([[], col, 1])
            for tc in _parts(tr, W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = max(1, _val(tcpr, "gridSpan", 1))
                merge = tcpr.find(W + "vMerge") if tcpr is not None else None
                if tcpr is not None and tcpr.find(W + "hMerge") is not None and \
                        tcpr.find(W + "hMerge").get(W + "val") != "restart" and row:
                    row[-1][1] += span
                    col += span
                    continue
                if merge is not None and merge.get(W + "val", "continue") != "restart" and col in above:
                    above[col][2] += 1
                    col += span
                    continue
                items = self.items((c for c in tc if c.tag != W + "tcPr"), part)
                paras.append((col, [it for it in items if isinstance(it, Para) and it.text]))
                cell = [self.assemble(items), span, 1]
                shd = tcpr.find(W + "shd") if tcpr is not None else None
                fill = (shd.get(W + "fill") or "") if shd is not None else ""
                shaded.append("" if fill.upper() in ("", "AUTO", "FFFFFF") else fill.upper())
                for c in range(col, col + span):
                    above.pop(c, None)
                if merge is not None:
                    above[col] = cell
                row.append(cell)
                col += span
            if not row:
                continue
            if trpr is not None and trpr.find(W + "tblHeader") is not None and header == len(rows):
                header += 1
            bold.append(_bold(row))
            fills.append(frozenset(shaded))
            rows.append(row)
        if not header and len(rows) >= 3 and _labels(rows[0]) and _looks_headed(bold, fills):
            header = 1
        if not any(blocks for row in rows for blocks, _, _ in row):
            return None  # a grid with nothing in it
        top = self.depth == 1  # not inside another table or a text box
        # One row, or the signers' offices, their names and the recipients under them (several signers).
        signed = own.signature([(col, [(p.role, p.text) for p in c]) for col, c in paras]) \
            if top and len(rows) <= 3 else None
        if signed is not None:
            return signed  # bantin's own signature block, revised in Word
        cells = tuple(tuple(Cell(tuple(b), s, r) for b, s, r in row) for row in rows)
        header = min(header, len(cells) - 1) if len(cells) > 1 else 0
        return Table(cells, header, (), align(rows, header))


def _only_cell(tbl: Any) -> Any | None:
    """The table's cell when it has one row of one cell, none merged or skipped."""
    rows = list(_parts(tbl, W + "tr"))
    if len(rows) != 1:
        return None
    cells = list(_parts(rows[0], W + "tc"))
    trpr = rows[0].find(W + "trPr")
    if len(cells) != 1 or _val(trpr, "gridBefore", 0) or _val(trpr, "gridAfter", 0):
        return None
    return cells[0]


def _looks_headed(bold: list[bool], fills: list[frozenset[str]]) -> bool:
    """No row is marked as a header, but the first is set as one: in bold over two
    rows that are not (a bold total row may end the table), or shaded in one colour
    no other row has (a zebra table shades every other row in another)."""
    first = next(iter(fills[0])) if len(fills[0]) == 1 else ""
    return (bold[0] and not bold[1] and not bold[2]) or (first != "" and all(first not in f for f in fills[1:]))


def _labels(row: list[list[Any]]) -> bool:
    """Whether a row can be a header: two cells or more (a merged row across the
    table is a title or a section, "I. KHU VỰC MIỀN BẮC") and no number among them
    (a highlighted first row of figures is data: "1 | Việt Nam | 136")."""
    texts = [text_of(plain_text(tuple(blocks))).strip() for blocks, _, _ in row]
    return len(row) >= 2 and not any(numeric(t) for t in texts if t)


def _bold(row: list[list[Any]]) -> bool:
    """Whether every cell of the row with words in it is set wholly in bold."""
    spans = [[x for x in plain_text(tuple(blocks)) if x.text.strip()] for blocks, _, _ in row]
    filled = [s for s in spans if s]
    return bool(filled) and all(x.strong for s in filled for x in s)


def align(rows: list[list[list[Any]]], header: int) -> tuple[str, ...]:
    """Right for a grid column whose body cells (one column wide) are all numbers,
    else left; as ``auto_align``, from the grid positions the walk already knows."""
    taken: set[tuple[int, int]] = set()
    by_column: dict[int, list[bool]] = {}
    width = 0
    for r, row in enumerate(rows):
        col = 0
        for blocks, span, down in row:
            while (r, col) in taken:
                col += 1
            if down > 1:
                taken.update((r + d, c) for d in range(1, down) for c in range(col, col + span))
            if r >= header and span == 1 and blocks:
                text = text_of(plain_text(tuple(blocks))).strip()
                if text:
                    by_column.setdefault(col, []).append(numeric(text))
            col += span
            width = max(width, col)
    return tuple("right" if by_column.get(c) and all(by_column[c]) else "left" for c in range(width))


def _parts(el: Any, tag: str) -> Iterable[Any]:
    """The ``tag`` children of a table (rows) or a row (cells), also those wrapped
    in content controls and the other containers Word may put around them."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            yield from _parts(content, tag) if content is not None else ()
        elif child.tag in CONTAINERS:
            yield from _parts(child, tag)


def _val(props: Any, name: str, default: int) -> int:
    el = props.find(W + name) if props is not None else None
    raw = el.get(W + "val", "") if el is not None else ""
    return min(int(raw), 64) if raw.isascii() and raw.isdigit() and len(raw) < 4 else default
