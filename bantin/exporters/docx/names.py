"""Which Word style each role is written in: built-in names where Word has one,
so that Word's own features (the navigation pane, the TOC field, captions)
recognise them, and ours (Lede, Masthead, Header Block …) where it has none."""

from __future__ import annotations

NAMES = {
    # Body paragraphs have a style of their own; "Normal" stays the base every
    # style is built on (fonts, size, language), as Word's documents have it.
    "body": "Body Text",
    "title": "Title",
    "lede": "Lede",
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "h4": "Heading 4",
    "h5": "Heading 5",
    "h6": "Heading 6",
    "masthead": "Masthead",
    "item": "List Bullet",
    "own_item": "List Paragraph",
    "quote": "Quote",
    "attribution": "Quote Attribution",
    "figure": "Figure",
    "caption": "Caption",
    "table_caption": "Table Caption",
    "cell": "Table Text",
    "header_cell": "Table Heading",
    "break": "Section Break",
    "code": "Source Code",  # pandoc's names for code, which its reference.docx users know
    "byline": "Byline",
    "source": "Source Note",
    "cover_title": "Cover Title",
    "cover_meta": "Cover Meta",
    "contents_heading": "Contents Heading",
    "toc": "TOC 1",
    "decree": "Header Block",
    "decree_parent": "Header Block Parent",
    "decree_issuer": "Header Block Issuer",
    "decree_nation": "Header Block Nation",
    "decree_motto": "Header Block Motto",
    "decree_number": "Header Block Number",
    "decree_place": "Header Block Date",
    "decree_summary": "Document Summary",
    "decree_subject": "Header Block Subject",
    "decree_mark": "Header Block Mark",
    "decree_closing_place": "Closing Place and Date",
    "decree_addressee": "Addressee",
    "decree_recipient": "Addressee List",
    "decree_last_recipient": "Addressee List Last",
    "decree_authority": "Issuing Authority",
    "decree_basis": "Legal Basis",
    "decree_enact": "Enacting Line",
    "sign_label": "Recipients Heading",
    "sign_recipient": "Recipient",
    "sign_title": "Signer Title",
    "sign_name": "Signer Name",
    "sign_signed": "Signature Mark",
    "digest_title": "Digest Title",
    "digest_meta": "Digest Meta",
    "group": "Digest Group",
    "entry_title": "Entry Title",
    "entry_source": "Source Line",
    "entry_lede": "Entry Lede",
    "point": "Point",
    "running": "Header",
    # Roles of the DOCX alone (``docx_roles``): notes, the placeholder of a missing
    # picture, an item's further paragraphs by level.
    "note": "footnote text",
    "endnote": "endnote text",
    "placeholder": "Figure Placeholder",
    "continue_0": "List Continue",
    "continue_1": "List Continue 2",
    "continue_2": "List Continue 3",
    "continue_3": "List Continue 4",
    "continue_4": "List Continue 5",
    "base": "Normal",
}
EXTRA = {"List Number": "item", "Footer": "footer"}  # more Word styles that share a role
# Word's built-in note styles (lower-case names, as Word writes them): paragraph, reference.
NOTE_STYLES = {"footnote": ("footnote text", "footnote reference"), "endnote": ("endnote text", "endnote reference")}
TABLE_STYLE = "Briefing Table"
CELL_MARGIN = 85  # twips (2 pt, the PDF's cell padding): a cell's left and right margin in TABLE_STYLE
LINK_STYLE = "Hyperlink"
CODE_CHAR = "Verbatim Char"
