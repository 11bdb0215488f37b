"""Rich text: a tuple of spans, so that emphasis, links and code survive without
any exporter parsing markup."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    text: str
    em: bool = False
    strong: bool = False
    href: str | None = None  # a link's address; not prose, so typography never touches it
    code: bool = False  # code, set in a monospace face; not prose either


Text = tuple[Span, ...]


def plain(text: str) -> Text:
    return (Span(text),) if text else ()


def text_of(spans: Text) -> str:
    return "".join(s.text for s in spans)
