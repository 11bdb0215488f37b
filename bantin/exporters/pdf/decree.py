"""Nghị định 30/2020's header block, as a two-column table without rules: the
issuer and number on the left, the national title and motto on the right, a short
rule under the issuer and one under the motto, and the place-and-date line on the
number's line. The signature block ends the document the same way: the recipients
on the left, the signer on the right. Each line takes its size from its role (``roles.DECREE``), so the
DOCX reads the same.

What the document does not say is left blank by ``labels.decree_header``, so
the DOCX leaves the same blanks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getDescent, stringWidth
from reportlab.platypus import HRFlowable, KeepTogether, Table, TableStyle

from bantin.exporters.balance import balance
from bantin.exporters.labels import QUOC_HIEU, RECIPIENTS, TIEU_NGU, DecreeHeader, SignatureBlock, SignerLines
from bantin.exporters.roles import HEADER_LEFT, ISSUER_RULE, SIGNATURE_GAP, SIGNATURE_LEFT


def _motto_rule(st: Mapping[str, Any], ink_colour: str) -> Any:
    """The rule under the motto, as long as it, clear of the descenders of "lập"
    and "phúc"."""
    motto = st["decree_motto"]
    return HRFlowable(width=stringWidth(TIEU_NGU, motto.fontName, motto.fontSize),
                      spaceBefore=-getDescent(motto.fontName, motto.fontSize) + 1.5, spaceAfter=2,
                      thickness=0.5, color=colors.HexColor(ink_colour), hAlign="CENTER")


def national_block(st: Mapping[str, Any], ink_colour: str, para: Callable[..., Any]) -> list[Any]:
    """The national title and motto centred over the page, the rule under the
    motto: how a paper with no issuer (a đơn, a contract) opens."""
    return [para(QUOC_HIEU, st["decree_nation"]), para(TIEU_NGU, st["decree_motto"]), _motto_rule(st, ink_colour)]


def header_block(h: DecreeHeader, st: Mapping[str, Any], ink_colour: str, width: float,
                 para: Callable[..., Any]) -> Any:
    """The block for ``h``; ``para(text, style)`` makes each line's paragraph, and
    ``para(text, style, measure)`` one whose lines are balanced in ``measure``
    (the issuer: "VĂN PHÒNG UBND" / "TỈNH BẮC NINH", not a word alone under it)."""
    ink = colors.HexColor(ink_colour)
    issuer, nation, motto_style = st["decree_issuer"], st["decree_nation"], st["decree_motto"]
    clear = -getDescent(motto_style.fontName, motto_style.fontSize) + 1.5  # the issuer's rule sits as the motto's
    rule = {"thickness": 0.5, "color": ink, "hAlign": "CENTER"}
    columns = (width * HEADER_LEFT, width * (1 - HEADER_LEFT))
    # The rule is 40% of the issuer's longest line, its lines balanced as the paragraph's are.
    line = max(stringWidth(x, issuer.fontName, issuer.fontSize)
               for x in balance(h.issuer, columns[0], lambda s: stringWidth(s, issuer.fontName, issuer.fontSize)))
    left = [*(para(p, st["decree_parent"], columns[0]) for p in h.parent), para(h.issuer, issuer, columns[0]),
            HRFlowable(width=ISSUER_RULE * min(line, columns[0]), spaceBefore=clear, spaceAfter=2, **rule)]
    right = [para(QUOC_HIEU, nation), para(TIEU_NGU, motto_style), _motto_rule(st, ink_colour)]
    # A second row: the decree sets the place and date "on the same line as the
    # number and symbol", whatever the height of the issuer's name above it.
    # A công văn's "V/v …" goes under the number, its lines balanced as the issuer's.
    number = [para(h.number, st["decree_number"]), *([para(h.subject, st["decree_subject"], columns[0])]
                                                      if h.subject else [])]
    grid = Table([[left, right], [number, para(h.place_date, st["decree_place"])]],
                 colWidths=list(columns), splitInRow=1)  # an issuer taller than a page splits
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                              ("FONTNAME", (0, 0), (-1, -1), issuer.fontName),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return grid


def signature_block(s: SignatureBlock, st: Mapping[str, Any], width: float, para: Callable[..., Any],
                    last: Sequence[Any] = ()) -> Any:
    """The recipients (left, flush left) and the signer (right, centred), kept on
    one page with ``last``, the text's last block: a name alone at the top of a
    page signs nothing, and a page of the block alone signs no text."""
    left = [para(RECIPIENTS, st["sign_label"]), *(para(r, st["sign_recipient"]) for r in s.recipients)]
    # One row, kept on one page; a list of recipients taller than a page splits
    # inside the row rather than stopping the run (splitInRow). Several signers
    # stand side by side, their offices in one row and their names in the next,
    # so that the names stand on one line however many lines the offices take;
    # the recipients under them.
    if s.beside:
        share = width / len(s.signers)
        rows: list[list[Any]] = [[_signer(x, st, para, share, name=False) for x in s.signers],
                                 [[para(x.name, st["sign_name"])] if x.name else "" for x in s.signers],
                                 *([[left, *[""] * len(s.beside)]] if s.recipients else [])]
        widths = [share] * len(s.signers)
        under = 2
        # A cell drops its first paragraph's space before: the room to sign is the row's.
        room = [("TOPPADDING", (0, 1), (-1, 1), st["sign_name"].spaceBefore)]
    else:
        rows = [[left if s.recipients else "", _signer(s.signers[0], st, para, width * (1 - SIGNATURE_LEFT))]]
        widths = [width * SIGNATURE_LEFT, width * (1 - SIGNATURE_LEFT)]
        under, room = 1, []
    grid = Table(rows, colWidths=widths, spaceBefore=SIGNATURE_GAP, splitInRow=1)
    # The table's own font, as the header's: else reportlab names Helvetica, unembedded.
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1),
                                                                     st["sign_recipient"].fontName),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, under), (-1, -1), SIGNATURE_GAP), *room]))
    return KeepTogether([*last, grid])


def _signer(s: SignerLines, st: Mapping[str, Any], para: Callable[..., Any], measure: float,
            name: bool = True) -> list[Any]:
    """A signer's column: the office in bold capitals, each line balanced in the
    column's ``measure``, a copy's "(Đã ký)", room to sign and stamp, the name
    (unless ``name`` is False)."""
    return [*(para(line, st["sign_title"], measure) for line in s.title),
            *([para(s.signed, st["sign_signed"])] if s.signed else []),
            *([para(s.name, st["sign_name"])] if s.name and name else [])]
