"""Time the điểm báo takes per article, on top of reading it.

    python bench/digest.py                      # ../shared/corpus (and the ViMs clusters) if present
    python bench/digest.py FOLDER_OR_FILE ...   # any inputs bantin reads
    python bench/digest.py --repeat 5

Every input is read once (``bantin.read``, not timed); then its entry (lede and
points, ``bantin.digest.build.plan`` with the default style's caps) is built
--repeat times and the fastest run is kept. Prints the median, the 95th
percentile and the slowest article, and the time of one bundle over all the
inputs (``bantin.digest.build.plans``: syndicated copies and repeats across
articles included). The goal is under 20 ms per article.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import bantin
from bantin.digest.build import plan, plans
from bantin.model import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULTS = (SHARED / "corpus", SHARED / "eval" / "digest" / "clusters")


def inputs(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    return [p for p in out if p.name != "SOURCES.md"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = inputs(args.paths or [p for p in DEFAULTS if p.is_dir()])
    if not files:
        raise SystemExit("no inputs: pass files or folders, or put ../shared/corpus beside the project")
    caps = bantin.load_style("default").digest
    articles: list[tuple[Path, Article]] = []
    for p in files:
        doc = bantin.read(p)
        if isinstance(doc, Article):
            articles.append((p, doc))
    times: list[tuple[float, Path]] = []
    for p, a in articles:
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            t = time.perf_counter()
            plan(a, caps.points, caps.words)
            best = min(best, time.perf_counter() - t)
        times.append((best, p))
    ms = sorted(t * 1000 for t, _ in times)
    slowest = max(times)
    print(f"{len(articles)} articles, digest time per article (reading excluded), best of {args.repeat}:")
    print(f"  median {statistics.median(ms):.2f} ms   95th percentile {ms[int(0.95 * (len(ms) - 1))]:.2f} ms   "
          f"mean {statistics.fmean(ms):.2f} ms")
    print(f"  slowest {slowest[0] * 1000:.2f} ms  {slowest[1]}")
    t = time.perf_counter()
    entries = plans(tuple(a for _, a in articles), caps.points, caps.words)
    total = time.perf_counter() - t
    print(f"one bundle of all {len(articles)} articles: {total:.2f} s "
          f"({total / len(articles) * 1000:.2f} ms per article), {len(entries)} entries after copies collapse")


if __name__ == "__main__":
    main()
