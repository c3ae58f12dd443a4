"""The acronym extractor alone: CPU seconds over real stories, and against
the code before a change, in the same run.

    python benchmarks/acronyms_speed.py                   # this tree's time
    git archive main | tar -x -C /tmp/before
    python benchmarks/acronyms_speed.py --before /tmp/before --rounds 5

The stories (bbc, polnear train+dev, every fourth Reuters file of
../shared/corpora/news) are read and their links and quotes extracted once,
untimed; then ``AcronymExtractor.extract`` runs over all of them, and the
process CPU time of that loop is the measure (the best of ``--repeat``).
With ``--before`` each round runs this tree and the older one (its
``linter`` and ``rules`` folders first on ``PYTHONPATH``) in fresh
processes, alternating which goes first, and prints the medians and their
ratio. The acronyms both give are compared too: a speed change must not
change them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpora" / "news"


def _paths() -> list[Path]:
    paths = sorted((NEWS / "bbc").rglob("*.txt"))
    paths += sorted((NEWS / "polnear").rglob("*.txt"))
    return paths + sorted((NEWS / "reuters").rglob("*.md"))[::4]


def measure(repeat: int) -> dict[str, object]:
    """Time the extractor in this process: CPU seconds and a digest of its output."""
    from factlint import engine
    from factlint.config import Config
    from factlint.errors import InputError
    from factlint.facts import extract_facts, extraction_order
    from factlint.facts.acronyms import AcronymExtractor
    from factlint.plugins import load_registry

    registry = load_registry()
    config = Config()
    order = extraction_order(registry.extractors, ["links", "quotes"])
    loaded = []
    for path in _paths():
        try:
            document = engine.read_source(engine.Source(str(path), str(path)), registry, config)
        except InputError:
            continue  # one BBC story is not UTF-8
        if document is not None:
            loaded.append((document, extract_facts(document, registry.extractors, order)))
    extractor = AcronymExtractor()
    digest = hashlib.sha256()
    found = 0
    for document, facts in loaded:  # a first pass compiles the patterns, untimed
        for a in extractor.extract(document, facts):
            digest.update(repr((a.start, a.end, a.text, a.expansion, a.expansion_start)).encode())
            found += 1
    times = []
    for _ in range(repeat):
        started = time.process_time()
        for document, facts in loaded:
            extractor.extract(document, facts)
        times.append(time.process_time() - started)
    return {
        "stories": len(loaded),
        "acronyms": found,
        "digest": digest.hexdigest(),
        "seconds": min(times),
    }


def _child(tree: Path | None, repeat: int) -> dict[str, object]:
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            [str(tree / "linter"), str(tree / "rules"), env.get("PYTHONPATH", "")]
        )
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--repeat", str(repeat)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="a copy of the older tree (git archive)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds with --before (default 3)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per process")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.repeat)))
        return
    if not NEWS.is_dir():
        sys.exit(f"{NEWS} not found")
    if args.before is None:
        result = _child(None, args.repeat)
        print(
            f"{result['stories']} stories, {result['acronyms']} acronyms: {result['seconds']:.2f} s"
        )
        return
    times: dict[str, list[float]] = {"before": [], "after": []}
    digests: dict[str, set[object]] = {"before": set(), "after": set()}
    for number in range(args.rounds):
        sides = ("before", "after") if number % 2 == 0 else ("after", "before")
        for side in sides:
            result = _child(args.before.resolve() if side == "before" else None, args.repeat)
            times[side].append(float(result["seconds"]))  # type: ignore[arg-type]
            digests[side].add(result["digest"])
        print(
            f"round {number + 1}: before {times['before'][-1]:.2f} s, after {times['after'][-1]:.2f} s"
        )
    before, after = statistics.median(times["before"]), statistics.median(times["after"])
    same = digests["before"] == digests["after"] and len(digests["after"]) == 1
    print(f"median before {before:.2f} s, after {after:.2f} s: ratio {after / before:.3f}")
    print("acronyms: identical" if same else "acronyms: DIFFERENT")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
