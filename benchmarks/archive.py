"""Archive benchmark: the goal table of the archive (``factlint index``).

    python benchmarks/archive.py [--corpus bbc ...] [--jobs 2] [--dask]

Copies the news corpora (../shared/corpora/news, or the ones named) to a
temporary folder and runs the installed ``factlint`` the way a user does, a
fresh process each time, printing a Markdown table:

- index them all with ``--jobs N``, against ``factlint check`` of the same
  files with ``--jobs N``;
- re-index after one story changed, one added and one deleted;
- check one draft against the archive, cold, against checking the draft
  alone, with the peak RSS of each (and how many archived stories it loaded);
- the same draft against archives of growing size (each corpus alone, then
  all of them), for the growth of lookup time and archive size;
- with ``--dask``: the first corpus indexed on a Dask LocalCluster of 1 and
  2 workers (needs ``factlint[distributed]``).

The draft is made up: it misspells a name the archive holds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpora" / "news"
_BESIDE = Path(sys.executable).parent / "factlint"
FACTLINT = str(_BESIDE) if _BESIDE.exists() else (shutil.which("factlint") or "factlint")

DRAFT = (
    "LONDON (Reuters) — Prime Minister Tony Blaire said on Tuesday the government would not"
    ' change course. "We will see this through," Blaire told reporters. Chancellor Gordon'
    " Brown said the economy was strong.\n"
)

_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "t = time.perf_counter() - t\n"
    "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\n"
    "sys.stderr.write(p.stderr)\n"
)


def measure(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Seconds, peak RSS in MB (of the process and its children) and stderr."""
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, FACTLINT, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, peak_kb, _rc = proc.stdout.split()
    return float(seconds), int(peak_kb) / 1024, proc.stderr


def stories_in(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.suffix in (".txt", ".md"))


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", action="append", help="bbc, reuters, polnear (default all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dask", action="store_true", help="also index on a Dask LocalCluster")
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"no corpora at {NEWS}; nothing to measure", file=sys.stderr)
        return 1
    names = args.corpus or sorted(p.name for p in NEWS.iterdir() if p.is_dir())
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="factlint-archive-") as tmp:
        work = Path(tmp)
        stories = work / "stories"
        for name in names:
            shutil.copytree(NEWS / name, stories / name)
        count = stories_in(stories)
        (work / "drafts").mkdir()
        draft = work / "drafts" / "draft.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        archive = work / ".factlint" / "archive.sqlite"
        jobs = str(args.jobs)

        t_index, rss_index, _ = measure(["index", "stories", "--jobs", jobs], work)
        t_check, rss_check, _ = measure(["check", "stories", "--jobs", jobs, "--statistics"], work)
        rows.append(
            (
                f"index {count} stories ({'+'.join(names)}), `--jobs {jobs}`",
                f"{t_index:.1f} s (check of the same files: {t_check:.1f} s);"
                f" archive {size_mb(archive):.0f} MB; peak RSS {rss_index:.0f} MB"
                f" (check: {rss_check:.0f} MB)",
            )
        )

        t_same, _, _ = measure(["index", "stories", "--jobs", jobs], work)
        files = sorted(p for p in stories.rglob("*") if p.suffix in (".txt", ".md"))
        changed, deleted = files[len(files) // 3], files[2 * len(files) // 3]
        changed.write_text(changed.read_text(errors="replace") + "\nA line added.\n")
        deleted.unlink()
        (stories / names[0] / "added.txt").write_text(DRAFT, encoding="utf-8")
        t_update, _, out = measure(["index", "stories", "--jobs", jobs], work)
        rows.append(("re-index, nothing changed", f"{t_same:.2f} s"))
        rows.append(
            (
                "re-index after one story changed, one added, one deleted",
                f"{t_update:.2f} s ({out.strip().splitlines()[-1].split(': ', 2)[-1]})",
            )
        )

        t_alone, rss_alone, _ = measure(["check", "drafts/draft.txt", "-j", "1"], work)
        t_arch, rss_arch, _ = measure(
            ["check", "drafts/draft.txt", "-j", "1", "--archive", str(archive)], work
        )
        rows.append(
            (
                "check one draft against the archive, cold",
                f"{t_arch:.2f} s, peak RSS {rss_arch:.0f} MB (the draft alone: {t_alone:.2f} s,"
                f" {rss_alone:.0f} MB; {t_arch / t_alone:.1f}x)",
            )
        )

        # Growth: an archive of each corpus alone, then the one of all of them.
        growth = [(name, stories / name) for name in names] if len(names) > 1 else []
        for name, folder in [*growth, ("all", None)]:
            target = archive
            if folder is not None:
                target = work / f"growth-{name}.sqlite"
                measure(["index", str(folder), "--jobs", jobs, "--archive", str(target)], work)
            n = stories_in(folder or stories)
            t_g, rss_g, _ = measure(
                ["check", "drafts/draft.txt", "-j", "1", "--archive", str(target)], work
            )
            rows.append(
                (
                    f"one draft against an archive of {n} stories ({name})",
                    f"{t_g:.2f} s, peak RSS {rss_g:.0f} MB, archive {size_mb(target):.0f} MB",
                )
            )

        if args.dask:
            for workers in (1, 2):
                target = work / f"dask-{workers}.sqlite"
                t_d, _, _ = measure(
                    ["index", f"stories/{names[0]}", "--scheduler", "local", "--jobs",
                     str(workers), "--archive", str(target)],
                    work,
                )  # fmt: skip
                rows.append(
                    (
                        f"index {names[0]} on a Dask LocalCluster, {workers} worker(s)",
                        f"{t_d:.1f} s",
                    )
                )

    print("| measure (`python benchmarks/archive.py`) | result |")
    print("| --- | --- |")
    for measure_name, result in rows:
        print(f"| {measure_name} | {result} |")
    print(f"\n{os.cpu_count()} cores; factlint at {FACTLINT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
