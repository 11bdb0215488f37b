"""Vietnamese words for line breaking: the syllables of each word of two or more
syllables joined with U+00A0, so that a line never breaks inside a word
("Chủ tịch", "hoàn thành", "nông dân", "Đông Nam Á").

Vietnamese writes every syllable apart; which syllables make a word is not written.
``join`` finds the words by longest match against a list of multi-syllable words
(``data/words.txt.gz``, built from pyvi's word list, MIT licence: see
``data/NOTICE``; and ``data/words-extra.txt``, the words it lacks), and takes a
run of capitalised syllables inside a sentence as a name ("Kim Jong Un", "Mỹ
Thủy"). It is for display text only, where a writer balances lines (titles,
headings, the cover, digest entries): the list loads on the first call, and a
writer that never calls it never pays for it.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

from bantin.typography.tone_marks import converter

NBSP = "\u00a0"
_one_style = converter("new")  # the style words are looked up in
_OLD_STYLE_LINE = re.compile(r"^.*[òóỏõọùúủũụ][aeyàáảãạèéẻẽẹỳýỷỹỵ].*$", re.MULTILINE)
LONGEST = 4  # syllables in the longest word looked up
LONGEST_NAME = 5  # syllables in the longest name ("Madam Nhu Trần Lệ Xuân")
MAX_GROUP = 24  # characters: a longer group would leave a line nowhere to break

# Punctuation around a syllable: what opens a word stays with it, what closes it too.
_EDGE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$")


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """The multi-syllable words, lower case, syllables separated by one space, in
    one tone-mark style: pyvi writes "hoà bình", "thuỷ điện", and a title may
    write "hòa bình", "thủy điện" (both are in use; see ``tone_marks``)."""
    data = resources.files("bantin.typography").joinpath("data")
    listed = gzip.decompress(data.joinpath("words.txt.gz").read_bytes()).decode("utf-8")
    extra = "\n".join(line for line in data.joinpath("words-extra.txt").read_text("utf-8").splitlines()
                      if line and not line.startswith("#"))
    # Only a line with a tone on the "o" of "oa", "oe" or the "u" of "uy" can change
    # style: converting those alone keeps the load at a third of the time.
    text = _OLD_STYLE_LINE.sub(lambda m: _one_style(m.group(0)), f"{listed}\n{extra}")
    return frozenset(text.splitlines())


def _capital(core: str) -> bool:
    return bool(core) and core[0].isupper() and not core.isupper() or (len(core) == 1 and core.isupper())


def join(text: str) -> str:
    """``text`` with the syllables of each multi-syllable word joined by U+00A0."""
    tokens = text.split(" ")
    if len(tokens) < 2:
        return text
    words = vocabulary()
    parts = [_EDGE.match(t).groups() for t in tokens]  # type: ignore[union-attr]
    cores = [_one_style(p[1].lower()) for p in parts]
    # A syllable may join the next when nothing closes after it or opens before the
    # next; a group already bound (a number and its unit) is left as it is. A dash
    # bound to the syllable before it ("Xuân\u00a0–") closes that syllable, as a
    # comma would: the name before it is still one word.
    open_after = [not parts[i][2] and not parts[i + 1][0] and bool(cores[i]) and bool(cores[i + 1])
                  and NBSP not in parts[i][1] + parts[i + 1][1] for i in range(len(tokens) - 1)] + [False]
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) > 3 and sum(c.isupper() for c in letters) > 0.6 * len(letters)

    def dictionary(i: int) -> list[int]:
        """The lengths (in syllables, two or more) of the words that start at ``i``."""
        return [n for n in range(2, min(LONGEST, len(tokens) - i) + 1)
                if all(open_after[i:i + n - 1]) and " ".join(cores[i:i + n]) in words]

    def name(i: int) -> int:
        """A run of capitalised syllables, up to five, stopping before a syllable
        that starts a dictionary word (a sentence's first word is capitalised too:
        "Ông Trump" is a name, "Tàu Hải quân" is not)."""
        if shouting or not _capital(parts[i][1]):
            return 1
        n = 1
        while (n < LONGEST_NAME and i + n < len(tokens) and open_after[i + n - 1] and _capital(parts[i + n][1])
               and not dictionary(i + n)):
            n += 1
        return n

    # The fewest words that cover the text; between as few, the one whose later
    # words are the longer ("nữ | công nhân", "mở | đường bay"), as backward
    # longest match has it.
    count = len(tokens)
    best: list[tuple[int, int]] = [(0, 0)] * (count + 1)
    for i in range(count - 1, -1, -1):
        options = {1, name(i), *dictionary(i)}
        best[i] = min((best[i + n][0] + 1, n) for n in options)
    out: list[str] = []
    i = 0
    while i < count:
        n = best[i][1]
        group = tokens[i:i + n]
        # Measured by its syllables: a quote or a bound dash at its edge does not
        # make a name too long to keep whole.
        out.append(NBSP.join(group) if sum(len(p[1]) for p in parts[i:i + n]) + n <= MAX_GROUP
                   else " ".join(group))
        i += n
    return " ".join(out)
