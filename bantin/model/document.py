"""Articles and briefings: the documents readers make and exporters write."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bantin.model.blocks import Block


@dataclass(frozen=True)
class Outlet:
    code: str | None = None
    name: str | None = None

    @property
    def display(self) -> str:
        return self.name or self.code or ""


@dataclass(frozen=True)
class Dateline:
    place: str | None = None
    time: str | None = None

    @property
    def display(self) -> str:
        return ", ".join(p for p in (self.place, self.time) if p)


@dataclass(frozen=True)
class Signer:
    """One more signer of a document signed by several (a contract's two parties,
    the minutes' secretary and chair, a joint document's agencies): their
    authority and office, one line each, the words a copy sets in the room to
    sign, and their name."""

    name: str | None = None
    title: tuple[str, ...] = ()
    signed: str | None = None


@dataclass(frozen=True)
class Signature:
    """How an administrative document ends (Nghị định 30/2020): who signs it,
    under which authority and office, one line each ("KT. GIÁM ĐỐC", "PHÓ GIÁM
    ĐỐC"), and the recipients ("Nơi nhận": "Như trên", "Lưu: VT"). A copy sets
    words where the signature and the seal go ("(Đã ký)"): ``signed``."""

    name: str | None = None
    title: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    signed: str | None = None
    # The other signers, set to the left of this one, in order (Nghị định 30: the
    # lead agency signs on the right).
    beside: tuple[Signer, ...] = ()


@dataclass(frozen=True)
class Note:
    """A footnote or an endnote: its blocks, referred to from the running text by
    spans whose ``note`` is its ``id``."""

    id: str
    blocks: tuple[Block, ...]
    kind: str = "footnote"  # or "endnote"


NOTE_KINDS = ("footnote", "endnote")


@dataclass(frozen=True)
class Article:
    title: str
    lede: str | None = None
    outlet: Outlet | None = None
    dateline: Dateline | None = None
    date: str | None = None  # ISO 8601, only when known exactly; never guessed
    byline: str | None = None
    language: str = "vi"
    blocks: tuple[Block, ...] = ()
    url: str | None = None
    tags: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()  # in the order of their first reference
    # An administrative document's header (Nghị định 30/2020): the issuing body, its
    # number ("Số: 12/BC-VP") and where it is issued ("Hà Nội").
    issuer: str | None = None
    number: str | None = None
    place: str | None = None
    signature: Signature | None = None  # printed at its end

    @property
    def author(self) -> str:
        """Who the document is by, for metadata (PDF /Author, dc:creator): the
        journalist, else the outlet."""
        return self.byline or (self.outlet.display if self.outlet else "")


@dataclass(frozen=True)
class Briefing:
    title: str
    articles: tuple[Article, ...] = field(default_factory=tuple)
    date: str | None = None
    issuer: str | None = None
    number: str | None = None  # the document's number ("Số: 12/BC-VP"), Nghị định 30's header
    place: str | None = None  # where it is issued ("Hà Nội"), for the place-and-date line
    signature: Signature | None = None  # printed after the last article or entry
    # "bundle": whole articles; "digest": the điểm báo, one short entry per article
    # (title, source line, lede, key points as a list), see bantin.digest.
    kind: Literal["bundle", "digest"] = "bundle"
    group_by: str | None = None  # a digest's grouping of entries: "outlet" or "tag"
    language: str = "vi"

    @property
    def author(self) -> str:
        return self.issuer or ""


Document = Article | Briefing


def articles_of(doc: Document) -> tuple[Article, ...]:
    return doc.articles if isinstance(doc, Briefing) else (doc,)
