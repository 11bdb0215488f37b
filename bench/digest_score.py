"""The điểm báo's ROUGE against ViMs' human summaries, with bantin run in this
process: ``../shared/eval/digest/score.py`` as it is, but its ``run_bantin``
replaced by a call of the digest here (the same numbers; 200 clusters in about
25 s instead of 12 minutes of one process per article).

    python bench/digest_score.py [score.py's options: --sample N, --clusters IDS, --json F]
    python bench/digest_score.py --bundle    # each cluster's articles read as one bundle
    python bench/digest_score.py --mixed     # every article of every cluster in one bundle
    PARAMS=bantin.digest.salience.TITLE_WEIGHT=4 python bench/digest_score.py --sample 100

score.py runs ``bantin inspect --digest FILE`` on one article at a time, so no
article knows what the others of its story say. ``--bundle`` gives bantin each
cluster as a press office would, all its articles at once (as ``bantin inspect --digest FILE…`` does:
copies collapse into one entry, whose other files get no points; the points lean
on what the other outlets report). ``--mixed`` gives it all 1,300 articles of the
200 stories as one bundle: each must find its own story among the others.

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
from bantin.model import Briefing, Document, articles_of
from bantin.style.stylesheet import load

SCORE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "digest"
SHEET = load("default")


def read(path: str) -> Document:
    return bantin.read(Path(path), style=SHEET, warn=lambda _m: None)


def _shown(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry of ``bantin inspect --digest``'s JSON as score.py's run_bantin returns it."""
    return {"lede": entry.get("lede") or "", "points": [x["text"] for x in entry["points"]],
            "kinds": [x.get("kind", "") for x in entry["points"]]}


def run_bantin(_cmd: list[str], path: str) -> dict[str, Any]:
    """What score.py's own run_bantin returns, from ``bantin inspect --digest``'s JSON."""
    try:
        return _shown(json.loads(explain(read(path), SHEET.digest))["digest"][0])
    except Exception as e:  # noqa: BLE001 - score.py counts an error per article
        return {"error": str(e)}


def bundled(folders: list[list[str]]) -> dict[str, dict[str, Any]]:
    """What each file's entry shows when each list of files is read as one bundle,
    as ``bantin inspect --digest FILE…`` shows it (a copy folded into another
    file's entry shows nothing of its own)."""
    out: dict[str, dict[str, Any]] = {}
    for paths in folders:
        articles = [a for p in paths for a in articles_of(read(p))]
        entries = json.loads(explain(Briefing("Điểm báo", tuple(articles)), SHEET.digest, paths))["digest"]
        out.update({p: {"lede": "", "points": [], "kinds": []} for p in paths})
        out.update({e["file"]: _shown(e) for e in entries})
    return out


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
    mode = next((m for m in ("--bundle", "--mixed") if m in sys.argv), None)
    if mode:
        sys.argv.remove(mode)
        top = SCORE / "clusters"
        folders = [[str(p) for p, _ in score.articles_of(str(SCORE), c.name)] for c in sorted(top.iterdir())]
        entries = bundled(folders if mode == "--bundle" else [[p for f in folders for p in f]])
        score.run_bantin = lambda _cmd, path: entries[path]
    sys.argv = ["score.py", "--bantin", f"{sys.executable} -m bantin", "--jobs", "1", *sys.argv[1:]]
    return int(score.main())


if __name__ == "__main__":
    sys.exit(main())
