"""Where a second worker process starts to pay: ``factlint check -j 1`` against
``-j 2`` on growing slices of the news corpora, by total bytes of text.

    python benchmarks/jobs.py                 # bbc slices, polnear/dev, reuters
    python benchmarks/jobs.py --repeat 5
    python benchmarks/jobs.py --cpu           # where the CPU time goes, -j 1 and -j 2
    git archive main | tar -x -C /tmp/before && python benchmarks/jobs.py --cpu --before /tmp/before

Each run is a fresh ``python -m factlint check`` (as a user runs it); the
figure is the fastest of ``--repeat`` runs, so other load on the machine
inflates it least. The default ``--jobs`` (workers chosen by bytes, see
``factlint.engine.BYTES_PER_WORKER``) is timed too.

``--cpu`` times ``check --select ALL`` over polnear/dev and a bbc slice
(``--cpu-files``) with one job and two, and splits the CPU time of the
two-job run between the parent process (what stays serial: start-up,
receiving results, corpus rules, filtering, output) and the workers; the
parent's share is the serial fraction, which unlike the wall-clock ratio
does not depend on how busy the machine is. "bound" is the speedup two idle
cores would give if the parent's work never overlapped the workers'
(one-job CPU / (parent + workers / 2)). Peak RSS of the parent and of the
largest worker are shown beside. ``--before DIR`` (an export of the code
before a change: ``DIR/linter`` and ``DIR/rules``) runs that code too, in
the same run, alternating.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "news"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())


def _slices(sizes: list[int]) -> list[tuple[str, list[Path]]]:
    bbc = _files(NEWS / "bbc")
    reuters = _files(NEWS / "reuters")
    out = [(f"bbc first {n}", bbc[:n]) for n in sizes]
    out.append(("polnear/dev", _files(NEWS / "polnear" / "dev" / "text")))
    out += [(f"reuters first {n}", reuters[:n]) for n in sizes]
    return out


def _time(files: list[Path], jobs: str | None, repeat: int) -> float:
    cmd = [sys.executable, "-m", "factlint", "check", "--isolated", "--format", "concise"]
    if jobs is not None:
        cmd += ["--jobs", jobs]
    cmd += [str(f) for f in files]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


# Runs factlint's command line in this process, then writes its own and its
# (joined) children's CPU time and peak RSS to the file named by argv[1].
_MEASURE = """
import json, resource, sys, time
from factlint.cli import main
out, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
try:
    main(argv)
except SystemExit:
    pass
wall = time.perf_counter() - start
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as handle:
    json.dump({"wall": wall, "parent": me.ru_utime + me.ru_stime,
               "workers": kids.ru_utime + kids.ru_stime,
               "parent_rss": me.ru_maxrss, "worker_rss": kids.ru_maxrss}, handle)
"""


def _measure(files: list[Path], jobs: int, code: Path | None) -> dict[str, float]:
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(code / "linter"), str(code / "rules")])
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = ["check", "--isolated", "--select", "ALL", "--format", "json"]
        args += ["--output", os.devnull, "--jobs", str(jobs), *map(str, files)]
        subprocess.run(
            [sys.executable, "-c", _MEASURE, out.name, *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        figures: dict[str, float] = json.loads(Path(out.name).read_text() or "{}")
    return figures


def cpu(files_per_slice: int, repeat: int, before: Path | None) -> None:
    slices = [
        ("polnear/dev", _files(NEWS / "polnear" / "dev" / "text")),
        (f"bbc first {files_per_slice}", _files(NEWS / "bbc")[:files_per_slice]),
    ]
    trees: list[tuple[str, Path | None]] = [("this", None)]
    if before is not None:
        trees.insert(0, ("before", before.resolve()))
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{'slice':<16} {'code':<7} {'-j1 wall':>8} {'-j2 wall':>8} {'ratio':>6}"
        f" {'-j1 cpu':>8} {'parent':>7} {'workers':>8} {'serial':>7} {'bound':>6}"
        f" {'rss -j1':>8} {'rss par':>8} {'rss wkr':>8}"
    )
    for name, files in slices:
        best: dict[tuple[str, int], dict[str, float]] = {}
        for _ in range(repeat):
            for tree, code in trees:  # alternating, so load changes hit both alike
                for jobs in (1, 2):
                    got = _measure(files, jobs, code)
                    old = best.get((tree, jobs))
                    if got and (old is None or got["wall"] < old["wall"]):
                        best[tree, jobs] = got
        for tree, _code in trees:
            one, two = best.get((tree, 1)), best.get((tree, 2))
            if one is None or two is None:
                print(f"{name:<16} {tree:<7} failed")
                continue
            one_cpu = one["parent"] + one["workers"]
            serial = two["parent"] / (two["parent"] + two["workers"])
            bound = one_cpu / (two["parent"] + two["workers"] / 2)
            print(
                f"{name:<16} {tree:<7} {one['wall']:>7.2f}s {two['wall']:>7.2f}s"
                f" {one['wall'] / two['wall']:>5.2f}x {one_cpu:>7.2f}s {two['parent']:>6.2f}s"
                f" {two['workers']:>7.2f}s {serial:>6.1%} {bound:>5.2f}x"
                f" {one['parent_rss'] / 1024:>6.0f}MB {two['parent_rss'] / 1024:>6.0f}MB"
                f" {two['worker_rss'] / 1024:>6.0f}MB",
                flush=True,
            )
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--files",
        default="40,80,160,320,640,1280",
        help="slice sizes, comma-separated (first N files of bbc and of reuters)",
    )
    parser.add_argument("--cpu", action="store_true", help="CPU time of parent and workers")
    parser.add_argument("--cpu-files", type=int, default=1280, help="bbc files for --cpu")
    parser.add_argument("--before", type=Path, help="with --cpu: the code before, exported here")
    args = parser.parse_args()
    if not NEWS.is_dir():
        raise SystemExit(f"no corpora at {NEWS}")
    if args.cpu:
        cpu(args.cpu_files, args.repeat, args.before)
        return
    print(f"{'slice':<20} {'files':>6} {'KB':>7} {'-j 1':>7} {'-j 2':>7} {'default':>8}")
    for name, files in _slices([int(n) for n in args.files.split(",")]):
        size = sum(f.stat().st_size for f in files)
        one = _time(files, "1", args.repeat)
        two = _time(files, "2", args.repeat)
        auto = _time(files, None, args.repeat)
        print(
            f"{name:<20} {len(files):>6} {size / 1024:>7.0f} {one:>6.2f}s {two:>6.2f}s {auto:>7.2f}s",
            flush=True,
        )


if __name__ == "__main__":
    main()
