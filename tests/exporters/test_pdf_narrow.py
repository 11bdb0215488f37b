"""A very narrow column (A5, 60 mm of text, 24 pt): a group bound by no-break
spaces that is wider than its line breaks at its no-break spaces, never inside a
syllable (reportlab cut "ngày 1" / "9.5.2016" and "ngày 19.5" / ".2016"); a group
that fits its line keeps its binding. The prose is written for the tests."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from helpers import bantin, pdftotext, word_lines
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as P
from reportlab.platypus.paraparser import ParaFrag

import bantin as api
from bantin.exporters.pdf import bound, breaks, flowables
from bantin.exporters.pdf.fonts import fonts
from bantin.exporters.pdf.styles import styles
from bantin.exporters.roles import MM
from bantin.model import Article, Paragraph, plain
from bantin.style.stylesheet import load

NB = "\u00a0"
SHEET = """extends = "default"
name = "narrow"

[page]
size = "A5"
margin_left = 44
margin_right = 44

[text]
body_size = 24
lede_size = 24
"""
TITLE = "Đoàn công tác đến Thành phố Hồ Chí Minh"
PARAGRAPHS = (
    "Hội nghị khai mạc ngày 19.5.2016 tại TP. Hồ Chí Minh với 5 triệu đồng tài trợ.",
    "Theo kế hoạch, đoàn sẽ làm việc tại TP. Hồ Chí Minh từ ngày 19.5.2016 đến hết tháng 6, "
    "nhận 30.000 tấn hàng.",
    "Ngày 20.10.2016, chuyến thứ hai khởi hành từ TP. Hồ Chí Minh.",
)
FOLIO = re.compile(r"^Trang \d+/\d+$")


def _export(tmp_path: Path) -> tuple[Path, Path]:
    sheet, src = tmp_path / "narrow.toml", tmp_path / "tin.txt"
    sheet.write_text(SHEET, encoding="utf-8")
    src.write_text("\n".join((TITLE, *PARAGRAPHS)) + "\n", encoding="utf-8")
    r = bantin("export", "-f", "pdf", "--style", str(sheet), "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return tmp_path / "out" / "tin.pdf", src


def _lines(pdf: Path) -> list[str]:
    """The lines pdftotext reads, page by page, less the page furniture: the folio,
    and the running title that heads every page after the first."""
    out = []
    for n, page in enumerate(pdftotext(pdf).split("\f")):
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        if n > 0 and lines and lines[0] == TITLE:
            lines = lines[1:]
        out += [line for line in lines if not FOLIO.match(line)]
    return out


def test_a_bound_group_wider_than_the_line_breaks_at_its_no_break_spaces(tmp_path):
    pdf, src = _export(tmp_path)
    # The typography layer bound the groups this test is about.
    doc = api.read(src)
    model = " ".join((doc.lede, *(s.text for b in doc.blocks for s in getattr(b, "text", ()))))
    for group in ("ngày 19.5.2016", "TP. Hồ", "5 triệu", "30.000 tấn"):
        assert group.replace(" ", NB) in model, group

    lines = _lines(pdf)
    assert len(pdftotext(pdf).split("\f")) > 2  # the paragraphs run over pages: the furniture is met
    text = " ".join(lines)
    # Every syllable of the source, whole and in order: a syllable cut over two
    # lines would read as two words here ("1 9.5.2016", "19.5 .2016").
    for para in (TITLE, *PARAGRAPHS):
        assert " ".join(para.split()) in text, para
    source = {s for para in (TITLE, *PARAGRAPHS) for s in para.split()}
    # Every word read is a whole syllable of the source, less the date line at the
    # top (the reader took the date from the text).
    assert lines[0] == "ngày 19 tháng 5 năm 2016"
    stray = [w for line in lines[1:] for w in line.split() if w not in source]
    assert not stray, stray
    # "ngày 19.5.2016" and "Ngày 20.10.2016," are wider than 60 mm at 24 pt: they
    # break at their no-break space.
    for head, tail in (("ngày", "19.5.2016"), ("Ngày", "20.10.2016,")):
        assert any(a.endswith(head) and b.startswith(tail) for a, b in zip(lines, lines[1:], strict=False)), head


def test_a_bound_group_that_fits_keeps_its_binding(tmp_path):
    pdf, _ = _export(tmp_path)
    lines = _lines(pdf)
    for group in ("TP. Hồ", "5 triệu", "30.000 tấn", "tháng 6,"):
        assert any(re.search(rf"(^| ){re.escape(group)}( |$)", line) for line in lines), (group, lines)
        assert not any(a.endswith(group.split()[0]) and b.startswith(group.split()[1])
                       for a, b in zip(lines, lines[1:], strict=False)), group


def _frag(text: str, font: str, size: float) -> ParaFrag:
    return ParaFrag(text=text, fontName=font, fontSize=size)


def test_unbind_breaks_the_fewest_no_break_spaces():
    font = fonts(load("default")).body
    group = f"TP.{NB}Hồ{NB}Chí{NB}Minh"
    width = stringWidth(group, font, 24)
    part = stringWidth(f"TP.{NB}Hồ{NB}Chí", font, 24)
    # Fits: nothing changes.
    assert bound.unbind([_frag(f"tại {group} hôm nay", font, 24)], [width + 1, width + 1]) is None
    # "TP. Hồ Chí" fits, the whole does not: one break, before "Minh".
    out = bound.unbind([_frag(f"tại {group} hôm nay", font, 24)], [part + 1, part + 1])
    assert out is not None and out[0].text == f"tại TP.{NB}Hồ{NB}Chí Minh hôm nay"
    # Across two fonts (a bold part), the group is measured whole.
    frags = [_frag(f"tại TP.{NB}", font, 24), _frag(f"Hồ{NB}Chí{NB}Minh", font, 24)]
    out = bound.unbind(frags, [part + 1, part + 1])
    assert out is not None and [f.text for f in out] == [f"tại TP.{NB}", f"Hồ{NB}Chí Minh"]
    # A group that may stand on an indented first line must fit that line.
    first = stringWidth(f"5{NB}triệu", font, 24) - 1
    assert bound.unbind([_frag(f"5{NB}triệu đồng", font, 24)], [first, 400.0]) is not None
    assert bound.unbind([_frag(f"một hai ba bốn năm sáu bảy 5{NB}triệu", font, 24)], [first, 400.0]) is None
    # Words already broken (a paragraph's part after a page break) are left alone.
    assert bound.unbind([ParaFrag(words=[group], fontName=font, fontSize=24)], [10.0, 10.0]) is None


def test_the_narrow_lede_is_not_broken_into_words_alone():
    """Breaking a narrow paragraph again (``breaks.refill``) gives no more lines of
    one word than reportlab's own breaks: a word alone is set flush left, as
    ragged as the loose line it came from."""
    sheet = load("default")
    base = styles(sheet, fonts(sheet))["lede"]
    style = ParagraphStyle("narrow-lede", parent=base, fontSize=24, leading=34)
    width = 60 * MM
    text = PARAGRAPHS[0].replace("ngày ", f"ngày{NB}").replace("TP. ", f"TP.{NB}").replace("5 ", f"5{NB}")
    ours, greedy = flowables.Marked(text, style), P(text, style)
    ours.wrap(width, 10_000)
    greedy.wrap(width, 10_000)

    def alone(p: P) -> int:
        return sum(len(ws) == 1 for _, ws in p.blPara.lines[:-1])

    assert [w for _, ws in ours.blPara.lines for w in " ".join(ws).split()] == PARAGRAPHS[0].split()
    assert len(ours.blPara.lines) <= len(greedy.blPara.lines) + 1
    assert alone(ours) <= alone(greedy), [ws for _, ws in ours.blPara.lines]


def test_a_word_alone_counts_as_a_line_not_filled_only_when_it_leaves_room():
    space, size = 6.0, 24.0
    # A word alone with more room left than one gap may take is set flush left.
    assert breaks._badness([(40.0, ["mạc"]), (90.0, ["tài", "trợ."])], space, size) == (1, 40.0 - space)
    # Not a word that nearly fills its line, nor the last line.
    assert breaks._badness([(3.0, ["20.10.2016,"]), (120.0, ["hàng."])], space, size) == (0, 0.0)


NAMED = ("Ý kiến về việc in lại sách “Madam Nhu Trần Lệ Xuân – Quyền lực bà Rồng”",
         "Độc giả hỏi về cuốn sách “Madam Nhu Trần Lệ Xuân – Quyền lực bà Rồng”")


def test_a_balanced_title_is_never_narrower_than_its_widest_bound_group(tmp_path):
    """A title is narrowed so that its lines come out even (``flowables.balanced``),
    measured with reportlab's breaks: narrower than the name bound as one group
    ("Madam Nhu Trần Lệ Xuân", which fits the full measure), reportlab had cut it
    inside "Xuân", and the title was set at that measure: "…Lệ Xu" / "ân – …"."""
    sheet = load("default")
    for title in NAMED:
        for size in (20, 24, 28):
            pdf = tmp_path / f"t{size}.pdf"
            style = replace(sheet, text=replace(sheet.text, title_size=size))
            pdf.write_bytes(api.export(Article(title, blocks=(Paragraph(plain("Thân bài.")),)), "pdf", style=style))
            lines = [" ".join(w for _, _, w in line) for line in word_lines(pdf)]
            head = lines[:lines.index("Thân bài.")]
            assert len(head) > 1, head  # the title is broken: the test shows something
            assert " ".join(head) == title, head  # every syllable whole, in order
            assert any("Madam Nhu Trần Lệ Xuân" in line for line in head), head  # the name, bound, fits
