"""Property tests (hypothesis) for the readers, the typography and every exporter.

CI runs the short "ci" profile; run the long one by hand with
``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py``.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from helpers import assert_in_order, epubcheck, model_words, require, run, words
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

import bantin

settings.register_profile("ci", max_examples=25, deadline=None, suppress_health_check=list(HealthCheck),
                          derandomize=True)
settings.register_profile("long", max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ"
PUNCT = " .,;:!?-–—'\"“”‘’()[]…/%&<>"
# Any character at all, surrogates and controls included: readers and writers
# must neither crash nor write what XML or a terminal cannot take.
ANY = st.characters(codec=None, exclude_categories=())
PRINTABLE = st.sampled_from(list(VIETNAMESE + VIETNAMESE.upper() + "0123456789" + PUNCT + "漢喃★■🎉\u00a0"))
LATIN = st.sampled_from(list(VIETNAMESE + VIETNAMESE.upper() + "0123456789" + PUNCT))


def lines(chars: st.SearchStrategy[str], min_lines: int = 1) -> st.SearchStrategy[str]:
    line = st.text(chars, min_size=0, max_size=60)
    return st.lists(line, min_size=min_lines, max_size=8).map("\n".join)


def spans(chars: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[bantin.Span, ...]]:
    span = st.builds(bantin.Span, st.text(chars, max_size=30), st.booleans(), st.booleans())
    return st.lists(span, max_size=4).map(tuple)


def blocks(chars: st.SearchStrategy[str]) -> st.SearchStrategy[bantin.Block]:
    text = st.text(chars, max_size=40)
    return st.one_of(
        st.builds(bantin.Paragraph, spans(chars)),
        st.builds(bantin.Heading, spans(chars), st.integers(1, 6)),
        st.builds(bantin.ListBlock, st.lists(spans(chars), max_size=4).map(tuple), st.booleans(), st.booleans()),
        st.builds(bantin.Quote, spans(chars), st.one_of(st.none(), text)),
        st.builds(bantin.Caption, spans(chars), st.one_of(st.none(), text)),
        st.just(bantin.SectionBreak()),
    )


def articles(chars: st.SearchStrategy[str]) -> st.SearchStrategy[bantin.Article]:
    opt = st.one_of(st.none(), st.text(chars, max_size=40))
    return st.builds(
        bantin.Article,
        title=st.text(chars, min_size=1, max_size=60).filter(lambda t: any(c.isalnum() for c in t)),
        lede=opt,
        outlet=st.one_of(st.none(), st.builds(bantin.Outlet, opt, opt)),
        dateline=st.one_of(st.none(), st.builds(bantin.Dateline, opt, opt)),
        date=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()).filter(lambda d: not d.startswith("0"))),
        byline=opt,
        blocks=st.lists(blocks(chars), max_size=6).map(tuple),
        url=opt,
        tags=st.lists(st.text(chars, max_size=12), max_size=3).map(tuple),
    )


def documents(chars: st.SearchStrategy[str]) -> st.SearchStrategy[bantin.Document]:
    briefing = st.builds(bantin.Briefing, title=st.text(chars, min_size=1, max_size=40).filter(
        lambda t: any(c.isalnum() for c in t)), articles=st.lists(articles(chars), min_size=1, max_size=3).map(tuple),
        issuer=st.one_of(st.none(), st.text(chars, max_size=30)))
    return st.one_of(articles(chars), briefing)


def typeset(doc: bantin.Document) -> bantin.Document:
    """What read() gives: the document after sanitising, dates and typography."""
    from bantin.prepare import prepare

    return prepare(doc, bantin.load_style("default"))


def xml_parts(data: bytes) -> None:
    """Every XML part of a DOCX or EPUB parses as strict XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".xhtml", ".opf", ".ncx", ".rels")):
                etree.fromstring(z.read(name), etree.XMLParser(resolve_entities=False, recover=False))


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The run elements that stand for a character, as Word and pandoc read them: the
# typeset "0‑0" is "0", w:noBreakHyphen, "0" (read as "00" if only w:t counted).
_DOCX_MARKS = {f"{W}noBreakHyphen": "\u2011", f"{W}tab": "\t", f"{W}br": "\n"}
_DOCX_TEXT = (f"{W}t", *_DOCX_MARKS)
INLINE = {"strong", "em", "b", "i", "a", "span", "sup", "sub"}


def zip_words(data: bytes, fmt: str) -> str:
    """The text of a DOCX or EPUB as a reader sees it: runs and inline elements
    join without a space, paragraphs and blocks are separate lines."""
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if fmt == "docx":
            root = etree.fromstring(z.read("word/document.xml"))
            for p in root.iter(f"{W}p"):
                out.append("".join(_DOCX_MARKS.get(el.tag, el.text or "") for el in p.iter(*_DOCX_TEXT)))
            return "\n".join(out)
        for name in sorted(n for n in z.namelist() if n.endswith(".xhtml") and not n.endswith("nav.xhtml")):
            root = etree.fromstring(z.read(name))
            body = root.find("{http://www.w3.org/1999/xhtml}body")

            def walk(el: etree._Element) -> None:
                local = etree.QName(el).localname
                if local not in INLINE:
                    out.append("\n")
                out.append(el.text or "")
                for child in el:
                    walk(child)
                    out.append(child.tail or "")

            walk(body)
    return "".join(out)


# ---------------------------------------------------------------- readers


@given(lines(ANY))
def test_reader_never_crashes(text):
    try:
        bantin.read(text.encode("utf-8", "surrogatepass"))
    except bantin.InputError:
        pass


@given(lines(PRINTABLE))
def test_reader_keeps_every_word_in_order(text):
    try:
        doc = bantin.read(text)
    except bantin.InputError:
        assert not any(c.isalnum() for c in text)
        return
    expected = words(unicodedata.normalize("NFC", text))
    assert_in_order(expected, " ".join(model_words(doc, with_front=True) + words(doc.title)), "model")


# ---------------------------------------------------------------- typography


@given(st.text(st.one_of(PRINTABLE, ANY), max_size=40), st.sampled_from(["keep", "old", "new"]))
def test_typography_is_idempotent(text, tone):
    from bantin.typography import pipeline

    run = pipeline({}, tone)
    once = run(text).strip()
    assert run(once).strip() == once


@given(documents(ANY))
def test_prepare_is_idempotent_and_json_stable(doc):
    once = typeset(doc)
    assert typeset(once) == once
    data = bantin.export(once, "json")
    again = bantin.read(data, source_format="json")
    assert again == once
    assert bantin.export(again, "json") == data


# ---------------------------------------------------------------- exporters


@given(documents(ANY))
@example(doc=bantin.Article("0-0"))  # a hyphen between digits, typeset as a non-breaking one
def test_every_exporter_on_any_document(doc):
    doc = typeset(doc)
    expected = model_words(doc)
    for fmt in ("txt", "docx", "epub"):
        data = bantin.export(doc, fmt, warn=lambda _m: None)
        if fmt == "txt":
            text = data.decode("utf-8")
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
        else:
            xml_parts(data)
            text = zip_words(data, fmt)
        assert_in_order(expected, text, fmt)


@given(doc=documents(LATIN))
def test_pdf_carries_every_word(doc, tmp_path_factory):
    doc = typeset(doc)
    out = tmp_path_factory.mktemp("pdf") / "a.pdf"
    out.write_bytes(bantin.export(doc, "pdf", warn=lambda _m: None))
    # -raw: the content stream's order, with no joining of a line that ends in "-"
    # to the next (a generated title "1-" would read as "1Từ khóa").
    text = run([require("pdftotext"), "-raw", "-enc", "UTF-8", str(out), "-"]).stdout
    assert_in_order(model_words(doc), text, "pdf")


@pytest.mark.slow
def test_epubcheck_on_generated_documents(tmp_path):
    """A sample of generated documents, any characters, through epubcheck."""
    found: list[bantin.Document] = []

    @settings(max_examples=3, database=None)
    @given(documents(ANY))
    def collect(doc):
        found.append(typeset(doc))

    collect()
    for n, doc in enumerate(found):
        path = Path(tmp_path, f"g{n}.epub")
        path.write_bytes(bantin.export(doc, "epub", warn=lambda _m: None))
        report = epubcheck(path)
        assert "0 fatals / 0 errors / 0 warnings" in report or "No errors or warnings" in report, report[-2000:]


pytestmark = pytest.mark.filterwarnings("ignore::bantin.BantinWarning")
