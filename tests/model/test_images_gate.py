"""The one gate every picture passes (issue 28): only the formats bantin reads ever
reach Pillow's decoders (an EPS named .png would run Ghostscript), a truncated PNG
is refused before a writer meets it, and a picture referred to many times is read
and decoded once per document, within a bound on the pixels a document decodes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image as Pil

import bantin
from bantin.model.images import ImageError, load
from bantin.source import sandbox

EPS = (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n"
       b"%%EndComments\n{ } loop\nshowpage\n%%EOF\n")


def png(size: tuple[int, int] = (40, 30)) -> bytes:
    buf = io.BytesIO()
    Pil.new("RGB", size, (10, 120, 30)).save(buf, "PNG")
    return buf.getvalue()


def test_eps_bytes_named_png_never_reach_ghostscript(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="not an image of a kind bantin reads"):
        load(EPS)
    (tmp_path / "x.png").write_bytes(EPS)
    (tmp_path / "bai.md").write_text("# Ảnh giả\n\nĐoạn.\n\n![Giả](x.png)\n", encoding="utf-8")
    warnings: list[str] = []
    doc = bantin.read(tmp_path / "bai.md", warn=warnings.append)
    assert any("x.png" in w and "not an image of a kind" in w for w in warnings)
    assert "Đoạn" in bantin.export(doc, "txt").decode()


@pytest.mark.parametrize("cut", [10, 20])
def test_a_truncated_png_is_refused_at_the_gate(cut: int) -> None:
    data = png()
    load(data)
    with pytest.raises(ImageError):
        load(data[:-cut])


def test_a_picture_referred_to_many_times_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "anh.png").write_bytes(png())
    (tmp_path / "bai.md").write_text("# Nhiều ảnh\n\n" + "![Ảnh](anh.png)\n\n" * 60, encoding="utf-8")
    calls: list[int] = []
    real = sandbox.load
    monkeypatch.setattr(sandbox, "load", lambda data: calls.append(1) or real(data))
    doc = bantin.read(tmp_path / "bai.md")
    images = [b.image for b in doc.blocks if isinstance(b, bantin.Figure)]  # type: ignore[union-attr]
    assert len(images) == 60 and len(calls) == 1 and all(i is images[0] for i in images)


def test_the_pixels_a_document_decodes_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "DOCUMENT_PIXELS", 3000)
    for n in range(3):
        (tmp_path / f"{n}.png").write_bytes(png((40, 30 + n)))
    (tmp_path / "bai.md").write_text("# Ba ảnh\n\n![a](0.png)\n\n![b](1.png)\n\n![c](2.png)\n", encoding="utf-8")
    warnings: list[str] = []
    doc = bantin.read(tmp_path / "bai.md", warn=warnings.append)
    kept = [b.image for b in doc.blocks if isinstance(b, bantin.Figure) and b.image is not None]  # type: ignore[union-attr]
    assert len(kept) == 2 and any("megapixels" in w for w in warnings)


def test_a_nul_in_an_image_path_is_refused_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "bai.md").write_text("# Ảnh\n\nĐoạn.\n\n![x](a%00.png)\n", encoding="utf-8")
    warnings: list[str] = []
    bantin.read(tmp_path / "bai.md", warn=warnings.append)
    assert any("NUL" in w for w in warnings)


def _jpeg(mode: str, colour: object, **kw: object) -> bytes:
    buf = io.BytesIO()
    Pil.new(mode, (64, 48), colour).save(buf, "JPEG", **kw)  # type: ignore[arg-type]
    return buf.getvalue()


def _drawn(data: bytes) -> tuple[int, ...]:
    with Pil.open(io.BytesIO(data)) as im:
        return tuple(im.convert("RGB").getpixel((32, 24)))  # type: ignore[arg-type]


def test_a_jpeg_without_jfif_or_exif_is_one_python_docx_takes() -> None:
    """helper-70: a JPEG whose first segment is not JFIF (its APP0 stripped, or a
    CMYK one with Adobe's alone) failed the whole DOCX with 'UnrecognizedImageError'."""
    from docx.image.image import Image as DocxImage

    plain = _jpeg("RGB", (200, 40, 40))
    stripped = plain[:2] + plain[2 + 2 + int.from_bytes(plain[4:6], "big"):]  # APP0 segment cut out
    cmyk = _jpeg("CMYK", (0, 200, 200, 0))
    for data in (stripped, cmyk):
        assert data[6:10] not in (b"JFIF", b"Exif")
        image = load(data)
        DocxImage.from_blob(image.data)  # raised UnrecognizedImageError
        assert image.media_type == "image/jpeg"
        with Pil.open(io.BytesIO(image.data)) as im:
            assert im.mode in ("RGB", "L")  # CMYK drew pink, or inverted, on phones
    assert load(stripped).data[2 + 18:] == stripped[2:]  # the pixels untouched: a JFIF segment put first
    red = _drawn(load(cmyk).data)
    assert red[0] > 200 and red[1] < 90, red


def test_a_sixteen_bit_grey_png_keeps_its_greys() -> None:
    """helper-70: a scanner's 16-bit grey PNG was drawn white in the PDF (values
    above 255 clipped)."""
    buf = io.BytesIO()
    Pil.new("I;16", (64, 48), 30000).save(buf, "PNG")
    image = load(buf.getvalue())
    assert 100 < _drawn(image.data)[0] < 140

