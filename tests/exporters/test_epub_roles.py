"""The EPUB sets a bundle's and a review's lines as their roles set them in the PDF
and the DOCX, laid out by a real engine (WeasyPrint) and read back with pypdf and
poppler.

A review's source lines ("Báo Mẫu · HÀ NỘI"), the count under its
title ("2 bài") and a bundle cover's lines came out in the body's serif on a
reading system, where the PDF and the DOCX set them in the heading's sans (the
heading face was embedded for them and drawn nowhere); and the points were
justified, where the other formats set them flush left; and a picture's
placeholder stood at a page's foot with its caption on the next page."""

from __future__ import annotations

import re
import statistics
import zipfile
from pathlib import Path

from helpers import bantin, run

TABLET = "@page { size: 600px 900px; margin: 20px }"  # wider than the phone's 30em: the sheet's own alignment

STORIES = [
    ("ha-noi.md", "Hà Nội công bố kế hoạch chuyển đổi số năm 2026", "Báo Thủ Đô Mẫu",
     ["UBND thành phố Hà Nội vừa ban hành kế hoạch chuyển đổi số năm 2026 với 45 nhiệm vụ trọng tâm cho "
      "các sở, ngành và quận, huyện trên địa bàn.",
      "Theo kế hoạch, đến cuối năm 2026, toàn bộ hồ sơ thủ tục hành chính được tiếp nhận và trả kết quả "
      "trực tuyến trên cổng dịch vụ công của thành phố.",
      "Thành phố cũng dành 1.200 tỷ đồng để nâng cấp hạ tầng dữ liệu dùng chung cho các cơ quan, đơn vị "
      "và doanh nghiệp nhà nước."]),
    ("da-nang.md", "Đà Nẵng đón hơn một triệu lượt khách", "Báo Miền Trung Mẫu",
     ["Đà Nẵng đón hơn 1,2 triệu lượt khách trong tháng 6, tăng 18% so với cùng kỳ năm trước nhờ chuỗi "
      "lễ hội pháo hoa quốc tế.",
      "Các khách sạn ven biển đạt công suất phòng trên 80% vào cuối tuần, nhiều nơi kín phòng đến hết "
      "tháng 7 theo số liệu của Sở Du lịch."]),
]


def _inputs(tmp: Path) -> list[str]:
    out = []
    for name, title, outlet, paras in STORIES:
        f = tmp / name
        f.write_text(f"---\ntitle: {title}\noutlet: {outlet}\n---\n\n" + "\n\n".join(paras) + "\n",
                     encoding="utf-8")
        out.append(str(f))
    return out


def _laid_out(epub: Path, tmp: Path) -> list[Path]:
    """Each content page of the book laid out by WeasyPrint on a tablet's page."""
    import weasyprint

    book = tmp / "book"
    with zipfile.ZipFile(epub) as z:
        z.extractall(book)
    pdfs = []
    for page in sorted(book.glob("EPUB/*.xhtml")):
        if page.stem != "nav":
            pdf = tmp / f"{page.stem}.pdf"
            weasyprint.HTML(filename=str(page), encoding="utf-8").write_pdf(
                pdf, stylesheets=[weasyprint.CSS(string=TABLET)])
            pdfs.append(pdf)
    return pdfs


def _fonts_of(pdf: Path) -> dict[str, str]:
    """Each piece of text pypdf reads, squeezed of spaces, and the font it is drawn in."""
    from pypdf import PdfReader

    seen: dict[str, str] = {}

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        key = "".join(text.split())
        if key and isinstance(font, dict):
            seen[key] = str(font.get("/BaseFont", "")).partition("+")[2]

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return seen


def _face(fonts: dict[str, str], text: str) -> str:
    key = "".join(text.split())
    hits = [f for t, f in fonts.items() if key in t]
    assert hits, (text, list(fonts)[:20])
    return hits[0]


def test_review_source_lines_and_count_are_in_the_heading_face(tmp_path: Path) -> None:
    r = bantin("export", "-f", "epub", "--digest", "--bundle", "Điểm báo thử", "-o", str(tmp_path / "out"),
               *_inputs(tmp_path))
    assert r.returncode == 0, r.stderr
    (pdf,) = _laid_out(tmp_path / "out" / "diem-bao-thu.epub", tmp_path)
    fonts = _fonts_of(pdf)
    for _, _, outlet, _ in STORIES:
        assert _face(fonts, outlet) == "bantin-heading", (outlet, fonts)
    assert _face(fonts, "2 bài") == "bantin-heading"
    assert _face(fonts, "Thành phố cũng dành") == "bantin-body"


def test_bundle_cover_lines_are_in_the_heading_face(tmp_path: Path) -> None:
    r = bantin("export", "-f", "epub", "--bundle", "Bản tin thử", "-o", str(tmp_path / "out"), *_inputs(tmp_path))
    assert r.returncode == 0, r.stderr
    cover = next(p for p in _laid_out(tmp_path / "out" / "ban-tin-thu.epub", tmp_path) if p.stem == "cover")
    assert _face(_fonts_of(cover), "2 bài") == "bantin-heading"


def test_review_points_are_flush_left(tmp_path: Path) -> None:
    """A justified line's gaps are wider than the word space; a flush-left point's
    are all the word space, the narrowest gap seen (a point's last line is never
    stretched)."""
    r = bantin("export", "-f", "epub", "--digest", "--bundle", "Điểm báo thử", "-o", str(tmp_path / "out"),
               *_inputs(tmp_path))
    assert r.returncode == 0, r.stderr
    (pdf,) = _laid_out(tmp_path / "out" / "diem-bao-thu.epub", tmp_path)
    html = run(["pdftotext", "-bbox", str(pdf), "-"]).stdout
    lines: dict[tuple[float, float], list[tuple[float, float, str]]] = {}
    for x0, y0, x1, y1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html):
        lines.setdefault((round(float(y0)), round(float(y1) - float(y0))), []).append((float(x0), float(x1), w))
    # The points are the text at the body's size, the size most lines have (no entry here has a lede).
    size = statistics.mode(h for _, h in lines)
    points = [sorted(ws) for (_, h), ws in lines.items() if h == size and len(ws) > 3]
    gaps = [b[0] - a[1] for ws in points for a, b in zip(ws, ws[1:], strict=False)]
    assert len(points) >= 8 and gaps
    assert max(gaps) <= 1.3 * min(gaps), (min(gaps), max(gaps))


def test_a_figure_and_its_caption_share_a_page(tmp_path: Path) -> None:
    """A placeholder at a page's foot and its caption at the top of the next one
    read as two things; the PDF keeps them together. The page's height is swept
    so that the first page break falls at every place down the figure."""
    import weasyprint

    from bantin.api import export
    from bantin.model import Article, Figure, Paragraph, plain

    filler = ("Người dân tra cứu hồ sơ tại bộ phận một cửa của phường, nơi cán bộ hướng dẫn từng bước "
              "để nộp hồ sơ trực tuyến trên cổng dịch vụ công của thành phố.")
    caption = ("Quang cảnh bộ phận một cửa phường Trung Hòa sáng 12/3, khi người dân đến nộp hồ sơ "
               "khai sinh và đăng ký thường trú cho con")
    doc = Article("Thử hình và chú thích", blocks=(
        *(Paragraph(plain(filler)) for _ in range(3)), Figure(plain(caption), credit="Minh Anh"),
        *(Paragraph(plain(filler)) for _ in range(3))))
    book = tmp_path / "book"
    epub = tmp_path / "thu.epub"
    epub.write_bytes(export(doc, "epub"))
    with zipfile.ZipFile(epub) as z:
        z.extractall(book)
    html = weasyprint.HTML(filename=str(book / "EPUB" / "article-001.xhtml"), encoding="utf-8")
    want = "".join(caption.split())
    for height in range(240, 600, 8):
        pdf = tmp_path / f"{height}.pdf"
        html.write_pdf(pdf, stylesheets=[weasyprint.CSS(string=f"@page {{ size: 360px {height}px; margin: 0 }}")])
        pages = ["".join(p.split()) for p in run(["pdftotext", str(pdf), "-"]).stdout.split("\f")]
        box = [n for n, p in enumerate(pages) if "[Ảnh" in p]
        under = [n for n, p in enumerate(pages) if want[:40] in p or want[-40:] in p]
        assert box and box == under, (height, box, under)


def test_a_short_column_beside_a_long_one_keeps_its_names_on_one_line(tmp_path):
    """helper-168: beside a cell of 400 words the reading system's own table layout
    gave "Tên" its longest word, "Trần / Thị / Bình" on three lines. The book shares
    the columns by the PDF's and the DOCX's rule (``epub.columns``), as percentages."""
    long = " ".join(("người dân tỉnh Quảng Nam đã tham gia xây dựng nông thôn mới".split() * 40)[:400])
    src = tmp_path / "bang.md"
    src.write_text(f"# Bảng dài\n\n| Tên | Mô tả | Năm |\n|---|---|---:|\n| Nguyễn Văn An | {long} | 2024 |\n"
                   "| Trần Thị Bình | ngắn | 2025 |\n", encoding="utf-8")
    r = bantin("export", "-f", "epub", "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    epub = tmp_path / "out" / "bang.epub"
    with zipfile.ZipFile(epub) as z:
        page = z.read("EPUB/article-001.xhtml").decode()
    assert re.search(r'<table class="shared"><colgroup>(<col style="width: [\d.]+%"/>){3}</colgroup>', page), page[:500]
    text = " ".join(run(["pdftotext", "-layout", str(p), "-"]).stdout for p in _laid_out(epub, tmp_path))
    assert "Nguyễn Văn An" in text and "Trần Thị Bình" in text, text[:600]
