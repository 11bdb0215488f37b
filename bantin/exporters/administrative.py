"""The parts of an administrative document that Nghị định 30/2020 sets apart,
found in the words the model holds: the kind of document ("BÁO CÁO"), whom a
công văn is addressed to ("Kính gửi: …"), and, in a decision, the authority that
issues it, the grounds it rests on ("Căn cứ …;"), the enacting line
("QUYẾT ĐỊNH:") and the label of each article ("Điều 1.").

Nothing here changes a word: a writer in the decree's layout (``Walker.decree_layout``)
only sets these parts in their own roles (``roles.roles``: ``decree_*``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bantin.exporters.labels import RECIPIENTS, SignatureBlock
from bantin.model import Article, Block, Cell, Heading, ListBlock, Paragraph, Span, Table, Text, text_of
from bantin.model.labels import document_type, is_addressee, is_mark, is_place_date, is_signed, national_kind

# The line a decision, a resolution or a directive enacts with, in capitals: "QUYẾT ĐỊNH:".
_ENACTS = re.compile(r"(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHỈ THỊ|BAN HÀNH|THÔNG BÁO)\s*:")
# The grounds of a decision, each its own line above the enacting one.
_BASIS = re.compile(r"(?:Căn cứ|Theo đề nghị|Xét đề nghị|Theo đề xuất|Xét tờ trình)\b")
# The article's label, set in bold: "Điều 1.", "Điều 12a."
_ARTICLE = re.compile(r"Điều\s+\d+[a-zđ]?\.")
BASIS_WORDS = 120  # a longer paragraph is the text, not a ground
_DASHED = re.compile(r"[-–—]\s")  # a recipient's line as typed: "- Sở Y tế;"


def _national(a: Article, texts: list[str | None]) -> dict[int, str]:
    """The national title and motto opening a paper that names no issuer (a đơn,
    a contract; a document with one has them in its header block): "nation" and
    "motto", both or neither."""
    found: dict[int, str] = {}
    while not a.issuer and len(found) < len(texts) and (kind := national_kind(texts[len(found)] or "")):
        found[len(found)] = kind
    return found if sorted(found.values()) == ["motto", "nation"] else {}


def parts(a: Article) -> dict[int, str]:
    """The parts of an administrative text among the article's top-level blocks,
    by index: "nation" and "motto" (the national lines a paper with no issuer
    opens with), "closing_place" (a signed paper's last line "Hà Nội, ngày …",
    over its signer), "mark" (each urgency or secrecy mark the text opens with, "HỎA TỐC"),
    "addressee" (a first paragraph after them "Kính gửi: …"), "recipients" (the
    list under a "Kính gửi:" that names no one itself) or "recipient" and
    "last_recipient" (its lines typed as paragraphs, "- Sở Y tế;"); in a decision,
    "authority" (the capitals naming who decides, right above its grounds),
    "basis" (each "Căn cứ …;", "Theo đề nghị …"), "enact" ("QUYẾT ĐỊNH:") and
    "article" (a paragraph opening "Điều 1."). Only a document with an enacting
    line has them, and only one that names its issuer or its kind in the title:
    a report's "Căn cứ vào kết quả …" and a news story's "THÔNG BÁO:" stay
    paragraphs."""
    texts = [" ".join(text_of(b.text).split()) if isinstance(b, Paragraph | Heading) else None for b in a.blocks]
    opening = _national(a, texts)
    top = len(opening)  # the urgency or secrecy marks ("HỎA TỐC") stand above everything else
    while top < len(texts) and is_mark(texts[top] or ""):  # a paragraph, or a heading by its look
        opening[top] = "mark"
        top += 1
    # A công văn read from Word opens its text with "Kính gửi: …" (the lede of one read from text).
    addressed = top < len(texts) and is_addressee(texts[top] or "")
    if addressed:
        opening[top] = "addressee"
    # "Kính gửi:" alone, and the recipients listed under it, one item each.
    to = (texts[top] if addressed else a.lede) or ""
    under = top + 1 if addressed else top
    if to.rstrip().endswith(":") and is_addressee(to) and under < len(a.blocks) and recipients(a.blocks[under]):
        opening[under] = "recipients"
    elif to.rstrip().endswith(":") and is_addressee(to):  # typed in Word as paragraphs: "- Sở Y tế;"
        end = under
        while end < len(texts) and isinstance(a.blocks[end], Paragraph) and _DASHED.match(texts[end] or ""):
            end += 1
        opening.update((k, "recipient" if k < end - 1 else "last_recipient") for k in range(under, end))
    last = len(texts) - 1
    if a.signature is not None and last >= 0 and isinstance(a.blocks[last], Paragraph) \
            and is_place_date(texts[last] or ""):
        opening[last] = "closing_place"  # over the signer, where a paper with no header block dates itself
    # A news story may quote a "THÔNG BÁO:" line: only a document that says it is
    # one (its issuer, or a title naming its kind) enacts.
    official = bool(a.issuer) or document_type(a.title)
    enact = next((i for i, t in enumerate(texts) if t and _ENACTS.fullmatch(t)), None) if official else None
    if enact is None:
        return opening
    out = {**opening, enact: "enact"}
    first = enact
    for i in range(enact - 1, -1, -1):  # the grounds run up from the enacting line
        t = texts[i]
        if not (t and _BASIS.match(t) and len(t.split()) <= BASIS_WORDS):
            break
        out[i] = "basis"
        first = i
    if first > 0:
        t = texts[first - 1]
        if t and t == t.upper() and any(c.isalpha() for c in t) and len(t.split()) <= 20:
            out[first - 1] = "authority"
    for i in range(enact + 1, len(texts)):
        t = texts[i]
        if t and isinstance(a.blocks[i], Paragraph) and _ARTICLE.match(t):
            out[i] = "article"
    return out


def recipients(b: Block) -> list[Text]:
    """The items of a bulleted list of one paragraph each, as "- …" lines; else []."""
    if not isinstance(b, ListBlock) or b.ordered or b.numbered_in_text:
        return []
    if any(len(it.blocks) != 1 or not isinstance(it.blocks[0], Paragraph) for it in b.items):
        return []
    return [(Span("- "), *it.blocks[0].text) for it in b.items if isinstance(it.blocks[0], Paragraph)]


def _lines(cell: Cell) -> list[str]:
    return [t for b in cell.blocks if isinstance(b, Paragraph) and (t := " ".join(text_of(b.text).split()))]


def signature_table(b: Block) -> SignatureBlock | None:
    """A table that ends a document as Nghị định 30 does, one row of two cells:
    "Nơi nhận:" and its list on the left, the signer's office (its lines in
    capitals) and name on the right. As a signature block it keeps its words and
    their order, and is set as the decree's (room to sign, no rules); else None."""
    if not isinstance(b, Table) or len(b.rows) != 1 or len(b.rows[0]) != 2 or b.caption:
        return None  # a caption would have nowhere to go
    if any(s.note is not None or s.href for c in b.rows[0] for x in c.blocks if isinstance(x, Paragraph)
           for s in x.text):
        return None  # a note or a link in it: the block's plain lines would lose it
    if any(not isinstance(x, Paragraph) for c in b.rows[0] for x in c.blocks):
        return None  # a picture, a list or a table in it: a table of its own
    left, right = (_lines(c) for c in b.rows[0])
    if len(left) < 2 or left[0] != RECIPIENTS or not right:
        return None  # the block prints "Nơi nhận:" only over its recipients
    # The name ends the cell (in capitals too: "NGUYỄN VĂN A"); a cell of one line is an office alone.
    name = right[-1] if len(right) > 1 else ""
    offices = right[:-1] if name else right
    signed = offices.pop() if len(offices) > 1 and is_signed(offices[-1]) else ""  # "(Đã ký)" over the name
    return SignatureBlock(tuple(left[1:]), tuple(offices), name, signed)


def labelled(b: Paragraph) -> Paragraph:
    """The paragraph with its "Điều N." label in bold, the words unchanged."""
    whole = text_of(b.text)
    m = _ARTICLE.match(whole.lstrip())
    if m is None:
        return b
    rest = len(whole) - len(whole.lstrip()) + m.end()  # characters of the label, spaces before it included
    out: list[Span] = []
    for s in b.text:
        if rest <= 0:
            out.append(s)
        elif len(s.text) <= rest:
            out.append(replace(s, strong=True))
        elif s.href or s.note is not None:
            return b  # a link or a note mark over the label is one; halving it would make two
        else:
            out += [replace(s, text=s.text[:rest], strong=True), replace(s, text=s.text[rest:])]
        rest -= len(s.text)
    text: Text = tuple(out)
    return replace(b, text=text)
