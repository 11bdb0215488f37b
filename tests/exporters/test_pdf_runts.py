"""A justified paragraph of the PDF does not end on a line of one syllable (a
"runt": "toàn." alone under a full line): its last lines are broken again, with no
line widened past ``breaks.RUNT_STRETCH`` and no line added. Only the places of the
breaks change, never the words. The prose is written for the tests."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from helpers import word_lines
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as P

from bantin import api
from bantin.exporters.pdf import breaks, flowables
from bantin.exporters.pdf.fonts import fonts
from bantin.exporters.pdf.styles import styles
from bantin.model import Article, Paragraph, plain
from bantin.style.stylesheet import load

# At the default style's measure reportlab's greedy breaking leaves "toàn." alone on
# the fifth line (checked below, so that the test keeps its point if the style moves).
TEXT = ("Sáng nay, bà con ở xóm chài ven biển đã dậy từ rất sớm để kéo lưới, phân loại cá tôm rồi chở ra chợ "
        "đầu mối trước khi trời kịp nắng gắt. Mùa này nước lên nhanh, sóng lớn hơn mọi năm, nên nhiều chủ thuyền "
        "phải tính lại đường đi, ngày ra khơi và cả số người trên mỗi chuyến. Trưởng thôn cho biết chính quyền xã "
        "đã cử cán bộ xuống tận nơi hướng dẫn cách neo đậu an toàn.")
MORE = (" Chiều qua, các tổ tự quản đã họp bàn việc trực đêm, chia ca canh bến và nhắc nhau giữ liên lạc với "
        "đồn biên phòng khi có gió mạnh. Nhiều gia đình cũng chuẩn bị sẵn lương thực, nước uống và thuốc men cho "
        "người già, trẻ nhỏ trong nhà.")


def _body_lines(tmp_path: Path, name: str) -> list[list[str]]:
    """The paragraph's lines as poppler reads them back (less the title and the folio)."""
    pdf = tmp_path / name
    pdf.write_bytes(api.export(Article("Tiêu đề", blocks=(Paragraph(plain(TEXT)),)), "pdf"))
    return [[w for _, _, w in line] for line in word_lines(pdf)[1:-1]]


def test_a_paragraph_does_not_end_on_one_syllable(tmp_path, monkeypatch):
    with monkeypatch.context() as m:  # reportlab's own breaks: the runt is there to avoid
        m.setattr(flowables, "refill", lambda *a, **k: None)
        greedy = _body_lines(tmp_path, "greedy.pdf")
    assert len(greedy) >= 3 and greedy[-1] == ["toàn."], greedy

    lines = _body_lines(tmp_path, "bantin.pdf")
    assert len(lines[-1]) > 1, lines  # "an toàn." comes down together
    assert len(lines) == len(greedy)  # no line more
    assert [w for line in lines for w in line] == TEXT.split()  # every word, in order


def _style() -> Any:
    sheet = load("default")
    return styles(sheet, fonts(sheet))["body"]


def _stretch(p: Any, space: float) -> float:
    return max((e / ((len(ws) - 1) * space) for e, ws in p.blPara.lines[:-1] if len(ws) > 1), default=0.0)


def _runt(p: Any) -> bool:
    return len(" ".join(p.blPara.lines[-1][1]).split()) < 2


@pytest.mark.parametrize("width", [300.0, 390.0, 467.0])
def test_runts_are_filled_without_loosening_a_paragraph(width):
    """Over every length of a long paragraph, against reportlab's breaks: the words
    and their order stay, no paragraph gets longer, no runt appears where there was
    none, no line passes RUNT_STRETCH unless reportlab's did, and at least half the runts go."""
    style = _style()
    space = stringWidth(" ", style.fontName, style.fontSize)
    words = (TEXT + MORE).split()
    runts = [0, 0]
    for n in range(20, len(words) + 1):
        text = " ".join(words[:n])
        greedy, ours = P(text, style), flowables.Marked(text, style)
        greedy.wrap(width, 10_000)
        ours.wrap(width, 10_000)
        assert [w for _, ws in ours.blPara.lines for w in ws] == words[:n]
        assert len(ours.blPara.lines) <= len(greedy.blPara.lines), text
        assert _runt(greedy) or not _runt(ours), text
        assert _stretch(ours, space) <= max(breaks.RUNT_STRETCH, _stretch(greedy, space)) + 1e-9, text
        runts[0] += _runt(greedy) and len(greedy.blPara.lines) >= breaks.RUNT_LINES
        runts[1] += _runt(ours)
    assert runts[0] >= 3, runts  # the sweep meets runts to fill
    assert runts[1] * 2 <= runts[0], runts


def test_the_first_part_of_a_split_paragraph_keeps_its_breaks():
    """Its last line is justified, no paragraph's end: ``refill`` leaves it."""
    style = _style()
    words = (TEXT + MORE).split()
    for n in range(20, len(words) + 1):
        text = " ".join(words[:n])
        greedy, ours = P(text, style), flowables.Marked(text, style)
        greedy.wrap(467.0, 10_000)
        ours.wrap(467.0, 10_000)
        if _runt(greedy) and not _runt(ours):
            break
    else:
        pytest.fail("no runt filled")
    bl = SimpleNamespace(lines=greedy.blPara.lines, fontName=style.fontName, fontSize=style.fontSize)
    assert breaks.refill(bl, style.spaceShrinkage, ends=True) == ours.blPara.lines
    assert breaks.refill(bl, style.spaceShrinkage, ends=False) is None
