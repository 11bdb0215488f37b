"""Helpers the tests share: the real clients (poppler, pandoc, epubcheck, LibreOffice),
word extraction for "every word reaches every output, in order", and the corpus."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = CORPUS / "seed" / "kien-hung.txt"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="../shared/corpus/seed is not here")


def require(tool: str) -> str:
    """The path of a real client. In CI a missing client fails the test (the CI
    script installs them all); on a developer machine it skips with the reason."""
    path = EPUBCHECK if tool == "epubcheck" else shutil.which(tool)
    if path and Path(path).exists():
        return str(path)
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is not installed; .ci/run must install it")
    pytest.skip(f"{tool} is not installed")


def run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=300, **kw)  # type: ignore[call-overload]


def checkout_env() -> dict[str, str]:
    """The environment with this checkout first on the path: a child process (a
    run in another folder, a Dask worker) must not import another installed copy
    of bantin."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


def bantin(*args: str, env: dict[str, str] | None = None, input: bytes | None = None,
           cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    full_env = {**checkout_env(), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bantin", *args], capture_output=True, env=full_env, input=input,
        check=False, timeout=600, cwd=cwd,
    )


def words(text: str) -> list[str]:
    # NFKC: a raised or lowered digit (m², H₂O) is the same word as the digit.
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def span_words(text: tuple[object, ...]) -> list[str]:
    """The words of rich text; a note's mark stands apart from the word it follows
    ("đúng[1]", "đúng^1")."""
    return words("".join(f" {s.text} " if getattr(s, "note", None) else s.text for s in text))  # type: ignore[attr-defined]


def assert_in_order(expected: list[str], actual_text: str, what: str = "output") -> None:
    """Every expected word appears in the output, in the same order."""
    actual = words(actual_text)
    i = 0
    for n, w in enumerate(expected):
        while i < len(actual) and actual[i] != w:
            i += 1
        if i == len(actual):
            context = " ".join(expected[max(0, n - 8): n + 3])
            raise AssertionError(f"{what}: word {n} {w!r} missing or out of order (near: …{context}…)")
        i += 1


def pdftotext(path: Path) -> str:
    return run([require("pdftotext"), "-enc", "UTF-8", str(path), "-"]).stdout


def word_boxes(path: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, left, top, right, word) of every word of a PDF, by pdftotext -bbox."""
    html = run([require("pdftotext"), "-bbox", str(path), "-"]).stdout
    out = []
    for n, page in enumerate(html.split("<page ")[1:]):
        for x0, y0, x1, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<', page):
            out.append((n, float(x0), float(y0), float(x1), w))
    return out


def word_lines(path: Path) -> list[list[tuple[float, float, str]]]:
    """The lines of a PDF, page by page and top to bottom, each its words as
    poppler boxes them: (left, right, word), left to right."""
    lines: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for page, x0, y0, x1, word in word_boxes(path):
        lines.setdefault((page, round(y0)), []).append((x0, x1, word))
    return [sorted(ws) for _, ws in sorted(lines.items())]


def gaps(line: list[tuple[float, float, str]]) -> list[float]:
    """The spaces seen between a line's words."""
    return [b[0] - a[1] for a, b in zip(line, line[1:], strict=False)]


def body_space(style: str = "default") -> tuple[float, float]:
    """(size, width of one word space) of the style's body text in the PDF: the
    normal space, which a justified line's gaps are measured against."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from bantin.exporters.pdf.fonts import fonts
    from bantin.exporters.roles import roles
    from bantin.style.stylesheet import load

    sheet = load(style)
    size = roles(sheet)["body"].size
    return size, stringWidth(" ", fonts(sheet).body, size)


def pandoc_plain(path: Path, fmt: str) -> str:
    r = run([require("pandoc"), "-s", "-f", fmt, "-t", "plain", "--wrap=none", str(path)])
    assert r.returncode == 0, r.stderr
    return r.stdout


def read_back(path: Path) -> str:
    """An output's words as a real client reads them: the text as written,
    pandoc for DOCX and EPUB, pdftotext for PDF; runs of white space (no-break
    spaces too) as one space."""
    suffix = path.suffix[1:]
    text = (path.read_text(encoding="utf-8") if suffix == "txt" else pdftotext(path) if suffix == "pdf"
            else pandoc_plain(path, suffix))
    return " ".join(text.replace("\u00a0", " ").split())


class _Epubcheck:
    """One epubcheck JVM per test process, fed one book at a time
    (``EpubcheckMany.java`` reading standard input). A JVM's start and warm-up
    cost about 4 s and 7 s of CPU; a check in a warm one, a fraction of a second.
    A JVM that stopped is started again; it is closed when the process exits."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None

    def _start(self, jar: str) -> subprocess.Popen[str]:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(
                # The quick compiler alone and one collector thread: half the CPU of
                # the defaults for a start-up, and no slower over a corpus.
                ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", jar,
                 str(Path(__file__).with_name("EpubcheckMany.java"))],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                encoding="utf-8", bufsize=1)
            atexit.register(self.close)
        return self.proc

    def check(self, path: Path) -> str:
        proc = self._start(require("epubcheck"))
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(f"{path}\n")
        proc.stdin.flush()
        report: list[str] = []
        hung = threading.Timer(300, proc.kill)  # as run()'s timeout: a stuck check ends the JVM
        hung.start()
        try:
            for line in proc.stdout:
                if line == "=== end\n":
                    return "".join(report[1:])  # less the "=== path" marker
                report.append(line)
        finally:
            hung.cancel()
        raise AssertionError(f"epubcheck stopped while checking {path}: {''.join(report)[-2000:]}")

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


_epubcheck = _Epubcheck()


def epubcheck(path: Path) -> str:
    """epubcheck's report on one book, from this process's warm JVM."""
    return _epubcheck.check(path)


def soffice_pdf(docx: Path, outdir: Path) -> Path:
    return soffice(docx, outdir, "pdf")


def soffice(doc: Path, outdir: Path, to: str) -> Path:
    """``doc`` opened and saved by LibreOffice as ``to`` ("pdf", or "docx:MS Word
    2007 XML" for a Word file saved as an editor saves it), in ``outdir``."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        require("soffice")
    profile = outdir / "lo-profile"
    r = run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
             "--outdir", str(outdir), str(doc)], env={**os.environ, "HOME": str(outdir)})
    out = outdir / (doc.stem + "." + to.split(":")[0])
    # soffice exits 0 even when it could not load the file: the output must exist.
    assert out.is_file(), f"LibreOffice made no {to}: {r.stdout} {r.stderr}"
    return out


def pdffonts(path: Path) -> list[dict[str, str]]:
    out = run([require("pdffonts"), str(path)]).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        # name type... encoding emb sub uni objectID gen: read from the right.
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3],
                     "line": line})
    return rows


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted((CORPUS / "real").glob("*.txt"))


def corpus_sample() -> list[Path]:
    """One article of each of the corpus's three shapes (one sentence a line,
    one-line bodies, header blocks): what the fast lane checks where a slow sweep
    checks them all."""
    files = corpus_files()
    shapes = ("vims", "baomoi", "vnmds") if files else ()
    return [next(f for f in files if f.name.startswith(shape)) for shape in shapes]


def model_words(doc: object, with_front: bool = False, caption_last: bool = False) -> list[str]:
    """The words of a document in reading order: what every output must carry.
    Blocks inside list items, quotes, cells and notes come where their container
    is; the notes after the byline. ``caption_last``: a table's caption after its
    rows, where pandoc puts an HTML table's <caption>."""
    from bantin.model import articles_of

    out: list[str] = []
    for a in articles_of(doc):  # type: ignore[arg-type]
        out += words(a.title)
        if with_front:
            if a.dateline and a.dateline.time and not (a.lede or "").startswith(a.dateline.time):
                out += words(a.dateline.time)
            if a.dateline and a.dateline.place:
                out += words(a.dateline.place)
            if a.outlet and a.outlet.code:
                out += words(a.outlet.code)
        out += words(a.lede or "")
        out += blocks_words(a.blocks, caption_last)
        out += words(a.byline or "")
        for note in a.notes:
            out += blocks_words(note.blocks, caption_last)
    return out


def blocks_words(blocks: tuple[object, ...], caption_last: bool = False) -> list[str]:
    from bantin.model import CodeBlock, Figure, Heading, ListBlock, Paragraph, Quote, Table, text_of

    out: list[str] = []
    for b in blocks:
        if isinstance(b, (Heading, Paragraph)):
            out += span_words(b.text)
        elif isinstance(b, ListBlock):
            for item in b.items:
                out += blocks_words(item.blocks, caption_last)
        elif isinstance(b, Quote):
            out += blocks_words(b.blocks, caption_last) + words(b.attribution or "")
        elif isinstance(b, Figure):
            out += words(text_of(b.caption)) + (words("Ảnh " + b.credit) if b.credit else [])
        elif isinstance(b, Table):
            cells = [w for p in b.placed() for w in blocks_words(p.cell.blocks, caption_last)]
            caption = words(text_of(b.caption))
            out += cells + caption if caption_last else caption + cells
        elif isinstance(b, CodeBlock):
            out += words(" ".join(b.lines))
    return out


EPOCH = "1754380800"  # 2025-08-05


def example_stems() -> list[str]:
    stems = sorted(p.stem for p in EXAMPLES.glob("*") if p.suffix in (".txt", ".json"))
    return stems + (["kien-hung"] if SEED.is_file() else [])


def load_json(path: Path) -> object:
    from bantin.model.serialize import loads

    return loads(path.read_text(encoding="utf-8"))


def zip_text(path: Path, name: str) -> str:
    """One part of a DOCX or EPUB, as text."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def example_tree(src: Path, copies: int) -> Path:
    """``copies`` folders, each with every example .txt: a tree for bulk runs."""
    for i in range(copies):
        d = src / f"nhom-{i:02d}"
        d.mkdir(parents=True)
        for f in EXAMPLES.glob("*.txt"):
            (d / f.name).write_bytes(f.read_bytes())
    return src


def assert_stopped_cleanly(out: Path) -> None:
    """After an interrupt: no temporary file left, and the manifest (if any) valid,
    naming only outputs that exist (its paths are relative to the output folder)."""
    import json
    import time

    time.sleep(0.5)
    if not out.exists():
        return
    left = [p for p in out.rglob("*") if p.name.endswith(".part")]
    assert not left, left  # which output's temporary file, to tell the writer that left it
    manifest = out / ".bantin-manifest.json"
    if manifest.exists():
        for entry in json.loads(manifest.read_text())["entries"].values():
            assert entry["outputs"] and all((out / p).is_file() for p in entry["outputs"]), entry


# Lines of the shapes newsroom text holds, for documents made at random.
FRAGMENTS = [
    "(PNTĐ) - Sáng 5/8, hội nghị khai mạc.", "HÀ NỘI (TTXVN) – Chiều 2/9, đoàn công tác đến.", "TTO -",
    "Một câu bình thường kết thúc bằng dấu chấm.", "Tiêu đề phụ ngắn", "Thứ nhất, làm tốt.", "Thứ hai, làm nhanh.",
    "- gạch đầu dòng", "1. mục một", "“Trích dẫn đứng riêng”", "— Người nói", "Ảnh: Vi Thảo",
    "Hội nghị diễn ra. (Ảnh: TTXVN)", "* * *", "./.", "Minh Châu", "Hòa Lê (T/h)", "...", "“", "Ảnh:",
    "Câu dính liền.Câu sau viết hoa.", "Số tiền 958.700", "USD được chuyển.", "GD&TĐ - Bộ ra quy chế.", "",
    "  ", "13/05/2017 10:28 GMT+7", "Title: không phải khối tiêu đề", "a < b & c > d", "x" * 50,
]


def digest_articles(count: int) -> tuple[object, ...]:
    """``count`` short articles of different stories (copies of one story would
    collapse into one digest entry), each with a two-line title, an outlet, a
    lede and four sentences of its own words."""
    import random

    from bantin.model import Article, Outlet, Paragraph, plain

    pool = ("tỉnh huyện xã thôn bản nông dân doanh nghiệp hợp tác xã sản lượng giá bán thị trường xuất khẩu "
            "nhập khẩu mùa vụ thời tiết hạn hán lũ lụt giống mới phân bón thủy lợi kênh mương cán bộ kỹ thuật "
            "hội thảo chính sách vốn vay ngân hàng lãi suất hợp đồng bao tiêu chế biến kho lạnh cảng biển "
            "đường bộ chợ đầu mối siêu thị người tiêu dùng chất lượng tiêu chuẩn chứng nhận truy xuất").split()

    def words(seed: int, n: int) -> str:
        return " ".join(random.Random(seed).choices(pool, k=n)).capitalize()

    return tuple(Article(f"Tin số {n}: xuất khẩu nông sản của tỉnh trong tháng vượt kế hoạch đề ra từ đầu năm",
                         lede=f"{words(n, 14)} tăng mạnh nhờ thời tiết thuận lợi và giá bán cao.",
                         outlet=Outlet(None, f"Báo số {n}"),
                         blocks=tuple(Paragraph(plain(f"{words(n * 10 + k, 30)}.")) for k in range(4)))
                 for n in range(1, count + 1))


def style_property(styles_xml: str, style_id: str, tag: str, attr: str = "w:val") -> str | None:
    """A Word style's value of a run property (``"w:sz"``), as Word resolves it: its
    own, else that of the style it is based on, and so on up to the defaults."""
    import re as _re

    seen: set[str] = set()
    sid: str | None = style_id
    while sid and sid not in seen:
        seen.add(sid)
        block = _re.search(rf'<w:style [^>]*w:styleId="{sid}".*?</w:style>', styles_xml, _re.S)
        if block is None:
            break
        rpr = _re.search(r"<w:rPr>(.*?)</w:rPr>", block.group(0), _re.S)
        found = _re.search(rf'<{tag} [^>]*{attr}="([^"]*)"', rpr.group(1)) if rpr else None
        if found:
            return found.group(1)
        based = _re.search(r'<w:basedOn w:val="([^"]+)"/>', block.group(0))
        sid = based.group(1) if based else None
    defaults = _re.search(r"<w:rPrDefault>(.*?)</w:rPrDefault>", styles_xml, _re.S)
    found = _re.search(rf'<{tag} [^>]*{attr}="([^"]*)"', defaults.group(1)) if defaults else None
    return found.group(1) if found else None


def read_web(tmp_path: Path, title: str, body: str) -> object:
    """The article bantin reads from a page written for a test: ``title`` as its
    <title> and <h1>, then ``body`` inside <article>."""
    import bantin

    page = tmp_path / "p.html"
    page.write_text(f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head>'
                    f"<body><article><h1>{title}</h1>{body}</article></body></html>", encoding="utf-8")
    return bantin.read(page)


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: a base letter it holds (â, ơ, đ, …)
    followed by a combining tone mark, since most toned letters have no byte."""
    out = []
    for c in text:
        base = "".join(x for x in unicodedata.normalize("NFD", c) if x not in TONES)
        tone = "".join(x for x in unicodedata.normalize("NFD", c) if x in TONES)
        out.append(c if tone == "" else unicodedata.normalize("NFC", base) + tone)
    return "".join(out).encode("cp1258")
