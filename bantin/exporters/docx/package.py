"""The package around the body: core properties, embedded fonts, content types,
settings, and a zip whose bytes depend only on the content.

Everything here uses python-docx's public objects or lxml on the parts' XML.
The parts are written by ``package_files`` from ``iter_parts`` (python-docx's own
writer would stamp the current time on every zip entry).
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from bantin._version import __version__
from bantin.exporters.archive import zip_entry
from bantin.exporters.docx.styles import LANG
from bantin.exporters.labels import doc_subject, meta_text, short_title
from bantin.model import Document
from bantin.style.fonts import REPERTOIRE, Family, subset

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
ODTTF = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
COMPATIBILITY_MODE = "15"  # Word 2013 and later
_DEFAULTS = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}

def core_properties(d: Any, doc: Document, when: datetime) -> None:
    cp = d.core_properties
    when = when.replace(tzinfo=None)
    # Core properties hold at most 255 characters (python-docx refuses more); a
    # lede or a scraped title is often longer, and the body carries it whole.
    cp.title = short_title(meta_text(doc.title), 250)
    cp.author = short_title(meta_text(doc.author), 250)
    cp.subject = short_title(doc_subject(doc), 250)
    cp.language = LANG
    cp.created = when
    cp.modified = when
    cp.last_modified_by = "bantin"
    cp.comments = ""
    cp.keywords = short_title(", ".join(getattr(doc, "tags", ())), 250)
    cp.category = ""
    cp.revision = 1
    cp.identifier = ""
    cp.version = ""
    cp.content_status = ""


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>bantin {__version__}</Application><DocSecurity>0</DocSecurity></Properties>"
).encode()


def settings(d: Any) -> None:
    """Document settings, once per prepared template: Vietnamese as the theme
    language, no automatic hyphenation, fonts embedded, and none of the template's
    revision ids or document id (they would make every file look edited)."""
    root = d.settings.element
    # No proofState: it tells Word the text was already checked, so Word would not
    # mark a misspelling until asked to check again.
    for tag in ("w:rsids", "w14:docId", "w:embedTrueTypeFonts", "w:saveSubsetFonts", "w:autoHyphenation",
                "w:proofState"):
        for el in root.findall(qn(tag)):
            root.remove(el)
    # Word 2013's layout (compatibility mode 15): in 14 Word opens every file in
    # "Compatibility Mode" and offers to convert it. In 15 LibreOffice (7.4) drops
    # what follows a tab stop past the paragraph's right indent, so the contents'
    # style (TOC 1) has none: its right tab at the text's edge, inside the
    # paragraph, holds the page number. A table's rules now start at the text's
    # edge, as the PDF draws them, in Word and LibreOffice alike.
    for compat in root.iter(qn("w:compatSetting")):
        if compat.get(qn("w:name")) == "compatibilityMode":
            compat.set(qn("w:val"), COMPATIBILITY_MODE)
    # A line that ends with Shift+Enter (a verse, an address's line) in a justified
    # paragraph keeps its spaces, as in the PDF: Word and LibreOffice would stretch
    # "Địa chỉ: số 1 phố …" across the whole line. First in CT_Compat's sequence.
    options = root.find(qn("w:compat"))
    if options is not None and options.find(qn("w:doNotExpandShiftReturn")) is None:
        options.insert(0, options.makeelement(qn("w:doNotExpandShiftReturn"), {}))
    lang = root.find(qn("w:themeFontLang"))
    if lang is not None:
        for attr in list(lang.attrib):
            del lang.attrib[attr]
        lang.set(qn("w:val"), LANG)
    # CT_Settings is a sequence: each setting goes after the element it follows.
    zoom = root.find(qn("w:zoom"))
    embed = root.makeelement(qn("w:embedTrueTypeFonts"), {})
    (zoom.addnext(embed) if zoom is not None else root.insert(0, embed))
    # Not w:saveSubsetFonts: Word would then keep only the characters used when an
    # editor saves, and the next editor could not type a Vietnamese letter the text
    # lacks. The embedded faces already hold the whole Vietnamese repertoire.
    tab = root.find(qn("w:defaultTabStop"))
    hyph = root.makeelement(qn("w:autoHyphenation"), {qn("w:val"): "false"})
    (tab.addnext(hyph) if tab is not None else root.append(hyph))


def for_briefing(d: Any) -> None:
    """A briefing's cover carries no page number. Its contents' page numbers are
    already in the file (``pages``): Word is not asked to update fields on
    opening (w:updateFields would ask at every opening)."""
    for p in d.sections[0].first_page_footer.paragraphs:
        p.clear()


def drop_leftovers(d: Any) -> None:
    """The template's thumbnail (a blank page) and its Word 2010 stylesWithEffects
    part (a second, theme-font copy of the styles) are not ours to ship."""
    for rels, kinds in ((d.part.package.rels, (RT.THUMBNAIL,)), (d.part.rels, (STYLES_WITH_EFFECTS,))):
        for rid, rel in list(rels.items()):
            if rel.reltype in kinds:
                del rels[rid]


@lru_cache(maxsize=16)
def _odttf(path: Path, key: str) -> bytes:
    """The face subset to the whole Vietnamese repertoire with Latin-1 and general
    punctuation (an editor can still type any Vietnamese word in it), obfuscated.
    Computed once per process: a document's characters outside the repertoire are
    drawn from fallback faces, which are embedded per document."""
    return _obfuscate(subset(path, REPERTOIRE), key)


def warm(families: tuple[Family, ...]) -> None:
    """Subset and obfuscate every face ahead of the first document."""
    for fam in families:
        for path in set(fam.files.values()):
            _odttf(path, _font_key(path))


def _obfuscate(font: bytes, key: str) -> bytes:
    """ECMA-376 Part 1 §17.8.1: the first 32 bytes XOR the font key's 16 bytes,
    read from the GUID in reverse."""
    data = bytearray(font)
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    for i in range(32):
        data[i] ^= guid[i % 16]
    return bytes(data)


# LibreOffice ignores an embedded font file under 1 KiB: it draws the characters
# from another font, or none at all when an installed font of the same name lacks
# them (helper-146: the "■" of one fallback subset of Symbola, 936 bytes, was not
# drawn; the same subset padded to 1,152 bytes was).
MIN_EMBEDDED = 1024
_PAD_TAG = "bPad"  # a private table: readers skip tables they do not know


def _padded(font: bytes) -> bytes:
    """A subset of a few glyphs made up to MIN_EMBEDDED bytes with a private table."""
    if len(font) >= MIN_EMBEDDED:
        return font
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables.DefaultTable import DefaultTable

    f = TTFont(io.BytesIO(font), recalcTimestamp=False, recalcBBoxes=False)
    pad = DefaultTable(_PAD_TAG)
    pad.data = bytes(MIN_EMBEDDED - len(font))
    f[_PAD_TAG] = pad
    out = io.BytesIO()
    f.save(out)
    return out.getvalue()


@lru_cache(maxsize=16)
def _font_key(path: Path) -> str:
    return _key(subset(path, REPERTOIRE))


def _key(font: bytes) -> str:
    """A font key derived from the font itself, so the file is deterministic."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(font).digest()[:16])).upper() + "}"


Faces = frozenset[tuple[str, str]]  # (family name, face) a document draws in


def font_parts(families: tuple[Family, ...], faces: Faces) -> list[tuple[str, str, Path, str]]:
    """(face tag, part name, file, key) for every distinct face file to embed: only
    the faces the document uses (a document without italics carries none)."""
    parts: list[tuple[str, str, Path, str]] = []
    seen: set[Path] = set()
    for fam in families:
        for face, tag in (("regular", "embedRegular"), ("bold", "embedBold"), ("italic", "embedItalic"),
                          ("bold_italic", "embedBoldItalic")):
            path = fam.files[face]
            if path in seen or (fam.name, face) not in faces:
                continue
            seen.add(path)
            parts.append((tag, f"font{len(parts) + 1}.odttf", path, _font_key(path)))
    return parts


@lru_cache(maxsize=64)
def font_zip(families: tuple[Family, ...], faces: Faces) -> bytes:
    """A zip holding only the obfuscated fonts, compressed once per process and set
    of faces; each document's parts are appended to a copy of it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for _tag, name, path, key in font_parts(families, faces):
            z.writestr(zip_entry(f"word/fonts/{name}"), _odttf(path, key))
    return out.getvalue()


def _embed(files: dict[str, bytes], families: tuple[Family, ...], faces: Faces,
           extra: tuple[tuple[str, bytes], ...]) -> None:
    """List the embedded fonts in fontTable.xml and relate them."""
    table = etree.fromstring(files["word/fontTable.xml"])
    w, r = f"{{{W_NS}}}", f"{{{R_NS}}}"
    rels = etree.Element(f"{{{PR_NS}}}Relationships", nsmap={None: PR_NS})
    parts = iter(font_parts(families, faces))
    pending = next(parts, None)
    for fam in families:
        for el in table.findall(f"{w}font"):
            if el.get(f"{w}name") == fam.name:
                table.remove(el)
        font_el = etree.SubElement(table, f"{w}font", {f"{w}name": fam.name})
        etree.SubElement(font_el, f"{w}charset", {f"{w}val": "00"})
        etree.SubElement(font_el, f"{w}family", {f"{w}val": "roman"})
        etree.SubElement(font_el, f"{w}pitch", {f"{w}val": "variable"})
        while pending is not None and pending[2] in fam.files.values():
            tag, name, _path, key = pending
            rid = f"rIdFont{name[4:-6]}"
            etree.SubElement(rels, f"{{{PR_NS}}}Relationship", {"Id": rid, "Type": FONT_REL, "Target": f"fonts/{name}"})
            etree.SubElement(font_el, f"{w}{tag}", {f"{r}id": rid, f"{w}fontKey": key})
            pending = next(parts, None)
    for n, (name, data) in enumerate(extra, 1):
        data = _padded(data)
        key = _key(data)
        part = f"fallback{n}.odttf"
        files[f"word/fonts/{part}"] = _obfuscate(data, key)
        font_el = etree.SubElement(table, f"{w}font", {f"{w}name": name})
        etree.SubElement(font_el, f"{w}charset", {f"{w}val": "00"})
        etree.SubElement(font_el, f"{w}family", {f"{w}val": "auto"})
        etree.SubElement(font_el, f"{w}pitch", {f"{w}val": "variable"})
        rid = f"rIdFallback{n}"
        etree.SubElement(rels, f"{{{PR_NS}}}Relationship", {"Id": rid, "Type": FONT_REL, "Target": f"fonts/{part}"})
        etree.SubElement(font_el, f"{w}embedRegular", {f"{r}id": rid, f"{w}fontKey": key})
    files["word/fontTable.xml"] = _xml(table)
    files["word/_rels/fontTable.xml.rels"] = _xml(rels)


def _xml(el: Any) -> bytes:
    return bytes(etree.tostring(el, xml_declaration=True, encoding="UTF-8", standalone=True))


def _content_types(parts: list[Any], fonts: bool) -> bytes:
    """[Content_Types].xml: a default per extension that needs one, and an
    override naming each XML part's type."""
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    defaults = dict(_DEFAULTS)
    if fonts:
        defaults["odttf"] = ODTTF
    overrides = []
    for part in parts:
        ext = part.partname.ext
        if ext in ("xml", "rels") or part.content_type.endswith("+xml"):
            overrides.append((str(part.partname), part.content_type))
        else:
            defaults.setdefault(ext, part.content_type)
    for ext, ctype in sorted(defaults.items()):
        etree.SubElement(root, f"{{{CT_NS}}}Default", {"Extension": ext, "ContentType": ctype})
    for name, ctype in sorted(overrides):
        etree.SubElement(root, f"{{{CT_NS}}}Override", {"PartName": name, "ContentType": ctype})
    return _xml(root)


def package_files(d: Any, fonts: bool) -> dict[str, bytes]:
    """The package's parts by zip name, serialised through python-docx's public
    part objects."""
    pkg = d.part.package
    parts = list(pkg.iter_parts())
    for part in parts:
        part.before_marshal()
    files = {"[Content_Types].xml": _content_types(parts, fonts), "_rels/.rels": pkg.rels.xml}
    for part in parts:
        files[part.partname.membername] = part.blob
        if len(part.rels):
            files[part.partname.rels_uri.membername] = part.rels.xml
    return files


def zip_package(files: dict[str, bytes], families: tuple[Family, ...], faces: Faces,
                extra: tuple[tuple[str, bytes], ...] = ()) -> bytes:
    """Write the zip: fixed entry times, the fonts (compressed once per process)
    first, then every part."""
    names = list(files)
    files["docProps/app.xml"] = _APP_XML
    out = io.BytesIO()
    if families or extra:
        _embed(files, families, faces, extra)
    if families:
        out.write(font_zip(families, faces))
    order = [n for n in names if n in files] + sorted(n for n in files if n not in names)
    with zipfile.ZipFile(out, "a" if families else "w", zipfile.ZIP_DEFLATED) as z:
        for n in order:
            z.writestr(zip_entry(n), files[n])
    return out.getvalue()
