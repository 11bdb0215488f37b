"""A copy of a signed document: the words set where the signature and the seal
go ("(Đã ký)", "(Ký tên, đóng dấu)") between the signer's office and name. The
readers keep them as the signature's ``signed``; with them a notice posted with
no "Nơi nhận" still ends signed; every format prints them under the office."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from helpers import bantin, epubcheck, read_back

import bantin as api
from bantin.model import Article, Paragraph, Signature, Table, plain
from bantin.model.labels import is_signed
from bantin.model.serialize import dumps, loads, validate

HEADER = ("SỞ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "TRUNG TÂM KIỂM SOÁT BỆNH TẬT\tĐộc lập - Tự do - Hạnh phúc\n"
          "Số: 77/TTKSBT-NV\tBắc Ninh, ngày 14 tháng 7 năm 2025\n"
          "V/v triển khai tiêm chủng mở rộng\n\n"
          "Trung tâm đề nghị các trạm y tế rà soát danh sách trẻ trong độ tuổi tiêm chủng.\n\n"
          "Báo cáo kết quả về Trung tâm trước ngày 30 tháng 7 năm 2025.\n\n")
STACKED = ("Nơi nhận:\n- Như trên;\n- Lưu: VT, NV.\n"
           "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nTrần Thị Lan\n")
SIDE_BY_SIDE = ("Nơi nhận:\tKT. GIÁM ĐỐC\n- Như trên;\tPHÓ GIÁM ĐỐC\n- Lưu: VT, NV.\n"
                "\t(Đã ký)\n\tTrần Thị Lan\n")
SIGNER_FIRST = ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n[Đã ký]\nTrần Thị Lan\n"
                "Nơi nhận:\n- Như trên;\n- Lưu: VT, NV.\n")
EXPECTED = Signature("Trần Thị Lan", ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), ("Như trên", "Lưu: VT, NV"), "(Đã ký)")
NOTICE = ("THÔNG BÁO\nLịch tiếp công dân tháng 8 năm 2025\n\n"
          "Văn phòng thông báo lịch tiếp công dân định kỳ của lãnh đạo tỉnh trong tháng 8.\n\n"
          "Đề nghị các cơ quan, đơn vị liên quan phối hợp thực hiện.\n\n"
          "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n(Đã ký)\nNguyễn Văn Hùng\n")


def _read(tmp_path: Path, text: str, name: str = "cv.txt") -> Article:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    doc = api.read(src)
    assert isinstance(doc, Article)
    return doc


@pytest.mark.parametrize("line", ["(Đã ký)", "(đã kí)", "[Đã ký]", "Đã ký", "ĐÃ KÝ", "(Đã ký số)",
                                  "(Ký tên, đóng dấu)", "(Ký, ghi rõ họ tên)", "(Đã ký và đóng dấu).",
                                  "(Chữ ký của người có thẩm quyền, dấu/chữ ký số của cơ quan, tổ chức)"])
def test_what_stands_for_the_signature(line):
    assert is_signed(line)


@pytest.mark.parametrize("line", ["(Đã ký", "Đã ký)", "Ký kết hợp đồng với đối tác nước ngoài", "(Kỹ thuật)",
                                  "Đã ký kết biên bản ghi nhớ hợp tác giữa hai tỉnh trong năm nay", "(Ghi chú)"])
def test_what_does_not(line):
    assert not is_signed(line)


@pytest.mark.parametrize("ending", [STACKED, SIDE_BY_SIDE, SIGNER_FIRST], ids=["stacked", "side", "signer-first"])
def test_text_keeps_the_words_in_the_signature(tmp_path, ending):
    doc = _read(tmp_path, HEADER + ending.replace("[Đã ký]", "(Đã ký)"))
    assert doc.signature == EXPECTED
    # Nothing of the block is left in the body.
    body = " ".join(b.text[0].text for b in doc.blocks if isinstance(b, Paragraph))
    assert "Đã ký" not in body and "Trần Thị Lan" not in body and "Nơi nhận" not in body


def test_brackets_are_kept_as_written(tmp_path):
    assert _read(tmp_path, HEADER + SIGNER_FIRST).signature.signed == "[Đã ký]"  # type: ignore[union-attr]


def test_a_notice_posted_without_recipients_ends_signed(tmp_path):
    doc = _read(tmp_path, NOTICE)
    assert doc.signature == Signature("Nguyễn Văn Hùng", ("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"), (), "(Đã ký)")
    assert not any(getattr(b, "level", None) for b in doc.blocks)  # the office lines are no headings


def test_without_the_words_capitals_over_a_name_stay_text(tmp_path):
    """No "Nơi nhận" and no "(Đã ký)": lines in capitals and a name may be the
    text's own (a heading and its author), so nothing is taken."""
    doc = _read(tmp_path, NOTICE.replace("(Đã ký)\n", ""))
    assert doc.signature is None
    assert "Nguyễn Văn Hùng" in json.dumps(json.loads(dumps(doc)), ensure_ascii=False)


def test_a_news_story_quoting_a_signing_keeps_it(tmp_path):
    doc = _read(tmp_path, "Hai tỉnh ký kết hợp tác\nSáng nay hai tỉnh đã ký kết biên bản hợp tác.\n\n"
                          "Đại diện hai bên cho biết văn bản (đã ký) có hiệu lực ngay.\n\nĐã ký\n")
    assert doc.signature is None
    assert doc.blocks and "Đã ký" in read_json_words(doc)


def read_json_words(doc: Article) -> str:
    return json.dumps(json.loads(dumps(doc)), ensure_ascii=False)


def _word(path: Path, paras: list[tuple[str, bool]], table: list[list[str]] | None = None) -> Path:
    d = docx.Document()
    for text, centred in paras:
        p = d.add_paragraph(text)
        if centred:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if table:
        t = d.add_table(rows=1, cols=2)
        for cell, lines in zip(t.rows[0].cells, table, strict=True):
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    d.save(str(path))
    return path


BODY = [("Trung tâm đề nghị các trạm y tế rà soát danh sách trẻ trong độ tuổi tiêm chủng.", False)]


def test_word_paragraphs_keep_the_words(tmp_path):
    f = _word(tmp_path / "cv.docx", [*BODY, ("Nơi nhận:\tKT. GIÁM ĐỐC", False), ("- Như trên;\tPHÓ GIÁM ĐỐC", False),
                                     ("- Lưu: VT, NV.", False), ("(Đã ký)", True), ("Trần Thị Lan", True)])
    assert api.read(f).signature == EXPECTED  # type: ignore[union-attr]


def test_word_table_keeps_the_words(tmp_path):
    f = _word(tmp_path / "cv.docx", BODY, [["Nơi nhận:", "- Như trên;", "- Lưu: VT, NV."],
                                           ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Trần Thị Lan"]])
    doc = api.read(f)
    assert doc.signature == EXPECTED and not any(isinstance(b, Table) for b in doc.blocks)  # type: ignore[union-attr]


def test_word_notice_without_recipients_ends_signed(tmp_path):
    f = _word(tmp_path / "tb.docx", [*BODY, ("Đề nghị các đơn vị phối hợp thực hiện.", False),
                                     ("KT. CHÁNH VĂN PHÒNG", True), ("PHÓ CHÁNH VĂN PHÒNG", True), ("(Đã ký)", True),
                                     ("Nguyễn Văn Hùng", True)])
    doc = api.read(f)
    assert doc.signature == Signature("Nguyễn Văn Hùng", ("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"), (), "(Đã ký)")
    assert [b.text[0].text for b in doc.blocks if isinstance(b, Paragraph)][-1] == \
        "Đề nghị các đơn vị phối hợp thực hiện."


@pytest.mark.parametrize("style", ["nd30", "default"])
def test_every_format_prints_the_words_between_office_and_name(tmp_path, style):
    src = tmp_path / "cv.txt"
    src.write_text(HEADER + STACKED, encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "all", "--style", style, "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    for fmt in ("txt", "epub", "docx", "pdf"):
        flat = read_back(out / f"cv.{fmt}")
        at = [flat.find(x) for x in ("PHÓ GIÁM ĐỐC", "(Đã ký)", "Trần Thị Lan")]
        assert -1 not in at and at == sorted(at), (fmt, at)
        assert flat.count("(Đã ký)") == 1, fmt
    assert "No errors or warnings detected" in epubcheck(out / "cv.epub")


def test_json_and_bantins_own_word_file_keep_it(tmp_path):
    src = tmp_path / "cv.txt"
    src.write_text(HEADER + STACKED, encoding="utf-8")
    out = tmp_path / "out"
    r = bantin("export", "-f", "json,docx", "--style", "nd30", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    data = json.loads((out / "cv.json").read_text(encoding="utf-8"))
    validate(data)
    assert data["signature"]["signed"] == "(Đã ký)"
    assert loads((out / "cv.json").read_text(encoding="utf-8")).signature == EXPECTED
    # The DOCX names the line's style, so reading bantin's own file back keeps it.
    assert api.read(out / "cv.docx").signature == EXPECTED  # type: ignore[union-attr]
    # A signature without the words writes no key: the file reads in any version-3 reader.
    plain_sig = json.loads(dumps(Article("T", signature=Signature("A", ("GIÁM ĐỐC",)))))
    assert "signed" not in plain_sig["signature"]


def test_meta_and_front_matter_set_it(tmp_path):
    src = tmp_path / "bc.md"
    src.write_text("---\ntitle: Báo cáo công tác\nsigner: Lê Văn Nam\nsigner_title: Giám đốc\n"
                   "signed: (Đã ký)\n---\n\nSở báo cáo kết quả công tác tháng tám.\n", encoding="utf-8")
    assert api.read(src).signature == Signature("Lê Văn Nam", ("Giám đốc",), (), "(Đã ký)")  # type: ignore[union-attr]
    out = tmp_path / "out"
    r = bantin("export", "-f", "txt", "-M", "signed=(Ký tên, đóng dấu)", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr.decode()
    text = (out / "bc.txt").read_text(encoding="utf-8")
    assert "(Ký tên, đóng dấu)" in text and "(Đã ký)" not in text
    assert text.index("GIÁM ĐỐC") < text.index("(Ký tên, đóng dấu)") < text.index("Lê Văn Nam")


def test_a_signature_table_in_json_sets_the_words_apart(tmp_path):
    """A Word công văn's last table kept as a table: nd30 sets it as the block,
    the "(Đã ký)" in italic under the office, not as a bold office line."""
    from bantin.exporters.administrative import signature_table
    from bantin.model import Cell

    def cell(*lines: str) -> Cell:
        return Cell(tuple(Paragraph(plain(x)) for x in lines))

    t = Table(((cell("Nơi nhận:", "- Như trên;"), cell("GIÁM ĐỐC", "(Đã ký)", "Lê Văn Nam")),))
    block = signature_table(t)
    assert block is not None and block.signed == "(Đã ký)" and block.title == ("GIÁM ĐỐC",)
    assert block.name == "Lê Văn Nam"


PETITION_END = ("Tôi xin cam đoan những nội dung trên là đúng sự thật.\n\n"
                "Hà Nội, ngày 10 tháng 9 năm 2025\nNgười làm đơn\n(Ký, ghi rõ họ tên)\nNguyễn Văn Bình\n")


def test_a_petition_ends_signed_by_its_writer(tmp_path):
    """A citizen's đơn is signed in the office's place by "Người làm đơn"; the
    place and date above it stay a line of the text."""
    doc = _read(tmp_path, "Đơn đề nghị cấp lại giấy chứng nhận\n\nTôi tên là Nguyễn Văn Bình, sinh năm 1975.\n\n"
                + PETITION_END)
    assert doc.signature == Signature("Nguyễn Văn Bình", ("Người làm đơn",), (), "(Ký, ghi rõ họ tên)")
    assert doc.byline is None
    texts = [b.text[0].text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts[-1].replace("\u00a0", " ") == "Hà Nội, ngày 10 tháng 9 năm 2025"
    out = tmp_path / "out"
    r = bantin("export", "-f", "txt", "-o", str(out), str(tmp_path / "cv.txt"))
    assert r.returncode == 0, r.stderr.decode()
    text = (out / "cv.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert text.index("năm 2025") < text.index("NGƯỜI LÀM ĐƠN") < text.index("(Ký, ghi rõ họ tên)") \
        < text.rindex("Nguyễn Văn Bình")
