"""The public Python API, used only through the names ``bantin`` exports."""

from __future__ import annotations

import threading
import tomllib
import warnings
from pathlib import Path

import pytest
from helpers import EPOCH, EXAMPLES, ROOT, assert_in_order, model_words, pdftotext

import bantin

ARTICLE = "Tiêu đề thử nghiệm\n(HNM) - Sáng 1/6, sapo của bài viết.\nĐoạn thân bài: 179 đại biểu dự...\nMinh Châu\n"


@pytest.fixture(autouse=True)
def _epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def test_public_names_resolve():
    for name in bantin.__all__:
        assert getattr(bantin, name) is not None, name
    for cls in (bantin.InputError, bantin.StyleError, bantin.ExportError, bantin.UsageError):
        assert issubclass(cls, bantin.BantinError)
    assert issubclass(bantin.BantinWarning, Warning)


def test_internal_modules_do_not_shadow_the_api():
    import importlib
    import pkgutil

    top = set()
    for mod in pkgutil.walk_packages(bantin.__path__, "bantin."):
        if mod.name != "bantin.__main__":
            importlib.import_module(mod.name)
            top.add(mod.name.split(".")[1])
    # A subpackage named like a public name (the 0.1 "bantin.styles" folder) would
    # replace the function once imported.
    assert top & set(bantin.__all__) == set()
    with pytest.raises(ImportError):
        importlib.import_module("bantin.styles")
    for name in ("read", "export", "convert", "formats", "styles", "load_style"):
        assert callable(getattr(bantin, name)) and not isinstance(getattr(bantin, name), type(bantin)), name


def test_version_in_one_place():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert bantin.__version__ in (ROOT / "CHANGELOG.md").read_text()


def test_read_path_bytes_and_text_agree():
    path = EXAMPLES / "thu-vien-so.txt"
    from_path = bantin.read(path)
    assert isinstance(from_path, bantin.Article)
    assert bantin.read(path.read_bytes()) == from_path
    assert bantin.read(path.read_text(encoding="utf-8")) == from_path
    # Typography is applied: the text shows curly quotes and an ellipsis, not "...".
    doc = bantin.read(ARTICLE)
    assert doc.outlet is not None and doc.outlet.code == "HNM"
    assert "…" in bantin.text_of(doc.blocks[0].text) and "..." not in bantin.text_of(doc.blocks[0].text)


def test_a_file_name_given_as_text_is_warned_about(tmp_path):
    """A str is an article's text (documented); a lone existing file's name in one
    is almost always a path meant: read as text still, with a warning that says how
    to read the file. Real text and a name that is no file say nothing."""
    src = tmp_path / "bai.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        doc = bantin.read(str(src))
        bantin.read(ARTICLE)
        bantin.read(str(tmp_path / "khong-co.txt"))
    assert doc.title == str(src)  # still its text, as documented
    assert len(seen) == 1 and issubclass(seen[0].category, bantin.BantinWarning), seen
    assert "pathlib.Path" in str(seen[0].message) and seen[0].filename == __file__
    said: list[str] = []
    bantin.read(str(src), warn=said.append)
    assert len(said) == 1 and "bai.txt" in said[0]


def test_round_trip_through_json(tmp_path):
    for path in sorted(EXAMPLES.glob("*.txt")) + [EXAMPLES / "ban-tin-tong-hop.json"]:
        doc = bantin.read(path)
        data = bantin.export(doc, "json")
        assert bantin.read(data) == doc
        f = tmp_path / (path.stem + ".json")
        f.write_bytes(data)
        assert bantin.read(f) == doc


def test_the_extension_decides_and_source_format_overrides(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text('{"x": 1} là dòng tiêu đề\nSapo của bài.\n', encoding="utf-8")
    assert bantin.read(f).title.startswith("{")
    with pytest.raises(bantin.InputError, match="JSON"):
        bantin.read(f, source_format="json")
    g = tmp_path / "b.json"
    g.write_text("[1, 2, 3]\n", encoding="utf-8")
    with pytest.raises(bantin.InputError):
        bantin.read(g)


def test_export_every_format_and_words_in_order(tmp_path):
    doc = bantin.read(EXAMPLES / "hoi-nghi-chuyen-doi-so.txt")
    assert set(bantin.formats()) >= {"pdf", "docx", "epub", "txt", "json"}
    for fmt, exp in bantin.formats().items():
        data = bantin.export(doc, fmt, style="default")
        assert data, fmt
        (tmp_path / f"a{exp.extension}").write_bytes(data)
    assert_in_order(model_words(doc), pdftotext(tmp_path / "a.pdf"), "pdf")
    assert (tmp_path / "a.docx").read_bytes()[:2] == b"PK"


def test_styles_and_load_style(tmp_path):
    shipped = bantin.styles()
    assert {"default", "nd30"} <= set(shipped)
    st = bantin.load_style("nd30")
    assert isinstance(st, bantin.Style) and st.text.body_size == 13
    assert bantin.load_style(st) is st
    sheet = tmp_path / "large.toml"
    sheet.write_text('extends = "default"\nname = "large"\n[text]\nbody_size = 13\n', encoding="utf-8")
    assert bantin.load_style(sheet).text.body_size == 13


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: bantin.read(b""), bantin.InputError),
        (lambda: bantin.read(b"\x00\x01binary"), bantin.InputError),
        (lambda: bantin.read(Path("/no/such/file.txt")), bantin.InputError),
        (lambda: bantin.read(Path("/")), bantin.InputError),
        (lambda: bantin.read(b'{"schema": "bantin/article@1", "title": 3}'), bantin.InputError),
        (lambda: bantin.read(b"\xe9t\xe9", encoding="utf-8"), bantin.InputError),
        (lambda: bantin.read("Tiêu đề \udc80\nSapo."), bantin.InputError),
        (lambda: bantin.read(b"x", source_format="doc"), bantin.UsageError),
        (lambda: bantin.read(b"x", encoding="no-such-codec"), bantin.InputError),
        (lambda: bantin.load_style("no-such-style"), bantin.StyleError),
        (lambda: bantin.export(bantin.Article("x"), "nope"), bantin.UsageError),
        (lambda: bantin.export(bantin.Article("x", blocks=(bantin.Paragraph(bantin.plain("x" * 20000)),)), "pdf"),
         bantin.ExportError),
        (lambda: bantin.convert([], "txt"), bantin.UsageError),
        (lambda: bantin.convert(["x.txt"], "nope"), bantin.UsageError),
        (lambda: bantin.convert(["x.txt"], "txt", meta={"date": "5/8"}), bantin.UsageError),
        (lambda: bantin.convert(["x.txt"], "txt", jobs=0), bantin.UsageError),
    ],
)
def test_errors_are_bantin_errors(call, error):
    with pytest.raises(error) as info:
        call()
    assert isinstance(info.value, bantin.BantinError)
    assert "\n" not in str(info.value)


# Adlam 𞤀 (U+1E900): in no shipped or fallback font, so the PDF shows it as [U+1E900].
EMOJI = bantin.Article(
    "Lễ hội \U0001e900",
    lede="Sapo.",
    blocks=(bantin.Paragraph((bantin.Span("Chúc mừng "), bantin.Span("\U0001e900", strong=True))),),
)


def test_warnings_through_the_callable():
    got: list[str] = []
    data = bantin.export(EMOJI, "pdf", warn=got.append)
    assert data.startswith(b"%PDF")
    assert got and all("U+1E900" in w for w in got)


def test_warnings_without_callable_are_bantin_warnings():
    with pytest.warns(bantin.BantinWarning, match="U[+]1E900"):
        bantin.export(EMOJI, "pdf")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bantin.export(EMOJI, "txt")  # the text format draws every character: no warning


def test_threads_give_the_same_bytes_as_serial_calls():
    docs = [bantin.read(p) for p in sorted(EXAMPLES.glob("*.txt"))] + [bantin.read(EXAMPLES / "ban-tin-tong-hop.json")]
    jobs = [(doc, fmt) for doc in docs for fmt in ("pdf", "docx", "epub")]
    serial = [bantin.export(doc, fmt) for doc, fmt in jobs]
    results: dict[int, bytes] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def work(k: int) -> None:
        try:
            barrier.wait()
            for _ in range(2):
                for i in range(k, len(jobs), 4):
                    doc, fmt = jobs[i]
                    results[i] = bantin.export(doc, fmt)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert [results[i] for i in range(len(jobs))] == serial


def test_convert_returns_the_report(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "hong.txt").write_bytes(b"")
    messages: list[str] = []
    out = tmp_path / "out"
    report_file = tmp_path / "report.json"
    rep = bantin.convert([src], "txt,json", out, meta={"date": "2025-06-01"}, report=report_file,
                         on_message=messages.append)
    assert isinstance(rep, bantin.Report)
    assert (rep.converted, rep.failed, rep.skipped, rep.ok) == (1, 1, 0, False)
    by_name = {Path(i.input).name: i for i in rep.inputs}
    assert by_name["hong.txt"].status == "failed" and "empty" in by_name["hong.txt"].errors[0]
    outputs = {o.format: o for o in by_name["bai.txt"].outputs}
    assert set(outputs) == {"txt", "json"} and Path(outputs["txt"].path).is_file()
    assert bantin.read(Path(outputs["json"].path)).date == "2025-06-01"
    assert any("hong.txt" in m and "error" in m for m in messages)
    import json

    on_disk = json.loads(report_file.read_text(encoding="utf-8"))
    expected = rep.to_dict()
    on_disk.pop("seconds"), expected.pop("seconds")
    for entry in on_disk["inputs"] + expected["inputs"]:
        entry.pop("seconds")
    assert on_disk == expected


def test_convert_bundle(tmp_path):
    rep = bantin.convert(sorted(EXAMPLES.glob("*.txt")), ["epub"], tmp_path, bundle="Bản tin sáng",
                         meta=[("issuer", "Văn phòng")])
    assert rep.ok and rep.converted == 1
    assert Path(rep.inputs[0].outputs[0].path).name == "ban-tin-sang.epub"


def test_example_plugin_uses_public_names_only():
    source = (EXAMPLES / "plugin-markdown" / "bantin_markdown.py").read_text(encoding="utf-8")
    imports = [line for line in source.splitlines() if line.startswith(("from bantin", "import bantin"))]
    assert imports == ["from bantin import ("]


def test_every_wrong_argument_is_a_bantin_error():
    """helper-89: the README says everything raises BantinError; a wrong type gave
    a bare TypeError, a list of formats "unhashable type", a far epoch an internal
    error of the DOCX writer."""
    import bantin
    from bantin.model import Article, Paragraph, plain

    doc = Article("Tiêu đề", blocks=(Paragraph(plain("Một câu.")),))
    calls = [lambda: bantin.read(None), lambda: bantin.read(123), lambda: bantin.export(None, "pdf"),
             lambda: bantin.export("văn bản", "pdf"), lambda: bantin.export(doc, ["pdf"]),
             lambda: bantin.read(b"Tieu de\nMot cau.\n", base_dir=5),
             lambda: bantin.read(b"Tieu de\nMot cau.\n", warn=5),
             lambda: bantin.export(doc, "docx", epoch=10**12),
             # helper-91
             lambda: bantin.export(doc, "txt", warn=1), lambda: bantin.read(b"Tieu de\nMot cau.\n", name=1),
             lambda: bantin.convert([str(EXAMPLES / "thu-vien-so.txt")], "txt", None, on_message=1),
             lambda: bantin.convert([str(EXAMPLES / "thu-vien-so.txt")], "txt", None, encoding="bogus")]
    for call in calls:
        with pytest.raises(bantin.BantinError):
            call()
    with pytest.raises(TypeError):  # as Python's own would be, too
        bantin.read(None)
