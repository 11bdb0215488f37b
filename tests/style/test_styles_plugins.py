"""Style sheets as data, and exporters as entry-point plug-ins."""

from __future__ import annotations

from importlib.metadata import EntryPoint, EntryPoints

import pytest
from helpers import EXAMPLES, bantin

from bantin import BantinWarning, exporters
from bantin.style.fonts import VIETNAMESE
from bantin.style.stylesheet import StyleError, load, shipped


def test_shipped_styles_load():
    assert {"default", "nd30"} <= set(shipped())
    st = load("nd30")
    assert st.page.margin_left == 30 and st.page.page_numbers == "top" and st.text.body_size == 13
    assert st.body_font.system[0] == "Times New Roman"


def test_vietnamese_repertoire_size():
    # 66 marked vowels in each case, đ and Đ; the plain vowels are checked too.
    assert len({c for c in VIETNAMESE if not c.isascii()}) == 66 * 2 + 2
    assert {"ặ", "Ỗ", "ự", "Ỹ", "đ", "Đ", "ơ", "Ư"} <= VIETNAMESE


@pytest.mark.parametrize("body, key", [("colour = 1\n", "'colour'"), ("[page]\nmargins = 3\n", "'page.margins'"),
                                       ("[fonts]\nbody = { pakage = 'x' }\n", "'fonts.body.pakage'")])
def test_unknown_key_names_key_and_file(tmp_path, body, key):
    p = tmp_path / "bad.toml"
    p.write_text('extends = "default"\n' + body)
    with pytest.raises(StyleError) as e:
        load(str(p))
    assert key in str(e.value) and str(p) in str(e.value)
    r = bantin("export", "-f", "txt", "--style", str(p), "-o", str(tmp_path), str(EXAMPLES / "mua-lua-dong-thap.txt"))
    assert r.returncode == 2 and key.encode() in r.stderr


def test_user_sheet_extends_and_overrides(tmp_path):
    p = tmp_path / "mine.toml"
    p.write_text('extends = "nd30"\nname = "mine"\n[text]\nbody_size = 14\n')
    st = load(str(p))
    assert st.text.body_size == 14 and st.page.margin_left == 30 and st.name == "mine"


def test_installed_plugin_exports(tmp_path):
    # Public names only, as a plug-in's own test would use.
    import bantin as api

    assert "md" in api.formats(), "install examples/plugin-markdown (the README's test command does)"
    md = api.export(api.read(EXAMPLES / "thu-vien-so.txt"), "md")
    assert md.decode("utf-8").startswith("# ")
    # The typography's no-break hyphen is written as a hyphen, found by a search.
    ranged = api.export(api.read("Kế hoạch\n\nGiai đoạn 2025-2030 đã duyệt.\n"), "md").decode("utf-8")
    assert "2025-2030" in ranged and "\u2011" not in ranged
    r = bantin("export", "-f", "md", "-o", str(tmp_path), str(EXAMPLES / "mua-lua-dong-thap.txt"))
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "mua-lua-dong-thap.md").read_text(encoding="utf-8")
    assert text.startswith("# Nông dân Đồng Tháp trúng mùa lúa Đông Xuân")
    assert b"md" in bantin("formats").stdout
    # "all" is the four formats the help names, not every installed plug-in's.
    r = bantin("export", "-f", "all", "-o", str(tmp_path / "all"), str(EXAMPLES / "thu-vien-so.txt"))
    assert r.returncode == 0, r.stderr
    assert sorted(p.suffix for p in (tmp_path / "all").iterdir() if not p.name.startswith(".")) == [
        ".docx", ".epub", ".pdf", ".txt"]


def test_broken_and_duplicate_plugins(monkeypatch):
    eps = [
        EntryPoint("txt", "bantin.exporters.txt:exporter", exporters.GROUP),
        EntryPoint("txt", "bantin.exporters.txt:exporter", exporters.GROUP),  # editable installs list twice
        EntryPoint("broken", "no_such_module_xyz:exporter", exporters.GROUP),
        EntryPoint("wrong", "bantin.model:Article", exporters.GROUP),
    ]
    from bantin import plugins

    monkeypatch.setattr(plugins, "_installed", lambda: EntryPoints(eps))
    exporters.registry.cache_clear()
    try:
        with pytest.warns(BantinWarning) as caught:
            table = exporters.registry()
    finally:
        exporters.registry.cache_clear()
    assert list(table) == ["txt"]
    err = " ".join(str(w.message) for w in caught)
    assert "'broken' failed to load" in err and "'wrong' failed to load" in err


def test_a_plugin_never_takes_a_built_in_formats_name(monkeypatch):
    """helper-89: a plug-in registered as "pdf" replaced the PDF, in silence, when
    its package sorted before bantin's."""
    import sys
    import types

    from bantin import plugins
    from bantin.exporters import Exporter

    fake = types.ModuleType("h89_impostor")
    fake.exporter = Exporter("txt", ".txt", lambda doc, ctx: b"NOT A TEXT")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "h89_impostor", fake)
    eps = [EntryPoint("txt", "h89_impostor:exporter", exporters.GROUP),
           EntryPoint("txt", "bantin.exporters.txt:exporter", exporters.GROUP)]
    monkeypatch.setattr(plugins, "_installed", lambda: EntryPoints(eps))
    exporters.registry.cache_clear()
    try:
        with pytest.warns(BantinWarning, match=r"'txt' \(h89_impostor:exporter\) is ignored"):
            table = exporters.registry()
    finally:
        exporters.registry.cache_clear()
    assert table["txt"].write is not fake.exporter.write  # type: ignore[attr-defined]


@pytest.mark.parametrize(("returned", "kind"), [("văn bản", "str"), (None, "NoneType")])
def test_a_plugin_that_returns_no_bytes_is_named(returned, kind):
    import bantin
    from bantin.errors import ExportError
    from bantin.exporters import Exporter, RenderContext
    from bantin.model import Article, Paragraph, plain

    plugin = Exporter("odd", ".odd", lambda doc, ctx: returned)
    with pytest.raises(ExportError, match=f"the odd exporter returned {kind}, not bytes"):
        plugin.render(Article("T", blocks=(Paragraph(plain("Một câu.")),)), RenderContext(bantin.load_style("default")))


def test_a_modern_writer_with_a_keyword_option_is_not_taken_for_an_old_one():
    import bantin
    from bantin.exporters import Exporter, RenderContext
    from bantin.model import Article, Paragraph, plain

    def write(doc, ctx, *, pretty=False):
        return f"{doc.title}|{type(ctx).__name__}|{pretty}".encode()

    out = Exporter("kw", ".kw", write).render(Article("T", blocks=(Paragraph(plain("Một câu.")),)),
                                              RenderContext(bantin.load_style("default")))
    assert out == b"T|RenderContext|False"


def test_a_0_2_writer_whose_warn_is_optional_still_gets_the_style():
    # helper-91: "def w(doc, style, warn=None)" was handed the context as its style.
    import bantin
    from bantin.exporters import Exporter, RenderContext
    from bantin.model import Article, Paragraph, plain
    from bantin.style.stylesheet import Style

    def old(doc, style, warn=None):
        return type(style).__name__.encode()

    def modern(doc, ctx, extra=1):
        return type(ctx).__name__.encode()

    a, ctx = Article("T", blocks=(Paragraph(plain("Một câu.")),)), RenderContext(bantin.load_style("default"))
    assert Exporter("old", ".o", old).render(a, ctx) == Style.__name__.encode()
    assert Exporter("new", ".n", modern).render(a, ctx) == b"RenderContext"
