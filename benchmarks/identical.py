"""Identical output before and after a speed change: findings and facts, byte for byte.

    python benchmarks/identical.py --save /tmp/before      # on the code before the change
    python benchmarks/identical.py --compare /tmp/before   # after it: exit 1 on any difference
    python benchmarks/identical.py --compare /tmp/before --corpus bbc   # one corpus only

For each corpus of ../shared/corpora/news (bbc, reuters, polnear train+dev,
each run on its own as in benchmarks/precision.py) it runs the installed
``factlint`` command twice: ``check --select ALL --format json`` (every
rule, findings with their positions and related places) and ``facts``
(every extractor's facts for every document). Both outputs are written to
``DIR/<corpus>.findings.json`` and ``DIR/<corpus>.facts.json``, with the
standard error beside them. ``--compare`` writes the new outputs to a
temporary folder and compares the files byte for byte, printing the first
differing lines of each file that differs.

A speed change must not change output: save before changing any code, and
compare after every change.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpora" / "news"
CORPORA = {
    "bbc": ["bbc"],
    "reuters": ["reuters"],
    "polnear": ["polnear/train/text", "polnear/dev/text"],
}
_BESIDE = Path(sys.executable).parent / "factlint"
FACTLINT = str(_BESIDE) if _BESIDE.exists() else (shutil.which("factlint") or "factlint")
COMMANDS = {
    "findings": ["check", "--isolated", "--select", "ALL", "--format", "json"],
    "facts": ["facts", "--isolated"],
}


def produce(folder: Path, corpora: list[str], jobs: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for corpus in corpora:
        for kind, command in COMMANDS.items():
            out = folder / f"{corpus}.{kind}.json"
            start = time.perf_counter()
            proc = subprocess.run(
                [FACTLINT, *command, "--jobs", str(jobs), "--output", str(out), *CORPORA[corpus]],
                cwd=NEWS,
                capture_output=True,
                check=False,
            )
            (folder / f"{corpus}.{kind}.stderr").write_bytes(proc.stderr)
            # 2: a file could not be read (one BBC story is not UTF-8); the
            # report is still written and its stderr is compared too.
            if proc.returncode not in (0, 1, 2) or not out.exists():
                sys.exit(f"{corpus} {kind}: exit {proc.returncode}\n{proc.stderr.decode()[-2000:]}")
            print(
                f"{corpus} {kind}: {out.stat().st_size:,} bytes in"
                f" {time.perf_counter() - start:.1f} s",
                file=sys.stderr,
            )


def compare(before: Path, after: Path, corpora: list[str]) -> bool:
    same = True
    for corpus in corpora:
        for kind in (*COMMANDS, *(f"{k}.stderr" for k in COMMANDS)):
            name = f"{corpus}.{kind}" + ("" if kind.endswith("stderr") else ".json")
            old, new = before / name, after / name
            if not old.exists():
                print(f"{name}: not in {before}; save it first")
                same = False
                continue
            if old.read_bytes() == new.read_bytes():
                print(f"{name}: identical")
                continue
            same = False
            print(f"{name}: DIFFERENT")
            diff = difflib.unified_diff(
                old.read_text(encoding="utf-8").splitlines(),
                new.read_text(encoding="utf-8").splitlines(),
                str(old),
                str(new),
                lineterm="",
                n=2,
            )
            for number, line in enumerate(diff):
                if number >= 40:
                    print("...")
                    break
                print(line)
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, metavar="DIR", help="write the outputs to DIR")
    action.add_argument(
        "--compare", type=Path, metavar="DIR", help="compare the outputs with those saved in DIR"
    )
    parser.add_argument(
        "--corpus", action="append", choices=sorted(CORPORA), help="one corpus (repeatable)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    args = parser.parse_args()
    if not NEWS.is_dir():
        sys.exit(f"{NEWS} not found")
    corpora = args.corpus or list(CORPORA)
    if args.save:
        produce(args.save.resolve(), corpora, args.jobs)
        return
    with tempfile.TemporaryDirectory(prefix="factlint-identical-") as tmp:
        produce(Path(tmp), corpora, args.jobs)
        if not compare(args.compare.resolve(), Path(tmp), corpora):
            sys.exit(1)


if __name__ == "__main__":
    main()
