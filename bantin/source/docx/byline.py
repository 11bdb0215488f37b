"""The byline a reporter sets right under the text of a Word file, as newsroom
text ends: a last paragraph that reads as one ("Minh Anh", "Bích Lan/VOV.VN",
"Bài, ảnh: Ngọc Hà"), perhaps over notes that stay ("Theo TTXVN", "Email: …").
Set right, it is one wherever the text ends; set as the text is (left, justified,
in bold), only a short one under a paragraph that ends its sentence (helper-154:
most bylines typed so stayed the text's last line, a bold one became a heading).
"""

from __future__ import annotations

from bantin.source.docx.body import Item, Para, empty
from bantin.source.docx.header import capitals
from bantin.source.rules.byline import above_notes, closing_note, is_byline

SHORT = 6  # words of a byline set as the text is


def closing_byline(items: list[Item], byline: str | None) -> tuple[list[Item], str | None]:
    """The items without their closing byline, and the byline. Not over a byline
    the document states otherwise, unless it is the same name (the file's author
    property, which the line then no longer repeats)."""
    filled = [i for i in range(len(items)) if not empty(items[i])]
    # The name may stand over closing notes that stay where they are: "Theo TTXVN",
    # the author's "Email: …" (as the newsroom text's byline does).
    k = above_notes([it.text if isinstance(it, Para) and it.role == "body" and not it.images else None
                     for it in (items[i] for i in filled)])
    last = filled[k] if k >= 0 else -1
    p = items[last] if last >= 0 else None
    if not (isinstance(p, Para) and p.role == "body" and p.num is None and not p.images and not capitals(p.text)
            and is_byline(p.text) and not closing_note(p.text) and byline in (None, p.text)):
        return items, byline
    if p.align not in ("right", "end"):
        before = items[filled[k - 1]] if k > 0 else None
        if len(p.text.split()) > SHORT or not (isinstance(before, Para) and before.role == "body"
                                               and before.text.rstrip("”\"»)' ")[-1:] in ".!?…"):
            return items, byline
    return items[:last] + items[last + 1:], p.text
