"""Text set in legacy Vietnamese fonts: TCVN3 (".VnTime") and VNI, wherever the
font is set — on the run, in a character style, in the paragraph style's chain
(w:basedOn) or in the document defaults — and in any case; Unicode typed with the
old font still selected stays as it is."""

from __future__ import annotations

import pytest
from word_docs import docx, p, r, style, styles_xml

from bantin.model import Article, Paragraph, text_of
from bantin.source import legacy, read
from bantin.source.docx.fonts import legacy_font

SAMPLE = "Hà Nội, ngày 05 tháng 8 năm 2025: Ủy ban nhân dân thành phố họp về đường sắt."


def as_word_stores(text: str, encoding: str) -> str:
    """What Word keeps for text typed in a legacy font: the font's bytes read as
    Windows-1252 (the five bytes it leaves undefined as the C1 control of that byte)."""
    out = []
    for b in legacy.encode(text, encoding):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def paragraphs(data: bytes) -> list[str]:
    a = read(data, source_format="docx", name="cu.docx")
    assert isinstance(a, Article)
    return [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]


TCVN3 = as_word_stores(SAMPLE, "tcvn3")


def test_the_stored_text_is_mojibake_to_begin_with():
    assert TCVN3.startswith("Hµ Néi") and TCVN3 != SAMPLE


@pytest.mark.parametrize("where", ["run", "run lower case", "character style", "paragraph style", "based on",
                                   "document defaults"])
def test_tcvn3_is_converted_wherever_the_font_is_set(where):
    styles = styles_xml(
        style("Cu", "Chữ cũ", kind="character", font=".VnTime"),
        style("VanBan", "Văn bản", font=".VnTime"), style("VanBanCon", "Văn bản con", based_on="VanBan"),
        default_font=".VnTime" if where == "document defaults" else None)
    run = {"run": r(TCVN3, font=".VnTime"), "run lower case": r(TCVN3, font=".vntime"),
           "character style": r(TCVN3, style="Cu")}.get(where, r(TCVN3))
    para_style = {"paragraph style": "VanBan", "based on": "VanBanCon"}.get(where)
    body = p("Tiêu đề", style="Title") + p(run, style=para_style)
    assert paragraphs(docx(body, styles=styles)) == [SAMPLE]


def test_a_unicode_run_in_a_legacy_font_stays_as_it_is():
    body = p("Tiêu đề", style="Title") + p(r(SAMPLE, font=".VnTime"), r(" Và ", font=".VnTime"),
                                           r(as_word_stores("Đà Nẵng", "tcvn3"), font=".VnTime"))
    assert paragraphs(docx(body)) == [SAMPLE + " Và Đà Nẵng"]


def test_upper_case_faces_and_vni():
    body = (p("Tiêu đề", style="Title") + p(r(as_word_stores("hà nội", "tcvn3"), font=".VnTimeH"))
            + p(r(as_word_stores(SAMPLE, "vni"), font="VNI-Times")))
    assert paragraphs(docx(body)) == ["HÀ NỘI", SAMPLE]


def test_a_theme_font_over_a_legacy_default_is_not_legacy():
    styles = styles_xml(default_font=".VnTime").replace(
        "<w:style ", '<w:style w:type="paragraph" w:styleId="Khac"><w:name w:val="Khác"/><w:rPr><w:rFonts '
        'w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr></w:style><w:style ', 1)
    body = p("Tiêu đề", style="Title") + p(r("Hµ Néi"), style="Khac")
    assert paragraphs(docx(body, styles=styles)) == ["Hµ Néi"]


def test_legacy_font_names():
    assert legacy_font(".VnTime") == ("tcvn3", False) and legacy_font(".VnTimeH") == ("tcvn3", True)
    assert legacy_font(".vntime") == ("tcvn3", False) and legacy_font(".VNARIAL") == ("tcvn3", False)
    assert legacy_font("VNI-Times") == ("vni", False) and legacy_font("vni-helve") == ("vni", False)
    assert legacy_font("Times New Roman") is None and legacy_font(None) is None
