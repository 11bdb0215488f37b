"""Saved web pages, read as an editor would.

trafilatura (Apache-2.0) finds the article; everything it cannot know is read
from the page's own structure, parsed once by lxml with no network and no
entities, after what no reader sees (scripts, styles, inline pictures' bytes)
is cut and a page too large to be an article refused (:mod:`.size`):

- the fields (:mod:`.fields`, :mod:`.dated`): JSON-LD ``NewsArticle`` first, then
  ``og:``/``article:`` meta, then the visible headline, byline and date line; a
  publisher's name in ``author`` is the outlet, never the byline;
- the sapo (:mod:`.sapo`), by the site's own marks, printed once;
- pictures and captions (:mod:`.pictures`), lazy images resolved, captions
  paired by structure, thumbnails and avatars left out;
- boxes (:mod:`.boilerplate`), removed by structure before trafilatura reads the
  page, and by a short phrase list after;
- quote attributions and table captions (:mod:`.asides`), which trafilatura drops,
  and the pictures and subheadings it leaves out of a body (:mod:`.restore`);
- footnotes (:mod:`.notes`), taken out of the body and given back as notes;
- pages that list links rather than tell a story (:mod:`.listing`), and error and
  sign-in pages (:mod:`.errorpage`), refused.

Then the page's own lists and tables take the place of trafilatura's where it
lost their structure (:mod:`.graft`, :mod:`.tei`), trafilatura's whole XML
becomes blocks (:mod:`.blocks`, :mod:`.inline`), and the body is read as an
editor would (:mod:`.cleanup`).
"""

from __future__ import annotations

import codecs
import copy
import re
from dataclasses import replace
from typing import Any

from bantin.errors import InputError
from bantin.model import (
    Article,
    Block,
    CodeBlock,
    Figure,
    ListBlock,
    Note,
    Outlet,
    Paragraph,
    Quote,
    Table,
    map_spans,
    spans_of,
)
from bantin.model.language import sample_of, vietnamese
from bantin.model.outlets import outlet_key
from bantin.source import Context, Reader, legacy
from bantin.source.html import administrative, badges, boilerplate, errorpage, links, listing, notes, sapo, size
from bantin.source.html.asides import table_captions, take_attributions
from bantin.source.html.blocks import Converter, Piece
from bantin.source.html.cleanup import clean
from bantin.source.html.dated import page_date
from bantin.source.html.fields import read_fields
from bantin.source.html.graft import graft
from bantin.source.html.page import (
    LinkedData,
    key,
    language,
    linked_data,
    mark_code,
    meta,
    parse,
    remove,
    squash,
    standard_tags,
    words,
)
from bantin.source.html.pictures import collect
from bantin.source.html.restore import restore
from bantin.source.html.runs import keep_spaces
from bantin.source.html.tei import tei
from bantin.source.rules import outlet_tag
from bantin.source.sandbox import local_image

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""")
_PROSE_WORDS = 12  # a paragraph this long is prose, not a label
_ENOUGH = 150  # words of prose in trafilatura's fast pass that spare its fallbacks
_ARTICLE_TYPES = ("NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle")


def _trafilatura(page: Any, fast: bool) -> Any | None:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        _xml_named(copy.deepcopy(page)), output_format="xml", include_images=True, include_tables=True,
        include_links=True, include_formatting=True, include_comments=False, with_metadata=False, fast=fast,
    )
    if not xml:
        return None
    doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    return doc.find("main")


def _prose(main: Any | None) -> int:
    if main is None:
        return 0
    return sum(n for n in (len(words(" ".join(p.itertext()))) for p in main.iter("p")) if n >= _PROSE_WORDS)


_TAG_NAME = re.compile(r"[^\W\d][\w.-]*\Z")
_ATTRIBUTE_NAME = re.compile(r"[^\W\d][\w.:-]*\Z")


def _xml_named(page: Any) -> Any:
    """The page without elements and attributes whose names XML cannot hold, an
    element's text and children kept: broken markup ("<body»›i<", "<img src="a.png"
    b.png">") and a script framework's attributes (Vue's ":src", "@click") give
    lxml such names, and trafilatura, which writes its result as XML and parses it
    again, failed on them (helper-163: an internal error, XMLSyntaxError)."""
    for el in [e for e in page.iter() if isinstance(e.tag, str)]:
        kept = [(k, v) for k, v in el.attrib.items() if _ATTRIBUTE_NAME.match(k)]
        if len(kept) < len(el.attrib):
            el.attrib.clear()  # lxml cannot address some such names one by one ("{")
            for k, v in kept:
                el.set(k, v)
        if not _TAG_NAME.match(el.tag):
            el.drop_tag()
    return page


def _extract(page: Any) -> Any:
    """trafilatura's article: its own extractor first, and its fallbacks
    (readability, jusText) only when that finds too little prose, or much less
    than the page's paragraphs hold, since they cost as much again."""
    main = _trafilatura(page, fast=True)
    found = _prose(main)
    if found < _ENOUGH or found * 2 < boilerplate.prose_words(page):
        fuller = _trafilatura(page, fast=False)
        if fuller is not None and _prose(fuller) > _prose(main):
            main = fuller
    if main is None:
        raise InputError("no article found in the page")
    return _unflattened(main, page)


_BLOCKS = "h1|h2|h3|h4|h5|h6|p|li|blockquote|pre|table|dt|dd"


def _unflattened(main: Any, page: Any) -> Any:
    """The page's own blocks where trafilatura gave its last resort: on a short
    page it finds no article in, it returns the body's whole text as one
    paragraph, the title and the headings run into the text. When that paragraph
    holds exactly the words of a body of several blocks, the body is read
    block by block instead."""
    body = page.find("body")
    if len(main) != 1 or main[0].tag != "p" or body is None:
        return main
    blocks = [el for el in body.xpath(" | ".join(f".//{t}" for t in _BLOCKS.split("|"))) if words(el.text_content())]
    # Letters compared without the spaces: the page may write no space between
    # blocks ("<h1>…</h1><p>…"), where trafilatura's paragraph puts one.
    found = "".join(words(" ".join(main[0].itertext())))
    if len(blocks) < 2:
        return main
    if found != "".join(words(body.text_content())):
        # A short article amid a menu, a byline and related links (helper-101): the
        # paragraph ran them all together. The element holding most of the page's
        # paragraphs is the article, when trafilatura took its words too.
        body = _densest(body, found)
        if body is None or "".join(words(body.text_content())) not in found:
            return main
    out = main.makeelement("main", {})
    read = tei(body)
    if read.text and read.text.strip():  # the body's own text before its first element
        lead = out.makeelement("p", {})
        lead.text = read.text
        out.append(lead)
    out.extend(read)
    return out


def _densest(body: Any, found: str) -> Any | None:
    """The element whose own paragraphs hold the most words, if it holds two
    paragraphs or more and is not the body itself; or the largest element above
    it whose paragraphs are all in ``found`` too (helper-102: the first paragraph
    beside a wrapper of the others was lost)."""
    totals: dict[Any, list[int]] = {}
    for p in body.iter("p"):
        n = len(words(p.text_content()))
        if n:
            total = totals.setdefault(p.getparent(), [0, 0])
            total[0] += n
            total[1] += 1
    best = max(totals, key=lambda el: totals[el][0], default=None)  # the first of equals, in page order
    if best is None or best is body or totals[best][1] < 2:
        return None
    while (up := best.getparent()) is not None and up is not body and all(
            "".join(words(p.text_content())) in found for p in up.iter("p")):
        best = up
    return best


def _marked(page: Any, ld: LinkedData) -> bool:
    """Whether the page calls itself an article."""
    og_type = (page.xpath("//meta[@property='og:type']/@content") or [""])[0]
    return og_type.strip() == "article" or _dated(page, ld)


def _dated(page: Any, ld: LinkedData) -> bool:
    """Whether the page names its own publication: one article, however much else it lists."""
    return any(t in ld.types for t in _ARTICLE_TYPES) or bool(meta(page, "article:published_time"))


def _lede_from_body(pieces: list[Piece], description: str | None, is_article: bool) -> tuple[str | None, str]:
    """The lede when the site marks none: a first paragraph that opens with the
    outlet's tag, or that the page's description repeats; else the description
    itself, when the body does not already say it. With it, the text it was
    taken from, the outlet's tag still at its head."""
    first = pieces[0] if pieces else None
    if first is not None and isinstance(first.block, Paragraph) and not any(s.note for s in first.block.text):
        stripped = sapo.strip_outlet_tag(first.text)
        if sapo.has_outlet_tag(first.text) or (description and key(stripped) == key(
                sapo.strip_outlet_tag(description))):
            pieces.pop(0)
            return squash(stripped), squash(first.text)
    if not description or not is_article or len(words(description)) < 6:
        return None, ""
    dkey = key(sapo.strip_outlet_tag(description)).removesuffix(" ...")
    probe = " ".join(dkey.split()[:8])
    if any(probe in key(p.text) for p in pieces[:4]):
        return None, ""  # a description that only repeats (or cuts) the body is no lede
    return squash(sapo.strip_outlet_tag(description)), squash(description)


_BRACKET_GAP = re.compile(r"(?<=\()\s+|\s+(?=\))")


def _tagged(head: str, lede: str | None) -> Outlet | None:
    """The outlet whose tag opened the lede ("(PLO)- Từ tháng 7 …"), when the page
    names no outlet of its own: the tag left the lede, and its code was lost
    with it (helper-112, helper-114)."""
    if not lede or not sapo.has_outlet_tag(head) or key(sapo.strip_outlet_tag(head)) != key(lede):
        return None
    return outlet_tag.split(head)[0]


def _same_outlet(tag: Outlet, name: str) -> bool:
    """Does the lede's tag ("TTO -", "(Dân trí) -") name the page's own outlet? A
    code the table does not know ("TT –" on Tuổi Trẻ's page) is taken for the
    page's own; so is an online edition's ("NLĐO" on nld.com.vn) and a name the
    site's begins with ("Zing" on zingnews.vn)."""
    if tag.code is None or not outlet_tag.known(tag.code):
        return True
    page = outlet_key(name)
    keys = {outlet_key(n) for n in (tag.code, tag.name) if n}
    keys |= {k.removesuffix("o") for k in keys if len(k) > 3}
    return page in keys or any(len(k) >= 4 and page.startswith(k) for k in keys)


def _text(data: bytes, ctx: Context) -> str:
    """The page's text: UTF-8, else the charset the page declares (a saved page
    in windows-1252 says so in its ``<meta>``, an XHTML page in its XML
    declaration), else the project's detection."""
    if ctx.encoding is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            m = _XML_ENCODING.match(data[:512]) or _CHARSET.search(data[:4096])
            declared = m.group(1).decode("ascii", "replace").lower() if m else ""
            if declared and declared not in ("utf-8", "utf8") and _page_charset(declared):
                return replace(ctx, encoding=declared).text(data)
    return ctx.text(data)


# Python codecs no page is written in, though a label names them: escapes and
# transforms (``\u0041`` read as "A", a page refused as "'base64' is not a text
# encoding"), UTF-7 (which browsers refuse), and UTF-16 and UTF-32, which an
# ASCII <meta> cannot truthfully declare (HTML reads such a label as UTF-8).
_NOT_A_PAGE = ("utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "utf-16", "utf-32")


def _page_charset(label: str) -> bool:
    """Whether a page's declared charset is one to read it in; else the project's
    detection reads it, as if it had declared none (helper-163). A legacy Vietnamese
    encoding bantin reads ("VISCII", "TCVN3") is one, though Python has no codec of it."""
    if label in legacy.NAMES or label in legacy.ALIASES:
        return True
    try:
        info = codecs.lookup(label)
    except LookupError:
        return False
    name = info.name.replace("_", "-")
    return getattr(info, "_is_text_encoding", True) and not name.startswith(_NOT_A_PAGE)


def read(data: bytes, ctx: Context) -> Article:
    text = size.slim(size.declaration(_text(data, ctx)))
    size.check_markup(text)
    page = parse(text)
    del text
    size.check_text(page)
    standard_tags(page)
    badges.space(page)  # before the title, the sapo and trafilatura read the words
    ld = linked_data(page)
    fields = read_fields(page, ld, warn=ctx.warn)
    date = page_date(page, ld)
    errorpage.check(page, fields.title, _marked(page, ld))
    if not fields.title:
        raise InputError("no article found in the page")
    pictures, imgs = collect(page)
    attribution = take_attributions(page)
    captions = table_captions(page)
    found_notes = notes.take(page)
    found = sapo.find(page, fields.title, [d for d in (ld.description, fields.description) if d], found_notes.refs)
    if found is not None:
        remove(found[0])
    stamps = badges.body_stamps(page) if found is None or found[2] is None else []
    admin = administrative.take(page)  # a công văn's header and signature tables, before boilerplate sees them
    if admin.header is not None:
        ctx.warn("issuer, number, place, date read from the administrative header table")
    boilerplate.prune(page)
    keep_spaces(page)
    mark_code(page)
    main = _extract(page)
    teasers, refusal = listing.check(page, main, _marked(page, ld), _dated(page, ld))
    for el in teasers:
        remove(el)
    graft(main, page)
    converter = Converter(pictures, attribution, captions, found_notes.refs)
    pieces = converter.convert(main)
    pieces = restore(pieces, pictures, imgs, page, fields.title, converter.contents)
    lede = found[1] if found else None
    # The sapo's text as its pieces stand, a stamp's element apart from the words
    # after it ("TTO -" then "Từ …"), a linked tag closed up ("(<a>Dân trí</a>) -").
    shown = sapo.unmarked(found[0], found_notes.refs) if found else None
    head = _BRACKET_GAP.sub("", squash(" ".join(shown.itertext()))) if shown is not None else (
        pieces[0].text if pieces else "")
    pieces, byline = clean(pieces, title=fields.title, sapo=lede, byline=fields.byline, pictures=pictures,
                           outlets=fields.outlets)
    dateline = found[2] if found else None
    dateline = dateline or badges.take_dateline(pieces, stamps)
    if lede is None:
        lede, taken = _lede_from_body(pieces, fields.description, _marked(page, ld))
        head = taken or head
    if not any(isinstance(p.block, (Paragraph, ListBlock, Quote, Table, CodeBlock)) for p in pieces):
        raise InputError(refusal if teasers else "no article found in the page")
    blocks = []
    for p in pieces:
        b = p.block
        if isinstance(b, Figure) and p.picture is not None and p.picture.src:
            b = Figure(b.caption, b.credit, local_image(p.picture.src, ctx.folder, ctx.warn, ctx.seen), b.alt)
        blocks.append(b)
    tag = _tagged(head, lede)
    if fields.outlet and tag is not None and not _same_outlet(tag, fields.outlet):
        # Another paper's tag on this site's page ("HNM – …" on an aggregator): the
        # page is the outlet, and the credit stays in the lede as the page printed
        # it (helper-149: "HNM" was in no output).
        lede = head[: len(head) - len(sapo.strip_outlet_tag(head))] + (lede or "")
    article = Article(
        title=fields.title, lede=lede or None,
        outlet=Outlet(None, fields.outlet) if fields.outlet else tag,
        date=date, byline=byline, url=fields.url, blocks=tuple(blocks), language=language(page),
        dateline=dateline,
    )
    if admin.header is None and admin.signature is None and (paper := administrative.as_lines(article)) is not None:
        ctx.warn("issuer, number, place, date read from the administrative header's lines")
        article = paper
    if article.language != "vi" and vietnamese(sample_of(article)):
        # A Vietnamese text under a template's "lang=en" (Tuổi Trẻ's pages): what
        # the page says of itself is wrong, and the model would carry it on.
        article = replace(article, language="vi")
    article = _with_notes(admin.article(article), {nid: tuple(p.block for p in converter.contents(el))
                                                   for nid, el in found_notes.content.items()},
                          sapo.notes_of(found[0], found_notes.refs) if found else [])
    return links.resolve(article, links.base(page, fields.url))


def _with_notes(article: Article, content: dict[str, tuple[Block, ...]], lede: list[str]) -> Article:
    """The article with the notes its text refers to, in the order of their first
    reference (a note referred to only from another note after that one), those
    of the lede's marks first (the lede is plain text: no mark is left there); the
    reference to a note with nothing in it is only a raised mark."""
    if not content:
        return article
    order: list[str] = [nid for nid in dict.fromkeys(lede) if nid in content]
    pending = [content[nid] for nid in order]
    pending.insert(0, article.blocks)
    while pending:
        for s in spans_of(Article("", blocks=pending.pop(0))):
            if s.note in content and s.note not in order:
                order.append(s.note)
                pending.append(content[s.note])
    kept = tuple(Note(nid, content[nid]) for nid in order if content[nid])
    ids = {n.id for n in kept}
    out = map_spans(replace(article, notes=kept),
                    lambda s: (replace(s, note=None, sup=True),) if s.note and s.note not in ids else (s,))
    assert isinstance(out, Article)
    return out


reader = Reader("html", (".html", ".htm", ".xhtml", ".xht"), read, "saved web page: the article found by trafilatura")
