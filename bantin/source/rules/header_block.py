"""A "Title:/Source:/Link:/…/Content:" header block, as scraped datasets store news."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bantin.source import addresses

_KEY = re.compile(r"^(Title|Source|Link|URL|Published Date|Date|Author|Tags|Summary|Content)\s*:\s?(.*)$", re.I)
_EMPTY = {"", "n/a", "na", "none", "null", "-"}


@dataclass(frozen=True)
class Header:
    fields: dict[str, str]
    body: list[str]

    def address(self, warn: Callable[[str], None]) -> str | None:
        """The "Link:" (else "URL:") when it is a web address; "javascript:…" is
        dropped with a warning, as the Markdown and web readers drop theirs."""
        key = "link" if self.fields.get("link") else "url"
        given = self.fields.get(key)
        return addresses.source_of(given, f"header {key}", warn) if given else None


def parse(lines: list[str]) -> Header | None:
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    if not nonempty or not lines[nonempty[0]].lower().startswith("title:"):
        return None
    fields: dict[str, str] = {}
    for i in nonempty:
        m = _KEY.match(lines[i].strip())
        if not m:
            if "content" in fields:
                break
            # A line that is no key continues the previous field (a wrapped summary).
            if fields:
                last = list(fields)[-1]
                fields[last] = (fields[last] + " " + lines[i].strip()).strip()
            continue
        key = m.group(1).lower()
        value = m.group(2).strip()
        fields[key] = "" if value.lower() in _EMPTY else value
        if key == "content":
            body = [fields.pop("content")] + lines[i + 1 :]
            return Header(fields, body)
    return None
