"""Where one writer's time goes, per article, with fonts and templates already loaded.

    python bench/hotspots.py pdf            # share of internal time per function
    python bench/hotspots.py docx --by module

Reads the corpus (../shared/corpus, else the examples), prepares each document once,
warms the writer on the first, then times and profiles it over all of them. The
unprofiled time per article is printed first: cProfile inflates Python code more
than C, so the shares are a guide to where to look, not a measurement.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import sources  # noqa: E402

import bantin  # noqa: E402
from bantin.exporters import RenderContext, registry  # noqa: E402
from bantin.style import stylesheet  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("format")
    ap.add_argument("--style", default="default")
    ap.add_argument("--by", choices=("function", "module"), default="function")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    style = stylesheet.load(args.style)
    docs = [bantin.read(f, style=style) for f in sources()]
    exporter = registry()[args.format]
    ctx = RenderContext(style)

    def write(doc: bantin.Document) -> bytes:
        return exporter.render(doc, ctx)

    write(docs[0])
    t0 = time.perf_counter()
    for d in docs:
        write(d)
    print(f"{args.format}: {1000 * (time.perf_counter() - t0) / len(docs):.2f} ms per article unprofiled, "
          f"{len(docs)} articles")
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        write(d)
    prof.disable()
    shares: Counter[str] = Counter()
    for (file, _line, name), (_cc, _nc, internal, _cum, _callers) in pstats.Stats(prof).stats.items():  # type: ignore[attr-defined]
        where = file.split("site-packages/")[-1].split("/bantin/", 1)[-1]
        shares[where if args.by == "module" else f"{where}:{name}"] += internal
    total = sum(shares.values())
    for where, t in shares.most_common(args.top):
        print(f"{100 * t / total:5.1f}%  {where}")


if __name__ == "__main__":
    main()
