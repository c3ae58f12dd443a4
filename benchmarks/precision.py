"""Precision on published copy: how often each default rule fires, and how
often it is right, judged by reading its findings.

    python benchmarks/precision.py                    # table for every corpus
    python benchmarks/precision.py --corpus polnear --show FL103   # sample, in context
    python benchmarks/precision.py --unjudged         # sampled findings nobody judged yet
    python benchmarks/precision.py --extend-select FL202,FL501   # off-by-default rules too

Runs the default rules over each corpus of ../shared/corpora/news on its own
(news/bbc, news/reuters, news/polnear train+dev), so stories are compared
only with stories of the same source, and over TimeBank 1.2's 183 stories
(../shared/corpora/timeml: WSJ, AP, ABC, CNN, PRI and VOA copy of 1989-98,
written out as Markdown files dated by their creation time in a folder
under the system's temporary directory): copy from other newsrooms and
years, which the rules were never tuned on. Published, edited copy is mostly
right: what a rule reports there is mostly noise, and the share of its
findings a copy editor would act on is its precision.

The sample: per rule and corpus, the findings whose hash of (seed, rule,
file, line) is lowest. A hash, not a shuffle, so the sample is stable as the
code changes: a finding that stays keeps its place, one that goes makes room
for the next, and what was judged before is still judged.

Verdicts live in ``benchmarks/judged/<CODE>.tsv`` (tab-separated: rule,
file relative to the news folder, line, verdict, reason). TRUE: a copy
editor would want to see it. FALSE: it is wrong (two people merged, a quote
attributed a line away, a date misread). DEBATABLE: in between. Precision
below is TRUE / judged; "lenient" counts DEBATABLE as worth a look too.
Judge by reading each finding in its story (``--show``), before changing
code, and again after: sampled findings with no verdict are counted and
listed (``--unjudged``), so the judged file grows with the code.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from factlint import engine
from factlint.config import Config
from factlint.findings import Finding
from factlint.plugins import load_registry
from factlint.selection import selected_codes

HERE = Path(__file__).resolve().parent
NEWS = HERE.parent.parent / "shared" / "corpora" / "news"
JUDGED = HERE / "judged"
CORPORA = {
    "bbc": ["bbc"],
    "reuters": ["reuters"],
    "polnear": ["polnear/train/text", "polnear/dev/text"],
}
TIMEBANK = NEWS.parent / "timeml" / "timebank.docs.jsonl"
GENERATED = Path(tempfile.gettempdir()) / "factlint-precision"
VERDICTS = ("TRUE", "DEBATABLE", "FALSE")
FIELDS = ("rule", "file", "line", "verdict", "reason")

Key = tuple[str, str, int]  # rule, file relative to NEWS (or GENERATED), line


def timebank() -> list[str]:
    """TimeBank's stories as files, each dated by its creation time."""
    folder = GENERATED / "timebank"
    folder.mkdir(parents=True, exist_ok=True)
    with TIMEBANK.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            text = f"---\ndate: {doc['dct'][:10]}\n---\n\n{doc['text'].strip()}\n"
            path = folder / f"{doc['doc']}.md"
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
    return [str(folder)]


GENERATED_CORPORA = {"timebank": timebank}


def load_judged() -> dict[Key, tuple[str, str]]:
    judged: dict[Key, tuple[str, str]] = {}
    for path in sorted(JUDGED.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.reader(handle, delimiter="\t"), 1):
                if not row or row[0].startswith("#") or row[0] == "rule":
                    continue
                if len(row) != len(FIELDS) or row[3] not in VERDICTS:
                    raise SystemExit(f"{path}:{number}: expected {'/'.join(FIELDS)}: {row}")
                judged[(row[0], row[1], int(row[2]))] = (row[3], row[4])
    return judged


def run_corpus(
    name: str, jobs: int, extend: list[str]
) -> tuple[int, list[Finding], dict[str, str], float]:
    registry = load_registry()
    config = Config()
    codes = selected_codes(registry.rules, None, extend, (), "--extend-select")
    if name in GENERATED_CORPORA:
        paths = GENERATED_CORPORA[name]()
    else:
        paths = [str(NEWS / p) for p in CORPORA[name]]
    sources, errors = engine.collect_sources(paths, registry, config, None)
    start = time.perf_counter()
    result = engine.run(sources, registry, config, codes, jobs=jobs)
    for message in errors + result.errors:
        print(message, file=sys.stderr)
    seconds = time.perf_counter() - start
    texts = {d.path: d.text for d in result.documents}
    findings = engine.with_positions(result.findings, texts)
    return len(result.documents), findings, texts, seconds


def rel(path: str) -> str:
    resolved = Path(path).resolve()
    if resolved.is_relative_to(GENERATED.resolve()):
        return resolved.relative_to(GENERATED.resolve()).as_posix()
    return resolved.relative_to(NEWS.resolve()).as_posix()


def key_of(finding: Finding) -> Key:
    return (finding.code, rel(finding.location.path), finding.location.line)


def sample(findings: list[Finding], size: int, seed: int) -> list[Finding]:
    """The ``size`` findings with the lowest stable hash, one per key."""

    def rank(finding: Finding) -> str:
        code, path, line = key_of(finding)
        return hashlib.sha1(f"{seed}\t{code}\t{path}\t{line}".encode()).hexdigest()

    chosen: dict[Key, Finding] = {}
    for finding in sorted(findings, key=rank):
        chosen.setdefault(key_of(finding), finding)
        if len(chosen) >= size:
            break
    return list(chosen.values())


def show(finding: Finding, texts: dict[str, str], verdict: tuple[str, str] | None) -> str:
    code, path, line = key_of(finding)
    lines = texts[finding.location.path].splitlines()
    out = [
        f"{code}\t{path}\t{line}\t{verdict[0] if verdict else '?'}\t{verdict[1] if verdict else ''}"
    ]
    out.append(f"    {finding.message}")
    for related in finding.related[:4]:
        out.append(
            f"    related {rel(related.location.path)}:{related.location.line}: {related.message}"
        )
    for number in range(max(1, line - 1), min(len(lines), line + 1) + 1):
        text = lines[number - 1]
        if len(text) > 400:
            col = finding.location.column if number == line else 0
            text = ("..." if col > 200 else "") + text[max(0, col - 200) : col + 200] + "..."
        out.append(f"    {'>' if number == line else ' '} {number}: {text}")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=sorted([*CORPORA, *GENERATED_CORPORA]))
    parser.add_argument(
        "--sample", type=int, default=25, help="findings sampled per rule and corpus"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--extend-select",
        metavar="CODES",
        default="",
        help="also run these off-by-default rules (comma-separated)",
    )
    parser.add_argument(
        "--show",
        metavar="CODE",
        action="append",
        default=[],
        help="print this rule's sampled findings with their lines",
    )
    parser.add_argument(
        "--unjudged",
        action="store_true",
        help="print every sampled finding that has no verdict yet",
    )
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"corpora not found at {NEWS}", file=sys.stderr)
        return 2
    judged = load_judged()
    rows = []
    for name in args.corpus or [*CORPORA, *GENERATED_CORPORA]:
        if name in GENERATED_CORPORA and not TIMEBANK.is_file():
            print(f"{TIMEBANK} not found: {name} left out", file=sys.stderr)
            continue
        stories, findings, texts, seconds = run_corpus(
            name, args.jobs, [c for c in args.extend_select.split(",") if c]
        )
        by_rule: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_rule[finding.code].append(finding)
        for code in sorted(by_rule):
            picked = sample(by_rule[code], args.sample, args.seed)
            verdicts = Counter(judged[key_of(f)][0] for f in picked if key_of(f) in judged)
            rows.append((name, stories, code, len(by_rule[code]), len(picked), verdicts))
            for finding in picked:
                verdict = judged.get(key_of(finding))
                if code in args.show or (args.unjudged and verdict is None):
                    print(show(finding, texts, verdict), end="\n\n")
        print(f"({name}: {stories} stories, {seconds:.1f} s)", file=sys.stderr)

    print(
        "| corpus | rule | findings | per 1,000 stories | sampled | judged "
        "| TRUE | DEBATABLE | FALSE | precision | lenient |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    unjudged = 0
    for name, stories, code, count, picked, verdicts in rows:
        n = sum(verdicts.values())
        unjudged += picked - n
        precision = f"{verdicts['TRUE'] / n:.2f}" if n else "-"
        lenient = f"{(verdicts['TRUE'] + verdicts['DEBATABLE']) / n:.2f}" if n else "-"
        print(
            f"| {name} | {code} | {count} | {count * 1000 / stories:.0f} | {picked} | {n} "
            f"| {verdicts['TRUE']} | {verdicts['DEBATABLE']} | {verdicts['FALSE']} "
            f"| {precision} | {lenient} |"
        )
    if unjudged:
        print(f"\n{unjudged} sampled findings have no verdict yet (--unjudged lists them).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
