"""Whether a Word file at an output's path was saved by somebody since bantin wrote it.

People edit the DOCX in Word or LibreOffice, often right where bantin put it
(``dist/``). Running the same export again would replace their work without a
word. A DOCX bantin writes names bantin as its application in
``docProps/app.xml``; Word, LibreOffice, WPS and Google Docs each put their own
name there when they save, so an existing file that does not name bantin is
somebody's work. The input then fails with a line naming who saved it, before
anything of it is written, and ``--overwrite`` replaces it.

No record is needed, so this holds in any output folder, on a fresh clone of an
archive, and for a file copied in from elsewhere. The other formats are not
edited in place by our users (a PDF is printed, an EPUB read), and a text file
keeps no trace of who saved it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from bantin.run.names import shown

_APP = re.compile(rb"<(?:\w+:)?Application>([^<]{0,200})</(?:\w+:)?Application>")
_MAX_APP_XML = 64 * 1024  # app.xml is a few hundred bytes; a larger one is not read whole


def saved_by(path: Path) -> str | None:
    """The application a Word file at ``path`` was last saved by, "" when it does
    not say, or None when there is no file there or bantin wrote it."""
    if path.suffix.lower() != ".docx" or not path.is_file():
        return None
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("docProps/app.xml")
            if info.file_size > _MAX_APP_XML:
                return ""
            xml = z.read(info)
    except Exception:  # noqa: BLE001 - any broken zip (a bad deflate stream raises zlib.error)
        return ""  # not a package bantin wrote: not ours to replace either
    m = _APP.search(xml)
    app = m.group(1).decode("utf-8", "replace").strip() if m else ""
    if app == "bantin" or app.startswith("bantin "):
        return None
    # "LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/…": the name and version say enough
    return " ".join(app.split("$", 1)[0].split())


def refusal(path: Path) -> str | None:
    """Why the output ``path`` may not be replaced, or None when it may."""
    app = saved_by(path)
    if app is None:
        return None
    what = f"was last saved by {shown(app)}, not bantin," if app else "is a Word file bantin did not write,"
    return f"{shown(str(path))} {what} and is kept: move it away, or give --overwrite to replace it"
