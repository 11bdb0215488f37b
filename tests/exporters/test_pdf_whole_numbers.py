"""A paper's symbol number and a mailbox cited in running text, at every place in
a justified line: the PDF never breaks after the number's "/" ("85/" over
"TTr-SKHCN") nor leaves a scrap of an address (".vn." under "…@hanoi.gov")
(helper-59). Read back with pdftotext."""

from __future__ import annotations

from pathlib import Path

from helpers import bantin, pdftotext, require

from bantin.exporters.pdf.breaks import _pieces, address_pairs


def test_the_cuts_offered(tmp_path: Path) -> None:
    assert [p for p, _ in _pieces(["85/TTr-SKHCN", "12/2025/NĐ-CP", "đồng/kg"])] == [
        "85/TTr-SKHCN", "12/2025/NĐ-CP", "đồng/", "kg"]
    pairs = address_pairs("nghiepvuy.syt@hanoi.gov.vn.")
    assert pairs is not None and pairs[0] == ("nghiepvuy.syt", "@hanoi.gov.vn.")
    assert all(len(h) >= 6 and len(t) >= 6 for h, t in pairs)


def test_no_line_breaks_inside_them(tmp_path: Path) -> None:
    require("pdftotext")
    filler = "Các đơn vị triển khai ngay kế hoạch phòng chống dịch bệnh trên địa bàn tỉnh"
    paras = []
    for k in range(1, 40):
        lead = " ".join(filler.split()[: k % 16 + 1]) + " x" * (k // 16)
        paras.append(f"{lead} theo Tờ trình số 85/TTr-SKHCN của Sở và gửi báo cáo qua địa chỉ thư điện tử "
                     f"nghiepvuy.syt@hanoi.gov.vn. trước ngày 15 hằng tháng.")
    src = tmp_path / "cong-van.txt"
    src.write_text("Kế hoạch phòng chống dịch\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    r = bantin("export", "-f", "pdf", "-o", str(tmp_path), str(src))
    assert r.returncode == 0, r.stderr.decode()
    lines = [ln.strip() for ln in pdftotext(tmp_path / "cong-van.pdf").splitlines() if ln.strip()]
    assert not [ln for ln in lines if ln.endswith(("85/", "hanoi.gov", "hanoi", "syt@hanoi"))], lines
    assert not [ln for ln in lines if ln.startswith((".vn", ".gov", "TTr-SKHCN"))], lines
    assert sum(ln.count("85/TTr-SKHCN") for ln in lines) == len(paras)
