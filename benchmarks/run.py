"""Speed benchmark: import time, one-article cold start, words per second.

    python benchmarks/run.py [--quick] [--jobs 1,2]

Prints a Markdown table. Runs the installed ``factlint`` command the way a
user or pre-commit does (a fresh process each time). The corpus rows read
../shared/corpora/news (see its README); they are skipped if it is absent.
Targets (not tests): import <= 80 ms, one article cold <= 100 ms (half
of proselint's ~0.2 s on these machines), over 350k words/s with every
rule on.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3c3a6071b36f80b8.txt"
NEWS = ROOT.parent / "shared" / "corpora" / "news"
# The factlint beside this Python (a virtualenv's), else the one on PATH.
_BESIDE = Path(sys.executable).parent / "factlint"
FACTLINT = str(_BESIDE) if _BESIDE.exists() else (shutil.which("factlint") or "factlint")


def import_ms(runs: int) -> float:
    times = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import factlint"],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in proc.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() == "factlint":
                times.append(int(parts[1]) / 1000)
    return statistics.median(times)


def cold_ms(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([FACTLINT, *args], capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def count_words(folder: Path) -> tuple[int, int]:
    files = words = 0
    for path in folder.rglob("*"):
        if path.suffix in (".txt", ".md") and path.is_file():
            files += 1
            words += len(path.read_text(encoding="utf-8", errors="replace").split())
    return files, words


def corpus_run(folder: Path, jobs: int | None) -> tuple[float, float]:
    """Seconds and peak MB of ``factlint check --select ALL`` on ``folder``."""
    args = [
        FACTLINT,
        "check",
        "--isolated",
        "--select",
        "ALL",
        "--format",
        "json",
        "--output",
        os.devnull,
    ]
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([*args, str(folder)], capture_output=True, check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def supports_jobs() -> bool:
    out = subprocess.run([FACTLINT, "check", "--help"], capture_output=True, text=True).stdout
    return "--jobs" in out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, BBC only")
    parser.add_argument(
        "--jobs", default="1,2", help="comma-separated worker counts for corpus rows"
    )
    args = parser.parse_args()
    runs = 3 if args.quick else 7

    cpu = platform.processor()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            ln.split(":", 1)[1]
            for ln in cpuinfo.read_text().splitlines()
            if ln.startswith("model name")
        ]
        cpu = re.sub(r"\s+", " ", names[0]).strip() if names else cpu
    print(f"Machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}\n")
    print("| measurement | value | target |")
    print("| --- | --- | --- |")
    print(f"| `import factlint` (-X importtime) | {import_ms(runs):.1f} ms | <= 80 ms |")
    one = cold_ms(["check", str(SEED)], runs)
    print(f"| `factlint check` one article, cold (median of {runs}) | {one:.0f} ms | <= 100 ms |")
    all_rules = cold_ms(["check", "--select", "ALL", str(SEED)], runs)
    print(f"| same, `--select ALL` | {all_rules:.0f} ms | <= 100 ms |")
    if not NEWS.is_dir():
        print(f"\n(corpus rows skipped: {NEWS} not found)")
        return
    folders = (
        [NEWS / "bbc"] if args.quick else [NEWS / "bbc", NEWS / "polnear", NEWS / "reuters", NEWS]
    )
    job_counts: list[int | None] = (
        [int(j) for j in args.jobs.split(",")] if supports_jobs() else [None]
    )
    print("\n| corpus (every rule on) | files | words | jobs | seconds | words/s | peak MB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for folder in folders:
        files, words = count_words(folder)
        for jobs in job_counts:
            seconds, peak = corpus_run(folder, jobs)
            name = folder.relative_to(NEWS.parent) if folder != NEWS else "news (all)"
            print(
                f"| {name} | {files:,} | {words:,} | {jobs or 1} | {seconds:.1f} |"
                f" {words / seconds:,.0f} | {peak:.0f} |"
            )


if __name__ == "__main__":
    main()
