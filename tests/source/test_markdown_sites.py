"""Markdown as static sites write it (helper-78): Hugo's TOML front matter and
shortcodes, Jekyll's Liquid, attribute lists, a picture's title. Written for these
tests in the shapes of Hugo and Jekyll pages."""

from __future__ import annotations

from pathlib import Path

from PIL import Image as Pillow

import bantin as api
from bantin.model import Article, CodeBlock, Figure, Heading, Paragraph, text_of

HUGO = '''+++
title = "Hà Nội mở thêm 12 tuyến buýt điện"
date = 2025-09-02T08:00:00+07:00
author = "Lê Thu Trang"
tags = ["giao thông", "xe buýt điện"]
description = "Từ tháng 9, người dân Thủ đô có thêm lựa chọn đi lại xanh."
draft = false
+++

Từ ngày 2/9, Hà Nội đưa vào khai thác 12 tuyến buýt điện mới.

{{< figure src="xe-buyt.png" alt="Xe buýt điện" caption="Xe buýt điện qua cầu Long Biên." attr="Thu Trang" >}}

{{% note %}}Giá vé lượt vẫn giữ ở mức 7.000 đồng.{{% /note %}}

{{< youtube w7Ft2ymGmfc >}}

## Lộ trình {#lo-trinh}

Các tuyến mới nối khu đô thị phía tây với trung tâm.
'''

JEKYLL = '''---
title: Hội nghị chuyển đổi số ngành y tế
---

Ngày 18/7, tại {{ site.venue }}, Bộ Y tế tổ chức hội nghị với hơn 500 đại biểu.

{% include quang-cao.html %}

{% highlight python %}
print("Xin chào {{ ten }}")
{% endhighlight %}

Cú pháp `{{ giu_nguyen }}` trong dòng được giữ nguyên.
{: .note}

```
mau = "{% raw %}"
```
'''


def _read(tmp_path: Path, name: str, text: str) -> tuple[Article, list[str]]:
    Pillow.new("RGB", (400, 300), (200, 50, 50)).save(tmp_path / "xe-buyt.png")
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    warnings: list[str] = []
    a = api.read(src, warn=warnings.append)
    assert isinstance(a, Article)
    return a, warnings


def test_hugos_toml_front_matter_and_shortcodes(tmp_path: Path) -> None:
    a, warnings = _read(tmp_path, "index.md", HUGO)
    assert (a.title, a.byline, a.date, a.tags) == ("Hà Nội mở thêm 12 tuyến buýt điện", "Lê Thu Trang",
                                                    "2025-09-02", ("giao thông", "xe buýt điện"))
    assert a.lede == "Từ tháng\u00a09, người dân Thủ đô có thêm lựa chọn đi lại xanh."
    figure = next(b for b in a.blocks if isinstance(b, Figure))
    assert (text_of(figure.caption), figure.credit, figure.alt) == ("Xe buýt điện qua cầu Long Biên.", "Thu Trang",
                                                                    "Xe buýt điện")
    assert figure.image is not None
    texts = [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph | Heading)]
    assert "Giá vé lượt vẫn giữ ở mức 7.000\u00a0đồng." in texts
    assert "Lộ trình" in texts
    assert not any("{" in t or "+++" in t or "title =" in t for t in texts), texts
    assert any("template tags" in w for w in warnings), warnings


def test_jekylls_liquid_goes_and_code_stays_as_written(tmp_path: Path) -> None:
    a, warnings = _read(tmp_path, "2025-07-18-hoi-nghi.md", JEKYLL)
    texts = [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]
    assert not any("{%" in t or "site.venue" in t or "{:" in t for t in texts), texts
    assert any("`{{ giu_nguyen }}`" in t or "{{ giu_nguyen }}" in t for t in texts), texts  # inline code
    codes = [b for b in a.blocks if isinstance(b, CodeBlock)]
    assert [c.lines for c in codes] == [('print("Xin chào {{ ten }}")',), ('mau = "{% raw %}"',)]
    assert codes[0].language == "python"
    assert any("template tags" in w for w in warnings), warnings


def test_a_pictures_title_is_its_caption_beside_its_alt_text(tmp_path: Path) -> None:
    page = '# Ảnh\n\nMở đầu.\n\n![Cầu về đêm](xe-buyt.png "Cầu Rồng phun lửa. Ảnh: Thu Trang")\n'
    a, _ = _read(tmp_path, "anh.md", page)
    figure = next(b for b in a.blocks if isinstance(b, Figure))
    assert (text_of(figure.caption), figure.credit, figure.alt) == ("Cầu Rồng phun lửa.", "Thu Trang", "Cầu về đêm")


def test_text_that_only_looks_like_templates_stays(tmp_path: Path) -> None:
    """helper-79: the template pass took "{{ và }}", "{{a}}", a colour "{#ff0000}"
    out of sentences, emptied an indented code block and {% raw %}'s content, and
    refused an article whose "+++" lines were its own decoration."""
    plain_page = "# Hướng dẫn\n\nTrong Python, dùng {{ và }} để in dấu ngoặc, và {% for %} lặp.\n"
    a, warnings = _read(tmp_path, "a.md", plain_page)  # no front matter: no site's page
    assert "{{ và }}" in text_of(a.blocks[0].text) and "{% for %}" in text_of(a.blocks[0].text)
    site = ("---\ntitle: Hướng dẫn\n---\n\nDùng {{ và }} và tập {{a}} gồm một phần tử.\n\nMã màu đỏ là {#ff0000}\n\n"
            "{% raw %}\nMẫu {{ page.title }} giữ nguyên.\n{% endraw %}\n\n    ví_dụ = \"{{ site.name }}\"\n")
    a, _ = _read(tmp_path, "b.md", site)
    texts = [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]
    assert texts[:3] == ["Dùng {{ và }} và tập {{a}} gồm một phần tử.", "Mã màu đỏ là {#ff0000}",
                         "Mẫu {{ page.title }} giữ nguyên."], texts
    assert [b.lines for b in a.blocks if isinstance(b, CodeBlock)] == [('ví_dụ = "{{ site.name }}"',)]
    a, warnings = _read(tmp_path, "c.md", "+++\n\nBài viết có dòng trang trí.\n\n+++\n\nĐoạn hai.\n")
    assert [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)][-1] == "Đoạn hai."
    assert any("not TOML" in w for w in warnings), warnings


def test_a_long_run_of_spaces_after_a_tags_opening_is_read_in_linear_time() -> None:
    """helper-79: "{{<" and 30,000 spaces took 20 s (two adjacent "\\s*" in a pattern)."""
    import time

    from bantin.source.markdown import templates

    text = "---\ntitle: x\n---\n\n{{<" + " " * 30_000 + "\n" + "{%" + " " * 30_000 + "\n"
    start = time.process_time()
    templates.rendered(text, lambda _m: None)
    assert time.process_time() - start < 2.0


def test_a_string_of_vietnamese_tags_is_not_cut_at_its_syllables(tmp_path: Path) -> None:
    """helper-78: "tags: xã hội" was two tags, "xã" and "hội" (Jekyll's space rule)."""
    a, _ = _read(tmp_path, "t.md", "---\ntitle: Tin\ntags: xã hội\ncategories: python jekyll\n---\n\nĐoạn.\n")
    assert a.tags == ("xã hội", "python", "jekyll")


KRAMDOWN = '''---
title: Mưa Sài Gòn
---

Những cơn mưa chiều bất chợt là đặc sản của Sài Gòn.

![Mưa trên phố](xe-buyt.png){: .center width="600"}
*Cơn mưa chiều trên đường Nguyễn Huệ.*

* TOC
{:toc}

Xem [bài trước](/mua-he){:target="_blank"} về mùa mưa năm ngoái.
'''


def test_kramdowns_attribute_lists_after_a_picture_or_a_link_go(tmp_path: Path) -> None:
    """helper-155: "![…](a.jpg){: .center}" was a paragraph of its alt text and the
    attributes, the picture lost; "* TOC" over "{:toc}" was a list."""
    a, _ = _read(tmp_path, "2025-07-18-mua.md", KRAMDOWN)
    figures = [b for b in a.blocks if isinstance(b, Figure)]
    assert [(text_of(f.caption), f.image is not None) for f in figures] == [
        ("Cơn mưa chiều trên đường Nguyễn Huệ.", True)]
    texts = [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)]
    assert texts == ["Những cơn mưa chiều bất chợt là đặc sản của Sài Gòn.",
                     "Xem bài trước về mùa mưa năm ngoái."], texts
    assert not any(type(b).__name__ == "ListBlock" for b in a.blocks)


def test_pictures_side_by_side_are_each_a_figure(tmp_path: Path) -> None:
    """helper-155: two pictures on one line were a paragraph of alt texts, and
    without alt texts they were lost."""
    Pillow.new("RGB", (400, 300), (20, 150, 50)).save(tmp_path / "b.png")
    a, _ = _read(tmp_path, "hai-anh.md", "# Hai ảnh\n\nMở đầu.\n\n![](xe-buyt.png) ![](b.png)\n*Ảnh: TTXVN*\n\nHết.\n")
    figures = [b for b in a.blocks if isinstance(b, Figure)]
    assert [f.image is not None for f in figures] == [True, True]
    assert figures[-1].credit == "TTXVN"
    assert [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)] == ["Mở đầu.", "Hết."]


def test_an_alt_text_that_names_a_file_or_only_counts_is_no_caption(tmp_path: Path) -> None:
    """helper-155: GitHub's "image", Notion's "Untitled", a camera's file name were
    printed as captions; the other readers drop them."""
    page = "# Ảnh\n\nMở đầu.\n\n" + "".join(f"![{alt}](xe-buyt.png)\n\n" for alt in (
        "image", "Untitled", "IMG_1234.JPG", "image-20240315123456789", "Cầu Rồng về đêm")) + "Hết.\n"
    a, _ = _read(tmp_path, "anh.md", page)
    figures = [b for b in a.blocks if isinstance(b, Figure)]
    assert [(text_of(f.caption), f.alt) for f in figures] == [("", "")] * 4 + [("Cầu Rồng về đêm", "Cầu Rồng về đêm")]


def test_a_bold_sapo_is_the_lede_beside_a_front_matter_description(tmp_path: Path) -> None:
    """helper-155: the description won, and the bold sapo the page shows stayed in
    the body (printed twice when the two differed)."""
    for description in ("Sapo của bài viết về mưa lớn ở Hà Nội.", "Mô tả cho máy tìm kiếm."):
        page = (f"---\ntitle: Mưa lớn\ndescription: {description}\n---\n\n"
                "**Sapo của bài viết về mưa lớn ở Hà Nội.**\n\nThân bài nói về mưa lớn.\n")
        a, _ = _read(tmp_path, "mua.md", page)
        assert a.lede == "Sapo của bài viết về mưa lớn ở Hà Nội."
        assert [text_of(b.text) for b in a.blocks if isinstance(b, Paragraph)] == ["Thân bài nói về mưa lớn."]
