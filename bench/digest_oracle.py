"""How far choosing the points could take the điểm báo's ROUGE: a per-article oracle.

    python bench/digest_oracle.py [score.py's options: --sample N, --clusters IDS]

``bench/digest_score.py`` as it is, with one change: ``digest.points.select``
ranks each article's candidates not by ``salience.parts`` but by their
syllable-pair overlap with the cluster's human summaries (per syllable); the
candidates, filters, trims and word budget are bantin's own. That is cheating,
and it is the point: the gap between this and bantin's own figure is what a
better choice among the candidates could gain; the gap between this and the
targets is what candidates and budget alone allow. (200 clusters: 0.433 points,
0.451 lede + points, against bantin's 0.314 and 0.363.) A diagnostic only:
nothing in bantin reads the summaries.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import digest_score  # noqa: E402

from bantin.digest import points  # noqa: E402
from bantin.digest.salience import Centroid, Parts  # noqa: E402

_golds: dict[str, list[Counter[tuple[str, ...]]]] = {}
_current = {"cluster": ""}


def overlap(text: str, rank: int, centroid: Centroid) -> Parts:
    """The sentence's share of syllable pairs found in the summaries, as its score."""
    score = sys.modules["score"]
    toks = score.tokens(text)
    pairs = score._ngrams(toks, 2)
    hits = sum(min(n, g.get(k, 0)) for g in _golds[_current["cluster"]] for k, n in pairs.items())
    return Parts(central=hits / max(1, len(toks)), position=0.0, cues=0.0, penalty=0.0)


def main() -> int:
    own = digest_score.run_bantin

    def run_bantin(cmd: list[str], path: str) -> dict[str, Any]:
        score = sys.modules["score"]
        cluster = _current["cluster"] = Path(path).parent.name
        if cluster not in _golds:
            summaries = score.golds_of(str(digest_score.SCORE), cluster)
            _golds[cluster] = [score._ngrams(score.tokens(g), 2) for g in summaries]
        return own(cmd, path)

    digest_score.run_bantin = run_bantin  # type: ignore[assignment]
    setattr(points, "parts", overlap)  # noqa: B010 - the name select ranks by
    return digest_score.main()


if __name__ == "__main__":
    sys.exit(main())
