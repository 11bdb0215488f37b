"""A Word document's title, sapo, byline, date and administrative header, found,
never required: each comes from the document itself when it states it, and the
reader says where every inferred one came from.

The title is the Title paragraph; else the document's own title: in an
administrative document the centred line under the header table ("QUYẾT ĐỊNH")
with its summary ("Về việc …") as the lede, a heading the document opens with,
the large or bold centred lines at its top (the national title and motto never
count), or a short first line; else the file's title property when it is not a
template's; else the file name. pandoc's Author, Date and Abstract paragraphs
give the byline, the date and the lede. A creator property is a byline only when
it reads as a person's name; the file's creation time is never the date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import takewhile
from pathlib import PurePath

from bantin.model import Dateline, Outlet, Table
from bantin.model.labels import by_number, is_addressee, is_mark
from bantin.source import addresses
from bantin.source.docx import own
from bantin.source.docx.assemble import Looks, inferred_heading
from bantin.source.docx.body import Item, Para, empty, one_line
from bantin.source.docx.core import Core, national, person, usable_title
from bantin.source.docx.header import Header, capitals, date_line, lines, parse_date, read_header, read_tabbed
from bantin.source.reader import distinct_tags
from bantin.source.rules import admin_header, outlet_tag

WINDOW = 12  # the first non-empty items in which a title drawn by its look is looked for
_RULE = re.compile(r"[\s_\-–—─━═=*~·•.…]*")
_SUMMARY = re.compile(r"(\(|về |v/v|về việc|quy định|ban hành)", re.I)


@dataclass
class Front:
    title: str = ""
    lede: str | None = None
    byline: str | None = None
    date: str | None = None
    header: Header | None = None
    # What bantin's own Word files give in their own styles (``docx.own``).
    outlet: Outlet | None = None
    dateline: Dateline | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()


def _text(it: Item) -> str:
    return it.text if isinstance(it, Para) else ""


def _rule(it: Item) -> bool:
    return isinstance(it, Para) and bool(it.text) and _RULE.fullmatch(it.text) is not None


def display(p: Para, look: Looks) -> bool:
    """A line set apart from the running text: centred and bold (in a document
    whose text is not) or centred and larger, or much larger anywhere."""
    bigger = p.size > 0 and look.size > 0 and p.size >= look.size + 4
    if p.align == "center":
        return (p.bold and not look.bold) or bigger
    return p.size > 0 and look.size > 0 and p.size >= look.size + 12


class Finder:
    def __init__(self, items: list[Item], look: Looks, warn: Callable[[str], None]) -> None:
        self.items, self.look, self.warn = items, look, warn
        self.used: set[int] = set()
        self.front = Front()

    def rest(self) -> list[Item]:
        return [it for i, it in enumerate(self.items) if i not in self.used]

    def nonempty(self, start: int = 0) -> list[int]:
        return [i for i in range(start, len(self.items)) if i not in self.used and not empty(self.items[i])]

    def take(self, i: int) -> str:
        """The words of item ``i`` for a one-line field; its pictures stay in the body."""
        it = self.items[i]
        if isinstance(it, Para) and it.images:
            self.items[i] = Para((), "body", 0, it.align, False, 0, None, it.images, it.boxed)
        else:
            self.used.add(i)
        return one_line(it) if isinstance(it, Para) else ""

    def run(self, core: Core, name: str | None) -> Front:
        self.administrative_header()
        self.metadata_paragraphs()
        title = self.title_paragraph() or self.under_header() or self.opening_heading() or self.display_lines() \
            or self.first_line()
        if not title and usable_title(core.title):
            title = core.title or ""
            self.warn("title taken from the file's title property")
        if not title and name:
            title = PurePath(name).stem
            self.warn("title taken from the file name")
        if not title:
            title = self.first_words()
        self.front.title = title
        self.closing_paragraphs()
        # bantin's own Word files name the outlet as creator when no journalist is
        # known; their byline, when there is one, is a Byline paragraph.
        # An administrative document is signed by its issuer; whoever typed the file
        # is not its author.
        if self.front.byline is None and person(core.creator) and core.modified_by != "bantin" \
                and self.front.header is None:
            self.front.byline = core.creator
            self.warn("byline taken from the file's author property")
        return self.front

    def closing_paragraphs(self) -> None:
        """A bantin Word file's byline, source address and keywords, which close
        it in their own styles (Byline, Source Note)."""
        for i in reversed(range(len(self.items))):
            it = self.items[i]
            if i in self.used or not isinstance(it, Para):
                break
            if it.role == "source":
                field = own.source_field(self.take(i))  # an empty one (after a table) goes too
                if field and field[0] == "url":
                    self.front.url = addresses.source_of(field[1], "Source Note", self.warn)
                elif field:
                    self.front.tags = distinct_tags(field[1].split(","))
            elif it.role == "author" and it.text and self.front.byline is None:
                self.front.byline = self.take(i)
            elif it.text:
                break

    def first_words(self) -> str:
        """The last resort of a document with text and no name (standard input):
        its first words, wherever they are (a table's first cell)."""
        for it in self.items:
            text = _text(it) if isinstance(it, Para) else " ".join(lines((it,))) if isinstance(it, Table) else ""
            words = text.split()
            if words:
                self.warn("title taken from the first words of the text")
                return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        return ""

    def unmarked(self) -> tuple[list[int], bool]:
        """The non-empty items after the opening marks ("HỎA TỐC"), and whether any."""
        idx = self.nonempty()
        marks = next((k for k, i in enumerate(idx) if not is_mark(_text(self.items[i]))), len(idx))
        return idx[marks:], marks > 0

    def administrative_header(self) -> None:
        idx, _ = self.unmarked()  # "DỰ THẢO" typed above the header table
        header, used, where = None, idx[:1], "table"
        if idx and isinstance(self.items[idx[0]], Table):
            header = read_header(self.items[idx[0]])  # type: ignore[arg-type]
        elif idx:
            typed = read_tabbed([it.spans if isinstance(it, Para) else None for it in (self.items[i] for i in idx[:8])])
            if typed is not None:
                header, used, where = typed[0], idx[: typed[1]], "lines typed in two columns"
            else:
                header, used = self.stacked_header(idx)
                where = "lines"
        if header is not None:
            self.used.update(used)
            self.front.header = header
            found = [k for k in ("issuer", "number", "place", "date") if getattr(header, k)]
            self.warn(f"{', '.join(found) or 'nothing'} read from the administrative header {where}")
            self.front.date = header.date

    def stacked_header(self, idx: list[int]) -> tuple[Header | None, list[int]]:
        """Nghị định 30's header typed with no table, one line a paragraph, the
        left column's lines over the right's (a paper retyped, or saved from a
        page): read as the text reader reads such lines. Only with its number
        ("Số: …"): without one, capitals over the national lines are a news
        story's headline or a school's and a class's names over a pupil's đơn, and
        the national title and motto alone open a đơn or a contract, whose kind is
        its title (``signature.typed`` sees them)."""
        paras = list(takewhile(lambda i: isinstance(self.items[i], Para), idx[: admin_header.MAX_LINES]))
        texts = [_text(self.items[i]) for i in paras]
        header, rest = admin_header.split(texts)
        if header is None or not header.number:
            return None, []
        return header, paras[: len(texts) - len(rest)]

    def metadata_paragraphs(self) -> None:
        authors = []
        for i, it in enumerate(self.items):
            if not isinstance(it, Para):
                break  # the metadata of pandoc's styles is what opens the document
            if not it.text:
                continue
            if it.role not in ("title", "subtitle", "author", "date", "abstract", "masthead"):
                break
            if it.role == "masthead":
                m = own.masthead(self.take(i))
                self.front.outlet, self.front.dateline = m.outlet, m.dateline
                self.front.date = parse_date(m.date) if m.date else self.front.date
                if m.clock and self.front.date and len(self.front.date) == 10:
                    self.front.date += f"T{m.clock}"  # the clock said before the date, local time
                if self.front.header is None and (m.issuer or m.number or m.place):
                    self.front.header = Header(m.issuer, m.number, m.place, self.front.date, None)
            elif it.role == "author":
                authors.append(self.take(i))
            elif it.role == "date" and self.front.date is None and parse_date(it.text):
                self.front.date = parse_date(self.take(i))
            elif it.role in ("abstract", "subtitle") and self.front.lede is None:
                self.front.lede = self.take(i)
        if authors:
            self.front.byline = ", ".join(dict.fromkeys(authors))
        if self.front.date is None:
            for i in self.nonempty()[:WINDOW]:
                found = date_line(_text(self.items[i])) if isinstance(self.items[i], Para) else None
                if found is not None and found[1]:
                    self.front.date = found[1]
                    self.warn(f"date taken from the place-and-date line '{_text(self.items[i])}'")
                    break

    def title_paragraph(self) -> str:
        for i, it in enumerate(self.items):
            if isinstance(it, Para) and it.role == "title" and it.text and i not in self.used:
                title = self.take(i)
                self.styled_lede(i)
                self.bold_lede(i)
                return title
        return ""

    def styled_lede(self, after: int) -> None:
        """A Subtitle or Abstract paragraph (bantin's Lede and Document Summary)
        right under the title is the lede, wherever the title stands: under an
        administrative header table too, where the metadata paragraphs are not
        looked for."""
        nxt = self.nonempty(after + 1)[:1]
        if self.front.lede is None and nxt:
            it = self.items[nxt[0]]
            if isinstance(it, Para) and it.role in ("subtitle", "abstract") and it.text:
                self.front.lede = self.take(nxt[0])

    def under_header(self) -> str:
        header = self.front.header
        if header is None:
            return ""
        idx, typed = self.unmarked()  # a mark stamped under the table is no title
        marked = typed or bool(header.marks)
        if idx and isinstance(p := self.items[idx[0]], Para):
            # Centred, or in capitals typed unformatted ("QUYẾT ĐỊNH"); "Kính gửi: …" is no title.
            if (p.align == "center" or capitals(p.text)) and len(p.text.split()) <= 12 and not national(p.text) \
                    and not is_addressee(p.text):
                title = self.take(idx[0])
                self.summary(idx[1:5], after_header=True)
                self.warn("title taken from the line under the administrative header")
                return title
        if header.subject:
            self.warn("title taken from the subject (V/v) in the administrative header")
            if not marked:
                self.styled_lede(-1)  # bantin's Addressee paragraph ("Kính gửi: …")
            return header.subject
        if idx and isinstance(self.items[idx[0]], Para) and is_addressee(_text(self.items[idx[0]])):
            if not marked:  # under a mark it stays the text's first line: the lede is written above the text
                self.front.lede = self.take(idx[0])  # as bantin writes it, and as the text reader reads it
            self.warn("title made from the number: the công văn states no subject (V/v)")
            return by_number(header.number)
        return ""

    def opening_heading(self) -> str:
        idx = self.nonempty()
        if idx and isinstance(self.items[idx[0]], Para) and self.items[idx[0]].role == "heading":  # type: ignore[union-attr]
            title = self.take(idx[0])
            self.warn("title taken from the first heading (the document has no Title paragraph)")
            self.bold_lede(idx[0])
            return title
        return ""

    def display_lines(self) -> str:
        """The most prominent run of display lines near the top (the largest type
        wins; the first of equals). When a run is set larger than the text, only
        its larger lines are the title."""
        runs: list[list[int]] = []
        current: list[int] = []
        for i in self.nonempty()[:WINDOW]:
            it = self.items[i]
            if isinstance(it, Para) and it.role == "heading":
                break
            if isinstance(it, Para) and it.role == "body" and it.num is None and not national(it.text) \
                    and not _rule(it) and ":" not in it.text and display(it, self.look):
                current.append(i)  # a line with a colon ("Kính gửi: …") is an address, not a title
                continue
            if current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        if not runs:
            return ""

        def size(i: int) -> int:
            it = self.items[i]
            return it.size if isinstance(it, Para) else 0

        best = max(runs, key=lambda r: (max(size(i) for i in r), -r[0]))
        big = self.look.size + 4
        if self.look.size and max(size(i) for i in best) >= big:
            kept: list[int] = []
            for i in best:
                if size(i) < big:
                    if kept:
                        break
                    continue
                kept.append(i)
            best = kept
        best = best[:3]
        if sum(len(_text(self.items[i]).split()) for i in best) > 30:
            best = best[:1]
        title = " ".join(self.take(i) for i in best)
        self.warn("title taken from the large or bold lines at the top of the document")
        self.summary(self.nonempty(best[-1] + 1)[:4])
        self.bold_lede(best[-1])
        return title

    def summary(self, following: list[int], after_header: bool = False) -> None:
        """The lines under a title that say what the document is about: centred,
        up to the rule under them; away from an administrative header only a
        parenthesis ("(Kèm theo Nghị định …)") or an administrative summary
        ("Về việc …")."""
        lines: list[int] = []
        for i in following:
            it = self.items[i]
            if not isinstance(it, Para) or _rule(it) or not it.text or len(lines) == 3 or it.align != "center" and not (
                    after_header and not lines and _SUMMARY.match(it.text) and len(it.text.split()) <= 40):
                break  # uncentred, only a "Về việc …" right under the type, typed with no formatting
            if lines and capitals(it.text) or not after_header and (
                    display(it, self.look) or (not lines and not _SUMMARY.match(it.text))):
                break
            lines.append(i)
            joined = " ".join(_text(self.items[j]) for j in lines)
            if not after_header and not (joined.startswith("(") and not joined.rstrip(" .").endswith(")")):
                break
        if lines and self.front.lede is None:
            self.front.lede = " ".join(self.take(i) for i in lines)
            self.warn("lede taken from the summary lines under the title")

    def first_line(self) -> str:
        idx = self.nonempty()
        if not idx:
            return ""
        it = self.items[idx[0]]
        if isinstance(it, Para) and it.num is None and it.text and len(it.text.split()) <= 25 \
                and len(it.text) <= 200 and it.role not in ("code", "caption"):
            title = self.take(idx[0])
            self.warn("title taken from the first line")
            self.bold_lede(idx[0])
            return title
        return ""

    def bold_lede(self, after: int) -> None:
        """A first paragraph under the title set apart in bold or italic, or opening
        with the outlet's tag ("HÀ NỘI (TTXVN) – …"), is the sapo, as in newsroom
        text; not when the document sets all its text so, nor a heading.
        (helper-154: an italic sapo, and any sapo under a title drawn by its look,
        was the body's first paragraph.)"""
        if self.front.lede is not None:
            return
        nxt = [i for i in self.nonempty(after + 1)][:1]
        if not nxt:
            return
        it = self.items[nxt[0]]
        if not (isinstance(it, Para) and it.role == "body" and it.num is None and len(it.text.split()) >= 6
                and not inferred_heading(it, self.look)):
            return
        tagged = outlet_tag.split(it.text)[2] != it.text
        italic = all(s.em for s in it.spans if s.text.strip())
        set_apart = (it.bold and not self.look.bold or italic) and it.align != "center" \
            and it.text.rstrip()[-1:] in ".!?…»”\""
        if tagged or set_apart:
            self.front.lede = self.take(nxt[0])
            how = "opening with the outlet's tag" if tagged else "in bold" if it.bold else "in italic"
            self.warn(f"lede taken from the paragraph {how} under the title")


def find_front(items: list[Item], look: Looks, core: Core, name: str | None,
               warn: Callable[[str], None]) -> tuple[Front, list[Item]]:
    finder = Finder(items, look, warn)
    front = finder.run(core, name)
    return front, finder.rest()
