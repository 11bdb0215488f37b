"""Time and peak memory of the web reader on big saved pages: linear is the goal.

    python bench/big_html.py                      # 2, 8 and 48 MB, both kinds
    python bench/big_html.py --sizes 0.5,2 --kinds text

Two kinds of page, made in memory (nothing is written to disk):

- ``text``: a news article's paragraphs, picture, table and related-news box,
  repeated to the size: more text than any article, which the reader refuses;
- ``saved``: one article of some 900 words, saved "complete" with its scripts,
  style sheets and pictures inlined as ``data:`` addresses up to the size, as
  SingleFile and "Save page as" make them: the article must come out whole.

Each page is read in a process of its own (imports paid before the clock
starts), so each peak resident size is that page's alone.
"""

from __future__ import annotations

import argparse
import base64
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEAD = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Giá lúa tăng - Báo Mẫu</title>'
        '<meta property="og:type" content="article"><meta property="og:title" content="Giá lúa tăng">'
        '<meta property="og:site_name" content="Báo Mẫu">{extra}</head><body><div class="header">'
        '<a href="/">Trang chủ</a></div><article><h1>Giá lúa tăng</h1>'
        '<p class="sapo">Giá lúa tại các tỉnh miền Tây tăng nhẹ trong tuần qua.</p>')
UNIT = ('<p>Giá lúa tại các tỉnh miền Tây tăng nhẹ trong tuần qua nhờ nhu cầu xuất khẩu gạo phục hồi rõ rệt, '
        'nông dân ở <a href="/dong-thap">Đồng Tháp</a> và <b>An Giang</b> phấn khởi khi thương lái đến tận ruộng.</p>'
        '<figure><img src="{src}" alt="Ruộng lúa"><figcaption>Nông dân thu hoạch lúa (Ảnh: Minh Tâm)</figcaption>'
        '</figure><p>Theo Sở Nông nghiệp, diện tích xuống giống vụ mới đạt hơn 90% kế hoạch, năng suất bình quân '
        'ước 6,5 tấn/ha.</p><div class="related"><h3>Tin liên quan</h3><ul><li><a href="/a.html">Giá gạo xuất '
        'khẩu lên cao nhất</a></li><li><a href="/b.html">Nông dân miền Tây lãi lớn vụ hè thu</a></li></ul></div>'
        '<table><tr><th>Tỉnh</th><th>Giá (đồng/kg)</th></tr><tr><td>An Giang</td><td>7.200</td></tr></table>')
TAIL = '</article><div class="footer">Bản quyền © Báo Mẫu</div></body></html>'
SAVED_UNITS = 20  # an article of some 900 words


def page(kind: str, size: int) -> bytes:
    if kind == "text":
        head, tail = HEAD.format(extra=""), TAIL
        unit = UNIT.format(src="anh/lua.jpg")
        n = max(1, (size - len(head) - len(tail)) // len(unit.encode()))
        return (head + unit * n + tail).encode()
    picture = "data:image/jpeg;base64," + base64.b64encode(bytes(range(256)) * 1200).decode()
    script = "<script>window.__STATE__=" + json.dumps({"k": "v" * 200_000}) + ";</script>"
    style = "<style>" + ".a{color:red}" * 20_000 + "</style>"
    body = "".join(UNIT.format(src=picture if i % 4 == 0 else "anh/lua.jpg") for i in range(SAVED_UNITS))
    fixed = len(HEAD) + len(body) + len(TAIL)
    blobs = max(0, (size - fixed) // (len(script) + len(style)))
    return (HEAD.format(extra=(style + script) * blobs) + body + TAIL).encode()


CHILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
from big_html import page
from bantin.errors import BantinError
from bantin.source import read
read(page("saved", 200_000), source_format="html")  # imports and caches, untimed
data = page({kind!r}, {size})
t0 = time.perf_counter()
try:
    doc = read(data, source_format="html")
    outcome = f"article, {{len(doc.blocks)}} blocks"
except BantinError as e:
    outcome = f"refused: {{e}}"
t = time.perf_counter() - t0
print(f"{{t:.2f}}\\t{{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}}\\t{{outcome}}")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2,8,48", help="megabytes")
    ap.add_argument("--kinds", default="text,saved")
    args = ap.parse_args()
    for kind in args.kinds.split(","):
        for mb in (float(s) for s in args.sizes.split(",")):
            code = CHILD.format(root=str(ROOT), bench=str(ROOT / "bench"), kind=kind, size=int(mb * 1e6))
            r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
            if r.returncode:
                print(f"{kind:<6}{mb:>6.1f} MB  failed: {r.stderr.strip().splitlines()[-1:]}")
                continue
            seconds, rss, outcome = r.stdout.strip().split("\t", 2)
            print(f"{kind:<6}{mb:>6.1f} MB  {float(seconds):7.2f} s  peak {int(rss):5d} MiB  {outcome[:110]}")


if __name__ == "__main__":
    main()
