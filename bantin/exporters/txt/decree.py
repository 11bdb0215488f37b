"""Nghị định 30/2020's header block in plain text: the same two columns as the
PDF and the DOCX (the issuer and number on the left, the national title and motto
on the right, each line centred in its column, a short rule under the issuer and
one under the motto, the place-and-date line on the number's line), so the text
of a công văn names its issuer as the printed one does.

The signature block ends the document the same way: the recipients on the
left, flush left, the signer's office and name centred on the right, with blank
lines to sign between them.

A message (e-mail, chat) has no columns: its reader's app wraps, and two columns
would break up in a narrow bubble. There the lines come one under the other.
"""

from __future__ import annotations

from itertools import zip_longest

from bantin.exporters.balance import balance
from bantin.exporters.labels import QUOC_HIEU, RECIPIENTS, TIEU_NGU, DecreeHeader, SignatureBlock, SignerLines
from bantin.exporters.roles import HEADER_LEFT, ISSUER_RULE, SIGNATURE_LEFT
from bantin.exporters.txt.layout import width, wrap, wrap_display
from bantin.model import LINE_BREAK
from bantin.typography.words import join

RULE = "─"


def header_lines(h: DecreeHeader, cols: int, message: bool) -> list[str]:
    if message:
        return [*h.parent, h.issuer, h.number, *([h.subject] if h.subject else []), QUOC_HIEU, TIEU_NGU,
                h.place_date.strip()]
    left_cols = int(cols * HEADER_LEFT)
    right_cols = cols - left_cols
    issuer = balance(join(h.issuer), left_cols - 2, width)
    longest = max(width(line) for line in issuer)
    parent = [x for p in h.parent for x in balance(join(p), left_cols - 2, width)]
    subject = balance(join(h.subject), left_cols - 2, width) if h.subject else []
    left = [*parent, *issuer, RULE * max(1, round(ISSUER_RULE * longest))]
    right = [*wrap_display(QUOC_HIEU, right_cols), *wrap_display(TIEU_NGU, right_cols), RULE * width(TIEU_NGU)]
    lines = [_row(a, b, left_cols, right_cols) for a, b in zip_longest(left, right, fillvalue="")]
    when = h.place_date.strip()
    if width(when) > right_cols:
        # A draft's blanks ("…, ngày … tháng … năm …") are one line to fill in by
        # hand: set flush right on the number's line, never broken.
        number = _centred(h.number, left_cols).rstrip()
        return [*lines, number + " " * max(1, cols - width(number) - width(when)) + when,
                *(_centred(x, left_cols).rstrip() for x in subject)]
    bottom = zip_longest([*wrap_display(h.number, left_cols - 2), *subject], wrap_display(when, right_cols),
                         fillvalue="")
    return [*lines, *(_row(a, b, left_cols, right_cols) for a, b in bottom)]


def national_lines(cols: int, message: bool) -> list[str]:
    """The national title and motto centred, a rule as long as the motto under
    it: how a paper with no issuer (a đơn) opens; in a message, one under the other."""
    if message:
        return [QUOC_HIEU, TIEU_NGU]
    return [_centred(x, cols).rstrip() for x in (*wrap_display(QUOC_HIEU, cols), *wrap_display(TIEU_NGU, cols),
                                                 RULE * width(TIEU_NGU))]


SIGNING_LINES = 3  # blank lines between the signer's office and name


def _signer(s: SignerLines, name: bool = True) -> list[str]:
    return [*s.title, *([s.signed] if s.signed else []),
            *([""] * SIGNING_LINES + [s.name] if s.name and name else [])]


def _wrapped(lines: list[str], cols: int) -> list[str]:
    """Each line in ``cols``; one that wraps is balanced between whole words, as the
    PDF sets it ("KT. BỘ TRƯỞNG" / "BỘ TÀI CHÍNH")."""
    return [x for line in lines
            for x in ((balance(join(line), cols, width) if width(line) > cols else wrap_display(line, cols)) or [""])]


def signature_lines(s: SignatureBlock, cols: int, message: bool) -> list[str]:
    signers = [_signer(x) for x in s.signers]
    left = [RECIPIENTS, *s.recipients] if s.recipients else []
    if message:
        stacked = [line for n, x in enumerate(signers) for line in ([""] if n else []) + x]
        return [*stacked, *([""] if left and stacked else []), *left]
    left_cols = round(cols * SIGNATURE_LEFT)
    # A recipient that wraps goes on under its words, not under its dash.
    lefts = [x for line in left for x in wrap(line, left_cols - 2, "", "  " if line.startswith("- ") else "")]
    if s.beside:  # several signers side by side, each centred in its share; the recipients under them
        share = cols // len(signers)
        # The names on one line however many lines the offices take.
        heads = [_wrapped(_signer(x, name=False), share - 2) for x in s.signers]
        tall = max(map(len, heads))
        columns = [h + [""] * (tall - len(h)) + ([""] * SIGNING_LINES + _wrapped([x.name], share - 2) if x.name else [])
                   for h, x in zip(heads, s.signers, strict=True)]
        return [*("".join(_centred(c, share) for c in row).rstrip() for row in zip_longest(*columns, fillvalue="")),
                *([""] + lefts if lefts else [])]
    right_cols = cols - left_cols
    rights = _wrapped(signers[0], right_cols)
    return [(a + " " * (left_cols - width(a)) + _centred(b, right_cols)).rstrip()
            for a, b in zip_longest(lefts, rights, fillvalue="")]


def centred_lines(text: str, cols: int, ruled: bool = False) -> list[str]:
    """``text`` in balanced lines, each centred: a document's type ("BÁO CÁO"), or
    its summary (trích yếu) over a short rule (``ruled``: ISSUER_RULE of its
    longest line), as the PDF sets them. A line break starts a line of its own
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN" over "TỈNH NAM ĐỊNH"), as in the PDF (helper-126)."""
    parts = text.split(LINE_BREAK)
    lines = [x for part in parts for x in (balance(join(part), cols - 4, width) or ([""] if len(parts) > 1 else []))]
    if ruled:
        lines.append(RULE * max(1, round(ISSUER_RULE * max(width(x) for x in lines))))
    return [_centred(x, cols).rstrip() for x in lines]


def _centred(text: str, cols: int) -> str:
    pad = max(0, cols - width(text))
    return " " * (pad // 2) + text + " " * (pad - pad // 2)


def _row(left: str, right: str, left_cols: int, right_cols: int) -> str:
    return (_centred(left, left_cols) + _centred(right, right_cols)).rstrip()
