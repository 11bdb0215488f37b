"""Time for the PDF's two long tables: a briefing's contents page and a table
with merged cells. Linear is the goal (twice the size, twice the time).

    python bench/long_pdf.py                              # both, at the sizes below
    python bench/long_pdf.py --articles 1000,5000 --rows ''

A briefing of one-paragraph articles (every seventh title long enough to wrap in
the contents), and an article holding one table of three columns whose rows
repeat a pattern of five: a cell down two rows, a plain row, a cell across two
columns, a plain row; one header row. Set through ``bantin.export`` in this
process (fonts loaded once, before the first timing).
"""

from __future__ import annotations

import argparse
import time

import bantin
from bantin import Article, Briefing, Paragraph, plain
from bantin.model import Cell, Table


def briefing(n: int) -> Briefing:
    long = " và những điều người đọc cần biết trước kỳ họp cuối năm"
    return Briefing("Bản tin", tuple(
        Article(f"Bài {i} về chính sách kinh tế vùng" + (long if i % 7 == 0 else ""),
                blocks=(Paragraph(plain(f"Nội dung bài {i}.")),)) for i in range(n)), date="2025-08-05")


def cell(text: str, rowspan: int = 1, colspan: int = 1) -> Cell:
    return Cell((Paragraph(plain(text)),), colspan=colspan, rowspan=rowspan)


def merged(n: int, header_rows: int = 1) -> Article:
    """A table of ``n`` body rows with a merged cell in three rows of every five."""
    rows: list[tuple[Cell, ...]] = [(cell("Mục"), cell("Tên"), cell("Ghi chú"))] * header_rows
    r = 0
    while r < n:
        if r % 5 == 0 and r + 1 < n:  # down two rows
            rows += [(cell(f"gộp {r}", rowspan=2), cell(f"a {r}"), cell(f"b {r}")),
                     (cell(f"a {r + 1}"), cell(f"b {r + 1}"))]
            r += 2
            continue
        rows.append((cell(f"ngang {r}", colspan=2), cell(f"c {r}")) if r % 5 == 3
                    else (cell(f"x {r}"), cell(f"y {r}"), cell(f"z {r}")))
        r += 1
    return Article("Bảng gộp", blocks=(Paragraph(plain("Trước bảng.")), Table(tuple(rows), header_rows=header_rows),
                                       Paragraph(plain("Sau bảng."))))


def timed(doc: Article | Briefing) -> float:
    t0 = time.perf_counter()
    bantin.export(doc, "pdf", warn=lambda _m: None)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", default="1000,5000,10000", help="briefing sizes ('' skips)")
    ap.add_argument("--rows", default="5000,10000,20000", help="merged table sizes ('' skips)")
    args = ap.parse_args()
    bantin.export(Article("khởi động"), "pdf")  # load fonts and libraries first
    for label, sizes, make in (("articles", args.articles, briefing), ("merged rows", args.rows, merged)):
        for n in (int(s) for s in sizes.split(",") if s):
            s = timed(make(n))
            print(f"{label:<12}{n:>7,}{s:>9.2f} s{1000 * s / n:>9.2f} ms each", flush=True)


if __name__ == "__main__":
    main()
