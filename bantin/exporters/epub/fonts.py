"""The book's faces: each text face subset to the Vietnamese repertoire (shared by
every book of the process) plus what this book draws in it, fallbacks for what the
text fonts lack, and the fonts' licences."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ebooklib import epub

from bantin.exporters.labels import CONTENTS
from bantin.style.fonts import REPERTOIRE, Family, fallback_for, file_family, licence, resolve, subset
from bantin.style.stylesheet import Style


@dataclass(frozen=True)
class Embedded:
    used: list[tuple[str, str, str]]  # (role, face, file name) the CSS declares
    shared: tuple[tuple[str, bytes], ...]  # (file name, bytes) of the text faces, zipped once per process
    fallbacks: list[str]  # the fallback families' names in the CSS


def face(path: Path, chars: set[str]) -> bytes:
    """A face subset to the whole Vietnamese repertoire, computed once per process
    and shared by every book; a book that draws more in this face (a rare sign)
    gets its own subset with those characters added."""
    extra = chars - REPERTOIRE
    return subset(path, REPERTOIRE | frozenset(extra) if extra else REPERTOIRE)


def embed(book: epub.EpubBook, faces: dict[tuple[str, str], set[str]], canonical: str, style: Style) -> Embedded:
    """Add the faces to ``book``; ``faces`` maps (role, face) to the characters the
    book draws in it, and ``canonical`` holds every piece of text the book shows."""
    families = {"body": resolve(style.body_font), "heading": resolve(style.heading_font)}
    if any(role == "mono" for role, _ in faces):  # the code face, only for a book with code
        families["mono"] = resolve(style.mono_font)
    # The regular body face is the CSS default: it also draws the navigation and
    # anything no other rule claims, so it keeps every character of the book.
    faces.setdefault(("body", "regular"), set()).update(canonical + CONTENTS)
    # One file per font file, whichever roles draw in it: a style whose headings
    # are set in the body's family (nd30) ships each face once.
    files: dict[Path, str] = {}
    drawn: dict[Path, set[str]] = {}
    used = []
    for role, f in sorted(faces):
        if faces[(role, f)] - {" "}:
            path = families[role].files[f]
            used.append((role, f, files.setdefault(path, f"fonts/{role}-{f}.ttf")))
            drawn.setdefault(path, set()).update(faces[(role, f)])
    # The faces go into the zip through package.repack, compressed once per
    # process; ebooklib gets empty stand-ins so that its manifest lists them.
    shared = tuple((name, face(path, drawn[path])) for path, name in files.items())
    for name, _data in shared:
        book.add_item(epub.EpubItem(uid=f"font-{name[6:-4]}", file_name=name, media_type="font/ttf", content=b""))
    # Characters neither text font has (■, 漢, 🎉) come from the style's fallbacks,
    # each embedded as a subset of just those characters and named after the text
    # fonts in every font-family list.
    needed: dict[Family, set[str]] = {}
    for c in sorted(set(canonical) - set(" \n")):
        if not all(fam.covers(c) for fam in families.values()):
            fb = fallback_for(style.fallback_fonts, c)
            if fb is not None:
                needed.setdefault(fb, set()).add(c)
    extra = [f"fallback-{i}" for i in range(len(needed))]
    for name, (fam, chars) in zip(extra, needed.items(), strict=True):
        book.add_item(epub.EpubItem(uid=f"font-{name}", file_name=f"fonts/{name}.ttf", media_type="font/ttf",
                                    content=subset(fam.files["regular"], frozenset(chars | {" "}))))
    licences = {file_family(fam): licence(fam) for fam in (*families.values(), *needed)}
    for n, (name, text) in enumerate(sorted((k, v) for k, v in licences.items() if v)):
        book.add_item(epub.EpubItem(uid=f"licence-{n}", file_name=f"fonts/licence-{n}.txt",
                                    media_type="text/plain", content=f"{name}\n\n{text}".encode()))
    return Embedded(used, shared, extra)


def warm(style: Style) -> None:
    for fam in (resolve(style.body_font), resolve(style.heading_font)):
        for path in set(fam.files.values()):
            face(path, set())  # the repertoire subsets every book shares
