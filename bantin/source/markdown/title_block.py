"""Pandoc's title block: "%" lines that open the file, read as pandoc reads them
(helper-156: they were printed as the first paragraph, and the file's name was
the title).

    % Tiêu đề, which may go on
      over lines that open with a space
    % Tác giả Một; Tác giả Hai
    % 2025-03-01

The title, the authors (parted by ";", or one to a line that opens with a space)
and the date, each of which may be left out by a "%" line with nothing on it or
by stopping early. "%%" opens an Obsidian comment, not a title block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bantin.model.dates import iso_date_ok
from bantin.source.rules.dateline import iso_date

_FIELD = re.compile(r"%(?:[ \t]+(.*))?")
_FIELDS = 3  # title, authors, date


def read(text: str, warn: Callable[[str], None]) -> tuple[dict[str, Any], str] | None:
    """The title block's fields, as front matter's keys, and the Markdown after it;
    None when the text opens with none."""
    if _FIELD.fullmatch(text[:text.find("\n")] if "\n" in text else text) is None:
        return None
    lines = text.split("\n")
    fields: list[list[str]] = []
    k = 0
    while k < len(lines) and len(fields) < _FIELDS:
        m = _FIELD.fullmatch(lines[k].rstrip("\r"))
        if m is None:
            break
        field = [m.group(1).strip()] if m.group(1) and m.group(1).strip() else []
        k += 1
        while k < len(lines) and lines[k][:1] in (" ", "\t") and lines[k].strip():
            field.append(lines[k].strip())  # a line that goes on the field
            k += 1
        fields.append(field)
    title, authors, day = (fields + [[], [], []])[:_FIELDS]
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = " ".join(title)
    names = [n.strip() for line in authors for n in line.split(";")]
    if any(names):
        meta["author"] = [n for n in names if n]
    if day:
        written = " ".join(day)
        found = written if iso_date_ok(written) else iso_date(written)
        if found:
            meta["date"] = found
        else:
            warn(f"the title block's date {written[:40]!r} is not one bantin reads (YYYY-MM-DD, or D/M/YYYY); "
                 "ignored")
    return meta, "\n".join(lines[k:])
