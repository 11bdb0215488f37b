"""How an administrative document ends (Nghị định 30/2020): the signer's office
and name, and the recipients ("Nơi nhận"), given with ``-M signer``,
``signer_title`` and ``recipients``; in every format after the last words of the
text, in the canonical JSON, and through a digest."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from helpers import bantin, epubcheck, pdftotext, read_back, soffice_pdf

import bantin as api
from bantin.model import Signature
from bantin.model.serialize import dumps, loads, validate

SOURCE = ("Báo cáo kết quả công tác tháng tám\nSở báo cáo kết quả công tác như sau.\n"
          "Thứ nhất, hoàn thành kế hoạch gieo cấy lúa hè thu trên toàn tỉnh.\n")
SIGNED = ("-M", "signer=Nguyễn Văn An", "-M", "signer_title=KT. Giám đốc; Phó Giám đốc",
          # As a clerk copies it from a template: dashes, closing marks and a line break.
          "-M", "recipients=- UBND tỉnh (để b/c);\n- Các phòng chuyên môn;- Lưu: VT, VP.")
LINES = ["Nơi nhận:", "- UBND tỉnh (để b/c);", "- Các phòng chuyên môn;", "- Lưu: VT, VP.",
         "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _export(tmp_path: Path, *args: str, fmt: str = "all") -> Path:
    src = tmp_path / "bao-cao.txt"
    src.write_text(SOURCE, encoding="utf-8")
    r = bantin("export", "-f", fmt, *args, "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    return tmp_path / "out"


@pytest.mark.parametrize("style", ["nd30", "default"])
def test_every_format_ends_with_the_signature(tmp_path, style):
    out = _export(tmp_path, "--style", style, "-M", "issuer=Sở Nông nghiệp", *SIGNED)
    for fmt in ("txt", "epub", "docx", "pdf"):
        flat = read_back(out / f"bao-cao.{fmt}")
        for line in LINES:
            assert line in flat, (fmt, line)
        # After the text's last words, and each line once (no dash doubled).
        assert flat.index("lúa hè thu trên toàn tỉnh") < flat.index("Nơi nhận:"), fmt
        assert flat.count("Nguyễn Văn An") == 1 and "- -" not in flat, fmt
    assert "No errors or warnings detected" in epubcheck(out / "bao-cao.epub")


def test_text_sets_recipients_left_and_signer_right(tmp_path):
    lines = (_export(tmp_path, "--style", "nd30", *SIGNED, fmt="txt") / "bao-cao.txt").read_text(
        encoding="utf-8").splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận:"))
    assert "KT. GIÁM ĐỐC" in lines[head] and lines[head].index("KT.") > 30
    assert "PHÓ GIÁM ĐỐC" in lines[head + 1]
    name = next(i for i, line in enumerate(lines) if "Nguyễn Văn An" in line)
    assert name - (head + 1) > 2  # room to sign
    assert all(len(line) <= 72 for line in lines[head:])


def test_a_message_stacks_the_block(tmp_path):
    lines = (_export(tmp_path, "--style", "message", *SIGNED, fmt="txt") / "bao-cao.txt").read_text(
        encoding="utf-8").splitlines()
    at = lines.index("KT. GIÁM ĐỐC")
    assert lines[at + 1] == "PHÓ GIÁM ĐỐC" and "Nguyễn Văn An" in lines[at + 2:at + 6]
    assert lines.index("Nơi nhận:") > at and "- Lưu: VT, VP." in lines


def test_canonical_json_keeps_it_and_reads_it_back(tmp_path):
    out = _export(tmp_path, *SIGNED, fmt="json")
    data = json.loads((out / "bao-cao.json").read_text(encoding="utf-8"))
    validate(data)
    assert data["signature"] == {"name": "Nguyễn Văn An", "title": ["KT. Giám đốc", "Phó Giám đốc"],
                                 "recipients": ["UBND tỉnh (để b/c)", "Các phòng chuyên môn", "Lưu: VT, VP"]}
    doc = loads((out / "bao-cao.json").read_text(encoding="utf-8"))
    assert doc.signature == Signature("Nguyễn Văn An", ("KT. Giám đốc", "Phó Giám đốc"),
                                      ("UBND tỉnh (để b/c)", "Các phòng chuyên môn", "Lưu: VT, VP"))
    # A document without one writes no key: its JSON reads in any version-3 reader.
    plain = api.read(Path(tmp_path / "bao-cao.txt"))
    assert "signature" not in json.loads(dumps(plain))


def test_an_empty_value_removes_it(tmp_path):
    out = _export(tmp_path, *SIGNED, "-M", "signer=", "-M", "signer_title=", "-M", "recipients=", fmt="json")
    assert "signature" not in json.loads((out / "bao-cao.json").read_text(encoding="utf-8"))


def test_a_bad_signature_in_json_is_refused(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text(json.dumps({"schema": "bantin/article@3", "title": "T", "signature": {"title": "GIÁM ĐỐC"}}),
                 encoding="utf-8")
    r = bantin("export", "-f", "txt", "-o", str(tmp_path / "out"), str(f))
    assert r.returncode == 1 and b"signature" in r.stderr and b"Traceback" not in r.stderr


def test_digest_bundle_ends_signed(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(SOURCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tin thứ hai về mùa vụ\nNông dân thu hoạch lúa hè thu sớm.\n"
                                    "Giá lúa tăng nhẹ so với tháng trước.\n", encoding="utf-8")
    r = bantin("export", "-f", "txt,pdf", "--style", "nd30", "--digest", "--bundle", "Điểm báo ngày 5/8",
               "-M", "issuer=Văn phòng UBND tỉnh", *SIGNED, "-o", str(tmp_path / "out"), str(src),
               str(tmp_path / "b.txt"))
    assert r.returncode == 0, r.stderr.decode()
    for f in (tmp_path / "out").iterdir():
        flat = read_back(f)
        assert flat.index("Giá lúa tăng nhẹ" if "Giá lúa" in flat else "Tin thứ hai") < flat.index("Nơi nhận:")
        assert "Nguyễn Văn An" in flat and "PHÓ GIÁM ĐỐC" in flat


@pytest.mark.slow
def test_the_block_is_never_split_across_pages(tmp_path):
    """Texts long enough that the block falls at a page's foot: its row never
    splits, in the PDF or in the DOCX as LibreOffice lays it out, so the name is
    never alone at the top of a page; and the text's last paragraph goes over
    with it, so the block is never alone on a page either. On A4 in nd30, 56
    paragraphs leave the block room on page 2, 58 do not."""
    moved = 0
    for n in (56, 57, 58):
        src = tmp_path / f"dai-{n}.txt"
        body = "\n".join(f"Đoạn {i}: nội dung báo cáo chi tiết về công tác." for i in range(n))
        src.write_text("Báo cáo dài\n" + body, encoding="utf-8")
        out = tmp_path / f"out-{n}"
        r = bantin("export", "-f", "docx,pdf", "--style", "nd30", *SIGNED, "-o", str(out), str(src))
        assert r.returncode == 0, r.stderr.decode()
        for pdf in (out / f"dai-{n}.pdf", soffice_pdf(out / f"dai-{n}.docx", out)):
            pages = [_flat(p) for p in pdftotext(pdf).split("\f")]
            holding = [i for i, p in enumerate(pages) if "Nơi nhận:" in p or "Nguyễn Văn An" in p or "KT. GIÁM" in p]
            assert len(holding) == 1, (n, pdf)
            assert f"Đoạn {n - 1}:" in pages[holding[0]], (n, pdf)  # the last paragraph with it
            moved += f"Đoạn {n - 2}:" not in pages[holding[0]]  # the one before stayed behind
    assert moved, "no length put the block at a page's foot: the test proves nothing"


def test_recipients_taller_than_a_page_split_rather_than_fail(tmp_path):
    """A one-row block taller than a page stopped the PDF ("too large on page 3")."""
    many = "; ".join(f"Đơn vị số {i} của tỉnh" for i in range(90))
    out = _export(tmp_path, "-M", "signer=Nguyễn Văn An", "-M", "signer_title=Giám đốc", "-M", f"recipients={many}",
                  fmt="pdf,docx")
    text = read_back(out / "bao-cao.pdf")
    assert [int(n) for n in re.findall(r"Đơn vị số (\d+) của tỉnh", text)] == list(range(90))
    assert "Nguyễn Văn An" in text


def test_each_article_of_a_bundle_keeps_its_own(tmp_path):
    """A bundle of signed công văn (from JSON): each ends with its own signature,
    and the bundle's own comes last; a digest's entries carry none of theirs."""
    from bantin.model import Article, Briefing, Paragraph, plain

    def signed(n: int) -> Article:
        return Article(f"Công văn số {n}", blocks=(Paragraph(plain(f"Nội dung công văn thứ {n}.")),),
                       signature=Signature(f"Người ký {n}", (f"Chức vụ {n}",), ("Lưu: VT",)))

    doc = Briefing("Tập công văn", (signed(1), signed(2)), signature=Signature("Người ký chung", ("Chánh văn phòng",)))
    src = tmp_path / "tap.json"
    src.write_text(dumps(doc), encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    for f in out.iterdir():
        text = read_back(f)
        order = [text.index(x) for x in ("công văn thứ 1", "Người ký 1", "công văn thứ 2", "Người ký 2",
                                         "Người ký chung")]
        assert order == sorted(order) and text.count("Người ký 1") == 1, f.name
    r = bantin("export", "-f", "txt", "--digest", "-o", str(tmp_path / "d"), str(src))
    assert r.returncode == 0, r.stderr.decode()
    digest = (tmp_path / "d" / "tap.txt").read_text(encoding="utf-8")
    assert "Người ký 1" not in digest and "Người ký chung" in digest


def test_an_empty_signature_from_json_draws_no_block(tmp_path):
    f = tmp_path / "rong.json"
    f.write_text(json.dumps({"schema": "bantin/article@3", "title": "Tiêu đề",
                             "blocks": [{"type": "paragraph", "text": "Đoạn văn."}],
                             "signature": {"name": " ", "title": [" "], "recipients": [""]}}), encoding="utf-8")
    r = bantin("export", "-f", "docx,epub,txt", "-o", str(tmp_path / "out"), str(f))
    assert r.returncode == 0, r.stderr.decode()
    with zipfile.ZipFile(tmp_path / "out" / "rong.docx") as z:
        assert "<w:tbl>" not in z.read("word/document.xml").decode()
    with zipfile.ZipFile(tmp_path / "out" / "rong.epub") as z:
        assert "signature" not in z.read("EPUB/article-001.xhtml").decode()
    assert "Nơi nhận" not in (tmp_path / "out" / "rong.txt").read_text(encoding="utf-8")


def test_every_font_of_a_signed_nd30_pdf_is_embedded(tmp_path):
    """The signature table named reportlab's default, Helvetica, unembedded."""
    from helpers import pdffonts

    out = _export(tmp_path, "--style", "nd30", "-M", "issuer=Sở Nông nghiệp", *SIGNED, fmt="pdf")
    fonts = pdffonts(out / "bao-cao.pdf")
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
