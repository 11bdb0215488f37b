"""A justified line's looseness counts the gaps reportlab stretches: the word
spaces and the no-break spaces (U+00A0) that bind "5 triệu", "ngày 19.5.2016",
"TP. Hồ" (reportlab widens both; ``bound.gaps``). Counted as words - 1, a line
holding a bound group was judged looser than it was drawn. Read back with
poppler: the gaps seen on such a line are the space plus the stretch computed.
The prose is written for the tests."""

from __future__ import annotations

from pathlib import Path

from helpers import gaps, word_lines
from reportlab.pdfbase.pdfmetrics import stringWidth

from bantin import api
from bantin.exporters.pdf import bound, breaks, flowables
from bantin.exporters.pdf.fonts import fonts
from bantin.exporters.pdf.styles import styles
from bantin.exporters.roles import MM
from bantin.model import Article, Paragraph, plain
from bantin.style.stylesheet import load

NB = "\u00a0"
TOLERANCE = 0.01  # pt: poppler's boxes are exact to far less
# The no-break spaces stand where the typography layer puts them.
TEXT = (f"Theo báo cáo, đến ngày{NB}19.5.2016 toàn tỉnh đã giải ngân 5{NB}triệu USD cho 12{NB}dự án, "
        f"trong đó 3{NB}dự án ở TP.{NB}Hồ Chí Minh và 4{NB}dự án ở huyện ven biển. Từ ngày{NB}1.6.2016, "
        f"mỗi hộ được hỗ trợ 300{NB}nghìn đồng/tháng, 25{NB}kg gạo và 2{NB}lít dầu; 1.200{NB}hộ đã nhận đủ "
        f"trong tháng{NB}6, số còn lại nhận trước ngày{NB}15.7.2016 theo danh sách của 45{NB}xã.")


# A narrower measure than the default's: lines of eight to ten words, on which a
# bound group's share of the room shows.
SHEET = """extends = "default"
name = "a5-gaps"

[page]
size = "A5"
margin_left = 20
margin_right = 20

[text]
body_size = 13
"""


def _sheet(tmp_path: Path) -> Path:
    path = tmp_path / "a5-gaps.toml"
    path.write_text(SHEET, encoding="utf-8")
    return path


def test_gaps_count_the_no_break_spaces_reportlab_stretches():
    assert bound.gaps(["5\u00a0triệu", "đồng"]) == 2
    assert bound.gaps(["TP.\u00a0Hồ\u00a0Chí", "Minh", "với"]) == 4
    # No bound group: the gaps are the word spaces alone, as before.
    assert bound.gaps(["hai", "ba", "bốn"]) == 2
    assert bound.gaps(["một"]) == 0
    assert breaks.looseness(12.0, ["5\u00a0triệu", "đồng"], 3.0) == 2.0
    assert breaks.looseness(12.0, ["năm", "triệu", "đồng"], 3.0) == 2.0
    assert breaks.looseness(12.0, ["một"], 3.0) == 0.0
    # 5 pt shared by a word space and a bound one (3 pt each): each widens by
    # 2.5 pt, under MAX_GAP; the word space alone (the old count) took all 5 pt.
    assert not breaks.too_wide(5.0, bound.gaps(["5\u00a0triệu", "đồng"]), 3.0)
    assert breaks.too_wide(5.0, bound.gaps(["năm", "đồng"]), 3.0)


def test_the_looseness_computed_is_the_stretch_drawn(tmp_path: Path):
    sheet = load(str(_sheet(tmp_path)))
    style = styles(sheet, fonts(sheet))["body"]
    space = stringWidth(" ", style.fontName, style.fontSize)
    width = (sheet.page.size_mm[0] - sheet.page.margin_left - sheet.page.margin_right) * MM
    para = flowables.Marked(TEXT, style)
    para.wrap(width, 10_000)
    lines = para.blPara.lines

    pdf = tmp_path / "gaps.pdf"
    pdf.write_bytes(api.export(Article("Tiêu đề", blocks=(Paragraph(plain(TEXT)),)), "pdf",
                               style=_sheet(tmp_path)))
    drawn = word_lines(pdf)[1:-1]  # less the title and the folio
    # poppler splits words at a no-break space too (it is drawn as a space).
    assert [w for line in drawn for _, _, w in line] == TEXT.replace(NB, " ").split()
    assert len(drawn) == len(lines) >= 3

    checked = 0
    for (extra, words), seen in zip(lines[:-1], drawn[:-1], strict=True):
        assert len(seen) == len(" ".join(words).split())
        # Each gap seen is the space, its share of the room (Tw) and, on a
        # letter-spaced line, the spacing after the letter and after the space.
        tw = breaks.looseness(extra, words, space) * space
        tc = getattr(words, "tracking", 0.0)
        for gap in gaps(seen):
            assert abs(gap - space - tw - 2 * tc) < TOLERANCE, (words, gap - space, tw)
        if NB in " ".join(words) and abs(extra) > 1.0:  # widened or shrunk (reportlab shrinks too)
            checked += 1
            # Counted as words - 1, the stretch is not what is drawn.
            old = extra / (len(words) - 1) + 2 * tc
            assert abs(old - (gaps(seen)[0] - space)) > 2 * TOLERANCE, words
    assert checked >= 3  # lines holding a bound group, with room to share
