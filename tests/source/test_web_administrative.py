"""A công văn posted as a web page: Nghị định 30's header and signature set as
tables, each cell's lines parted by ``<br>``. They are read as a Word file's are:
the issuer, number, place and date from the header table, the signature from the
last one, and neither is left in the text as a table whose lines ran together
("BỘ Y TẾ CỤC QUẢN LÝ … -------")."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import bantin, read_back, read_web

import bantin as api
from bantin.model import Article, Paragraph, Signature, Signer, Table, text_of

HEADER = ('<table width="100%"><tr><td width="40%"><p align="center">BỘ Y TẾ<br><b>CỤC QUẢN LÝ KHÁM, CHỮA BỆNH</b>'
          '<br>-------</p></td><td><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - '
          'Hạnh phúc</b><br>---------------</p></td></tr><tr><td><p align="center">Số: 123/KCB-NV<br>'
          'V/v tăng cường phòng chống dịch</p></td><td><p align="right"><i>Hà Nội, ngày 05 tháng 8 năm 2025</i>'
          '</p></td></tr></table>')
BODY = ('<p align="center">Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương.</p>'
        '<p>Cục Quản lý Khám, chữa bệnh đề nghị các đơn vị triển khai ngay các biện pháp phòng chống dịch sốt '
        'xuất huyết trên địa bàn, báo cáo kết quả thực hiện về Cục theo quy định hiện hành.</p>'
        '<p>Báo cáo kết quả về Cục trước ngày 30 tháng 9 năm 2025 để tổng hợp, báo cáo Bộ trưởng Bộ Y tế.</p>')
SIGNED = ('<table width="100%"><tr><td><p><b><i>Nơi nhận:</i></b><br>- Như trên;<br>- Lưu: VT, NV.</p></td>'
          '<td><p align="center"><b>KT. CỤC TRƯỞNG<br>PHÓ CỤC TRƯỞNG<br><br><br>Nguyễn Trọng Khoa</b></p></td></tr>'
          '</table>')
JOINT = ('<table><tr><td><p align="center"><b>THƯ KÝ</b></p><p align="center">Nguyễn Văn An</p></td>'
         '<td><p align="center"><b>CHỦ TỌA</b></p><p align="center">Trần Thị Bình</p></td></tr></table>')

ROWS = ('<table><tr><td><b>THƯ KÝ</b></td><td><b>CHỦ TỌA</b></td></tr>'
        '<tr><td>Nguyễn Văn An</td><td>Trần Thị Bình</td></tr></table>')


def _page(tmp_path: Path, body: str, layout: bool = False) -> Path:
    content = f'<div class="content">{body}</div>'
    if layout:  # an old site: the whole page laid out in a table
        content = f'<table><tr><td class="menu"><a href="/">Trang chủ</a></td><td>{content}</td></tr></table>'
    f = tmp_path / "cv.html"
    f.write_text(f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Công văn 123/KCB-NV về '
                 f'phòng chống dịch</title></head><body>{content}</body></html>', encoding="utf-8")
    return f


@pytest.mark.parametrize("layout", [False, True], ids=["plain", "layout-table"])
def test_header_and_signature_tables_are_read(tmp_path, layout):
    a = api.read(_page(tmp_path, HEADER + BODY + SIGNED, layout))
    assert isinstance(a, Article)
    assert (a.issuer, a.number, a.place, a.date) == ("BỘ Y TẾ; CỤC QUẢN LÝ KHÁM, CHỮA BỆNH", "123/KCB-NV", "Hà Nội",
                                                     "2025-08-05")
    assert a.title == "V/v tăng cường phòng chống dịch"  # the document's own, as the other readers take it
    assert a.signature == Signature("Nguyễn Trọng Khoa", ("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"),
                                    ("Như trên", "Lưu: VT, NV"))
    assert not any(isinstance(b, Table) for b in a.blocks)
    texts = [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]
    assert texts[0].startswith("Kính gửi:") and texts[-1].startswith("Báo cáo kết quả")


@pytest.mark.parametrize("table", [JOINT, ROWS], ids=["cells", "rows"])
def test_two_signers_in_a_table(tmp_path, table):
    a = api.read(_page(tmp_path, HEADER + BODY + table))
    assert isinstance(a, Article)
    assert a.signature == Signature("Trần Thị Bình", ("CHỦ TỌA",), beside=(Signer("Nguyễn Văn An", ("THƯ KÝ",)),))


def test_a_news_pages_tables_stay(tmp_path):
    """A table of figures, and a two-cell table that is no signature, are the
    article's; a page with no header table keeps its own title."""
    prices = ("<table><tr><th>Loại vàng</th><th>Giá mua</th></tr><tr><td>SJC</td><td>86,5 triệu</td></tr>"
              "<tr><td>Nhẫn</td><td>84,2 triệu</td></tr></table>")
    two = "<table><tr><td>Phóng viên</td><td>Lê Minh Tuấn</td></tr></table>"
    body = ("<p>Giá vàng trong nước sáng nay tiếp tục tăng mạnh theo đà tăng của giá vàng thế giới, "
            "các doanh nghiệp điều chỉnh giá bán lên mức cao nhất từ đầu năm.</p>")
    a = api.read(_page(tmp_path, body + prices + body.replace("sáng nay", "chiều nay") + two))
    assert isinstance(a, Article) and a.signature is None and a.issuer is None
    assert a.title == "Công văn 123/KCB-NV về phòng chống dịch"
    assert sum(isinstance(b, Table) for b in a.blocks) >= 1


def test_nd30_prints_the_page_as_the_decree_sets_it(tmp_path):
    out = tmp_path / "out"
    src = _page(tmp_path, HEADER + BODY + SIGNED)
    r = bantin("export", "-f", "txt,pdf", "--style", "nd30", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    assert b"administrative header table" in r.stderr
    for fmt in ("txt", "pdf"):
        flat = " ".join(read_back(out / f"cv.{fmt}").replace("\u00a0", " ").split())
        at = [flat.find(x) for x in ("BỘ Y TẾ", "Số: 123/KCB-NV", "Kính gửi:", "Báo cáo kết quả", "Nơi nhận:",
                                     "Nguyễn Trọng Khoa")]
        assert -1 not in at and at == sorted(at), (fmt, at)
        assert "-------" not in flat and flat.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1, fmt


def test_a_signature_table_with_a_link_stays_a_table(tmp_path):
    """A name linked to a profile would lose its link in the block's plain lines,
    as a Word table with a link stays a table."""
    linked = SIGNED.replace("Nguyễn Trọng Khoa", '<a href="https://moh.gov.vn/khoa">Nguyễn Trọng Khoa</a>')
    a = api.read(_page(tmp_path, HEADER + BODY + linked))
    assert isinstance(a, Article) and a.signature is None and isinstance(a.blocks[-1], Table)
    assert any(s.href for row in a.blocks[-1].rows for c in row for b in c.blocks if isinstance(b, Paragraph)
               for s in b.text)


LINES = ["UBND QUẬN CẦU GIẤY", "TRƯỜNG THCS DỊCH VỌNG", "Số: 27/TB-THCS", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc", "Cầu Giấy, ngày 14 tháng 10 năm 2025", "THÔNG BÁO",
         "Kế hoạch họp phụ huynh học sinh học kỳ I",
         "Nhà trường thông báo kế hoạch họp phụ huynh học sinh các khối lớp như sau:",
         "Thời gian: 8 giờ ngày 19 tháng 10 năm 2025, tại các phòng học của từng lớp.",
         "Đề nghị quý phụ huynh sắp xếp thời gian đến dự đầy đủ, đúng giờ.",
         "Nơi nhận:", "- Cha mẹ học sinh;", "- Lưu: VT.", "HIỆU TRƯỞNG", "Lê Thị Thu Hương"]


def test_a_paper_posted_line_by_line_is_read_as_its_text_copy(tmp_path):
    """A school's site posts its thông báo one ``<p>`` a line: the header's lines,
    the type and its summary, the text, "Nơi nhận" and the signer. It reads as the
    same lines copied as text do; before, every line was a paragraph of the text,
    the signer's name the byline and the paper undated."""
    page = tmp_path / "tb.html"
    page.write_text('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thông báo họp phụ huynh'
                    '</title></head><body><article>' + "".join(f"<p>{x}</p>" for x in LINES)
                    + "</article></body></html>", encoding="utf-8")
    text = tmp_path / "tb.txt"
    text.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    web, copied = api.read(page), api.read(text)
    assert isinstance(web, Article) and isinstance(copied, Article)
    fields = ("title", "lede", "issuer", "number", "place", "date", "signature", "byline")
    assert [getattr(web, k) for k in fields] == [getattr(copied, k) for k in fields]
    assert (web.title, web.number, web.date, web.byline) == ("THÔNG BÁO", "27/TB-THCS", "2025-10-14", None)
    assert web.signature == Signature("Lê Thị Thu Hương", ("HIỆU TRƯỞNG",), ("Cha mẹ học sinh", "Lưu: VT"))
    assert [" ".join(text_of(b.text).split()) for b in web.blocks if isinstance(b, Paragraph)] == LINES[8:11]
    out = tmp_path / "out"
    r = bantin("export", "-f", "txt", "--style", "nd30", "-o", str(out), str(page))
    assert r.returncode == 0, r.stderr.decode()
    printed = read_back(out / "tb.txt")
    for line in (*LINES[:3], *LINES[6:]):
        assert printed.count(line.removeprefix("- ")) == 1, line


def test_a_paper_posted_with_its_lines_parted_by_br_reads_as_one_posted_line_by_line(tmp_path):
    """The header's columns, "Nơi nhận" and its items, the signer's office and name,
    each one ``<p>`` with its lines parted by ``<br>`` (as a site's editor pastes
    them): the same paper as one ``<p>`` a line. A text paragraph's breaks stay."""
    groups = [LINES[0:3], LINES[3:5], LINES[5:6], LINES[6:8], LINES[8:9], LINES[9:10], LINES[10:11],
              LINES[11:14], LINES[14:15] + ["", ""] + LINES[15:16]]
    page = tmp_path / "tb.html"
    page.write_text('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thông báo họp phụ huynh'
                    '</title></head><body><article>' + "".join(f"<p>{'<br>'.join(g)}</p>" for g in groups)
                    + "</article></body></html>", encoding="utf-8")
    one = tmp_path / "one.html"
    one.write_text(page.read_text(encoding="utf-8").replace("<br>", "</p><p>").replace("<p></p>", ""),
                   encoding="utf-8")
    web, lined = api.read(page), api.read(one)
    assert isinstance(web, Article) and isinstance(lined, Article)
    fields = ("title", "lede", "issuer", "number", "place", "date", "signature", "byline")
    assert [getattr(web, k) for k in fields] == [getattr(lined, k) for k in fields]
    assert web.number == "27/TB-THCS" and web.signature is not None and web.signature.name == "Lê Thị Thu Hương"
    assert [" ".join(text_of(b.text).split()) for b in web.blocks if isinstance(b, Paragraph)] == LINES[8:11]


def test_br_lines_in_a_papers_text_and_a_storys_byline_stay_as_they_were(tmp_path):
    """helper-131: a paragraph of the text with ``<br>`` lines keeps them and its
    bold, the "V/v …" stays under the page's own headline, and a story's closing
    "Minh Anh<br>(tổng hợp)" is still its byline."""
    lines = [LINES[0:2], ["Số: 27/CV-THCS", "V/v họp phụ huynh học sinh học kỳ I"], LINES[3:6]]
    text = ("Nhà trường thông báo kế hoạch họp phụ huynh học sinh các khối lớp vào ngày 19 tháng 10 năm 2025 tại các "
            "phòng học của từng lớp, đề nghị quý phụ huynh sắp xếp thời gian đến dự đầy đủ, đúng giờ.")
    contact = "<p>Liên hệ: <strong>Văn phòng nhà trường</strong><br>Điện thoại: 024.3791.0000</p>"
    a = _web(tmp_path, "Nhà trường mời họp phụ huynh", "".join(f"<p>{'<br>'.join(g)}</p>" for g in lines)
             + f"<p>{text}</p>" + contact + "<p>Nơi nhận:<br>- Cha mẹ học sinh;<br>- Lưu: VT.</p>"
             + "<p>HIỆU TRƯỞNG<br><br>Lê Thị Thu Hương</p>")
    assert a.number == "27/CV-THCS" and a.signature is not None and a.signature.name == "Lê Thị Thu Hương"
    kept = [b for b in a.blocks if isinstance(b, Paragraph)]
    assert text_of(kept[0].text) == "V/v họp phụ huynh học sinh học kỳ I"
    assert text_of(kept[-1].text) == "Liên hệ: Văn phòng nhà trường\u2028Điện thoại: 024.3791.0000"
    assert any(s.strong and s.text == "Văn phòng nhà trường" for s in kept[-1].text)
    story = _web(tmp_path, "Nam Định ứng phó bão", f"<p>{text}</p><p>{text}</p><p>Minh Anh<br>(tổng hợp)</p>")
    assert story.byline == "Minh Anh (tổng hợp)" and story.signature is None


def _web(tmp_path: Path, title: str, body: str) -> Article:
    a = read_web(tmp_path, title, body)
    assert isinstance(a, Article)
    return a


def test_header_lines_over_a_list_only(tmp_path):
    """The header's lines, then nothing but a list: read, not an internal error
    (helper-56: "IndexError"), and the list kept."""
    head = "".join(f"<p>{x}</p>" for x in LINES[:6])
    listed = "<ul><li>Khối 6: phòng 101.</li><li>Khối 7: phòng 201.</li></ul>"
    a = _web(tmp_path, "Thông báo họp phụ huynh", head + listed)
    assert (a.title, a.number) == ("Thông báo họp phụ huynh", "27/TB-THCS")
    assert "Khối 7: phòng 201." in " ".join(text_of(p.blocks[0].text) for b in a.blocks if hasattr(b, "items")
                                             for p in b.items)  # type: ignore[attr-defined]


def test_a_story_quoting_a_papers_first_lines_stays_a_story(tmp_path):
    """The national lines and a date quoted at the top of a news story issue
    nothing: the headline stays the title and the quoted lines stay its text."""
    a = _web(tmp_path, "Giấy mời lạ gửi người dân",
             "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>"
             "<p>Hà Nội, ngày 14 tháng 8 năm 2025</p><p>Đó là dòng mở đầu của tờ giấy mời mà nhiều người dân "
             "phường Kiến Hưng nhận được tuần qua.</p><p>Công an phường cho biết đây là giấy mời giả mạo.</p>")
    assert (a.title, a.issuer) == ("Giấy mời lạ gửi người dân", None)
    assert text_of(a.blocks[0].text) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # type: ignore[union-attr]


def test_a_line_up_closing_a_story_stays_a_table(tmp_path):
    """Capitals over names in three columns closing a story are a line-up, not
    three signers: the table stays (helper-56)."""
    rows = [("THỦ MÔN", "HẬU VỆ", "TIỀN ĐẠO"), ("Đặng Văn Lâm", "Quế Ngọc Hải", "Nguyễn Tiến Linh")]
    cells = "".join("<tr>" + "".join(f"<td><b>{c}</b></td>" for c in r) + "</tr>" for r in rows)
    table = f"<table>{cells}</table>"
    a = _web(tmp_path, "Đội hình ra sân", "<p>Huấn luyện viên công bố đội hình xuất phát cho trận đấu tối nay tại "
                                          "sân Mỹ Đình, với ba thay đổi so với trận trước.</p>" + table)
    assert a.signature is None and isinstance(a.blocks[-1], Table)


def test_a_news_page_reposting_a_paper_keeps_its_headline_and_sapo(tmp_path):
    """A news site reposts a school's thông báo under its own headline and sapo: the
    header's fields and the signature are read, and the headline, the sapo and the
    paper's type and summary all stay (helper-56: the headline and sapo were lost)."""
    sapo = '<p class="sapo"><b>Trường THCS Dịch Vọng vừa thông báo kế hoạch họp phụ huynh đầu năm học.</b></p>'
    a = _web(tmp_path, "Hà Nội: trường học họp phụ huynh đầu năm", sapo + "".join(f"<p>{x}</p>" for x in LINES))
    assert a.title == "Hà Nội: trường học họp phụ huynh đầu năm"
    assert a.lede is not None and a.lede.startswith("Trường THCS Dịch Vọng")
    assert (a.number, a.date) == ("27/TB-THCS", "2025-10-14") and a.signature is not None
    texts = [" ".join(text_of(b.text).split()) for b in a.blocks if isinstance(b, Paragraph)]
    assert texts[:2] == LINES[6:8]  # "THÔNG BÁO" and its summary stay the paper's first lines
