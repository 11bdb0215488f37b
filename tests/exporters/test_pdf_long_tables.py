"""Long tables in the PDF are set some pages of rows at a time (``pdf.batch``):
a briefing's contents and a table with merged cells (helper-164). reportlab made
the rest of a table anew at every page it broke, so the time grew with the square
of the rows: 20,000 articles' contents took 183 s where 10,000 took 65, and 20,000
rows with merged cells 136 s where 5,000 took 12 (``bench/long_pdf.py``). Set in
batches, the pages break where they broke before and say the same words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from helpers import pdftotext, require, run

from bantin import api
from bantin.exporters.pdf import batch
from bantin.model import Article, Briefing, Cell, Paragraph, Table, plain

LONG_TITLE = " và những điều người đọc cần biết trước kỳ họp cuối năm của hội đồng"


def briefing(n: int) -> Briefing:
    # Every ninth title wraps: an entry of two lines meets a batch's end too.
    return Briefing("Bản tin", tuple(
        Article(f"Tin số {i} về kinh tế vùng" + (LONG_TITLE if i % 9 == 4 else ""),
                blocks=(Paragraph(plain(f"Nội dung tin {i}.")),)) for i in range(n)), date="2025-08-05")


def cell(text: str, rowspan: int = 1, colspan: int = 1) -> Cell:
    return Cell((Paragraph(plain(text)),), colspan=colspan, rowspan=rowspan)


def merged(n: int, tall: int = 200, tall_rows: int = 30, every: int | None = 7) -> Article:
    """Two header rows, the first with a cell across two columns, then ``n`` rows:
    every ``every`` rows (or none) a cell down two rows and three rows on a cell across two,
    and from row ``tall`` a cell down ``tall_rows`` rows (30 rows fit a page, over
    where a batch of 25 rows would end; 40 do not, and are unmerged)."""
    rows: list[tuple[Cell, ...]] = [(cell("Mục lớn", colspan=2), cell("Ghi chú")),
                                    (cell("Mục"), cell("Tên"), cell("Ghi chú"))]
    r = 0
    while r < n:
        if r == tall:
            rows.append((cell(f"dọc {r}", rowspan=tall_rows), cell(f"a {r}"), cell(f"b {r}")))
            rows += [(cell(f"a {k}"), cell(f"b {k}")) for k in range(r + 1, r + tall_rows)]
            r += tall_rows
        elif every and r % every == 0:
            rows += [(cell(f"gộp {r}", rowspan=2), cell(f"a {r}"), cell(f"b {r}")),
                     (cell(f"a {r + 1}"), cell(f"b {r + 1}"))]
            r += 2
        elif every and r % every == 3:
            rows.append((cell(f"ngang {r}", colspan=2), cell(f"c {r}")))
            r += 1
        else:
            rows.append((cell(f"x {r}"), cell(f"y {r}"), cell(f"z {r}")))
            r += 1
    return Article("Bảng gộp", blocks=(Paragraph(plain("Trước bảng.")), Table(tuple(rows), header_rows=2),
                                       Paragraph(plain("Sau bảng."))))


def pages(pdf: bytes, path: Path, layout: bool = False) -> list[str]:
    path.write_bytes(pdf)
    if not layout:
        return pdftotext(path).split("\f")
    return run([require("pdftotext"), "-layout", "-enc", "UTF-8", str(path), "-"]).stdout.split("\f")


def export(doc: Article | Briefing, long: int, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The PDF with batches of ``long`` rows (a number past the rows: one batch,
    the whole table split by reportlab, as before batches)."""
    with monkeypatch.context() as m:
        m.setattr(batch, "LONG", long)
        return api.export(doc, "pdf", warn=lambda _m: None, epoch=1754380800)


def rows_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows of every reportlab table made from now on, the pieces of splits too."""
    from reportlab.platypus import tables

    made: list[int] = []
    init = tables.Table.__init__

    def counting(self: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        made.append(len(data))
        init(self, data, *args, **kwargs)

    monkeypatch.setattr(tables.Table, "__init__", counting)
    return made


def test_a_long_contents_is_set_a_few_pages_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """700 entries: before, the contents was one table of 700 rows, and each page's
    rest one of all the rows after it."""
    made = rows_made(monkeypatch)
    api.export(briefing(700), "pdf", warn=lambda _m: None)
    assert made and max(made) <= 2 * batch.LONG, max(made)


def test_the_contents_in_batches_reads_as_in_one_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 25 rows (some 24 batches) and one table give the same pages and
    text; every article is in the contents, in order, with the page it starts on."""
    n = 600
    doc = briefing(n)
    whole = pages(export(doc, 10**6, monkeypatch), tmp_path / "whole.pdf")
    batched = export(doc, 25, monkeypatch)
    cut = pages(batched, tmp_path / "cut.pdf")
    assert len(cut) == len(whole) and cut == whole
    laid = pages(batched, tmp_path / "cut.pdf", layout=True)
    first = next(k for k, p in enumerate(laid) if re.search(r"^Tin số 0 về", p, re.M) and "Mục lục" not in p)
    # The contents pages without their running header and page number.
    contents = "\n".join(line for p in laid[:first] for line in p.splitlines()[1:] if "Trang " not in line)
    entries = re.split(r"^(?=Tin số \d+ về)", contents, flags=re.M)[1:]
    listed = [(int(re.match(r"Tin số (\d+)", e)[1]), int(re.search(r"(\d+)\s*$", e)[1]))  # type: ignore[index]
              for e in entries]
    starts = {int(m[1]): k + 1 for k, p in enumerate(laid[first:], first)
              for m in re.finditer(r"^Tin số (\d+) về", p, re.M)}
    assert [i for i, _ in listed] == list(range(n))
    assert all(page == starts[i] for i, page in listed), [(i, p, starts[i]) for i, p in listed if p != starts[i]][:3]


def test_a_long_table_with_merged_cells_is_set_a_few_pages_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, a table with a merged cell was never batched: 700 rows made a table
    of 702 rows, then each page's rest anew."""
    made = rows_made(monkeypatch)
    api.export(merged(700), "pdf", warn=lambda _m: None)
    # The rest of a batch and the next, under the header of two rows (a batch ends a
    # row late under a cell down two rows).
    assert made and max(made) <= 2 * batch.LONG + 3, max(made)


@pytest.mark.parametrize("doc", [merged(700), merged(700, tall=400, tall_rows=40, every=None),
                                 merged(700, tall=200, tall_rows=40)],
                         ids=["merged", "unmerged-late", "unmerged-after-merges"])
def test_merged_cells_in_batches_read_as_in_one_table(doc: Article, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 25 rows and one table: the same pages and text, each cell's words
    once and in order (a batch never cuts a merged cell), the header on every page.
    A cell down 40 rows is taller than a page: reportlab cannot break it, and the
    split that first measures it sets the table from there on without its merges
    down the rows (helper-102), in batches as in one table. After cells down two
    rows, only the whole table's first split could unmerge, reportlab measured it no
    further than the page's last such cell, and there was no PDF (helper-167)."""
    whole = pages(export(doc, 10**6, monkeypatch), tmp_path / "whole.pdf", layout=True)
    cut = pages(export(doc, 25, monkeypatch), tmp_path / "cut.pdf", layout=True)
    assert len(cut) == len(whole) > 10 and cut == whole
    text = "\n".join(cut)
    for word in ("gộp", "ngang", "dọc", "a", "x"):
        found = [int(k) for k in re.findall(rf"(?<!\w){word} ?(\d+)", text)]  # poppler joins "x 2"
        assert found == sorted(set(found)), word
    table = doc.blocks[1]
    assert isinstance(table, Table)
    cells = [c.replace(" ", "") for c in re.findall(r"(?<!\w)(?:[abcxyz]|gộp|ngang|dọc) ?\d+", text)]
    assert len(cells) == len(set(cells)) == sum(len(row) for row in table.rows[2:])
    assert all("Mục lớn" in p and "Tên" in p for p in cut if re.search(r"(?<!\w)[xa] ?\d+", p))


def test_a_merged_cell_taller_than_a_page_after_smaller_ones_is_unmerged(tmp_path: Path) -> None:
    """60 rows, no batches: cells down two rows at rows 3 and 10, then one of long
    text down 40 rows from row 40. reportlab measured the rows only to the first
    page's last merged cell; the giant one, taller than a page, was measured by the
    rest's split, which could not unmerge it: no PDF ("cannot lay out the page";
    in a longer table, a TypeError; helper-167). Now the rest is set without its
    merges down the rows (helper-102): the words in the merge's first row."""
    from helpers import assert_in_order, model_words

    # 600 words: at 400 the header "Ghi chú" set whole (table_size.shared, helper-168)
    # left the cell short of a page, and the shape no longer reached the unmerging.
    long = " ".join(f"chữ{k}" for k in range(600))
    rows: list[tuple[Cell, ...]] = [(cell("Mục"), cell("Tên"), cell("Ghi chú"))]
    r = 0
    while r < 60:
        if r in (3, 10):
            rows += [(cell(f"gộp{r}", rowspan=2), cell(f"a{r}"), cell(f"b{r}")),
                     (cell(f"a{r + 1}"), cell(f"b{r + 1}"))]
            r += 2
        elif r == 40:
            rows.append((cell(long, rowspan=40), cell(f"a{r}"), cell(f"b{r}")))
            rows += [(cell(f"a{k}"), cell(f"b{k}")) for k in range(r + 1, r + 40)]
            r += 40
        else:
            rows.append((cell(f"x{r}"), cell(f"y{r}"), cell(f"z{r}")))
            r += 1
    doc = Article("Bảng gộp", blocks=(Paragraph(plain("Trước bảng.")), Table(tuple(rows), header_rows=1),
                                      Paragraph(plain("Sau bảng."))))
    text = "\n".join(pages(api.export(doc, "pdf", warn=lambda _m: None, epoch=0), tmp_path / "giant.pdf", layout=True))
    # The cells beside the merge's first row are read into its lines (helper-102).
    beside = {"a40", "b40"}
    assert all(w in text for w in beside)
    assert_in_order([w for w in model_words(doc) if w not in beside], text, "pdf")
    # Unmerged: every word of the giant cell before the second row it spanned.
    assert text.index("chữ399") < text.index("a41")


def test_a_batch_ends_only_where_no_merged_cell_goes_on() -> None:
    rows = [[f"r{k}"] for k in range(2000)]
    spans = [("SPAN", (0, 10), (0, 11)), ("SPAN", (0, 299), (0, 330)), ("SPAN", (1, 330), (1, 331)),
             ("SPAN", (0, 900), (2, 900)), ("SPAN", (0, 1190), (0, 1999))]
    parts = batch.batches(rows, spans, 2)
    assert [r for part, _ in parts for r in part] == rows
    starts = [0]
    for part, _ in parts[:-1]:
        starts.append(starts[-1] + len(part))
    assert starts == [0, 332, 632, 932], starts  # 302 moved past the cell down to 331; 1232 inside the last
    for part, merges in parts:
        for _op, (_c0, r0), (_c1, r1) in merges:
            assert 0 <= r0 <= r1 < len(part)
    again = sorted((op, (c0, r0 + s), (c1, r1 + s)) for s, (_, ms) in zip(starts, parts, strict=True)
                   for op, (c0, r0), (c1, r1) in ms)
    assert again == sorted(spans)  # every merged cell once, where it was
    assert batch.batches(rows[:602], spans[:1], 2) == [(rows[:602], spans[:1])]  # two batches' worth: one
