"""A signature typed as a Word document's last paragraphs (Nghị định 30/2020):
"Nơi nhận:" and its dashed recipients, the signer's office in capitals and their
name, one column after the other or side by side, parted by tabs
("Nơi nhận:⇥KT. GIÁM ĐỐC").

The lines are those the newsroom text reader reads (``rules.signature``), so a
công văn pasted as text and the same one typed in Word end the same way. Only
paragraphs that end the document are taken, and only when each of them has its
place in the block; otherwise they stay the body they are. So does a table
that ends the document as the decree's does, two columns: "Nơi nhận:" and its
list beside the signer's office and name, or two or three signers (a contract's
parties, the minutes' secretary and chair, a joint circular's ministries), in a
row or with the offices over the names, a cell left empty where one party has a
line the others have not. Signers may also be typed side by side with tabs.
bantin's own signature block is read by its styles (``own``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bantin.model import Paragraph, Signature, Table, lines_of_spans
from bantin.source.docx.body import Item, Para
from bantin.source.docx.header import lines, split_tab
from bantin.source.rules import signature
from bantin.source.rules.signature import PAPER, Paper

MAX_LINES = 30  # a long distribution list; no signature block is longer
MAX_ROWS = 4  # a signature table's rows: the offices, the words in the room to sign, the names


def _lines(paras: list[Para]) -> list[str]:
    """The paragraphs' lines as the text reader sees them: the left column, then
    the right one. A line with no tab that is centred or set right is the
    signer's, in the right column. A paragraph typed with Shift+Enter ("KT. CHỦ
    TỊCH⏎PHÓ CHỦ TỊCH⏎⏎Nguyễn Văn An", "Nơi nhận:⇥KT. GIÁM ĐỐC⏎- Như trên;⇥…") is
    its lines, as the text reader has them."""
    left: list[str] = []
    right: list[str] = []
    for p in paras:
        for spans in lines_of_spans(p.spans):
            raw = "".join(s.text for s in spans if s.note is None).strip(" ")
            text = " ".join(raw.split())
            if raw.startswith("\t") and "\t" not in raw.lstrip("\t"):
                right.append(text)  # "⇥Nguyễn Văn An": the signer's side
                continue
            cols = split_tab(spans)
            if cols is None:
                (right if p.align in ("center", "right", "end") else left).extend([text] if text else [])
                continue
            left.extend([cols[0]] if cols[0] else [])
            right.extend([cols[1]] if cols[1] else [])
    return left + right


def _table_columns(t: Table) -> list[list[str]]:
    """The lines of each column of a table of two or three columns of plain
    paragraphs, a row or a few (the offices over the names: "ĐẠI DIỆN BÊN A | ĐẠI
    DIỆN BÊN B"); none for any other table (a link, a note or a picture in it would
    be lost to the block's plain lines)."""
    wide = len(t.rows[0]) if t.rows else 0
    if not 1 <= len(t.rows) <= MAX_ROWS or not 2 <= wide <= signature.MAX_SIDE or t.caption \
            or any(len(r) != wide for r in t.rows):
        return []
    blocks = [b for r in t.rows for c in r for b in c.blocks]
    if any(not isinstance(b, Paragraph) or any(s.href or s.note is not None or s.code for s in b.text)
           for b in blocks):
        return []
    return [[x for r in t.rows for x in lines(r[k].blocks)] for k in range(wide)]


def of_cells(columns: list[list[str]], paper: Paper = PAPER) -> Signature | None:
    """The signature a table of a few columns is, given each column's lines:
    "Nơi nhận:" and its list beside the signer, or signers side by side who may
    close a text such as the ``paper`` is (``rules.signature.Paper``); else None.
    A news story's closing table of posts over names ("HLV TRƯỞNG | ĐỘI TRƯỞNG")
    is its own."""
    if not columns:
        return None
    head, signed = signature.split([x for c in columns for x in c], paper)
    if signed is not None and not head:
        return signed
    return signature.joint(columns) if all(columns) and paper.signed_by(columns) else None


def _row(p: Para) -> tuple[str, ...] | None:
    """A paragraph's cells when it is typed as columns parted by tabs: three
    ("BỘ A⇥BỘ B⇥BỘ C"), or two, one of them maybe empty ("Giám đốc⇥")."""
    raw = "".join(s.text for s in p.spans if s.note is None)  # the paragraph's text shows its tabs as spaces
    three = tuple(c.strip() for c in re.split(r"\t+", raw.strip(" \t")))
    if len(three) == signature.MAX_SIDE:
        return three
    cols = split_tab(p.spans)
    return cols[:2] if cols is not None and (cols[0] or cols[1]) else None


def _side_by_side(paras: list[Para], paper: Paper) -> tuple[int, Signature] | None:
    """Two or three signers typed side by side, parted by tabs ("THƯ KÝ⇥CHỦ TỌA"),
    as the last paragraphs, every one of them as many columns: how many, and the
    signature (with the "Nơi nhận:" paragraphs right above them, if any; outside
    a ``paper``, only with them)."""
    rows: list[tuple[str, ...]] = []
    for p in reversed(paras):
        row = _row(p)
        if row is None or (rows and len(row) != len(rows[-1])):
            break
        rows.append(row)
    rows.reverse()
    signed = signature.joint_rows(rows)
    if signed is None:
        return None
    above = [p.text for p in paras[: len(paras) - len(rows)]]
    found = signature.recipients_at_end(above[-MAX_LINES:])
    if found is None:
        return (len(rows), signed) if paper.signed_by(signature.columns_of(rows)) else None
    return len(rows) + len(found[1]) + 1, replace(signed, recipients=tuple(found[1]))


def typed(items: list[Item], paper: Paper = PAPER) -> tuple[list[Item], Signature | None]:
    """The items without a signature typed as their last paragraphs or table,
    and the signature; signers side by side with no "Nơi nhận" only in a ``paper``."""
    last = next((i for i in range(len(items) - 1, -1, -1)
                 if not (isinstance(items[i], Para) and not items[i].text and not items[i].images)), None)  # type: ignore[union-attr]
    if last is not None and isinstance(items[last], Table):
        signed = of_cells(_table_columns(items[last]), paper)  # type: ignore[arg-type]
        return (items[:last], signed) if signed is not None else (items, None)
    start = len(items)
    while start > 0 and len(items) - start < MAX_LINES and isinstance(items[start - 1], Para) \
            and not items[start - 1].images:  # type: ignore[union-attr]
        start -= 1
    tail = [(i, it) for i, it in enumerate(items[start:], start) if isinstance(it, Para) and it.text]
    joint = _side_by_side([p for _, p in tail], paper)
    if joint is not None:
        return items[: tail[len(tail) - joint[0]][0]], joint[1]
    label = next((k for k in range(len(tail) - 1, -1, -1)
                  if signature.LABEL.match(_lines([tail[k][1]])[0])), None)
    # The recipients may come first or the signer may: the block starts at the
    # label or at most a few office lines and a name above it. With no label, a
    # copy's office lines, "(Đã ký)" and name may end it alone: the most lines
    # that are all of the block.
    starts = range(label, max(-1, label - 8), -1) if label is not None else range(max(0, len(tail) - 8), len(tail))
    for k in starts:
        head, signed = signature.split(_lines([p for _, p in tail[k:]]), paper)
        if signed is not None and not head:
            return items[: tail[k][0]], signed
    return items, None
