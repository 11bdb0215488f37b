"""Front matter's syntax: its YAML or TOML read into a mapping, safely.

The YAML is read with PyYAML's safe loader, made safer still: an alias (``*x``)
is refused before anything is expanded (nine nested aliases of nine items make
nine to the ninth items from 600 bytes), nesting is bounded, and numbers and
dates that are no real day stay the text they were written as (``title: 1984``
is a title, however many digits it has; ``date: 2025-02-30`` is no date); a
yes/no or not-a-number is a ``NotText``, which ``front`` drops with a warning
where text belongs. Front matter the YAML parser refuses (most often for an
unquoted ": " in a value, "title: Họp báo: kết quả") is read again as flat
"key: value" lines, with a warning; what that cannot read either (a list,
nesting, an alias, a tag) stays one clear error. Hugo's TOML between "+++"
lines is read with tomllib and its values made what the YAML loader gives.

What the fields mean is ``front``'s job; this module only reads the syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bantin.errors import InputError

Warn = Callable[[str], None]
MAX_BYTES = 256 * 1024  # of front matter; more is not a post's metadata
MAX_NESTING = 32  # YAML collections inside one another

class _Refused(Exception):
    """Front matter that is not read, and why."""


class NotText:
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
        return NotText("not a number") if written.lower().lstrip("+-") in (".nan", ".inf") else written

    def yes_no(loader: Any, node: Any) -> Any:
        return NotText("a yes/no value")

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
        return NotText("a yes/no value")
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, list):
        return [_as_yaml(x) for x in v]
    if isinstance(v, dict):
        return {k: _as_yaml(x) for k, x in v.items()}
    return v
