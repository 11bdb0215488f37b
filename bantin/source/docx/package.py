"""The Word file as a zip of XML parts, opened with a byte budget.

A zip's headers can lie about sizes, so nothing here trusts them: every part is
read through ``zipfile`` in chunks while the bytes actually decompressed are
counted, and reading stops at the budget (the whole file's and any one part's).
XML is parsed by lxml with entity resolution, DTD loading and network access
off. Relationships are read from the ``_rels`` parts, so a part python-docx does
not expose (footnotes, endnotes) is read like any other.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bantin.errors import InputError
from bantin.source import kinds, xmlguards

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # every part read, pictures included
MAX_XML_PART = 64 * 1024 * 1024  # any one XML part, the main document included
CHUNK = 1 << 16

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAIN_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


BOMB_RATIO = 100  # unpacked to packed: deflate gives ten at most to text, a bomb a thousand


class ZipBomb(InputError):
    """The file unpacks to more than the whole budget: nothing more is read."""


@dataclass(frozen=True)
class Rel:
    type: str  # the last segment of the relationship type: "image", "hyperlink", "footnotes", …
    target: str  # a part name inside the zip, or the external address
    external: bool


class Budgeted:
    """A part's bytes as they decompress, stopping the read at the budget."""

    def __init__(self, raw: Any, package: Package, name: str, limit: int, packed: int) -> None:
        self.raw, self.package, self.name, self.limit, self.read_here = raw, package, name, limit, 0
        self.packed = packed  # the part's size in the zip

    def __enter__(self) -> Budgeted:
        return self

    def __exit__(self, *exc: object) -> None:
        self.raw.close()

    def read(self, size: int = -1) -> bytes:
        want = CHUNK if size is None or size < 0 else min(size, CHUNK)
        try:
            data: bytes = self.raw.read(want)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, zlib.error,
                lzma.LZMAError) as e:
            raise InputError(f"damaged Word file: part {self.name} cannot be unpacked ({e})") from None
        except RuntimeError as e:  # an encrypted part
            raise InputError(f"Word file part {self.name} cannot be read ({e})") from None
        self.read_here += len(data)
        self.package.spent += len(data)
        if self.read_here > self.limit:
            # Said a zip bomb only when it is packed like one: a 60 MB EMF picture
            # that packs to 10 MB is merely too large.
            bomb = self.packed * BOMB_RATIO < self.read_here
            raise InputError(f"Word file part {self.name} unpacks to more than {self.limit // 2**20} MB"
                             + ("; a zip bomb is refused" if bomb else ", more than bantin reads of one part"))
        if self.package.spent > MAX_UNCOMPRESSED:
            raise ZipBomb(f"Word file unpacks to more than {MAX_UNCOMPRESSED // 2**20} MB; a zip bomb is refused")
        return data


class Package:
    """The parts of one Word file. ``spent`` counts the bytes decompressed so far."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError):
            # A .doc saved under a .docx name is the common case: say what it is (a
            # broken zip is only that; NotImplementedError: an entry that claims a zip
            # version Python does not read, helper-163).
            what = None if data.startswith(b"PK") else kinds.not_text(data)
            raise InputError(what if what == kinds.PASSWORD
                             else f"not a Word file (.docx): {what or 'not a zip archive'}") from None
        if len(infos) > MAX_ENTRIES:
            raise InputError(f"Word file with {len(infos)} parts; more than {MAX_ENTRIES} is refused")
        twice = _repeated(i.filename for i in infos)
        if twice:
            # Python reads the last of two entries of one name, Word refuses the file,
            # other tools read the first: which text is the document's is anybody's
            # guess, and one copy would be lost without a word (helper-163).
            raise InputError(f"damaged Word file: the zip holds part {twice[:200]} twice (a package names each "
                             "part once); refused")
        self.names = {i.filename for i in infos}
        self.spent = 0
        self.broken: set[str] = set()  # parts that would not parse: the reader says so
        self._rels: dict[str, dict[str, Rel]] = {}
        self.main = self._main_part(data[:100])

    def _main_part(self, head: bytes) -> str:
        for rel in self.rels("").values():
            if rel.type == "officeDocument" and not rel.external and rel.target in self.names:
                return rel.target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        what = kinds.zipped(head)  # an .odt renamed .docx
        raise InputError(f"not a Word document: {what}" if what
                         else "not a Word document (the zip holds no word/document.xml)")

    def stream(self, name: str, limit: int = MAX_XML_PART) -> Budgeted:
        try:
            info = self.zip.getinfo(name)
        except KeyError as e:
            raise InputError(f"damaged Word file: part {name} cannot be opened ({e})") from None
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # Word stores or deflates. Python's bzip2 and LZMA readers unpack a whole
            # block before the budget sees a byte: a 1.5 KB part took 4 GB of memory
            # before it was refused as a bomb (helper-92).
            raise InputError(f"damaged Word file: part {name} is packed with method {info.compress_type}, "
                             "which Word never uses; refused")
        try:
            raw = self.zip.open(info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError) as e:
            raise InputError(f"damaged Word file: part {name} cannot be opened ({e})") from None
        return Budgeted(raw, self, name, limit, info.compress_size)

    def read(self, name: str, limit: int = MAX_XML_PART) -> bytes | None:
        """A part's bytes, or None when the zip has no such part."""
        if name not in self.names:
            return None
        chunks = []
        with self.stream(name, limit) as f:
            while chunk := f.read(CHUNK):
                chunks.append(chunk)
        return b"".join(chunks)

    def xml(self, name: str) -> Any:
        """A part parsed as XML (an lxml element), or None when it is missing. A
        broken optional part costs only that part."""
        data = self.read(name)
        if data is None:
            return None
        try:
            return parse(data)
        except InputError:
            self.broken.add(name)
            return None

    def rels(self, part: str) -> dict[str, Rel]:
        """The relationships of ``part`` ("" for the package's own), by id."""
        if part in self._rels:
            return self._rels[part]
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, Rel] = {}
        for el in root if root is not None else ():
            if el.tag != REL + "Relationship" or not el.get("Id") or el.get("Target") is None:
                continue
            target = el.get("Target", "")
            # An address is outside the file whether or not the relationship says so
            # ("http://…" with no TargetMode read as "word/http:/…"), unless the file
            # holds a part of that name ("anh:1.png" is a legal one).
            external = el.get("TargetMode") == "External" or (
                bool(_SCHEME.match(target)) and resolve(folder, target) not in self.names)
            if not external:
                target = resolve(folder, target)
            out[el.get("Id")] = Rel(el.get("Type", "").rsplit("/", 1)[-1], target, external)
        self._rels[part] = out
        return out

    def related(self, part: str, kind: str) -> str | None:
        """The first part that ``part`` relates to with a relationship of ``kind``."""
        for rel in self.rels(part).values():
            if rel.type == kind and not rel.external and rel.target in self.names:
                return rel.target
        return None


def _repeated(names: Iterable[str]) -> str | None:
    """The first zip entry whose name an earlier one already has, letter case aside
    (the package format compares part names without case), else None."""
    seen: set[str] = set()
    for name in names:
        key = name.casefold()
        if key in seen:
            return name
        seen.add(key)
    return None


_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:(?://|[^\\/])", re.IGNORECASE)  # "http://", "mailto:", not "C:\\"


def resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: relative to the source's folder, or
    absolute from the package root when it starts with "/"."""
    target = target.replace("\\", "/")
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(joined).lstrip("/") if joined else ""


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           remove_comments=True, remove_pis=True)


def _reason(e: Exception) -> str:
    """The parser's message on one line (lxml's can hold a newline before its
    position), or what one of libxml2's guards against hostile XML means."""
    text = " ".join(str(e).split())
    return xmlguards.guard(text) or text[:120]


# Word's "Strict Open XML Document" names its XML in ISO's namespaces
# ("http://purl.oclc.org/ooxml/wordprocessingml/main") where a usual .docx has
# ECMA's ("http://schemas.openxmlformats.org/wordprocessingml/2006/main"); the
# elements are the same. Read with ECMA's names, a Strict file was an empty
# document (helper-134). Only the declarations on the root's start tag are
# renamed, where Word writes them all: text that quotes such an address is left.
_STRICT = re.compile(rb'(xmlns(?::[\w.-]+)?=["\'])http://purl\.oclc\.org/ooxml/(\w+)/([\w/]+)(["\'])')
_ROOT_TAG = re.compile(rb"<(?![?!])[^>]*>")


def transitional(data: bytes) -> bytes:
    """A Strict part's bytes with its namespaces declared as a usual .docx's."""
    if b"purl.oclc.org/ooxml/" not in data[:16384]:
        return data
    root = _ROOT_TAG.search(data)
    if root is None:
        return data
    tag = _STRICT.sub(rb"\1http://schemas.openxmlformats.org/\2/2006/\3\4", root.group(0))
    return data[:root.start()] + tag + data[root.end():]


def parse(data: bytes) -> Any:
    from lxml import etree

    data = transitional(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        raise InputError(f"damaged Word file: {_reason(e)}") from None
    return _unreferenced(root) if _DOCTYPE in data[:4096] else root


# Word writes no document type; a part with one declares entities, which are never
# expanded (a reference can name a file or an address). Each reference stays in
# the tree as a node, and the text after it is that node's tail, which a reader of
# w:t's text would lose: the reference goes and its text stays.
_DOCTYPE = b"<!DOCTYPE"


def _unreferenced(root: Any) -> Any:
    from lxml import etree

    for ref in list(root.iter(etree.Entity)):
        parent, before, tail = ref.getparent(), ref.getprevious(), ref.tail or ""
        if before is not None:
            before.tail = (before.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(ref)
    return root


BODY_LEVEL = (*(W + t for t in ("p", "tbl", "sdt", "customXml", "altChunk", "ins", "moveTo", "del", "moveFrom")),
              "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")


def body_children(package: Package) -> Iterator[Any]:
    """The main document's body elements one by one, each dropped once used, so
    that a long document never sits in memory as a whole tree. Only the
    elements that can hold text are reported (and those inside tables are read
    with their table)."""
    from lxml import etree

    body = W + "body"
    # Unpacked whole (within its budget) before any of it is read, so that a part
    # too large is refused at once, not after minutes of reading.
    data = transitional(package.read(package.main) or b"")
    try:
        events = etree.iterparse(io.BytesIO(data), events=("end",), tag=BODY_LEVEL, resolve_entities=False,
                                 no_network=True, load_dtd=False, remove_comments=True, remove_pis=True)
        typed = _DOCTYPE in data[:4096]
        for _, el in events:
            parent = el.getparent()
            if parent is None or parent.tag != body:
                continue
            yield _unreferenced(el) if typed else el
            el.clear()
            while el.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as e:
        raise InputError(f"damaged Word file: {_reason(e)}") from None
