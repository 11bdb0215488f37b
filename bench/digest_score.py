"""The điểm báo's ROUGE against ViMs' human summaries, with bantin run in this
process: ``../shared/eval/digest/score.py`` as it is, but its ``run_bantin``
replaced by a call of the digest here (the same numbers; 200 clusters in about
25 s instead of 12 minutes of one process per article).

    python bench/digest_score.py [score.py's options: --sample N, --clusters IDS, --json F]
    PARAMS=bantin.digest.salience.TITLE_WEIGHT=4 python bench/digest_score.py --sample 100

``PARAMS`` sets module constants for a trial (comma-separated ``module.NAME=value``).
Tune on one seeded half of the clusters and check on the other: the result is
also judged on clusters nobody here has.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import bantin
from bantin.digest.build import explain
from bantin.style.stylesheet import load

SCORE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "digest"
SHEET = load("default")


def run_bantin(_cmd: list[str], path: str) -> dict[str, Any]:
    """What score.py's own run_bantin returns, from ``bantin inspect --digest``'s JSON."""
    try:
        doc = bantin.read(Path(path), style=SHEET, warn=lambda _m: None)
        entry = json.loads(explain(doc, SHEET.digest))["digest"][0]
    except Exception as e:  # noqa: BLE001 - score.py counts an error per article
        return {"error": str(e)}
    return {"lede": entry.get("lede") or "", "points": [x["text"] for x in entry["points"]],
            "kinds": [x.get("kind", "") for x in entry["points"]]}


def main() -> int:
    if not (SCORE / "score.py").is_file():
        print(f"no {SCORE / 'score.py'}: this bench needs ../shared/eval/digest", file=sys.stderr)
        return 2
    for pair in filter(None, os.environ.get("PARAMS", "").split(",")):
        key, value = pair.split("=")
        module, name = key.rsplit(".", 1)
        mod = importlib.import_module(module)
        setattr(mod, name, type(getattr(mod, name))(value))
    sys.path.insert(0, str(SCORE))
    score = importlib.import_module("score")
    score.run_bantin = run_bantin
    sys.argv = ["score.py", "--bantin", f"{sys.executable} -m bantin", "--jobs", "1", *sys.argv[1:]]
    return int(score.main())


if __name__ == "__main__":
    sys.exit(main())
