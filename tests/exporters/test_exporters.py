"""Every built-in exporter on odd documents: nothing crashes, nothing is lost."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from helpers import FRAGMENTS

from bantin.exporters import RenderContext, registry
from bantin.model import Article, Briefing, Paragraph, Span
from bantin.prepare import prepare
from bantin.source import read
from bantin.style.stylesheet import load

ODD = [
    Article(title="Chỉ tiêu đề"),
    Article(title="Sapo rỗng", lede="", blocks=(Paragraph(()),)),
    Article(title="Ký tự lạ 🎉 中文 \u0301 ]]> <script>",
            blocks=(Paragraph((Span("&amp; <b>", em=True, strong=True),)),)),
    Briefing(title="Bản tin rỗng", articles=(Article(title="Một bài"),)),
]


def random_docs(n: int) -> list:
    rng = random.Random(7)
    docs = []
    while len(docs) < n:
        text = "\n".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 10)))
        if text.strip():
            docs.append(read(text.encode("utf-8")))
    return docs


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub", "txt", "json"])
def test_odd_and_random_documents(fmt):
    style = load("default")
    exporter = registry()[fmt]
    for doc in ODD + random_docs(25):
        warnings: list[str] = []
        data = exporter.render(prepare(doc, style), RenderContext(style, warnings.append))
        assert data
        if fmt in ("docx", "epub"):
            assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        if fmt == "pdf":
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
