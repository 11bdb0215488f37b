"""A press office's own sheet: each setting reaches every format it should, and a
wrong sheet is one line naming the file and the key (fourth review session)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from types import SimpleNamespace

import pytest
from helpers import EXAMPLES, bantin, zip_text

from bantin.exporters.epub.css import css
from bantin.style import fonts
from bantin.style.stylesheet import StyleError, load

ARTICLE = EXAMPLES / "mua-lua-dong-thap.txt"


def _sheet(tmp_path: Path, body: str, name: str = "house.toml") -> Path:
    p = tmp_path / name
    p.write_text('extends = "default"\n' + body, encoding="utf-8")
    return p


def _rule(sheet_css: str, selector: str) -> str:
    return next(line for line in sheet_css.splitlines() if line.startswith(selector + " {"))


def test_epub_title_and_list_items_follow_the_sheet(tmp_path):
    # The EPUB set every title flush left and every list item justified, whatever
    # title_align and justify said; the PDF and the DOCX followed them.
    house = load(str(_sheet(tmp_path, '[text]\ntitle_align = "center"\njustify = false\n')))
    out = css(house, [], [])
    assert "text-align: center" in _rule(out, "h1")
    assert "text-align: left" in _rule(out, "li") and "text-align: left" in _rule(out, "p")
    plain = css(load("default"), [], [])
    assert "text-align: left" in _rule(plain, "h1") and "text-align: justify" in _rule(plain, "li")
    # The contents page and a bundle's cover keep their own alignment.
    assert "text-align: left" in _rule(out, "nav h1, nav h2") and ".cover p, .cover h1 { text-align: center" in out


@pytest.mark.parametrize("body, keys", [
    ('[page]\nsize = "A5"\nmargin_left = 80\nmargin_right = 80\n', "page.margin_left + margin_right"),
    ('[page]\nsize = "A5"\nmargin_top = 100\nmargin_bottom = 100\n', "page.margin_top + margin_bottom"),
])
def test_margins_that_leave_no_column_are_refused_at_load(tmp_path, body, keys):
    # Each margin was within 0 to 100 mm, so the sheet loaded, and the PDF failed
    # per input ("internal error: AttributeError: … blPara", "too large on page").
    p = _sheet(tmp_path, body)
    with pytest.raises(StyleError) as e:
        load(str(p))
    assert keys in str(e.value) and p.name in str(e.value)
    r = bantin("export", "-f", "pdf", "--style", str(p), "-o", str(tmp_path / "out"), str(ARTICLE))
    assert r.returncode == 2 and keys.encode() in r.stderr and b"Traceback" not in r.stderr


def test_a_size_set_by_an_extending_sheet_is_checked_against_inherited_margins(tmp_path):
    parent = tmp_path / "wide.toml"
    parent.write_text('extends = "default"\n[page]\nmargin_left = 45\nmargin_right = 45\n', encoding="utf-8")
    load(str(parent))  # A4: 120 mm of text
    child = tmp_path / "small.toml"
    child.write_text('extends = "wide.toml"\n[page]\nsize = "A5"\n', encoding="utf-8")
    with pytest.raises(StyleError, match="leave 58 mm of the A5 page"):
        load(str(child))


def test_a_missing_parent_names_the_sheet_that_extends_it(tmp_path):
    p = tmp_path / "house.toml"
    p.write_text('extends = "newsroom.toml"\n', encoding="utf-8")
    with pytest.raises(StyleError) as e:
        load(str(p))
    assert str(e.value).startswith(f"{p}: extends: no style sheet ") and "newsroom.toml" in str(e.value)
    p.write_text('extends = "defualt"\n', encoding="utf-8")
    with pytest.raises(StyleError, match=r"house\.toml: extends: no style named 'defualt'"):
        load(str(p))


def test_every_error_of_a_sheet_given_by_a_relative_path_names_it_whole(tmp_path, monkeypatch):
    """Errors found while reading a sheet named its whole path, and the one found
    after ("[fonts] needs …") the path as typed: one sheet, two names."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outlets.toml").write_text('[outlets]\nvne = "VnExpress"\n', encoding="utf-8")
    (tmp_path / "typo.toml").write_text('[pgae]\nsize = "A4"\n', encoding="utf-8")
    errors = []
    for name in ("outlets.toml", "typo.toml"):
        with pytest.raises(StyleError) as e:
            load(name)
        errors.append(str(e.value))
    assert all(x.startswith(f"{tmp_path}/") for x in errors), errors
    # A sheet of outlets alone is the mistake docs/styles.md warns of: the message says the way out.
    assert 'extends = "default"' in errors[0]


def test_a_missing_font_file_says_so(tmp_path):
    p = _sheet(tmp_path, '[fonts]\nbody = { files = ["fonts/Nha-Regular.ttf"] }\n')
    with pytest.raises(StyleError, match=r"fonts\.body\.files: no font file .*Nha-Regular\.ttf"):
        load(str(p))


def test_font_errors_name_the_sheet_and_the_key(tmp_path):
    p = _sheet(tmp_path, '[fonts]\nheading = { package = "fontpkg-not-installed-xyz" }\n')
    st = load(str(p))
    with pytest.raises(StyleError) as e:
        fonts.resolve(st.heading_font)
    assert str(e.value).startswith(f"{p}: fonts.heading: font package 'fontpkg-not-installed-xyz'")
    r = bantin("export", "-f", "pdf", "--style", str(p), "-o", str(tmp_path / "out"), str(ARTICLE))
    # Checked once before any input, as a sheet that does not parse: exit 2, one line.
    assert r.returncode == 2 and b"house.toml: fonts.heading: font package" in r.stderr
    assert b"Traceback" not in r.stderr and len(r.stderr.splitlines()) == 1


def test_a_package_of_variable_fonts_is_named_as_such(monkeypatch):
    # fontpkg-lora ships only "Lora[wght].ttf": the message was "no regular face found".
    files = [PurePosixPath("fontpkg_lora/files/Lora[wght].ttf"),
             PurePosixPath("fontpkg_lora/files/Lora-Italic[wght].ttf")]
    monkeypatch.setattr("importlib.metadata.distribution", lambda name: SimpleNamespace(files=files))
    with pytest.raises(fonts.FontError, match=r"fontpkg-lora has only variable fonts \(Lora-Italic\[wght\]\.ttf"):
        fonts.resolve(fonts.FontSpec(package="fontpkg-lora"))


# A long title over a heading and a long paragraph: a title that does not fit
# what is left of its page, and paragraphs split over pages in few words a line.
_LARGE = ("Hội nghị tổng kết công tác chuyển đổi số và cải cách hành chính của thành phố năm nay "
          "với nhiều kết quả đáng ghi nhận\n"
          "Sáng 12/3, thành phố tổ chức hội nghị tổng kết công tác chuyển đổi số.\n"
          + "".join(f"## Phần {k}\n" + "Kết quả đạt được trong năm qua rất đáng khích lệ, nhiều thủ tục đã được "
                    "đưa lên môi trường mạng, người dân và doanh nghiệp tiết kiệm thời gian, chi phí đi lại. " * 6
                    + "\n" for k in range(1, 4)))


@pytest.mark.parametrize("body, source", [("[text]\ntitle_size = 96\n", None),
                                          ("[text]\nbody_size = 42\n", "hoi-nghi-chuyen-doi-so.txt"),
                                          ("[text]\nlede_size = 48\n", "hoi-nghi-chuyen-doi-so.txt")])
def test_the_largest_sizes_a_sheet_allows_still_lay_out(tmp_path, body, source):
    # Within the allowed ranges, the PDF failed per input: a title split over two
    # pages lost its bookmark ("can't jump from outline level -1 to level 1"), and
    # a loose paragraph's first part, broken again one line longer, no longer fit
    # its page ("Splitting error").
    src = EXAMPLES / source if source else tmp_path / "lon.md"
    if not source:
        src.write_text("# " + _LARGE, encoding="utf-8")
    r = bantin("export", "-f", "pdf", "--style", str(_sheet(tmp_path, body)), "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / (src.stem + ".pdf")).stat().st_size > 0


def test_a_colour_in_css_short_form_is_the_same_colour_in_every_format(tmp_path):
    # "#00f" passed the sheet's check, then python-docx refused it (every DOCX
    # failed), reportlab drew it near-black and the EPUB blue.
    sheet = _sheet(tmp_path, '[text]\nbody_colour = "#00f"\naccent_colour = "#0A0"\n')
    style = load(str(sheet))
    assert (style.text.body_colour, style.text.accent_colour) == ("#0000ff", "#00aa00")
    r = bantin("export", "-s", str(sheet), "-f", "docx,pdf", "-o", str(tmp_path / "out"), str(ARTICLE))
    assert r.returncode == 0, r.stderr.decode()
    styles_xml = zip_text(tmp_path / "out" / "mua-lua-dong-thap.docx", "word/styles.xml")
    assert 'w:color w:val="0000FF"' in styles_xml and 'w:color w:val="00AA00"' in styles_xml
    from pypdf import PdfReader

    ink = PdfReader(tmp_path / "out" / "mua-lua-dong-thap.pdf").pages[0].get_contents().get_data().decode("latin-1")
    assert "0 0 1 rg" in ink  # the body's blue, as reportlab writes a fill colour


def test_a_short_colour_given_in_python_is_read_the_same(tmp_path):
    from dataclasses import replace

    from bantin import api
    from bantin.model import Article, Paragraph, plain

    style = load("default")
    style = replace(style, text=replace(style.text, body_colour="#00F"))
    docx = tmp_path / "a.docx"
    docx.write_bytes(api.export(Article("Tiêu đề", blocks=(Paragraph(plain("Một câu.")),)), "docx", style=style))
    assert 'w:color w:val="0000FF"' in zip_text(docx, "word/styles.xml")


def test_the_epub_headings_follow_the_sheets_leading(tmp_path):
    # helper-81: PDF and DOCX set headings at the sheet's leading less 0.1; the EPUB
    # kept 1.3 whatever the sheet said.
    style = load(str(_sheet(tmp_path, "[text]\nleading = 2.0\n")))
    sheet_css = css(style, [], [])
    assert "line-height: 1.9;" in _rule(sheet_css, "h1, h2, h3, h4, h5, h6")
    assert "line-height: 1.3;" in _rule(css(load("default"), [], []), "h1, h2, h3, h4, h5, h6")  # 1.4 less 0.1: 1.3


def test_sheets_as_offices_save_them(tmp_path, monkeypatch):
    """helper-117: a loop written through "../" recursed into a traceback; a parent
    named relatively was taken from the folder the run started in before the
    sheet's own; Notepad's byte-order mark was "invalid TOML"; a top margin under
    4 mm failed every DOCX."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.toml").write_text('extends = "sub/c.toml"\n', encoding="utf-8")
    (tmp_path / "sub" / "c.toml").write_text('extends = "../b.toml"\n', encoding="utf-8")
    with pytest.raises(StyleError, match="extend each other in a loop"):
        load(str(tmp_path / "b.toml"))
    house, elsewhere = tmp_path / "house", tmp_path / "elsewhere"
    house.mkdir(), elsewhere.mkdir()
    (house / "base.toml").write_text('extends = "default"\n[page]\nsize = "A5"\n', encoding="utf-8")
    (house / "house.toml").write_text('extends = "base.toml"\n', encoding="utf-8")
    (elsewhere / "base.toml").write_text('extends = "default"\n[page]\nsize = "Letter"\n', encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    assert load(str(house / "house.toml")).page.size == "A5"
    bom = tmp_path / "bom.toml"
    bom.write_bytes('\ufeffextends = "default"\n[page]\nmargin_top = 0\n'.encode())
    assert load(str(bom)).page.margin_top == 0
    r = bantin("export", "-f", "docx", "-s", str(bom), "-o", str(tmp_path / "out"), str(EXAMPLES / "thu-vien-so.txt"))
    assert r.returncode == 0, r.stderr.decode()


def test_a_face_without_the_marks_bantin_sets_is_refused(tmp_path):
    # helper-117: a face without “ ” – … passed the check, and the PDF printed "[U+201C]"
    # where bantin's typography had curled a straight quote.
    from fontTools import subset
    from fontTools.ttLib import TTFont

    face = TTFont(fonts.resolve(load("default").body_font).files["regular"])
    keep = {ord(c) for c in fonts.VIETNAMESE} | set(range(0x20, 0x7F))
    sub = subset.Subsetter()
    sub.populate(unicodes=keep)
    sub.subset(face)
    face.save(tmp_path / "bare.ttf")
    sheet = tmp_path / "bare.toml"
    sheet.write_text(f'extends = "default"\n[fonts]\nbody = {{ files = ["{tmp_path / "bare.ttf"}"] }}\n',
                     encoding="utf-8")
    with pytest.raises(StyleError, match=r"lacks 8 Vietnamese letters or typographic marks: "
                                         r"\(no-break space\)–—‘’“”…"):
        fonts.check(load(str(sheet)))
