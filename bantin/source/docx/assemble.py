"""Items to blocks: numbered paragraphs to nested lists, quotes and code grouped,
pictures with their captions, and the headings a document marks only by their look.

Numbered paragraphs nest as ``lists`` says. A "List Paragraph" with no number
right after an item is more of that item; one that types its own ordinal ("1.",
"a)") is an item, nested by its indent.

A document that uses no heading style may still mark its sections: a short line,
not centred, set bold in a document whose text is not, or clearly larger than the
text; or, as Vietnamese documents number them, a Roman numeral and capitals
("II. QUAN HỆ GIA ĐÌNH (…)"). Centred bold lines in the body are the titles of
forms and signature blocks, not section headings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from bantin.model import (
    Block,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    SectionBreak,
    Signature,
    Span,
    Table,
    Text,
    lines_of,
    plain,
    text_of,
)
from bantin.model.blocks import number
from bantin.source.docx.body import Item, Para
from bantin.source.docx.lists import INDENT_SLACK, Lists, nest
from bantin.source.docx.numbering import NumItem
from bantin.source.rules.caption import credited
from bantin.source.rules.heading import is_field
from bantin.source.rules.lists import numbered_in_words

_RULE = re.compile(r"[\s_\-–—─━═=*~·•.…]{3,}")
_DINKUS = re.compile(r"\s*(?:[*⁂]\s*){1,5}")
_ROMAN = re.compile(r"(?:[IVXLC]{1,6})\s*[.)]\s+\S")
_STOPS = (",", ";", ":")
INFERRED = 99  # the level a heading found by its look holds until the levels are ranked
CAPTION_WORDS = 40  # a longer line under a picture is text, not its caption, whatever it ends in


@dataclass(frozen=True)
class Looks:
    """What the document's running text looks like: is it bold, and how large;
    and whether the document marks its sections by larger type (then a bold line
    of the text's size is emphasis, not a heading)."""

    bold: bool
    size: int
    by_size: bool = False


def looks(items: list[Item]) -> Looks:
    weight: Counter[int] = Counter()
    bold = total = 0
    for it in items:
        if isinstance(it, Para) and it.role == "body" and it.num is None:
            n = len(it.text)
            total += n
            bold += n if it.bold else 0
            if it.size:
                weight[it.size] += n
    return Looks(total > 0 and bold * 2 > total, weight.most_common(1)[0][0] if weight else 0)


def label(num: NumItem) -> str | None:
    """What a numbered paragraph shows before its text."""
    if num.label is not None:
        return num.label
    return f"{number(num.value, num.numbering)}{num.delimiter}" if num.ordered else None


def plain_tabs(spans: Text) -> Text:
    return tuple(Span(s.text.replace("\t", " "), s.em, s.strong, s.href, s.code, s.sup, s.sub, s.note)
                 if "\t" in s.text and not s.code else s for s in spans)


def strip_spans(spans: Text) -> Text:
    """Without the spaces and line breaks at either end."""
    if not spans:
        return spans
    first, last = spans[0], spans[-1]
    if first.note is None and last.note is None and first.text[:1].strip() and last.text[-1:].strip():
        return spans  # the common case: nothing to strip
    out = list(spans)
    while out and not out[0].note and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].note and not out[-1].text.strip():
        out.pop()
    if out and out[0].note is None and out[0].text != out[0].text.lstrip():
        out[0] = replace(out[0], text=out[0].text.lstrip())
    if out and out[-1].note is None and out[-1].text != out[-1].text.rstrip():
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return tuple(out)


def headline(spans: Text) -> Text:
    """A heading's text without the bold its style gives every letter."""
    if all(s.strong or s.note is not None or not s.text.strip() for s in spans):
        return tuple(replace(s, strong=False) for s in spans)
    return spans


def inferred_heading(p: Para, look: Looks) -> bool:
    text = p.text
    if not text or len(text) > 200 or p.align == "center" or p.boxed or text.endswith(_STOPS):
        return False
    words = text.split()
    if len(words) > 24:
        return False
    head = text.split("(", 1)[0]
    letters = [c for c in head if c.isalpha()]
    capitals = bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    if _ROMAN.match(text) and capitals:
        return True
    larger = p.size > 0 and look.size > 0 and p.size >= look.size + 4
    distinct = larger or (p.bold and not look.bold and not look.by_size)
    if not distinct or len(words) > 16:
        return False
    return not text.endswith(".") or capitals


class Assembler:
    def __init__(self, look: Looks | None) -> None:
        self.look = look
        self.out: list[Block] = []
        self.lists = Lists(self.out)
        self.pictures: list[Figure] = []
        self.table_caption: Text = ()
        self.placeholder = False  # bantin's "[Ảnh]" came last: the caption after it is a figure's
        self.own_indents: list[int] = [0]  # the left indent of each depth of the own-numbered list open

    def run(self, items: list[Item]) -> list[Block]:
        for i, it in enumerate(items):
            if isinstance(it, Para):
                self.para(it, items[i + 1] if i + 1 < len(items) else None)
            elif isinstance(it, Signature):
                # bantin's signature block in a note: its lines as paragraphs (the
                # document's own is its Signature, taken out before this).
                lines = (*(["Nơi nhận:"] if it.recipients else []), *it.recipients, *it.title, it.name or "")
                self.out.extend(Paragraph(plain(x)) for x in lines if x)
            else:
                self.close_lists()
                self.flush_pictures()
                if isinstance(it, Table) and self.table_caption:
                    it = replace(it, caption=self.table_caption)
                    self.table_caption = ()
                self.out.append(it)
        self.close_lists()
        self.flush_pictures()
        if self.table_caption:
            self.out.append(Figure(self.table_caption))
        return shift_headings(self.out)

    def para(self, p: Para, following: Item | None) -> None:
        spans = strip_spans(p.spans) if p.role != "code" else p.spans
        text = p.text
        placeholder, self.placeholder = self.placeholder, False
        if text and (p.role == "caption" or (self.pictures and self.under_picture(p))):
            self.caption(spans, following, placeholder)
            return
        if p.role == "code":
            self.code(spans)
            return
        if p.role == "placeholder":
            self.placeholder = True  # bantin's "[Ảnh]" where a picture was missing: the caption after it is the figure
            return
        if not text and not p.images:
            return
        if text and _RULE.fullmatch(text) and not any(c.isalnum() for c in text):
            self.flush_pictures()
            if p.role == "break" or _DINKUS.fullmatch(text):
                # A break between the article's parts ("*   *   *", bantin's own Section
                # Break style): kept, or a Word file read back lost it (helper-95). A
                # line of dashes or underscores under a letterhead is decoration.
                self.out.append(SectionBreak())
            return
        spans = plain_tabs(spans)
        if p.num is not None and p.role not in ("heading", "title"):
            self.flush_pictures()
            if text:
                self.lists.item(p.num, spans, p.indent)
        elif p.role == "list" and self.lists and text and not numbered_in_words(text):
            # The open item's further paragraph; one that carries its own ordinal opens
            # a list of its own ("1. …" typed after Word's bullets, helper-142).
            self.lists.more(spans)
        elif text:
            self.close_lists()
            self.flush_pictures()
            self.block(p, spans, following)
        self.pictures.extend(Figure((), None, im, alt) for im, alt in p.images)

    def block(self, p: Para, spans: Text, following: Item | None = None) -> None:
        shown = label(p.num) if p.num is not None else None
        if shown:
            spans = (Span(shown + " "), *spans)
        if p.role == "heading":
            self.out.append(Heading(headline(spans), max(1, p.level or 1)))
        elif p.role == "attribution" and self.out and isinstance(self.out[-1], Quote):
            # bantin's "— Speaker" under a quotation is its attribution again.
            self.out[-1] = replace(self.out[-1], attribution="".join(s.text for s in spans).lstrip("—– ").strip())
        elif p.role == "quote":
            last = self.out[-1] if self.out else None
            if isinstance(last, Quote) and last.attribution is None:
                self.out[-1] = Quote((*last.blocks, Paragraph(spans)))
            else:
                self.out.append(Quote((Paragraph(spans),)))
        elif p.role == "list" and p.num is None:
            # A list paragraph Word does not number carries its own ordinal ("Thứ
            # nhất, …", "1. …" typed): bantin writes such items so, and reads them back.
            last = self.out[-1] if self.out else None
            item = ListItem((Paragraph(spans),))
            if isinstance(last, ListBlock) and last.numbered_in_text:
                self.out[-1] = nest(last, self.own_depth(p.indent), item)
            else:
                self.own_indents = [p.indent]
                self.out.append(ListBlock((item,), ordered=True, numbered_in_text=True))
        elif p.role == "body" and self.look is not None and inferred_heading(p, self.look) \
                and not self.form_line(p, following):
            self.out.append(Heading(headline(spans), INFERRED))
        else:
            self.out.append(Paragraph(spans))

    def own_depth(self, indent: int) -> int:
        """How deep an item typed with its ordinal sits among the list's items so far:
        indented past the item before, one deeper ("a)" under "1."); back to an
        indent met before, at its depth. Indents are all a plain Word file has to
        say it (bantin writes a nested item so, helper-142)."""
        stack = self.own_indents
        while len(stack) > 1 and indent < stack[-1] - INDENT_SLACK:
            stack.pop()
        if indent > stack[-1] + INDENT_SLACK:
            stack.append(indent)
        return len(stack) - 1

    @staticmethod
    def under_picture(p: Para) -> bool:
        """Is the paragraph right under a picture its caption, typed as most office
        files type one, in no Caption style: a line that ends in its credit ("… Ảnh:
        Minh Châu"), or a short line both centred and in italics? A centred line
        alone is a poem's, a slogan's, a part's title; an italic one alone an
        editor's note or a question."""
        if p.images or p.role != "body" or p.num is not None:
            return False
        if credited(p.text) is not None and len(p.text.split()) <= CAPTION_WORDS:
            return True
        shown = [s for s in p.spans if s.text.strip()]
        return p.align == "center" and bool(shown) and all(s.em for s in shown) and len(p.text.split()) <= 25

    def form_line(self, p: Para, following: Item | None) -> bool:
        """Is the paragraph one field of a form (a contract's bold "BÊN A (…): …"
        over "Địa chỉ: …"), which is no heading however bold?"""
        if not is_field(p.text):
            return False
        last = self.out[-1] if self.out else None
        return (isinstance(following, Para) and is_field(following.text)) or (
            isinstance(last, Paragraph) and is_field(text_of(last.text)))

    def code(self, spans: Text) -> None:
        self.close_lists()
        self.flush_pictures()
        lines = tuple(x.expandtabs(4) for x in lines_of("".join(s.text for s in spans)))
        last = self.out[-1] if self.out else None
        if isinstance(last, CodeBlock):  # a code block typed a paragraph per line
            self.out[-1] = CodeBlock(last.lines + lines)
        elif any(line.strip() for line in lines):
            self.out.append(CodeBlock(lines))

    def caption(self, spans: Text, following: Item | None, placeholder: bool = False) -> None:
        self.close_lists()
        if self.pictures:
            # The caption is the nearest picture's, the one right above it; those
            # before it go first, in their order.
            nearest = self.pictures.pop()
            self.flush_pictures()
            # "… Ảnh: Minh Châu": the credit is the figure's own field, as the other readers give it.
            parts = credited(text_of(spans))
            if parts is not None and nearest.credit is None:
                self.out.append(replace(nearest, caption=plain(parts[0]), credit=parts[1]))
            else:
                self.out.append(replace(nearest, caption=spans))
            return
        self.flush_pictures()
        last = self.out[-1] if self.out else None
        # After bantin's "[Ảnh]" the caption is a picture's, though a table comes
        # before or after it (helper-142: it became the table's caption).
        if not placeholder and isinstance(last, Table) and not last.caption and not isinstance(following, Table):
            self.out[-1] = replace(last, caption=spans)
        elif not placeholder and isinstance(following, Table):
            self.table_caption = spans
        else:
            # A caption with no picture (bantin's "[Ảnh]" placeholder, or a missing
            # one) keeps its credit apart as one under a picture does (helper-74).
            parts = credited(text_of(spans))
            self.out.append(Figure(plain(parts[0]), parts[1]) if parts is not None else Figure(spans, None, None, ""))

    def close_lists(self) -> None:
        self.lists.close()

    def flush_pictures(self) -> None:
        if self.pictures:
            self.close_lists()
            self.out.extend(self.pictures)
            self.pictures.clear()


def shift_headings(blocks: list[Block]) -> list[Block]:
    """Heading levels moved up so that the highest is 1 (the title sits above it);
    headings found by their look rank below the document's styled ones."""
    styled = sorted({b.level for b in blocks if isinstance(b, Heading) and b.level != INFERRED})
    rank = {level: min(6, i + 1) for i, level in enumerate(styled)}
    rank[INFERRED] = min(6, len(styled) + 1)
    return [replace(b, level=rank[b.level]) if isinstance(b, Heading) and rank[b.level] != b.level else b
            for b in blocks]


def assemble(items: list[Item], look: Looks | None = None) -> list[Block]:
    if look is None and len(items) == 1:  # a table cell's one paragraph, the common case
        only = items[0]
        if isinstance(only, Para) and only.role == "body" and only.num is None and not only.images:
            return [Paragraph(plain_tabs(strip_spans(only.spans)))] if only.text else []
    if look is not None and look.size:
        sized = Looks(look.bold, look.size, True)
        if any(isinstance(it, Para) and it.role == "body" and it.num is None and it.size >= look.size + 4
               and inferred_heading(it, sized) for it in items):
            look = sized
    return Assembler(look).run(items)
