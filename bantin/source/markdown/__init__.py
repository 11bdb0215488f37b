"""Markdown (CommonMark, GFM tables, footnotes, raw HTML) with YAML front matter.

``parse`` makes markdown-it-py's syntax tree (nothing past its nesting limit
lost; ``formula`` finds pandoc's "$" formulas), ``front`` reads the front matter
and a Jekyll post's file name safely, ``title_block`` pandoc's "%" lines,
``inline`` a paragraph's words, ``blocks`` the tree's blocks as the source nests
them, raw HTML through ``bantin.source.fragment``; ``article`` puts them
together. Images are read relative to the file, under the sandbox's rules.
"""

from __future__ import annotations

from bantin.source.markdown.article import read
from bantin.source.reader import Reader

reader = Reader("md", (".md", ".markdown"), read,
                "Markdown (CommonMark, GFM tables, footnotes, raw HTML) with YAML front matter")

__all__ = ["read", "reader"]
