"""Add the VISCII column to bantin/source/legacy.json (run once; kept for provenance).

VISCII is RFC 1456 (the Vietnamese Standardization Group's 8-bit code, 1993): a
single-byte code with all 134 Vietnamese letters, 128 of them in 0x80-0xFF and six
in the C0 controls 0x02 0x05 0x06 0x14 0x19 0x1E. The machine-readable copy read here
is the GNU C library's charmap of RFC 1456 (Debian package "locales",
/usr/share/i18n/charmaps/VISCII.gz); iconv's VISCII converter is checked to agree.
Each spelling is stored as its byte read as Latin-1, like the TCVN3 and VNI columns.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

CHARMAP = Path("/usr/share/i18n/charmaps/VISCII.gz")
TABLE = Path(__file__).resolve().parents[1] / "bantin" / "source" / "legacy.json"


def main() -> int:
    byte_of: dict[str, int] = {}
    for line in gzip.open(CHARMAP, "rt", encoding="ascii"):
        m = re.match(r"<U([0-9A-F]{4})>\s+/x([0-9a-f]{2})", line)
        if m:
            byte_of[chr(int(m.group(1), 16))] = int(m.group(2), 16)
    data = json.loads(TABLE.read_text("utf-8"))
    for row in data["letters"]:
        byte = byte_of.pop(row["unicode"])
        iconv = subprocess.run(["iconv", "-f", "UTF-8", "-t", "VISCII"], input=row["unicode"].encode(),
                               capture_output=True, check=True).stdout
        assert iconv == bytes([byte]), (row["unicode"], iconv, byte)
        row["viscii"] = chr(byte)
    # What is left is ASCII and the C0 controls VISCII kept: no letter is missing.
    assert all(ord(c) < 0x80 for c in byte_of), f"letters in VISCII but not in the table: {sorted(byte_of)}"
    note = (" VISCII: RFC 1456, from the GNU C library's charmap /usr/share/i18n/charmaps/VISCII.gz,"
            " checked against iconv; made by scripts/viscii-table.py.")
    if note not in data["source"]:  # running it again changes nothing
        data["source"] += note
    TABLE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
