"""Addresses in running text become links, in every format at once.

Runs after the rules, on the model's spans: "xem tại https://x.vn/tin" keeps its
words and gains a span with ``href``. A span that already links stays as it is.
"""

from __future__ import annotations

from dataclasses import replace

from bantin.model import Document, Span, Text, map_spans
from bantin.typography.protect import addresses, href


def split(span: Span) -> Text:
    if span.href is not None or span.code:  # an address inside code is code
        return (span,)
    pieces: list[Span] = []
    done = 0
    for start, address in addresses(span.text):
        target = href(address)
        if target is None:
            continue
        pieces += [replace(span, text=span.text[done:start]), replace(span, text=address, href=target)]
        done = start + len(address)
    if not pieces:
        return (span,)
    pieces.append(replace(span, text=span.text[done:]))
    return tuple(p for p in pieces if p.text)


def apply(doc: Document) -> Document:
    return map_spans(doc, split)
