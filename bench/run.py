"""bantin's benchmark: articles per second per format, against pandoc, memory, start-up.

    python bench/run.py                         # ../shared/corpus if present, else the examples
    python bench/run.py --articles 1000         # the corpus replicated to 1,000 articles
    python bench/run.py --scale 1000,10000      # peak memory at two sizes (flat is the goal)
    python bench/run.py --scheduler local       # also on a Dask LocalCluster of --jobs workers

Each measurement is a fresh ``bantin export`` process, timed from outside, the way a
CI job runs it. Peak memory is the largest resident set of that process tree (the
parent and its workers), read from wait4. pandoc converts the same articles to
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=None, help="replicate the corpus to N articles")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--formats", default=",".join(FOUR))
    ap.add_argument("--no-pandoc", action="store_true")
    ap.add_argument("--scale", default=None, metavar="N,M", help="only compare peak memory at N and M articles")
    ap.add_argument("--scheduler", default=None, metavar="ADDRESS",
                    help="also run all formats on Dask: local (a LocalCluster of --jobs workers) or tcp://HOST:PORT")
    ap.add_argument("--batch-size", type=int, default=50, help="inputs per Dask task")
    args = ap.parse_args()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1754380800"}
    formats = args.formats.split(",")

    with tempfile.TemporaryDirectory(prefix="bantin-bench-") as tmp:
        work = Path(tmp)
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
              f"{', replicated' if args.articles else ''}); {os.cpu_count()} CPUs; jobs {args.jobs}")
        print(f"start-up, bantin --help (median of 10): {startup():.3f} s")
        print()
        print(f"{'format':<22}{'seconds':>9}{'art/s':>9}{'ms/art':>9}{'peak MiB':>10}")
        rates = {}
        for fmt in [*formats, ",".join(formats)]:
            secs, peak, _ = timed(bantin_cmd(fmt, args.jobs, work / "out" / fmt.replace(",", "+"), corpus), env)
            rates[fmt] = n / secs
            print(f"{fmt:<22}{secs:9.2f}{n / secs:9.1f}{1000 * secs / n:9.1f}{peak:10d}")
        total = rates[",".join(formats)]
        if args.jobs > 1:
            secs1, _, _ = timed(bantin_cmd(",".join(formats), 1, work / "out" / "jobs1", corpus), env)
            print(f"{'all, --jobs 1':<22}{secs1:9.2f}{n / secs1:9.1f}{1000 * secs1 / n:9.1f}")
            print(f"\n--jobs {args.jobs} speed-up over --jobs 1: {total / (n / secs1):.2f}x")
        if args.scheduler:
            extra = ("--scheduler", args.scheduler, "--batch-size", str(args.batch_size))
            secs_d, peak_d, _ = timed(bantin_cmd(",".join(formats), args.jobs, work / "out" / "dask", corpus, *extra),
                                      env)
            secs_p = n / total
            print(f"\nDask ({args.scheduler}, {args.jobs} workers, batches of {args.batch_size}): {secs_d:.2f} s, "
                  f"{n / secs_d:.1f} art/s, client peak {peak_d} MiB; --jobs {args.jobs}: {secs_p:.2f} s, "
                  f"{total:.1f} art/s; overhead {secs_d - secs_p:+.2f} s "
                  f"({1000 * (secs_d - secs_p) / n:+.1f} ms/art, cluster start-up included)")
        if not args.no_pandoc:
            docx = pandoc(corpus, work / "pandoc", "docx")
            epub = pandoc(corpus, work / "pandoc", "epub")
            if docx is None or epub is None:
                print("\npandoc not installed: no comparison")
            else:
                both = docx + epub
                print(f"\npandoc, one process per file: docx {1000 * docx:.1f} ms/art, epub {1000 * epub:.1f} ms/art, "
                      f"both {1 / both:.1f} art/s")
                print(f"bantin ({','.join(formats)}, jobs {args.jobs}) / pandoc (docx+epub): {total * both:.2f}x")


if __name__ == "__main__":
    main()
