"""Inputs generated for the property tests of the readers (hypothesis): the words
they are made of, a ``Made`` that carries an input's pieces and the words its
text holds, and Word files built part by part with ``word_docs`` (runs in
hyperlinks, content controls, smart tags, fields, tracked changes, hidden text,
legacy fonts, pictures good and bad; lists, tables, text boxes, nested tables;
and, when hostile, files cut short, with bytes changed or a part replaced)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from helpers import words
from hypothesis import strategies as st
from word_docs import docx, level, numbering_xml, p, picture, r, style, styles_xml, tbl, tc, text_box

# Lower-case words of news text: no name, date or number a reader could take for
# a byline, a dateline or a header field and move out of the body's order.
VOCABULARY = ("nông dân lúa gạo mùa nước đồng bằng thành phố hội nghị giá tăng giảm tỉnh trường học sinh "
              "bệnh viện đường sắt cầu cảng biển rừng núi sông chợ thư số mới lớn nhỏ xuất khẩu vụ hè thu "
              "công nhân nhà máy điện gió mặt trời kinh tế").split()
ANY = st.characters(codec=None, exclude_categories=())
TEXT = st.characters(codec=None, exclude_categories=("Cs",))  # any character a str written as UTF-8 can hold
# Characters of every syntax the readers parse, for inputs with no structure at all.
SYNTAX = st.sampled_from(list("#*_`[]()!<>|-:=\"'/\\&;{}%.,\n\t ") + ["---", "```", "<div>", "</div>", "<p>", "<b>",
                                                                       "&amp;", "&#0;", "![", "](", "[^1]", "\u00a0"]
                         + VOCABULARY)
LINK = st.sampled_from(["https://bao-mau.example/tin", "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                        "", "mailto:a@b.vn", "../ra-ngoai", "#muc", "a b"])


@dataclass
class Made:
    """A generated input: its pieces, and the words its text holds in order (None
    when the generator cannot say)."""

    parts: list[str] = field(default_factory=list)
    expected: list[str] | None = field(default_factory=list)

    def add(self, text: str, said: str = "") -> None:
        if text:
            self.parts.append(text)
        if self.expected is not None:
            self.expected += words(said)


def phrase(min_size: int = 1, max_size: int = 8) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(VOCABULARY), min_size=min_size, max_size=max_size).map(" ".join)


TAGS = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<article>", "<h1>", "</h1>", "<table><tr><td>", "</td>",
                        "<ul><li>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<br>",
                        "<img src='a%00.png'>", "<a href='javascript:x'>", "</a>", "<meta charset='x-bogus'>",
                        '<?xml version="1.0" encoding="utf-16"?>', "<!DOCTYPE html>", "&#x0;", "&nbsp;", "&bogus;",
                        "<svg><foreignObject>", "<math>", "<template>", "<p title='\"'>", "<html lang='vi'>"])


STYLES = styles_xml(style("Title", "Title"), style("Heading1", "heading 1"), style("Heading2", "heading 2"),
                    style("Heading²", "Heading²"), style("Cu", "Chữ cũ", kind="character", font=".VnTime"),
                    style("Vong", "Vòng", based_on="Vong"))
NUMBERING = numbering_xml({0: [level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)")],
                           1: [level(0, "bullet", "•")]}, {1: (0, {}), 2: (1, {})})
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cf"
                    "c0000003010100c9fe92ef0000000049454e44ae426082")
RELS = (("rIdGood", "image", "media/good.png", False), ("rIdEps", "image", "media/x.png", False),
        ("rIdGone", "image", "media/gone.png", False), ("rIdFar", "image", "https://cdn.example/a.jpg", True),
        ("rIdLink", "hyperlink", "https://bao-mau.example/tin", True),
        ("rIdJs", "hyperlink", "javascript:alert(1)", True))
MEDIA = {"word/media/good.png": PNG, "word/media/x.png": b"%!PS-Adobe-3.0 EPSF-3.0\n{ } loop\n"}


@st.composite
def word_run(draw: st.DrawFn, hostile: bool) -> tuple[str, str]:
    """(WordprocessingML of some runs, the words they show)."""
    said = draw(phrase(1, 4)) + " "
    kind = draw(st.integers(0, 9 if hostile else 7))
    if kind == 1:
        return r(said, b=True, i=draw(st.booleans())), said
    if kind == 2:
        rid = draw(st.sampled_from(["rIdLink", "rIdJs", "rId404"]))
        return f'<w:hyperlink r:id="{rid}">{r(said)}</w:hyperlink>', said
    if kind == 3:
        return f"<w:sdt><w:sdtContent>{r(said)}</w:sdtContent></w:sdt>", said
    if kind == 4:
        return f'<w:smartTag w:element="place">{r(said)}</w:smartTag>', said
    if kind == 5:
        return f'<w:fldSimple w:instr=" PAGE ">{r(said)}</w:fldSimple>', said
    if kind == 6:
        return (f'<w:ins w:id="1" w:author="A">{r(said)}</w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>'
                f"{escape(draw(phrase()))}</w:delText></w:r></w:del>"), said
    if kind == 7:
        return r(draw(phrase()), hidden=True) + r(said), said
    if kind == 8:
        font = draw(st.sampled_from([".VnTime", ".vntime", "VNI-Times", "Arial"]))
        sid = draw(st.sampled_from(["Cu", "Khong", "Heading²"]))
        return r(draw(st.text(TEXT, max_size=12)), font=font, style=sid), ""
    if kind == 9:
        return picture(draw(st.sampled_from(["rIdGood", "rIdEps", "rIdGone", "rIdFar", "rIdNone"])), said), ""
    return r(said), said


@st.composite
def word_block(draw: st.DrawFn, made: Made, hostile: bool, depth: int = 0) -> None:
    kind = draw(st.integers(0, 8 if depth < 2 else 3))
    if kind <= 2:
        runs = draw(st.lists(word_run(hostile), min_size=1, max_size=4))
        made.add(p(*(x for x, _ in runs), r(".")), " ".join(s for _, s in runs))
    elif kind == 3:
        said = draw(phrase())
        made.add(p(said, style=draw(st.sampled_from(["Heading1", "Heading2"]))), said)
    elif kind == 4:
        for _ in range(draw(st.integers(1, 4))):
            said = draw(phrase())
            made.add(p(said, num=(draw(st.sampled_from([1, 2] + ([7, 0] if hostile else []))),
                                  draw(st.integers(0, 1)))), said)
    elif kind == 5:
        cols = draw(st.integers(1, 3))
        rows = draw(st.lists(st.lists(st.sampled_from(VOCABULARY), min_size=cols, max_size=cols), min_size=1,
                             max_size=3))
        made.add(tbl(*rows), " ".join(w for row in rows for w in row))
    elif kind == 6:
        anchor, box = draw(phrase()), draw(phrase())
        made.add(p(anchor + " ", text_box(p(box))), f"{anchor} {box}")
    elif kind == 7:
        inner = Made()
        draw(word_block(inner, hostile, depth + 1))
        beside = draw(st.sampled_from(VOCABULARY))
        made.add(tbl([tc(*inner.parts), beside]))
        if made.expected is not None and inner.expected is not None:
            made.expected += inner.expected + [beside]
    else:
        inner = Made()
        draw(word_block(inner, hostile, depth + 1))
        made.add("<w:sdt><w:sdtPr/><w:sdtContent>" + "".join(inner.parts) + "</w:sdtContent></w:sdt>")
        if made.expected is not None and inner.expected is not None:
            made.expected += inner.expected


@st.composite
def word_file(draw: st.DrawFn, hostile: bool) -> tuple[Made, bytes]:
    made = Made()
    title = draw(phrase(2, 6))
    made.add(p(title, style="Title"), title)
    for _ in range(draw(st.integers(0, 6))):
        draw(word_block(made, hostile))
    data = docx("".join(made.parts), styles=STYLES, numbering=NUMBERING, rels=RELS, media=MEDIA,
                footnotes={1: draw(phrase())} if draw(st.booleans()) else None)
    if hostile and draw(st.booleans()):
        data = draw(mangled(data))
        made.expected = None
    return made, data


@st.composite
def mangled(draw: st.DrawFn, data: bytes) -> bytes:
    """A Word file cut short, with bytes changed, or with a part replaced."""
    how = draw(st.integers(0, 2))
    if how == 0:
        return data[:draw(st.integers(0, len(data)))]
    if how == 1:
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
        return bytes(out)
    buf = io.BytesIO()
    part = draw(st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml",
                                 "word/_rels/document.xml.rels", "[Content_Types].xml", "word/footnotes.xml"]))
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as z:
        for name in src.namelist():
            if name != part:
                z.writestr(name, src.read(name))
        z.writestr(part, draw(st.lists(st.one_of(TAGS, SYNTAX, ANY), max_size=60).map("".join)).encode(
            "utf-8", "surrogatepass"))
    return buf.getvalue()
