"""reportlab's ToUnicode CMap, with code points above U+FFFF written as the UTF-16
surrogate pairs the PDF format asks for.

reportlab writes them as five hex digits ("<21A38>"), so text extraction turned 𡨸
into ↣ and 🎉 into Ἰ. The fix replaces one function of ``reportlab.pdfbase.ttfonts``
and changes only astral entries. It is installed only on the reportlab versions it
was checked against: a later reportlab may fix it or change the function, and then
keeps its own.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

from bantin.exporters.pdf import patch

# reportlab major versions whose makeToUnicodeCMap(fontname, subset) writes astral
# code points as five hex digits (read in their source, 4.0 to 5.1).
CHECKED = ("4.", "5.")


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{v:04X}>" if v < 0x10000 else f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


def install() -> None:
    """Install the fix (idempotent), on a reportlab version it was checked against."""
    patch.replace(ttfonts, "makeToUnicodeCMap", to_unicode_cmap, CHECKED)
