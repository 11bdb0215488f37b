"""How many of pandoc's words bantin's Markdown reader keeps, example by example.

    python bench/commonmark_recall.py path/to/spec.txt
    python bench/commonmark_recall.py spec.txt --threshold 0.9 --show 20 --json out.json

The spec file is the CommonMark specification's source (``spec.txt`` of
commonmark/commonmark-spec): its examples sit between fences of 32 backticks
followed by "example", the Markdown first, then a line holding ".", then the
HTML. It is read for measurement only; nothing of it belongs to the project.

For each example, pandoc (``pandoc -f commonmark -t plain``, and ``-t json`` for
its structure) and bantin (``bantin.read(..., source_format="md")`` then the
``txt`` export, in this process) read the same Markdown. Word recall is the
share of pandoc's words (NFC, casefolded, bantin's typography folded back;
counted with multiplicity) that bantin's text holds. Examples whose pandoc
rendering has no words are not scored. A nested-list example (pandoc finds a
list inside a list) must also keep the nesting (bantin's lists as deep as
pandoc's) and pandoc's words in pandoc's order.

``--front-title`` puts a three-line YAML front matter with a title before each
example (as the fidelity inputs have), for a reader that refuses a file without
a title: it measures what such a reader keeps of the rest.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bantin
from bantin.model import Block, CodeBlock, Figure, Heading, ListBlock, Paragraph, Quote, Table, text_of

FENCE = "`" * 32
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "\u00a0": " "})
_WORD = re.compile(r"\w+")


@dataclass
class Example:
    number: int
    section: str
    markdown: str


@dataclass
class Result:
    example: Example
    recall: float | None = None  # None: pandoc shows no words
    model_recall: float | None = None  # the same, of the words the model holds (no exporter between)
    nested: int = 0  # pandoc's list depth
    kept_nesting: bool = True
    in_order: bool = True  # in the text export
    in_order_model: bool = True  # in the model
    error: str | None = None
    missing: list[str] = field(default_factory=list)


def examples(spec: str) -> list[Example]:
    out: list[Example] = []
    section = ""
    lines = spec.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        if line.strip() == FENCE + " example":
            body: list[str] = []
            i += 1
            while lines[i] != ".":
                body.append(lines[i])
                i += 1
            while lines[i].strip() != FENCE:
                i += 1
            md = "\n".join(body) + ("\n" if body else "")
            out.append(Example(len(out) + 1, section, md.replace("→", "\t")))
        i += 1
    return out


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).translate(_FOLD).casefold()
    return _WORD.findall(text)


def pandoc(md: str, to: str) -> str:
    r = subprocess.run(["pandoc", "-f", "commonmark", "-t", to], input=md.encode(), capture_output=True,
                       timeout=60, check=False)
    return r.stdout.decode("utf-8", "replace")


def pandoc_depth(node: Any) -> int:
    if isinstance(node, dict):
        inner = max((pandoc_depth(v) for v in node.values()), default=0)
        return inner + (1 if node.get("t") in ("BulletList", "OrderedList") else 0)
    if isinstance(node, list):
        return max((pandoc_depth(v) for v in node), default=0)
    return 0


def bantin_depth(blocks: tuple[Block, ...]) -> int:
    best = 0
    for b in blocks:
        if isinstance(b, ListBlock):
            best = max(best, 1 + max((bantin_depth(i.blocks) for i in b.items), default=0))
        elif isinstance(b, Quote):
            best = max(best, bantin_depth(b.blocks))
        elif isinstance(b, Table):
            best = max(best, max((bantin_depth(c.blocks) for r in b.rows for c in r), default=0))
    return best


def model_text(blocks: tuple[Block, ...]) -> list[str]:
    """Every word the blocks hold, list labels and figures' alt text included."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, (Heading, Paragraph)):
            out.append(text_of(b.text))
        elif isinstance(b, ListBlock):
            for n, item in enumerate(b.items):
                out += ([b.label(n)] if b.ordered else []) + model_text(item.blocks)
        elif isinstance(b, Quote):
            out += model_text(b.blocks) + [b.attribution or ""]
        elif isinstance(b, Figure):
            out += [text_of(b.caption), b.credit or "", b.alt]
        elif isinstance(b, Table):
            out += [w for r in b.rows for c in r for w in model_text(c.blocks)]
        elif isinstance(b, CodeBlock):
            out += list(b.lines)
    return out


def recall(want: list[str], got: list[str]) -> tuple[float, list[str]]:
    have, need = Counter(got), Counter(want)
    kept = sum(min(n, have[w]) for w, n in need.items())
    return kept / len(want), sorted((need - have).elements())[:12]


def subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(any(w == h for h in it) for w in needle)


def score(ex: Example, front_title: bool = False) -> Result:
    res = Result(ex)
    want = words(pandoc(ex.markdown, "plain"))
    res.nested = pandoc_depth(json.loads(pandoc(ex.markdown, "json") or "{}"))
    if not want:
        return res
    try:
        front = f"---\ntitle: Example {ex.number}\n---\n" if front_title else ""
        doc = bantin.read((front + ex.markdown).encode("utf-8"), source_format="md", name=f"example-{ex.number:03d}.md",
                          warn=lambda _m: None)
        got_text = bantin.export(doc, "txt", warn=lambda _m: None).decode("utf-8")
    except Exception as e:  # noqa: BLE001 - a failure is a result
        res.recall, res.error = 0.0, f"{type(e).__name__}: {e}"
        return res
    got = words(got_text)
    res.recall, res.missing = recall(want, got)
    if isinstance(doc, bantin.Article):
        held = [doc.title, doc.lede or ""] + model_text(doc.blocks)
        held += [w for note in doc.notes for w in model_text(note.blocks)]
        res.model_recall = recall(want, words(" ".join(held)))[0]
        if res.nested > 1:
            res.in_order_model = subsequence(want, words(" ".join(held)))
    if res.nested > 1 and isinstance(doc, bantin.Article):
        res.kept_nesting = bantin_depth(doc.blocks) >= res.nested
        res.in_order = subsequence(want, got)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("spec", type=Path, help="the CommonMark spec source (spec.txt)")
    ap.add_argument("--threshold", type=float, default=0.9, help="recall an example must reach (default 0.9)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=30, help="examples below the threshold to list")
    ap.add_argument("--json", type=Path, help="write every example's result here")
    ap.add_argument("--front-title", action="store_true", help="give each example a front-matter title")
    a = ap.parse_args()
    exs = examples(a.spec.read_text(encoding="utf-8"))
    with ThreadPoolExecutor(max(1, a.jobs)) as pool:
        results = list(pool.map(lambda ex: score(ex, a.front_title), exs))
    scored = [r for r in results if r.recall is not None]
    low = [r for r in scored if r.recall is not None and r.recall < a.threshold]
    nested = [r for r in scored if r.nested > 1]
    bad_nest = [r for r in nested if not (r.kept_nesting and r.in_order and r.in_order_model)]
    errors = [r for r in scored if r.error]
    mean = sum(r.recall or 0 for r in scored) / max(1, len(scored))
    model_low = [r for r in scored if (r.model_recall or 0) < a.threshold]
    print(f"examples: {len(results)}; with words in pandoc's rendering: {len(scored)}")
    print(f"recall >= {a.threshold}: {len(scored) - len(low)}/{len(scored)}; mean recall {mean:.4f}; "
          f"refused or failed: {len(errors)}")
    print(f"the same, of the words the model holds (no exporter between): "
          f"{len(scored) - len(model_low)}/{len(scored)} at >= {a.threshold}")
    print(f"nested-list examples (pandoc depth >= 2): {len(nested)}; nesting kept: "
          f"{sum(r.kept_nesting for r in nested)}/{len(nested)}; pandoc's word order kept in the model: "
          f"{sum(r.in_order_model for r in nested)}/{len(nested)}, in the text export: "
          f"{sum(r.in_order for r in nested)}/{len(nested)}")
    by_section = Counter(r.example.section for r in low)
    if by_section:
        print("below the threshold by section: " + ", ".join(f"{s} {n}" for s, n in by_section.most_common()))
    for r in sorted(low, key=lambda r: r.recall or 0)[: a.show]:
        why = r.error or f"missing {' '.join(r.missing)}; in the model: {r.model_recall or 0:.2f}"
        print(f"  ex {r.example.number:3d} ({r.example.section}): recall {r.recall:.2f}; {why[:150]}")
    for r in bad_nest[: a.show]:
        print(f"  ex {r.example.number:3d} ({r.example.section}): nesting kept {r.kept_nesting}, "
              f"order kept in the model {r.in_order_model}, in the text export {r.in_order}")
    if a.json:
        rows = [{"example": r.example.number, "section": r.example.section, "recall": r.recall,
                 "model_recall": r.model_recall, "nested": r.nested, "kept_nesting": r.kept_nesting,
                 "in_order": r.in_order, "in_order_model": r.in_order_model, "error": r.error, "missing": r.missing}
                for r in results]
        a.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
