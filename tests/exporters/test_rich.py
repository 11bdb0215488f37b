"""Figures, tables and links: the model, canonical JSON, and every format read back
by its real client (pdfimages and pypdf, python's zipfile and pandoc, epubcheck)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest
from helpers import (
    EPOCH,
    EXAMPLES,
    assert_in_order,
    bantin,
    epubcheck,
    model_words,
    pandoc_plain,
    pdftotext,
    require,
    run,
    style_property,
    zip_text,
)
from PIL import Image as Pil

import bantin as api
from bantin.errors import ExportError
from bantin.model import (
    Article,
    Briefing,
    Figure,
    Outlet,
    Paragraph,
    Span,
    Table,
    auto_align,
    numeric,
    plain,
    text_of,
)
from bantin.model.images import ImageError, load
from bantin.model.serialize import SchemaError, dumps, loads

RICH = EXAMPLES / "san-luong-lua.json"
PRICE_URL = "https://bao-mau.example/gia-lua?tinh=dong-thap&loai=om-18"
REPORT_URL = "https://bao-mau.example/tai-lieu/bao-cao-vu-he-thu-2025.pdf?ban=so-bo&trang=3"
CLEAN = "0 fatals / 0 errors / 0 warnings"


def png(w: int = 60, h: int = 40, colour: tuple[int, int, int] = (20, 120, 60), fmt: str = "PNG") -> bytes:
    buf = io.BytesIO()
    Pil.new("RGB", (w, h), colour).save(buf, fmt)
    return buf.getvalue()


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rich")
    r = bantin("export", "-f", "pdf,docx,epub,txt", "-o", str(out), str(RICH), env={"SOURCE_DATE_EPOCH": EPOCH})
    assert r.returncode == 0, r.stderr.decode()
    return out


def doc() -> Article:
    a = loads(RICH.read_text(encoding="utf-8"))
    assert isinstance(a, Article)
    return a


# -- the model and its JSON


def test_example_holds_a_figure_a_table_and_links():
    a = doc()
    figures = [b for b in a.blocks if isinstance(b, Figure) and b.image is not None]
    tables = [b for b in a.blocks if isinstance(b, Table)]
    hrefs = [s.href for b in a.blocks if isinstance(b, Paragraph) for s in b.text if s.href]
    assert len(figures) == 1 and figures[0].image.media_type == "image/png"
    assert (figures[0].image.width, figures[0].image.height) == (1280, 720)
    assert len(tables) == 1 and tables[0].header_rows == 1 and tables[0].align == ("left", "right", "right")
    assert REPORT_URL in hrefs and PRICE_URL in hrefs


def test_rich_json_round_trips_and_validates_against_the_shipped_schema():
    from importlib import resources

    import jsonschema

    a = doc()
    text = dumps(a)
    assert loads(text) == a
    schema = json.loads(resources.files("bantin.model").joinpath("schema/bantin.schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads(text), schema)
    b = Briefing("Hai bài", (a, a), "2025-09-12", "Sở Nông nghiệp")
    assert loads(dumps(b)) == b
    image = json.loads(text)["blocks"][1]["image"]
    assert image["sha256"] == hashlib.sha256(base64.b64decode(image["data"])).hexdigest()


def test_version_1_files_still_read():
    v1 = {
        "schema": "bantin/article@1", "title": "Bài cũ", "lede": None, "outlet": None, "dateline": None,
        "date": None, "byline": None, "language": "vi", "url": None, "tags": [],
        "blocks": [{"type": "paragraph", "text": "Đoạn."},
                   {"type": "caption", "text": "Lễ ký kết", "credit": "Vi Thảo"}],
    }
    a = loads(json.dumps(v1, ensure_ascii=False))
    assert isinstance(a, Article)
    assert a.blocks[1] == Figure(plain("Lễ ký kết"), "Vi Thảo")
    assert json.loads(dumps(a))["schema"] == "bantin/article@3"
    # A version-1 file may not use what only version 2 has.
    v1["blocks"] = [{"type": "table", "rows": [["a"]]}]
    with pytest.raises(SchemaError):
        loads(json.dumps(v1))


def test_inspect_writes_version_3_with_the_image_embedded(tmp_path):
    r = bantin("inspect", str(RICH))
    assert r.returncode == 0, r.stderr.decode()
    data = json.loads(r.stdout)
    assert data["schema"] == "bantin/article@3"
    assert data["blocks"][1]["type"] == "figure" and data["blocks"][1]["image"]["data"]


def test_a_moved_json_gives_identical_output(tmp_path, rich):
    elsewhere = tmp_path / "khac" / "noi"
    elsewhere.mkdir(parents=True)
    shutil.copy(RICH, elsewhere / RICH.name)
    r = bantin("export", "-f", "pdf,docx,epub,txt", "-o", str(tmp_path / "out"), str(elsewhere / RICH.name),
               env={"SOURCE_DATE_EPOCH": EPOCH})
    assert r.returncode == 0, r.stderr.decode()
    for ext in ("pdf", "docx", "epub", "txt"):
        name = f"{RICH.stem}.{ext}"
        assert (tmp_path / "out" / name).read_bytes() == (rich / name).read_bytes(), ext


@pytest.mark.parametrize("text, expected", [
    ("2.900", True), ("12.345,5", True), ("6,2%", True), ("11/12", True), ("5,2 tỷ", True), ("-3", True),
    ("Đồng Tháp", False), ("Quý 1", False), ("", False),
])
def test_numeric_cells(text, expected):
    assert numeric(text) is expected


def test_auto_align_right_aligns_numeric_columns_only():
    rows = ((plain("Tỉnh"), plain("Tấn")), (plain("Đồng Tháp"), plain("2.900")), (plain("An Giang"), plain("")))
    assert auto_align(rows, 1) == ("left", "right")


def test_typography_and_cleaning_reach_every_prose_field_but_no_address():
    a = Article(
        title="T", outlet=Outlet("X", 'Báo "Mẫu"\x07'), tags=('"thẻ"',),
        blocks=(
            Figure(plain('Ảnh "đẹp"...'), 'Tác giả "A"', load(png()), 'Mô tả "ảnh"'),
            Table(((plain('"Ô"'),),), 0, plain('Bảng "số"')),
            Paragraph((Span('Xem "đây"', href="https://x.vn/a?b=1,c"),)),
        ),
    )
    b = Briefing('Bản tin "sáng"', (a,), issuer='Sở "X"...')
    out = api.read(dumps(b))
    assert isinstance(out, Briefing)
    art = out.articles[0]
    fig, table, para = art.blocks
    assert out.issuer == "Sở “X”…" and out.title == "Bản tin “sáng”"
    assert art.outlet.name == "Báo “Mẫu”" and art.tags == ("“thẻ”",)
    assert text_of(fig.caption) == "Ảnh “đẹp”…" and fig.credit == "Tác giả “A”" and fig.alt == "Mô tả “ảnh”"
    assert text_of(table.rows[0][0].text) == "“Ô”" and text_of(table.caption) == "Bảng “số”"
    assert text_of(para.text) == "Xem “đây”" and para.text[0].href == "https://x.vn/a?b=1,c"


# -- images


def test_image_checks():
    assert load(png()).media_type == "image/png"
    with pytest.raises(ImageError, match="not an image"):
        load(b"%PDF-1.4 but not a picture" * 3)
    # helper-66: a PNG whose header fails its checksum was "not an image of a kind bantin reads".
    broken = bytearray(png())
    broken[29] ^= 0xFF
    for data in (bytes(broken), b"GIF89a but not really" * 3):
        with pytest.raises(ImageError, match="damaged"):
            load(data)
    with pytest.raises(ImageError, match="damaged|truncated"):
        load(png(300, 300)[:200])
    big = io.BytesIO()
    Pil.new("1", (10000, 9500)).save(big, "PNG")  # 95 Mpx in a few kilobytes, past Pillow's warning
    with warnings.catch_warnings(record=True) as heard:
        warnings.simplefilter("always")
        with pytest.raises(ImageError, match=r"^image of 10000×9500 pixels is larger than bantin reads "
                                             r"\(40 megapixels, a JPEG 150\)$"):
            load(big.getvalue())
    assert heard == []  # helper-66: Pillow's own warning reached stderr, in its words
    huge = io.BytesIO()
    Pil.new("1", (15000, 15000)).save(huge, "PNG")  # past Pillow's own refusal, at twice its limit
    with pytest.raises(ImageError, match=r"^image of 225,000,000 pixels is a possible decompression bomb$"):
        load(huge.getvalue())


def test_a_phones_48_megapixel_jpeg_is_read_at_a_fraction_of_its_size(monkeypatch):
    """helper-119: a phone's 8000×6000 photo was refused as "a possible decompression
    bomb". A JPEG past the limit is decoded at a half, a quarter or an eighth of its
    size (here the limit is lowered, so that the test's picture stays small)."""
    from bantin.model import images

    monkeypatch.setattr(images, "MAX_PIXELS", 1_000_000)
    buf = io.BytesIO()
    Pil.new("RGB", (2000, 1000), (200, 120, 40)).save(buf, "JPEG", quality=80)
    im = load(buf.getvalue())
    assert (im.width, im.height, im.media_type) == (1000, 500, "image/jpeg")  # half: the smallest step under
    png = io.BytesIO()
    Pil.new("RGB", (2400, 1800)).save(png, "PNG")
    with pytest.raises(ImageError, match="larger than bantin reads"):  # a PNG decodes whole, or not at all
        load(png.getvalue())


def test_a_phones_mpo_photo_stays_a_jpeg():
    """helper-69: a JPEG with a second picture after it (MPO: a phone's depth or HDR
    image) was re-saved as a PNG twice its size; helper-70: kept whole, its second
    picture went into every output. It is its first picture's bytes."""
    buf = io.BytesIO()
    Pil.new("RGB", (80, 60), (200, 10, 10)).save(buf, "MPO", save_all=True,
                                                  append_images=[Pil.new("RGB", (80, 60), (10, 200, 10))])
    im = load(buf.getvalue())
    assert im.media_type == "image/jpeg" and buf.getvalue().startswith(im.data)
    assert len(im.data) < len(buf.getvalue()) * 0.7, (len(im.data), len(buf.getvalue()))
    assert Pil.open(io.BytesIO(im.data)).convert("RGB").getpixel((40, 30))[0] > 150


@pytest.mark.parametrize("fmt", ["WEBP", "GIF", "TIFF", "BMP"])
def test_formats_no_target_holds_become_png_or_a_photo_jpeg(fmt):
    im = load(png(fmt=fmt))
    # A WebP photo (no transparency) is a JPEG: made a PNG, a 386 KB photo was 3.3 MB (helper-119).
    kind = ("image/jpeg", "JPEG") if fmt == "WEBP" else ("image/png", "PNG")
    assert im.media_type == kind[0] and (im.width, im.height) == (60, 40)
    assert Pil.open(io.BytesIO(im.data)).format == kind[1]
    assert load(png(fmt=fmt)).data == im.data  # deterministic
    if fmt == "WEBP":
        clear = io.BytesIO()
        Pil.new("RGBA", (60, 40), (0, 0, 0, 0)).save(clear, "WEBP")
        assert load(clear.getvalue()).media_type == "image/png"  # its transparency kept
        lossless = io.BytesIO()
        Pil.new("RGB", (60, 40), (200, 10, 10)).save(lossless, "WEBP", lossless=True)
        assert load(lossless.getvalue()).media_type == "image/png"  # a screenshot stays lossless (helper-120)


def test_exif_orientation_is_applied():
    src = Pil.new("RGB", (80, 20), (200, 0, 0))
    exif = Pil.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    buf = io.BytesIO()
    src.save(buf, "JPEG", exif=exif.tobytes())
    im = load(buf.getvalue())
    assert im.media_type == "image/jpeg" and (im.width, im.height) == (20, 80)


def test_a_bad_image_in_json_is_one_line_naming_file_and_figure(tmp_path):
    data = json.loads(RICH.read_text(encoding="utf-8"))
    raw = base64.b64decode(data["blocks"][1]["image"]["data"])[:300]
    data["blocks"][1]["image"].update(data=base64.b64encode(raw).decode(), sha256=hashlib.sha256(raw).hexdigest())
    bad = tmp_path / "hong.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    good = tmp_path / "tot.txt"
    good.write_text("Tiêu đề\n\nMột đoạn.\n", encoding="utf-8")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(bad), str(good))
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    line = next(x for x in err.splitlines() if "hong.json" in x)
    assert "blocks/1 (figure)" in line and "image" in line
    assert (tmp_path / "out" / "tot.txt").is_file()


def test_a_tampered_image_fails_its_digest():
    data = json.loads(RICH.read_text(encoding="utf-8"))
    data["blocks"][1]["image"]["data"] = base64.b64encode(png()).decode()
    with pytest.raises(SchemaError, match="sha256"):
        loads(json.dumps(data))


# -- one walk: an unknown block fails loudly in every format


class Chart:
    """A block type no writer knows."""


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub", "txt"])
def test_unknown_block_is_an_error_naming_its_type(fmt):
    a = Article("T", blocks=(Paragraph(plain("a")), Chart()))  # type: ignore[arg-type]
    from bantin.exporters import RenderContext, registry
    from bantin.style.stylesheet import load as load_style

    with pytest.raises(ExportError, match="Chart"):
        registry()[fmt].render(a, RenderContext(load_style("default")))


# -- every format, read back


def test_pdf_image_table_and_links(rich):
    pdf = rich / f"{RICH.stem}.pdf"
    listing = run([require("pdfimages"), "-list", str(pdf)]).stdout.splitlines()[2:]
    assert len(listing) == 1 and listing[0].split()[3:5] == ["1280", "720"]
    from pypdf import PdfReader

    uris = [a.get_object()["/A"]["/URI"] for p in PdfReader(pdf).pages for a in p.get("/Annots", [])
            if a.get_object().get("/A", {}).get("/URI")]
    assert REPORT_URL in uris and PRICE_URL in uris and "mailto:hotro@bao-mau.example" in uris
    text = pdftotext(pdf)
    assert_in_order(model_words(doc()), text, "pdf")
    # Numbers right-aligned in their column: each figure ends where the column ends.
    layout = run([require("pdftotext"), "-layout", str(pdf), "-"]).stdout
    ends = {line.rstrip().__len__() for line in layout.splitlines() if re.search(r"\d\.\d{3}\s+\d,\d$", line)}
    assert len(ends) == 1, layout


def test_pdf_pictures_at_print_resolution_each_written_once(tmp_path):
    """A photo with more pixels than the page can print is set at 300 ppi, and one
    used twice is one image object; a picture within that keeps its JPEG bytes."""
    def jpeg(w: int, h: int) -> bytes:
        out = io.BytesIO()
        Pil.effect_noise((w, h), 60).convert("RGB").save(out, "JPEG", quality=80)
        return out.getvalue()

    big, small = load(jpeg(4000, 2500)), load(jpeg(640, 360))
    a = Article("Ảnh lớn", blocks=(Figure(plain("Một"), image=big), Figure(plain("Hai"), image=small),
                                   Figure(plain("Ba"), image=big)))
    (tmp_path / "anh.pdf").write_bytes(api.export(a, "pdf", warn=lambda _m: None))
    rows = [line.split() for line in run([require("pdfimages"), "-list", str(tmp_path / "anh.pdf")]).stdout
            .splitlines()[2:]]
    assert len(rows) == 3 and rows[0][10] == rows[2][10]  # the big photo's two uses: one object
    assert int(rows[0][3]) < 4000 and 295 <= int(rows[0][12]) <= 301, rows
    assert rows[1][3:5] == ["640", "360"] and rows[1][8] == "jpeg", rows


def test_docx_picture_table_and_hyperlinks(rich):
    path = rich / f"{RICH.stem}.docx"
    with zipfile.ZipFile(path) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        image = z.read(media[0])
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert len(media) == 1 and image == next(b.image.data for b in doc().blocks if isinstance(b, Figure))
    body = zip_text(path, "word/document.xml")
    assert body.count("<w:tbl>") == 1 and "<w:tblHeader/>" in body and 'w:tblStyle w:val="BriefingTable"' in body
    assert body.count("<w:hyperlink ") == 4 and 'w:rStyle w:val="Hyperlink"' in body
    assert re.search(r'<w:jc w:val="right"/>', body)
    assert 'Target="https://bao-mau.example/gia-lua?tinh=dong-thap&amp;loai=om-18" TargetMode="External"' in rels
    assert "Caption" in body and 'descr="Biểu đồ cột' in body
    md = run([require("pandoc"), "-f", "docx", "-t", "markdown", str(path)]).stdout
    assert f"]({PRICE_URL})" in md.replace("\n", " ") or f"<{PRICE_URL}>" in md
    assert "![Biểu đồ cột" in md
    assert_in_order(model_words(doc())[1:], pandoc_plain(path, "docx"), "docx")


@pytest.mark.slow
def test_epub_figure_table_links_and_epubcheck(rich):
    path = rich / f"{RICH.stem}.epub"
    assert CLEAN in epubcheck(path)
    html = zip_text(path, "EPUB/article-001.xhtml")
    opf = zip_text(path, "EPUB/content.opf")
    assert re.search(r'<figure><img src="images/[0-9a-f]{16}\.png" alt="Biểu đồ cột[^"]*"', html)
    assert "<figcaption>" in html and "<caption>" in html and '<th scope="col"' in html
    assert "<thead>" in html and '<td class="right">3.412</td>' in html
    assert f'<a href="{PRICE_URL.replace("&", "&amp;")}">' in html
    assert re.search(r'<item href="images/[0-9a-f]{16}\.png" id="[^"]+" media-type="image/png"/>', opf)
    from lxml import etree

    body = " ".join(etree.fromstring(html.encode()).itertext())
    assert_in_order(model_words(doc()), body, "epub")
    assert_in_order(model_words(doc(), caption_last=True), pandoc_plain(path, "epub"), "epub (pandoc)")


def test_text_figure_table_and_numbered_links(rich):
    text = (rich / f"{RICH.stem}.txt").read_text(encoding="utf-8")
    # the credit's dash stays with the caption's last word: no line starts with it
    assert "[Sản lượng lúa hè thu của năm địa phương dẫn đầu; cột đỏ là Đồng\n   Tháp.\u00a0— Ảnh: Báo Mẫu]" in text
    assert "Đồng Tháp                   3.412                      6,2" in text
    assert "──────────  ─────────────────────" in text
    assert "Môi trường [1]" in text and f"[1]\n{REPORT_URL}\n" in text  # too long to share a line
    # An address shown as itself stays inline and whole, typography left it alone.
    assert PRICE_URL in text.replace("\n", " ") and "hotro@bao-mau.example." in text
    assert_in_order(model_words(doc()), text, "txt")


def test_a_table_too_wide_for_the_text_becomes_records():
    long = "một ô rất dài " * 8
    rows = ((plain("Tên"), plain("Mô tả")), (plain("A"), plain(long.strip())))
    a = Article("T", blocks=(Table(rows, 1, (), ("left", "left")),))
    out = api.export(a, "txt").decode()
    assert "  Tên: A\n" in out and "  Mô tả: một ô rất dài" in out


def test_a_table_of_header_rows_alone_keeps_its_words_as_records():
    """helper-98: "| ONECELL một ô |" over "|---|" is a header row and no body: the
    message sheet's records said nothing for it."""
    long = "một ô rất dài " * 8
    rows = ((plain("ONECELL một ô"), plain(long.strip())),)
    a = Article("T", blocks=(Table(rows, 1, (), ("left", "left")),))
    for style in ("default", "message"):
        out = api.export(a, "txt", style=style).decode()
        assert "ONECELL một ô" in out and "rất dài" in out, style


def test_a_long_table_repeats_its_header_on_every_page(tmp_path):
    rows = ((plain("Xã"), plain("Hộ dân")),) + tuple((plain(f"Xã số {n}"), plain(f"{n * 37}")) for n in range(1, 121))
    a = Article("Bảng dài", blocks=(Table(rows, 1, plain("Danh sách"), auto_align(rows, 1)),))
    pdf = tmp_path / "bang.pdf"
    pdf.write_bytes(api.export(a, "pdf"))
    pages = pdftotext(pdf).split("\f")
    filled = [p for p in pages if "Xã số" in p]
    assert len(filled) >= 3
    assert all("Hộ dân" in p for p in filled)
    docx = api.export(a, "docx")
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = z.read("word/document.xml").decode()
    assert body.count("<w:tblHeader/>") == 1 and body.count("<w:tr>") == 121


def test_pdf_and_docx_take_their_sizes_from_one_table():
    from bantin.exporters.roles import roles
    from bantin.style.stylesheet import load as load_style

    for name in ("default", "nd30"):
        style = load_style(name)
        table = roles(style)
        a = Article("T", lede="L", blocks=(Paragraph(plain("x")),))
        with zipfile.ZipFile(io.BytesIO(api.export(a, "docx", style=name))) as z:
            xml = z.read("word/styles.xml").decode()
        for role, word in (("title", "Title"), ("lede", "Lede"), ("h1", "Heading 1"), ("caption", "Caption"),
                           ("body", "Normal")):
            # Word writes built-in names in lower case ("heading 1").
            block = re.search(rf'<w:style [^>]*w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="{word}"/>', xml, re.I)
            assert block, word
            size = style_property(xml, block.group(1), "w:sz")  # its own, or Normal's that it keeps
            assert size and int(size) == round(table[role].size * 2), (name, word)
        title = re.search(r'<w:name w:val="Title"/>.*?</w:style>', xml, re.S).group(0)
        assert ('<w:jc w:val="center"/>' in title) is (style.text.title_align == "center")


def test_the_docx_writer_uses_no_private_python_docx_names_or_regexes_over_xml():
    src = Path(__file__).resolve().parent.parent / "bantin" / "exporters" / "docx"
    code = "\n".join(p.read_text(encoding="utf-8") for p in src.glob("*.py"))
    assert "_ContentTypesItem" not in code and "_get_or_add" not in code and "_inline" not in code
    assert "import re" not in code


def test_the_docx_carries_a_photo_at_print_resolution_as_the_pdf_does(tmp_path):
    """helper-119: five 24-megapixel photos made a 64 MB DOCX (the PDF scaled them to
    300 pixels per inch at their printed size; the DOCX carried them whole)."""
    from docx import Document as Docx

    from bantin import api
    from bantin.model import Article, Figure, Image, Paragraph, plain

    buf = io.BytesIO()
    Pil.new("RGB", (4000, 3000), (30, 90, 160)).save(buf, "JPEG", quality=90)
    photo = Image(buf.getvalue(), "image/jpeg", 4000, 3000)
    a = Article("Ảnh lớn", blocks=(Paragraph(plain("Đoạn mở đầu.")), Figure(plain("Cánh đồng lúa."), "Minh Châu",
                                                                             photo)))
    out = tmp_path / "a.docx"
    out.write_bytes(api.export(a, "docx", epoch=0))
    media = [p for p in Docx(str(out)).part.package.iter_parts() if p.partname.startswith("/word/media/")]
    assert len(media) == 1
    with Pil.open(io.BytesIO(media[0].blob)) as im:
        width_mm = 210 - 25 - 20  # the default sheet's A4 column, less its margins (30 and 20 mm at most)
        assert im.width <= round(width_mm / 25.4 * 300) + 60 and im.format == "JPEG", im.size
    assert len(media[0].blob) < len(photo.data)
