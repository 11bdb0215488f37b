"""Time for one huge block of each kind, in each format: linear is the goal.

    python bench/huge.py                         # PDF, 0.175 to 1.4 MB
    python bench/huge.py --formats pdf,docx,epub,txt --sizes 350000,1400000

Each block is "chữ Việt " repeated to the size, set through ``bantin.export``
in this process (fonts loaded once, before the first timing).
"""

from __future__ import annotations

import argparse
import time

import bantin
from bantin import Article, Heading, ListBlock, Paragraph, Quote, Span, plain

KINDS = {
    "title": lambda t: Article(t),
    "lede": lambda t: Article("Tiêu đề", lede=t),
    "heading": lambda t: Article("Tiêu đề", blocks=(Heading(plain(t)),)),
    "emphasis": lambda t: Article("Tiêu đề", blocks=(Paragraph((Span(t, em=True), Span(t, strong=True))),)),
    "list item": lambda t: Article("Tiêu đề", blocks=(ListBlock((plain(t),), ordered=True),)),
    "quote": lambda t: Article("Tiêu đề", blocks=(Quote(plain(t), attribution="A"),)),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--formats", default="pdf")
    ap.add_argument("--sizes", default="175000,350000,700000,1400000")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    for fmt in args.formats.split(","):
        bantin.export(Article("khởi động"), fmt)  # load fonts and libraries first
        print(f"{fmt:<6}{'kind':<12}" + "".join(f"{n / 1e6:>9.3f} MB" for n in sizes))
        for kind, make in KINDS.items():
            row = []
            for n in sizes:
                doc = make(("chữ Việt " * (n // 9 + 1))[:n])
                t0 = time.perf_counter()
                bantin.export(doc, fmt, warn=lambda _m: None)
                row.append(time.perf_counter() - t0)
            print(f"{'':<6}{kind:<12}" + "".join(f"{s:>10.2f} s" for s in row))


if __name__ == "__main__":
    main()
