"""Front matter's fields and a Jekyll post's file name to the article's metadata.

The mapping comes from ``front_syntax`` (YAML or TOML, read safely). Each field
must be text: a list, a mapping, binary data, yes/no or not-a-number where text
belongs is dropped with a warning, never printed as Python shows it.

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
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from bantin.model import Signature
from bantin.model.dates import iso_date_ok, local_day
from bantin.source import addresses
from bantin.source.markdown.front_syntax import NotText, Warn
from bantin.source.reader import distinct_tags
from bantin.source.rules.signature import lines_of

_JEKYLL = re.compile(r"(\d{4}-\d{2}-\d{2})-(.*)")
_LEDE_KEYS = ("lede", "sapo", "summary", "description", "excerpt", "abstract")  # pandoc's too


def _kind(v: Any) -> str:
    if isinstance(v, (list, tuple, set)):
        return "a list"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, (bytes, bytearray)):
        return "binary data"
    if isinstance(v, NotText):
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

