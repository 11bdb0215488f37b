"""The paragraph styles of every paged format, as one table of data.

A role is what a paragraph is (title, lede, body, caption, …); its ``Role`` says how
it looks, derived from the style sheet. The PDF writer turns each role into a
reportlab ParagraphStyle and the DOCX writer into a named Word style, so the two
cannot drift apart: a size changed here changes both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from bantin.model import Image, Paragraph, text_of
from bantin.style.stylesheet import Style

MM = 72 / 25.4  # points in a millimetre: the style sheet measures in mm, type in points
CODE_GROUND = "#F2F0EB"  # the light ground under a code block, in every paged format
# Nghị định 30/2020's header block sizes in points, whatever the body size: they are the decree's.
DECREE = {"issuer": 12.0, "nation": 12.0, "motto": 13.0, "number": 13.0, "place": 13.0, "summary": 14.0,
          "addressee": 14.0}
# The rule under the issuer: Nghị định 30 asks 1/3 to 1/2 of the issuer's line (its
# set width, the column's at most when the name wraps); both writers draw 40%.
ISSUER_RULE = 0.4
HEADER_LEFT = 0.4  # the issuer's column: its share of the line in every format
SIGNATURE_LEFT = 0.45  # the recipients' column of the signature block: its share, in every format
SIGNING_ROOM = 60.0  # points between the signer's office and name: a signature and a stamp
SIGNATURE_GAP = 18.0  # points between the text and the signature block


@dataclass(frozen=True)
class Role:
    size: float  # points
    leading: float  # times the size
    font: str = "body"  # "body", "heading" or "mono": which family of the style sheet
    bold: bool = False
    italic: bool = False
    align: str = "left"  # "left", "right", "center" or "justify"
    before: float = 0.0  # points
    after: float = 0.0  # points
    left: float = 0.0  # millimetres
    right: float = 0.0
    first: float = 0.0  # first-line indent in millimetres; negative hangs
    keep_next: bool = False
    keep_lines: bool = False  # never split across pages (the PDF keeps a whole digest entry together anyway)
    accent: bool = False  # the accent colour instead of the ink

    @property
    def face(self) -> str:
        return "bold_italic" if self.bold and self.italic else "bold" if self.bold else (
            "italic" if self.italic else "regular")


@lru_cache(maxsize=16)
def roles(style: Style) -> Mapping[str, Role]:
    """Every role's look, read-only: the table is shared by every document of the process."""
    t = style.text
    justify = "justify" if t.justify else "left"
    hs = list(t.heading_sizes) + [t.body_size] * 3
    text_mm = style.page.size_mm[0] - style.page.margin_left - style.page.margin_right
    head_leading = max(1.3, t.leading - 0.1)
    # A review's lede and points are a little smaller than the body, but never below
    # the 13 pt Nghị định 30 sets for a document's text (helper-138: nd30 gave 12.35).
    entry = t.body_size if style.page.decree_header else t.body_size * 0.95

    def heading(size: float) -> Role:
        return Role(size, head_leading, "heading", bold=True, before=size * 0.9, after=size * 0.45, keep_next=True)

    return MappingProxyType({
        "body": Role(t.body_size, t.leading, align=justify, after=t.space_after, first=t.first_line_indent),
        "title": Role(t.title_size, 1.3, "heading", bold=True, align=t.title_align, after=t.title_size * 0.5,
                      keep_next=True),
        # Not bold, the lede is the body's first paragraph and takes its indent.
        "lede": Role(t.lede_size, t.leading, bold=t.lede_bold, align=justify,
                     after=t.space_after * (1.5 if t.lede_bold else 1),
                     first=0 if t.lede_bold else t.first_line_indent),
        "h1": heading(hs[0]),
        "h2": heading(hs[1]),
        "h3": heading(hs[2]),
        # Levels 4 to 6 look like level 3 in print (the PDF sets them so) but keep
        # their level in Word's navigation and a screen reader's (helper-94).
        "h4": heading(hs[2]),
        "h5": heading(hs[2]),
        "h6": heading(hs[2]),
        "masthead": Role(t.masthead_size, 1.4, "heading", after=t.masthead_size, accent=True),
        "item": Role(t.body_size, t.leading, align=justify, after=t.item_space, left=7, first=-5),
        # "Thứ nhất, …" items carry their ordinals in their words: they are
        # paragraphs, set with the body's indent (nd30's 10 mm first line included).
        "own_item": Role(t.body_size, t.leading, align=justify, after=t.item_space, first=t.first_line_indent),
        "quote": Role(t.body_size, t.leading, italic=True, align=justify, before=t.space_after / 2,
                      after=t.space_after, left=10, right=10),
        "attribution": Role(t.body_size * 0.92, t.leading, align="right", after=t.space_after, right=10),
        "figure": Role(t.body_size, 1.0, align="center", before=t.space_after, after=2, keep_next=True),
        "caption": Role(t.caption_size, 1.4, italic=True, before=3, after=t.space_after, accent=True),
        # A full paragraph space above: under a figure, its caption and the table's read as two.
        "table_caption": Role(t.caption_size, 1.4, bold=True, before=t.space_after, after=3, keep_next=True),
        "cell": Role(t.caption_size + 0.5, 1.3),
        "header_cell": Role(t.caption_size + 0.5, 1.3, bold=True),
        "break": Role(t.body_size, t.leading, align="center", before=t.space_after, after=t.space_after),
        # Code blocks: smaller, so that 70 columns fit the A4 measure; set apart.
        "code": Role(round(t.body_size * 0.82, 1), 1.35, "mono", before=t.space_after, after=t.space_after * 1.5,
                     left=2),
        # Notes, at the end of the article under "Chú thích": smaller, each mark hanging.
        "notes_heading": Role(hs[2], head_leading, "heading", bold=True, before=t.space_after * 2,
                              after=t.space_after / 2, keep_next=True),
        "note": Role(t.caption_size, 1.35, align=justify, after=t.space_after / 3),
        "byline": Role(t.body_size, t.leading, bold=True, align="right", before=t.space_after,
                       after=t.space_after),
        "source": Role(t.caption_size, 1.4, after=2),
        "cover_title": Role(t.title_size * 1.4, 1.3, "heading", bold=True, align="center", after=t.title_size),
        "cover_meta": Role(t.lede_size * 1.15, 1.5, "heading", align="center"),
        "contents_heading": Role(t.title_size * 0.8, 1.3, "heading", bold=True, after=t.space_after * 2),
        "toc": Role(t.body_size, t.leading, after=t.space_after / 2, left=6, right=12),
        # The điểm báo: compact, an entry's parts kept together. Its title is never
        # smaller than the line under it (nd30: 14 pt, a document's trích yếu, over 13 pt).
        "digest_title": Role(max(t.title_size * 0.9, t.masthead_size + 2), 1.25, "heading", bold=True,
                             align="center", after=4),
        "digest_meta": Role(t.masthead_size + 1, 1.3, "heading", align="center", after=t.space_after * 2,
                            accent=True),
        "group": Role(hs[0], 1.3, "heading", bold=True, before=hs[0] * 0.8, after=4, keep_next=True),
        "entry_title": Role(hs[2], 1.25, "heading", bold=True, before=t.space_after * 1.5, after=1,
                            left=6, first=-6, keep_next=True),
        "entry_source": Role(t.masthead_size, 1.3, "heading", after=2, left=6, keep_next=True, accent=True),
        # Whole on one page: an entry with no points ends with its lede, and a split one
        # would leave the title and first lines at a page's foot.
        "entry_lede": Role(entry, t.leading - 0.1, align=justify, after=2, left=6, keep_lines=True),
        # Points are short lines, set flush left: justified, a line ending in an
        # address would open wide gaps.
        "point": Role(entry, t.leading - 0.1, after=1, left=10, first=-4),
        "decree": Role(min(t.body_size, 12), 1.15, align="center"),  # nd30: 12 pt fits Quốc hiệu on a line
        # Nghị định 30/2020, Appendix I, line by line: the issuing body 12–13 bold
        # capitals, Quốc hiệu 12–13 bold capitals (12 fits it on one line of the right
        # column), Tiêu ngữ 13–14 bold, "Số:" 13, the place and date 13–14 italic.
        "decree_parent": Role(DECREE["issuer"], 1.15, align="center"),  # the body above the issuer: upright
        "decree_issuer": Role(DECREE["issuer"], 1.15, bold=True, align="center"),
        "decree_nation": Role(DECREE["nation"], 1.15, bold=True, align="center"),
        "decree_motto": Role(DECREE["motto"], 1.15, bold=True, align="center"),
        # The number and the place and date share a line: the same size, leading and space above.
        "decree_number": Role(DECREE["number"], 1.2, align="center", before=6),
        "decree_place": Role(DECREE["place"], 1.2, italic=True, align="center", before=6),
        "decree_addressee": Role(DECREE["addressee"], t.leading, align="center", before=t.space_after,
                                 after=t.space_after, keep_next=True),
        # The recipients listed under "Kính gửi:", which is centred: each from about
        # where its colon ends, half the text's width and 10 mm from the margin.
        "decree_recipient": Role(DECREE["addressee"], t.leading, left=text_mm / 2 + 10, after=1, keep_next=True),
        "decree_last_recipient": Role(DECREE["addressee"], t.leading, left=text_mm / 2 + 10, after=t.space_after * 2),
        # A decision's parts (``administrative.parts``): who decides, 14 bold capitals
        # centred; each ground in italic; "QUYẾT ĐỊNH:" bold, centred, set apart.
        "decree_authority": Role(DECREE["summary"], 1.2, bold=True, align="center", before=t.space_after,
                                 after=t.space_after * 2, keep_next=True),
        "decree_basis": Role(t.body_size, t.leading, italic=True, align=justify, after=t.space_after,
                             first=t.first_line_indent),
        "decree_enact": Role(DECREE["summary"], 1.2, bold=True, align="center", before=t.space_after,
                             after=t.space_after * 2, keep_next=True),
        # An urgency or secrecy mark ("HỎA TỐC") is stamped under the number: 13 bold,
        # centred in the header's left column (HEADER_LEFT of the line).
        "decree_mark": Role(DECREE["number"], 1.15, bold=True, align="center", right=text_mm * (1 - HEADER_LEFT),
                            after=t.space_after, keep_next=True),
        # A công văn's "V/v …" under the number: 12–13 upright, 6 pt below it.
        "decree_subject": Role(DECREE["issuer"], 1.15, align="center", before=6),
        # The summary (trích yếu) under a document's type: 14 bold, centred, ISSUER_RULE
        # of its longest line ruled under it, and the body a paragraph's space further.
        "decree_summary": Role(DECREE["summary"], 1.2, bold=True, align="center", keep_next=True),
        # How a document ends (Nghị định 30/2020, Appendix I): "Nơi nhận:" 12 bold
        # italic, each recipient 11, the authority and office 13–14 bold capitals,
        # the name 13–14 bold, under room to sign and stamp.
        "sign_label": Role(12, 1.15, bold=True, italic=True),
        "sign_recipient": Role(11, 1.15),
        "sign_title": Role(DECREE["number"], 1.15, bold=True, align="center"),
        "sign_name": Role(DECREE["number"], 1.15, bold=True, align="center", before=SIGNING_ROOM),
        # A signed paper's own last line "Hà Nội, ngày …" (a đơn, a contract: no header
        # block dates it), italic, centred over the signer's column.
        "decree_closing_place": Role(DECREE["place"], 1.2, italic=True, align="center", left=text_mm * SIGNATURE_LEFT,
                                     before=t.space_after, keep_next=True),
        # A copy's "(Đã ký)" in the room to sign, under the office, as published copies set it.
        "sign_signed": Role(DECREE["number"], 1.15, italic=True, align="center", before=3),
        # The DOCX header and footer. A number at the top (nd30) is the header's only
        # line and Nghị định 30 sets it 13–14 pt: the body's size, as the PDF draws it.
        # The page number Nghị định 30 centres in the top margin; else the running
        # title, at the text's left edge as the PDF draws it.
        "running": Role(t.body_size if style.page.page_numbers == "top" else t.masthead_size, 1.0, "heading",
                        align="center" if style.page.page_numbers == "top" else "left"),
    })


LEAD_IN_WORDS = 20


def lead_in(b: Paragraph) -> bool:
    """A short paragraph set all in bold that does not end a sentence: a
    subheading typed as bold body text ("Công ty TNHH …"), a question of an FAQ
    ("❓ Dữ liệu có được bảo mật không?"); or a short paragraph that ends in a
    colon, announcing the table or list under it ("Tối thiểu gồm 09 nội dung:",
    helper-133). Word files are full of them; the paged formats keep one with
    the block after it, so no page ends on it."""
    text = text_of(b.text).strip()
    if not 0 < len(text.split()) <= LEAD_IN_WORDS:
        return False
    return text.endswith(":") or (not text.endswith((".", "…", ";", ","))
                                  and all(s.strong or not s.text.strip() for s in b.text))


MAX_PPI = 150  # a picture is never set larger than this resolution allows: print stays sharp
SLIVER = 20  # times taller than wide: a rule or a spacer, not a picture of anything
LOW_PPI = 100  # below this a picture set at the column's width looks soft, and the editor is told


def figure_size(im: Image, width: float, height: float) -> tuple[float, float]:
    """A picture's size in points on a page whose text is ``width`` × ``height``:
    its own size at 150 pixels per inch, but never wider than the text nor taller
    than 45% of the page. A 480-pixel picture is 81 mm wide, not blown up to the
    column's 165 mm (74 ppi)."""
    scale = min(width / im.width, height * 0.45 / im.height, 72 / MAX_PPI)
    return im.width * scale, im.height * scale


def low_resolution(im: Image, width: float, set_width: float) -> str | None:
    """A warning for a picture too small to fill the column at 100 ppi: it is set
    smaller than the column (``set_width`` points, by ``figure_size``), and a larger
    original would print better. A sliver (a rule or a spacer of 1×100000
    pixels) is told as what it is: the ppi of its width says nothing."""
    ppi = im.width / (width / 72)
    if ppi >= LOW_PPI:
        return None
    mm = set_width / 72 * 25.4
    if mm < 1 and im.height >= SLIVER * im.width:
        return f"a picture of {im.width}×{im.height} pixels is a sliver, set {mm:.2f} mm wide"
    return (f"a picture of {im.width}×{im.height} pixels is {ppi:.0f} ppi across the column; "
            f"it is set at {mm:.0f} mm wide (a larger original prints better)")
