"""The style's faces registered with reportlab, once per process.

reportlab's font registry is process-wide; ``fonts`` maps a style's fonts to the
names registered for them, and a lock keeps two threads from registering the same
style at once. Fallback faces and the code face are registered on first use: most
articles need none of them, and HanaMinA alone takes a second to parse.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from bantin.exporters.pdf import breaks, tounicode, tracking
from bantin.style.fonts import Family, resolve
from bantin.style.stylesheet import FontSpec, Style

Faces = tuple[tuple[str, str], ...]  # (face, registered name) for the four faces


@dataclass(frozen=True)
class Fonts:
    body: str  # registered names of the regular faces
    heading: str
    body_family: Family
    heading_family: Family
    fallbacks: tuple[FontSpec, ...]
    mono: FontSpec  # registered only when a document has code (see mono)
    body_faces: Faces = ()
    heading_faces: Faces = ()

    def face(self, role: str, face: str) -> str:
        """The registered name that draws ``face`` of the body or heading family: a
        family without a true bold has its regular face registered in its place."""
        return dict(self.heading_faces if role == "heading" else self.body_faces)[face]


_registered: dict[tuple[str, ...], Fonts] = {}
_lazy_names: dict[Family, str] = {}
_register_lock = threading.Lock()


def register_family(prefix: str, fam: Family) -> dict[str, str]:
    names: dict[str, str] = {}
    by_path: dict[Path, str] = {}
    for face, path in fam.files.items():
        # A face standing in for another (a fallback's one file, a regular face
        # standing in for a missing bold) is parsed and registered once.
        if path not in by_path:
            by_path[path] = f"{prefix}-{face}"
            pdfmetrics.registerFont(TTFont(by_path[path], str(path)))
        names[face] = by_path[path]
    pdfmetrics.registerFontFamily(
        names["regular"],
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return names


def fonts(style: Style) -> Fonts:
    """Register the style's fonts with reportlab once per process."""
    key = (repr(style.body_font), repr(style.heading_font), repr(style.fallback_fonts), repr(style.mono_font))
    with _register_lock:
        tounicode.install()
        breaks.install()
        tracking.install()
        return _registered.get(key) or _register(key, style)


def _register(key: tuple[str, ...], style: Style) -> Fonts:
    body = resolve(style.body_font)
    heading = resolve(style.heading_font)
    n = len(_registered)
    body_faces = register_family(f"BantinBody{n}", body)
    heading_faces = register_family(f"BantinHeading{n}", heading)
    registered = Fonts(
        body_faces["regular"], heading_faces["regular"], body, heading, style.fallback_fonts, style.mono_font,
        tuple(body_faces.items()), tuple(heading_faces.items()),
    )
    _registered[key] = registered
    return registered


def lazy_name(fam: Family) -> str:
    """The reportlab name of a face registered on first use."""
    with _register_lock:
        if fam not in _lazy_names:
            _lazy_names[fam] = register_family(f"BantinLazy{len(_lazy_names)}", fam)["regular"]
        return _lazy_names[fam]


def mono(spec: FontSpec) -> tuple[str, Family]:
    """The reportlab name and the family of the code face."""
    fam = resolve(spec)
    return lazy_name(fam), fam
