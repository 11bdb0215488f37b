"""Nghị định 30's numbered points are paragraphs: 6 pt apart at least, as its
paragraphs are (helper-76: 3 pt, a news list's spacing, in the PDF and the DOCX)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from helpers import word_boxes

import bantin as api

PAPER = ("Công văn\n\nKính gửi các phòng ban.\n\n1. Rà soát hồ sơ tồn đọng.\n\n2. Cập nhật dữ liệu văn bản.\n\n"
         "3. Gửi báo cáo về Văn phòng.\n")


def test_numbered_points_are_six_points_apart(tmp_path: Path) -> None:
    doc = api.read(PAPER.encode())
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(api.export(doc, "pdf", style="nd30"))
    tops = {w: y for _, _, y, _, w in word_boxes(pdf) if w in ("1.", "2.", "3.")}
    leading = 13 * 1.3
    assert tops["2."] - tops["1."] >= leading + 6 - 0.5, tops
    styles = zipfile.ZipFile(io.BytesIO(api.export(doc, "docx", style="nd30"))).read("word/styles.xml").decode()
    para = re.search(r'w:styleId="ListParagraph".*?</w:style>', styles, re.S)
    assert para is not None and 'w:after="120"' in para.group(0), para
