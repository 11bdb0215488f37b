"""How much of the điểm báo's points says again what an earlier article's point said,
as ViMs' human summaries count it: the diagnostic behind "one article at a time
cannot know what the other outlets report".

score.py joins every article's points of a cluster, cuts them to a human summary's
length and counts the syllable pairs they share with it, each pair of the summary
once. A pair the summary holds once, said by two articles' points, is matched once
and the second saying spends length on nothing. This counts those pairs:

    python bench/digest_score.py --json /tmp/one.json
    python bench/digest_score.py --bundle --json /tmp/bundle.json
    python bench/digest_overlap.py /tmp/one.json /tmp/bundle.json
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

SCORE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "digest"


def overlap(result: dict[str, Any], score: Any) -> tuple[int, int, int]:
    """(pairs of the cut points, pairs matched with a summary, pairs that match a
    summary pair already matched by an earlier point), over every summary."""
    points: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in result["points"]:
        points[(p["cluster"], p["article"])].append(p["text"])
    cut = matched = again = 0
    for cid in result["clusters"]:
        arts = score.articles_of(str(SCORE), cid)
        units = [t for path, _ in arts for t in points.get((cid, os.path.basename(path)), [])]
        for gold in score.golds_of(str(SCORE), cid):
            ref = score.tokens(gold)
            cand = score.fill(units, len(ref), dedup=False)
            want = Counter(zip(ref, ref[1:], strict=False))
            seen: Counter[tuple[str, str]] = Counter()
            for pair in zip(cand, cand[1:], strict=False):
                seen[pair] += 1
                cut += 1
                if pair in want:
                    if seen[pair] <= want[pair]:
                        matched += 1
                    else:
                        again += 1
    return cut, matched, again


def main() -> int:
    if not (SCORE / "score.py").is_file() or len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    sys.path.insert(0, str(SCORE))
    score = importlib.import_module("score")
    for name in sys.argv[1:]:
        cut, matched, again = overlap(json.loads(Path(name).read_text(encoding="utf-8")), score)
        print(f"{name}: {cut} pairs of points cut to the summaries' length; {matched} ({matched / cut:.1%}) "
              f"matched; {again} ({again / cut:.1%}) repeat a summary pair an earlier point already matched")
    return 0


if __name__ == "__main__":
    sys.exit(main())
