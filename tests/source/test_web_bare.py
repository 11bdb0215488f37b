"""A page that writes its article straight in <body> (an old static page, an
e-book's chapter saved as a page, helper-142): its lists and subheadings are read
in place, as they are in an <article>."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import bantin
from bantin.model import Article, Heading, ListBlock, Paragraph, text_of

TITLE = "Phường Kiến Hưng vững bước"
HEAD = f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title></head><body>'
LESSONS = ("Thứ nhất, bám sát sự chỉ đạo của cấp ủy cấp trên và cụ thể hóa kịp thời các nghị quyết.",
           "Thứ hai, phát huy sức mạnh khối đại đoàn kết toàn dân trên địa bàn phường.",
           "Thứ ba, chăm lo xây dựng đội ngũ cán bộ có phẩm chất, năng lực và uy tín.")


def _read(tmp_path: Path, html: str) -> Article:
    page = tmp_path / "p.html"
    page.write_text(html, encoding="utf-8")
    a = bantin.read(page, warn=lambda _: None)
    assert isinstance(a, Article)
    return a


def _bare(body: str) -> str:
    return f"{HEAD}<h1>{TITLE}</h1>{body}</body></html>"


OPENING = ("<p>Phường Kiến Hưng sau sắp xếp đơn vị hành chính đã phát huy những giá trị truyền thống "
           "và chuyển mình bước sang giai đoạn phát triển mới.</p>")
INTRO = "<p>Theo Bí thư Đảng ủy phường, sự phát triển ổn định những năm qua đến từ ba bài học kinh nghiệm.</p>"
CLOSING = ("<p>Đảng bộ phường phấn đấu đến năm 2030 xây dựng phường trở thành đô thị văn minh, "
           "hiện đại và đáng sống của Thủ đô.</p>")


def test_a_list_in_a_bare_body_between_paragraphs_is_read_as_a_list(tmp_path):
    items = "".join(f"<li>{x}</li>" for x in LESSONS)
    a = _read(tmp_path, _bare(f'{OPENING}{INTRO}<ul class="own-numbers">{items}</ul>{CLOSING}'))
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and [text_of(i.text) for i in lists[0].items] == list(LESSONS)
    kinds = [type(b).__name__ for b in a.blocks]
    assert kinds == ["Paragraph", "Paragraph", "ListBlock", "Paragraph"], kinds


def test_a_subheading_in_a_bare_body_stays_above_its_paragraph_and_the_last_one_is_kept(tmp_path):
    a = _read(tmp_path, _bare(
        f"{OPENING}<h2>Mười năm mới thắng kiện</h2>"
        "<p>Ngày <span class=\"nobr\">5-6</span> vừa qua, ủy ban có công văn gửi phường về việc trả lại đất.</p>"
        f"{INTRO}<h2>Ủy ban phường nói gì?</h2>"
        "<p>Theo ông <b>Hòa</b>, phường sẽ trả lời bằng văn bản trong tháng này cho gia đình.</p>"))
    # Typography has run (a no-break space after "Ngày"): the blocks are told by their first word.
    kinds = [(type(b).__name__, text_of(b.text).split()[0]) for b in a.blocks if isinstance(b, (Heading, Paragraph))]
    assert kinds == [("Paragraph", "Phường"), ("Heading", "Mười"), ("Paragraph", "Ngày"),
                     ("Paragraph", "Theo"), ("Heading", "Ủy"), ("Paragraph", "Theo")], kinds


def test_an_epub_chapter_of_bantin_reads_back_with_its_list(tmp_path):
    src = tmp_path / "bai.md"
    src.write_text(f"# {TITLE}\n\n" + "\n\n".join(
        (OPENING[3:-4], INTRO[3:-4], "\n".join(f"- {x}" for x in LESSONS), CLOSING[3:-4])) + "\n", encoding="utf-8")
    epub = bantin.export(bantin.read(src, warn=lambda _: None), "epub")
    with zipfile.ZipFile(io.BytesIO(epub)) as z:
        chapter = next(n for n in z.namelist() if n.endswith(".xhtml") and "nav" not in n and "cover" not in n)
        html = z.read(chapter).decode("utf-8")
    a = _read(tmp_path, html)
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and [text_of(i.text) for i in lists[0].items] == list(LESSONS)
