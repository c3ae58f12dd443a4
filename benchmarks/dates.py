"""Dates accuracy on TimeBank 1.2 (gold values), as in TempEval-3.

    python benchmarks/dates.py

For each TimeBank document the creation time (DCT) is the dateline. Every
gold DATE whose value is a calendar value (a day, month, year or week; not
PRESENT_REF, quarters, durations) and whose text is a form factlint resolves
is "in scope". Extent recall: in-scope gold expressions overlapped by an
extracted expression. Value accuracy: matched expressions whose resolved
value equals the gold value. Also counts FL301/FL302 hits on the news corpora.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from factlint.facts.dates import resolve

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
TIMEML = SHARED / "timeml"
CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I)


def kind_of(text: str) -> str:
    if WEEKDAY.search(text):
        return "weekday"
    if MONTH.search(text) or re.search(r"\d{4}-\d{2}-\d{2}|\d+/\d+/\d+", text):
        return "absolute"
    return "relative"


def main() -> None:
    docs_path, dates_path = TIMEML / "timebank.docs.jsonl", TIMEML / "timebank.dates.jsonl"
    if not docs_path.exists():
        raise SystemExit(f"TimeML corpus not found at {TIMEML}")
    texts = {}
    for line in docs_path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        texts[doc["doc"]] = (doc["text"], doc["dct"])
    extracted = {}
    for name, (text, dct) in texts.items():
        extracted[name] = resolve(text, dt.date.fromisoformat(dct[:10]))
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    misses: list[str] = []
    for line in dates_path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if not CALENDAR.match(gold["value"]):
            continue  # PRESENT_REF, quarters, durations, times of day: out of scope
        kind = kind_of(gold["text"])
        total[kind] += 1
        hits = [
            e for e in extracted[gold["doc"]] if e.start < gold["end"] and gold["start"] < e.end
        ]
        if not hits:
            misses.append(f"missed  {gold['text']!r} ({gold['value']})")
            continue
        found[kind] += 1
        if any(e.value == gold["value"] for e in hits):
            correct[kind] += 1
        else:
            misses.append(f"wrong   {gold['text']!r}: {hits[0].value} for {gold['value']}")
    print("TimeBank 1.2, calendar-valued DATE expressions (DCT as the dateline)\n")
    print("| kind | gold | found (extent recall) | value correct (of found) |")
    print("| --- | --- | --- | --- |")
    for kind in ("absolute", "weekday", "relative"):
        if total[kind]:
            print(
                f"| {kind} | {total[kind]} | {found[kind]} ({found[kind] / total[kind]:.2f}) |"
                f" {correct[kind]} ({correct[kind] / max(1, found[kind]):.2f}) |"
            )
    t, f, c = sum(total.values()), sum(found.values()), sum(correct.values())
    print(f"| **all** | {t} | {f} ({f / t:.2f}) | {c} ({c / max(1, f):.2f}) |")
    if "--misses" in sys.argv:
        print("\n".join(misses))

    news = SHARED / "news"
    if news.is_dir():
        print("\n| news corpus | FL301 | FL302 |")
        print("| --- | --- | --- |")
        for folder in ("reuters", "polnear", "bbc"):
            out = subprocess.run(
                [sys.executable, "-m", "factlint", "check", "--isolated", "--select", "FL301,FL302",
                 "--statistics", str(news / folder)],
                capture_output=True, text=True, check=False,
            ).stdout  # fmt: skip
            counts = dict.fromkeys(("FL301", "FL302"), "0")
            for row in out.splitlines():
                parts = row.split()
                if len(parts) >= 2 and parts[1] in counts:
                    counts[parts[1]] = parts[0]
            print(f"| {folder} | {counts['FL301']} | {counts['FL302']} |")


if __name__ == "__main__":
    main()
