"""Where a second worker process starts to pay: ``factlint check -j 1`` against
``-j 2`` on growing slices of the news corpora, by total bytes of text.

    python benchmarks/jobs.py                 # bbc slices, polnear/dev, reuters
    python benchmarks/jobs.py --repeat 5

Each run is a fresh ``python -m factlint check`` (as a user runs it); the
figure is the fastest of ``--repeat`` runs, so other load on the machine
inflates it least. The default ``--jobs`` (workers chosen by bytes, see
``factlint.engine.BYTES_PER_WORKER``) is timed too.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--files",
        default="40,80,160,320,640,1280",
        help="slice sizes, comma-separated (first N files of bbc and of reuters)",
    )
    args = parser.parse_args()
    if not NEWS.is_dir():
        raise SystemExit(f"no corpora at {NEWS}")
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
