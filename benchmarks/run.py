"""Speed beside the anchors: factlint, proselint and textlint on the same files, in one run.

    pip install -e '.[bench]'          # proselint from PyPI
    python benchmarks/run.py           # the table (about two minutes on 2 cores)
    python benchmarks/run.py --quick   # fewer repetitions, a smaller news sample
    git archive main | tar -x -C /tmp/before && python benchmarks/run.py --before /tmp/before
                                       # the code before a change too, in the same run

Every tool runs as a user or pre-commit runs it: a fresh process over the
same files, timed from outside (wall clock), the runs alternating between
the tools so that a machine that gets busier slows them all alike. Each
tool runs once before timing (it writes its bytecode cache, as an install
does; ``PYTHONDONTWRITEBYTECODE`` is cleared for the children). The table
gives medians and each tool's ratio to proselint.

Workloads (the corpus rows read ../shared/corpora/news, see its README; they
are skipped when it is absent):

- one seed article, cold: the pre-commit case (``factlint check`` with its
  default rules, as a hook runs it, and with every rule). The warm-up run
  fills factlint's pattern cache (see ``factlint.lazy``), as the first
  commit does; "no pattern cache" (``FACTLINT_NO_CACHE=1``) shows a run
  that compiles every pattern it needs. The cache is a fresh folder of this
  run's (``FACTLINT_CACHE_DIR``), not the user's: a developer's own cache
  holds every pattern of every version of the code they ran, and reading it
  would be timed too;
- polnear/dev: 179 full-length US election stories;
- a news sample: every ``--every``-th story (default 8) of bbc, reuters and
  polnear (train and dev), in path order: the whole folder (24,000 stories,
  5.5M words) takes proselint about four minutes a run, too slow for a
  benchmark.

factlint runs with every rule on (``--select ALL``: the off-by-default
FL001, FL202 and FL501 too) and JSON output to /dev/null, with one job and
with two. proselint runs its default checks (it has no jobs option);
textlint 15.8 runs two rules (write-good, terminology) and needs ``node``
and ``npm``: it is installed once into ``--textlint-dir`` (default
/tmp/factlint-bench-textlint) and skipped with a note when that fails.

Goals (issue 17): one article cold <= 0.5x proselint's time; every rule,
one job, >= 10x proselint's words/s and >= 3x textlint's; two jobs >= 1.7x
one job.
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
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3c3a6071b36f80b8.txt"
NEWS = ROOT.parent / "shared" / "corpora" / "news"
BIN = Path(sys.executable).parent
TEXTLINT_VERSION = "15.8"
TEXTLINT_RULES = ("write-good", "terminology")


def _tool(name: str) -> str | None:
    beside = BIN / name
    return str(beside) if beside.exists() else shutil.which(name)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("FACTLINT_NO_CACHE", None)  # the "no pattern cache" row sets it
    env["NO_COLOR"] = "1"
    return env


@dataclass
class Tool:
    name: str
    command: Callable[[list[Path], int], list[str] | None]  # None: cannot run with that many jobs
    #: Extra environment (PYTHONPATH of an older checkout, for --before).
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Row:
    work: str
    files: list[Path]
    words: int
    runs: int
    plan: list[tuple[Tool, int]]  # (tool, jobs), run alternately
    times: dict[tuple[str, int], list[float]] = field(default_factory=dict)
    cpu: dict[tuple[str, int], list[float]] = field(default_factory=dict)


def factlint_tool(all_rules: bool, before: Path | None = None, cache: bool = True) -> Tool:
    exe = _tool("factlint") or "factlint"

    def command(files: list[Path], jobs: int) -> list[str]:
        select = ["--select", "ALL"] if all_rules else []
        return [exe, "check", "--isolated", *select, "--format", "json", "--output",
                os.devnull, "--jobs", str(jobs), *map(str, files)]  # fmt: skip

    name = "factlint" if all_rules else "factlint (default rules)"
    if not cache:
        return Tool(f"{name}, no pattern cache", command, {"FACTLINT_NO_CACHE": "1"})
    if before is None:
        return Tool(name, command)
    path = os.pathsep.join(str(before / part) for part in ("linter", "rules"))
    return Tool(f"{name}, before", command, {"PYTHONPATH": path})


def proselint_tool() -> Tool | None:
    exe = _tool("proselint")
    if exe is None:
        return None
    return Tool(
        "proselint",
        lambda files, jobs: [exe, "check", *map(str, files)] if jobs == 1 else None,
    )


def textlint_tool(folder: Path) -> tuple[Tool | None, str]:
    if not (shutil.which("node") and shutil.which("npm")):
        return None, "textlint skipped: no node/npm on this machine"
    exe = folder / "node_modules" / ".bin" / "textlint"
    if not exe.exists():
        folder.mkdir(parents=True, exist_ok=True)
        packages = [f"textlint@{TEXTLINT_VERSION}", *(f"textlint-rule-{r}" for r in TEXTLINT_RULES)]
        proc = subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", *packages],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0 or not exe.exists():
            return None, f"textlint skipped: npm install failed ({proc.stderr.strip()[-200:]})"
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout
    rules = [a for r in TEXTLINT_RULES for a in ("--rule", r)]

    def command(files: list[Path], jobs: int) -> list[str] | None:
        if jobs != 1:
            return None
        return [str(exe), "--no-textlintrc", *rules, *map(str, files)]

    return Tool("textlint", command), f"textlint {version.strip()} with {', '.join(TEXTLINT_RULES)}"


def words_in(files: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)


def stories(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())


def timed(args: list[str], extra: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run of ``args``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=False, env=_env() | (extra or {}), cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure(row: Row) -> None:
    plan = [(t, j, t.command(row.files, j)) for t, j in row.plan]
    runnable = [(t, j, c) for t, j, c in plan if c is not None]
    for tool, _jobs, args in runnable:  # warm-up: bytecode caches, disk cache
        timed(args, tool.env)
    for run in range(row.runs):
        # Alternate, and rotate who goes first, so no tool always runs after another.
        turn = run % len(runnable)
        for tool, jobs, args in runnable[turn:] + runnable[:turn]:
            wall, cpu = timed(args, tool.env)
            row.times.setdefault((tool.name, jobs), []).append(wall)
            row.cpu.setdefault((tool.name, jobs), []).append(cpu)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            ln.split(":", 1)[1]
            for ln in cpuinfo.read_text().splitlines()
            if ln.startswith("model name")
        ]
        cpu = re.sub(r"\s+", " ", names[0]).strip() if names else cpu
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {usable} cores, Python {platform.python_version()},"
        f" load average {load:.1f} at the start"
    )


def version(args: list[str]) -> str:
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    return (proc.stdout or proc.stderr).strip().splitlines()[0] if proc.returncode == 0 else "?"


def main() -> None:
    cache = tempfile.mkdtemp(prefix="factlint-bench-cache-")  # private (0700), as the cache wants
    os.environ["FACTLINT_CACHE_DIR"] = cache
    try:
        _main()
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, smaller sample")
    parser.add_argument("--runs", type=int, help="timed runs per tool (default 7 cold, 3 folder)")
    parser.add_argument("--every", type=int, default=8, help="news sample: every N-th story")
    parser.add_argument("--no-textlint", action="store_true", help="leave textlint out")
    parser.add_argument(
        "--before",
        type=Path,
        metavar="DIR",
        help="also time the factlint in DIR (a checkout: DIR/linter, DIR/rules), alternating",
    )
    parser.add_argument("--textlint-dir", type=Path, default=Path("/tmp/factlint-bench-textlint"))
    args = parser.parse_args()

    print(f"Machine: {machine()}\n")
    tools: list[Tool] = []
    notes: list[str] = []
    prose = proselint_tool()
    if prose is None:
        notes.append("proselint not installed: `pip install -e '.[bench]'`")
    else:
        tools.append(prose)
        notes.append(version([str(_tool("proselint")), "version"]))
    if args.no_textlint:
        notes.append("textlint left out (--no-textlint)")
    else:
        textlint, note = textlint_tool(args.textlint_dir)
        notes.append(note)
        if textlint:
            tools.append(textlint)
    notes.append(version([_tool("factlint") or "factlint", "--version"]))

    cold_runs = args.runs or (3 if args.quick else 7)
    folder_runs = args.runs or (1 if args.quick else 3)
    every = args.every * (3 if args.quick else 1)
    default_rules, every_rule = factlint_tool(all_rules=False), factlint_tool(all_rules=True)
    uncached = factlint_tool(all_rules=False, cache=False)
    anchors = [(t, 1) for t in tools]
    olds: list[tuple[Tool, int]] = []
    if args.before:
        olds = [(factlint_tool(False, args.before), 1), (factlint_tool(True, args.before), 1)]
    rows = [
        Row(
            "one article, cold",
            [SEED],
            words_in([SEED]),
            cold_runs,
            [*anchors, *olds, (default_rules, 1), (uncached, 1), (every_rule, 1)],
        )
    ]
    if NEWS.is_dir():
        folder_plan = [*anchors, *olds[1:], (every_rule, 1), (every_rule, 2)]
        if olds:
            folder_plan.insert(len(anchors) + 1, (olds[1][0], 2))
        dev = stories(NEWS / "polnear" / "dev" / "text")
        rows.append(Row("polnear/dev", dev, words_in(dev), folder_runs, folder_plan))
        everything = [
            p
            for part in ("bbc", "reuters", "polnear/train/text", "polnear/dev/text")
            for p in stories(NEWS / part)
        ]
        sample = everything[::every]
        rows.append(Row(f"news, every {every}th story", sample, words_in(sample), 1, folder_plan))
    else:
        notes.append(f"corpus rows skipped: {NEWS} not found")

    print("| work | files | words | tool | jobs | median | words/s | vs proselint | CPU |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(f"measuring {row.work} ({len(row.files)} files)...", file=sys.stderr)
        measure(row)
        anchor = row.times.get(("proselint", 1))
        base = statistics.median(anchor) if anchor else None
        base_cpu = statistics.median(row.cpu[("proselint", 1)]) if anchor else None
        one_job: dict[str, float] = {}
        for (name, jobs), times in row.times.items():
            med = statistics.median(times)
            cpu = statistics.median(row.cpu[(name, jobs)])
            cpu_ratio = f" ({cpu / base_cpu:.2f}x)" if base_cpu and jobs == 1 else ""
            if jobs == 1:
                one_job[name] = med
            if len(row.files) == 1:
                ratio = f"{med / base:.2f}x the time" if base else "-"
            else:
                ratio = f"{base / med:.1f}x the words/s" if base else "-"
            if jobs > 1 and name in one_job:
                ratio += f"; {one_job[name] / med:.2f}x one job"
            print(
                f"| {row.work} | {len(row.files):,} | {row.words:,} | {name} | {jobs} |"
                f" {med * 1000:,.0f} ms | {row.words / med:,.0f} | {ratio} | {cpu * 1000:,.0f} ms{cpu_ratio} |"
                if len(row.files) == 1
                else f"| {row.work} | {len(row.files):,} | {row.words:,} | {name} | {jobs} |"
                f" {med:.2f} s | {row.words / med:,.0f} | {ratio} | {cpu:.2f} s{cpu_ratio} |",
                flush=True,
            )
    print()
    for note in notes:
        print(f"- {note}")
    print(
        f"- medians of {cold_runs} runs (cold), {folder_runs} (polnear/dev), one (news sample);"
        " wall clock of a fresh process each time; CPU: its user + system time (which a busy"
        " machine inflates less), in brackets as a share of proselint's; factlint with every"
        " rule unless named"
    )


if __name__ == "__main__":
    main()
