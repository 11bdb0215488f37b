"""Print typography for Vietnamese readers in the PDF (issue 27): headlines that
never break inside a word, justified text that stays justified, addresses that
never pass the margin, Nghị định 30's header to the letter, page flow, embedded
fonts only, plain outline titles. Documents are written for the tests; the corpus
sweeps skip when ../shared/corpus is not here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    CORPUS,
    SEED,
    bantin,
    body_space,
    digest_articles,
    gaps,
    pandoc_plain,
    pdffonts,
    pdftotext,
    require,
    run,
    word_lines,
)

from bantin import api
from bantin.exporters.pdf import breaks
from bantin.model import Article, Briefing, ListBlock, ListItem, Paragraph, Span, plain
from bantin.typography.words import join

HEADLINES = ("title", "h1", "h2", "h3", "cover_title", "entry_title", "digest_title", "group")


@contextmanager
def headline_lines() -> Iterator[list[list[str]]]:
    """The lines of every headline drawn while inside, as reportlab broke them
    (the last layout pass of a document only)."""
    from bantin.exporters.pdf import flowables

    found: list[list[str]] = []
    draw = flowables.Marked.draw
    canvases: list[int] = []

    def recording(self: Any) -> None:
        if not canvases or canvases[-1] != id(self.canv):  # a new pass of a briefing's build
            canvases.append(id(self.canv))
            found.clear()
        if self.style.name.split("@")[0].split("-")[0] in HEADLINES:
            bl = self.blPara
            lines = ([" ".join(ws) for _, ws in bl.lines] if bl.kind == 0 else
                     ["".join(getattr(f, "text", "") for f in line.words) for line in bl.lines])
            found.append(Lines(lines, self.getPlainText()))
        draw(self)

    flowables.Marked.draw = recording  # type: ignore[method-assign]
    try:
        yield found
    finally:
        flowables.Marked.draw = draw  # type: ignore[method-assign]


class Lines(list[str]):
    """A headline's lines as drawn, with the headline's own text: a break that cuts
    a syllable ("Xu" / "ân") looks like a word end once the lines are joined."""

    def __init__(self, lines: list[str], source: str) -> None:
        super().__init__(lines)
        self.source = source


def splits(lines: list[str]) -> list[str]:
    """Each break that falls inside a word (as ``typography.words`` segments the
    headline) or inside a syllable of the headline's own text."""
    source = getattr(lines, "source", None)
    text = " ".join((source or " ".join(lines)).replace("\u00a0", " ").split())
    groups = join(text).split(" ")
    # Where each group ends, counted in characters that are not spaces: a line
    # ends after as many of them as it holds, whatever spaces it was drawn with.
    ends, at = set(), 0
    for g in groups:
        at += len(g.replace("\u00a0", ""))
        ends.add(at)
    out, at = [], 0
    for line in lines[:-1]:
        at += len("".join(line.split()))
        if at not in ends:
            out.append(f"{line} | …")
    return out


TITLES = [
    "Vietnam Airlines có Chủ tịch và Tổng Giám đốc mới sau đại hội cổ đông thường niên",
    "Hội nông dân toàn quốc hoàn thành kế hoạch tiêu thụ lúa cho bà con vùng lũ",
    "Mỹ và Nhật thử nghiệm thành công tên lửa đánh chặn trên biển",
    "Phát động giải báo chí toàn quốc về xây dựng Đảng năm nay",
    # a bound name as wide as the measure: reportlab cut it inside "Xuân"
    "Ý kiến về việc in lại sách “Madam Nhu Trần Lệ Xuân – Quyền lực bà Rồng”",
]


@pytest.mark.parametrize("title", TITLES)
def test_a_balanced_title_breaks_between_words_only(title):
    with headline_lines() as found:
        for size in (18, 24, 30):  # several measures: the breaks fall in different places
            doc = Article(title, blocks=(Paragraph(plain("Thân bài.")),))
            api.export(doc, "pdf", style=_sized(size))
            assert any(len(x) > 1 for x in found), "the title fits one line: the test shows nothing"
            assert not [s for lines in found for s in splits(lines)], found
            found.clear()


def _sized(size: int) -> Any:
    from dataclasses import replace

    from bantin.style.stylesheet import load

    style = load("default")
    return replace(style, text=replace(style.text, title_size=size))


def _corpus_docs() -> list[Any]:
    files = sorted((CORPUS / "real").glob("*.txt")) + ([SEED] if SEED.is_file() else [])
    return [api.read(f) for f in files]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_no_headline_of_the_corpus_or_a_bundle_breaks_inside_a_word(capsys):
    docs = _corpus_docs()
    bundle = Briefing("Bản tin tổng hợp", tuple(docs[:52:4]), "2025-08-05")
    assert len(bundle.articles) == 13
    listed, bad = 0, []
    for doc in (*docs, bundle):
        with headline_lines() as found:
            api.export(doc, "pdf")
            for lines in found:
                if len(lines) > 1:
                    listed += len(lines) - 1
                    print(" | ".join(lines))  # the breaks found, for the record (pytest -s)
                    bad += splits(lines)
    assert listed >= 40, "too few broken headlines to judge"
    assert not bad, bad


@contextmanager
def flush_left_lines() -> Iterator[list[int]]:
    """How many justified lines ``Marked`` sets flush left, counted when drawn."""
    from bantin.exporters.pdf import flowables

    count = [0]
    unstretch, draw = flowables.Marked._unstretch, flowables.Marked.draw

    def counting(self: Any) -> None:
        bl = self.blPara
        before = [x[0] if bl.kind == 0 else x.extraSpace for x in bl.lines]
        unstretch(self)
        # Flush left: the line's extra room dropped to nothing (a letter-spaced
        # line keeps part of it, ``pdf.tracking``).
        self._flushed = sum(1 for b, x in zip(before, bl.lines, strict=True)
                            if b and not (x[0] if bl.kind == 0 else x.extraSpace))

    def drawing(self: Any) -> None:
        count[0] += getattr(self, "_flushed", 0)
        draw(self)

    flowables.Marked._unstretch, flowables.Marked.draw = counting, drawing  # type: ignore[method-assign]
    try:
        yield count
    finally:
        flowables.Marked._unstretch, flowables.Marked.draw = unstretch, draw  # type: ignore[method-assign]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_justified_text_stays_justified_over_the_corpus():
    """At most one line set flush left per 20 pages (the escape for a line that
    cannot justify): the typography binds only short groups, paragraphs with a
    loose line are broken again as a whole."""
    pages = 0
    with flush_left_lines() as count:
        for doc in _corpus_docs():
            data = api.export(doc, "pdf", epoch=0)
            pages += len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages > 60
    assert count[0] * 20 <= pages, (count[0], pages)


def test_a_line_its_spaces_cannot_fill_shares_the_room_with_its_letters(tmp_path):
    """A line before a long word that cannot come up would need spaces past twice
    the normal: its letters take part of the room (at most 3% of an em each), the
    line still ends on the margin, no gap seen passes twice the word space, and
    every word reads back."""
    from pypdf import PdfReader

    text = ("trên khắp các châu lục, trong đó có bộ phim tài liệu mang tên “Herzschlagmelodie” (Bundesrepublik).")
    pdf = tmp_path / "tracked.pdf"
    pdf.write_bytes(api.export(Article("Tiêu đề", blocks=(Paragraph(plain(text)),)), "pdf"))
    size, normal = body_space()
    spacings = [float(x) for x in re.findall(rb"([\d.]+) Tc", PdfReader(pdf).pages[0].get_contents().get_data())]
    assert any(spacings) and max(spacings) <= 0.03 * size + 1e-6, spacings
    body = word_lines(pdf)[1:-1]  # less the title and the folio
    right = 595.28 - 20 * 72 / 25.4
    assert len(body) == 2 and abs(body[0][-1][1] - right) < 0.5, body  # the first line is justified
    assert max(gaps(body[0])) <= 2.0 * normal + 0.05, (gaps(body[0]), normal)
    assert " ".join(w for ws in body for _, _, w in ws) == text


def test_the_author_is_the_byline_not_the_outlet():
    import io

    from pypdf import PdfReader

    from bantin.model import Outlet

    doc = Article("Tiêu đề", byline="Thu Hà", outlet=Outlet(name="Báo Mẫu"), blocks=(Paragraph(plain("Một đoạn.")),))
    assert PdfReader(io.BytesIO(api.export(doc, "pdf"))).metadata.author == "Thu Hà"


def test_a_long_address_never_passes_the_right_margin(tmp_path):
    url = ("https://bao-vi-du.example.vn/kinh-te/chinh-sach-ho-tro-nong-dan-dong-bang-song-cuu-long-chuyen-doi-"
           "cay-trong-vat-nuoi-thich-ung-bien-doi-khi-hau-giai-doan-moi-nam-2025-va-dinh-huong-post1234567.html")
    url = url[:190]
    long_segment = "https://vi-du.example.vn/" + "x" * 120 + "/het"
    doc = Article("Địa chỉ dài", blocks=(
        Paragraph((Span("Chi tiết xem tại "), Span(url, href=url), Span(" và các bài cùng chuyên mục."))),
        Paragraph((Span("Một đoạn "), Span(long_segment, href=long_segment), Span(" hết."))),
        ListBlock((ListItem((Paragraph((Span("Mục có địa chỉ "), Span(url, href=url))),)),)),
    ))
    pdf = tmp_path / "url.pdf"
    pdf.write_bytes(api.export(doc, "pdf"))
    html = run([require("pdftotext"), "-bbox", str(pdf), "-"]).stdout
    right = 595.28 - 20 * 72 / 25.4  # the default style's right margin
    past = [w for x1, w in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', html) if float(x1) > right + 0.5]
    assert not past, past
    text = run([require("pdftotext"), "-raw", str(pdf), "-"]).stdout
    # Broken before a hyphen (never after one: no reader or extractor takes it for a
    # hyphenation), so the address comes back whole when the lines are joined.
    assert url in text.replace("\n", "")
    assert long_segment in text.replace("\n", "")


def _runs(pdf: Path) -> list[tuple[str, float, str]]:
    """(text, size in points, font) of every text run on the first page."""
    from pypdf import PdfReader

    runs: list[tuple[str, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():  # trimmed of spaces and line ends, not of the blanks' no-break spaces
            runs.append((text.strip(" \n"), round(size * tm[3] * cm[3], 2), str((font or {}).get("/BaseFont", ""))))

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return runs


def _rules(pdf: Path) -> list[tuple[float, float, float]]:
    """(x0, x1, y) of each horizontal line drawn on the first page."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(pdf)
    ctm, stack, start, out = [1.0, 0, 0, 1.0, 0, 0], [], None, []
    for operands, op in ContentStream(reader.pages[0].get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm[:])
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            a, b, c, d, e, f = (float(x) for x in operands)
            ctm = [a * ctm[0], 0, 0, d * ctm[3], e * ctm[0] + ctm[4], f * ctm[3] + ctm[5]]
        elif op == b"m":
            start = [float(x) for x in operands]
        elif op == b"l" and start is not None:
            x, y = (float(v) for v in operands)
            if abs(y - start[1]) < 0.01:
                out.append((start[0] * ctm[0] + ctm[4], x * ctm[0] + ctm[4], y * ctm[3] + ctm[5]))
    return out


def test_nd30_header_for_a_single_document_at_the_decree_sizes(tmp_path):
    src = tmp_path / "cong-van.txt"
    src.write_text("Báo cáo kết quả công tác tháng tám\nSở báo cáo kết quả công tác như sau.\n"
                   "Thứ nhất, hoàn thành kế hoạch gieo cấy lúa hè thu.\n", encoding="utf-8")
    r = bantin("export", "-f", "pdf", "--style", "nd30", "-M", "issuer=Sở Nông nghiệp", "-M", "number=12/BC-SNN",
               "-M", "place=Đồng Tháp", "-M", "date=2025-08-05", "-o", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    pdf = tmp_path / "cong-van.pdf"
    runs = _runs(pdf)

    def run_of(text: str) -> tuple[str, float, str]:
        return next(x for x in runs if x[0] == text)

    nation, motto = run_of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), run_of("Độc lập - Tự do - Hạnh phúc")
    number, when = run_of("Số: 12/BC-SNN"), run_of("Đồng Tháp, ngày 05 tháng 8 năm 2025")
    issuer, title = run_of("SỞ NÔNG NGHIỆP"), run_of("Báo cáo kết quả công tác tháng tám")
    assert 12 <= nation[1] <= 13 and "Bold" in nation[2]
    assert 12 <= issuer[1] <= 13 and "Bold" in issuer[2]
    assert 13 <= motto[1] <= 14 and "Bold" in motto[2]
    assert number[1] == 13
    assert 13 <= when[1] <= 14 and "Italic" in when[2]
    assert 13 <= title[1] <= 14 and "Bold" in title[2]
    assert "ngày 05 tháng 8 năm 2025" not in [x[0] for x in runs]  # the masthead does not repeat the date
    # The rule under the motto clears its descenders ("lập", "phúc"): below the
    # motto's baseline by more than the face's descent (0.22 em).
    html = run([require("pdftotext"), "-bbox", str(pdf), "-"]).stdout
    base = next(float(y1) for y1 in re.findall(r'yMax="([\d.]+)">phúc<', html))  # top-down, descent included
    page_height = 841.89
    under = [y for x0, x1, y in _rules(pdf) if x0 > 250]
    assert under and page_height - under[0] > base + 1, (under, base)


def test_nd30_digest_title_stands_over_its_line_and_apart_from_the_header(tmp_path):
    """Under the header block a review's title is 14 pt (not smaller than the 13 pt
    line under it), kept 8 mm from the block as in the DOCX, and that line gives the
    number of articles only: the block names the issuer and the date already."""
    src = tmp_path / "a.txt"
    src.write_text("Giá lúa tăng\nGiá lúa hè thu tăng mạnh.\nNông dân phấn khởi vì giá lúa tăng.\n", encoding="utf-8")
    r = bantin("export", "-f", "pdf,docx", "--style", "nd30", "--digest", "--bundle", "Điểm báo ngày 5/8",
               "-M", "issuer=Văn phòng UBND tỉnh", "-M", "place=Quảng Nam", "-M", "date=2025-08-05",
               "-o", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    pdf = tmp_path / "diem-bao-ngay-5-8.pdf"
    runs = _runs(pdf)
    title = next(x for x in runs if x[0] == "Điểm báo ngày 5/8")
    meta = next(x for x in runs if x[0] == "1 bài")
    assert title[1] == 14 and "Bold" in title[2] and meta[1] < title[1]
    assert not any("UBND" in x[0] and "bài" in x[0] for x in runs)  # no "ngày … · Văn phòng … · 1 bài"
    html = run([require("pdftotext"), "-bbox", str(pdf), "-"]).stdout

    def top(word: str) -> float:
        return float(re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">{word}<', html).group(1))

    assert top("Điểm") - top("Quảng") > 8 / 25.4 * 72 + 13  # the date line's height, and 8 mm
    docx = pandoc_plain(tmp_path / "diem-bao-ngay-5-8.docx", "docx")
    assert "1 bài" in docx and "tỉnh · " not in docx


def test_nd30_leaves_blanks_to_write_in(tmp_path):
    src = tmp_path / "to-trinh.txt"
    src.write_text("Tờ trình\nNội dung tờ trình.\n", encoding="utf-8")
    r = bantin("export", "-f", "pdf", "--style", "nd30", "-M", "issuer=Phòng Kinh tế", "-o", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    from pypdf import PdfReader

    runs: list[str] = []  # as drawn: the blanks' no-break spaces are drawn, and read back as spaces
    PdfReader(tmp_path / "to-trinh.pdf").pages[0].extract_text(visitor_text=lambda t, *_: runs.append(t))
    number = next(x for x in runs if x.startswith("Số:"))
    when = next(x for x in runs if "tháng" in x)
    assert re.fullmatch(r"Số:\s{8,}/\s*", number), number
    assert re.fullmatch(r"…, ngày\s{8,}tháng\s{8,}năm\s{8,}", when), when


def test_a_bundle_lists_only_embedded_fonts_and_plain_outline_titles(tmp_path):
    from pypdf import PdfReader

    arts = tuple(Article(t, blocks=(Paragraph(plain("Thân bài có 5 km đường.")),)) for t in
                 ("Họp tại TP. Hà Nội ngày 2-2", "Giá 190 – 300 triệu đồng", "Bài thứ ba"))
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(api.export(Briefing("Bản tin", arts, "2025-08-05"), "pdf"))
    fonts = pdffonts(pdf)
    assert fonts and all(f["emb"] == "yes" for f in fonts), [f["line"] for f in fonts]
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for o in items:
            walk(o) if isinstance(o, list) else titles.append(o.title)

    walk(PdfReader(pdf).outline)
    assert "Họp tại TP. Hà Nội ngày 2-2" in titles and "Giá 190 – 300 triệu đồng" in titles
    assert not [t for t in titles if re.search("[\u00a0\u2007\u2009\u200a\u200b\u202f\u2011]", t)], titles


def test_contents_dots_stand_in_columns(tmp_path):
    arts = tuple(Article(t, blocks=(Paragraph(plain("x")),)) for t in (
        "Ngắn", "Một tiêu đề dài hơn nhiều", "Tiêu đề vừa phải", "Một tiêu đề rất dài " * 6 + "kết thúc"))
    pdf = tmp_path / "toc.pdf"
    pdf.write_bytes(api.export(Briefing("Bản tin", arts), "pdf"))
    html = run([require("pdftotext"), "-f", "2", "-l", "2", "-bbox", str(pdf), "-"]).stdout
    dots = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"[^>]*>\.</word>', html)]
    assert len(dots) > 40
    columns = sorted({round(d, 2) for d in dots})
    step = min(b - a for a, b in zip(columns, columns[1:], strict=False))
    assert all(abs((d - dots[0]) / step - round((d - dots[0]) / step)) < 0.02 for d in dots)
    lines = [x for x in pdftotext(pdf).split("\f")[1].splitlines() if x.strip()]
    words = re.findall(r'<word xMin="([\d.]+)"[^>]*>(Một|tiêu|kết)</word>', html)
    starts = sorted({round(float(x)) for x, _ in words})
    assert len(starts) >= 2 and starts[1] - starts[0] > 10, (starts, lines)  # a wrapped entry hangs


def test_contents_entries_are_links_not_underlined(tmp_path):
    """helper-146: every title on the contents page was underlined (the links' style
    in the text); the page draws one rule, its running head's, and the entries stay
    links to their pages."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    arts = tuple(Article(t, blocks=(Paragraph(plain("x")),)) for t in ("Tin một", "Tin hai", "Tin ba"))
    pdf = tmp_path / "toc.pdf"
    pdf.write_bytes(api.export(Briefing("Bản tin", arts), "pdf"))
    reader = PdfReader(pdf)
    page = reader.pages[1]
    strokes = [op for _, op in ContentStream(page.get_contents(), reader).operations if op == b"S"]
    assert len(strokes) == 1
    assert len([a for a in page.get("/Annots", []) if a.get_object().get("/Subtype") == "/Link"]) >= 3


def _pages(pdf: Path) -> list[list[str]]:
    return [[x.strip() for x in p.splitlines() if x.strip()] for p in pdftotext(pdf).split("\f")]


def test_keywords_and_source_never_alone_on_the_last_page(tmp_path):
    for extra in range(0, 44, 3):
        paras = tuple(Paragraph(plain(f"Đoạn {n}: một câu đủ dài để chiếm hai dòng trên trang in khổ A4 của bản "
                                      "tin hằng ngày, kể cả khi chữ nhỏ và lề hẹp hơn thường lệ."))
                      for n in range(30 + extra))
        doc = Article("Tiêu đề", blocks=paras, url="https://vi-du.example.vn/bai", tags=("nông nghiệp", "kinh tế"))
        pdf = tmp_path / f"k{extra}.pdf"
        pdf.write_bytes(api.export(doc, "pdf"))
        last = _pages(pdf)[-2]  # the last page (pdftotext ends with a form feed)
        i = next(i for i, x in enumerate(last) if x.startswith("Nguồn:"))
        assert i >= 3, (extra, last[:4])  # the running head and at least two lines of text before it


def test_a_group_heading_stays_with_its_first_entry(tmp_path):
    from bantin.digest.build import build
    from bantin.model import Outlet

    arts = []
    for n in range(24):
        body = tuple(Paragraph(plain(f"Câu số {k} của bài {n} nói về kết quả sản xuất nông nghiệp trong tháng."))
                     for k in range(3 + n % 5))
        arts.append(Article(f"Bài {n} về nông nghiệp", lede=f"Sapo của bài {n} về nông nghiệp trong tháng.",
                            blocks=body, outlet=Outlet(None, f"Báo số {n // 2}")))
    digest = build(tuple(arts), "Điểm báo", group_by="outlet")
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(api.export(digest, "pdf"))
    groups = {f"Báo số {n}" for n in range(12)}
    for page in _pages(pdf):
        body = [x for x in page if not x.startswith("Trang ")]
        assert not body or body[-1] not in groups, body[-3:]


def test_no_line_starts_with_a_spaced_dash(tmp_path):
    """A separating dash stays with the word before it (typography binds them): a
    line that starts with "–" reads as a list item or a reply."""
    pairs = ["kinh tế – xã hội", "văn hóa – thể thao", "khoa học – công nghệ", "giáo dục – đào tạo",
             "quốc phòng – an ninh", "nông nghiệp – nông thôn", "y tế – dân số", "tài nguyên – môi trường"]
    # (without the binding, the 8th line of this paragraph starts with a dash)
    text = " ".join(f"Lĩnh vực {p} được bàn kỹ tại phiên {i + 1} của hội nghị." for i, p in enumerate(pairs * 6))
    from bantin.style.stylesheet import load
    from bantin.typography import apply

    pdf = tmp_path / "dashes.pdf"
    pdf.write_bytes(api.export(apply(Article("Tiêu đề", blocks=(Paragraph(plain(text)),)), load("default").typography),
                               "pdf"))
    body = word_lines(pdf)[1:-1]
    assert len(body) > 20
    assert [ws[0][2] for ws in body if ws[0][2] in "–-—"] == []
    assert " ".join(w for ws in body for _, _, w in ws) == " ".join(text.split())


def _starts(lines: list[list[tuple[float, float, str]]], labelled: Any) -> list[tuple[float, float]]:
    """(where the words after a label start, where the line under it starts) for
    every line that opens with a label and goes on onto a line of its own."""
    return [(line[1][0], lines[i + 1][0][0]) for i, line in enumerate(lines[:-1])
            if len(line) > 1 and labelled(line[0][2]) and not labelled(lines[i + 1][0][2])]


def _starts(lines: list[list[tuple[float, float, str]]], labelled: Any) -> list[tuple[float, float]]:
    """(where the words after a label start, where the line under it starts) for
    every line that opens with a label and goes on onto a line of its own."""
    return [(line[1][0], lines[i + 1][0][0]) for i, line in enumerate(lines[:-1])
            if len(line) > 1 and labelled(line[0][2]) and not labelled(lines[i + 1][0][2])]


def _words(seed: int, n: int) -> str:
    """``n`` words of Vietnamese news, a different run for each seed."""
    import random

    pool = ("tỉnh huyện xã thôn bản nông dân doanh nghiệp hợp tác xã sản lượng giá bán thị trường xuất khẩu "
            "nhập khẩu mùa vụ thời tiết hạn hán lũ lụt giống mới phân bón thủy lợi kênh mương cán bộ kỹ thuật "
            "hội thảo chính sách vốn vay ngân hàng lãi suất hợp đồng bao tiêu chế biến kho lạnh cảng biển "
            "đường bộ chợ đầu mối siêu thị người tiêu dùng chất lượng tiêu chuẩn chứng nhận truy xuất").split()
    return " ".join(random.Random(seed).choices(pool, k=n)).capitalize()


def test_a_label_never_pushes_its_first_line_past_the_lines_under_it(tmp_path):
    """reportlab keeps 0.6 em after a paragraph's label and sets the first line
    further right when the label's column is narrower: "10." of a list, an
    entry number past 9 and a point's dash must each fit their column, so that
    every line of an item starts at one place."""
    from bantin.digest.build import build

    long = ("nói về kết quả sản xuất nông nghiệp trong tháng, đủ dài để xuống thêm một dòng nữa trên trang A4 "
            "của bản tin hằng ngày gửi các sở ngành.")
    items = tuple(ListItem((Paragraph(plain(f"Mục số {i} {long}")),)) for i in range(1, 13))
    lists = tmp_path / "lists.pdf"
    lists.write_bytes(api.export(Article("Tiêu đề", blocks=(ListBlock(items, ordered=True), ListBlock(items))), "pdf"))
    starts = _starts(word_lines(lists), lambda w: re.fullmatch(r"\d+\.|–", w) is not None)
    assert len(starts) == 24, starts
    assert all(abs(a - b) < 0.3 for a, b in starts), starts

    digest = tmp_path / "digest.pdf"
    digest.write_bytes(api.export(build(digest_articles(12), "Điểm báo"), "pdf"))
    lines = [ln for ln in word_lines(digest) if not ln[0][2].startswith("Trang")]
    titles = _starts(lines, lambda w: re.fullmatch(r"\d+\.", w) is not None)
    assert len(titles) == 12, titles
    assert all(abs(a - b) < 0.3 for a, b in titles), titles  # the title's second line
    sources = [lines[i + 2][0][0] for i, ln in enumerate(lines) if re.fullmatch(r"\d+\.", ln[0][2])]
    assert all(abs(a - s) < 0.3 for (a, _), s in zip(titles, sources, strict=True)), (titles, sources)
    points = _starts(lines, lambda w: w == "–")
    assert points and all(abs(a - b) < 0.3 for a, b in points), points


def test_words_with_a_dot_or_a_slash_are_not_split_as_addresses_inside_a_syllable() -> None:
    # reportlab asks for an address's split points whenever a word leaves much of
    # a line empty (uriWasteReduce): a narrow column (A5, 60 mm, 24 pt) read
    # "Q.Đốn" / "g Đa" when every word with ".x" counted as an address.
    breaks.install()
    for word in ("Q.Đống", "P.Khương", "30.000", "đồng/kg", "COVID-19"):
        assert breaks.address_pairs(word) is None, word
    # Addresses still split at their punctuation, and so does the rest of one.
    assert ("vnexpress.net", "/thoi-su") in (breaks.address_pairs("vnexpress.net/thoi-su") or [])
    rest = "chinh-sach-ho-tro-nong-dan-dong-bang"
    assert (rest[:26], rest[26:]) in (breaks.address_pairs(rest) or [])
