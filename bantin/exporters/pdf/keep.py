"""Keep-with-next as a reader expects it: a title or a heading stays with the first
lines of the paragraph after it (or the first rows of a table), not with the
whole paragraph.

reportlab groups a keep-with-next flowable and the one after it in a KeepTogether,
which starts a new page whenever the group is taller than the room left. A title
followed by a long lede then leaves the first page empty but for its masthead,
and a heading followed by a long paragraph leaves half a page blank. Here the
group moves to the next page only when the room left cannot hold the kept
flowables and the start of the paragraph after them (as much as it can leave
at a page's foot); the paragraph then splits as any other.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import KeepTogether, Paragraph, Table
from reportlab.platypus.flowables import _listWrapOn


class KeepStart(KeepTogether):
    def split(self, aW: float, aH: float) -> list[Any]:  # noqa: N803 - reportlab's names
        *kept, last = self._content
        # A table splits between rows as a paragraph between lines, its header rows
        # repeated: a heading or a caption over a long table stays with its first
        # rows, not with the whole table on the next page (helper-94, helper-98).
        if kept and isinstance(last, Paragraph | Table):
            _, h = _listWrapOn(kept, aW, self.canv)
            # The frame parts two flowables by the larger of the space after the
            # first and the space before the second.
            room = aH - h - max(kept[-1].getSpaceAfter(), last.getSpaceBefore())
            # The paragraph itself says whether it fits or splits in the room left:
            # a split leaves neither an orphan nor a widow line (allowOrphans=0,
            # allowWidows=0), so a paragraph of three lines moves whole; a table
            # splits only when its header rows and a row of its body fit.
            if room > 0 and (last.wrap(aW, room)[1] <= room or last.split(aW, room)):
                return list(self._content)
        return list(super().split(aW, aH))
