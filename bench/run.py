"""bantin's benchmark: articles per second per format, against pandoc, memory, start-up.

    python bench/run.py                         # ../shared/corpus if present, else the examples
    python bench/run.py --articles 1000         # the corpus replicated to 1,000 articles
    python bench/run.py --memory '' --huge ''   # the quick part only
    python bench/run.py --scale 1000,10000      # only peak memory at two sizes (flat is the goal)
    python bench/run.py --scheduler local       # also on a Dask LocalCluster of --jobs workers

Each measurement is a fresh ``bantin export`` process, timed from outside, the way a
CI job runs it; a speed row is the median of --repeat runs. The runs use their own
cache directory (``bantin.style.cache``): the first run fills it, and its time is shown
as "cold cache"; the rows after it are what every later run of a CI job costs.
bantin's modules are byte-compiled first, as ``pip install`` does (an editable
install under PYTHONDONTWRITEBYTECODE would recompile them in every process). Peak
memory is the largest resident set of that process tree (the parent and its
workers), read from wait4. pandoc converts the same articles to
docx and to epub one process per file, the way users run it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FOUR = ("pdf", "docx", "epub", "txt")


def sources() -> list[Path]:
    if CORPUS.is_dir():
        return sorted(CORPUS.rglob("*.txt"))
    return sorted(p for p in (ROOT / "examples").glob("*") if p.suffix in (".txt", ".json"))


def build_corpus(dest: Path, articles: int | None) -> int:
    files = sources()
    n = articles or len(files)
    for i in range(n):
        src = files[i % len(files)]
        sub = dest / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, sub / f"{i:05d}-{src.stem}{src.suffix}")
    return n


def median_of(repeat: int, cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Median wall seconds and largest peak MiB over ``repeat`` runs: this shared
    machine's timings drift by a fifth between single runs."""
    runs = [timed(cmd, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MiB of the process tree, exit status."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss // 1024, proc.returncode


def bantin_cmd(fmts: str, jobs: int, out: Path, corpus: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "bantin", "export", "-q", "-f", fmts, "--jobs", str(jobs),
            "-o", str(out), *extra, str(corpus)]


def startup() -> float:
    runs = []
    for _ in range(10):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bantin", "--help"], capture_output=True, check=True)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def pandoc(corpus: Path, out: Path, fmt: str) -> float | None:
    exe = shutil.which("pandoc")
    if not exe:
        return None
    files = sorted(p for p in corpus.rglob("*.txt"))
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for f in files:
        subprocess.run([exe, "-f", "markdown", "-t", fmt, "--metadata", f"title={f.stem}", "-o",
                        str(out / f"{f.stem}.{fmt}"), str(f)], capture_output=True, check=True)
    return (time.perf_counter() - t0) / len(files)


def sizes(out: Path) -> dict[str, tuple[int, int]]:
    """Median and largest output per format, in bytes."""
    found: dict[str, list[int]] = {}
    for f in out.rglob("*.*"):
        found.setdefault(f.suffix[1:], []).append(f.stat().st_size)
    return {k: (int(statistics.median(v)), max(v)) for k, v in sorted(found.items())}


def huge(work: Path, env: dict[str, str], sizes_: list[int]) -> None:
    """A one-line scraped article of each size, every format, each its own process."""
    sentence = "Đây là một câu tiếng Việt dài vừa phải, như một trang báo cào về không có dấu xuống dòng. "
    print("\nhuge one-line article, seconds per format (one process each, start-up included)")
    print(f"{'size':>8}" + "".join(f"{f:>9}" for f in FOUR))
    for n in sizes_:
        src = work / f"huge-{n}.txt"
        chars = n * len(sentence) // len(sentence.encode())  # n bytes of UTF-8
        src.write_text("Tiêu đề\n" + (sentence * (n // len(sentence) + 1))[:chars] + "\n", encoding="utf-8")
        row = [timed(bantin_cmd(f, 1, work / "huge-out", src), env)[0] for f in FOUR]
        print(f"{src.stat().st_size / 1e6:>6.2f}MB" + "".join(f"{s:>9.2f}" for s in row))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=None, help="replicate the corpus to N articles")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--formats", default=",".join(FOUR))
    ap.add_argument("--repeat", type=int, default=3, help="runs per speed row (the median is shown)")
    ap.add_argument("--no-pandoc", action="store_true")
    ap.add_argument("--scale", default=None, metavar="N,M", help="only compare peak memory at N and M articles")
    ap.add_argument("--scheduler", default=None, metavar="ADDRESS",
                    help="also run all formats on Dask: local (a LocalCluster of --jobs workers) or tcp://HOST:PORT")
    ap.add_argument("--batch-size", type=int, default=50, help="inputs per Dask task")
    ap.add_argument("--huge", default="350000,700000,1400000", metavar="BYTES,...",
                    help="sizes of the one-line huge article ('' to skip)")
    ap.add_argument("--memory", default="1000,10000", metavar="N,M",
                    help="peak memory at N and M articles, all formats ('' to skip)")
    args = ap.parse_args()
    formats = args.formats.split(",")
    import bantin

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(bantin.__file__).parent)], check=True)

    with tempfile.TemporaryDirectory(prefix="bantin-bench-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1754380800", "BANTIN_CACHE_DIR": str(work / "cache")}
        if args.scale:
            peaks = []
            for n in (int(x) for x in args.scale.split(",")):
                corpus = work / f"corpus-{n}"
                build_corpus(corpus, n)
                secs, peak, _ = timed(bantin_cmd(",".join(formats), args.jobs, work / f"out-{n}", corpus), env)
                peaks.append(peak)
                print(f"{n:>6} articles  {args.formats:<20} jobs {args.jobs}  {secs:7.1f} s  "
                      f"{n / secs:6.1f} art/s  peak {peak} MiB")
                shutil.rmtree(corpus)
                shutil.rmtree(work / f"out-{n}")
            print(f"peak memory ratio: {max(peaks) / min(peaks):.3f}")
            return

        corpus = work / "corpus"
        n = build_corpus(corpus, args.articles)
        print(f"corpus: {n} articles ({'../shared/corpus' if CORPUS.is_dir() else 'examples'}"
              f"{', replicated' if args.articles else ''}); {os.cpu_count()} CPUs; SOURCE_DATE_EPOCH set")
        print(f"start-up, bantin --help (median of 10): {startup():.3f} s")
        pandoc_both = None
        if not args.no_pandoc:
            docx = pandoc(corpus, work / "pandoc", "docx")
            epub = pandoc(corpus, work / "pandoc", "epub")
            if docx is not None and epub is not None:
                pandoc_both = docx + epub
                print(f"pandoc, one process per file: docx {1000 * docx:.1f} + epub {1000 * epub:.1f} "
                      f"= {1000 * pandoc_both:.1f} ms/art")
        all_formats = ",".join(formats)
        cold, _, _ = timed(bantin_cmd(all_formats, 1, work / "out" / "cold", corpus), env)
        print(f"cold cache (the first run only), {all_formats}, --jobs 1: {cold:.2f} s, "
              f"{1000 * cold / n:.1f} ms/art")
        for jobs in sorted({1, args.jobs}):
            print(f"\n--jobs {jobs}: one process over the corpus, start-up included, median of {args.repeat}")
            print(f"{'format':<22}{'seconds':>9}{'art/s':>9}{'ms/art':>9}{'core-ms/art':>12}{'peak MiB':>10}")
            for fmt in [*formats, all_formats]:
                out = work / "out" / f"{jobs}-{fmt.replace(',', '+')}"
                secs, peak = median_of(args.repeat, bantin_cmd(fmt, jobs, out, corpus), env)
                print(f"{fmt:<22}{secs:9.2f}{n / secs:9.1f}{1000 * secs / n:9.1f}{1000 * secs * jobs / n:12.1f}"
                      f"{peak:10d}")
            if pandoc_both:
                print(f"bantin ({all_formats}) / pandoc (docx+epub), --jobs {jobs}: "
                      f"{pandoc_both / (secs / n):.2f}x")
        print("\noutput size, median / largest (KB):")
        for fmt, (median, largest) in sizes(work / "out" / f"1-{all_formats.replace(',', '+')}").items():
            print(f"  {fmt:<6}{median / 1024:8.1f} {largest / 1024:8.1f}")
        review = work / "review"
        build_corpus(review, 100)
        print("\nthe điểm báo of 100 articles (--digest --bundle, one process, --jobs 1):")
        for fmt in [*formats, all_formats]:
            secs, _, _ = timed(bantin_cmd(fmt, 1, work / "out-review" / fmt.replace(",", "+"), review,
                                          "--digest", "--bundle", "Điểm báo"), env)
            print(f"  {fmt:<20}{secs:7.2f} s")
        bad = work / "bad"
        bad.mkdir()
        for k in range(2):
            (bad / f"hong-{k}.txt").write_bytes(b"\x00binary")
        secs_bad, _, _ = timed(bantin_cmd(all_formats, 1, work / "out-bad", bad), env)
        print(f"\na run whose 2 inputs all fail: {secs_bad:.2f} s")
        if args.huge:
            huge(work, env, [int(x) for x in args.huge.split(",")])
        if args.scheduler:
            total = n / timed(bantin_cmd(all_formats, args.jobs, work / "out" / "again", corpus), env)[0]
            extra = ("--scheduler", args.scheduler, "--batch-size", str(args.batch_size))
            secs_d, peak_d, _ = timed(bantin_cmd(all_formats, args.jobs, work / "out" / "dask", corpus, *extra), env)
            secs_p = n / total
            print(f"\nDask ({args.scheduler}, {args.jobs} workers, batches of {args.batch_size}): {secs_d:.2f} s, "
                  f"{n / secs_d:.1f} art/s, client peak {peak_d} MiB; --jobs {args.jobs}: {secs_p:.2f} s, "
                  f"{total:.1f} art/s; overhead {secs_d - secs_p:+.2f} s "
                  f"({1000 * (secs_d - secs_p) / n:+.1f} ms/art, cluster start-up included)")
        if args.memory:
            print()
            peaks = []
            for m in (int(x) for x in args.memory.split(",")):
                big = work / f"corpus-{m}"
                build_corpus(big, m)
                secs, peak, _ = timed(bantin_cmd(all_formats, args.jobs, work / f"out-{m}", big), env)
                peaks.append(peak)
                print(f"memory: {m:>6} articles, --jobs {args.jobs}: {secs:7.1f} s, peak {peak} MiB")
                shutil.rmtree(big)
                shutil.rmtree(work / f"out-{m}")
            print(f"peak memory ratio: {max(peaks) / min(peaks):.3f}")

if __name__ == "__main__":
    main()
