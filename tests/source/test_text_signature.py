"""The signature block that closes an administrative text copied out of Word:
"Nơi nhận:" and its items, the signer's office and name, in either order. It was
read as a paragraph, a list, a heading ("KT. GIÁM ĐỐC") and a byline (the name)."""

from __future__ import annotations

import pytest
from helpers import bantin, read_back

from bantin.model import Signature
from bantin.source import newsroom
from bantin.source.rules import signature

HEAD = ["V/v tăng cường phòng, chống dịch", "Kính gửi: Ủy ban nhân dân các phường.",
        "Trung tâm Y tế đề nghị các phường tổ chức chiến dịch diệt bọ gậy."]
RECIPIENTS = ["Nơi nhận:", "- Như trên;", "- Lưu: VT, KSBT."]
SIGNER = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hoa"]
WANT = Signature(name="Nguyễn Thị Hoa", title=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
                 recipients=("Như trên", "Lưu: VT, KSBT"))


@pytest.mark.parametrize("tail", [RECIPIENTS + SIGNER, SIGNER + RECIPIENTS], ids=["recipients-first", "signer-first"])
def test_both_orders(tail):
    a = newsroom.read("\n".join(HEAD + tail))
    assert a.signature == WANT
    assert a.byline is None
    assert [b.text[0].text for b in a.blocks] == [HEAD[2]]  # type: ignore[union-attr]


@pytest.mark.parametrize("tail", [
    RECIPIENTS + ["KT. GIÁM ĐỐC", "(Đã ký)", "Nguyễn Thị Hoa"],  # a line with no place in the block
    RECIPIENTS + SIGNER + ["Trân trọng cảm ơn các đơn vị đã phối hợp thực hiện."],  # text after it
    ["Nơi nhận:", "Như trên;"] + SIGNER,  # items without their dashes
    RECIPIENTS,  # no signer
])
def test_left_as_text_unless_every_line_has_its_place(tail):
    lines = HEAD[2:] + tail
    assert signature.split(lines) == (lines, None)


def test_every_format_prints_it_as_the_signature_block(tmp_path):
    src = tmp_path / "cong-van.txt"
    src.write_text("\n".join(HEAD + RECIPIENTS + SIGNER) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    for fmt in ("txt", "epub", "docx", "pdf"):
        text = read_back(out / f"cong-van.{fmt}")
        # Every word, once; the recipients' and the signer's columns each in order.
        for part in (*RECIPIENTS, *SIGNER, HEAD[2]):
            assert text.count(part) == 1, (fmt, part, text)
        for run in (RECIPIENTS, SIGNER):
            assert [text.index(p) for p in run] == sorted(text.index(p) for p in run), fmt
        assert text.index(HEAD[2]) < text.index("Nơi nhận:"), fmt
