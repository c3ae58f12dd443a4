"""Hostile-input timing: the slowest stage (reader, extractor, rule) per input.

Generates inputs of the shapes a hostile-input review found (repeated comment
openers, thousands of suppressions, long code blocks, huge front matter,
date-like runs, many quotes...) at a given size, runs every stage of factlint
on each, and prints per input the total time and the slowest stage, then
the worst input for each stage (every rule and extractor); with ``--size``
given twice, the growth ratio between the two sizes (about 2x per 2x in size
is linear; 4x is quadratic).

    python benchmarks/stress.py                 # 100 KB inputs
    python benchmarks/stress.py --size 1000000  # 1 MB inputs
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

# Each shape: a name and a function from a target size in characters to text.
SHAPES: dict[str, Callable[[int], str]] = {}


def shape(name: str) -> Callable[[Callable[[int], str]], Callable[[int], str]]:
    def register(fn: Callable[[int], str]) -> Callable[[int], str]:
        SHAPES[name] = fn
        return fn

    return register


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, size // len(unit)) + tail


@shape("comment-openers")
def _openers(size: int) -> str:
    return _repeat("<!--", size)


@shape("suppressions-one-line")
def _sups(size: int) -> str:
    return _repeat("<!-- factlint: disable-next-line FL401 -->", size // 2) + "\n" * (size // 2)


@shape("suppressions")
def _sups_lines(size: int) -> str:
    return _repeat("<!-- factlint: disable-next-line -->\n\n", size, tail="Text said.\n")


@shape("code-block")
def _code(size: int) -> str:
    return _repeat("    x = 'Gov. Scott Walker said'\n", size, "Intro.\n\n")


@shape("fenced-code")
def _fenced(size: int) -> str:
    return _repeat("said Gov. Walker `x`\n", size, "```\n", "```\n")


@shape("front-matter-keys")
def _front(size: int) -> str:
    n = size // 16
    return "---\n" + "".join(f"key{i:07d}: v\n" for i in range(n)) + "---\nText.\n"


@shape("weekday-dates")
def _weekday(size: int) -> str:
    return _repeat("Tuesday, July 5, 2017, ", size)


@shape("month-words")
def _months(size: int) -> str:
    return _repeat("July ", size)


@shape("quote-then-capitals")
def _quote_caps(size: int) -> str:
    return _repeat("Word ", size, '"We will win," ')


@shape("many-quotes")
def _quotes(size: int) -> str:
    return _repeat('"', size)


@shape("critics-say")
def _critics(size: int) -> str:
    return _repeat("critics say ", size)


@shape("news-lines")
def _news(size: int) -> str:
    line = (
        'Gov. Scott Walker said on Tuesday, July 5, 2017, that "the budget is balanced,"'
        " according to Mary Neumann-Ortiz of the DOA (Department of Administration).\n"
    )
    return _repeat(line, size, "date 2017-07-06\n\n")


@shape("words-then-blank")
def _words(size: int) -> str:
    return _repeat("word ", size, tail="\n\n")


@shape("inline-html")
def _html(size: int) -> str:
    return _repeat("<b>", size)


def time_stages(text: str, path: str = "stress.md") -> dict[str, float]:
    """Seconds per stage: read, each extractor, each rule (all rules selected)."""
    from factlint.config import Config
    from factlint.engine import instantiate_rules
    from factlint.facts import Facts, extraction_order
    from factlint.plugins import load_registry
    from factlint.rules import Corpus, CorpusRule, DocumentRule

    registry = load_registry()
    config = Config()
    times: dict[str, float] = {}
    reader = registry.reader_for(path)
    assert reader is not None
    start = time.perf_counter()
    document = reader.read(path, text)
    times["read"] = time.perf_counter() - start
    facts = Facts()
    for name in extraction_order(registry.extractors, registry.extractors):
        start = time.perf_counter()
        facts._values[name] = list(registry.extractors[name].extract(document, facts))
        times[f"extract {name}"] = time.perf_counter() - start
    for rule in instantiate_rules(registry, config, registry.rules):
        start = time.perf_counter()
        if isinstance(rule, DocumentRule):
            list(rule.check(document, facts))
        elif isinstance(rule, CorpusRule):
            list(rule.check_corpus(Corpus((document,), (facts,))))
        times[f"rule {rule.code}"] = time.perf_counter() - start
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, action="append", help="characters (repeatable)")
    parser.add_argument("--only", action="append", help="run only these shapes")
    args = parser.parse_args(argv)
    sizes = args.size or [100_000]
    # stage -> (seconds, shape) at the largest size: the worst input per stage
    worst_input: dict[str, tuple[float, str]] = {}
    for name, make in SHAPES.items():
        if args.only and name not in args.only:
            continue
        totals = []
        for size in sizes:
            times = time_stages(make(size))
            worst = max(times, key=times.__getitem__)
            total = sum(times.values())
            totals.append(total)
            if size == max(sizes):
                for stage, seconds in times.items():
                    if seconds > worst_input.get(stage, (-1.0, ""))[0]:
                        worst_input[stage] = (seconds, name)
            print(
                f"{name:24} {size:>9,} chars  total {total:7.3f}s"
                f"  slowest: {worst} {times[worst]:.3f}s"
            )
        if len(totals) == 2 and totals[0] > 0:
            print(
                f"{'':24} growth x{totals[1] / totals[0]:.1f} for x{sizes[1] / sizes[0]:.0f} size"
            )
        sys.stdout.flush()
    print(f"\nThe worst input per stage at {max(sizes):,} characters:\n")
    print("| stage | worst input | seconds |")
    print("| --- | --- | --- |")
    for stage, (seconds, name) in sorted(worst_input.items(), key=lambda kv: -kv[1][0]):
        print(f"| {stage} | {name} | {seconds:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
