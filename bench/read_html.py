"""In-process read time of the web reader, per page, median included.

    python bench/read_html.py              # the project's test pages, and the fidelity web inputs if present
    python bench/read_html.py --repeat 7   # more runs per page (the median of them is shown)
    python bench/read_html.py page.html …  # other pages

Start-up (Python, lxml and trafilatura imports) is paid once and left out: the
first page is read once untimed. Each page is then read ``--repeat`` times and
its median time printed; a refused page (a category page, say) is timed too,
since refusing it is the reader's work. The goal is a median under 0.1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bantin.errors import BantinError  # noqa: E402
from bantin.source import read  # noqa: E402

OWN = ROOT / "tests" / "pages" / "web"
FIDELITY = ROOT.parent / "shared" / "eval" / "fidelity" / "inputs" / "web"


def pages(named: list[str]) -> list[Path]:
    if named:
        return [Path(p) for p in named]
    found = sorted(OWN.glob("*.html"))
    if FIDELITY.is_dir():
        found += sorted(FIDELITY.glob("*.html"))
    return found


def once(path: Path, data: bytes) -> tuple[float, str]:
    t0 = time.perf_counter()
    try:
        read(data, source_format="html", folder=path.parent)
        outcome = "article"
    except BantinError as e:
        outcome = f"refused: {str(e)[:40]}"
    return time.perf_counter() - t0, outcome


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    found = pages(args.pages)
    if not found:
        sys.exit("no pages to read")
    once(found[0], found[0].read_bytes())  # imports and caches, untimed
    medians = []
    for path in found:
        data = path.read_bytes()
        runs = [once(path, data) for _ in range(max(1, args.repeat))]
        t = statistics.median(r[0] for r in runs)
        medians.append(t)
        print(f"{1000 * t:8.1f} ms  {len(data) // 1024:5d} KiB  {path.name}  ({runs[0][1]})")
    median, worst = 1000 * statistics.median(medians), 1000 * max(medians)
    print(f"median {median:.1f} ms, max {worst:.1f} ms over {len(found)} pages")


if __name__ == "__main__":
    main()
