"""What the sixth look at every format found (helper-34), read back from the
outputs: the masthead under a Nghị định 30 header block in the PDF, bold table
cells measured in bold, codes that keep their number at a line's end, tags listed
once, a sentence that opens with "Hay" not taken as a key point, and a Word
table whose first row is set as a header read as having one."""

from __future__ import annotations

import zipfile
from pathlib import Path

from helpers import bantin, pandoc_plain, pdftotext, run
from word_docs import docx, p, r, tbl

import bantin as api
from bantin.digest.salience import flaws, leans
from bantin.model import Table

HEADER = ("-M", "issuer=Văn phòng UBND phường Kiến Hưng", "-M", "number=12/BC-VP", "-M", "place=Hà Nội",
          "-M", "date=2026-02-05")
ARTICLE = ("Đảng bộ phường Kiến Hưng vững bước\n\n"
           "(PNTĐ) - Sáng 5/2, Đảng bộ phường Kiến Hưng tổ chức hội nghị tổng kết công tác năm.\n\n"
           "Hội nghị đánh giá kết quả thực hiện nhiệm vụ chính trị của địa phương trong năm qua.\n")


def _export(tmp_path: Path, name: str, text: str, *args: str) -> Path:
    """``text`` written to ``name`` and exported with ``args``: the output folder."""
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    r = bantin("export", "-q", *args, "-o", str(tmp_path / "out"), str(src))
    assert r.returncode == 0, r.stderr
    return tmp_path / "out"


def test_under_a_header_block_every_format_credits_the_outlet(tmp_path: Path) -> None:
    out = _export(tmp_path, "kien-hung.txt", ARTICLE, "-f", "pdf,docx,txt", "--style", "nd30", *HEADER)
    for fmt, text in (("pdf", pdftotext(out / "kien-hung.pdf")), ("docx", pandoc_plain(out / "kien-hung.docx", "docx")),
                      ("txt", (out / "kien-hung.txt").read_text("utf-8"))):
        flat = " ".join(text.split())
        assert "Phụ nữ Thủ đô (PNTĐ)" in flat, fmt
        # The header block (PDF and DOCX) says the place and the date, once: the
        # masthead under it credits the outlet alone.
        assert fmt == "txt" or flat.count("ngày 05 tháng 02 năm 2026") == 1, fmt


def test_a_bold_table_cell_is_measured_in_bold(tmp_path: Path) -> None:
    out = _export(tmp_path, "bang.md", "# Bảng thử\n\nCấu hình cần có.\n\n| Yêu cầu | Chi tiết |\n|---|---|\n"
                  "| **Kiểm tra VB trước trình ký** | Tối thiểu 4 GB |\n", "-f", "pdf")
    layout = run(["pdftotext", "-layout", str(out / "bang.pdf"), "-"]).stdout
    # The table has room: the bold cell is one line, not "…trình" then "ký".
    assert any("Kiểm tra VB trước trình ký" in line for line in layout.splitlines()), layout


def test_a_code_keeps_its_number_at_a_lines_end(tmp_path: Path) -> None:
    out = _export(tmp_path, "xe.txt", "Khởi tố tài xế xe 36A-485.67\n\nCơ quan công an đã khởi tố tài xế ô tô biển "
                  "kiểm soát 36A-485.67 trong vụ tai nạn trên cao tốc, xe tải 63C-136.59 cũng bị giữ lại.\n\n"
                  "Đoạn hai.\n", "-f", "docx,txt,epub")
    # Where nothing draws it as a hyphen (a header's run, the book's navigation and
    # metadata), no U+2011, which no text face has.
    book, word = zipfile.ZipFile(out / "xe.epub"), zipfile.ZipFile(out / "xe.docx")
    for z, part in [(book, n) for n in book.namelist() if n.endswith((".ncx", "nav.xhtml", ".opf"))] + [
            (word, n) for n in word.namelist() if n.startswith("word/header")]:
        assert "\u2011" not in z.read(part).decode(), part
    xml = zipfile.ZipFile(out / "xe.docx").read("word/document.xml").decode()
    assert "36A</w:t><w:noBreakHyphen/>" in xml and "63C</w:t><w:noBreakHyphen/>" in xml
    # The words are the source's: a hyphen in the text output and in pandoc's reading.
    assert "36A-485.67" in (out / "xe.txt").read_text("utf-8")
    assert "63C" in pandoc_plain(out / "xe.docx", "docx")


def test_a_tag_listed_twice_is_one_tag() -> None:
    doc = api.read("Title: Tuyen nu thang dam\nSource: VnExpress\nLink: https://vnexpress.net/a\n"
                   "Tags: bóng đá, Bóng đá, World Cup, bóng đá\nSummary: Tóm tắt bài.\n"
                   "Content: Nội dung bài báo dài. Thêm câu nữa.\n".encode(), source_format="txt")
    assert doc.tags == ("bóng đá", "World Cup")


def test_a_sentence_that_opens_with_or_leans_on_the_one_before() -> None:
    leaning = "Hay màn ra quân tại World Cup nữ 2023 thắng đậm Zambia với tỷ số 5-0 trên sân Hamilton."
    alone = "Đội tuyển nữ Việt Nam thắng đậm Zambia với tỷ số 5-0 trên sân Hamilton ở New Zealand."
    assert leans(leaning) and not leans(alone) and flaws(leaning) == flaws(alone)


def _cell(text: str, fill: str = "", bold: bool = False) -> str:
    shd = f'<w:tcPr><w:shd w:val="clear" w:fill="{fill}"/></w:tcPr>' if fill else ""
    return f"<w:tc>{shd}{p(r(text, b=bold))}</w:tc>"


def _tables(body: str) -> list[Table]:
    doc = api.read(docx(p("Bảng số liệu") + p("Số liệu của năm qua.") + body), source_format="docx")
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_a_word_tables_first_row_set_as_a_header_is_its_header() -> None:
    rows = [("Tỉnh", "Sản lượng"), ("An Giang", "4,1"), ("Đồng Tháp", "3,4"), ("Cần Thơ", "1,4")]
    # Shaded dark and bold over zebra bands of another colour (as Word's designs set it).
    zebra_headed = tbl(*[[_cell(a, "1B4F72" if i == 0 else "EBF5FB" if i % 2 == 0 else "", i == 0),
                          _cell(b, "1B4F72" if i == 0 else "EBF5FB" if i % 2 == 0 else "", i == 0)]
                         for i, (a, b) in enumerate(rows)])
    bold_headed = tbl(*[[_cell(a, bold=i == 0), _cell(b, bold=i == 0)] for i, (a, b) in enumerate(rows)])
    # Must not: zebra bands alone, a bold first column, a plain grid.
    zebra = tbl(*[[_cell(a, "EBF5FB" if i % 2 == 0 else ""), _cell(b, "EBF5FB" if i % 2 == 0 else "")]
                  for i, (a, b) in enumerate(rows)])
    first_column = tbl(*[[_cell(a, bold=True), _cell(b)] for a, b in rows])
    plain = tbl(*[[a, b] for a, b in rows])
    # Nor a bold section row merged across the table, nor a highlighted first row of figures.
    section = f'<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{p(r("I. KHU VỰC MIỀN BẮC", b=True))}</w:tc>'
    sections = tbl([section], *[[a, b] for a, b in rows[1:]])
    medals = tbl([_cell("1", "FFFF00", True), _cell("Việt Nam", "FFFF00", True), _cell("136", "FFFF00", True)],
                 ["2", "Thái Lan", "92"], ["3", "Indonesia", "69"])
    headers = [t.header_rows for t in _tables(zebra_headed + p("…") + bold_headed + p("…") + zebra + p("…")
                                              + first_column + p("…") + plain + p("…") + sections + p("…")
                                              + medals)]
    assert headers == [1, 1, 0, 0, 0, 0, 0]


def test_a_digest_source_line_leaves_no_dot_at_a_break(tmp_path: Path) -> None:
    def page(url: str, body: str) -> str:
        title = body.split(",")[0]
        return (f'<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
                f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="Báo Dân trí"></head>'
                f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>")

    long = "https://dantri.com.vn/phap-luat/khoi-to-mot-tai-xe-trong-vu-tai-nan-tren-cao-toc-cam-lo-la-son.htm"
    (tmp_path / "dai.html").write_text(page(long, "Chiều 18/2, cơ quan chức năng đã khởi tố bị can đối với tài xế "
                                            "trong vụ tai nạn trên cao tốc làm hai người chết."), encoding="utf-8")
    short = page("https://dantri.com.vn/a.htm", "Giá lúa tăng, nông dân đồng bằng sông Cửu Long phấn khởi trong "
                 "tuần qua nhờ nhu cầu xuất khẩu.")
    (tmp_path / "ngan.html").write_text(short, encoding="utf-8")
    r = bantin("export", "-q", "-f", "txt", "--digest", "-o", str(tmp_path / "out"), str(tmp_path / "dai.html"),
               str(tmp_path / "ngan.html"))
    assert r.returncode == 0, r.stderr
    lines = [line for f in sorted((tmp_path / "out").glob("*.txt")) for line in f.read_text("utf-8").splitlines()]
    assert "   Báo Dân trí" in lines and f"   {long}" in lines  # the address on a line of its own, no dot
    assert "   Báo Dân trí · https://dantri.com.vn/a.htm" in lines  # one line: the dot parts them
    assert not any(line.rstrip().endswith("·") for line in lines)
