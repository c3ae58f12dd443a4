"""Memory of a whole-corpus check: peak RSS, time, and where the memory goes.

    python benchmarks/memory.py                       # jobs 1 and 2, whole news folder
    python benchmarks/memory.py --jobs 2 --phases     # ... and RSS after each phase
    python benchmarks/memory.py --trace FL203         # tracemalloc: what FL203 holds
    python benchmarks/memory.py --sizes 2000,5000,11000,22000 --store both
                                  # the curve: slices of the folder, in memory and with the store

Runs ``factlint check PATH --output /dev/null --jobs N`` (default PATH: every story of
../shared/corpora/news) as a user does, a fresh process each time, and
prints a Markdown table: wall time, user+system CPU, and peak RSS (the
largest of the process and its workers, as ``/usr/bin/time -v`` reports
it), with the load average beside them (the machine may be shared).

``--phases`` runs the same check once more in this process (same options)
with every rule wrapped: the RSS after loading the stories, then for each
corpus rule the peak reached while it ran (``VmHWM``, reset before it) and
the RSS left after it. ``--trace CODE`` (repeatable) takes tracemalloc
snapshots before and after loading and around that rule, and prints the
largest allocations it left (by file and line) and the peak it reached.
tracemalloc doubles the time and adds its own memory: read its numbers as
a breakdown, and the table's as the measure.

``--sizes N,...`` checks slices of the folder instead, each N stories
evenly spaced in the order a walk finds them (links in a temporary
folder; all of them for N at or over their number), to show how memory
grows with the folder. ``--store`` says which way: ``default`` (as a user
runs it: the run store past ``FACTLINT_STORE_AFTER`` documents, see
factlint.store), ``never`` (``FACTLINT_STORE_AFTER=never``, every document
in memory), ``both``, run one after the other on each slice, with the
ratio of their CPU times, or ``all`` (``FACTLINT_STORE_AFTER=0``: every
document in the store). ``all`` is the curve that shows what grows per
stored story: with ``default`` the first 2,000 stories of each slice stay
in memory, and those are different stories in each slice (a larger slice
starts with the longer BBC stories), which adds to the growth. ``--factlint COMMAND`` runs another build
instead of the one beside this Python (say, a script that runs the code of
an earlier commit exported with ``git archive``), for a before/after table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpora" / "news"
_BESIDE = Path(sys.executable).parent / "factlint"
FACTLINT = str(_BESIDE) if _BESIDE.exists() else (shutil.which("factlint") or "factlint")


def fresh(paths: list[str], jobs: int, store: str = "default") -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one ``factlint check``."""
    env = dict(os.environ)
    env.pop("FACTLINT_STORE_AFTER", None)
    if store == "all":
        env["FACTLINT_STORE_AFTER"] = "0"
    elif store != "default":
        env["FACTLINT_STORE_AFTER"] = store
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [FACTLINT, "check", *paths, "--output", os.devnull, "--jobs", str(jobs)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
        # This run's own usage, not that of every child so far (RUSAGE_CHILDREN's
        # ru_maxrss is the largest of all of them): wait4 gives the child's, with
        # the processes it waited for (its workers), ru_maxrss the largest, in KB.
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1, 2):
            err.seek(0)
            sys.exit(f"factlint check: exit {proc.returncode}\n{err.read().decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _status(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    """Start VmHWM again from the current RSS (Linux 4.0+)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        pass


class _Phases:
    """RSS and peak per phase of one in-process run."""

    def __init__(self, trace: set[str]) -> None:
        self.rows: list[tuple[str, float, float]] = []
        self.trace = trace
        self.loaded = False
        self.snapshots: dict[str, Any] = {}
        self.out = sys.stdout  # the report's: the run's own output goes to /dev/null

    def mark(self, name: str) -> None:
        self.rows.append((name, _status("VmHWM"), _status("VmRSS")))
        _reset_peak()

    def wrap(self, rules: list[Any]) -> list[Any]:
        from factlint.rules import CorpusRule

        # Document rules run while the stories are read: the loading phase
        # ends when the first corpus rule starts.
        for rule in rules:
            if isinstance(rule, CorpusRule):
                rule.check_corpus = self._corpus(rule, rule.check_corpus)
        return rules

    def after_load(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.mark("read and extract (all stories loaded)")
            if self.trace:
                self.snapshots["loaded"] = tracemalloc.take_snapshot()

    def _corpus(self, rule: Any, check: Any) -> Any:
        phases = self

        def wrapped(corpus: Any) -> list[Any]:
            phases.after_load()
            traced = rule.code in phases.trace
            if traced:
                tracemalloc.reset_peak()
                before = tracemalloc.take_snapshot()
            found = list(check(corpus))
            if traced:
                _current, peak = tracemalloc.get_traced_memory()
                after = tracemalloc.take_snapshot()
                out = phases.out
                print(f"\n{rule.code}: traced peak {peak / 2**20:.0f} MB; left after it:", file=out)
                for stat in after.compare_to(before, "lineno")[:12]:
                    print(f"  {stat}", file=out)
                if "loaded" in phases.snapshots:
                    print(f"{rule.code}: held since loading, by line:", file=out)
                    for stat in after.compare_to(phases.snapshots["loaded"], "lineno")[:8]:
                        print(f"  {stat}", file=out)
            phases.mark(f"{rule.code} {rule.name}")
            return found

        return wrapped


def in_process(paths: list[str], jobs: int, trace: set[str]) -> list[tuple[str, float, float]]:
    from factlint import cli, engine

    phases = _Phases(trace)
    if trace:
        tracemalloc.start(1)
    phases.mark("start")
    instantiate = engine.instantiate_rules

    def instantiate_and_wrap(*args: Any, **kwargs: Any) -> list[Any]:
        return phases.wrap(instantiate(*args, **kwargs))

    engine.instantiate_rules = instantiate_and_wrap  # type: ignore[assignment]
    if trace:
        print("loading with tracemalloc on (slow)...", file=sys.stderr)
    with open(os.devnull, "w", encoding="utf-8") as null:
        saved = sys.stdout
        sys.stdout = null
        try:
            cli.main(["check", *paths, "--output", os.devnull, "--jobs", str(jobs)])
        finally:
            sys.stdout = saved
    phases.mark("filter and report")
    if trace and "loaded" in phases.snapshots:
        stats = phases.snapshots["loaded"].statistics("filename")
        print("\nheld after loading, by file:")
        for stat in stats[:10]:
            print(f"  {stat}")
    return phases.rows


def stories(folder: Path) -> list[Path]:
    """The stories of ``folder`` in the order ``factlint check`` walks them."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [Path(root) / f for f in sorted(files) if f.endswith((".txt", ".md"))]
    return found


def make_slice(every: list[Path], size: int, into: Path) -> str:
    """A folder of links to ``size`` stories spread evenly over ``every``
    (all of them when ``size`` is at least their number), in their order."""
    size = min(size, len(every))
    folder = into / f"slice-{size}"
    folder.mkdir()
    for n in range(size):
        story = every[n * len(every) // size]
        (folder / f"{n:06d}-{story.name}").symlink_to(story.resolve())
    return str(folder)


def curve(paths: list[str], sizes: list[int], jobs: list[int], store: str) -> None:
    every = [p for path in paths for p in stories(Path(path))]
    modes = ["never", "default"] if store == "both" else [store]
    print(
        "\n| stories | jobs | store | wall s | CPU s | peak RSS MB |\n|---:|---:|---|---:|---:|---:|"
    )
    ratios: list[float] = []
    with tempfile.TemporaryDirectory(prefix="factlint-slices-") as scratch:
        for size in sizes:
            where = make_slice(every, size, Path(scratch))
            for n in jobs:
                cpus: dict[str, float] = {}
                for mode in modes:
                    wall, cpu, peak = fresh([where], n, mode)
                    cpus[mode] = cpu
                    label = {"never": "in memory", "all": "all stored"}.get(mode, f"after {mode}")
                    print(
                        f"| {min(size, len(every))} | {n} | {label} | {wall:.1f} | {cpu:.1f}"
                        f" | {peak:.0f} |",
                        flush=True,
                    )
                if len(cpus) == 2:
                    ratios.append(cpus["default"] / cpus["never"])
    if ratios:
        print(f"\nCPU time with the store / in memory: {', '.join(f'{r:.2f}' for r in ratios)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="what to check (default: the news folder)")
    parser.add_argument("--jobs", type=int, action="append", help="worker processes (repeatable)")
    parser.add_argument("--phases", action="store_true", help="RSS after each phase, in process")
    parser.add_argument("--trace", action="append", default=[], metavar="CODE")
    parser.add_argument("--repeat", type=int, default=1, help="fresh runs per --jobs")
    parser.add_argument("--sizes", help="check slices of these many stories (comma-separated)")
    parser.add_argument("--store", choices=("default", "never", "both", "all"), default="default")
    parser.add_argument(
        "--factlint", metavar="COMMAND", help="the factlint command to run (e.g. an older build's)"
    )
    args = parser.parse_args()
    if args.factlint:
        global FACTLINT
        FACTLINT = args.factlint
    paths = args.paths or [str(NEWS)]
    jobs = args.jobs or [1, 2]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.sizes:
        curve(paths, [int(n) for n in args.sizes.split(",")], jobs, args.store)
        print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return
    if not args.trace:
        print("\n| command | wall s | CPU s | peak RSS MB |\n|---|---:|---:|---:|")
        for n in jobs:
            for _ in range(args.repeat):
                wall, cpu, peak = fresh(paths, n)
                print(
                    f"| `factlint check --output /dev/null --jobs {n}` | {wall:.1f} | {cpu:.1f} | {peak:.0f} |"
                )
        print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.phases or args.trace:
        rows = in_process(paths, jobs[-1], set(args.trace))
        print(f"\nIn process, --jobs {jobs[-1]}:\n")
        print("| phase | peak during MB | RSS after MB |\n|---|---:|---:|")
        for name, peak, rss in rows[1:]:
            print(f"| {name} | {peak:.0f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
