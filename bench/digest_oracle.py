"""How far choosing the points could take the điểm báo's ROUGE: a per-article oracle.

    python bench/digest_oracle.py [score.py's options: --sample N, --clusters IDS]

``bench/digest_score.py`` as it is, with one change: each article's points are
chosen among the same candidates, through the same filters, trims and word budget
as ``digest.points.select``, but ranked by their syllable-pair overlap with the
cluster's human summaries (per syllable). That is cheating, and it is the point:
the gap between this and bantin's own figure is what a better choice among the
candidates could gain; the gap between this and the targets is what candidates and
budget alone allow. (200 clusters: 0.422 points, 0.445 lede + points, against
bantin's 0.314 and 0.363.) A diagnostic only: nothing in bantin reads the
summaries.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import digest_score  # noqa: E402

from bantin.digest import build, points  # noqa: E402
from bantin.digest.filters import flaw  # noqa: E402
from bantin.digest.salience import bigrams  # noqa: E402
from bantin.digest.sentences import words  # noqa: E402
from bantin.model import Article  # noqa: E402

_current: dict[str, Any] = {"path": "", "cluster": "", "golds": []}


def _golds(score: Any, path: str) -> list[Counter[tuple[str, ...]]]:
    cluster = Path(path).parent.name
    if cluster != _current["cluster"]:
        summaries = score.golds_of(str(digest_score.SCORE), cluster)
        _current.update(cluster=cluster, golds=[score._ngrams(score.tokens(g), 2) for g in summaries])
    return _current["golds"]  # type: ignore[no-any-return]


def oracle_select(a: Article, limit: int, budget: int, lede: str | None = None,
                  seen: points.Seen | None = None) -> list[points.Point]:
    """``points.select`` with the ranking replaced by overlap with the summaries."""
    score = sys.modules["score"]
    golds = _golds(score, _current["path"])
    seen = seen if seen is not None else points.Seen()
    seen.add(bigrams(lede if lede is not None else (a.lede or "")))
    seen.add(bigrams(a.title))

    def gain(text: str) -> float:
        toks = score.tokens(text)
        pairs = score._ngrams(toks, 2)
        return float(sum(min(n, g.get(k, 0)) for g in golds for k, n in pairs.items())) / max(1, len(toks))

    pool = [u for u, _ in zip(points.units(a, lede), range(points.MAX_UNITS), strict=False)]
    chosen: list[points.Point] = []
    used = 0
    for u in sorted(pool, key=lambda u: -gain(u.text)):
        if len(chosen) == limit or budget - used < 6:
            break
        for text, speaker, dropped in points.trims(u):
            n = words(text) + (words(speaker) + 1 if speaker else 0)
            if n > points.MAX_WORDS or used + n > budget or flaw(text):
                continue
            pairs = bigrams(text)
            if seen.repeats(pairs):
                break
            chosen.append(points.Point(text, u.block, u.sentence, u.kind, speaker, None, dropped))
            seen.add(pairs)
            used += n
            break
    return sorted(chosen, key=lambda p: (p.block, p.sentence))


def main() -> int:
    own = digest_score.run_bantin

    def run_bantin(cmd: list[str], path: str) -> dict[str, Any]:
        _current["path"] = path
        return own(cmd, path)

    digest_score.run_bantin = run_bantin  # type: ignore[assignment]
    setattr(build, "select", oracle_select)  # noqa: B010 - the name build.plan calls
    return digest_score.main()


if __name__ == "__main__":
    sys.exit(main())
