"""Lines of plain text: display width, wrapping, and tables laid out in columns.

Width is measured in terminal display columns (wcwidth), so wide characters count
double, and lines break only at ordinary spaces: never inside a syllable and never
at the non-breaking spaces typography put between a number and its noun.
"""

from __future__ import annotations

from collections.abc import Callable

from wcwidth import wcswidth

from bantin.model import LINE_BREAK, Table
from bantin.style.fonts import REPERTOIRE
from bantin.typography.words import join

# Characters one column wide: Vietnamese prose is almost entirely these, and a set
# lookup is ten times cheaper than asking wcwidth of every word of every line.
_NARROW = frozenset(c for c in REPERTOIRE if wcswidth(c) == 1)
GAP = "  "  # between table columns


def width(s: str) -> int:
    if _NARROW.issuperset(s):
        return len(s)
    w = wcswidth(s)
    return w if w >= 0 else len(s)


def wrap(text: str, cols: int, first: str = "", rest: str | None = None) -> list[str]:
    """Greedy wrap at spaces; a word wider than the line stands on its own line.

    A line that starts at the margin never starts with ">": mail clients show such
    a line as a quotation of an earlier message ("a < b && c" / "> d."), so the
    word before it goes down with it."""
    rest = first if rest is None else rest
    if LINE_BREAK in text:
        return _lines(wrap, text, cols, first, rest)
    lines: list[list[str]] = []
    line: list[str] = []
    lw = width(first)
    for word in text.split(" "):
        if not word:
            continue
        ww = width(word)
        if line and lw + 1 + ww > cols:
            carried = [line.pop()] if not rest and word.startswith(">") and len(line) > 1 else []
            lines.append(line)
            line = carried
            lw = width(rest) + sum(width(w) for w in carried)
            if carried and lw + 1 + ww > cols:  # no room for both: the quotation mark it is
                lines[-1].append(carried.pop())
                lw = width(rest)
        lw += ww + (1 if line else 0)
        line.append(word)
    if line:
        lines.append(line)
    return [(first if i == 0 else rest) + " ".join(ws) for i, ws in enumerate(lines)]


def _lines(wrapper: Callable[[str, int, str, str], list[str]], text: str, cols: int, first: str,
           rest: str) -> list[str]:
    """Each line of a text that breaks its lines (a poem's verses) wrapped on its
    own, under the first; an empty line stays, without trailing spaces."""
    out: list[str] = []
    for k, line in enumerate(text.split(LINE_BREAK)):
        lead = first if k == 0 else rest
        out += wrapper(line, cols, lead, rest) or [lead.rstrip()]
    return out


def wrap_display(text: str, cols: int, first: str = "", rest: str | None = None) -> list[str]:
    """``wrap`` for display text (a title, a heading): lines break between words,
    never inside one ("Chủ tịch", "Nguyễn Đức Chung"), as the other formats break
    them (``words.join``). The text keeps its ordinary spaces: a reader searching
    a mail for "Nguyễn Đức Chung" finds it."""
    rest = first if rest is None else rest
    if LINE_BREAK in text:
        return _lines(wrap_display, text, cols, first, rest)
    if width(first) + width(text) <= cols:
        # One line: no break to choose, and the word list (50 ms to load) stays unread.
        return wrap(text, cols, first, rest)
    # join binds a word's syllables with U+00A0 and changes nothing else, so each
    # bound word is, at the same place, the word as written.
    bound = join(text)
    written: list[str] = []
    at = 0
    for word in bound.split(" "):
        if word:
            written.append(text[at:at + len(word)])
        at += len(word) + 1
    words = iter(written)
    out = []
    for i, line in enumerate(wrap(bound, cols, first, rest)):
        head = first if i == 0 else rest
        out.append(head + " ".join(next(words) for _ in line[len(head):].split(" ")))
    return out


def underlined(text: str, cols: int, char: str, rule: int) -> list[str]:
    lines = wrap_display(text, cols)
    return lines + [char * min(rule, max(width(x) for x in lines))] if lines else []


def right(text: str, cols: int) -> list[str]:
    return [" " * max(0, cols - width(x)) + x for x in wrap(text, cols)]


def grid(cells: dict[tuple[int, int], list[str]], t: Table, cols: int) -> list[str]:
    """The table aligned by display width, each merged cell written once (in its
    first row and column, across the columns it spans), or nothing when it is
    wider than the page. ``cells`` maps (row, column) to the lines of the cell
    that starts there (a paragraph a line, a list item a line under its marker)."""
    # A cell of several lines beside words to its right would be read line by line
    # across the row, its second line after its neighbour's first: such a table is
    # written as records, whose cells follow one another (the words in order).
    # One pass: per row, the first column holding a tall cell and the last holding words.
    tall: dict[int, int] = {}
    worded: dict[int, int] = {}
    for (r, c), v in cells.items():
        if len(v) > 1:
            tall[r] = min(tall.get(r, c), c)
        if any(x.strip() for x in v):
            worded[r] = max(worded.get(r, c), c)
    if any(worded.get(r, -1) > c for r, c in tall.items()):
        return []
    spans = {(p.row, p.column): p.cell.colspan for p in t.placed()}
    ncols = t.columns
    widths = [0] * ncols
    wide = {k: max(map(width, v), default=0) for k, v in cells.items()}
    for (r, c), w in wide.items():
        if spans.get((r, c), 1) == 1:
            widths[c] = max(widths[c], w)
    for (r, c), w in wide.items():  # a spanning cell widens the last column it covers, if it must
        n = spans.get((r, c), 1)
        if n > 1:
            have = sum(widths[c:c + n]) + len(GAP) * (n - 1)
            widths[min(ncols, c + n) - 1] += max(0, w - have)
    if sum(widths) + len(GAP) * (ncols - 1) > cols:
        return []
    # A row of several lines ends where a blank line says so, or the next row's
    # first line would read as its own next line.
    heights: dict[int, int] = {}
    for (r, _), v in cells.items():
        heights[r] = max(heights.get(r, 1), len(v))
    apart = any(h > 1 for h in heights.values())
    out: list[str] = []
    for r in range(len(t.rows)):
        if apart and out and r != t.header_rows:
            out.append("")
        for k in range(heights.get(r, 1)):
            line, c = "", 0
            while c < ncols:
                n = spans.get((r, c), 1)
                w = sum(widths[c:c + n]) + len(GAP) * (n - 1)
                lines = cells.get((r, c), [])
                text = lines[k] if k < len(lines) else ""
                pad = " " * (w - width(text))
                aligned = pad + text if c < len(t.align) and t.align[c] == "right" and n == 1 else text + pad
                line += (GAP if c else "") + aligned
                c += n
            out.append(line.rstrip())
        if r == t.header_rows - 1:
            out.append(GAP.join("─" * w for w in widths))
    return out


def _labels(cells: dict[tuple[int, int], str], t: Table) -> dict[int, list[str]]:
    """Each column's header, from the top header row down: a header cell spanning
    columns heads each of them ("Điểm trung bình", then "Toán")."""
    heads: dict[int, list[str]] = {}
    for p in t.placed():
        text = cells.get((p.row, p.column), "")
        if p.row >= t.header_rows or not text:
            continue
        for c in range(p.column, p.column + p.cell.colspan):
            if text not in heads.setdefault(c, []):
                heads[c].append(text)
    return heads


def _label(heads: dict[int, list[str]], first: int, span: int) -> str:
    """The label of a value in columns ``first`` to ``first + span - 1``: what
    heads all of them (the upper header a merged cell sits under), or else each
    column's label."""
    parts = [heads.get(c, []) for c in range(first, first + span)]
    common = [h for h in parts[0] if all(h in q for q in parts[1:])]
    if span == 1 or common:
        return " – ".join(common)
    return ", ".join(" – ".join(q) for q in parts if q)


def records(cells: dict[tuple[int, int], str], t: Table, cols: int,
            value: Callable[[int, int, str], list[str]] | None = None) -> list[str]:
    """A table too wide for the page: one "header: value" block per row, each
    merged cell once, under the row it starts in, labelled by every header row
    above its columns. ``cells`` holds each cell's text on one line, for the
    labels; ``value(row, column, label)`` writes a cell under its label, its
    blocks on lines of their own (a list item under its marker), else the text
    is wrapped."""
    # A table of header rows alone (a one-cell "| Ghi chú |" in Markdown) has no
    # value to label: its words are said as they are, or they were lost (helper-98).
    first = t.header_rows if t.header_rows < len(t.rows) else 0
    heads = _labels(cells, t) if first else {}
    spans = {(p.row, p.column): p.cell.colspan for p in t.placed()}
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (r, c), text in cells.items():  # grouped once: a pass over every cell per row was quadratic
        by_row.setdefault(r, []).append((c, text))
    out: list[str] = []
    for r in range(first, len(t.rows)):
        row = sorted(by_row.get(r, ()))
        if not row:
            continue
        if out:
            out.append("")
        for c, text in row:
            label = _label(heads, c, spans.get((r, c), 1))
            out += value(r, c, label) if value else wrap(f"{label}: {text}" if label else text, cols, "  ", "    ")
    return out
