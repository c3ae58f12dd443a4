"""Archive benchmark: the goal table of the archive (``factlint index``).

    python benchmarks/archive.py [--corpus bbc ...] [--jobs 2] [--dask]
                                 [--scale 10000,100000,1000000 [--pool FILE]]

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
- with ``--dask``: the same stories indexed on a Dask LocalCluster of 1 and
  2 workers (needs ``factlint[distributed]``);
- with ``--scale N,...``: synthetic archives of N stories made from the real
  one (benchmarks/archive_synth.py: stories copied with their people renamed
  from the name tables and their dates shifted, rows written straight into
  SQLite), and at each size the draft and a real story checked against it,
  cold, beside the draft alone, with the time of the lookups themselves, the
  stories they brought in, peak RSS and the archive's size. ``--pool FILE``
  keeps the generated rows (a million take about half an hour) for the next
  run.

The draft is made up: it misspells a name the archive holds. The machine
may be shared: every time is printed with its ratio to checking the draft
alone in the same run, and the load average before and after.
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

# In a fresh process: the archive lookups for one draft (its keys, the
# indexed searches and the loading of the stories found), timed alone.
_LOOKUP = (
    "import sys, time\n"
    "from factlint.config import load_config\n"
    "from factlint.plugins import load_registry\n"
    "from factlint import engine\n"
    "from factlint.archive import Archive, corpus_rules, key_hash\n"
    "from factlint.facts import extract_facts, extraction_order\n"
    "config = load_config(isolated=True)\n"
    "registry = load_registry(config.plugins, config.plugin_paths)\n"
    "rules = corpus_rules(registry, config)\n"
    "source = engine.Source(sys.argv[2], sys.argv[2])\n"
    "document = engine.read_source(source, registry, config)\n"
    "order = extraction_order(registry.extractors, list(registry.extractors))\n"
    "facts = extract_facts(document, registry.extractors, order)\n"
    "archive = Archive(sys.argv[1], registry)\n"
    "t = time.perf_counter()\n"
    "keys = set()\n"
    "for rule in rules:\n"
    "    keys.update(key_hash(k) for k in rule.archive_keys(document, facts) or ())\n"
    "ids = archive.stories_with(keys, archive.per_key)\n"
    "t_lookup = time.perf_counter() - t\n"
    "stories = archive.load(ids)\n"
    "print(t_lookup, time.perf_counter() - t, len(keys), len(stories))\n"
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


def lookup(archive: Path, draft: Path, cwd: Path) -> tuple[float, float, int, int]:
    """Seconds to look a draft's keys up and to load what they found, its
    keys and the stories loaded."""
    proc = subprocess.run(
        [sys.executable, "-c", _LOOKUP, str(archive), str(draft)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    t_lookup, t_load, keys, stories = proc.stdout.split()
    return float(t_lookup), float(t_load), int(keys), int(stories)


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def stories_in(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.suffix in (".txt", ".md"))


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", action="append", help="bbc, reuters, polnear (default all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dask", action="store_true", help="also index on a Dask LocalCluster")
    parser.add_argument(
        "--scale", help="sizes of synthetic archives to check a draft against: 10000,1000000"
    )
    parser.add_argument("--pool", help="keep (or reuse) the synthetic rows in this file")
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"no corpora at {NEWS}; nothing to measure", file=sys.stderr)
        return 1
    names = args.corpus or sorted(p.name for p in NEWS.iterdir() if p.is_dir())
    rows: list[tuple[str, str]] = []
    load_before = load_average()
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
        t_alone2, _, _ = measure(["check", "drafts/draft.txt", "-j", "1"], work)
        t_arch2, _, _ = measure(
            ["check", "drafts/draft.txt", "-j", "1", "--archive", str(archive)], work
        )
        t_alone, t_arch = min(t_alone, t_alone2), min(t_arch, t_arch2)
        rows.append(
            (
                "check one draft against the archive, cold (best of 2)",
                f"{t_arch:.2f} s, peak RSS {rss_arch:.0f} MB (the draft alone: {t_alone:.2f} s,"
                f" {rss_alone:.0f} MB): {t_arch / t_alone:.2f}x",
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
            # The whole set, as the first row indexes it: on one corpus alone
            # the cluster's start-up (a few seconds) hides the speed-up.
            times: dict[int, float] = {}
            for workers in (1, 2):
                target = work / f"dask-{workers}.sqlite"
                times[workers], _, _ = measure(
                    ["index", "stories", "--scheduler", "local", "--jobs", str(workers),
                     "--archive", str(target)],
                    work,
                )  # fmt: skip
                speedup = f" ({times[1] / times[workers]:.2f}x one worker)" if workers > 1 else ""
                rows.append(
                    (
                        f"index {count} stories on a Dask LocalCluster, {workers} worker(s)",
                        f"{times[workers]:.1f} s{speedup}",
                    )
                )

        if args.scale:
            rows += scale_rows(args, work, archive, files)

    print("| measure (`python benchmarks/archive.py`) | result |")
    print("| --- | --- |")
    for measure_name, result in rows:
        print(f"| {measure_name} | {result} |")
    print(
        f"\n{os.cpu_count()} cores; load average (1, 5, 15 min) {load_before} before,"
        f" {load_average()} after; factlint at {FACTLINT}"
    )
    return 0


def scale_rows(
    args: argparse.Namespace, work: Path, archive: Path, files: list[Path]
) -> list[tuple[str, str]]:
    """The draft, and a real story as a draft, against synthetic archives."""
    sizes = sorted(int(n) for n in args.scale.split(","))
    pool = Path(args.pool) if args.pool else work / "synthetic-pool.sqlite"
    synth = [sys.executable, str(Path(__file__).with_name("archive_synth.py"))]
    # A real story with people, quotes and dates (a BBC politics story when
    # there is one), as a draft: it is in the archive under its own path too.
    politics = sorted(p for p in files if p.parent.name == "politics" and p.exists())
    real = work / "drafts" / "real.txt"
    real.write_bytes((politics or files)[len(politics or files) // 2].read_bytes())
    rows = []
    for size in sizes:
        target = work / f"synthetic-{size}.sqlite"
        subprocess.run(
            [*synth, str(archive), str(target), "--stories", str(size), "--pool", str(pool),
             "--pool-stories", str(max(sizes))],
            check=True,
        )  # fmt: skip
        for name, draft in (("the draft", "drafts/draft.txt"), ("a real story", "drafts/real.txt")):
            t_alone, rss_alone, _ = measure(["check", draft, "-j", "1"], work)
            t_arch, rss_arch, _ = measure(
                ["check", draft, "-j", "1", "--archive", str(target)], work
            )
            # Best of two, each beside its anchor: the machine may be shared.
            t_alone = min(t_alone, measure(["check", draft, "-j", "1"], work)[0])
            t_arch = min(
                t_arch, measure(["check", draft, "-j", "1", "--archive", str(target)], work)[0]
            )
            t_lookup, t_load, keys, loaded = lookup(target, work / draft, work)
            rows.append(
                (
                    f"{name} against a synthetic archive of {size:,} stories, cold (best of 2)",
                    f"{t_arch:.2f} s ({t_arch / t_alone:.2f}x the draft alone, {t_alone:.2f} s);"
                    f" lookup of {keys} keys {t_lookup * 1000:.0f} ms, {loaded} stories loaded in"
                    f" {(t_load - t_lookup) * 1000:.0f} ms; peak RSS {rss_arch:.0f} MB"
                    f" (alone {rss_alone:.0f} MB); archive {size_mb(target):,.0f} MB",
                )
            )
        target.unlink()
    if not args.pool:
        pool.unlink()
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
