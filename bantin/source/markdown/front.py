"""YAML front matter and a Jekyll post's file name to the article's metadata.

The YAML is read with PyYAML's safe loader, made safer still: an alias (``*x``)
is refused before anything is expanded (nine nested aliases of nine items make
nine to the ninth items from 600 bytes), nesting is bounded, and numbers and
dates that are no real day stay the text they were written as (``title: 1984``
is a title, however many digits it has; ``date: 2025-02-30`` is no date). Each
field then must be text: a list, a mapping, binary data, yes/no or not-a-number
where text belongs is dropped with a warning, never printed as Python shows it.
Front matter the YAML parser refuses (most often for an unquoted ": " in a value,
"title: Họp báo: kết quả") is read again as flat "key: value" lines, with a
warning; what that cannot read either (a list, nesting, an alias, a tag) stays one
clear error.

Fields: ``title``; ``date`` (else the ``YYYY-MM-DD-`` a Jekyll post's file name
starts with); ``author``/``byline`` (a list of names, or a mapping with a
``name``); ``outlet`` (else ``source`` or ``publisher``, unless an address); ``url``
(else ``source`` when it is one); ``tags``, ``categories`` and pandoc's
``keywords`` (lists, or one string split at commas, else at spaces as Jekyll
does); the lede from ``lede``, ``sapo``, ``summary``, ``description``,
``excerpt`` or pandoc's ``abstract``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from bantin.errors import InputError
from bantin.model import Signature
from bantin.model.dates import iso_date_ok, local_day
from bantin.source import addresses
from bantin.source.reader import distinct_tags
from bantin.source.rules.signature import lines_of

Warn = Callable[[str], None]
MAX_BYTES = 256 * 1024  # of front matter; more is not a post's metadata
MAX_NESTING = 32  # YAML collections inside one another
_JEKYLL = re.compile(r"(\d{4}-\d{2}-\d{2})-(.*)")
_LEDE_KEYS = ("lede", "sapo", "summary", "description", "excerpt", "abstract")  # pandoc's too


class _Refused(Exception):
    """Front matter that is not read, and why."""


class _NotText:
    """A YAML value that is no text where text belongs: yes/no, not-a-number, infinity."""

    def __init__(self, kind: str) -> None:
        self.kind = kind


def _loader(raw: str) -> Any:
    import yaml  # type: ignore[import-untyped]

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise _Refused("it uses a YAML alias (*name), which bantin does not expand")
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise _Refused(f"it nests more than {MAX_NESTING} levels deep")
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    def as_written(loader: Any, node: Any) -> Any:
        return loader.construct_scalar(node)

    def number(loader: Any, node: Any) -> Any:
        written = loader.construct_scalar(node)
        return _NotText("not a number") if written.lower().lstrip("+-") in (".nan", ".inf") else written

    def yes_no(loader: Any, node: Any) -> Any:
        return _NotText("a yes/no value")

    def timestamp(loader: Any, node: Any) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):  # "2025-02-30": not a day, so not a date
            return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:int", as_written)
    Loader.add_constructor("tag:yaml.org,2002:float", number)
    Loader.add_constructor("tag:yaml.org,2002:bool", yes_no)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    return Loader(raw)


def load(raw: str, warn: Warn) -> dict[str, Any] | None:
    """The front matter's mapping; None when its YAML is a single value or a list
    (then it is no front matter: "---", "Foo", "---" is a rule and a heading); an
    ``InputError`` when it cannot be read safely."""
    import yaml

    if len(raw.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        warn(f"front matter longer than {MAX_BYTES // 1024} KB not read")
        return {}
    if not raw.strip():
        return {}
    # YAML's reader refuses the whole text for one control character (a title pasted
    # with a backspace was an internal error, helper-163); no field keeps one anyway.
    unfit = sorted({f"U+{ord(c):04X}" for c in _UNPRINTABLE.findall(raw)})
    if unfit:
        warn(f"dropped control or non-text characters ({', '.join(unfit[:8])}) from the front matter")
        raw = _UNPRINTABLE.sub("", raw)
    try:
        loader = _loader(raw)
    except yaml.YAMLError as e:
        return _not_yaml(raw, e, warn)
    try:
        data = loader.get_single_data()
    except _Refused as e:
        raise InputError(f"front matter not read: {e}") from None
    except yaml.YAMLError as e:
        return _not_yaml(raw, e, warn)
    except (RecursionError, ValueError, TypeError, OverflowError) as e:
        raise InputError(f"front matter not read: {type(e).__name__}") from None
    finally:
        loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        return None
    return {str(k).strip().lower(): v for k, v in data.items() if isinstance(k, str)}


# What YAML's reader calls unprintable (``yaml.reader.Reader.NON_PRINTABLE``).
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _not_yaml(raw: str, e: Exception, warn: Warn) -> dict[str, Any]:
    """Front matter YAML refused, read as flat "key: value" lines; an ``InputError``
    when it cannot be read that way either."""
    # The problem, after what YAML was reading when it met it: the first line of
    # str(e) is that context alone ("while parsing a flow sequence"), no reason.
    problem, context = getattr(e, "problem", None), getattr(e, "context", None)
    said = (f"{context}: {problem}" if problem and context else problem or str(e).splitlines()[0])[:160]
    mark = getattr(e, "problem_mark", None)
    # The file's line: the opening "---" is its first.
    where = f", line {mark.line + 2}" if mark is not None else ""
    flat = _flat(raw)
    if flat is None:
        raise InputError(f"front matter is not valid YAML ({said}{where})") from None
    warn(f"front matter is not valid YAML ({said}{where}): read as plain \"key: value\" lines, each value "
         "up to the line's end (quote a value that holds \": \" to make it YAML)")
    return flat


# A line of flat front matter: a key at the line's start, then ": " (or ":" at the end).
_FLAT = re.compile(r"([A-Za-z_][\w-]{0,63})[ \t]*:(?:[ \t]+(.*))?")
# A value opening with YAML's own syntax (a list, a mapping, an alias or anchor, a tag,
# a block, a quoted string): the YAML failed on it, so no line can say what it meant.
_YAML_SYNTAX = tuple("[{&*!|>%@`\"'")


def _flat(raw: str) -> dict[str, Any] | None:
    """Front matter the YAML parser refused, read as flat "key: value" lines (split at
    the first ": ", helper-156: "title: Họp báo: kết quả quý III" refused the file);
    None unless every line is one, or blank, or a comment. No alias, nesting, list
    or tag is read here, and every value is text."""
    out: dict[str, Any] = {}
    key = None  # the key whose value an indented line goes on (YAML's folded plain text)
    for line in raw.splitlines():
        bare = line.rstrip()
        if not bare or bare.lstrip().startswith("#"):
            continue
        value = bare.strip().split(" #", 1)[0].strip()  # " #": a YAML comment, as YAML reads it
        if bare[0] in " \t":
            if key is None or value.startswith(("- ", *_YAML_SYNTAX)):
                return None  # a nested mapping or list: not flat
            out[key] += " " + value
            continue
        m = _FLAT.fullmatch(bare)
        if m is None:
            return None  # a list item, or no key at all
        value = (m.group(2) or "").split(" #", 1)[0].strip()
        if value.startswith(_YAML_SYNTAX):
            return None
        key = m.group(1).lower() if value else None
        out[m.group(1).lower()] = value or None
    return out or None


# YAML front matter opens with a "---" line, the file's first (as mdit's plugin reads it).
_YAML = re.compile(r"\A---[ \t]*\r?\n")


def opens_yaml(text: str) -> bool:
    """Whether ``text`` opens with YAML front matter's "---" line: a site's page."""
    return _YAML.match(text) is not None


# Hugo's front matter: TOML between "+++" lines, at the very start.
_TOML = re.compile(r"\A\+\+\+[ \t]*\r?\n(?P<raw>.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def toml_front(text: str, warn: Warn) -> tuple[dict[str, Any], str] | None:
    """Hugo's TOML front matter ("+++" … "+++") as a mapping like the YAML one, and
    the Markdown after it; None when the text opens with none (helper-78: its keys
    were printed as the first paragraph, and a page bundle's title was "index")."""
    import tomllib

    m = _TOML.match(text)
    if m is None:
        return None
    raw = m.group("raw")
    if len(raw.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        warn(f"front matter longer than {MAX_BYTES // 1024} KB not read")
        return {}, text[m.end():]
    try:
        data = tomllib.loads(raw)
        return {k.strip().lower(): _as_yaml(v) for k, v in data.items()}, text[m.end():]
    except tomllib.TOMLDecodeError as e:
        # "+++" lines round a block that is no TOML: an article's own decoration
        # (helper-79: refused whole), read as Markdown, said.
        warn(f"the block between the opening \"+++\" lines is not TOML ({str(e)[:80]}): read as Markdown")
        return None
    except RecursionError:  # "a = [[[[…" thousands deep, in the parser or in _as_yaml
        raise InputError("front matter not read: its TOML nests too deeply") from None


def _as_yaml(v: Any) -> Any:
    """A TOML value as the YAML loader gives it: numbers as written, a yes/no as no text."""
    if isinstance(v, bool):
        return _NotText("a yes/no value")
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, list):
        return [_as_yaml(x) for x in v]
    if isinstance(v, dict):
        return {k: _as_yaml(x) for k, x in v.items()}
    return v


def _kind(v: Any) -> str:
    if isinstance(v, (list, tuple, set)):
        return "a list"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, (bytes, bytearray)):
        return "binary data"
    if isinstance(v, _NotText):
        return v.kind
    return "not text"


def text(front: dict[str, Any], key: str, warn: Warn) -> str | None:
    """One field as one line of text, or None (with a warning when it held something else)."""
    v = front.get(key)
    if v is None:
        return None
    if isinstance(v, datetime.date):  # includes datetime
        return v.isoformat()
    if not isinstance(v, str):
        warn(f"front matter {key}: {_kind(v)}, not text; ignored")
        return None
    return " ".join(v.split()) or None


def _names(v: Any) -> list[str]:
    if isinstance(v, str):
        return [" ".join(v.split())]
    if isinstance(v, dict):
        return _names(v.get("name"))
    if isinstance(v, list):
        return [n for x in v for n in _names(x)]
    return []


def byline(front: dict[str, Any], warn: Warn) -> str | None:
    for key in ("byline", "author", "authors"):
        v = front.get(key)
        if v is None:
            continue
        names = [n for n in _names(v) if n]
        if names:
            return ", ".join(dict.fromkeys(names))
        warn(f"front matter {key}: {_kind(v)} without a name; ignored")
    return None


def tags(front: dict[str, Any], warn: Warn) -> tuple[str, ...]:
    out: list[str] = []
    for key in ("tags", "tag", "categories", "category", "keywords"):  # pandoc's keywords
        v = front.get(key)
        if v is None:
            continue
        if isinstance(v, str):
            # Jekyll splits a string of tags at spaces; a Vietnamese word is syllables
            # parted by spaces ("xã hội"), so a string with its letters is one tag, or
            # several parted by commas or semicolons (helper-78: "xã", "hội").
            out += re.split(r"[,;]", v) if ("," in v or ";" in v or not v.isascii()) else v.split()
        elif isinstance(v, list):
            out += [x for x in v if isinstance(x, str)]
            if any(not isinstance(x, str) and x is not None for x in v):
                warn(f"front matter {key}: entries that are not text ignored")
        else:
            warn(f"front matter {key}: {_kind(v)}, not a list of tags; ignored")
    return distinct_tags(out)


def date(front: dict[str, Any], warn: Warn) -> str | None:
    v = front.get("date")
    if v is None:
        return None
    if isinstance(v, datetime.date):
        return local_day(v.isoformat())
    value = text(front, "date", warn)
    if value is None:
        return None
    if iso_date_ok(value):
        return local_day(value)
    if iso_date_ok(value[:10]):
        return value[:10]
    warn(f"front matter date {value[:40]!r} is not a real date in ISO form (YYYY-MM-DD, or YYYY-MM or YYYY "
         "alone); ignored")
    return None


def lede(front: dict[str, Any], warn: Warn) -> str | None:
    for key in _LEDE_KEYS:
        value = text(front, key, warn)
        if value:
            return value
    return None


@dataclass(frozen=True)
class FileName:
    """What a file's name tells: a Jekyll post's date, and a title to fall back on."""

    date: str | None
    title: str | None


def file_name(name: str | None) -> FileName:
    if not name:
        return FileName(None, None)
    stem = PurePath(name.replace("\\", "/")).name
    stem = stem.rsplit(".", 1)[0] if "." in stem.lstrip(".") else stem
    found = None
    m = _JEKYLL.fullmatch(stem)
    if m and iso_date_ok(m.group(1)):
        found, stem = m.group(1), m.group(2)
    title = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return FileName(found, title or None)


def outlet(front: dict[str, Any], warn: Warn) -> str | None:
    """The outlet: ``outlet``, else a ``source`` or ``publisher`` that names one
    ("source: Báo Sài Gòn Giải Phóng", as a newsroom's text header says it)."""
    named = text(front, "outlet", warn)
    if named:
        return named  # as written, whatever it looks like
    for key in ("source", "publisher"):
        v = front.get(key)
        # Only words: a date, a number or an address there is no outlet's name.
        if isinstance(v, str) and any(c.isalpha() for c in v) and not _ADDRESS.match(v.strip()):
            return " ".join(v.split())
    return None


def url(front: dict[str, Any], warn: Warn) -> str | None:
    """The article's address: ``url``, else a ``source`` that is one; one that is no
    web address ("javascript:…") is dropped with a warning (``addresses.source_of``)."""
    v = text(front, "url", warn)
    if v and (v := addresses.source_of(v, "front matter url", warn)):
        return v
    source = front.get("source")
    if isinstance(source, str) and _ADDRESS.match(source.strip()):
        return addresses.source_of(" ".join(source.split()), "front matter source", warn)
    return None


_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+$", re.IGNORECASE)


def lines(front: dict[str, Any], key: str, warn: Warn) -> tuple[str, ...]:
    """A field of several lines, written as a list or parted by ";" ("Như trên;
    Lưu: VT"), as ``-M`` takes it."""
    v = front.get(key)
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return lines_of(";".join(v))
    value = text(front, key, warn)
    return lines_of(value) if value else ()


def signature(front: dict[str, Any], warn: Warn) -> Signature | None:
    """``signer``, ``signer_title``, ``recipients`` and ``signed``, as the ``-M`` keys of the same names."""
    s = Signature(text(front, "signer", warn), lines(front, "signer_title", warn), lines(front, "recipients", warn),
                  text(front, "signed", warn))
    return s if s.name or s.title or s.recipients else None

