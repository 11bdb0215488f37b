"""Zip entries whose bytes depend on their content only (DOCX and EPUB are zips)."""

from __future__ import annotations

import zipfile


def zip_entry(name: str, stored: bool = False) -> zipfile.ZipInfo:
    """A zip entry with a fixed time and mode: zip files then depend on content only."""
    info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
