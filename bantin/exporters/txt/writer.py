"""The walk of the plain-text briefing: one list of lines, built block by block.

Blocks inside list items and quotes are written with the indent of their container:
``first`` and ``rest`` are the prefixes of a block's first and following lines, and
``tight`` says whether the block follows its container's marker directly (no blank
line before it).
"""

from __future__ import annotations

from bantin.exporters.labels import (
    CONTENTS,
    LINKS,
    NOTES,
    TABLE,
    DecreeHeader,
    SignatureBlock,
    briefing_meta,
    bullet,
    count_line,
    credit_line,
    decree_header,
    digest_meta,
    figure_kind,
    undated,
)
from bantin.exporters.markup import link_target
from bantin.exporters.roles import HEADER_LEFT, SIGNATURE_LEFT
from bantin.exporters.txt.decree import centred_lines, header_lines, national_lines, signature_lines
from bantin.exporters.txt.layout import grid, records, right, underlined, width, wrap, wrap_display
from bantin.exporters.txt.notes import note_marks, numbered_notes
from bantin.exporters.txt.raised import raised
from bantin.exporters.walk import Walker
from bantin.model import (
    Article,
    Block,
    Briefing,
    Cell,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    SectionBreak,
    Table,
    Text,
    one_line,
    text_of,
)
from bantin.model.labels import document_type
from bantin.typography.nbsp import attach

MESSAGE_RULE = 10  # a rule that fits a chat bubble on a phone


class Writer(Walker):
    format = "txt"

    def __init__(self, cols: int, message: bool = False, decree: bool = False, digest_cols: int = 78) -> None:
        # A message (e-mail, Zalo) keeps one line per paragraph: the reader's app
        # wraps it, and hard wraps or centring would break up in a narrow bubble.
        self.message = message
        self.cols = 1 << 30 if message else cols
        self.rule = MESSAGE_RULE if message else cols
        self.digest_cols = digest_cols
        self.out: list[str] = []
        self.meta = ""
        self.links: list[str] = []  # this article's link addresses, numbered after its notes
        self.first_link = 1
        self.pad = ""  # a digest entry's indent, under its number
        self.hang = 3  # the width of the widest entry number, "12. " (digest_header)
        self.first, self.rest, self.tight = "", "", False
        self.lists = 0  # lists around the block under way: an unordered item's mark goes by it
        self.cells = 0  # table cells around the block under way
        self.decree = self.decree_layout = decree  # the style asks for Nghị định 30's header block
        self.headed = False  # the article under way opened with it

    def spans(self, text: Text) -> str:
        """The words, with a link's number after its text ("Bộ Y tế [3]"), a note's
        mark in brackets ("[1]"), raised and lowered characters as Unicode has them
        (m², H₂O). A link whose text is its address stays inline, so no address is
        ever lost."""
        out = []
        for s in text:
            if s.note is not None:
                out.append(f"[{s.text}]")
                continue
            out.append(raised(s.text, "sup") if s.sup else raised(s.text, "sub") if s.sub else s.text)
            # Only addresses a reader can follow are listed (no javascript:, data: or
            # file:, which the other formats do not link either).
            if s.href and link_target(s.href) and s.text.strip() not in (s.href, s.href.removeprefix("mailto:")):
                if s.href not in self.links:
                    self.links.append(s.href)
                out.append(f" [{self.links.index(s.href) + self.first_link}]")
        return "".join(out)

    def lines(self, text: str) -> list[str]:
        """``text`` wrapped with the current block's prefixes, after a blank line
        unless the block follows its container's marker."""
        gap = [] if self.tight else [""]
        self.tight = False
        first, self.first = self.first, self.rest
        return gap + wrap(text, self.cols, first, self.rest)

    def inside(self, blocks: tuple[Block, ...], first: str, rest: str, tight: bool, depth: int) -> None:
        """Blocks written inside a container (a list item, a quote, a note)."""
        saved = (self.first, self.rest, self.tight)
        self.first, self.rest, self.tight = first, rest, tight
        if not blocks and first.strip():
            self.out.append(first.rstrip())  # an empty item still shows its number
        for n, b in enumerate(blocks):
            # Only a list keeps close to the text before it; a second paragraph has its blank line.
            self.tight = self.tight or (n > 0 and isinstance(b, ListBlock))
            if self.first != self.rest and not isinstance(b, (Paragraph, Figure)):
                # An item that opens with a list, a quote or code: its marker on a line of its own.
                self.out += ([] if self.tight else [""]) + [self.first.rstrip()]
                self.first, self.tight = self.rest, True
            self.block(b, depth)
        self.first, self.rest, self.tight = saved

    def centred(self, text: str) -> list[str]:
        lines = wrap(text, self.cols - 4)
        return lines if self.message else [x.center(self.cols).rstrip() for x in lines]

    def header(self, doc: Article | Briefing) -> DecreeHeader | None:
        """Nghị định 30's header block, when the style asks for it and the document
        names its issuer, as the PDF and the DOCX print it."""
        h = decree_header(doc, self.decree)
        if h is not None:
            self.out += [*header_lines(h, self.cols, self.message), ""]
        return h

    def signature(self, s: SignatureBlock) -> None:
        self.out += ["", *signature_lines(s, self.cols, self.message)]

    def national_title(self) -> None:
        self.out += [*national_lines(self.cols, self.message), ""]

    def cover(self, b: Briefing) -> None:
        header = self.header(b)
        self.out += ["#" * self.rule, *self.centred(b.title.upper())]
        meta = "" if header else briefing_meta(b)  # the header block already names both
        if meta:
            self.out += self.centred(meta)
        # The count the PDF, DOCX and EPUB covers print under the title ("3 bài").
        self.out += [*self.centred(count_line(b)), "#" * self.rule]

    def contents(self, b: Briefing) -> None:
        self.out += ["", CONTENTS, ""]
        for n, a in enumerate(b.articles, 1):
            label = f"{n:>3}. "
            self.out += wrap_display(a.title, self.cols, label, " " * len(label))

    def start_article(self, a: Article, n: int) -> None:
        if n:
            self.out += ["", "", "─" * self.rule, ""]
        self.links = []
        self.first_link = numbered_notes(a) + 1  # note marks are [1]…[n]: links go on from there
        self.headed = not n and self.header(a) is not None  # a single công văn names its issuer

    def masthead(self, text: str, a: Article) -> None:
        # Printed under the title, where a plain-text reader looks for it; under a
        # header block without the date its place-and-date line says.
        self.meta = undated(text, a) if self.headed else text

    def title(self, a: Article, depth: int) -> None:
        if self.decree_layout and not self.message and document_type(a.title):
            self.out += [*self.gap(), *centred_lines(a.title, self.cols)]  # "BÁO CÁO", its summary ruled under it
        else:
            self.out += underlined(a.title, self.cols, "=", self.rule)
        if self.meta:
            self.out += wrap(self.meta, self.cols)
            self.meta = ""

    def subject_title(self, a: Article) -> None:
        if self.meta:  # the header block shows the title; the masthead still goes under it
            self.out += wrap(self.meta, self.cols)
            self.meta = ""

    def lede(self, text: str) -> None:
        self.out += self.gap() + wrap(text, self.cols)

    def decree_part(self, b: Paragraph | Heading, part: str) -> None:
        words = self.spans(b.text)
        if part == "basis" or self.message:
            self.out += self.lines(words)
        elif part == "mark":  # "HỎA TỐC" under the number, in the header's left column
            self.out += [*self.gap(), *centred_lines(words, int(self.cols * HEADER_LEFT))]
        elif part == "closing_place":  # "Hà Nội, ngày …" over the signer, centred in the signature's right column
            left = round(self.cols * SIGNATURE_LEFT)
            self.out += [*self.gap(), *(" " * left + x for x in centred_lines(words, self.cols - left))]
        elif part in ("recipient", "last_recipient"):  # under "Kính gửi:", from about where its colon ends
            indent = " " * ((self.cols + len("Kính gửi:")) // 2 + 1)
            self.out += wrap(words, self.cols, indent, indent + "  ")
        else:  # who decides, "QUYẾT ĐỊNH:" and whom it is addressed to, centred and set apart
            self.out += [*self.gap(), *centred_lines(words, self.cols)]

    def gap(self) -> list[str]:
        """A blank line before a paragraph, unless one is there (under a header block
        whose title it shows)."""
        return [""] if self.out and self.out[-1] else []

    def summary(self, text: str) -> None:
        self.out += wrap(text, self.cols) if self.message else centred_lines(text, self.cols, ruled=True)

    def visit_heading(self, b: Heading, depth: int) -> None:
        if self.cells:  # a rule under it would read as the rule under a grid's header row
            self.out += self.lines(self.spans(b.text))
            return
        self.out += [""] + underlined(self.spans(b.text), self.cols, "-" if b.level == 1 else "·", self.rule)

    def visit_paragraph(self, b: Paragraph, depth: int) -> None:
        self.out += self.lines(self.spans(b.text))

    def visit_listblock(self, b: ListBlock, depth: int) -> None:
        base = self.rest
        if not self.tight:
            self.out.append("")
        self.tight = True
        self.lists += 1
        for n, item in enumerate(b.items):
            if b.numbered_in_text:
                first, rest = base + "  ", base + "    "
            else:
                marker = "  " + (f"{b.label(n)} " if b.ordered else f"{bullet(self.lists - 1)} ")
                first, rest = base + marker, base + " " * width(marker)
            self.inside(item.blocks, first, rest, True, depth)
        self.lists -= 1
        self.first, self.tight = base, False

    def visit_quote(self, b: Quote, depth: int) -> None:
        base = self.rest
        self.inside(b.blocks, base + "    ", base + "    ", self.tight, depth)
        if b.attribution:
            self.out += wrap("— " + b.attribution, self.cols, base + "    ", base + "      ")
        self.first = base

    def visit_figure(self, b: Figure, depth: int) -> None:
        # "[Lễ ký kết — Ảnh: Vi Thảo]": "Ảnh: X" names the photographer in Vietnamese
        # papers, so the credit keeps that label and the caption comes first.
        caption = self.spans(b.caption) or b.alt
        credit = credit_line(b)
        if caption and credit:
            text = attach(caption, credit)
        else:  # a picture with no words at all ("[Ảnh]"), as the other formats show it
            kind = figure_kind(b)  # "[Video: …]" for a clip's (helper-146)
            text = credit or (f"{kind}: {caption}" if caption else kind)
        gap = [] if self.tight else [""]
        self.out += gap + wrap(text, self.cols, self.first + "  [", self.rest + "   ")
        self.out[-1] += "]"
        self.first, self.tight = self.rest, False

    def visit_table(self, b: Table, depth: int) -> None:
        self.out.append("")
        if b.caption:
            self.out += wrap(f"{TABLE}: {self.spans(b.caption)}", self.cols)
        placed = {(p.row, p.column): p.cell for p in b.placed()}
        # A message is read in a narrow bubble: its tables are always records.
        laid = [] if self.message else grid({k: self.cell_lines(c, depth) for k, c in placed.items()}, b, self.cols)
        if not laid:
            texts = {k: self.cell(c) for k, c in placed.items()}
            laid = records(texts, b, self.cols, lambda r, c, label: self.record(placed[r, c], label, depth))
        self.out += laid
        self.tight = False

    def cell(self, c: Cell) -> str:
        """A cell on one line, for a record's label: its text, and the captions and
        credits of the pictures in it, which a line of text cannot show but must
        not lose."""
        parts = [self.spans(c.text)]
        for f in (x for x in c.blocks if isinstance(x, Figure)):
            parts += [self.spans(f.caption), credit_line(f)]
        return one_line(" ".join(p for p in parts if p))

    def cell_lines(self, c: Cell, depth: int) -> list[str]:
        """A grid cell's lines, never wrapped: a paragraph a line, a list item a
        line under its marker, as the text writes them outside a table, less the
        indent they share."""
        if len(c.blocks) == 1 and isinstance(c.blocks[0], Paragraph):  # most cells: the walk is not needed
            return [x for x in wrap(self.spans(c.blocks[0].text), 1 << 30) if x.strip()]
        lines = self.captured(c.blocks, "", 1 << 30, depth)
        cut = min((len(x) - len(x.lstrip(" ")) for x in lines), default=0)
        return [x[cut:] for x in lines]

    def record(self, c: Cell, label: str, depth: int) -> list[str]:
        """A cell in a record: a first paragraph after its label ("Ghi chú: …"),
        the blocks after it on lines of their own under the value's indent, a
        list item under its marker (helper-168: "Cell with A Bullet list")."""
        head = f"{label}: " if label else ""
        blocks = c.blocks
        if blocks and isinstance(blocks[0], (Paragraph, Heading)):  # a heading in a cell is a line of text
            out = wrap(head + self.spans(blocks[0].text), self.cols, "  ", "    ")
            blocks = blocks[1:]
        else:
            out = wrap(head.rstrip(), self.cols, "  ", "    ")
        return out + (self.captured(blocks, "    ", self.cols, depth) if blocks else [])

    def captured(self, blocks: tuple[Block, ...], base: str, cols: int, depth: int) -> list[str]:
        """The lines of a cell's blocks, written as outside a table, ``cols`` wide,
        each list's mark counted from the top again. The blank lines between
        blocks go (in a grid they would part rows, in a record records): each
        block starts a line of its own, which parts them."""
        saved = self.out, self.cols, self.lists
        self.out, self.cols, self.lists = [], cols, 0
        self.cells += 1
        self.inside(blocks, base, base, True, depth)
        lines = [x for x in self.out if x.strip()]
        self.cells -= 1
        self.out, self.cols, self.lists = saved
        return lines

    def visit_sectionbreak(self, b: SectionBreak, depth: int) -> None:
        self.out += ["", *self.centred("* * *")]

    def visit_codeblock(self, b: CodeBlock, depth: int) -> None:
        # Indented and never wrapped: a wrapped line of code is a different line.
        gap = [] if self.tight else [""]
        self.out += gap + [f"{self.rest}    {line}".rstrip() for line in b.lines]
        self.first, self.tight = self.rest, False

    def byline(self, text: str) -> None:
        self.out += [""] + (wrap(text, self.cols) if self.message else right(text, self.cols))

    def footnotes(self, a: Article) -> None:
        self.out += ["", f"{NOTES}:"]
        marks = note_marks(a)
        for note in a.notes:
            mark = f"[{marks.get(note.id, note.id)}] "
            self.inside(note.blocks, mark, " " * width(mark), True, 0)

    def notes(self, lines: list[Text]) -> None:
        self.out.append("")
        for line in lines:
            self.out += wrap(text_of(line), self.cols)

    # -- the điểm báo: plain lines to paste into an e-mail, no markup characters

    def digest_header(self, b: Briefing) -> None:
        if not self.message:
            # A review goes into e-mail: the sheet's digest_width (78 columns, the width
            # mail clients keep unbroken, unless a sheet narrows it).
            self.cols = self.rule = self.digest_cols
        # Every entry hangs as far as the widest number does, so that the titles
        # and ledes of entries 9 and 10 start in one column.
        self.hang = len(f"{len(b.articles)}. ")
        header = self.header(b)
        self.out += wrap_display(b.title.upper(), self.cols)
        meta = digest_meta(b, header is not None)
        if meta:
            self.out += wrap(meta, self.cols)

    def group(self, label: str) -> None:
        self.out += ["", *wrap_display(label.upper(), self.cols)]

    def entry_title(self, a: Article, n: int) -> None:
        self.links, self.first_link = [], 1
        label = f"{n}. ".ljust(self.hang)
        self.pad = " " * len(label)
        self.out += [""] + wrap_display(a.title, self.cols, label, self.pad)

    def entry_source(self, source: Text) -> None:
        lines = wrap(self.spans(source), self.cols, self.pad, self.pad)
        # The "·" before the address parts two things on one line; where the address
        # goes down to a line of its own, the break parts them and the dot would dangle.
        # A "·" that the line's end pushed down alone goes too: it left an empty line
        # between a 77-column source line and its address (helper-123).
        self.out += [line[:-2] if line.endswith(" ·") and i < len(lines) - 1 else line for i, line in enumerate(lines)
                     if line.strip() != "·" or i == len(lines) - 1]

    def entry_lede(self, text: str) -> None:
        self.out += wrap(text, self.cols, self.pad, self.pad)

    def points(self, items: tuple[Text, ...]) -> None:
        for item in items:
            self.out += wrap(self.spans(item), self.cols, self.pad + f"{bullet(0)} ", self.pad + "  ")

    def end_entry(self, a: Article, n: int) -> None:
        self.end_article(a)

    def end_article(self, a: Article) -> None:
        if self.links:
            self.out += ["", f"{LINKS}:"]
            for n, href in enumerate(self.links, self.first_link):
                label = f"[{n}]"
                # An address is never broken: too long for the line, it goes under its number.
                fits = width(label) + 1 + width(href) <= self.cols
                self.out += [f"{label} {href}"] if fits else [label, href]
