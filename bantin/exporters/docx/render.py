"""The Word document: the prepared template, the walk, the package."""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from types import MappingProxyType
from typing import Any

import docx

from bantin.exporters import RenderContext
from bantin.exporters.docx import fields, notes, package, styles
from bantin.exporters.docx.body import Body
from bantin.exporters.docx.pages import article_pages
from bantin.exporters.docx.writer import Covered
from bantin.exporters.labels import meta_text, short_title
from bantin.model import Briefing, Document
from bantin.style import cache
from bantin.style.fonts import Family, resolve, subset
from bantin.style.stylesheet import Style


@lru_cache(maxsize=8)
def _prepared(style: Style) -> bytes:
    """python-docx's template with this style's styles, numbering, settings and
    clean-ups applied: built once per process and style, then reused for every
    document; kept on disk between processes (``bantin.style.cache``), keyed by the
    style, its fonts' names, this package's source and python-docx's own."""
    names = (resolve(style.body_font).name, resolve(style.heading_font).name, resolve(style.mono_font).name)
    here = Path(__file__).parent
    spec = find_spec("docx")
    library = Path(spec.origin if spec and spec.origin else "").parent
    digest = cache.key(
        "docx-template", repr(style), *names,
        cache.source_of(*sorted(here.glob("*.py")), here.parent / "roles.py", here.parent / "labels.py",
                        here.parent / "markup.py", here.parent / "archive.py"),
        cache.source_of(library / "__init__.py", library / "templates" / "default.docx"),
    )
    return cache.cached("docx-template", digest, lambda: _build_template(style, *names))


def _build_template(style: Style, body: str, heading: str, mono: str) -> bytes:
    d = docx.Document()
    styles.define(d, style, body, heading, mono)
    styles.prune(d)
    package.drop_leftovers(d)
    package.settings(d)
    fields.page_setup(d, style, fields.RUNNING)
    body_el = d.element.body
    for p in list(body_el):
        if not p.tag.endswith("sectPr"):
            body_el.remove(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@lru_cache(maxsize=8)
def _style_ids(style: Style) -> Mapping[str, str]:
    d = docx.Document(io.BytesIO(_prepared(style)))
    return MappingProxyType({s.name: s.style_id for s in d.styles})


def _embedded(style: Style, code: bool = False) -> tuple[Family, ...]:
    """The families to embed: the text fonts, and the code face when the document has code."""
    specs = (style.body_font, style.heading_font, *((style.mono_font,) if code else ()))
    return tuple(f for f in dict.fromkeys(map(resolve, specs)) if f.embed)


def _text_area(style: Style) -> tuple[float, float]:
    page = style.page
    w, h = page.size_mm
    return w - page.margin_left - page.margin_right, h - page.margin_top - page.margin_bottom


def warm(style: Style) -> None:
    _prepared(style)
    package.warm(_embedded(style))


def write(doc: Document, ctx: RenderContext) -> bytes:
    style, warn = ctx.style, ctx.warn

    d: Any = docx.Document(io.BytesIO(_prepared(style)))
    fields.set_running_title(d, short_title(meta_text(doc.title), 80))  # a header's run: no w:noBreakHyphen
    body = Body(d, warn, _style_ids(style), *_text_area(style), styles.docx_roles(style),
                Covered(resolve(style.body_font), resolve(style.heading_font)), style.fallback_fonts,
                style.page.decree_header)
    if isinstance(doc, Briefing) and doc.kind == "bundle":
        body.pages = article_pages(doc, style)
        styles.titled(d, style, resolve(style.heading_font).name)
    body.walk(doc)
    if body.note_parts:
        notes.settings(d, set(body.note_parts))
    if isinstance(doc, Briefing):
        package.for_briefing(d)
    package.core_properties(d, doc, ctx.build_time())
    code = any(role == "mono" for role, _ in body.faces)
    families = _embedded(style, code)
    role_family = {"body": resolve(style.body_font).name, "heading": resolve(style.heading_font).name,
                   **({"mono": resolve(style.mono_font).name} if code else {})}
    faces = frozenset((role_family[role], face) for role, face in body.faces)
    # Fallback faces are large (HanaMinA is 20 MB): each goes in as a subset of the
    # characters this document takes from it.
    extra = tuple((fam.name, subset(fam.files["regular"], frozenset(chars | {" "})))
                  for fam, chars in sorted(body.fallback_chars.items(), key=lambda x: x[0].name) if fam.embed)
    return package.zip_package(package.package_files(d, bool(families or extra)), families, faces, extra)
