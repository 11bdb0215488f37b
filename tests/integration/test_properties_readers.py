"""Property tests (hypothesis) for the Markdown, web page, Word and JSON readers.

Two properties, on inputs generated here and in ``generated_inputs`` (front
matter included, a Word file built part by part with ``word_docs``): every reader, on any input, either
converts or fails with one ``BantinError`` line (never another exception); and
where the generator knows the words of the input's text, they reach the text
briefing in order. CI runs the derandomised "ci" profile; run the long one by
hand with ``HYPOTHESIS_PROFILE=long python -m pytest tests/integration/test_properties_readers.py``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import pytest
from generated_inputs import ANY, LINK, SYNTAX, TAGS, VOCABULARY, Made, phrase, word_file
from helpers import assert_in_order, words
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bantin

settings.register_profile("ci", max_examples=25, deadline=None, suppress_health_check=list(HealthCheck),
                          derandomize=True)
settings.register_profile("long", max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def outcome(read: Callable[[], bantin.Document]) -> tuple[bantin.Document | None, str]:
    """The document and its text briefing, or None and the one line it failed with."""
    try:
        doc = read()
        return doc, bantin.export(doc, "txt", warn=lambda _m: None).decode("utf-8")
    except bantin.BantinError as e:
        message = str(e)
        assert message.strip() and "\n" not in message, repr(message)
        assert "internal error" not in message, message
        return None, message


def converts_in_order(made: Made, read: Callable[[], bantin.Document]) -> None:
    doc, text = outcome(read)
    assert doc is not None, text
    assert made.expected is not None
    assert_in_order(made.expected, text, "txt")


# ---------------------------------------------------------------- Markdown


@st.composite
def md_inline(draw: st.DrawFn) -> tuple[str, str]:
    """(Markdown source, the words it shows) for one run of a paragraph."""
    said = draw(phrase(1, 4))
    kind = draw(st.integers(0, 9))
    if kind == 1:
        return f"*{said}*", said
    if kind == 2:
        return f"**{said}**", said
    if kind == 3:
        return f"`{said}`", said
    if kind == 4:
        return f"[{said}]({draw(LINK).replace(' ', '%20') or '#'})", said
    if kind == 5:
        tag = draw(st.sampled_from(["b", "i", "em", "span", "strong", "u"]))
        return f"<{tag}>{said}</{tag}>", said
    if kind == 6:
        return f"<!-- {said} -->", ""
    return said, said


@st.composite
def md_block(draw: st.DrawFn, made: Made, depth: int = 0) -> None:
    kind = draw(st.integers(0, 11 if depth < 3 else 5))
    n = len(made.parts)
    if kind <= 2:
        runs = draw(st.lists(md_inline(), min_size=1, max_size=5))
        made.add(" ".join(src for src, _ in runs) + ".", " ".join(said for _, said in runs))
    elif kind == 3:
        said = f"phần {n} " + draw(phrase())  # a heading that repeats the title is the title, printed once
        made.add(f"{'#' * draw(st.integers(2, 6))} {said}", said)
    elif kind == 4:
        said = draw(phrase())
        made.add(f"```\n{said}\n```", said)
    elif kind == 5:
        said = draw(phrase())
        made.add(f"![{said}](anh.png)", said)
    elif kind == 6:
        ordered = draw(st.booleans())
        items = draw(st.lists(phrase(), min_size=1, max_size=4))
        nested = draw(st.integers(0, 3))
        lines = []
        for n, item in enumerate(items):
            lines.append(f"{n + 1}. {item}" if ordered else f"- {item}")
            made.add("", item)
        for k in range(nested):
            said = draw(phrase())
            lines.append("   " * (k + 1) + f"- {said}")
            made.add("", said)
        made.parts.append("\n".join(lines))
    elif kind == 7:
        inner = Made()
        for _ in range(draw(st.integers(1, 2))):
            draw(md_block(inner, depth + 1))
        quoted = "\n>\n".join("\n".join("> " + line for line in part.splitlines()) for part in inner.parts if part)
        made.parts.append(quoted or "> .")
        if made.expected is not None and inner.expected is not None:
            made.expected += inner.expected
    elif kind == 8:
        cols = draw(st.integers(1, 4))
        rows = draw(st.lists(st.lists(st.sampled_from(VOCABULARY), min_size=cols, max_size=cols), min_size=1,
                             max_size=4))
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * cols]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        made.add("\n".join(lines), " ".join(w for row in rows for w in row))
    elif kind == 9:
        said = draw(phrase())
        tag = draw(st.sampled_from(["div", "p", "section", "blockquote"]))
        made.add(f"<{tag}>{said}</{tag}>", said)
    elif kind == 10:
        made.add(f"<script>var khong = '{draw(phrase())}';</script>")
    else:
        made.add("---")


# Values a field may hold that are dropped with a warning at worst ...
ODD_YAML = st.one_of(phrase(), st.integers().map(str), st.sampled_from([
    "[Một, Hai]", "{a: 1}", "!!binary aGVsbG8=", "yes", "no", ".nan", "-.inf", "null", "~", "2025-02-30", "2025-08-05",
    "2017-02-02 15:22:00", "'9" + "9" * 300 + "'", "0x1F", "|\n  khối\n  văn bản"]))
# ... and values that may refuse the front matter, or the whole file.
YAML_VALUES = st.one_of(ODD_YAML, st.text(ANY, max_size=20).map(json.dumps), st.sampled_from([
    "[chưa đóng", "{", "!!python/object/apply:os.system ['x']", '"\\x00"', "&neo giá", "*neo", "[" * 40 + "]" * 40]))


@st.composite
def front_matter(draw: st.DrawFn, made: Made, plain_title: bool) -> None:
    keys = draw(st.lists(st.sampled_from(["author", "date", "tags", "summary", "outlet", "url", "layout",
                                          "categories", "byline"]), max_size=4, unique=True))
    lines = [f"{k}: {draw(ODD_YAML if plain_title else YAML_VALUES)}" for k in keys]
    title = draw(phrase()) if plain_title else draw(YAML_VALUES)
    if plain_title or draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), f"title: {title}")
    if plain_title:
        made.expected = words(title)  # the title leads the briefing
    made.parts.append("---\n" + "\n".join(lines) + "\n---")
    if not plain_title:
        made.expected = None


@st.composite
def markdown(draw: st.DrawFn, strict: bool) -> Made:
    """A Markdown post. ``strict``: front matter of plain text only, and a title
    the reader finds first, so the words can be checked in order."""
    made = Made()
    if draw(st.booleans()):
        draw(front_matter(made, plain_title=strict))
    else:
        title = draw(phrase())
        made.add(f"# {title}", title)
    for _ in range(draw(st.integers(0, 6))):
        draw(md_block(made))
    return made


@given(markdown(strict=False))
def test_markdown_either_converts_or_fails_in_one_line(made: Made) -> None:
    source = "\n\n".join(made.parts) + "\n"
    outcome(lambda: bantin.read(source.encode(), source_format="md", name="bai.md", warn=lambda _m: None))


@given(markdown(strict=True))
def test_markdown_words_reach_the_text_in_order(made: Made) -> None:
    source = "\n\n".join(made.parts) + "\n"
    converts_in_order(made, lambda: bantin.read(source.encode(), source_format="md", name="bai.md",
                                                warn=lambda _m: None))


@given(st.lists(st.one_of(SYNTAX, ANY), max_size=200).map("".join))
def test_markdown_of_any_characters(source: str) -> None:
    outcome(lambda: bantin.read(source.encode("utf-8", "surrogatepass"), source_format="md", name="bai.md",
                                warn=lambda _m: None))


# ---------------------------------------------------------------- web pages


@st.composite
def html_block(draw: st.DrawFn, made: Made, n: int) -> None:
    kind = draw(st.integers(0, 7))
    # A paragraph of prose (an article's, never a box's), each its own: a page that
    # says the same paragraph twice may well be printed with it once.
    prose = f"mục {n} " + draw(phrase(12, 24))
    if kind <= 2:
        runs = draw(st.lists(md_inline(), min_size=1, max_size=3))
        inline = " ".join(f"<b>{said}</b>" if n % 2 else said for n, (_, said) in enumerate(runs))
        made.add(f"<p>{prose} {inline}.</p>", f"{prose} {' '.join(said for _, said in runs)}")
    elif kind == 3:
        said = f"phần {n} " + draw(phrase(1, 5))  # a subheading that repeats the title is the title, once
        made.add(f"<h2>{said}</h2><p>{prose}.</p>", f"{said} {prose}")
    elif kind == 4:
        items = draw(st.lists(phrase(6, 12), min_size=2, max_size=4))
        tag = draw(st.sampled_from(["ul", "ol"]))
        made.add(f"<p>{prose}:</p><{tag}>" + "".join(f"<li>{i}.</li>" for i in items) + f"</{tag}>",
                 prose + " " + " ".join(items))
    elif kind == 5:
        made.add(f"<blockquote><p>{prose}.</p></blockquote>", prose)
    elif kind == 6:
        made.add(f"<figure><img src='anh.png' alt='x'><figcaption>{draw(phrase(3, 6))}</figcaption></figure>"
                 f"<p>{prose}.</p>", prose)
    else:
        made.add(f"<p>{prose}.</p><script>var a = '<p>{draw(phrase())}</p>';</script>", prose)


@st.composite
def web_page(draw: st.DrawFn) -> Made:
    made = Made()
    title = draw(phrase(3, 8))
    made.add("", title)
    for n in range(draw(st.integers(2, 6))):
        draw(html_block(made, n))
    head = draw(st.sampled_from(['<meta charset="utf-8">', "", '<meta http-equiv="Content-Type" '
                                 'content="text/html; charset=utf-8">']))
    made.parts = [f'<!DOCTYPE html><html lang="vi"><head>{head}<title>{title}</title></head><body><article>'
                  f"<h1>{title}</h1>{''.join(made.parts)}</article></body></html>"]
    return made


@given(web_page())
def test_a_web_page_either_converts_or_fails_in_one_line_and_keeps_its_prose(made: Made) -> None:
    page = made.parts[0].encode()
    doc, text = outcome(lambda: bantin.read(page, source_format="html", name="bai.html", warn=lambda _m: None))
    assert doc is not None, text
    assert made.expected is not None
    assert_in_order(made.expected, text, "txt")


@given(st.lists(st.one_of(TAGS, phrase(), SYNTAX, ANY), max_size=120).map("".join))
def test_tag_soup_either_converts_or_fails_in_one_line(soup: str) -> None:
    outcome(lambda: bantin.read(soup.encode("utf-8", "surrogatepass"), source_format="html", name="bai.html",
                                warn=lambda _m: None))


@given(word_file(hostile=True))
def test_a_word_file_either_converts_or_fails_in_one_line(made_data: tuple[Made, bytes]) -> None:
    _, data = made_data
    outcome(lambda: bantin.read(data, source_format="docx", name="bai.docx", warn=lambda _m: None))


@given(word_file(hostile=False))
def test_word_words_reach_the_text_in_order(made_data: tuple[Made, bytes]) -> None:
    made, data = made_data
    if made.expected is None:
        return
    converts_in_order(made, lambda: bantin.read(data, source_format="docx", name="bai.docx", warn=lambda _m: None))


# ---------------------------------------------------------------- JSON

JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(ANY, max_size=12),
                        phrase())
JSON_KEYS = st.sampled_from(["schema", "title", "blocks", "type", "text", "level", "items", "rows", "lede", "date",
                             "byline", "image", "href", "articles", "caption", "notes", "colspan", "start", "x"])


@given(st.recursive(JSON_LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(JSON_KEYS, inner, max_size=5)),
                    max_leaves=30),
       st.sampled_from(["bantin/article@3", "bantin/article@2", "bantin/article@1", "bantin/briefing@3", "x"]))
def test_json_either_converts_or_fails_in_one_line(value: object, schema: str) -> None:
    doc = {"schema": schema, "title": "Tiêu đề", **value} if isinstance(value, dict) else value
    data = json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
    outcome(lambda: bantin.read(data, source_format="json", warn=lambda _m: None))


pytestmark = pytest.mark.filterwarnings("ignore::bantin.BantinWarning")
