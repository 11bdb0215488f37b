"""Style sheets: TOML data that drives every exporter, so all outputs look alike.

A sheet names fonts, sizes, spacing, the page and the typography switches. It may
``extends`` a shipped sheet (or another file) and override only what differs. Any
key this module does not know is an error naming the key and the file, because a
misspelt key silently ignored is a style that silently does not apply.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from bantin.errors import StyleError
from bantin.nearest import hint
from bantin.style.rules import PAGE_SIZES_MM, check_value, full_colour
from bantin.typography import SWITCHES

# The least text area, each way, in millimetres: each margin may be up to 100 mm, but
# together they must leave a column that a heading, a table and a bundle's cover fit.
MIN_TEXT_MM = 60.0


@dataclass(frozen=True)
class FontSpec:
    """A family of four faces, found in a PyPI font package, as files, or installed.

    ``package``: an installed font package such as ``fontpkg-ibm-plex-serif``;
    ``files``: paths of regular, bold, italic and bold-italic TTFs;
    ``system``: family names tried in order among the machine's installed fonts.
    ``name`` is the family name written into DOCX; by default the font's own.
    """

    package: str | None = None
    files: tuple[str, ...] = ()
    system: tuple[str, ...] = ()
    name: str | None = None
    embed: bool = True
    # "house.toml: fonts.body", for messages; not part of the font's identity.
    where: str = field(default="", compare=False)


@dataclass(frozen=True)
class Page:
    size: str = "A4"
    margin_top: float = 22.0  # millimetres
    margin_bottom: float = 22.0
    margin_left: float = 25.0
    margin_right: float = 20.0
    # "footer": "Trang N/M" centred at the foot of every page;
    # "top": the bare number centred in the top margin from page 2 (Nghị định 30/2020).
    page_numbers: str = "footer"
    running_header: bool = True
    # Nghị định 30's header block (issuer and number left, Quốc hiệu and Tiêu ngữ
    # right, the place-and-date line) on a briefing that names its issuer.
    decree_header: bool = False

    def __post_init__(self) -> None:
        # Margins that leave no column gave reportlab's internal errors, per input.
        w, h = PAGE_SIZES_MM.get(self.size, (MIN_TEXT_MM,) * 2)
        for what, room in (("margin_left + margin_right", w - self.margin_left - self.margin_right),
                           ("margin_top + margin_bottom", h - self.margin_top - self.margin_bottom)):
            if room < MIN_TEXT_MM:
                raise ValueError(f"page.{what} leave {room:g} mm of the {self.size} page for text; "
                                 f"it needs at least {MIN_TEXT_MM:g} mm")

    @property
    def size_mm(self) -> tuple[float, float]:
        return PAGE_SIZES_MM[self.size]


@dataclass(frozen=True)
class Text:
    body_size: float = 11.0
    leading: float = 1.4  # times the font size; >= 1.3 keeps stacked marks clear
    title_size: float = 22.0
    lede_size: float = 11.5
    # A news sapo is bold; Nghị định 30 sets a document's opening paragraph as body text.
    lede_bold: bool = True
    heading_sizes: tuple[float, ...] = (14.0, 12.5, 11.5)
    caption_size: float = 9.0
    masthead_size: float = 8.5
    space_after: float = 6.0  # points after a paragraph
    # Points after a list item: a news list is tight; Nghị định 30's numbered points
    # are paragraphs, 6 pt apart at least.
    item_space: float = 3.0
    first_line_indent: float = 0.0  # millimetres
    justify: bool = True
    txt_width: int = 72
    # The điểm báo's text goes into e-mail: 78 columns, the width mail clients keep
    # unbroken. A large-print sheet narrows it as it narrows txt_width (helper-137).
    digest_width: int = 78
    # "print": wrapped at txt_width, ruled, centred; "message": one line per paragraph,
    # short rules, no centring, plain spaces, to paste into e-mail or Zalo.
    txt_layout: str = "print"
    # Nghị định 30 centres a document's title; a news briefing sets it flush left.
    title_align: str = "left"
    body_colour: str = "#1a1a1a"
    accent_colour: str = "#8a1c1c"

    def __post_init__(self) -> None:
        # A sheet's "#00f" and a caller's own Text alike: every writer reads "#0000ff".
        for name in ("body_colour", "accent_colour"):
            object.__setattr__(self, name, full_colour(getattr(self, name)))


@dataclass(frozen=True)
class Digest:
    """The điểm báo's caps: key points per article, and words per entry (the lede
    and the points; the title and source line are not counted)."""

    points: int = 5
    words: int = 100


@dataclass(frozen=True)
class Style:
    name: str
    description: str
    body_font: FontSpec
    heading_font: FontSpec
    fallback_fonts: tuple[FontSpec, ...]
    page: Page
    text: Text
    typography: dict[str, bool]
    tone_marks: str
    source: str  # the file it came from, for messages
    digest: Digest = Digest()
    # Code (spans and blocks marked as code); a sheet that names none gets IBM Plex Mono.
    mono_font: FontSpec = FontSpec(package="fontpkg-ibm-plex-mono")
    # [outlets]: the newsroom's own outlet codes and names ("BNĐT" = "Báo Bình Định"),
    # read over the built-in table by the newsroom text reader.
    outlets: tuple[tuple[str, str], ...] = ()

    def __hash__(self) -> int:
        return hash((self.name, self.source))


def _shipped_dir() -> Path:
    # The sheets are data, in a folder that is no Python package.
    return Path(str(resources.files("bantin.style") / "sheets"))


def shipped() -> dict[str, Path]:
    return {p.stem: p for p in sorted(_shipped_dir().glob("*.toml"))}


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # only when a sheet is read: `bantin --help` reads none

    try:
        # utf-8-sig: Notepad saves a byte-order mark, which TOML calls an invalid statement.
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as e:
        raise StyleError(f"{path}: cannot read style sheet: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise StyleError(f"{path}: invalid TOML: {e}") from None
    except RecursionError:
        raise StyleError(f"{path}: invalid TOML: nested too deeply") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Tables ([page], [fonts], …) merge key by key; a value inside one replaces the
    inherited value whole, so a font given as files does not keep the parent's package."""
    out = dict(base)
    for k, v in over.items():
        out[k] = {**out[k], **v} if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _resolve_path(ref: str, relative_to: Path | None) -> Path:
    if ref in shipped():
        return shipped()[ref]
    p = Path(ref)
    # A sheet's parent is looked for beside it first, as its font files are: a
    # "base.toml" in the folder a run starts from was taken instead (helper-117).
    # Found nowhere, the error names the path beside the sheet (helper-118: "no style
    # sheet ../base.toml" said not where it was looked for).
    if not p.is_absolute() and relative_to is not None:
        beside = relative_to.parent / p
        p = beside if beside.exists() or not p.exists() else p
    if not p.is_file():
        # The sheet that extends it is named: the missing name may be in any sheet of a chain.
        where = f"{relative_to}: extends: " if relative_to is not None else ""
        what = f"no style sheet {p}" if p.suffix == ".toml" or "/" in ref else f"no style named {ref!r}"
        near = hint(ref, shipped()) if what.startswith("no style named") else ""
        raise StyleError(f"{where}{what} (shipped: {', '.join(shipped())}){near}")
    return p


def _load_raw(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], list[Path]]:
    # Compared resolved: "sub/c.toml" extending "../b.toml" extending "sub/c.toml"
    # named each sheet anew and recursed until Python stopped it (helper-117).
    if path.resolve() in seen:
        raise StyleError(f"{path}: style sheets extend each other in a loop")
    data = _read(path)
    _check_keys(data, path)
    _absolute_font_files(data, path)
    parent = data.pop("extends", None)
    if parent is None:
        return data, [path]
    base, chain = _load_raw(_resolve_path(str(parent), path), seen + (path.resolve(),))
    return _merge(base, data), chain + [path]


_TOP_KEYS = {"name", "description", "extends", "fonts", "page", "text", "typography", "digest", "outlets"}
_FONT_ROLES = {"body", "heading", "mono", "fallback"}
_FONT_KEYS = {f.name for f in fields(FontSpec)}
_SECTION_KEYS = {
    "page": {f.name for f in fields(Page)},
    "text": {f.name for f in fields(Text)},
    "typography": set(SWITCHES) | {"tone_marks"},
    "digest": {f.name for f in fields(Digest)},
}

def _unknown(path: Path, key: str, known: Iterable[str]) -> StyleError:
    """An unknown key ("text.body_sise"), with the known key of its table nearest to it."""
    table = key.rpartition(".")[0]
    return StyleError(f"{path}: unknown key {key!r}{hint(key, (f'{table}.{k}' if table else k for k in known))}")


def _check_font(role: str, spec: object, path: Path) -> None:
    where = f"fonts.{role}"
    if not isinstance(spec, dict):
        raise StyleError(f"{path}: {where} must be a table such as {{ package = \"...\" }}")
    for fk, fv in spec.items():
        if fk not in _FONT_KEYS:
            raise _unknown(path, f"{where}.{fk}", _FONT_KEYS)
        if fk in ("package", "name") and not isinstance(fv, str):
            raise StyleError(f"{path}: {where}.{fk} must be a string")
        if fk in ("files", "system") and not (isinstance(fv, list) and all(isinstance(x, str) for x in fv)):
            raise StyleError(f"{path}: {where}.{fk} must be a list of strings")
        if fk == "embed" and not isinstance(fv, bool):
            raise StyleError(f"{path}: {where}.embed must be true or false")
    for f in spec.get("files", []):
        _check_font_file(_font_path(f, path), f"{where}.files", path)


def _check_font_file(font: Path, key: str, path: Path) -> None:
    from fontTools.ttLib import TTFont, TTLibError

    if not font.is_file():
        raise StyleError(f"{path}: {key}: no font file {font}")
    try:
        with TTFont(font, lazy=True) as f:
            f["cmap"]
    except (OSError, TTLibError, KeyError, AssertionError, ValueError) as e:
        raise StyleError(f"{path}: {key}: {font} is not a font fontTools can open ({type(e).__name__})") from None


def _check_keys(data: dict[str, Any], path: Path) -> None:
    def bad(key: str, known: Iterable[str]) -> StyleError:
        return _unknown(path, key, known)

    for k, v in data.items():
        if k not in _TOP_KEYS:
            raise bad(k, _TOP_KEYS)
        if k in ("name", "description", "extends") and not isinstance(v, str):
            raise StyleError(f"{path}: {k} must be a string")
        if k in _SECTION_KEYS:
            if not isinstance(v, dict):
                raise StyleError(f"{path}: [{k}] must be a table")
            for sub, value in v.items():
                if sub not in _SECTION_KEYS[k]:
                    raise bad(f"{k}.{sub}", _SECTION_KEYS[k])
                check_value(f"{k}.{sub}", value, path)
        if k == "outlets" and not (isinstance(v, dict) and all(
                isinstance(n, str) and 0 < len(c.strip()) <= 30 and 0 < len(n.strip()) <= 200 for c, n in v.items())):
            raise StyleError(f"{path}: [outlets] must map codes (1 to 30 characters) to names (1 to 200)")
        if k == "fonts":
            if not isinstance(v, dict):
                raise StyleError(f"{path}: [fonts] must be a table")
            for role, spec in v.items():
                if role not in _FONT_ROLES:
                    raise bad(f"fonts.{role}", _FONT_ROLES)
                for one in spec if (role == "fallback" and isinstance(spec, list)) else [spec]:
                    _check_font(role, one, path)


def _font_path(f: str, sheet: Path) -> Path:
    """A font file named by a sheet: absolute, or relative to the sheet's folder."""
    p = Path(f).expanduser()
    return p if p.is_absolute() else sheet.parent / p


def _absolute_font_files(data: dict[str, Any], sheet: Path) -> None:
    for role, spec in data.get("fonts", {}).items():
        for one in spec if (role == "fallback" and isinstance(spec, list)) else [spec]:
            if "files" in one:
                one["files"] = [str(_font_path(f, sheet)) for f in one["files"]]


def _font(d: dict[str, Any], where: str) -> FontSpec:
    return FontSpec(package=d.get("package"), files=tuple(d.get("files", ())), system=tuple(d.get("system", ())),
                    name=d.get("name"), embed=bool(d.get("embed", True)), where=where)


def _section(cls: type, d: dict[str, Any], path: Path) -> Any:
    values = {}
    for f in fields(cls):
        if f.name in d:
            v = d[f.name]
            values[f.name] = tuple(v) if isinstance(v, list) else v
    try:
        return cls(**values)
    except (TypeError, ValueError) as e:  # ValueError: a check across keys (Page's margins)
        raise StyleError(f"{path}: {e}") from None


Stamp = tuple[tuple[str, bytes], ...]  # (path, SHA-256 of its bytes) of each sheet in a chain
_loaded: dict[str, tuple[Stamp, Style]] = {}
_loaded_lock = threading.Lock()


def _stamp(paths: list[Path]) -> Stamp | None:
    # The bytes, not the modification time: two edits within one tick of the
    # file system's clock leave the time unchanged. A sheet is a few hundred bytes.
    try:
        return tuple((str(p), hashlib.sha256(p.read_bytes()).digest()) for p in paths)
    except OSError:
        return None


def load(ref: str) -> Style:
    """Load a shipped style by name, or a sheet by path. A sheet is parsed once and
    kept while its file and every file it extends are unchanged: a long-running
    process sees an edited sheet at its next document."""
    path = _resolve_path(ref, None)
    with _loaded_lock:
        kept = _loaded.get(ref)
    if kept is not None and _stamp([Path(p) for p, _ in kept[0]]) == kept[0]:
        return kept[1]
    style, chain = _parse(path)
    stamp = _stamp(chain)
    if stamp is not None:
        with _loaded_lock:
            if len(_loaded) >= 64:  # a process that loads endless temporary sheets
                _loaded.clear()
            _loaded[ref] = (stamp, style)
    return style


def _parse(path: Path) -> tuple[Style, list[Path]]:
    path = path.resolve()  # every message names the sheet as the chain's do: the whole path
    data, chain = _load_raw(path)
    fonts = data.get("fonts", {})
    if "body" not in fonts or "heading" not in fonts:
        raise StyleError(f"{path}: [fonts] needs body and heading, or extends = \"default\" to take a shipped "
                         "style's")
    # Every value was checked against rules.RULES as each sheet of the chain was read.
    typo = data.get("typography", {})
    fallback = fonts.get("fallback", [])
    return Style(
        name=str(data.get("name", path.stem)),
        description=str(data.get("description", "")),
        body_font=_font(fonts["body"], f"{path}: fonts.body"),
        heading_font=_font(fonts["heading"], f"{path}: fonts.heading"),
        fallback_fonts=tuple(_font(f, f"{path}: fonts.fallback")
                             for f in (fallback if isinstance(fallback, list) else [fallback])),
        **({"mono_font": _font(fonts["mono"], f"{path}: fonts.mono")} if "mono" in fonts else {}),
        page=_section(Page, data.get("page", {}), path),
        text=_section(Text, data.get("text", {}), path),
        typography={k: typo.get(k, True) is True for k in SWITCHES},
        tone_marks=typo.get("tone_marks", "keep"),
        source=" < ".join(str(p) for p in reversed(chain)),
        digest=_section(Digest, data.get("digest", {}), path),
        outlets=tuple(sorted((k.strip(), v.strip()) for k, v in data.get("outlets", {}).items())),
    ), chain
