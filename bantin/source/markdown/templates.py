"""Static-site template syntax in a Markdown file, read as far as a file alone
tells: Hugo's shortcodes and Jekyll's Liquid, which a site renders and bantin
cannot (helper-78: "{{< figure src=… >}}", "{% include … %}" and "{{ site.x }}"
were printed as the article's words in every format).

- Hugo's ``{{< figure src="…" caption="…" attr="…" >}}`` is the picture it shows,
  written as Markdown's own ("![alt](src "caption Ảnh: attr")");
- Jekyll's ``{% highlight lang %}`` … ``{% endhighlight %}`` and Hugo's
  ``{{< highlight lang >}}`` … ``{{< /highlight >}}`` are fenced code blocks;
- what Liquid's ``{% comment %}`` … ``{% endcomment %}`` holds goes (a note never shown);
- any other shortcode or Liquid tag (an include, an embedded video, a condition)
  and a template variable (``{{ site.title }}``) go, with one warning that counts
  them; the words between an opening and a closing tag stay;
- an attribute list at a heading's end (``{#id}``), after a picture or a link
  (``{: .center}``) or on a line of its own (kramdown's ``{: .note}``) goes: it
  holds no words; and so does kramdown's "* TOC" over ``{:toc}``.

Code is never touched: fenced blocks, indented lines and inline code spans are
passed over, and so is what Liquid's ``{% raw %}`` holds. Only a page with front
matter is a site's page: "{{ }}" in an ordinary article's sentence is its text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
# Bounded, lazy: a tag is short, and a line of "{{<" with no end costs one scan each.
_FIGURE = re.compile(r"\{\{[<%]\s*figure\s+(?P<attrs>[^{}\n]{0,1000}?)/?[>%]\}\}")
_SHORTCODE = re.compile(r"\{\{[<%]-?\s*(?:/\s*)?[\w./-]+[^{}\n]{0,500}?[>%]\}\}")
# Jekyll's highlight tags and Hugo's highlight shortcode (helper-100: its code was read as prose).
_HIGHLIGHT = re.compile(r"^\s*(?:\{%-?\s*highlight\s+([\w+-]+)[^%]*-?%\}"
                        r"|\{\{[<%]\s*highlight\s+([\w+-]+)[^{}]*[>%]\}\})\s*$")
_END_HIGHLIGHT = re.compile(r"^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{[<%]\s*/\s*highlight\s*[>%]\}\})\s*$")
# Liquid's tags and a site's variables by their names: "{% for %}" or "{{ và }}" in
# a sentence about templates is the sentence's own (helper-79).
_TAGS = ("include|include_relative|if|elsif|else|endif|unless|endunless|for|endfor|case|when|endcase|assign|"
         "capture|endcapture|comment|endcomment|link|post_url|seo|feed_meta|gist|youtube|cycle|increment|"
         "decrement|break|continue|render|tablerow|endtablerow")
_LIQUID_TAG = re.compile(rf"\{{%-?\s*(?:{_TAGS})\b[^%\n]{{0,500}}?%\}}")
_VARIABLE = re.compile(r"\{\{-?\s*(?:(?:site|page|layout|post|paginator|jekyll|theme|params|content|include)\b|\.)"
                       r"[^{}\n]{0,200}?\}\}")
_TEMPLATED = ("{{", "{%")
# An attribute list: a heading's id at its end ("## Kết luận {#ket-luan}") or
# kramdown's "{: .note}" on a line of its own, markup with no words in it (helper-78).
_ATTRIBUTES = re.compile(r"\{:?[ \t]*[#.][\w .#:=-]{0,100}\}|\{:[ \t]*[\w-]+=[^{}\n]{0,100}\}|\{:[ \t]*toc[ \t]*\}")
# kramdown's attribute list after a picture or a link ("![Mưa](a.jpg){: .center}",
# "[đây](x){:target="_blank"}", helper-155: printed, and the picture lost with it).
_AFTER_LINK = re.compile(r"(?<=\))\{:[ \t]*+(?:[#.][\w-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]++))"
                         r"(?>(?:[ \t]+(?:[#.][\w-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]++)))*)[ \t]*+\}")
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]")
_TOC = re.compile(r"\{:[ \t]*toc[ \t]*\}")
_TOC_ITEM = re.compile(r"(?:[*+-]|\d+\.)[ \t]+(?:TOC|Mục lục|Table of contents)", re.IGNORECASE)
_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}")
_END_COMMENT = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_RAW = re.compile(r"\{%-?\s*(end)?raw\s*-?%\}")


def rendered(text: str, warn: Callable[[str], None], hide: bool = True) -> str:
    """``text`` with its template syntax read (see the module); the same text when
    it holds none. ``hide``: Liquid's comments are taken out, unless one is left
    open at the end (helper-104: it took the rest of the article with it)."""
    if not any(t in text for t in (*_TEMPLATED, "{#", "{.", "{:")):
        return text
    out: list[str] = []
    raw = False  # inside Liquid's {% raw %} … {% endraw %}: written as it stands
    fence: str | None = None  # the open code fence; "highlight" inside Jekyll's highlight tags
    dropped = comments = 0
    commented = False  # inside Liquid's {% comment %} … {% endcomment %}, which a site never shows
    for line in text.split("\n"):
        opened = FENCE.match(line)
        if fence == "highlight":
            if _END_HIGHLIGHT.match(line):
                out.append("```")
                fence = None
            else:
                out.append(line)
        elif fence is not None:
            out.append(line)
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
        elif opened:
            fence = opened.group(1)
            out.append(line)
        elif (m := _HIGHLIGHT.match(line)) is not None:
            out.append(f"```{m.group(1) or m.group(2)}")
            fence = "highlight"
        elif raw or _RAW.search(line):
            # The raw block's tags go; what they hold is written as it stands.
            for tag in _RAW.finditer(line):
                raw = tag.group(1) is None
            out.append(_RAW.sub("", line))
        elif line.startswith(("    ", "\t")):
            out.append(line)  # an indented code block, or a list item's nested lines: left alone
        elif _TOC.fullmatch(line.strip()):
            if out and _TOC_ITEM.fullmatch(out[-1].strip()):
                out.pop()  # kramdown's "* TOC" over "{:toc}": the table of contents a site makes
        else:
            if hide:
                line, commented, n = _uncommented(line, commented)
                comments += n
            line, n = _outside_code(line)
            dropped += n
            out.append(line)
    if commented:
        return rendered(text, warn, hide=False)
    if fence == "highlight":
        out.append("```")
    if comments:
        warn(f"{comments} Liquid comment{'s' if comments > 1 else ''} ({{% comment %}} … {{% endcomment %}}) left out: "
             "the writer's notes, which the site never shows")
    if dropped:
        warn(f"{dropped} template tag{'s' if dropped > 1 else ''} (Hugo shortcodes, Jekyll Liquid) left out: "
             "a site renders them, a file alone cannot; the words between them kept")
    return "\n".join(out)


def _uncommented(line: str, inside: bool) -> tuple[str, bool, int]:
    """The line without what Liquid's comment tags hold (helper-100: "1.200 tỷ
    đồng{% comment %} kiểm tra lại {% endcomment %}" printed the note), tags in
    inline code left as code (helper-104); whether a comment is still open at its
    end; how many it opened."""
    code = [(m.start(), m.end()) for m in CODE_SPAN.finditer(line)]

    def search(pattern: re.Pattern[str], pos: int) -> re.Match[str] | None:
        return next((m for m in pattern.finditer(line, pos) if not any(a <= m.start() < b for a, b in code)), None)

    kept: list[str] = []
    pos = opened = 0
    while True:
        if inside:
            end = search(_END_COMMENT, pos)
            if end is None:
                return "".join(kept), True, opened
            pos, inside = end.end(), False
        else:
            start = search(_COMMENT, pos)
            if start is None:
                kept.append(line[pos:])
                return "".join(kept), False, opened
            kept.append(line[pos:start.start()])
            pos, inside, opened = start.end(), True, opened + 1


def _outside_code(line: str) -> tuple[str, int]:
    """The line with its template syntax read, its inline code spans as written."""
    text, dropped = outside_spans(line, _read)
    return _attributes(text), dropped


def outside_spans(line: str, read: Callable[[str], tuple[str, int]]) -> tuple[str, int]:
    """``read`` applied to the line's text between its inline code spans, which stay
    as written; the text, and the sum of what ``read`` counted."""
    parts, pos, count = [], 0, 0
    for m in CODE_SPAN.finditer(line):
        text, n = read(line[pos:m.start()])
        parts += [text, m.group(0)]
        count += n
        pos = m.end()
    text, n = read(line[pos:])
    return "".join([*parts, text]), count + n


def _attributes(line: str) -> str:
    """The line without an attribute list that is markup: a heading's last, a
    picture's or a link's, or a line that is nothing else. "Mã màu đỏ là {#ff0000}"
    in a sentence stays."""
    line = _AFTER_LINK.sub("", line) if "{:" in line else line
    body = line.rstrip()
    if not body.endswith("}"):
        return line
    start = body.rfind("{")
    if start < 0 or not _ATTRIBUTES.fullmatch(body[start:]):
        return line
    if body[:start].strip() == "" or _HEADING.match(body):
        return body[:start].rstrip()
    return line


def _read(text: str) -> tuple[str, int]:
    if not any(t in text for t in _TEMPLATED):
        return text, 0
    text = _FIGURE.sub(_figure, text)
    count = 0
    for pattern in (_SHORTCODE, _LIQUID_TAG, _VARIABLE):
        text, n = pattern.subn("", text)
        count += n
    return text, count


def _figure(m: re.Match[str]) -> str:
    """Hugo's figure shortcode as a Markdown picture, its caption and credit its title."""
    attrs = {a.group(1).lower(): next(g for g in a.groups()[1:] if g is not None) for a in _ATTR.finditer(m["attrs"])}
    caption = " ".join(x for x in (attrs.get("caption") or attrs.get("title") or "",
                                   f"Ảnh: {attrs['attr']}" if attrs.get("attr") else "") if x)
    alt = (attrs.get("alt") or "").replace("]", ")").replace("[", "(")
    title = caption.replace('"', "'")
    return f'![{alt}]({attrs.get("src", "")}' + (f' "{title}")' if title else ")")
