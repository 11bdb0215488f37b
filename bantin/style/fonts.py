"""Find the four faces of a style's font family and prove they cover Vietnamese.

Fonts come from PyPI font packages (or files a style names), never from whatever
the machine happens to have, except where a style asks for installed fonts by
name (the nd30 sheet's Times New Roman). A face that lacks any of the 134 toned
vowels or đ Đ is refused with the list of what is missing: a renderer would
otherwise drop or substitute those letters without a word.
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from bantin.errors import StyleError
from bantin.style import cache
from bantin.style.stylesheet import FontSpec, Style

FACES = ("regular", "bold", "italic", "bold_italic")

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
VIETNAMESE = frozenset(
    unicodedata.normalize("NFC", c + t)
    for v in _VOWELS
    for c in (v, v.upper())
    for t in _TONES
) | frozenset("đĐ")


# What an editor must be able to type in an embedded face: every Vietnamese letter,
# ASCII and Latin-1, General Punctuation, the tone marks for decomposed input, and
# the signs Vietnamese news uses (₫ € №). Embedded subsets keep all of it, so a
# subset never stops anyone typing a Vietnamese word.
REPERTOIRE = frozenset(
    VIETNAMESE
    | {chr(c) for c in range(0x20, 0x7F)}
    | {chr(c) for c in range(0xA0, 0x100)}
    | {chr(c) for c in range(0x2000, 0x2070)}
    | set("\u0300\u0301\u0303\u0309\u0323₫€№™•←→")
)


class FontError(StyleError):
    """A font the style names is missing, unusable or lacks Vietnamese letters."""


@dataclass(frozen=True)
class Family:
    name: str  # family name as the font's name table gives it, or the style's override
    files: dict[str, Path]  # face -> file
    cmap: frozenset[int]  # code points every face has
    embed: bool
    package: str | None = None  # the PyPI font package it came from, if any

    def __hash__(self) -> int:
        return hash(tuple(self.files.values()))

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.cmap

    def covers_all(self, text: str) -> bool:
        return self.cmap.issuperset(map(ord, text))


def _face_of(stem: str) -> str | None:
    s = stem.lower().replace(" ", "").replace("_", "-")
    tail = s.rsplit("-", 1)[-1] if "-" in s else s
    table = {
        "regular": "regular", "roman": "regular", "book": "regular",
        "bold": "bold", "italic": "italic", "bolditalic": "bold_italic",
        "boldoblique": "bold_italic", "oblique": "italic",
    }
    return table.get(tail)


def _from_package(package: str) -> dict[str, Path]:
    from importlib import metadata  # slow to import, and only fonts from packages need it

    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise FontError(f"font package {package!r} is not installed (pip install {package})") from None
    found: dict[str, Path] = {}
    for f in dist.files or ():
        if f.suffix.lower() == ".ttf":
            face = _face_of(Path(str(f)).stem)
            if face and face not in found:
                found[face] = Path(str(dist.locate_file(f)))
    variable = sorted(f.name for f in dist.files or () if f.suffix.lower() == ".ttf" and "[" in f.name)
    if "regular" not in found and variable:
        # "Lora[wght].ttf": a variable font, named by its axes, not by a face.
        raise FontError(f"{package} has only variable fonts ({', '.join(variable[:2])}); reportlab needs "
                        "static TrueType faces")
    return found


_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


@lru_cache(maxsize=1)
def _installed() -> tuple[tuple[str, str, Path], ...]:
    """(family, subfamily, path) of every installed TrueType font."""
    from fontTools.ttLib import TTFont

    out = []
    for d in _FONT_DIRS:
        root = Path(os.path.expanduser(d))
        if not root.is_dir():
            continue
        for p in sorted(root.rglob("*.ttf")):
            try:
                with TTFont(p, lazy=True) as f:
                    name = f["name"]
                    fam = name.getDebugName(16) or name.getDebugName(1) or ""
                    sub = name.getDebugName(17) or name.getDebugName(2) or ""
            except Exception:  # noqa: BLE001 - a broken font on the machine is skipped
                continue
            out.append((fam, sub, p))
    return tuple(out)


def _from_system(family: str) -> dict[str, Path]:
    subs = {
        "regular": "regular", "roman": "regular", "book": "regular", "normal": "regular",
        "bold": "bold", "italic": "italic", "oblique": "italic",
        "bold italic": "bold_italic", "bold oblique": "bold_italic",
    }
    found: dict[str, Path] = {}
    for fam, sub, path in _installed():
        face = subs.get(sub.lower())
        if fam.lower() == family.lower() and face and face not in found:
            found[face] = path
    return found


@lru_cache(maxsize=64)
def _digest(path: Path) -> bytes:
    """The font file's SHA-256, read once per process (HanaMinA is 30 MB)."""
    import hashlib

    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").digest()


@dataclass(frozen=True)
class _Facts:
    """What bantin needs to know of a font file before using it."""

    family: str  # typographic family name (name ID 16), else the family (1)
    glyf: bool  # TrueType outlines, which reportlab can embed
    variable: bool
    cmap: frozenset[int]


@lru_cache(maxsize=64)
def _facts(path: Path) -> _Facts:
    """Read once per process, and kept on disk between processes (``bantin.style.cache``):
    fontTools takes 5 ms to read a text face's cmap and name, and a second for
    HanaMinA's."""
    def read() -> bytes:
        from fontTools.ttLib import TTFont

        with TTFont(path, lazy=True) as f:
            name = f["name"].getDebugName(16) or f["name"].getDebugName(1) or path.stem
            codes = sorted(f.getBestCmap() or ()) if "glyf" in f and "fvar" not in f else []
            ranges: list[list[int]] = []
            for c in codes:  # stored as ranges: a CJK face maps 40,000 code points
                if ranges and ranges[-1][1] == c - 1:
                    ranges[-1][1] = c
                else:
                    ranges.append([c, c])
            return json.dumps({"family": name, "glyf": "glyf" in f, "variable": "fvar" in f,
                               "cmap": ranges}).encode()

    digest = cache.key("font-facts", _digest(path), cache.source_of(__file__))
    data = json.loads(cache.cached("font-facts", digest, read))
    cmap = frozenset(c for lo, hi in data["cmap"] for c in range(lo, hi + 1))
    return _Facts(data["family"], data["glyf"], data["variable"], cmap)


def _cmap(path: Path) -> frozenset[int]:
    facts = _facts(path)
    if not facts.glyf:
        raise FontError(f"{path}: not a TrueType-outline font (CFF .otf cannot be embedded by reportlab)")
    if facts.variable:
        raise FontError(f"{path}: a variable font; use static instances")
    return facts.cmap


def _family_name(path: Path) -> str:
    return _facts(path).family


def file_family(fam: Family) -> str:
    """The family its files name, whatever the style calls it ("Liberation Serif"
    for nd30's "Times New Roman"): the name its licence is under."""
    return _family_name(fam.files["regular"])


# What bantin's own typography writes into the text (quotes, dashes, the ellipsis,
# the no-break space): a face without them printed "[U+201C]" in a PDF of a source
# that typed none of them (helper-117).
TYPESET = frozenset("“”‘’–—…\u00a0")


def missing_vietnamese(cmap: frozenset[int]) -> list[str]:
    return sorted(c for c in VIETNAMESE | TYPESET if ord(c) not in cmap)


def _check(files: dict[str, Path], label: str) -> frozenset[int]:
    common: frozenset[int] | None = None
    for face, path in files.items():
        cmap = _cmap(path)
        lacks = missing_vietnamese(cmap)
        if lacks:
            # A font named by its file is named once, not as "Vera.ttf: Vera.ttf regular".
            font = label if label == str(path) else f"{path}: {label}"
            raise FontError(
                f"{font} {face} lacks {len(lacks)} Vietnamese letters or typographic marks: "
                f"{''.join(lacks[:16]).replace(chr(0xA0), '(no-break space)')}"
                + ("…" if len(lacks) > 16 else "")
            )
        common = cmap if common is None else common & cmap
    return common or frozenset()


def resolve(spec: FontSpec) -> Family:
    """Find and check the four faces. Cached: fonts are read once per process. An
    error names the sheet and its key ("house.toml: fonts.body: …"): the exporter
    that meets it knows neither."""
    try:
        return _resolve(spec)
    except FontError as e:
        raise FontError(f"{spec.where}: {e}" if spec.where else str(e)) from None


@lru_cache(maxsize=16)
def _resolve(spec: FontSpec) -> Family:
    label = spec.package or (spec.files[0] if spec.files else " / ".join(spec.system))
    if spec.package:
        files = _from_package(spec.package)
    elif spec.files:
        files = {face: Path(os.path.expanduser(p)) for face, p in zip(FACES, spec.files, strict=False)}
        for p in files.values():
            if not p.is_file():
                raise FontError(f"font file not found: {p}")
    elif spec.system:
        reasons = []
        for fam in spec.system:
            files = _from_system(fam)
            if "regular" not in files:
                reasons.append(f"{fam}: not installed")
                continue
            try:
                _check(files, fam)
                break
            except FontError as e:
                reasons.append(str(e))
        else:
            raise FontError(
                "no usable font among " + ", ".join(spec.system) + " (" + "; ".join(reasons)
                + "). On Debian: apt-get install fonts-liberation2"
            )
    else:
        raise FontError("a font needs package, files or system")
    if "regular" not in files:
        raise FontError(f"{label}: no regular face found")
    # A family without a true bold or italic still renders: the regular face stands in.
    for face in FACES:
        files.setdefault(face, files["bold"] if face == "bold_italic" and "bold" in files else files["regular"])
    cmap = _check(files, label)
    return Family(spec.name or _family_name(files["regular"]), files, cmap, spec.embed, spec.package)


def check(style: Style) -> None:
    """Resolve the body, heading and code faces of ``style``, as a run does once
    before its first document when a format sets type: a font that cannot be used
    is one error naming the sheet, the key and the font, not one per input. The
    code face is checked whether or not a document holds code, because every DOCX
    names it in its code styles, where an editor may type Vietnamese later, and
    the same sheet must get the same answer from every format that sets type (text
    and JSON need no font, so a sheet is not refused for them). Fallbacks are
    not checked: one not installed is skipped by design, and HanaMin takes a
    second to open."""
    for role, spec in (("body", style.body_font), ("heading", style.heading_font), ("mono", style.mono_font)):
        if not spec.where:  # the built-in code face of a sheet that names none
            spec = replace(spec, where=f"{style.source.split(' < ')[0]}: fonts.{role} (not set: the default)")
        resolve(spec)


@lru_cache(maxsize=16)
def resolve_fallback(spec: FontSpec) -> Family | None:
    """A fallback face for what the text fonts lack (symbols, Hán Nôm, emoji): any
    font with TrueType outlines, one face, no Vietnamese asked of it. None when it
    is not installed; the characters only it has then show as [U+…], with a warning."""
    if spec.package:
        try:
            files = _from_package(spec.package)
        except FontError:
            return None
    elif spec.files:
        files = {"regular": Path(os.path.expanduser(spec.files[0]))}
        if not files["regular"].is_file():
            raise FontError(f"fallback font file not found: {files['regular']}")
    else:
        files = next((f for f in map(_from_system, spec.system) if "regular" in f), {})
    if "regular" not in files:
        return None
    regular = files["regular"]
    cmap = _cmap(regular)
    return Family(spec.name or _family_name(regular), {face: regular for face in FACES}, cmap, spec.embed,
                  spec.package)


def fallback_for(specs: tuple[FontSpec, ...], ch: str) -> Family | None:
    """The first fallback that has ``ch``. Fallbacks are read only when a character
    needs one: HanaMinA and HanaMinB take a second to open, and most articles never
    reach them."""
    for spec in specs:
        fam = resolve_fallback(spec)
        if fam is not None and fam.covers(ch):
            return fam
    return None


@lru_cache(maxsize=8)
def licence(fam: Family) -> str | None:
    """The licence text that ships with a packaged font, for a book that embeds
    it (the OFL asks for it). Only a package's own licence file is read: a file
    that merely sits beside a font path a style names is not ours to copy."""
    from importlib import metadata

    if fam.package is None:
        return _stated(fam.files["regular"])
    try:
        dist = metadata.distribution(fam.package)
    except metadata.PackageNotFoundError:
        return None
    names = ("OFL.txt", "OFL", "LICENSE", "LICENSE.txt", "LICENCE", "LICENCE.txt")
    for f in sorted(dist.files or (), key=str):
        if Path(str(f)).name in names:
            return Path(str(dist.locate_file(f))).read_text(encoding="utf-8", errors="replace")
    return None


def _stated(path: Path) -> str | None:
    """What the font itself says of its copyright and licence (name IDs 0, 13 and
    14), for a font installed on the machine (Liberation Serif for nd30): its
    package's licence file is the system's, found by no reliable path."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as f:
        lines = [f["name"].getDebugName(i) for i in (0, 13, 14)]
    text = "\n\n".join(line.strip() for line in lines if line and line.strip())
    return text + "\n" if text else None


@lru_cache(maxsize=64)
def subset(path: Path, chars: frozenset[str], kerning: bool = False) -> bytes:
    """The face reduced to ``chars``, for embedding. ``kerning`` keeps the kern
    feature (GPOS), for faces an editor keeps typing in. Kept on disk between
    processes (``bantin.style.cache``), keyed by the font's bytes, the characters, the
    options, fontTools' version and this module's source."""
    import fontTools

    digest = cache.key("subset", _digest(path), "".join(sorted(chars)), str(kerning), fontTools.version,
                       cache.source_of(__file__))
    return cache.cached("subset", digest, lambda: _subset(path, chars, kerning))


def _subset(path: Path, chars: frozenset[str], kerning: bool) -> bytes:
    import io
    import logging

    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    font = TTFont(path, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    opts = ft_subset.Options()
    opts.hinting = False
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    # Vietnamese is set from precomposed NFC glyphs, which need no OpenType
    # positioning; dropping the layout tables makes each subset four times faster
    # (16 ms instead of 60 ms a face) at the cost of kerning in e-readers.
    opts.layout_features = ["kern"] if kerning else []
    opts.drop_tables += ["meta", "DSIG"] + ([] if kerning else ["GSUB", "GPOS", "GDEF"])
    opts.recalc_timestamp = False
    opts.canonical_order = False
    sub = ft_subset.Subsetter(opts)
    sub.populate(unicodes=sorted(ord(c) for c in chars))
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()
