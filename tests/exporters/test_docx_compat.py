"""The DOCX is written in Word 2013's layout (compatibility mode 15), so Word opens
it without "[Compatibility Mode]" and without offering to convert it; LibreOffice
(which reads the same setting) still draws every contents page number, flush right
at the text's edge after its dot leader. The documents are written here, for these
tests, and read back from the package's XML, by LibreOffice and by pandoc."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from helpers import pandoc_plain, soffice_pdf, word_boxes

from bantin import api
from bantin.model import Article, Briefing, Paragraph, plain
from bantin.style.stylesheet import load as load_style

STYLES = ("default", "nd30", "message")
PT_PER_MM = 72 / 25.4


def _p(text: str) -> Paragraph:
    return Paragraph(plain(text))


def _briefing() -> Briefing:
    """Four articles: short titles, a title that wraps in the contents, a title that
    nearly fills a contents line, and one article long enough to span pages (so the
    page numbers are not simply 3, 4, 5, 6)."""
    long = tuple(_p(f"Đoạn {k} của bài dài, " + "nội dung được viết để kéo dài bài qua nhiều trang. " * 12)
                 for k in range(14))
    return Briefing("Bản tin kiểm tra", (
        Article("Bài ngắn mở đầu", blocks=(_p("Một đoạn."),)),
        Article("Một tiêu đề rất dài của bài viết, dài đến mức phải xuống dòng trong mục lục và còn dài "
                "thêm nữa cho chắc chắn", blocks=long),
        Article("Tiêu đề vừa đủ dài để chạm vào cột số trang ở lề phải của trang mục lục", blocks=long[:3]),
        Article("Bài cuối cùng", blocks=(_p("Đoạn kết."),)),
    ))


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode()


def _modes(settings: str) -> list[str]:
    return re.findall(r'<w:compatSetting w:name="compatibilityMode" [^>]*w:val="(\d+)"', settings)


def _style_block(styles_xml: str, style_id: str) -> str:
    found = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles_xml, re.S)
    assert found, style_id
    return found.group(0)


@pytest.mark.parametrize("style", STYLES)
def test_every_docx_is_written_in_word_2013_layout(style):
    single = Article("Một bài", blocks=(_p("Một đoạn."),))
    for doc in (single, _briefing()):
        settings = _part(api.export(doc, "docx", style=style), "word/settings.xml")
        assert _modes(settings) == ["15"], settings  # one setting, Word 2013's: no "Compatibility Mode"


@pytest.mark.parametrize("style", STYLES)
def test_the_contents_tab_stop_lies_inside_its_paragraph(style):
    """In mode 15 LibreOffice drops what follows a tab stop past the paragraph's
    right indent: the contents' right tab must sit at the text's edge with no right
    indent before it. The rule is the contents' alone: the quote keeps its indent."""
    data = api.export(_briefing(), "docx", style=style)
    styles_xml, body = _part(data, "word/styles.xml"), _part(data, "word/document.xml")
    toc = _style_block(styles_xml, "TOC1")
    tabs = re.findall(r'<w:tab w:pos="(\d+)" w:val="right" w:leader="dot"/>', toc)
    page = re.search(r'<w:pgSz w:w="(\d+)"', body)
    margins = re.search(r'<w:pgMar [^>]*w:right="(\d+)"[^>]*w:left="(\d+)"', body)
    assert tabs and page and margins
    width = int(page.group(1)) - int(margins.group(1)) - int(margins.group(2))
    right = re.search(r'<w:ind [^>]*w:right="(-?\d+)"', toc)
    assert abs(int(tabs[0]) - width) <= 2  # at the text's edge, within rounding to twips
    assert int(tabs[0]) <= width - (int(right.group(1)) if right else 0)
    quote = re.search(r'<w:ind [^>]*w:right="(\d+)"', _style_block(styles_xml, "Quote"))
    assert quote and int(quote.group(1)) > 0


def _pages(pdf: Path) -> list[list[list[tuple[float, float, str]]]]:
    """Each page's lines, top to bottom, their words as (left, right, word)."""
    rows: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for page, x0, y0, x1, word in word_boxes(pdf):
        rows.setdefault((page, round(y0)), []).append((x0, x1, word))
    pages: list[list[list[tuple[float, float, str]]]] = []
    for (page, _), words in sorted(rows.items()):
        pages.extend([] for _ in range(page + 1 - len(pages)))
        pages[page].append(sorted(words))
    return pages


def _entry_numbers(lines: list[list[tuple[float, float, str]]]) -> list[tuple[int, float]]:
    """(number, its right edge in points) of every line that ends in a dot leader
    and a number, whether poppler boxes the two as one word or two."""
    found = []
    for line in lines:
        last = line[-1][2]
        m = re.search(r"\.(\d+)$", last)
        if m is None and len(line) > 1 and line[-2][2].endswith("."):
            m = re.fullmatch(r"(\d+)", last)
        if m:
            found.append((int(m.group(1)), line[-1][1]))
    return found


def _text_edge(style: str) -> float:
    """The right edge of the text, in points from the page's left edge."""
    page = load_style(style).page
    return (page.size_mm[0] - page.margin_right) * PT_PER_MM


@pytest.mark.slow
@pytest.mark.parametrize("style", ["default", "nd30"])
def test_libreoffice_draws_every_contents_number_flush_right_in_mode_15(tmp_path, style):
    b = _briefing()
    src = tmp_path / "b.docx"
    data = api.export(b, "docx", style=style)
    src.write_bytes(data)
    assert _modes(_part(data, "word/settings.xml")) == ["15"]
    pdf = soffice_pdf(src, tmp_path)
    pages = _pages(pdf)
    edge = _text_edge(style)
    numbers = _entry_numbers(pages[1])
    # Every article's number, after its dot leader, in order, each ending at the text's edge.
    assert len(numbers) == len(b.articles), pages[1]
    for n, right in numbers:
        assert abs(right - edge) < 1.5, (n, right, edge)
    # Each number is the page its article's title lands on.
    text = [" ".join(w for line in p for _, _, w in line) for p in pages]
    for a, (n, _) in zip(b.articles, numbers, strict=True):
        land = next(i + 1 for i in range(2, len(text)) if f" {a.title} " in f" {text[i]} ")
        assert n == land, (a.title, n, land)
    assert numbers[3][0] > numbers[2][0] > numbers[1][0] + 1  # the long article spans pages
    # The long title wraps: the contents take more lines, all at the entries' left
    # edge (the running header and the footer are centred), than they have entries.
    left = next(line[0][0] for line in pages[1] if line[0][2] == b.articles[0].title.split()[0])
    assert len([line for line in pages[1] if abs(line[0][0] - left) < 1]) > len(b.articles)
    # pandoc reads the same file: every title, then every number, in the contents.
    plain_text = " ".join(pandoc_plain(src, "docx").split())
    for a, (n, _) in zip(b.articles, numbers, strict=True):
        assert f"{a.title}{n}" in plain_text or f"{a.title} {n}" in plain_text, (a.title, plain_text[:800])


@pytest.mark.slow
@pytest.mark.parametrize("style", ["default", "nd30"])
def test_no_title_length_costs_a_contents_entry_its_number(tmp_path, style):
    """Titles one letter longer each, across the length at which the title meets the
    number: however much room the leader is left, LibreOffice draws every number,
    flush right at the text's edge (on the next line when the title fills its own)."""
    stem = "Tiêu đề vừa đủ dài để chạm vào cột số trang ở lề phải của trang mục"
    arts = tuple(Article(f"{stem} {'l' * k}ạ", blocks=(_p("Một đoạn."),)) for k in range(24))
    src = tmp_path / "s.docx"
    src.write_bytes(api.export(Briefing("Bản tin", arts), "docx", style=style))
    edge = _text_edge(style)
    lines = _pages(soffice_pdf(src, tmp_path))[1]
    flush = [line[-1] for line in lines if abs(line[-1][1] - edge) < 1.5]
    numbers = [int(m.group(1)) for _, _, w in flush if (m := re.search(r"(\d+)$", w))]
    assert numbers == list(range(3, 3 + len(arts))), [w for _, _, w in flush]
