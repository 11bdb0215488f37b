"""A paper under the national title alone, with no issuer and no number: a
citizen's đơn, a contract, a declaration. Its kind ("ĐƠN ĐỀ NGHỊ") is its
title, not "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"; the national lines open its text
in bold, as the Word reader keeps them; in the decree's layout they stand centred
over the page, a rule under the motto, above the title."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from helpers import bantin, epubcheck, read_back

import bantin as api
from bantin.model import Article, Heading, Paragraph, Signature, text_of
from bantin.model.labels import document_type, national_kind

PETITION = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n-------------\n\n"
            "ĐƠN ĐỀ NGHỊ\nVề việc cấp lại giấy chứng nhận quyền sử dụng đất\n\n"
            "Kính gửi: Ủy ban nhân dân phường Dịch Vọng, quận Cầu Giấy\n\n"
            "Tôi tên là: Nguyễn Văn Bình, sinh năm 1975.\n"
            "Nay tôi làm đơn này đề nghị Ủy ban nhân dân phường xem xét, cấp lại giấy chứng nhận đã bị mất.\n"
            "Tôi xin cam đoan những nội dung trên là đúng sự thật.\n\n"
            "Hà Nội, ngày 10 tháng 9 năm 2025\nNgười làm đơn\n(Ký, ghi rõ họ tên)\nNguyễn Văn Bình\n")
WORDS = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐƠN ĐỀ NGHỊ", "Về việc cấp lại",
         "Kính gửi: Ủy ban nhân dân phường", "Tôi tên là", "đúng sự thật", "NGƯỜI LÀM ĐƠN", "(Ký, ghi rõ họ tên)"]


def _flat(text: str) -> str:
    """Dashes as one kind: nd30 prints the motto's hyphens, other styles the text's dashes."""
    return re.sub(r"\s*[-–]\s*", " - ", " ".join(text.replace("\u00a0", " ").split()))


def _texts(a: Article) -> list[str]:
    return [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph | Heading)]


def _centre(line: str) -> float:
    return (len(line) - len(line.lstrip()) + len(line.rstrip())) / 2


def _write(tmp_path: Path, text: str = PETITION) -> Path:
    src = tmp_path / "don.txt"
    src.write_text(text, encoding="utf-8")
    return src


@pytest.mark.parametrize("line, kind", [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation"),
                                        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation"),
                                        ("Độc lập - Tự do - Hạnh phúc", "motto"),
                                        ("Độc lập\u00a0– Tự do\u00a0– Hạnh phúc", "motto"),
                                        ("Độc lập-Tự do-Hạnh phúc", "motto"),
                                        ("Nước Cộng hòa xã hội chủ nghĩa Việt Nam", None),
                                        ("Độc lập, tự do và hạnh phúc của nhân dân", None)])
def test_the_national_lines(line, kind):
    assert national_kind(line) == kind


def test_a_petition_is_titled_by_its_kind(tmp_path):
    a = api.read(_write(tmp_path))
    assert isinstance(a, Article)
    assert a.title == "ĐƠN ĐỀ NGHỊ" and a.lede == "Về việc cấp lại giấy chứng nhận quyền sử dụng đất"
    texts = _texts(a)
    assert texts[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and national_kind(texts[1]) == "motto"
    assert all(s.strong for b in a.blocks[:2] if isinstance(b, Paragraph) for s in b.text)
    assert not any("---" in t for t in texts)  # the rule under the motto is the layout's
    # "Kính gửi: …" is whom it is addressed to, never a heading.
    assert isinstance(a.blocks[2], Paragraph) and texts[2].startswith("Kính gửi:")
    assert a.signature == Signature("Nguyễn Văn Bình", ("Người làm đơn",), (), "(Ký, ghi rõ họ tên)")
    assert a.date == "2025-09-10"  # from its own last line, which stays a line of the text


def test_the_national_title_alone_or_a_headline_is_not_taken(tmp_path):
    """Without the motto, or with a text under it that is news, nothing changes: the
    first line stays the title."""
    a = api.read(_write(tmp_path, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐƠN ĐỀ NGHỊ\nTôi tên là Nguyễn Văn Bình.\n"))
    assert isinstance(a, Article) and a.title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    b = api.read(_write(tmp_path, "Kỷ niệm Quốc khánh 2/9\nCả nước hướng về Quảng trường Ba Đình.\n\n"
                                  "Độc lập - Tự do - Hạnh phúc là khát vọng của dân tộc.\n"))
    assert isinstance(b, Article) and b.title == "Kỷ niệm Quốc khánh 2/9"


@pytest.mark.parametrize("style", ["nd30", "default"])
def test_every_format_keeps_every_word_in_order(tmp_path, style):
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "--style", style, "-o", str(out), str(_write(tmp_path)))
    assert r.returncode == 0, r.stderr.decode()
    # The national lines above the title in the decree's layout, as the paper sets
    # them; the title first in any other, as every article's.
    order = WORDS if style == "nd30" else [WORDS[2], WORDS[3], WORDS[0], WORDS[1], *WORDS[4:]]
    for fmt in ("txt", "epub", "docx", "pdf"):
        flat = _flat(read_back(out / f"don.{fmt}"))
        at = 0
        for phrase in order:
            at = flat.find(_flat(phrase), at)
            assert at >= 0, (fmt, phrase)
        assert flat.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1, fmt
        if style == "nd30":  # dated by its own last line, not again on a masthead
            assert flat.count("10 tháng 9 năm 2025") == 1, fmt
    assert "No errors or warnings detected" in epubcheck(out / "don.epub")


def test_nd30_text_centres_them_over_a_rule(tmp_path):
    out = tmp_path / "out"
    r = bantin("export", "-f", "txt", "--style", "nd30", "-o", str(out), str(_write(tmp_path)))
    assert r.returncode == 0, r.stderr.decode()
    lines = (out / "don.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].strip() == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and lines[0].startswith("        ")
    assert lines[1].strip() == "Độc lập - Tự do - Hạnh phúc"
    assert set(lines[2].strip()) == {"─"} and len(lines[2].strip()) == len("Độc lập - Tự do - Hạnh phúc")
    title = next(i for i, x in enumerate(lines) if "ĐƠN ĐỀ NGHỊ" in x)
    assert title > 2 and lines[title].startswith("          ")  # the kind, centred as a document's type


def test_bantins_own_word_file_reads_back_the_same(tmp_path):
    out = tmp_path / "out"
    r = bantin("export", "-f", "docx", "--style", "nd30", "-o", str(out), str(_write(tmp_path)))
    assert r.returncode == 0, r.stderr.decode()
    a, b = api.read(_write(tmp_path)), api.read(out / "don.docx")
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (b.title, b.lede) == (a.title, a.lede)
    assert _texts(b)[:3] == _texts(a)[:3]


def test_a_word_petition(tmp_path):
    d = docx.Document()
    for text, centred, bold in [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, True),
                                ("Độc lập - Tự do - Hạnh phúc", True, True), ("ĐƠN XIN NGHỈ PHÉP", True, True),
                                ("Kính gửi: Ban Giám đốc Công ty TNHH Minh Phát", True, False),
                                ("Nay tôi làm đơn này xin nghỉ phép từ ngày 15 đến ngày 19 tháng 9 năm 2025.", False,
                                 False),
                                ("Người làm đơn", True, True), ("(Ký, ghi rõ họ tên)", True, False),
                                ("Trần Thị Mai", True, True)]:
        p = d.add_paragraph()
        p.add_run(text).bold = bold
        if centred:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.save(str(tmp_path / "don.docx"))
    a = api.read(tmp_path / "don.docx")
    assert isinstance(a, Article) and a.title == "ĐƠN XIN NGHỈ PHÉP"
    assert a.signature == Signature("Trần Thị Mai", ("Người làm đơn",), (), "(Ký, ghi rõ họ tên)")
    out = tmp_path / "out"
    r = bantin("export", "-f", "pdf", "--style", "nd30", "-o", str(out), str(tmp_path / "don.docx"))
    assert r.returncode == 0, r.stderr.decode()
    flat = _flat(read_back(out / "don.pdf"))
    assert flat.index("CỘNG HÒA") < flat.index("Hạnh phúc") < flat.index("ĐƠN XIN NGHỈ PHÉP") \
        < flat.index("NGƯỜI LÀM ĐƠN")


@pytest.mark.parametrize("title, kind", [("ĐƠN ĐỀ NGHỊ", True), ("ĐƠN XIN NGHỈ PHÉP", True), ("BÁO CÁO", True),
                                         ("Đơn hàng xuất khẩu tăng mạnh", False), ("BIÊN BẢN HỌP", True),
                                         ("HỢP ĐỒNG LAO ĐỘNG", True), ("Biên bản cuộc họp bị lộ", False),
                                         ("ĐƠN ĐỀ NGHỊ CẤP LẠI GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT BỊ MẤT", False),
                                         ("Tin nóng", False)])
def test_what_names_a_kind_of_paper(title, kind):
    assert document_type(title) is kind


CONTRACT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "HỢP ĐỒNG LAO ĐỘNG\nSố: 12/2025/HĐLĐ\n\n"
            "Hôm nay, ngày 01 tháng 9 năm 2025, tại trụ sở Công ty TNHH Minh Phát, chúng tôi gồm:\n"
            "Bên A là Công ty TNHH Minh Phát, do ông Lê Văn Nam, Giám đốc, làm đại diện.\n"
            "Bên B là bà Trần Thị Mai, sinh năm 1990.\n")


def test_a_contracts_kind_is_no_issuer(tmp_path):
    """The capitals under the national lines were read as the issuer of a header
    ("HỢP ĐỒNG LAO ĐỘNG"), the title was the first sentence, and the national
    lines were gone. A header copied right column first (the national lines, then
    the place and date, then the issuer) is still a header."""
    a = api.read(_write(tmp_path, CONTRACT))
    assert isinstance(a, Article)
    assert (a.title, a.issuer, a.number, a.lede) == ("HỢP ĐỒNG LAO ĐỘNG", None, "12/2025/HĐLĐ", None)
    assert _texts(a)[2].startswith("Hôm nay, ngày")  # "…chúng tôi gồm:" is the text, not a sapo
    right_first = api.read(_write(tmp_path, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                                            "Bắc Ninh, ngày 14 tháng 7 năm 2025\nSỞ Y TẾ\nSố: 77/SYT-NV\n"
                                            "V/v triển khai tiêm chủng\n\nSở đề nghị các đơn vị triển khai.\n"))
    assert isinstance(right_first, Article)
    assert (right_first.issuer, right_first.number, right_first.title) == ("SỞ Y TẾ", "77/SYT-NV",
                                                                           "V/v triển khai tiêm chủng")


def test_nd30_sets_the_number_under_the_national_lines(tmp_path):
    out = tmp_path / "out"
    r = bantin("export", "-f", "pdf,docx,epub", "--style", "nd30", "-o", str(out), str(_write(tmp_path, CONTRACT)))
    assert r.returncode == 0, r.stderr.decode()
    for fmt in ("pdf", "docx", "epub"):
        flat = _flat(read_back(out / f"don.{fmt}"))
        at = 0
        for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hạnh phúc", "Số: 12/2025/HĐLĐ", "HỢP ĐỒNG LAO ĐỘNG",
                       "Hôm nay, ngày"):
            at = flat.find(_flat(phrase), at)
            assert at >= 0, (fmt, phrase)


def test_nd30_sets_a_signed_papers_date_over_its_signer(tmp_path):
    """"Hà Nội, ngày 10 tháng 9 năm 2025" above "Người làm đơn": no header block
    dates a đơn, so its own line stands over the signer, italic, as the paper sets it;
    a line of the text that only names a date stays a paragraph."""
    import zipfile

    from bantin.model.labels import is_place_date

    assert is_place_date("Hà Nội, ngày\u00a010 tháng\u00a09 năm\u00a02025")
    assert not is_place_date("Hà Nội, ngày 10 tháng 9 năm 2025, trời mưa to.")
    out = tmp_path / "out"
    r = bantin("export", "-f", "txt,docx", "--style", "nd30", "-o", str(out), str(_write(tmp_path)))
    assert r.returncode == 0, r.stderr.decode()
    lines = (out / "don.txt").read_text(encoding="utf-8").splitlines()
    date = next(x for x in lines if "Hà Nội, ngày" in x)
    signer = next(x for x in lines if "NGƯỜI LÀM ĐƠN" in x)
    assert date.startswith(" " * 30) and abs(_centre(date) - _centre(signer)) <= 2
    with zipfile.ZipFile(out / "don.docx") as z:
        styles, body = z.read("word/styles.xml").decode(), z.read("word/document.xml").decode()
    assert "Closing Place and Date" in styles and body.count("ClosingPlaceandDate") == 1
