"""Long tables in the PDF are set some pages of rows at a time (``pdf.batch``):
a briefing's contents too (helper-164). reportlab made the rest of a table anew at
every page it broke, so the time grew with the square of the rows: 20,000
articles' contents took 183 s where 10,000 took 65 (``bench/long_pdf.py``). Set in
batches, the pages break where they broke before and say the same words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from helpers import pdftotext, require, run

from bantin import api
from bantin.exporters.pdf import batch
from bantin.model import Article, Briefing, Paragraph, plain

LONG_TITLE = " và những điều người đọc cần biết trước kỳ họp cuối năm của hội đồng"


def briefing(n: int) -> Briefing:
    # Every ninth title wraps: an entry of two lines meets a batch's end too.
    return Briefing("Bản tin", tuple(
        Article(f"Tin số {i} về kinh tế vùng" + (LONG_TITLE if i % 9 == 4 else ""),
                blocks=(Paragraph(plain(f"Nội dung tin {i}.")),)) for i in range(n)), date="2025-08-05")


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
