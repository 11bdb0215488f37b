"""The seed article field by field, and every article of ../shared/corpus.

Both read ../shared and are skipped when it is absent; CI has it. The project
never contains the corpus text itself.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from helpers import SEED, assert_in_order, corpus_files, model_words, needs_corpus, needs_seed, words

from bantin.model import Heading, ListBlock, Paragraph, text_of
from bantin.source import read


@needs_seed
def test_seed_structure():
    raw = SEED.read_bytes()
    a = read(raw)
    assert a.title == "Đảng bộ phường Kiến Hưng vững bước vào kỷ nguyên mới"
    assert a.outlet is not None
    assert (a.outlet.code, a.outlet.name) == ("PNTĐ", "Phụ nữ Thủ đô")
    assert a.dateline is not None and a.dateline.time == "Sáng 5/8"
    assert a.date is None
    lines = [line.strip() for line in raw.decode("utf-8").splitlines() if line.strip()]
    assert a.lede == lines[1].removeprefix("(PNTĐ) - ")
    headings = [text_of(b.text) for b in a.blocks if isinstance(b, Heading)]
    assert headings == [
        "Tạo nền tảng phát triển ổn định, bền từ “gốc”",
        "Phát triển thương mại dịch vụ là phù hợp, nhưng cần khơi dậy tinh thần khởi nghiệp của nhân dân",
    ]
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 5
    items = [text_of(i.text) for i in lists[0].items]
    for item, ordinal in zip(items, ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm"], strict=True):
        assert item.startswith(ordinal + ",")
    # Every other non-empty line is a paragraph, in order, with nothing merged.
    rest = [ln for ln in lines[2:] if ln not in headings and ln not in items]
    paragraphs = [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]
    assert paragraphs == rest[: len(paragraphs)]
    assert len(paragraphs) + (1 if a.byline else 0) == len(rest)
    assert [type(b).__name__ for b in a.blocks].count("SectionBreak") == 0


HEADER_KEYS = {"title", "source", "link", "published", "date", "author", "tags", "summary", "content", "n", "a"}


def _source_words(text: str) -> list[str]:
    if text.lstrip("\ufeff\u200b").startswith("Title:"):
        return [w for w in words(text) if w not in HEADER_KEYS]
    return words(text)


_DROPPED = re.compile(r"^dropped [^:]+: “(.*)”$", re.S)


def unglued(text: str) -> str:
    """The text with a space where a crawl glued a word to the next one
    ("AFPÔng", "PhúĐộc"): the reader cuts there, a word pattern cannot."""
    out = []
    for i, c in enumerate(text):
        if i and c.isupper() and text[i - 1].isalpha() and text[i + 1:i + 2].islower():
            out.append(" ")
        out.append(c)
    return "".join(out)


def model_text(a: object) -> str:
    """What ``model_words`` reads, in the same order, before case folding."""
    from bantin.model import Figure, Quote

    parts = [a.title]
    if a.dateline and a.dateline.time and not (a.lede or "").startswith(a.dateline.time):
        parts.append(a.dateline.time)
    if a.dateline and a.dateline.place:
        parts.append(a.dateline.place)
    if a.outlet and a.outlet.code:
        parts.append(a.outlet.code)
    parts.append(a.lede or "")
    for b in a.blocks:
        if isinstance(b, Figure):
            parts += [text_of(b.caption), "Ảnh " + b.credit if b.credit else ""]
        elif isinstance(b, ListBlock):
            parts += [text_of(i.text) for i in b.items]
        elif isinstance(b, Quote):
            parts += [text_of(b.text), b.attribution or ""]
        elif hasattr(b, "text"):
            parts.append(text_of(b.text))
    parts.append(a.byline or "")
    return " ".join(parts)


def without(seq: list[str], part: list[str]) -> list[str]:
    """``seq`` less the first run of ``part``, which must be in it."""
    for i in range(len(seq) - len(part) + 1):
        if seq[i:i + len(part)] == part:
            return seq[:i] + seq[i + len(part):]
    raise AssertionError(f"dropped text not in the source: {' '.join(part)[:80]}")


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_article_reads_without_loss(path):
    """Every word lands in the model, in order, except site furniture and repeated
    sapos, each of which the reader reports as dropped."""
    raw = path.read_bytes()
    heard: list[str] = []
    a = read(raw, warn=heard.append)
    assert a.title.strip(), "empty title"
    text = unicodedata.normalize("NFC", raw.decode("utf-8"))
    dropped = [words(unglued(m.group(1))) for m in map(_DROPPED.match, heard) if m]
    assert model_words(a, with_front=True) == words(model_text(a))
    got = words(unglued(model_text(a))) + words(a.url or "") + words(" ".join(a.tags))
    got += words(unglued(a.outlet.name or "")) if a.outlet else []
    got += words(a.dateline.time or "") if a.dateline else []
    if text.startswith("Title:"):
        # Header blocks put fields in another order: compare as a multiset, except
        # for the summary that scrapers repeat at the start of the content.
        from collections import Counter

        missing = Counter(_source_words(unglued(text))) - Counter(got)
        for part in dropped:
            missing -= Counter(part)
        summary = re.search(r"^Summary:(.*)$", text, re.M)
        missing -= Counter(words(summary.group(1))) if summary else Counter()
        # "Title: … - VnExpress" repeats the Source; the outlet keeps it once.
        source = re.search(r"^Source:(.*)$", text, re.M)
        title = re.search(r"^Title:(.*)$", text, re.M)
        if source and title and title.group(1).strip().endswith("- " + source.group(1).strip()):
            missing -= Counter(words(unglued(source.group(1))))
        assert not missing, f"lost words: {sorted(missing)[:20]}"
    else:
        expected = words(unglued(text))
        for part in dropped:
            expected = without(expected, part)
        if a.outlet and a.outlet.code:
            # The outlet has no place in the reading order: its tag may open the
            # body ("(PLO)- Vài ngày…") yet it is printed with the title.
            code = words(unglued(a.outlet.code))
            front = len(words(unglued(model_text(a).split(a.outlet.code)[0])))
            expected = expected[:front] + code + without(expected[front:], code)
        assert_in_order(expected, unglued(model_text(a)), path.name)
