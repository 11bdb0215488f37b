"""A Word file somebody saved at an output's path since bantin wrote it is kept:
running the same export again fails that input with a line naming who saved it,
writes none of its formats, converts the others, and --overwrite replaces it."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from helpers import EXAMPLES, bantin, soffice

from bantin.run.edited import saved_by


def export(tmp_path: Path, *extra: str) -> tuple[int, str]:
    r = bantin("export", "-f", "docx,txt", "-o", "out", *extra, str(EXAMPLES / "thu-vien-so.txt"),
               str(EXAMPLES / "mua-lua-dong-thap.txt"), cwd=tmp_path)
    return r.returncode, r.stderr.decode("utf-8")


def test_a_docx_saved_by_libreoffice_is_not_replaced(tmp_path: Path) -> None:
    assert export(tmp_path)[0] == 0
    docx = tmp_path / "out" / "thu-vien-so.docx"
    assert saved_by(docx) is None  # bantin's own
    saved = soffice(docx, tmp_path / "lo", "docx:MS Word 2007 XML")
    shutil.copyfile(saved, docx)
    edited = docx.read_bytes()
    txt = tmp_path / "out" / "thu-vien-so.txt"
    txt.write_text("an older text output", encoding="utf-8")
    other = tmp_path / "out" / "mua-lua-dong-thap.docx"
    other.unlink()

    rc, err = export(tmp_path)
    assert rc == 1 and "Traceback" not in err
    line, = (x for x in err.splitlines() if "error" in x)
    assert "thu-vien-so.txt: out/thu-vien-so.docx was last saved by LibreOffice" in line and "--overwrite" in line
    assert docx.read_bytes() == edited
    assert txt.read_text(encoding="utf-8") == "an older text output"  # none of the input's formats written
    assert other.is_file()  # the other input converted

    rc, err = export(tmp_path, "--overwrite")
    assert rc == 0, err
    assert saved_by(docx) is None and docx.read_bytes() != edited


def test_a_file_that_is_no_word_package_is_kept(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    docx = tmp_path / "out" / "thu-vien-so.docx"
    docx.write_bytes(b"somebody's notes")
    rc, err = export(tmp_path)
    assert rc == 1 and "is a Word file bantin did not write" in err
    assert docx.read_bytes() == b"somebody's notes"


def test_saved_by_names_the_application(tmp_path: Path) -> None:
    def package(app_xml: bytes | None) -> Path:
        p = tmp_path / f"{len(list(tmp_path.iterdir()))}.docx"
        with zipfile.ZipFile(p, "w") as z:
            z.writestr("word/document.xml", "<w:document/>")
            if app_xml is not None:
                z.writestr("docProps/app.xml", app_xml)
        return p

    assert saved_by(package(b"<Properties><Application>bantin 0.3.0</Application></Properties>")) is None
    assert saved_by(package(b"<Properties><Application>Microsoft Office Word</Application></Properties>")) \
        == "Microsoft Office Word"
    assert saved_by(package(b"<ep:Application>WPS Office_11.2</ep:Application>")) == "WPS Office_11.2"
    assert saved_by(package(None)) == ""  # Google Docs and others write no app.xml
    assert saved_by(tmp_path / "missing.docx") is None
    assert saved_by(package(b"<Application>bantinx</Application>")) == "bantinx"


def test_a_broken_package_is_kept_without_a_traceback(tmp_path: Path) -> None:
    """A Word file whose app.xml does not inflate (zlib.error) is not bantin's."""
    p = tmp_path / "broken.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("docProps/app.xml", "<Properties><Application>bantin 0.3.0</Application></Properties>" * 20)
    data = bytearray(p.read_bytes())
    start = data.index(b"docProps/app.xml") + len("docProps/app.xml")
    data[start + 5:start + 25] = b"\xff" * 20  # the deflate stream, past the local header's name
    p.write_bytes(bytes(data))
    assert saved_by(p) == ""


def test_a_bundle_over_an_edited_docx_says_so_and_names_its_failing_inputs(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "ban-tin.docx").write_bytes(b"somebody's notes")
    (tmp_path / "hong.txt").write_bytes(b"")
    r = bantin("export", "-f", "docx", "--bundle", "Bản tin", "-o", "out", str(EXAMPLES / "thu-vien-so.txt"),
               "hong.txt", cwd=tmp_path)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1 and "Traceback" not in err
    assert "hong.txt: empty input" in err and "out/ban-tin.docx is a Word file bantin did not write" in err
    assert (tmp_path / "out" / "ban-tin.docx").read_bytes() == b"somebody's notes"


def test_the_application_is_shown_escaped(tmp_path: Path) -> None:
    """A name from somebody's package reaches the terminal: no escape sequence of it does."""
    (tmp_path / "out").mkdir()
    with zipfile.ZipFile(tmp_path / "out" / "thu-vien-so.docx", "w") as z:
        z.writestr("docProps/app.xml", "<Properties><Application>Word\x1b]0;pwned\x07\x1b[2J\nline2</Application>"
                                       "</Properties>")
    rc, err = export(tmp_path)
    assert rc == 1 and "\x1b" not in err and "thu-vien-so.docx was last saved by 'Word\\x1b]0;pwned" in err


def _resave(docx: Path, app: str) -> None:
    """The package as an editor saves it: its own name in docProps/app.xml."""
    with zipfile.ZipFile(docx) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    parts["docProps/app.xml"] = f"<Properties><Application>{app}</Application></Properties>".encode()
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_in_an_output_folder_inside_the_inputs_only_the_edited_input_fails(tmp_path: Path) -> None:
    """``bantin export -f all .`` writes dist/ inside the input folder: a Word
    output edited there fails its own input, as anywhere, not the whole run."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(EXAMPLES / "thu-vien-so.txt", src / "bai.txt")
    (src / "tin.md").write_text("# Tin ngắn\n\nĐoạn văn của bài.\n", encoding="utf-8")
    assert bantin("export", "-f", "docx,txt", ".", cwd=src).returncode == 0
    docx = src / "dist" / "bai.docx"
    _resave(docx, "LibreOffice/7.4.7.2$Linux_X86_64")
    edited = docx.read_bytes()
    (src / "dist" / "tin.txt").unlink()
    r = bantin("export", "-f", "docx,txt", ".", cwd=src)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1, err
    assert "dist/bai.docx was last saved by LibreOffice/7.4.7.2, not bantin" in err
    assert docx.read_bytes() == edited and (src / "dist" / "tin.txt").is_file()
    # A Word file bantin never wrote there is still somebody's original: the run is refused.
    (src / "dist" / "ghi-chu.docx").write_bytes(edited)
    (src / "ghi-chu.md").write_text("# Ghi chú\n\nĐoạn.\n", encoding="utf-8")
    r = bantin("export", "-f", "docx,txt", ".", cwd=src)
    assert r.returncode == 2 and b"ghi-chu.docx would replace an existing .docx file" in r.stderr
