"""An unordered item's mark goes by its list's depth alike in every format: "–",
then the "+" of administrative writing, then "•" (helper-121: "+ 2 điểm" under a
dash item read "– 2 điểm" in the text briefing)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

import bantin
from tests.helpers import pdftotext

TEXT = ("Quy định cộng điểm ưu tiên năm nay\n"
        "Sở Giáo dục công bố cách cộng điểm ưu tiên cho thí sinh trong kỳ thi năm nay.\n"
        "- Thí sinh ở vùng khó khăn:\n+ 2 điểm với khu vực một\n+ 1 điểm với khu vực hai\n"
        "- Thí sinh là con liệt sĩ được cộng theo quy định chung.\nĐiểm cộng không vượt quá 3 điểm.\n")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("bullets")
    src = tmp / "diem.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc = bantin.read(src)
    out = {}
    for fmt in ("pdf", "docx", "epub", "txt"):
        out[fmt] = tmp / f"diem.{fmt}"
        out[fmt].write_bytes(bantin.export(doc, fmt))
    return out


def test_text_and_pdf_draw_a_dash_then_a_plus(outputs: dict[str, Path]) -> None:
    for text in (outputs["txt"].read_text(encoding="utf-8"), pdftotext(outputs["pdf"])):
        lines = [" ".join(x.replace("\u00a0", " ").split()) for x in text.splitlines()]
        assert "– Thí sinh ở vùng khó khăn:" in lines and "+ 2 điểm với khu vực một" in lines, lines


def test_docx_numbering_and_epub_style_have_the_same_marks(outputs: dict[str, Path]) -> None:
    numbering = zipfile.ZipFile(outputs["docx"]).read("word/numbering.xml").decode()
    marks = [re.findall(r'<w:lvl w:ilvl="(\d)".*?<w:lvlText w:val="([^"]*)"', a, re.S)[:3]
             for a in re.findall(r"<w:abstractNum .*?</w:abstractNum>", numbering, re.S) if 'w:val="bullet"' in a]
    assert [("0", "–"), ("1", "+"), ("2", "•")] in marks, marks
    with zipfile.ZipFile(outputs["epub"]) as z:
        css = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".css"))
    assert 'ol ul, ul ul { list-style-type: "+\\00A0"; }' in css
    assert re.search(r'(?m)^ul \{ list-style-type: "–\\00A0"; \}', css)
