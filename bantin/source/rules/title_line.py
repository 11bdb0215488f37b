"""The first line of newsroom text, which the convention makes the title, when it
was not meant as one: several sentences, or longer than any headline (helper-115:
a file without a title line was titled by its whole first paragraph, silently).
The reader still takes it, and says so."""

from __future__ import annotations

from bantin.source.rules import sentences

TITLE_WORDS = 35  # the longest headline of 1,357 real articles has 21 words
# Two sentences and a full stop are a paragraph past this; a headline of two
# ("Chủ tịch nước: Phải xử lý nghiêm. Không có vùng cấm.") has 22 words at most.
_SENTENCES_WORDS = 25


def doubt(title: str) -> str | None:
    """What the reader says of a first line that reads as a paragraph, or None."""
    n = len(title.split())
    if n > TITLE_WORDS or (n > _SENTENCES_WORDS and len(sentences.split(title)) > 1 and title.rstrip()[-1:] == "."):
        return (f"the first line, taken as the title, reads as a paragraph ({n} words): give the text a title "
                "line, or -M title=…")
    return None
