"""Papers signed by two: a contract's parties, the minutes' secretary and chair,
two agencies. The signers stand side by side ("THƯ KÝ⇥CHỦ TỌA" / the names), the
right one first (Nghị định 30: the lead agency signs on the right) and the other
``beside`` it; "Nơi nhận" goes under them. Before, the columns were read as one
heading "THƯ KÝ CHỦ TỌA" and the names as one byline "Nguyễn Văn An Trần Thị Bình"."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from helpers import bantin, epubcheck, read_back, soffice_pdf, word_boxes, word_lines

import bantin as api
from bantin.model import Article, Paragraph, Signature, Signer, text_of
from bantin.model.serialize import dumps, loads, validate

MINUTES = ("BIÊN BẢN HỌP\nGiao ban công tác tháng 8 năm 2025\n\n"
           "Cuộc họp bắt đầu lúc 8 giờ 30, tại phòng họp số 2 của Sở.\n\n"
           "Các đại biểu thống nhất kế hoạch công tác tháng 9.\n\n"
           "Cuộc họp kết thúc lúc 11 giờ cùng ngày.\n\n")
SIGNERS = "THƯ KÝ\tCHỦ TỌA\n(Đã ký)\t(Đã ký)\nNguyễn Văn An\tTrần Thị Bình\n"
RECIPIENTS = "Nơi nhận:\n- Các phòng chuyên môn;\n- Lưu: VT.\n"
WANT = Signature("Trần Thị Bình", ("CHỦ TỌA",), (), "(Đã ký)", (Signer("Nguyễn Văn An", ("THƯ KÝ",), "(Đã ký)"),))


def _read(tmp_path: Path, text: str) -> Article:
    src = tmp_path / "bb.txt"
    src.write_text(text, encoding="utf-8")
    a = api.read(src)
    assert isinstance(a, Article)
    return a


def test_two_signers_copied_side_by_side(tmp_path):
    a = _read(tmp_path, MINUTES + SIGNERS)
    assert a.signature == WANT and a.byline is None
    assert [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)][-1].startswith("Cuộc họp kết thúc")


@pytest.mark.parametrize("order", ["above", "under"])
def test_the_recipients_above_or_under_them(tmp_path, order):
    text = MINUTES + (RECIPIENTS + SIGNERS if order == "above" else SIGNERS + RECIPIENTS)
    a = _read(tmp_path, text)
    assert a.signature is not None and a.signature.recipients == ("Các phòng chuyên môn", "Lưu: VT")
    assert a.signature.beside == WANT.beside and a.signature.name == "Trần Thị Bình"


def test_two_columns_that_are_not_signers_stay_text(tmp_path):
    """A closing table of prices copied as rows of two cells is not a signature."""
    a = _read(tmp_path, MINUTES + "Vàng SJC\t86,5 triệu đồng\nVàng nhẫn\t84,2 triệu đồng\n")
    assert a.signature is None
    assert "86,5" in json.dumps(json.loads(dumps(a)), ensure_ascii=False)


def test_json_keeps_them_and_only_when_there(tmp_path):
    a = _read(tmp_path, MINUTES + SIGNERS)
    data = json.loads(dumps(a))
    validate(data)
    assert data["signature"]["beside"] == [{"name": "Nguyễn Văn An", "title": ["THƯ KÝ"], "signed": "(Đã ký)"}]
    assert loads(dumps(a)) == a
    alone = json.loads(dumps(Article("T", signature=Signature("A", ("GIÁM ĐỐC",)))))
    assert "beside" not in alone["signature"]


@pytest.mark.parametrize("style", ["nd30", "default"])
def test_every_format_sets_them_side_by_side(tmp_path, style):
    src = tmp_path / "bb.txt"
    src.write_text(MINUTES + RECIPIENTS + SIGNERS, encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "--style", style, "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    for fmt in ("txt", "epub", "docx", "pdf"):
        flat = " ".join(read_back(out / f"bb.{fmt}").replace("\u00a0", " ").split())
        for word in ("THƯ KÝ", "CHỦ TỌA", "Nguyễn Văn An", "Trần Thị Bình", "Nơi nhận:", "Lưu: VT."):
            assert flat.count(word) == 1, (fmt, word)
        # The text's last words, then the block: the signers' offices, their names, the recipients.
        at = [flat.index(x) for x in ("kết thúc lúc 11 giờ", "THƯ KÝ", "Nguyễn Văn An", "Nơi nhận:")]
        assert at == sorted(at), (fmt, at)
    assert "No errors or warnings detected" in epubcheck(out / "bb.epub")
    lines = (out / "bb.txt").read_text(encoding="utf-8").splitlines()
    row = next(x for x in lines if "THƯ KÝ" in x)
    assert "CHỦ TỌA" in row and row.index("CHỦ TỌA") > 40  # side by side, the chair on the right
    # bantin's own Word file reads back the same signature.
    assert api.read(out / "bb.docx").signature == _read(tmp_path, MINUTES + RECIPIENTS + SIGNERS).signature  # type: ignore[union-attr]


def _word(path: Path, table: str) -> Path:
    d = docx.Document()
    d.add_paragraph("BIÊN BẢN HỌP", style="Title")  # a paper: signers side by side close it
    d.add_paragraph("Cuộc họp kết thúc lúc 11 giờ cùng ngày.")
    if table == "table":
        t = d.add_table(rows=1, cols=2)
        for cell, lines in zip(t.rows[0].cells, (["THƯ KÝ", "Nguyễn Văn An"], ["CHỦ TỌA", "Trần Thị Bình"]),
                               strict=True):
            cell.paragraphs[0].text = lines[0]
            cell.add_paragraph(lines[1])
    elif table == "rows":  # the offices in one row, the names in the next
        t = d.add_table(rows=2, cols=2)
        for (r, c), text in {(0, 0): "THƯ KÝ", (0, 1): "CHỦ TỌA", (1, 0): "Nguyễn Văn An",
                             (1, 1): "Trần Thị Bình"}.items():
            t.cell(r, c).text = text
    else:
        d.add_paragraph("THƯ KÝ\tCHỦ TỌA")
        d.add_paragraph("Nguyễn Văn An\tTrần Thị Bình")
    d.save(str(path))
    return path


@pytest.mark.parametrize("table", ["table", "rows", "tabs"])
def test_word_reads_them(tmp_path, table):
    a = api.read(_word(tmp_path / "bb.docx", table))
    assert isinstance(a, Article)
    assert a.signature == Signature("Trần Thị Bình", ("CHỦ TỌA",), beside=(Signer("Nguyễn Văn An", ("THƯ KÝ",)),))


CONTRACT = [("ĐẠI DIỆN BÊN A", "ĐẠI DIỆN BÊN B"), ("Giám đốc", ""), ("(Đã ký)", "(Đã ký)"),
            ("Trần Văn Minh", "Nguyễn Thị Hoa")]
PARTIES = Signature("Nguyễn Thị Hoa", ("ĐẠI DIỆN BÊN B",), (), "(Đã ký)",
                    (Signer("Trần Văn Minh", ("ĐẠI DIỆN BÊN A", "Giám đốc"), "(Đã ký)"),))


def _contract(path: Path, shape: str) -> Path:
    """A contract's parties, one with a post under its line and the other none."""
    d = docx.Document()
    d.add_paragraph("HỢP ĐỒNG THUÊ NHÀ", style="Title")
    d.add_paragraph("Hợp đồng được lập thành 02 bản, mỗi bên giữ 01 bản có giá trị như nhau.")
    if shape == "rows":
        t = d.add_table(rows=len(CONTRACT), cols=2)
        for r, pair in enumerate(CONTRACT):
            for c, text in enumerate(pair):
                t.cell(r, c).text = text
    elif shape == "cells":
        t = d.add_table(rows=1, cols=2)
        for c in range(2):
            t.cell(0, c).text = "\n".join(pair[c] for pair in CONTRACT if pair[c])
    else:
        for pair in CONTRACT:
            d.add_paragraph("\t".join(pair))
    d.save(str(path))
    return path


@pytest.mark.parametrize("shape", ["rows", "cells", "tabs"])
def test_a_party_with_a_post_the_other_has_not(tmp_path, shape):
    a = api.read(_contract(tmp_path / "hd.docx", shape))
    assert isinstance(a, Article) and a.signature == PARTIES


def test_the_names_stand_on_one_line(tmp_path):
    """However many lines each party's office takes, the names are level, as a
    contract sets them: in the PDF, the DOCX as LibreOffice lays it out, and the text."""
    out = tmp_path / "out"
    r = bantin("export", "-f", "pdf,docx,txt", "-o", str(out), str(_contract(tmp_path / "hd.docx", "rows")))
    assert r.returncode == 0, r.stderr.decode()
    for pdf in (out / "hd.pdf", soffice_pdf(out / "hd.docx", tmp_path / "lo")):
        tops = {w: top for _, _, top, _, w in word_boxes(pdf) if w in ("Minh", "Hoa", "GIÁM", "Giám")}
        assert abs(tops["Minh"] - tops["Hoa"]) < 1, (pdf, tops)
        assert tops["Minh"] > tops.get("GIÁM", tops.get("Giám", 0)) + 20, (pdf, tops)  # room to sign
    names = next(x for x in (out / "hd.txt").read_text(encoding="utf-8").splitlines() if "Minh" in x)
    assert "Nguyễn Thị Hoa" in names
    # bantin's own Word file reads back the same signature, the office in capitals as printed.
    printed = Signer("Trần Văn Minh", ("ĐẠI DIỆN BÊN A", "GIÁM ĐỐC"), "(Đã ký)")
    assert api.read(out / "hd.docx").signature == replace(PARTIES, beside=(printed,))  # type: ignore[union-attr]


THREE = [("KT. BỘ TRƯỞNG BỘ TÀI CHÍNH", "KT. BỘ TRƯỞNG BỘ CÔNG THƯƠNG", "KT. BỘ TRƯỞNG BỘ XÂY DỰNG"),
         ("THỨ TRƯỞNG", "THỨ TRƯỞNG", "THỨ TRƯỞNG"), ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")]
JOINT = ("THÔNG TƯ LIÊN TỊCH\nHướng dẫn phối hợp quản lý giá vật liệu xây dựng\n\n"
         "Thông tư liên tịch có hiệu lực từ ngày 01 tháng 01 năm 2026.\n\n")


def _three(name: str) -> tuple[str, ...]:
    return next(col for col in zip(*THREE, strict=True) if col[-1] == name)


@pytest.mark.parametrize("shape", ["text", "word", "word-tabs", "web"])
def test_three_agencies_side_by_side(tmp_path, shape):
    """A joint circular of three ministries: the right one signs first, the two
    others beside it, left to right; every format sets the three in one row."""
    if shape == "text":
        src = tmp_path / "ttlt.txt"
        src.write_text(JOINT + "".join("\t".join(row) + "\n" for row in THREE), encoding="utf-8")
    elif shape.startswith("word"):
        d = docx.Document()
        d.add_paragraph("THÔNG TƯ LIÊN TỊCH", style="Title")
        d.add_paragraph("Thông tư liên tịch có hiệu lực từ ngày 01 tháng 01 năm 2026.")
        if shape == "word-tabs":  # before, the right two were one signer: "Trần Thị Bình Lê Văn Cường"
            for row in THREE:
                d.add_paragraph("\t".join(row))
        else:
            t = d.add_table(rows=len(THREE), cols=3)
            for r, row in enumerate(THREE):
                for c, text in enumerate(row):
                    t.cell(r, c).text = text
        src = tmp_path / "ttlt.docx"
        d.save(str(src))
    else:
        rows = "".join("<tr>" + "".join(f"<td><b>{x}</b></td>" for x in row) + "</tr>" for row in THREE)
        src = tmp_path / "ttlt.html"
        src.write_text('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thông tư liên tịch</title>'
                       "</head><body><h1>Thông tư liên tịch</h1><p>Thông tư liên tịch này hướng dẫn việc phối hợp "
                       "giữa ba bộ trong quản lý giá vật liệu xây dựng trên cả nước.</p><p>Thông tư liên tịch có "
                       f"hiệu lực từ ngày 01 tháng 01 năm 2026.</p><table>{rows}</table></body></html>",
                       encoding="utf-8")
    a = api.read(src)
    assert isinstance(a, Article) and a.signature is not None
    s = a.signature
    assert (s.title, s.name) == (_three("Lê Văn Cường")[:2], "Lê Văn Cường")
    assert [(x.title, x.name) for x in s.beside] == [(_three(n)[:2], n) for n in ("Nguyễn Văn An", "Trần Thị Bình")]
    if shape == "text":
        out = tmp_path / "out"
        r = bantin("export", "-f", "pdf,txt,docx,epub", "--style", "nd30", "-o", str(out), str(src))
        assert r.returncode == 0, r.stderr.decode()
        tops = {w: (top, left) for _, left, top, _, w in word_boxes(out / "ttlt.pdf") if w in ("An", "Bình", "Cường")}
        assert len({round(t) for t, _ in tops.values()}) == 1  # one row of names
        assert tops["An"][1] < tops["Bình"][1] < tops["Cường"][1]
        # Each office's lines balanced in its column: "KT. BỘ TRƯỞNG" / "BỘ TÀI CHÍNH".
        line = next(ln for ln in word_lines(out / "ttlt.pdf") if any(w == "TÀI" for _, _, w in ln))
        left = [w for x0, _, w in line if x0 < tops["Bình"][1] - 40]
        assert left[:3] == ["BỘ", "TÀI", "CHÍNH"], line
        # "BỘ CÔNG THƯƠNG" whole too, as the DOCX and the text break it: the PDF left a
        # last line of 60% alone ("KT. BỘ TRƯỞNG BỘ" / "CÔNG THƯƠNG").
        row = [w for _, _, w in next(ln for ln in word_lines(out / "ttlt.pdf") if any(w == "CÔNG" for _, _, w in ln))]
        assert row[row.index("CÔNG") - 1] == "BỘ", row
        # The DOCX breaks it there too (Word would break inside "TÀI CHÍNH").
        office = next(p.text for t in docx.Document(str(out / "ttlt.docx")).tables for c in t._cells
                      for p in c.paragraphs if "TÀI" in p.text)
        assert office == "KT. BỘ TRƯỞNG\nBỘ TÀI CHÍNH"
        # The EPUB keeps each signer whole in its cell, so that a phone's screen stacks
        # them (three columns of 7 em would break "TRƯỞNG" and "Nguyễn Văn An").
        with zipfile.ZipFile(out / "ttlt.epub") as z:
            page = z.read("EPUB/article-001.xhtml").decode()
            css = z.read("EPUB/style.css").decode()
        cells = re.findall(r"<td>(.*?)</td>", page.split('class="signature joint"')[1].split("</table>")[0])
        assert [re.sub(r"<[^>]+>", " ", c).split()[-3:] for c in cells] == [
            ["Nguyễn", "Văn", "An"], ["Trần", "Thị", "Bình"], ["Lê", "Văn", "Cường"]]
        assert "@media (max-width: 30em) { table.signature.joint" in css
        names = next(x for x in (out / "ttlt.txt").read_text(encoding="utf-8").splitlines() if "An" in x.split())
        assert names.index("Nguyễn Văn An") < names.index("Trần Thị Bình") < names.index("Lê Văn Cường")
        assert any(x.split()[:3] == ["BỘ", "TÀI", "CHÍNH"] for x in (out / "ttlt.txt").read_text(encoding="utf-8")
                   .splitlines())


@pytest.mark.parametrize("parties", [("BÊN BÁN", "BÊN MUA"), ("BÊN GIAO", "BÊN NHẬN"), ("CHỦ ĐẦU TƯ", "NHÀ THẦU")])
def test_parties_named_by_their_part(tmp_path, parties):
    """The parties of a sale, a hand-over or an acceptance sign by the part they
    play, as the minutes' secretary and chair do (helper-56)."""
    a = _read(tmp_path, MINUTES + f"{parties[0]}\t{parties[1]}\nNguyễn Văn An\tTrần Thị Bình\n")
    assert a.signature is not None and a.signature.title == (parties[1],)
    assert [x.title for x in a.signature.beside] == [(parties[0],)]
