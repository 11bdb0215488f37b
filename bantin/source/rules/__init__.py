"""Structure rules for newsroom plain text, one small module each.

Front-matter rules (header block, outlet tag, dateline, sapo, byline) work on the
lines of the whole article; block rules each try to claim lines at a position and
are tried in ``newsroom.BLOCK_RULES`` order, with the paragraph as the fallback. A
body a crawl collapsed onto one line is cut into sentences (``sentences``), its
furniture dropped (``furniture``), and its sentences marked by the rules in
``newsroom.ONE_LINE_RULES`` order (captions, galleries, phrases) before
``paragraphs`` groups them again.
"""
