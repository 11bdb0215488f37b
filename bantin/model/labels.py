"""The words bantin writes around an article's fields, and reads back from its own
files (a DOCX revised in Word, ``source.docx.own``): one place for both."""

from __future__ import annotations

SOURCE = "Nguồn"  # before the source address: "Nguồn: https://…"
TAGS = "Từ khóa"  # before the keywords: "Từ khóa: a, b"
SEPARATOR = " · "  # between the outlet, the dateline and the date of a masthead
