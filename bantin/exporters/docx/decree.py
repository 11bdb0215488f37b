"""Nghị định 30's header block and signature block in the DOCX: borderless
two-column tables, each line a paragraph in its role's named style."""

from __future__ import annotations

from typing import Any

from bantin.exporters.balance import balance
from bantin.exporters.docx.fields import run
from bantin.exporters.docx.metrics import text_width
from bantin.exporters.docx.names import NAMES
from bantin.exporters.docx.writer import Writer
from bantin.exporters.labels import QUOC_HIEU, RECIPIENTS, TIEU_NGU, DecreeHeader, SignatureBlock, SignerLines
from bantin.exporters.roles import HEADER_LEFT, ISSUER_RULE, SIGNATURE_GAP, SIGNATURE_LEFT
from bantin.typography.words import join

TITLE_GAP = round(8 / 25.4 * 1440)  # twips: the title keeps its distance from the block, as in the PDF (8 mm)


def header_block(w: Writer, h: DecreeHeader) -> None:
    """Nghị định 30's header block: a borderless two-column table in the
    "Header Block" styles, with a short rule under the issuer and the motto."""
    total = round(w.width_mm / 25.4 * 1440)
    widths = (round(total * HEADER_LEFT), total - round(total * HEADER_LEFT))
    tbl = _table(w, total, widths)
    motto_twips = _motto_twips(w)
    body = w.covered.families[0]
    face = body.files.get("bold") or body.files["regular"]
    # The issuer's lines balanced, as the PDF sets them, each its own paragraph (a
    # DOCX sets no breaks of its own to ask): "VĂN PHÒNG UBND" / "TỈNH BẮC NINH".
    size = w.roles["decree_issuer"].size
    issuer = balance(join(h.issuer), widths[0] / 20, lambda s: text_width(face, s, size))
    line = min(round(max(text_width(face, x, size) for x in issuer) * 20), widths[0])
    regular = body.files["regular"]
    parent = [x for p in h.parent for x in balance(join(p), widths[0] / 20, lambda s: text_width(regular, s, size))]
    issuer_rule = round(ISSUER_RULE * line)
    subject = balance(join(h.subject), widths[0] / 20, lambda s: text_width(regular, s, size)) if h.subject else []
    # (text, role, rule): each line in its own role, sized by Nghị định 30 as the
    # PDF's are (``roles.DECREE``). A rule is an empty paragraph whose bottom border
    # is indented to the rule's length. Two rows, as in the PDF: the decree sets the
    # place and date on the same line as the number.
    rows = (
        ([*((x, "decree_parent", 0) for x in parent), *((x, "decree_issuer", 0) for x in issuer),
          ("", "decree", (widths[0] - issuer_rule) // 2)],
         [(QUOC_HIEU, "decree_nation", 0), (TIEU_NGU, "decree_motto", 0),
          ("", "decree", max(0, (widths[1] - motto_twips) // 2))]),
        ([(h.number, "decree_number", 0), *((x, "decree_subject", 0) for x in subject)],
         [(h.place_date, "decree_place", 0)]),
    )
    for cells in rows:
        tr = w.el("w:tr")
        for cell_width, lines in zip(widths, cells, strict=True):
            tr.append(_cell(w, cell_width, lines))
        tbl.append(tr)
    w.sect.addprevious(tbl)
    _gap(w, TITLE_GAP)


def signature_block(w: Writer, s: SignatureBlock) -> None:
    """The recipients (left) and the signer (right), in one row that never
    splits across pages, at the PDF's distance from the text above."""
    total = round(w.width_mm / 25.4 * 1440)
    # The text's last paragraph keeps with the block, as the PDF keeps it: a page of
    # the block alone signs no text.
    before = w.sect.getprevious()
    if before is not None and before.tag == w.qn("w:p"):
        _keep_next(w, before)
    _gap(w, round(SIGNATURE_GAP * 20))
    _keep_next(w, w.sect.getprevious())
    left = [(RECIPIENTS, "sign_label", 0), *((r, "sign_recipient", 0) for r in s.recipients)] if s.recipients else []
    if s.beside:
        # Several signers side by side: their offices in one row, their names in the
        # next on one line however many lines the offices take, the recipients under them.
        widths: tuple[int, ...] = (total // len(s.signers),) * len(s.signers)
        rows = [[_signer_lines(x, name=False, w=w, width=widths[0]) for x in s.signers],
                [[(x.name, "sign_name", 0)] if x.name else [] for x in s.signers],
                *([[left, *[[] for _ in s.beside]]] if left else [])]
        under = 2
    else:
        left_twips = round(total * SIGNATURE_LEFT)
        signer = _signer_lines(s.signers[0], w=w, width=total - left_twips)
        widths, rows, under = (left_twips, total - left_twips), [[left, signer]], 1
    tbl = _table(w, total, widths)
    for n, cells in enumerate(rows):
        tr = w.el("w:tr")
        trpr = w.el("w:trPr")
        trpr.append(w.el("w:cantSplit"))
        tr.append(trpr)
        for cell_width, lines in zip(widths, cells, strict=True):
            # The recipients under the signers keep the distance the block keeps from the text.
            gap = [("", "decree", 0)] if n >= under else []
            tr.append(_cell(w, cell_width, [*gap, *lines] if lines else [("", "sign_recipient", 0)]))
        if n < len(rows) - 1:  # the offices with the names, the names with the recipients
            for para in tr.iter(w.qn("w:p")):
                _keep_next(w, para)
        tbl.append(tr)
    w.sect.addprevious(tbl)


def _signer_lines(s: SignerLines, w: Writer, width: int, name: bool = True) -> list[tuple[str, str, int]]:
    """A signer's lines; each office line that wraps in the column's ``width``
    (twips) broken where the PDF breaks it, balanced between whole words ("KT. BỘ
    TRƯỞNG" / "BỘ TÀI CHÍNH"; Word would leave "TÀI" on one line and "CHÍNH" on
    the next)."""
    body = w.covered.families[0]
    face, size = body.files.get("bold") or body.files["regular"], w.roles["sign_title"].size
    titles = ["\n".join(balance(join(line), width / 20, lambda t: text_width(face, t, size))) for line in s.title]
    return [*((line, "sign_title", 0) for line in titles), *([(s.signed, "sign_signed", 0)] if s.signed else []),
            *([(s.name, "sign_name", 0)] if s.name and name else [])]


def _motto_twips(w: Writer) -> int:
    """The motto's width: the rule under it is as long, as the PDF draws it,
    measured in the body's bold face (a DOCX has no layout of its own to ask)."""
    body = w.covered.families[0]
    face = body.files.get("bold") or body.files["regular"]
    return round(text_width(face, TIEU_NGU, w.roles["decree_motto"].size) * 20)


def _table(w: Writer, total: int, widths: tuple[int, ...]) -> Any:
    """A borderless table of two columns, without cell padding at the sides (as
    in the PDF: the issuer's line has the column's whole width)."""
    tbl = w.el("w:tbl")
    tblpr = w.el("w:tblPr")
    tblpr.append(w.el("w:tblW", {"w:w": str(total), "w:type": "dxa"}))
    borders = w.el("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(w.el(f"w:{edge}", {"w:val": "nil"}))
    tblpr.append(borders)
    margins = w.el("w:tblCellMar")
    for edge in ("left", "right"):
        margins.append(w.el(f"w:{edge}", {"w:w": "0", "w:type": "dxa"}))
    tblpr.append(margins)
    tbl.append(tblpr)
    grid = w.el("w:tblGrid")
    for width in widths:
        grid.append(w.el("w:gridCol", {"w:w": str(width)}))
    tbl.append(grid)
    return tbl


def summary_rule(w: Writer, text: str) -> None:
    """The short rule under a document's summary (trích yếu): ISSUER_RULE of the
    summary's longest line, as the PDF draws it, its lines balanced as there."""
    total = round(w.width_mm / 25.4 * 1440)
    body = w.covered.families[0]
    face = body.files.get("bold") or body.files["regular"]
    size = w.roles["decree_summary"].size
    lines = balance(join(text), total / 20, lambda s: text_width(face, s, size))
    rule = round(ISSUER_RULE * min(total, max(text_width(face, x, size) for x in lines) * 20))
    p = w.el("w:p")
    ppr = w.el("w:pPr")
    ppr.append(w.el("w:pStyle", {"w:val": w.ids[NAMES["decree"]]}))
    ppr.append(w.el("w:keepNext"))
    bdr = w.el("w:pBdr")
    bdr.append(w.el("w:bottom", {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "auto"}))
    ppr.append(bdr)
    # The rule sits close under the summary; the body keeps two paragraph spaces off it.
    after = round(w.roles["body"].after * 2 * 20)
    ppr.append(w.el("w:spacing", {"w:before": "0", "w:after": str(after), "w:line": "60", "w:lineRule": "exact"}))
    half = (total - rule) // 2
    ppr.append(w.el("w:ind", {"w:left": str(half), "w:right": str(half)}))
    p.append(ppr)
    w.put(p)


def _keep_next(w: Writer, p: Any) -> None:
    """Keep the paragraph on the page of the next one (``w:keepNext``, in its place
    in the paragraph's properties: after the style)."""
    ppr = p.find(w.qn("w:pPr"))
    if ppr is None:
        ppr = w.el("w:pPr")
        p.insert(0, ppr)
    if ppr.find(w.qn("w:keepNext")) is None:
        style = ppr.find(w.qn("w:pStyle"))
        ppr.insert(0 if style is None else list(ppr).index(style) + 1, w.el("w:keepNext"))


def _gap(w: Writer, twips: int) -> None:
    """An empty paragraph of ``twips`` height, to hold a block off the text."""
    gap = w.el("w:p")
    ppr = w.el("w:pPr")
    ppr.append(w.el("w:pStyle", {"w:val": w.ids[NAMES["decree"]]}))
    ppr.append(w.el("w:spacing", {"w:before": "0", "w:after": str(twips), "w:line": "20", "w:lineRule": "exact"}))
    gap.append(ppr)
    w.sect.addprevious(gap)


def _cell(w: Writer, width: int, lines: list[tuple[str, str, int]]) -> Any:
    """A cell of the block: its lines, each a paragraph in its role's style."""
    tc = w.el("w:tc")
    tcpr = w.el("w:tcPr")
    tcpr.append(w.el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
    tc.append(tcpr)
    for text, role, rule in lines:
        tc.append(_line(w, text, role, rule))
    return tc


def _line(w: Writer, text: str, role: str, rule: int) -> Any:
    """A line of a block in its role's style; with ``rule``, an empty paragraph
    whose bottom border, indented by ``rule`` twips at each side, is the rule."""
    p = w.el("w:p")
    ppr = w.el("w:pPr")
    ppr.append(w.el("w:pStyle", {"w:val": w.ids[NAMES[role]]}))
    if rule:
        bdr = w.el("w:pBdr")
        bdr.append(w.el("w:bottom", {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "auto"}))
        ppr.append(bdr)
        ppr.append(w.el("w:spacing", {"w:before": "0", "w:after": "60", "w:line": "60", "w:lineRule": "exact"}))
        ppr.append(w.el("w:ind", {"w:left": str(rule), "w:right": str(rule)}))
    p.append(ppr)
    if text:
        # Bold and italic come from the line's style, so that Word restyles them.
        w.faces.add(("body", w.roles[role].face))
        for n, part in enumerate(text.split("\n")):  # a line broken where the PDF breaks it
            if n:
                p.append(w.el("w:r"))
                p[-1].append(w.el("w:br"))
            run(p, part)
    return p


def national_block(w: Writer) -> None:
    """The national title and motto centred over the page, the rule under the
    motto as long as it: how a paper with no issuer (a đơn, a contract) opens."""
    total = round(w.width_mm / 25.4 * 1440)
    for line in ((QUOC_HIEU, "decree_nation", 0), (TIEU_NGU, "decree_motto", 0),
                 ("", "decree", max(0, (total - _motto_twips(w)) // 2))):
        w.sect.addprevious(_line(w, *line))
    _gap(w, TITLE_GAP)
