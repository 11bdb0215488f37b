"""Where lines break: addresses at their punctuation, and justified paragraphs
broken as a whole so that no line opens wide gaps.

reportlab breaks lines greedily, one at a time. A justified line followed by a word
that does not fit is left with what it has, its gaps stretched; with few gaps that
passes twice the word space. ``refill`` breaks such a paragraph again as a whole
(total fit, as TeX does, without hyphenation: Vietnamese has none): it chooses the
breaks that keep every line's gaps closest to the normal space, a "/" inside a word
("đồng/kg", "thi/môn") being a place to break too. A line only letter spacing can
fill (``tracking``) is loose but allowed; the breaks that need the least of it win.

A last line of one syllable (a "runt": "lý.", "Bản.") reads as a hole at the foot of
the paragraph. ``refill`` breaks the last few lines of such a paragraph again, the
runt costed, and keeps the new breaks only when the paragraph keeps its length and
no line widens its spaces past RUNT_STRETCH: often one syllable comes down from
the line above ("quản lý.", "Nhật Bản."). Only the words' places change.

Addresses: reportlab splits a URL only after its slashes, and never splits again
the rest of one it has split, so a path segment longer than a line ran past the
margin. ``install`` gives reportlab a split function that breaks an address at its
punctuation (before / . - ? and the like, after "//"; Chicago's rule; a mailbox
before its "@" only), then anywhere inside it, with no hyphen added and no scrap
of fewer than six characters on either side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

from bantin.exporters.pdf import bound, patch, tracking
from bantin.typography import protect

# reportlab versions whose paragraph module calls _uri_split_pairs(word) -> list of
# (head, tail) | None when a word does not fit (read in 4.0 to 5.1).
CHECKED = ("4.", "5.")
BEFORE = re.compile(r"[/.\-_~?#%=&@]")
AFTER = re.compile(r"[=&]")
ADDRESS = re.compile(r"[/?&=@]|[.-]\w")  # what the rest of an address split once still has
ADDRESS_REST = 24  # characters: a word without a domain that long is the rest of an address
MIN_PART = 6  # characters on each side of a break inside an address

_reportlab_pairs: Callable[[str], list[tuple[str, str]] | None] | None = None


def breakable(word: str) -> bool:
    """Whether ``word`` is broken at its punctuation when it does not fit: an
    address, or a word as long as the rest of one (a symbol number such as
    "23/2025/TTLT-BTC-BLĐTBXH-BYT-BGDĐT")."""
    return bool(ADDRESS.search(word)) and " " not in word and "\u00a0" not in word \
        and (len(word) >= ADDRESS_REST or bool(protect.ADDRESS.search(word)))


def address_pairs(word: str) -> list[tuple[str, str]] | None:
    """Every way to split ``word`` over two lines, the preferred first: after a
    punctuation mark, the longest head first; then anywhere, longest head first.
    None for a word that is no address (reportlab's own answer then)."""
    # Only an address as typography finds one ("www.", a scheme, a domain, a
    # mailbox), or what is left of one split already (no prose word is that long):
    # "Q.Đống", "30.000" and "đồng/kg" are words, and split anywhere a narrow
    # column read "Q.Đốn / g Đa", a syllable cut in two.
    if not breakable(word):
        return _reportlab_pairs(word) if _reportlab_pairs else None
    # As the Chicago Manual has it: before a slash, a dot, a hyphen (so that it is
    # not read, or extracted, as a hyphenation), "_", "~", "?", "#", "%"; before or
    # after "=" and "&"; after the scheme's "//".
    scheme = word.find("://")
    cuts = {m.start() for m in BEFORE.finditer(word)} | {m.end() for m in AFTER.finditer(word)}
    if scheme >= 0:
        cuts.add(scheme + 3)
    elif "@" in word and "/" not in word:
        # A mailbox breaks before its "@" only: "nghiepvuy.syt@hanoi.gov" over
        # ".vn." reads as an address that ends in ".gov", and is copied so.
        cuts = {word.index("@")}
    # Neither part a scrap (".vn.", "/a"): a line that ends or starts with one
    # reads as a typo.
    cuts = {c for c in cuts if MIN_PART <= c <= len(word) - MIN_PART and (scheme < 0 or c >= scheme + 3)}
    anywhere = [c for c in range(len(word) - MIN_PART, MIN_PART - 1, -1) if c not in cuts]
    return [(word[:c], word[c:]) for c in (*sorted(cuts, reverse=True), *anywhere)]


def install() -> None:
    """Install ``address_pairs`` (idempotent), on a reportlab version it was checked against."""
    global _reportlab_pairs
    _reportlab_pairs = patch.replace(paragraph, "_uri_split_pairs", address_pairs, CHECKED) or _reportlab_pairs


# -- total fit for justified paragraphs of one font (reportlab's "kind 0")

MAX_GAP = 2.0  # times the word space: a line looser than that is set flush left (flowables.Marked)
# A paragraph's last line of one syllable ("lý.") catches the eye as a hole in the
# column: it is avoided when the paragraph can be broken as evenly in as many lines.
RUNT_SHARE = 0.06  # of the measure: a last line narrower than that is a runt too ("là 2.")
RUNT_LINES = 2  # a paragraph that short may lose its runt too: its first line takes the stretch
RUNT_COST = 50.0  # far above any even line's cost (its stretch squared, at most 1)
RUNT_WINDOW = 4  # the last lines broken again to fill a runt
RUNT_STRETCH = 0.7  # of a word space: how far a runt may widen the spaces of a line (unless one is wider already)
SLASH = re.compile(r"(?<=[^\W\d_]/)(?=[^\W_])|(?<=\d/)(?=[^\W\d_])")
# A paper's symbol number ("85/TTr-SKHCN", "12/2025/NĐ-CP") is one word: no break after its "/".
SYMBOL = re.compile(r"\d/[A-ZĐ]")

try:  # reportlab's marks for the halves of a word split over two lines: a page split rejoins them
    from reportlab.platypus.paragraph import _SplitWordEnd, _SplitWordH
except ImportError:  # pragma: no cover - another reportlab: the halves stay plain words
    _SplitWordEnd = _SplitWordH = str


def _pieces(words: list[str]) -> Iterator[tuple[str, bool]]:
    """Each word, cut after each "/" between letters: (piece, is the word's last piece)."""
    for w in words:
        if type(w) is not str or "/" not in w or SYMBOL.search(w):
            yield w, True
            continue
        parts = SLASH.split(w)
        for i, part in enumerate(parts):
            yield part, i == len(parts) - 1


def too_wide(extra: float, gaps: int, space: float) -> bool:
    """Would ``gaps`` word spaces that share ``extra`` room pass MAX_GAP times
    ``space``? The gaps are those reportlab stretches (``bound.gaps``)."""
    return gaps > 0 and extra / gaps > (MAX_GAP - 1) * space


def looseness(extra: float, words: list[str], space: float) -> float:
    """How far a justified line's gaps are widened, in word spaces: its ``extra``
    room shared as reportlab shares it, among its word spaces and the no-break
    spaces inside its words (``bound.gaps``). 0 for a line with no gap."""
    gaps = bound.gaps(words)
    return extra / (gaps * space) if gaps > 0 else 0.0


def loose(lines: list[tuple[float, list[str]]], space: float) -> bool:
    return any(too_wide(extra, bound.gaps(ws), space) for extra, ws in lines[:-1])


def runt(extra: float, words: list[str], room: float) -> bool:
    """Is the line (``extra`` room left of ``room``) a runt as a paragraph's last
    line: one syllable alone ("lý.", "Bản."; a group bound by no-break spaces counts
    its syllables), or next to nothing ("là 2.")?"""
    return (len(words) == 1 and len(words[0].split()) < 2) or room - extra < RUNT_SHARE * room


def refill(bl: Any, shrink: float, ends: bool = True) -> list[tuple[float, list[str]]] | None:
    """The lines of ``bl`` (reportlab's kind-0 broken paragraph) broken again, or
    None when that is no better or cannot be done (a word split already, or wider
    than its line). Tried when a line is too loose (the whole paragraph), and when
    the last line is a runt (its last lines; ``ends``: the paragraph ends there, it
    is not the first part of one split over two pages). Most paragraphs are neither
    and cost one pass over their lines."""
    lines = bl.lines
    font, size = bl.fontName, bl.fontSize
    space = stringWidth(" ", font, size)
    if len(lines) < 2:
        return None
    is_loose = loose(lines, space)
    if not is_loose:  # measured on the last line alone: this runs for every paragraph
        extra, last = lines[-1]
        if not ends or len(lines) < RUNT_LINES:
            return None
        if not runt(extra, last, extra + stringWidth(" ".join(last), font, size)):
            return None
    rooms = [float(extra + stringWidth(" ".join(ws), font, size)) for extra, ws in lines]  # the first may be indented
    out = None
    words = [w for _, ws in lines for w in ws]
    if is_loose and all(type(w) is str for w in words):
        found = _fit(words, rooms, font, size, shrink, runt_cost=0.0, line_cost=1.0, loose_cost=0.0)
        # One more line is a fair price for a paragraph without a row of gaps, but
        # not in the first part of a paragraph split over two pages: reportlab
        # measured that part's lines to fit what was left of the page.
        grow = 1 if ends else 0
        if found and _badness(found, space, size) < _badness(lines, space, size) and len(found) <= len(lines) + grow:
            out = found
    now: list[tuple[float, list[str]]] = out or lines
    if ends and len(now) >= RUNT_LINES and runt(*now[-1], rooms[min(len(now), len(rooms)) - 1]):
        out = _unrunt(now, rooms, font, size, shrink) or out
    return out


def _unrunt(lines: list[tuple[float, list[str]]], rooms: list[float], font: str, size: float,
            shrink: float) -> list[tuple[float, list[str]]] | None:
    """``lines`` with their runt last line filled by breaking the last RUNT_WINDOW
    lines again, or None when that would take one more line, leave a runt still, or
    widen a line's spaces past RUNT_STRETCH (or past the loosest line of the lines
    broken again, when one is looser). RUNT_WINDOW lines have spaces enough to
    share a syllable's width; the lines above, and the time, are spared."""
    head = lines[:-RUNT_WINDOW] if len(lines) > RUNT_WINDOW else []
    tail = lines[len(head):]
    words = [w for _, ws in tail for w in ws]
    if any(type(w) is not str for w in words):
        return None
    rooms = rooms[len(head):]
    space = stringWidth(" ", font, size)
    # The runt costs more than any even line, and a line looser than the loosest
    # of now (or RUNT_STRETCH), or one more line, costs more than the runt.
    stretch = max(RUNT_STRETCH, _stretch(tail, space))
    found = _fit(words, rooms, font, size, shrink, runt_cost=RUNT_COST, line_cost=1e4, loose_cost=1e3,
                 stretch=stretch)
    if (not found or len(found) > len(tail) or runt(*found[-1], rooms[min(len(found), len(rooms)) - 1])
            or _stretch(found, space) > stretch or _badness(found, space, size) > _badness(tail, space, size)):
        return None
    return head + found


def _stretch(lines: list[tuple[float, list[str]]], space: float) -> float:
    """How far the loosest line but the last widens its spaces, in word spaces."""
    return max((looseness(extra, ws, space) for extra, ws in lines[:-1]), default=0.0)


def _fit(words: list[str], widths_of_lines: list[float], font: str, size: float, shrink: float, runt_cost: float,
         line_cost: float, loose_cost: float, stretch: float = MAX_GAP - 1) -> list[tuple[float, list[str]]] | None:
    """``words`` broken into lines of ``widths_of_lines`` (the last repeated) at the
    least total cost: each line's stretch squared (its spaces widened by so many
    word spaces), ``loose_cost`` for a line past ``stretch`` (that letter spacing
    can fill, when past MAX_GAP), 1000 for one it cannot, ``runt_cost`` for a runt
    last line, ``line_cost`` a line. None when no breaking fits."""
    space = stringWidth(" ", font, size)
    pieces = list(_pieces(words))
    width = [stringWidth(p, font, size) for p, _ in pieces]
    letters = [len(p) for p, _ in pieces]
    binds = [p.count(bound.NBSP) for p, _ in pieces]  # reportlab stretches these too
    n = len(pieces)

    # best[i]: (cost, lines, start) of setting pieces[:i]; a line may end only after
    # a word's last piece or after a "/". The loops are written for speed: they run
    # over every piece of the few paragraphs that need them.
    inf = float("inf")
    rooms = widths_of_lines + [widths_of_lines[-1]] * (n + 1)
    ends = [end for _, end in pieces]
    loose_ratio = MAX_GAP - 1
    widest = max(widths_of_lines)
    cost_of = [inf] * (n + 1)
    count_of = [0] * (n + 1)
    start_of = [-1] * (n + 1)
    cost_of[0] = 0.0
    for j in range(1, n + 1):
        natural, gaps, chars, tied = width[j - 1], 0, letters[j - 1], binds[j - 1]
        last = j == n
        i = j - 1
        while i >= 0:
            if i != j - 1:
                natural += width[i]
                chars += letters[i]
                tied += binds[i]
                if ends[i]:
                    natural += space
                    gaps += 1
                    chars += 1
            if natural - shrink * gaps * space > widest:
                break
            before = cost_of[i]
            if before != inf:
                room = rooms[count_of[i]]
                if natural - shrink * gaps * space > room:
                    break
                if last:
                    cost = 0.0
                    if runt_cost and ((gaps == 0 and not any(len(p.split()) > 1 for p, _ in pieces[i:]))
                                      or natural < RUNT_SHARE * room):
                        cost = runt_cost
                elif gaps + tied == 0:
                    cost = 50.0 + ((room - natural) / space) ** 2
                else:  # the spaces drawn wider: the breaking ones (which alone shrink) and the bound ones
                    ratio = (room - natural) / ((gaps + tied) * space)
                    cost = ratio * ratio
                    if ratio > stretch:  # most short candidates are: ``spare`` only when it can tell
                        unfilled = loose_cost < 1000.0 and ratio > loose_ratio and (
                            room - natural > (gaps + tied) * loose_ratio * space
                            + tracking.spare(chars, gaps + tied, size))
                        cost += 1000.0 if unfilled else loose_cost
                total = before + cost + line_cost
                if total < cost_of[j]:
                    cost_of[j], count_of[j], start_of[j] = total, count_of[i] + 1, i
            i -= 1
    if cost_of[n] == inf:
        return None
    cuts = []
    j = n
    while j > 0:
        cuts.append((start_of[j], j))
        j = start_of[j]
    out: list[tuple[float, list[str]]] = []
    for k, (i, j) in enumerate(reversed(cuts)):
        line: list[str] = []
        joined = ""
        go_on = i > 0 and not pieces[i - 1][1]  # the line starts with the rest of a word cut after "/"
        for p, end in pieces[i:j]:
            joined += p
            if end:
                line.append(_SplitWordEnd(joined) if go_on and not line else joined)
                joined = ""
        if joined:  # the line ends after a "/": the word goes on on the next line
            line.append(_SplitWordH(joined) if not (go_on and not line) else _SplitWordEnd(joined))
        natural = stringWidth(" ".join(line), font, size)
        out.append((rooms[k] - natural, line))
    return out


def _badness(lines: list[tuple[float, list[str]]], space: float, size: float) -> tuple[int, float]:
    """(lines not even letter spacing can fill, the room left to letter spacing):
    the smaller, the better set."""
    unfilled, excess = 0, 0.0
    for extra, ws in lines[:-1]:
        gaps = bound.gaps(ws)
        if gaps == 0:
            # A word alone is set flush left, as ragged as a loose line set so:
            # past what one gap may take, it is a line not filled either.
            over = extra - (MAX_GAP - 1) * space
            excess += max(0.0, over)
            unfilled += over > 0
            continue
        over = extra - gaps * (MAX_GAP - 1) * space
        if over > 0:
            excess += over
            unfilled += over > tracking.spare(len(" ".join(ws)), gaps, size)
    return unfilled, excess
