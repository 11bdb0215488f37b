"""The book's CSS, generated from the style sheet through the shared role table, so
that sizes agree with the PDF and the DOCX."""

from __future__ import annotations

from bantin.exporters.labels import BULLETS
from bantin.exporters.roles import MM, roles
from bantin.style.stylesheet import Style

_GROUND = "rgba(128, 128, 128, 0.12)"  # code's ground, light or dark page alike

FACES = {  # face -> (css font-weight, font-style)
    "regular": ("normal", "normal"),
    "bold": ("bold", "normal"),
    "italic": ("normal", "italic"),
    "bold_italic": ("bold", "italic"),
}


def family(role: str) -> str:
    """The CSS family name of an embedded font. Never a bare "mono", "sans" or
    "serif": fontconfig aliases those to the system's fonts, and a reading system
    that matches fonts through it (WeasyPrint does) set the code in DejaVu."""
    return f'"bantin-{role}"'


def css(style: Style, fonts: list[tuple[str, str, str]], fallbacks: list[str]) -> str:
    """``fonts``: (role, face, file) of each face the book embeds."""
    t = style.text
    faces = []
    for role, face, file in fonts:
        weight, fstyle = FACES[face]
        faces.append(
            f'@font-face {{ font-family: {family(role)}; font-weight: {weight}; font-style: {fstyle}; '
            f'src: url("{file}") format("truetype"); }}'
        )
    for name in fallbacks:
        faces.append(f'@font-face {{ font-family: {family(name)}; src: url("fonts/{name}.ttf") format("truetype"); }}')
    then = "".join(f"{family(name)}, " for name in fallbacks)
    body, heading, mono = family("body"), family("heading"), family("mono")
    r = roles(style)
    rel = lambda pt: f"{pt / t.body_size:.3f}em"  # noqa: E731 - sizes relative to the reader's choice
    masthead = rel(r["masthead"].size)
    # The print indent in millimetres, as ems of the body text: on a phone it scales
    # with the reader's chosen size, as every other length here does.
    indent = f"{t.first_line_indent * MM / t.body_size:.2f}em" if t.first_line_indent else "0"
    align = "justify" if t.justify else "left"  # the sheet's, for paragraphs and list items alike
    return "\n".join(
        # The landmarks are for the reading system, not the contents page's reader.
        ['@namespace epub "http://www.idpf.org/2007/ops";']
        + faces
        + [
            # No colour for the text: a reading system's night or sepia theme sets its own,
            # and a dark grey fixed here would stay dark on a black page.
            f'html {{ font-family: {body}, {then}serif; line-height: {t.leading}; }}',
            "html, body, p, li, h1, h2, h3, h4, h5, h6, blockquote { hyphens: none; -webkit-hyphens: none; "
            "-epub-hyphens: none; adobe-hyphenate: none; }",
            "body { margin: 0 4%; widows: 2; orphans: 2; }",
            f"p {{ margin: 0 0 {t.space_after / t.body_size:.3f}em 0; text-indent: {indent}; "
            f"text-align: {align}; }}",
            # Headings at the sheet's heading leading, as the PDF and the DOCX set them (helper-81).
            f'h1, h2, h3, h4, h5, h6 {{ font-family: {heading}, {then}sans-serif; font-weight: bold; '
            f"line-height: {r['h1'].leading:g}; text-align: left; page-break-after: avoid; break-after: avoid; }}",
            # The title as the sheet sets it (nd30 centres it), as in the PDF and the DOCX.
            f"h1 {{ font-size: {rel(r['title'].size)}; line-height: {r['title'].leading:g}; margin: 0.2em 0 0.5em; "
            "text-wrap: balance; "
            f"text-align: {r['title'].align}; }}",
            f"h2 {{ font-size: {rel(r['h1'].size)}; margin: 1.2em 0 0.4em; }}",
            f"h3 {{ font-size: {rel(r['h2'].size)}; margin: 1em 0 0.3em; }}",
            # Deeper levels are set as the last, as in the PDF and the DOCX: a reading
            # system's own h5 and h6 are smaller than the text they head.
            f"h4, h5, h6 {{ font-size: {rel(r['h3'].size)}; margin: 1em 0 0.3em; }}",
            f'.masthead {{ font-family: {heading}, {then}sans-serif; font-size: {masthead}; '
            f"color: {t.accent_colour}; text-indent: 0; margin-bottom: 0.6em; }}",
            f".lede {{ font-weight: {'bold' if t.lede_bold else 'normal'}; font-size: {rel(r['lede'].size)}; "
            f"text-indent: {'0' if t.lede_bold else indent}; }}",
            "ol, ul { margin: 0 0 0.6em 0; padding-left: 1.6em; }",
            # An unordered item's mark by depth, as every format draws it (labels.BULLETS).
            *(f'{sel} {{ list-style-type: "{mark}\\00A0"; }}' for sel, mark in _bullets()),
            ".own-numbers { list-style: none; padding-left: 0; }",
            "ol.paren { list-style: none; } ol.paren > li { counter-increment: item; } "
            "ol.paren > li::before { float: left; min-width: 1.8em; margin-left: -1.8em; }",
            *(f'ol.paren.{kind} > li::before {{ content: counter(item, {kind}) ") "; }}'
              for kind in ("decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman")),
            f".own-numbers li {{ text-indent: {indent}; }}",
            f"li {{ margin-bottom: 0.3em; text-align: {align}; }}",
            "blockquote { margin: 0.6em 2em; font-style: italic; }",
            "blockquote footer { font-style: normal; text-align: right; }",
            # A picture (or its placeholder) and its caption on one page, as the PDF keeps
            # them: a reading system that pages parted them. The picture is
            # at most 60vh, so the pair fits a page.
            f"figure {{ margin: 0.6em 0; page-break-inside: avoid; break-inside: avoid; }} "
            f"figcaption {{ font-style: italic; font-size: {rel(r['caption'].size)}; "
            f"color: {t.accent_colour}; }}",
            "hr.break { border: none; text-align: center; margin: 1em 0; }",
            'hr.break::after { content: "* * *"; }',
            ".lead-in { page-break-after: avoid; break-after: avoid; }",
            ".byline { font-weight: bold; text-align: right; text-indent: 0; margin-top: 1em; }",
            # Only an address too long for the line breaks, anywhere; words break at spaces.
            f".source {{ font-size: {rel(r['caption'].size)}; text-align: left; text-indent: 0; "
            "overflow-wrap: anywhere; }",
            ".cover { text-align: center; margin-top: 30%; }",
            # A bundle's cover is centred whatever the sheet's title_align (the PDF's is too).
            ".cover p, .cover h1 { text-align: center; text-indent: 0; }",
            # The lines under the cover's title, the review's count and an entry's source line
            # are in the heading family, as their roles set them in the PDF and the DOCX.
            f".cover-meta {{ font-family: {heading}, {then}sans-serif; font-size: {rel(r['cover_meta'].size)}; }}",
            "figure img { display: block; max-width: 100%; height: auto; max-height: 60vh; margin: 0 auto; }",
            ".credit { font-style: normal; }",
            "div.table { overflow-x: auto; margin: 0.6em 0; }",
            f"table {{ border-collapse: collapse; font-size: {rel(r['cell'].size)}; }}",
            "caption { font-weight: bold; text-align: left; margin-bottom: 0.3em; }",
            # A table whose columns are shared (cells.py, columns.py) fills the line, each
            # column its percentage. The layout stays automatic: a column's longest word
            # (a figure) still holds it open where a share is less, as it does on paper.
            "table.shared { width: 100%; }",
            "th, td { border-top: 0.5px solid #888; border-bottom: 0.5px solid #888; padding: 0.2em 0.4em; "
            "vertical-align: top; text-align: left; }",
            "th.right, td.right { text-align: right; } th.center, td.center { text-align: center; }",
            "a { color: inherit; overflow-wrap: anywhere; word-break: break-word; }",
            # Headings join each word's syllables with no-break spaces; on a narrow
            # screen a group wider than the line may still wrap rather than overflow.
            "h1, h2, h3, h4, h5, h6 { overflow-wrap: break-word; } .nobr { white-space: nowrap; }",
            f'code, pre {{ font-family: {mono}, {then}monospace; hyphens: none; }}',
            # A long line of code wraps on a phone rather than running off the screen.
            f"pre {{ white-space: pre-wrap; overflow-wrap: anywhere; text-align: left; margin: 0.6em 0; "
            # A translucent grey ground reads on a white page and on a night theme's black.
            f"padding: 0.4em 0.6em; background: {_GROUND}; font-size: 0.82em; line-height: 1.35; }}",
            "nav ol { list-style: none; padding-left: 0; } nav li { margin: 0.4em 0; } "
            # An article's headings stand under it, not level with the articles (helper-115).
            "nav ol ol { padding-left: 1.2em; } nav[epub|type~=\"landmarks\"] { display: none; }",
            # A word longer than a phone's line (a code, a hashtag, an address
            # not linked) breaks rather than running off the screen (helper-115).
            "p, li, td, th, figcaption, blockquote, .masthead { overflow-wrap: break-word; }",
            # The review's title and the line under it stand as the role says (centred), as in the PDF and DOCX.
            f"h1.digest-title {{ text-align: {r['digest_title'].align}; }}",
            f".digest-meta {{ font-family: {heading}, {then}sans-serif; font-size: {rel(r['digest_meta'].size)}; "
            f"text-align: center; text-indent: 0; color: {t.accent_colour}; }}",
            # An entry's title is h2 (h3 under a group's h2), set at one size either way.
            f"section.entry {{ margin: 1em 0; }} section.entry > h2, section.entry > h3 "
            f"{{ font-size: {rel(r['h2'].size)}; margin: 0 0 0.2em; }}",
            f".source-line {{ font-family: {heading}, {then}sans-serif; font-size: {rel(r['entry_source'].size)}; "
            f"color: {t.accent_colour}; text-indent: 0; margin: 0 0 0.3em; }}",
            # The points' dash is the PDF's, the DOCX's and the text's.
            '.entry-lede { text-indent: 0; } ul.points { margin: 0.2em 0 0 0; padding-left: 1.2em; '
            'list-style-type: "\\2013\\00A0"; }',
            # Points flush left, as the PDF and the DOCX set them: a short line ending in an
            # address or a long name, justified, opened wide gaps.
            "ul.points li { text-align: left; }",
            # Nghị định 30's header block: two centred columns without rules, a short
            # rule under the issuer and one as long as the motto under it.
            "table.decree { width: 100%; font-size: 0.85em; margin: 0 0 1.5em; } "
            "table.decree td { border: none; padding: 0 0.2em; text-align: center; vertical-align: top; } "
            "table.decree td:first-child { width: 40%; } table.decree tr + tr td { padding-top: 0.5em; }",
            "table.decree p { text-align: center; text-indent: 0; margin: 0; } "
            ".decree-issuer, .decree-parent { text-wrap: balance; } "
            ".decree-issuer, .decree-nation, .decree-motto { font-weight: bold; } "
            ".decree-place { font-style: italic; } table.decree p.decree-subject { margin-top: 0.4em; } "
            "table.decree hr { width: 40%; border: none; border-top: 1px solid; margin: 0.2em auto 0; } "
            ".decree-motto span { border-bottom: 1px solid; padding-bottom: 0.15em; } "
            # A paper with no issuer (a đơn) opens under the national lines alone, centred.
            ".national { font-size: 0.85em; margin: 0 0 1.5em; } "
            ".national p { text-align: center; text-indent: 0; margin: 0; text-wrap: balance; }",
            ".decree-recipient, .decree-last_recipient { margin: 0 0 0.2em 55%; text-indent: 0; text-align: left; } "
            ".decree-last_recipient { margin-bottom: 1em; } "
            ".decree-addressee { text-align: center; text-indent: 0; margin: 0.6em 0 1em; } "
            ".decree-closing_place { font-style: italic; text-align: center; text-indent: 0; margin: 1em 0 0 45%; } "
            ".decree-mark { width: 40%; text-align: center; text-indent: 0; margin: 0 0 0.6em; }",
            # A decision's parts: who decides and "QUYẾT ĐỊNH:" bold and centred, the grounds in italic.
            ".decree-authority, .decree-enact { text-align: center; text-indent: 0; font-weight: bold; "
            "margin: 0.6em 0 1em; page-break-after: avoid; break-after: avoid; } "
            ".decree-basis { font-style: italic; }",
            # A document's summary (trích yếu) under its type: bold, centred, over a short rule.
            ".summary { display: table; margin: 0 auto 1.2em; } "
            ".summary p { text-align: center; text-indent: 0; font-weight: bold; margin: 0; text-wrap: balance; } "
            ".summary hr { width: 40%; border: none; border-top: 1px solid; margin: 0.3em auto 0; }",
            # The signature block: the recipients flush left, the signer centred, room to sign.
            "table.signature { width: 100%; margin: 1.5em 0 0; page-break-inside: avoid; break-inside: avoid; } "
            "table.signature td { border: none; padding: 0 0.2em; vertical-align: top; } "
            "table.signature td:first-child { width: 45%; } table.signature p { text-indent: 0; margin: 0; } "
            "table.signature.joint td:first-child { width: auto; } table.signature tr.under td { padding-top: 1.5em; }",
            ".sign-label { font-weight: bold; font-style: italic; font-size: 0.85em; } "
            ".sign-recipient { font-size: 0.8em; text-align: left; } "
            ".sign-title, .sign-name { font-weight: bold; text-align: center; } .sign-title { text-wrap: balance; } "
            "table.signature p.sign-signed { font-style: italic; text-align: center; margin-top: 0.2em; } "
            "table.signature p.sign-name { margin-top: 3.5em; } "
            # On a phone, signers side by side stand one under the other, each whole:
            # three columns of 7 em break "BỘ TRƯỞNG" and "Nguyễn Văn An" inside the word.
            "@media (max-width: 30em) { table.signature.joint, table.signature.joint tbody, "
            "table.signature.joint tr, table.signature.joint td { display: block; width: auto; } "
            "table.signature.joint td + td { margin-top: 1.5em; } table.signature.joint p.sign-pad { display: none; } "
            "table.signature.joint p.sign-name { margin-top: 2.5em; } }",
            ".placeholder { border: 0.5px solid #888; padding: 1.5em 0.5em; text-align: center; font-style: italic; }",
            f'nav h1, nav h2 {{ font-family: {heading}, {then}sans-serif; text-align: left; }}',
            "@media (max-width: 30em) { p, li { text-align: start; } }",
            # A table of many columns on a phone (``cells.WIDE``): a reader that pages does
            # not scroll a block sideways, and the columns past the screen's edge were
            # lost without a sign (helper-71: a 12-column table showed 4). Each row
            # stands as a block, each cell under its column's name.
            "@media (max-width: 30em) { table.wide, table.wide tbody, table.wide tr, table.wide td "
            "{ display: block; width: auto; } table.wide thead, table.wide colgroup { display: none; } "
            "table.wide tr { border-top: 0.5px solid #888; padding: 0.3em 0; } "
            "table.wide td { border: none; text-align: left; padding: 0.1em 0.2em; } "
            "table.wide td[data-label]::before { content: attr(data-label) \": \"; font-weight: bold; } }",
            # The accent colour is a dark red chosen for paper; on a night theme's black
            # it would be unreadable, so there the text keeps the theme's colour.
            "@media (prefers-color-scheme: dark) { .masthead, figcaption, .digest-meta, .source-line "
            "{ color: inherit; } }",
        ]
    )


def _bullets() -> list[tuple[str, str]]:
    """(selector, mark) of an unordered list at each depth: a list inside any list
    is one level down ("ol ul" and "ul ul"); the longer selector wins deeper down,
    and the last one holds for every depth past it."""
    out: list[tuple[str, str]] = []
    paths = [""]
    for mark in BULLETS:
        out.append((", ".join(f"{p}ul" for p in paths), mark))
        paths = [f"{p}{outer} " for p in paths for outer in ("ol", "ul")]
    return out
