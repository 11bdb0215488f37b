"""Defects found in the review of the house layout, each held by a test: a style
whose faces are one regular file, --incremental and the digest options, reader
warnings in a bundle, a plug-in asked for a digest, and tabs in code."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from helpers import EPOCH, EXAMPLES, bantin, pdffonts, pdftotext

import bantin as api
from bantin.errors import ExportError
from bantin.exporters import RenderContext, registry
from bantin.exporters.walk import Walker
from bantin.model import Article, Briefing, CodeBlock, ListBlock, Paragraph, plain
from bantin.model.serialize import dumps, loads
from bantin.style.fonts import resolve
from bantin.style.stylesheet import FontSpec


def test_a_style_whose_faces_are_one_regular_file_sets_every_role(tmp_path: Path) -> None:
    regular = resolve(FontSpec(package="fontpkg-ibm-plex-serif")).files["regular"]
    sheet = tmp_path / "one-face.toml"
    sheet.write_text(f'extends = "default"\n[fonts]\nbody = {{ files = ["{regular}"] }}\n'
                     f'heading = {{ files = ["{regular}"] }}\n', encoding="utf-8")
    doc = Article("Tiêu đề đậm", lede="Sapo in đậm.", blocks=(Paragraph(plain("Thân bài có chữ Ấ Ễ.")),))
    pdf = api.export(doc, "pdf", style=str(sheet), epoch=int(EPOCH))
    out = tmp_path / "a.pdf"
    out.write_bytes(pdf)
    assert "Thân bài có chữ Ấ Ễ." in pdftotext(out)
    assert all(f["emb"] == "yes" for f in pdffonts(out))


def test_incremental_converts_again_when_the_digest_options_change(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes((EXAMPLES / "hoi-nghi-chuyen-doi-so.txt").read_bytes())
    out = tmp_path / "out"
    first = bantin("export", "-f", "txt", "--incremental", "-o", str(out), str(src))
    whole = (out / "a.txt").read_text(encoding="utf-8")
    second = bantin("export", "-f", "txt", "--incremental", "--digest", "-o", str(out), str(src))
    assert first.returncode == second.returncode == 0, second.stderr
    assert b"1 converted, 0 failed, 0 skipped" in second.stderr
    digest = (out / "a.txt").read_text(encoding="utf-8")
    assert digest != whole and digest.startswith("ĐIỂM BÁO")
    third = bantin("export", "-f", "txt", "--incremental", "--digest", "-o", str(out), str(src))
    assert b"0 converted, 0 failed, 1 skipped" in third.stderr


def test_a_bundle_keeps_each_readers_warnings(tmp_path: Path) -> None:
    page = tmp_path / "bai.md"
    page.write_text("# Bài có ảnh xa\n\nĐoạn mở đầu của bài viết.\n\n![Ảnh xa](https://anh.example/xa.jpg)\n",
                    encoding="utf-8")
    single = bantin("export", "-f", "txt", "-o", str(tmp_path / "one"), str(page))
    bundle = bantin("export", "-f", "txt", "--bundle", "Bản tin", "-o", str(tmp_path / "two"), str(page),
                    str(EXAMPLES / "thu-vien-so.txt"))
    assert single.returncode == bundle.returncode == 0, bundle.stderr
    for r in (single, bundle):
        line = next(x for x in r.stderr.decode().splitlines() if "remote image not fetched" in x)
        assert str(page) in line


def test_the_example_plug_in_writes_a_digest() -> None:
    if "md" not in registry():
        pytest.skip("the example plug-in is not installed (scripts/test-setup.sh installs it)")
    doc = api.read(EXAMPLES / "thu-vien-so.txt")
    r = bantin("export", "-f", "md", "--digest", "-o", "-", str(EXAMPLES / "thu-vien-so.txt"))
    assert r.returncode == 0, r.stderr
    text = r.stdout.decode()
    assert text.startswith("# Điểm báo") and f"1. **{doc.title}**" in text and "   - " in text


def test_a_writer_that_lacks_a_hook_names_itself_and_the_hook() -> None:
    class Partial(Walker):
        format = "partial"

        def digest_header(self, b: Briefing) -> None:
            pass

    entry = Article("Một bài", blocks=(ListBlock((plain("Ý chính."),)),))
    with pytest.raises(ExportError, match="the partial writer has no group method"):
        Partial().walk(Briefing("Điểm báo", (entry,), kind="digest", group_by="outlet"))
    with pytest.raises(ExportError, match="the partial writer has no entry_title method"):
        Partial().walk(Briefing("Điểm báo", (entry,), kind="digest"))


def test_code_keeps_its_tabs_through_json_and_every_format(tmp_path: Path) -> None:
    doc = Article("Mã nguồn", blocks=(CodeBlock(("def f():", "\treturn 1")),))
    back = loads(dumps(api.read(dumps(doc).encode("utf-8"))))
    assert isinstance(back, Article) and back.blocks == doc.blocks
    ctx = RenderContext(api.load_style("default"))
    assert "\treturn 1" in registry()["txt"].render(back, ctx).decode()
    with zipfile.ZipFile(io.BytesIO(registry()["docx"].render(back, ctx))) as z:
        assert "<w:tab/><w:t xml:space=\"preserve\">return 1</w:t>" in z.read("word/document.xml").decode()
    with zipfile.ZipFile(io.BytesIO(registry()["epub"].render(back, ctx))) as z:
        assert "\treturn 1" in z.read("EPUB/article-001.xhtml").decode()
    pdf = tmp_path / "code.pdf"
    pdf.write_bytes(registry()["pdf"].render(back, ctx))
    assert "return 1" in pdftotext(pdf)
