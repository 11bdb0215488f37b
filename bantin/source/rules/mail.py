"""What an e-mail program leaves around an article copied out of a message.

A press office gets articles by e-mail, and what is saved as text may still be
quoted-printable ("H=C3=A0 N=E1=BB=99i", a line cut by "=" at 76 columns), carry
"> " before every line of a quoted message with the reply's own lines above it
("Anh chị xem giúp bài dưới đây." / "Vào Th 5, … đã viết:"), open with a
forwarded message's header ("---------- Forwarded message ---------", "From:",
"Subject:") or end with the sender's signature under "--". Read as they stand,
the header was the title, the quote marks opened every paragraph and the
signature's phone number became the byline.

Each is taken off by its own shape, with a warning that quotes what went; the
article's own words are untouched. Quoted-printable is decoded only when it
writes three letters or more beyond ASCII ("=E1", "=FD"), as UTF-8 or as a code
page told as a file's is. A signature is taken only from what is plainly a message
(quoted, encoded or forwarded), only under "--", and only when it gives a way to
reach its sender (a phone number, an address): "Trân trọng!" over a press
release's contact line and "Xin cảm ơn!" over a byline are the article's.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Callable

from bantin.source.decode import decode_reporting
from bantin.source.reader import dropped
from bantin.source.rules.byline import PHONE

Warn = Callable[[str], None]

# A letter of UTF-8 written in quoted-printable ("=C3=A0", "=E1=BB=9D"), and a byte
# above 0x7f ("=FD", a code page's letter): "=B2*C2" in a spreadsheet formula is
# one too, so a code page's text is taken for quoted-printable only when its lines
# are also cut with "=" as an encoder cuts them (helper-91).
_QP_UTF8 = re.compile(r"=[CD][0-9A-F]=[89AB][0-9A-F]|=E[0-9A-F](?:=[89AB][0-9A-F]){2}")
_QP_BYTE = re.compile(r"=[89A-F][0-9A-F]")
_FORWARDED = re.compile(r"^-{3,}\s*(?:forwarded message|original message|tin nhắn đã chuyển tiếp|"
                        r"thư đã chuyển tiếp|thư chuyển tiếp|thư gốc)\s*-{3,}$", re.IGNORECASE)
_SENDER = re.compile(r"^(?:from|từ|người gửi):", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:subject|tiêu đề|chủ đề):", re.IGNORECASE)
_RULE = re.compile(r"^_{10,}$")  # Outlook's line over a forwarded message's header
_HEADER = re.compile(r"^(?:from|date|sent|subject|to|cc|bcc|reply-to|từ|ngày|đã gửi|gửi|tiêu đề|chủ đề|"
                     r"đến|tới|người gửi|người nhận):", re.IGNORECASE)
_WROTE = re.compile(r"(?:wrote|đã viết|viết):\s*$")
# The line that opens a sender's signature: "--" (RFC 3676's "-- "). A closing
# greeting is no sign: a forwarded appeal or press release ends "Xin cảm ơn!" or
# "Trân trọng!" over its own account number or contact (helper-93).
SIGN = "--"
# A signature gives a way to reach its sender: a phone number, an e-mail address.
_CONTACT = re.compile(r"@|\b(?:đt|sđt|dđ|tel|mobile|fax|e-?mail|điện thoại|hotline)\b|" + PHONE, re.IGNORECASE)
QUOTED_SHARE = 0.6  # of the lines with text: a message quoted whole, not a line of it
SIGNATURE_LINES = 8  # a signature's lines under "--" at most


def plain(text: str, warn: Warn) -> str:
    """The text without its e-mail wrapping."""
    said: list[str] = []

    def heard(message: str) -> None:
        said.append(message)
        warn(message)

    # Quote marks first: "=" at a quoted line's end joins it to the next without them.
    lines = _unquoted(text.replace("\r\n", "\n").split("\n"), heard)
    lines = _unquoted(_decoded("\n".join(lines), heard).split("\n"), heard)  # marks that were encoded too
    lines = _unforwarded(lines, heard)
    # A signature goes only from what is plainly a message: a press release ends
    # "Trân trọng!" over its contact line, which is the release's own (helper-91).
    return "\n".join(_unsigned(lines, warn) if said else lines)


def _said(what: str, lines: list[str], warn: Warn) -> None:
    said = dropped(what, " / ".join(line.strip() for line in lines if line.strip()))
    if said:
        warn(said)


def _decoded(text: str, warn: Warn) -> str:
    if len(_QP_UTF8.findall(text)) < 3 and (len(_QP_BYTE.findall(text)) < 3 or len(_soft_lines(text)) < 2):
        return _soft_broken(text, warn)
    raw = quopri.decodestring(text.encode("utf-8"))
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:  # a code page's bytes: told as a file's are
            found = decode_reporting(raw)
        except ValueError:  # InputError: not text once decoded; left as it came
            return text
        decoded = found.text
        for note in found.notes:
            warn(note)
    warn("decoded quoted-printable text (an e-mail's transfer encoding)")
    return decoded


def _soft_broken(text: str, warn: Warn) -> str:
    """Lines that quoted-printable cut at 76 columns with "=" (the letters left
    as they were: an 8-bit message) joined again."""
    worded = [line for line in text.split("\n") if line.strip()]
    soft = _soft_lines(text)
    if len(soft) < 3 or len(soft) < 0.3 * len(worded):
        return text
    warn("joined the lines an e-mail cut with \"=\" (quoted-printable soft breaks)")
    return re.sub(r"(?<!=)=\n", "", text)


def _soft_lines(text: str) -> list[str]:
    """The lines an encoder cut with "=": at 76 characters at most and close to it
    (a formula broken after its "=", "a=" / "b+c", is shorter)."""
    return [line for line in text.split("\n") if line.endswith("=") and 60 <= len(line) <= 76
            and not line.endswith("==")]


def _unquoted(lines: list[str], warn: Warn) -> list[str]:
    """A message quoted whole without its "> " marks, one level after another,
    and without the reply's own lines when "… wrote:" introduces the quote."""
    said = False
    while True:
        worded = [line for line in lines if line.strip()]
        quoted = [i for i, line in enumerate(lines) if line.startswith(">")]
        if len(quoted) < 3 or len(quoted) < QUOTED_SHARE * len(worded):
            return lines
        before = [line for line in lines[:quoted[0]] if line.strip()]
        if before and _WROTE.search(before[-1]):
            _said("the reply above the quoted message", before, warn)
            lines = lines[quoted[0]:]
        if not said:
            warn("removed the e-mail's quote marks (\"> \")")
            said = True
        lines = [re.sub(r"^> ?", "", line) for line in lines]


def _unforwarded(lines: list[str], warn: Warn) -> list[str]:
    """Without the headers of forwarded messages at the head of the text (a forward
    of a forward has two), and the sender's note above them."""
    while (found := _header(lines)) is not None:
        start, end = found
        if any(line.strip() for line in lines[:start]):
            _said("the message above the forwarded one", lines[:start], warn)
        _said("a forwarded message's header", lines[start:end], warn)
        lines = lines[end:]
    return lines


def _header(lines: list[str]) -> tuple[int, int] | None:
    """Where a message's header is among the text's first lines: after a marker
    ("---------- Forwarded message ---------", "-----Original Message-----", a rule
    of underscores) or, top-posted, three header lines or more ("From:", "Sent:",
    "To:", "Subject:"), a folded line (one that opens with a space) carried on."""
    worded = [i for i, line in enumerate(lines) if line.strip()][:12]
    for i in worded:
        marked = bool(_FORWARDED.match(lines[i].strip()) or _RULE.match(lines[i].strip()))
        end = i + 1 if marked else i
        while end < len(lines) and (_HEADER.match(lines[end].strip())
                                    or (end > i and lines[end][:1] in " \t" and lines[end].strip())):
            end += 1
        named = [line for line in lines[i:end] if _HEADER.match(line.strip())]
        # Unmarked, a header names its sender by address and its subject: "Từ: 7h00"
        # / "Đến: 17h00" / "Ngày: thứ Tư" open a notice of a power cut (helper-91).
        addressed = any(_SENDER.match(line.strip()) and ("@" in line or "<" in line) for line in named)
        if (marked and named) or (len(named) >= 3 and addressed and any(_SUBJECT.match(x.strip()) for x in named)):
            return i, end
    return None


def _unsigned(lines: list[str], warn: Warn) -> list[str]:
    """Without the signature under the last "--" (or "-- ") line, when it is short."""
    mark = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip() == SIGN), None)
    if mark is None or not 0 < sum(1 for line in lines[mark + 1:] if line.strip()) <= SIGNATURE_LINES:
        return lines
    if not any(_CONTACT.search(line) for line in lines[mark + 1:]):
        return lines  # "Xin cảm ơn!" and a byline, a "--" between sections: the article's own (helper-88)
    _said("the e-mail's signature", lines[mark:], warn)
    return lines[:mark]
