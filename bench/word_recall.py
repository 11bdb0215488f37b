"""How many of a Word file's words bantin keeps, against pandoc's reading of it.

    python bench/word_recall.py FILE_OR_FOLDER ...          # per-file table, then the summary
    python bench/word_recall.py DIR --worst 15 --json out.json

For every .docx named (folders are searched), pandoc reads it (``pandoc -s -t plain``:
``-s`` keeps the Title paragraph, which pandoc moves into its metadata) and bantin
reads it and writes its text briefing (``bantin.api.read`` and ``export(…, "txt")``,
in this process). Recall is the share of pandoc's words that bantin's text also
has, counted as multisets: words are runs of letters and digits after NFC and
case folding, and only words with a letter count (list numbers, note marks and
table rules differ between the two by design). The summary gives the median, the
10th percentile, the files under 0.9, bantin's refusals, and the time bantin took.
No corpus ships with the project: point the script at files you have.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

import bantin as api
from bantin.errors import BantinError

_WORD = re.compile(r"[^\W_]+")


@dataclass
class Row:
    file: str
    recall: float
    words: int
    refused: str
    seconds: float
    missing: list[str] = field(default_factory=list)


def words(text: str) -> collections.Counter[str]:
    text = unicodedata.normalize("NFC", text).casefold()
    return collections.Counter(w for w in _WORD.findall(text) if any(c.isalpha() for c in w))


def pandoc_words(path: Path, timeout: float) -> collections.Counter[str] | None:
    try:
        p = subprocess.run(["pandoc", "-s", "-f", "docx", "-t", "plain", "--wrap=none", str(path)],
                           capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return words(p.stdout.decode("utf-8", "replace")) if p.returncode == 0 else None


def bantin_words(path: Path) -> tuple[collections.Counter[str] | None, str, float]:
    t0 = time.perf_counter()
    try:
        doc = api.read(path, warn=lambda _m: None)
        text = api.export(doc, "txt", warn=lambda _m: None).decode("utf-8")
    except BantinError as e:
        return None, str(e)[:80], time.perf_counter() - t0
    return words(text), "", time.perf_counter() - t0


def files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out += sorted(p.rglob("*.docx")) if p.is_dir() else [p]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--worst", type=int, default=0, help="list only the N lowest files (0: all)")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    rows: list[Row] = []
    for path in files(a.paths):
        ref = pandoc_words(path, a.timeout)
        if ref is None or not ref:
            continue  # pandoc cannot read it (not a Word file) or it has no words
        got, error, seconds = bantin_words(path)
        kept = sum((ref & got).values()) if got is not None else 0
        rows.append(Row(path.name, kept / sum(ref.values()), sum(ref.values()), error, round(seconds, 3),
                        [w for w, _ in (ref - got).most_common(8)] if got is not None else []))
    if not rows:
        print("word_recall: no Word file pandoc could read", file=sys.stderr)
        return 2
    shown = sorted(rows, key=lambda r: r.recall)[: a.worst] if a.worst else sorted(rows, key=lambda r: r.file)
    for r in shown:
        why = f"refused: {r.refused}" if r.refused else " ".join(r.missing)
        print(f"{r.recall:6.3f}  {r.words:6d} words  {r.seconds:6.2f} s  {r.file[:60]:60s}  {why[:70]}")
    recalls = sorted(r.recall for r in rows)
    p10 = recalls[max(0, round(0.1 * (len(recalls) - 1)))]
    print(f"\n{len(rows)} files: median recall {statistics.median(recalls):.3f}, 10th percentile {p10:.3f}, "
          f"mean {statistics.fmean(recalls):.3f}; {sum(x < 0.9 for x in recalls)} under 0.9, "
          f"{sum(x < 0.95 for x in recalls)} under 0.95; {sum(bool(r.refused) for r in rows)} refused; "
          f"bantin {sum(r.seconds for r in rows):.1f} s in all, slowest {max(r.seconds for r in rows):.2f} s")
    if a.json:
        a.json.write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
