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


def test_a_long_briefings_subject_names_its_first_titles_and_counts_the_rest():
    from bantin.exporters.labels import SUBJECT_CHARS, doc_subject

    titles = [f"Tin số {n}: tỉnh triển khai kế hoạch phát triển kinh tế năm 2026" for n in range(1, 57)]
    subject = doc_subject(Briefing("Điểm báo", tuple(Article(t) for t in titles)))
    shown = subject.split("; ")[:-1]
    assert shown == titles[:len(shown)] and subject.endswith(f"; và {56 - len(shown)} bài khác")
    assert len("; ".join(shown)) <= SUBJECT_CHARS < len("; ".join(titles[:len(shown) + 1]))
    assert doc_subject(Briefing("Điểm báo", tuple(Article(t) for t in titles[:2]))) == "; ".join(titles[:2])


def test_metadata_fields_are_plain_text(tmp_path):
    """Title, author and subject go to catalogues, search indexes and a viewer's
    title bar: the typography's no-break spaces and hyphens are written plain
    there (the body keeps them), in the PDF's Info, the DOCX core properties and
    the EPUB's Dublin Core."""
    import subprocess

    from bantin import api

    a = Article(title="Nhiệm kỳ 2025\u20112030 có 179\u00a0đại biểu", byline="Thu\u00a0Hà",
                lede="Sáng 5/8, đại hội nhiệm kỳ 2025\u20112030 khai mạc với 179\u00a0đại biểu.",
                blocks=(Paragraph((Span("Nội dung."),)),))
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(api.export(a, "pdf"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Nhiệm kỳ 2025-2030 có 179 đại biểu\n" in info
    assert "Subject:         Sáng 5/8, đại hội nhiệm kỳ 2025-2030 khai mạc với 179 đại biểu." in info
    assert "Author:          Thu Hà\n" in info
    with zipfile.ZipFile(io.BytesIO(api.export(a, "docx"))) as z:
        core = z.read("docProps/core.xml").decode()
    with zipfile.ZipFile(io.BytesIO(api.export(a, "epub"))) as z:
        opf = z.read("EPUB/content.opf").decode()
    for xml in (core, opf):
        assert "Nhiệm kỳ 2025-2030 có 179 đại biểu<" in xml and "Thu Hà<" in xml
        assert not {"\u00a0", "\u2011", "\u202f"} & set(xml)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub", "txt"])
def test_bundle_cover_counts_its_articles(fmt, tmp_path):
    """Every format's cover says how many articles the bundle holds ("2 bài"): the
    text's cover left it out, where the PDF, DOCX and EPUB print it."""
    from helpers import read_back

    doc = prepare(Briefing(title="Bản tin sáng", articles=(Article(title="Tin một"), Article(title="Tin hai"))),
                  load("default"))
    out = tmp_path / f"b.{fmt}"
    out.write_bytes(registry()[fmt].render(doc, RenderContext(style=load("default"))))
    text = read_back(out)
    assert "2 bài" in text.split("Tin một")[0], text[:300]
