"""The web reader over the real saved pages of ../shared/eval/fidelity, when that
folder is here (skipped otherwise): no body text that trafilatura finds is lost,
and every category page is refused. The pages and their annotations are read
where they are, never copied into the project."""

from __future__ import annotations

import collections
import importlib.util
import json
from types import ModuleType

import pytest
from helpers import SHARED

import bantin as api
from bantin.errors import InputError
from bantin.model.serialize import dumps

FIDELITY = SHARED / "eval" / "fidelity"
GOLD = FIDELITY / "gold" / "web"
INPUTS = FIDELITY / "inputs" / "web"
needs_fixtures = pytest.mark.skipif(not (GOLD.is_dir() and INPUTS.is_dir()),
                                    reason="../shared/eval/fidelity is not here")


def _golds(kind: str) -> list[dict[str, object]]:
    if not GOLD.is_dir():
        return []
    found = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    return [g for g in found if g.get("kind", "article") == kind and (INPUTS / str(g["file"])).is_file()]


def _fidelity() -> ModuleType:
    """The yardstick's own text functions (standard library only), so that words are
    counted exactly as it counts them."""
    spec = importlib.util.spec_from_file_location("fidelity", FIDELITY / "fidelity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _span(f: ModuleType, tokens: list[str], gold: dict[str, object]) -> list[str]:
    """trafilatura's words between the article's first and last body words, with
    the title, the sapo, captions and boilerplate strings taken out."""
    firsts = [a for a in f.alts(gold.get("first_body_words")) if a]
    lasts = [a for a in f.alts(gold.get("last_body_words")) if a]
    start = min([i for i in (f.find_seq(tokens, f.tokens(a)) for a in firsts) if i >= 0], default=0)
    ends = [i + len(f.tokens(a)) for a in lasts for i in [f.find_seq(tokens, f.tokens(a), start)] if i >= 0]
    span = tokens[start:max(ends, default=len(tokens))]
    drop = [False] * len(span)
    needles = [*(gold.get("captions") or []), *(gold.get("captions_optional") or []),
               *(gold.get("must_not_appear") or []), *[t for t in f.alts(gold.get("title")) if t][:1],
               *[t for t in f.alts(gold.get("lede")) if t][:1]]
    for needle in needles:
        t = f.tokens(needle)
        i = f.find_seq(span, t)
        while i >= 0:
            drop[i:i + len(t)] = [True] * len(t)
            i = f.find_seq(span, t, i + len(t))
    return [w for w, d in zip(span, drop, strict=True) if not d]


@needs_fixtures
@pytest.mark.parametrize("gold", _golds("article"), ids=lambda g: str(g["file"]))
def test_no_body_text_trafilatura_finds_is_lost(gold):
    import trafilatura

    f = _fidelity()
    path = INPUTS / str(gold["file"])
    found = trafilatura.extract(path.read_bytes().decode("utf-8", "replace")) or ""
    reference = collections.Counter(_span(f, f.tokens(found), gold))
    doc = json.loads(dumps(api.read(path, warn=lambda _: None)))
    ours = collections.Counter(w for kind, text in f.body_units(doc) if kind != "figure" for w in f.tokens(text))
    recall = sum((reference & ours).values()) / max(1, sum(reference.values()))
    assert recall >= 0.98, (recall, list((reference - ours).elements())[:30])


@needs_fixtures
@pytest.mark.parametrize("gold", _golds("not-article"), ids=lambda g: str(g["file"]))
def test_every_category_page_is_refused(gold):
    with pytest.raises(InputError, match=r"^not an article page \(\d+ links, \d+ words\)$"):
        api.read(INPUTS / str(gold["file"]), warn=lambda _: None)



