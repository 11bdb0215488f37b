"""Structure rules for newsroom plain text, one small module each.

Front-matter rules (header block, outlet tag, dateline, byline) work on the lines
of the whole article; block rules each try to claim lines at a position and are
tried in ``BLOCK_RULES`` order, with the paragraph as the fallback.
"""
