"""Footnotes the page marks up, read as notes rather than as more body text.

A note reference is a link to an anchor in the page (``href="#fn1"``) that says
it is one: set in a ``<sup>`` (or holding one), or marked ``role="doc-noteref"``,
``epub:type="noteref"`` or a class such as ``footnote-ref``. Its target is a note
when the target (or the section around it) says so too: ``role="doc-footnote"``
or ``doc-endnotes``, ``epub:type="footnote"``, a class or id such as
``footnotes``, ``references`` or ``fn1``. A target that is an inline anchor
(``<a name="_ftn1">`` as Word's HTML writes it) stands for the block around it.

Each note is taken out of the page before trafilatura reads it, without its
links back to the text ("↩", "^") and the mark that opens it ("1.", "[1]"); a
notes section left empty goes with it, and so does the short heading or rule
just before it. The references then carry the note's id (``n1``, ``n2`` …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bantin.source.html.page import classes, remove, words
from bantin.source.html.tei import tei

_REF_CLASS = re.compile(r"noteref|footnote-?ref|fnref|ftnref|cite[-_]?ref")
# An address that names a note (Word's "#_ftn1", pandoc's "#fn1", MediaWiki's "#cite_note-1").
_NOTE_ID = re.compile(r"(?i)^#(?:_?ftn|_?edn|fn|footnote|endnote|note|cite_note|en)[-_:]?\d")
_SHORT_MARK = 4  # characters of a mark such as "12", "[3]", "*", "iv"
_NOTE_MARK = re.compile(r"foot-?notes?|end-?notes?|rear-?notes?|(?<![a-z])notes?(?![a-z])|references|reflist|"
                        r"chu-?thich|ghi-?chu|(?<![a-z])fn-?\d|_?ftn\d|cite[-_]note|(?<![a-z])note-?\d")
_NOTE_ROLES = ("doc-footnote", "doc-endnote", "doc-endnotes", "doc-footnotes")
_NOTE_TYPES = ("footnote", "endnote", "rearnote", "note")
_BACK_CLASS = re.compile(r"back(?:ref|link)|footnote-?back|reversefootnote|cite-backlink")
_ARROWS = frozenset({"↩", "↩︎", "↑", "^", "⤴", "←"})
_BLOCKS = ("p", "li", "div", "aside", "dd", "section", "td", "blockquote")
_NOTE_WORDS = 1000  # a "note" longer than this is a part of the page, not a note
_HEADING_WORDS = 4
# A short paragraph before the notes heads them when it names them ("Chú thích",
# "Tham khảo", "Sources:"); any other is the body's last line, often its byline
# ("Minh Thư", "MINH THƯ", helper-112, helper-118) or "(Còn nữa)", and stays.
_NOTES_HEADING = re.compile(r"(?i)^\W*(?:chú thích|chú dẫn|ghi chú|chú giải|(?:tài liệu|nguồn)? ?tham khảo|"
                            r"tài liệu dẫn|trích dẫn|dẫn nguồn|nguồn|thư mục|notes?|footnotes?|endnotes?|"
                            r"references|sources?|bibliography)\W*$")


def _heads_notes(text: str) -> bool:
    return bool(_NOTES_HEADING.match(text)) or text.rstrip().endswith(":")


@dataclass
class Notes:
    """The page's notes: each reference's address to its note's id, and each
    note's content in trafilatura's vocabulary."""

    refs: dict[str, str] = field(default_factory=dict)
    content: dict[str, Any] = field(default_factory=dict)


def _kinds(el: Any) -> str:
    return f"{el.get('epub:type') or ''} {el.get('role') or ''}".lower()


def _is_ref(a: Any) -> bool:
    kinds = _kinds(a)
    if "noteref" in kinds or _REF_CLASS.search(classes(a)):
        return True
    text = " ".join(a.text_content().split()).strip("[]() ")
    if _NOTE_ID.match(a.get("href") or "") and 0 < len(text) <= _SHORT_MARK:
        return True
    parent = a.getparent()
    in_sup = parent is not None and (parent.tag == "sup" or (
        parent.getparent() is not None and parent.getparent().tag == "sup" and not (parent.text or "").strip()))
    holds_sup = a.find("sup") is not None and not (a.text or "").strip()
    return in_sup or holds_sup


def _marked(el: Any) -> bool:
    """Whether the element, or a section up to three levels around it, says it holds notes."""
    node, depth = el, 0
    while node is not None and depth < 4 and node.tag not in ("body", "html"):
        kinds = _kinds(node)
        if any(r in kinds for r in _NOTE_ROLES) or any(t in kinds.split() for t in _NOTE_TYPES):
            return True
        if _NOTE_MARK.search(classes(node)):
            return True
        node, depth = node.getparent(), depth + 1
    return False


def _block_of(target: Any) -> Any:
    node = target
    while node is not None and node.tag not in _BLOCKS:
        node = node.getparent()
    return node if node is not None else target


def _strip(note: Any, back: set[str], mark: str) -> None:
    """The note without its links back to the text and the mark that opens it."""
    for a in list(note.iter("a")):
        href = (a.get("href") or "").strip()
        text = " ".join(a.text_content().split())
        if (href.startswith("#") and href[1:] in back) or "backlink" in _kinds(a) or _BACK_CLASS.search(
                classes(a)) or text in _ARROWS:
            remove(a)
    for el in list(note.iter()):
        if isinstance(el.tag, str) and el is not note and _BACK_CLASS.search(classes(el)) and not " ".join(
                el.text_content().split()).strip("".join(_ARROWS) + " ^"):
            remove(el)
    if not mark:
        return
    # "[1] …", "(1) …", "1. …", "1) …"; never "1 triệu …" or "1.000 …", which are the note's words.
    m = re.escape(mark)
    opening = re.compile(rf"^\s*(?:[\[(]{m}[\])][.:]?|{m}[.:)])(?:\s+|$)")
    for el in note.iter():
        if el.text and el.text.strip():
            el.text = opening.sub("", el.text, count=1)
            return
        if el is not note and el.tail and el.tail.strip():
            return


def _empty_up(parent: Any) -> None:
    """Containers the notes leave empty go, with the short heading or rule before them."""
    node = parent
    while node is not None and node.tag not in ("body", "html", "article", "main") and not " ".join(
            node.text_content().split()) and node.find(".//img") is None:
        up = node.getparent()
        prev = node.getprevious()
        remove(node)
        if prev is not None and (prev.tag == "hr" or (prev.tag in ("h2", "h3", "h4", "h5", "h6", "p", "strong")
                                                      and 0 < len(words(prev.text_content())) <= _HEADING_WORDS)):
            if prev.tag == "hr" or prev.tag.startswith("h") or (
                    _marked(node) and _heads_notes(" ".join(prev.text_content().split()))):
                remove(prev)
        node = up


def _sup_outside(a: Any) -> None:
    """``<a href="#fn1"><sup>1</sup></a>`` (EPUB's and many sites' shape) as
    ``<sup><a href="#fn1">1</a></sup>``: trafilatura keeps the link only in the
    second, and the note's text, taken out of the page, was lost (helper-111)."""
    sup = a[0] if len(a) == 1 and a[0].tag == "sup" and not (a.text or "").strip() else None
    parent = a.getparent()
    if sup is None or parent is None or len(sup) or (sup.tail or "").strip():
        return
    a.text, sup.text = sup.text, None
    a.remove(sup)
    a.addprevious(sup)
    sup.tail, a.tail = a.tail, None
    sup.append(a)


def take(page: Any) -> Notes:
    """The page's notes, taken out of it (the page is a working copy)."""
    found = Notes()
    refs = [a for a in page.iter("a") if (a.get("href") or "").startswith("#") and len(a.get("href")) > 1
            and _is_ref(a)]
    if not refs:
        return found
    for a in refs:
        _sup_outside(a)
    wanted = {a.get("href")[1:] for a in refs}
    anchors: dict[str, Any] = {}
    for el in page.iter():
        if not isinstance(el.tag, str):
            continue
        for name in (el.get("id"), el.get("name") if el.tag == "a" else None):
            if name and name in wanted and name not in anchors:
                anchors[name] = el
    by_element: dict[Any, str] = {}
    back: dict[str, set[str]] = {}
    marks: dict[str, str] = {}
    for a in refs:
        target = anchors.get(a.get("href")[1:])
        if target is None:
            continue
        note = _block_of(target) if target.tag in ("a", "span", "sup", "b", "strong") else target
        if note is a or any(x is note for x in a.iterancestors()) or not (_marked(note) or _marked(target)):
            continue
        if note.find(".//h1") is not None or len(words(note.text_content())) > _NOTE_WORDS:
            continue
        nid = by_element.get(note)
        if nid is None:
            nid = f"n{len(by_element) + 1}"
            by_element[note] = nid
            marks[nid] = " ".join(a.text_content().split()).strip("[]() ")
        found.refs[a.get("href")] = nid
        back.setdefault(nid, set()).update(x for x in (a.get("id"), a.get("name")) if x)
        for anc in a.iterancestors():
            if anc.tag == "sup" and anc.get("id"):
                back[nid].add(anc.get("id"))
            break
    for note, nid in by_element.items():
        if any(x in by_element for x in note.iterancestors()):
            continue  # inside another note: it goes with it
        parent = note.getparent()
        _strip(note, back.get(nid, set()), marks.get(nid, ""))
        remove(note)
        found.content[nid] = tei(note)
        if parent is not None:
            _empty_up(parent)
    for note, nid in by_element.items():
        if nid not in found.content:
            found.content[nid] = tei(note)
    return found
