"""A character drawn from a fallback font is drawn by LibreOffice from the subset
the DOCX embeds, also when the document takes a single glyph from that font."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

from helpers import pdftotext, require, run

import bantin as api
from bantin.exporters.docx.package import MIN_EMBEDDED
from bantin.model import Article, Paragraph, plain

# Fontconfig sees only these fonts: no installed Symbola to stand in for the
# embedded subset (an installed one of the same name hid the fault, or drew
# nothing where the subset was ignored).
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def test_a_one_glyph_fallback_subset_is_drawn_from_the_docx(tmp_path: Path) -> None:
    """helper-146: the "■" ending an article was a 936-byte subset of Symbola, which
    LibreOffice ignores (under 1 KiB): it was not drawn."""
    a = Article("Kết bài", blocks=(Paragraph(plain("Đoạn văn kết thúc bằng dấu hết bài ■")),))
    path = tmp_path / "ket.docx"
    path.write_bytes(api.export(a, "docx"))
    with zipfile.ZipFile(path) as z:
        parts = [n for n in z.namelist() if "fallback" in n]
        assert len(parts) == 1 and len(z.read(parts[0])) >= MIN_EMBEDDED
    conf = tmp_path / "fonts.conf"
    conf.write_text(FONTS_CONF.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    exe = shutil.which("soffice") or require("soffice")
    run([exe, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)], env={**os.environ, "HOME": str(tmp_path), "FONTCONFIG_FILE": str(conf)})
    pdf = tmp_path / "ket.pdf"
    assert pdf.is_file()
    fonts = run([require("pdffonts"), str(pdf)]).stdout
    assert "Symbola" in fonts, fonts  # the embedded subset, not a stand-in such as DejaVu Sans
    assert "■" in pdftotext(pdf)
