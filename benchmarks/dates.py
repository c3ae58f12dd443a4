"""Dates accuracy on TimeBank 1.2 (gold values) and the TempEval-3 silver set.

    python benchmarks/dates.py [--misses] [--classes] [--news]

For each document the creation time (DCT) is the publication date. What is
counted:

- In scope: every TIMEX3 of type DATE whose annotated value is a calendar
  value (a day ``1997-04-01``, a month ``1997-04``, a year ``1997`` or a week
  ``1997-W14``). Left out: PRESENT_REF/PAST_REF/FUTURE_REF, quarters and
  halves (``1997-Q1``), seasons, decades, times of day, durations and sets
  (TIMEX3 types TIME, DURATION and SET are not DATEs).
- Found (extent recall): in-scope expressions that an expression factlint
  extracts overlaps (by character span; an annotated "Monday or Tuesday"
  overlaps two of factlint's).
- Value correct: found expressions one of whose overlapping expressions has
  exactly the annotated value (the same granularity: ``2003-01-01`` for an
  annotated ``2003`` is not counted correct).
- Up to granularity (a second, lenient figure): also counted when one value
  lies inside the other, the annotated one coarser ("January 1 2003"
  annotated ``2003``) or factlint's ("a year ago" is ``1988`` to factlint,
  ``1988-11-02`` or ``1988-11`` to the annotators).

TimeBank 1.2 is read in full documents (gold values checked by people).
The TempEval-3 silver set gives each DATE with its sentence, not the whole
document, so each sentence is resolved alone against the DCT; its values
were assigned by a machine, so agreement with them is a measure of
consistency at volume, not of truth. Both go into one table. ``--classes``
counts the silver disagreements whose silver value is plainly wrong, by
class (each class read in samples), and the accuracy without them. ``--news``
also counts FL301/FL302 findings on the news corpora.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from factlint.facts.dates import resolve

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
TIMEML = SHARED / "timeml"
CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I)
KINDS = ("absolute", "weekday", "relative")


def kind_of(text: str) -> str:
    if WEEKDAY.search(text):
        return "weekday"
    if MONTH.search(text) or re.search(r"\d{4}-\d{2}-\d{2}|\d+/\d+/\d+", text):
        return "absolute"
    return "relative"


def within(ours: str | None, value: str) -> bool:
    """Whether ``ours`` is ``value`` or a finer value inside its period
    (``2003-01-01`` in ``2003``, ``1997-04-02`` in ``1997-W14``)."""
    if ours is None or not CALENDAR.match(ours):
        return False
    if ours == value:
        return True
    if "W" in value:
        if len(ours) != 10:
            return False
        year, week, _ = dt.date.fromisoformat(ours).isocalendar()
        return value == f"{year:04d}-W{week:02d}"
    return "W" not in ours and len(ours) > len(value) and ours.startswith(value)


def nested(ours: str | None, value: str) -> bool:
    """Whether one of the two values lies inside the other (or they are equal)."""
    return within(ours, value) or (ours is not None and within(value, ours))


class Score:
    def __init__(self) -> None:
        self.total: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.correct: Counter[str] = Counter()
        self.within: Counter[str] = Counter()
        self.misses: list[str] = []
        # (text, silver value, our value, DCT, our tense) of each disagreement
        self.wrong: list[tuple[str, str, str | None, str, str | None]] = []

    def add(self, text: str, value: str, hits: list, dct: str = "") -> None:  # type: ignore[type-arg]
        kind = kind_of(text)
        self.total[kind] += 1
        if not hits:
            self.misses.append(f"missed  {text!r} ({value})")
            return
        self.found[kind] += 1
        if any(nested(e.value, value) for e in hits):
            self.within[kind] += 1
        if any(e.value == value for e in hits):
            self.correct[kind] += 1
        else:
            self.misses.append(f"wrong   {text!r}: {hits[0].value} for {value}")
            self.wrong.append((text, value, hits[0].value, dct[:10], hits[0].tense))

    def accuracy(self) -> float:
        return sum(self.correct.values()) / max(1, sum(self.found.values()))

    def within_accuracy(self) -> float:
        return sum(self.within.values()) / max(1, sum(self.found.values()))

    def rows(self, name: str) -> Iterable[str]:
        counts = (self.total, self.found, self.correct, self.within)
        for kind in (*KINDS, None):
            t, f, c, w = (x[kind] if kind else sum(x.values()) for x in counts)
            if t:
                label = kind or "**all**"
                yield (
                    f"| {name} | {label} | {t} | {f} ({f / t:.2f}) | {c} ({c / max(1, f):.3f})"
                    f" | {w} ({w / max(1, f):.3f}) |"
                )


def _dct(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def timebank() -> Score:
    """TimeBank 1.2: gold values, whole documents."""
    texts = {}
    for line in (TIMEML / "timebank.docs.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        texts[doc["doc"]] = (doc["text"], doc["dct"])
    extracted = {name: resolve(text, _dct(dct)) for name, (text, dct) in texts.items()}
    score = Score()
    for line in (TIMEML / "timebank.dates.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if not CALENDAR.match(gold["value"]):
            continue  # PRESENT_REF, quarters, durations, times of day: out of scope
        hits = [
            e for e in extracted[gold["doc"]] if e.start < gold["end"] and gold["start"] < e.end
        ]
        score.add(gold["text"], gold["value"], hits)
    return score


def _sentence_start(group: list[dict]) -> int | None:  # type: ignore[type-arg]
    """Where a sentence begins in its document: the offset that puts the most
    of its DATEs' document offsets on their text in the sentence (the silver
    set gives document offsets and the sentence, not the sentence's offset)."""
    context = group[0]["context"]
    votes: Counter[int] = Counter()
    for gold in group:
        for at in re.finditer(re.escape(gold["text"]), context):
            votes[gold["start"] - at.start()] += 1
    return votes.most_common(1)[0][0] if votes else None


def silver() -> tuple[Score, int]:
    """TempEval-3 silver: machine values; each DATE's sentence resolved alone.
    Returns the score and how many DATEs were not found in their sentence.

    A DATE is placed in its sentence by its document offset, so that the
    second "Saturday" of "scheduled Friday and Saturday" is scored as the
    second (the first occurrence when the offsets do not say)."""
    score, unplaced = Score(), 0
    groups: dict[tuple[str, str], list] = {}  # type: ignore[type-arg]
    with (TIMEML / "te3-silver.dates.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            gold = json.loads(line)
            groups.setdefault((gold["doc"], gold["context"]), []).append(gold)
    for (_, context), group in groups.items():
        base = _sentence_start(group)
        resolved = None
        for gold in group:
            if not CALENDAR.match(gold["value"]):
                continue
            text = gold["text"]
            at = gold["start"] - base if base is not None else -1
            if context[at : at + len(text)] != text or at < 0:
                at = context.find(text)
            if at < 0:
                unplaced += 1
                continue
            if resolved is None:
                resolved = resolve(context, _dct(gold["dct"]))
            hits = [e for e in resolved if e.start < at + len(text) and at < e.end]
            score.add(text, gold["value"], hits, gold["dct"])
    return score, unplaced


# Disagreements where the silver value is plainly wrong: a machine assigned
# it, and the sentence says otherwise (read in samples of each class).
SILVER_ERRORS = (
    ("weekday of the DCT valued a week later", "'Beijing warned Tuesday' in a Tuesday story"),
    ("a future date valued a year back", "'will meet on May 12' in an April 22 story"),
    ("the DCT's own month and day valued a year off", "a dateline 'Nov. 2 (Xinhua)'"),
    ("a range of days valued as the DCT", "'the Dec. 1-15 Asian Games'"),
    ("late/early/later X valued as the DCT", "'late Tuesday', 'late March', 'later this month'"),
    ("a period valued as the DCT", "'the same period last year', 'the third quarter'"),
    (
        "a count from the DCT or a stated date valued as the DCT",
        "'10 days ago', 'the coming week', 'October 13 this year'",
    ),
    ("a clock time or a decimal valued as a year", "'0900 GMT Wednesday', \"Thursday's 11.2023\""),
)


def _iso(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        return None


# Words that count from the DCT: the expression cannot be the DCT itself.
_COUNTED = re.compile(
    r"\b(?:ago|later|earlier|last|next|coming|past|previous)\b|\bthis (?:week|month|year)\b",
    re.I,
)


_MONTH_DAY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b", re.I
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _other_day(text: str, published: dt.date) -> bool:
    """Whether the text states a month and day that are not the DCT's."""
    stated = _MONTH_DAY.search(text)
    if not stated:
        return False
    month = _MONTHS.index(stated.group(1).lower()) + 1
    return (month, int(stated.group(2))) != (published.month, published.day)


def silver_error(
    text: str, value: str, ours: str | None, dct: str, tense: str | None
) -> int | None:
    """The index in SILVER_ERRORS of a disagreement's class, None if it is ours to fix."""
    published, gold, read = _iso(dct), _iso(value), _iso(ours)
    if published is None:
        return None
    if (
        WEEKDAY.fullmatch(text)
        and gold
        and (gold - published).days == 7
        and (text.lower() == f"{published:%A}".lower())
    ):
        return 0
    if (
        ours and tense == "future" and len(value) >= 7 and len(ours) == len(value)
        and ours[4:] == value[4:] and int(ours[:4]) - int(value[:4]) == 1
        and ours > dct[: len(ours)] and value < dct[: len(value)]
    ):  # fmt: skip
        return 1
    if read == published and gold and abs((gold - published).days) in (365, 366):
        return 2
    if value == dct and ours != dct:
        if re.search(r"\d\s*-\s*\d|\d to \w", text):
            return 3
        if re.match(r"(?:late|early|mid|later|earlier)\b", text, re.I):
            return 4
        if re.search(r"\b(?:period|quarter|half)\b", text):
            return 5
        if _COUNTED.search(text) or _other_day(text, published):
            return 6
    if re.search(rf"{value}\s*(?:GMT|hours|a\.m|p\.m)|[.:]{value}", text):
        return 7
    return None


def silver_classes(score: Score) -> None:
    counts = Counter(silver_error(*wrong) for wrong in score.wrong)
    found = sum(score.found.values())
    correct = sum(score.correct.values())
    plainly = sum(n for k, n in counts.items() if k is not None)
    print(
        f"\nUp to granularity (one value inside the other counts):"
        f" {score.within_accuracy():.3f} ({sum(score.within.values())}/{found})."
    )
    print("\n| silver disagreement | count | example |")
    print("| --- | --- | --- |")
    for index, (name, example) in enumerate(SILVER_ERRORS):
        print(f"| silver plainly wrong: {name} | {counts[index]} | {example} |")
    print(f"| other (ours or unclear) | {counts[None]} | |")
    print(
        f"\nSilver value accuracy {correct / found:.3f} ({correct}/{found}); leaving out the"
        f" {plainly} plainly wrong silver values: {correct / (found - plainly):.3f}"
        f" ({correct}/{found - plainly})."
    )


def news_counts() -> None:
    news = SHARED / "news"
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


def main() -> None:
    if not (TIMEML / "timebank.docs.jsonl").exists():
        raise SystemExit(f"TimeML corpora not found at {TIMEML}")
    bank = timebank()
    silver_score, unplaced = silver()
    print("Calendar-valued DATE expressions (DCT as the publication date)\n")
    print(
        "| corpus | kind | in scope | found (extent recall) | value correct (of found)"
        " | same up to granularity |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for row in bank.rows("TimeBank 1.2 (gold)"):
        print(row)
    for row in silver_score.rows("TempEval-3 silver (machine values)"):
        print(row)
    print(f"\n({unplaced} silver DATEs whose text is not in their sentence are left out.)")
    if "--classes" in sys.argv:
        silver_classes(silver_score)
    if "--misses" in sys.argv:
        print("\n".join(["TimeBank:", *bank.misses, "Silver:", *silver_score.misses]))
    if "--news" in sys.argv and (SHARED / "news").is_dir():
        news_counts()


if __name__ == "__main__":
    main()
