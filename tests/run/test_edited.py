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
    assert "thu-vien-so.txt: out/thu-vien-so.docx was saved by LibreOffice" in line and "--overwrite" in line
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
