"""How the PDF sets the corpus: what a print desk would count.

    python bench/typeset.py                      # the corpus (or the examples)
    python bench/typeset.py --style nd30 --json breaks.json

Every corpus article alone, a 13-article bundle and a grouped digest are laid out
in this process with the PDF writer, and it counts:

- justified lines set flush left (``Marked._unstretch`` firing), per page, and
  the lines letter-spaced instead (``pdf.tracking``);
- the line breaks inside headlines (titles, headings, the cover, digest entries
  and groups), listed with ``--json`` for a judge (``bench/judge_breaks.py`` runs a
  word segmenter over them);
- words past the right margin (pdftotext -bbox), the overflow of long addresses.

Counts come from the final layout pass only (a bundle is built twice).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import sources  # noqa: E402

import bantin  # noqa: E402
from bantin.digest.build import to_digest  # noqa: E402
from bantin.exporters import RenderContext, registry  # noqa: E402
from bantin.model import Briefing  # noqa: E402
from bantin.style import stylesheet  # noqa: E402

HEADLINES = ("title", "h1", "h2", "h3", "cover_title", "entry_title", "digest_title", "group")


class Tally:
    def __init__(self) -> None:
        self.canvas = 0
        self.flush = 0
        self.tracked = 0
        self.breaks: list[dict[str, Any]] = []

    def see(self, canv: Any) -> None:
        if id(canv) != self.canvas:  # a new build pass: only the last one counts
            self.canvas, self.flush, self.tracked, self.breaks = id(canv), 0, 0, []


def _line_texts(p: Any) -> list[str]:
    bl = p.blPara
    if bl.kind == 0:
        return [" ".join(words) for _extra, words in bl.lines]
    return ["".join(getattr(f, "text", "") for f in line.words) for line in bl.lines]


@contextmanager
def instrumented(tally: Tally) -> Iterator[None]:
    from bantin.exporters.pdf import flowables

    marked = flowables.Marked
    unstretch, draw = marked._unstretch, marked.draw

    def counting_unstretch(self: Any) -> None:
        bl = getattr(self, "blPara", None)
        before = [] if bl is None else [line[0] if bl.kind == 0 else getattr(line, "extraSpace", 0)
                                         for line in bl.lines]
        unstretch(self)
        lines = [] if bl is None else bl.lines
        after = [line[0] if bl.kind == 0 else getattr(line, "extraSpace", 0) for line in lines]
        # flush left: the line's extra space dropped to nothing; letter-spaced: its
        # words carry a tracking (``pdf.tracking``), the spaces under twice normal.
        self._bench_flush = sum(1 for a, b in zip(before, after, strict=True) if a != b and b == 0)
        self._bench_tracked = sum(1 for line in lines if bl.kind == 0 and getattr(line[1], "tracking", 0))

    def counting_draw(self: Any) -> None:
        tally.see(self.canv)
        tally.flush += getattr(self, "_bench_flush", 0)
        tally.tracked += getattr(self, "_bench_tracked", 0)
        role = self.style.name.split("-")[0]
        if role in HEADLINES:
            lines = _line_texts(self)
            if len(lines) > 1:
                tally.breaks.append({"role": role, "lines": lines})
        draw(self)

    marked._unstretch, marked.draw = counting_unstretch, counting_draw  # type: ignore[method-assign]
    try:
        yield
    finally:
        marked._unstretch, marked.draw = unstretch, draw  # type: ignore[method-assign]


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def overflow(pdf: bytes, right_margin_pt: float) -> list[str]:
    """Words whose box passes the right margin, by pdftotext -bbox."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        html = subprocess.run(["pdftotext", "-bbox", f.name, "-"], capture_output=True, text=True,
                              check=True).stdout
    out = []
    width = 0.0
    for m in re.finditer(r'<page width="([\d.]+)"|<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<',
                         html):
        if m.group(1):
            width = float(m.group(1))
        elif float(m.group(2)) > width - right_margin_pt + 0.5:
            out.append(m.group(3))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--style", default="default")
    ap.add_argument("--json", help="write every headline break here")
    ap.add_argument("--save", help="a folder to write the PDFs in")
    ap.add_argument("--corpus", type=Path, help="a corpus folder (default: ../shared/corpus, else the examples)")
    args = ap.parse_args()
    style = stylesheet.load(args.style)
    found = sorted(args.corpus.rglob("*.txt")) if args.corpus else sources()
    files = [f for f in found if f.suffix == ".txt"]
    docs = [bantin.read(f, style=style) for f in files]
    ctx = RenderContext(style, epoch=1754380800)
    write = registry()["pdf"].render
    right = style.page.margin_right * 72 / 25.4
    bundle = Briefing("Bản tin tổng hợp", tuple(d for d in docs[:52:4] if not isinstance(d, Briefing)),  # type: ignore[misc]
                      date="2025-08-05", issuer="Văn phòng")
    digest = to_digest(Briefing("Điểm báo", tuple(docs), "2025-08-05"), style.digest, "outlet")  # type: ignore[arg-type]
    runs = [(f.stem, d) for f, d in zip(files, docs, strict=True)] + [("bundle-13", bundle), ("digest", digest)]
    total = {"pages": 0, "flush": 0, "tracked": 0, "breaks": 0, "overflow": 0}
    listed = []
    for name, doc in runs:
        tally = Tally()
        with instrumented(tally):
            pdf = write(doc, ctx)
        if args.save:
            Path(args.save).mkdir(parents=True, exist_ok=True)
            (Path(args.save) / f"{name}.pdf").write_bytes(pdf)
        n, over = pages(pdf), overflow(pdf, right)
        total["pages"] += n
        total["flush"] += tally.flush
        total["tracked"] += tally.tracked
        total["breaks"] += sum(len(b["lines"]) - 1 for b in tally.breaks)
        total["overflow"] += len(over)
        listed.append({"name": name, "pages": n, "flush": tally.flush, "tracked": tally.tracked,
                       "breaks": tally.breaks, "overflow": over})
        if tally.flush or over:
            print(f"{name}: {n} pages, {tally.flush} flush-left lines, {len(over)} words past the margin")
    print(f"total: {total['pages']} pages, {total['flush']} flush-left justified lines "
          f"({20 * total['flush'] / max(1, total['pages']):.2f} per 20 pages), {total['tracked']} letter-spaced, "
          f"{total['breaks']} headline breaks, {total['overflow']} words past the right margin")
    if args.json:
        Path(args.json).write_text(json.dumps(listed, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
