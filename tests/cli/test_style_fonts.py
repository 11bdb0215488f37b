"""A style sheet whose fonts cannot be used stops the run once, up front: one line
naming the sheet, the key and the font, exit 2 as for a sheet that does not parse,
nothing written. Only the fonts the requested formats set type in are checked, so a
text-only run is never stopped by a PDF font (helper-31, after the last review)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from helpers import bantin, pandoc_plain, pdftotext

# Vera (reportlab's bundled face, and reportlab is a dependency of bantin) is a real
# Latin font without ơ, ư and the tone-marked letters.
_SPEC = importlib.util.find_spec("reportlab")
VERA = Path(_SPEC.origin if _SPEC and _SPEC.origin else ".").parent / "fonts" / "Vera.ttf"

SHEETS = {
    "missing-package": ('[fonts]\nheading = { package = "fontpkg-khong-co-xyz" }\n',
                        "fonts.heading", "fontpkg-khong-co-xyz"),
    "no-vietnamese": (f'[fonts]\nbody = {{ files = ["{VERA}"] }}\n', "fonts.body", "Vera.ttf"),
    "mono-no-vietnamese": (f'[fonts]\nmono = {{ files = ["{VERA}"] }}\n', "fonts.mono", "Vera.ttf"),
}


def _inputs(tmp_path: Path) -> list[str]:
    """Three articles, none with code: a code face is checked all the same."""
    src = tmp_path / "src"
    src.mkdir()
    for i in range(1, 4):
        (src / f"bai-{i}.txt").write_text(f"Tin số {i} về Đồng Tháp\nSapo của bài {i}.\nThân bài ở Hà Nội.\n",
                                          encoding="utf-8")
    return [str(p) for p in sorted(src.iterdir())]


def _sheet(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "house.toml"
    p.write_text('extends = "default"\n' + body, encoding="utf-8")
    return p


def _lines(stderr: bytes) -> list[str]:
    return stderr.decode("utf-8").splitlines()


@pytest.mark.parametrize("case", sorted(SHEETS))
def test_a_bad_font_is_one_line_before_anything_is_converted(tmp_path: Path, case: str) -> None:
    assert VERA.is_file()
    body, key, font = SHEETS[case]
    sheet = _sheet(tmp_path, body)
    inputs = _inputs(tmp_path)
    out = tmp_path / "out"
    r = bantin("export", "--format", "all", "--style", str(sheet), "-o", str(out), *inputs)
    assert r.returncode == 2, r.stderr
    lines = _lines(r.stderr)
    assert len(lines) == 1, lines  # not one per input and format, and no summary of a run that never ran
    line = lines[0]
    assert line.startswith("bantin: error: ") and "house.toml" in line and key in line and font in line, line
    assert "bai-" not in line  # the sheet is at fault, not an input
    if "vietnamese" in case:
        assert "lacks" in line and "Vietnamese letters" in line and "ơ" in line
    assert "Traceback" not in r.stderr.decode()
    assert not out.exists()
    assert r.stdout == b""


@pytest.mark.parametrize("case", sorted(SHEETS))
def test_a_text_only_run_is_not_stopped_by_a_font_it_does_not_use(tmp_path: Path, case: str) -> None:
    sheet = _sheet(tmp_path, SHEETS[case][0])
    out = tmp_path / "out"
    r = bantin("export", "--format", "txt,json", "--style", str(sheet), "-o", str(out), *_inputs(tmp_path))
    assert r.returncode == 0, r.stderr
    assert not [line for line in _lines(r.stderr) if "error" in line]
    for i in range(1, 4):
        assert f"Tin số {i} về Đồng Tháp" in (out / f"bai-{i}.txt").read_text(encoding="utf-8")
        assert (out / f"bai-{i}.json").is_file()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub"])
def test_every_typesetting_format_gives_the_same_answer_for_a_code_face(tmp_path: Path, fmt: str) -> None:
    # The DOCX names the code face in its code styles for every document; the PDF
    # and the EPUB used to fail only for documents with code. Now all three refuse
    # it up front, whatever the documents hold.
    sheet = _sheet(tmp_path, SHEETS["mono-no-vietnamese"][0])
    r = bantin("export", "-f", fmt, "--style", str(sheet), "-o", str(tmp_path / "out"), *_inputs(tmp_path))
    assert r.returncode == 2, r.stderr
    (line,) = _lines(r.stderr)
    assert "fonts.mono" in line and "Vera.ttf" in line and "lacks" in line
    assert not (tmp_path / "out").exists()


def test_a_code_face_with_vietnamese_converts_every_format(tmp_path: Path) -> None:
    # The check must not fire on a good sheet that changes the code face.
    sheet = _sheet(tmp_path, '[fonts]\nmono = { package = "fontpkg-be-vietnam-pro" }\n')
    out = tmp_path / "out"
    r = bantin("export", "-f", "pdf,docx,txt", "--style", str(sheet), "-o", str(out), *_inputs(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "Thân bài ở Hà Nội." in pdftotext(out / "bai-2.pdf")
    assert "Thân bài ở Hà Nội." in pandoc_plain(out / "bai-3.docx", "docx")


def test_a_bundle_and_many_jobs_stop_the_same_way(tmp_path: Path) -> None:
    sheet = _sheet(tmp_path, SHEETS["missing-package"][0])
    inputs = _inputs(tmp_path)
    for extra in (["--bundle", "Bản tin sáng"], ["--jobs", "2", "--report", str(tmp_path / "r.json")]):
        r = bantin("export", "-f", "pdf", "--style", str(sheet), "-o", str(tmp_path / "out"), *extra, *inputs)
        assert r.returncode == 2, r.stderr
        assert len(_lines(r.stderr)) == 1 and "fontpkg-khong-co-xyz" in r.stderr.decode()
        assert not (tmp_path / "out").exists() and not (tmp_path / "r.json").exists()
