"""People extractor against a hand-annotated gold set: mention precision and recall.

    python benchmarks/people_gold.py                 # the table
    python benchmarks/people_gold.py --list          # every miss and false mention, in context
    python benchmarks/people_gold.py --no-quoted --no-headline   # leave those mentions out
    python benchmarks/people_gold.py --draw          # print the fixed-seed draw of stories

The gold set lives in ``benchmarks/gold/people/*.yml``: one file per story of
../shared/corpora/news, holding the story's path, a SHA-256 of its text and
every person mention in it as character offsets (the guidelines are in that
folder's README.md). Only annotations are stored; the stories are read from
the corpus, and a story whose text no longer matches its hash is skipped
with a warning.

A gold mention is found (exact) when the extractor reports a mention with the
same start and end; lenient counts any overlap. A predicted mention is false
when no gold mention overlaps it (lenient) or none has its span (exact).
Gold mentions of kind ``given`` / ``title-given`` ("Victoria", "Sir
Nicholas") and names used as noun modifiers ("the Obama administration",
listed under ``not_persons`` with ``why: modifier``) are outside the measure:
a prediction there is neither right nor wrong. Other ``not_persons``
(companies, titles of works) are listed only to name the error when the
extractor reports them. ``--no-quoted`` / ``--no-headline`` drop the gold
mentions so flagged (and false mentions the extractor flags so); found
mentions whose flag differs from the gold's are counted and listed.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "people"
NEWS = HERE.parent.parent / "shared" / "corpora" / "news"
KINDS = ("full", "surname", "title-surname")
OUT_OF_SCOPE = ("given", "title-given")
SOURCES = ("bbc", "reuters", "polnear")

# The draw (see gold/people/README.md): fixed seed, BBC stratified by section,
# Reuters skipping tables, PolNeAR from train and dev text together.
SEED = 20261129
BBC_SECTIONS = ("business", "entertainment", "politics", "sport", "tech")
N_BBC, N_REUTERS, N_POLNEAR = 14, 14, 12


def is_table(text: str) -> bool:
    """A Reuters story that is mostly figures: fewer than half its paragraphs
    end like a sentence, or more than a tenth of its characters are digits."""
    body = text.split("---", 2)[-1] if text.startswith("---") else text
    paras = [p.strip() for p in body.split("\n\n") if p.strip()]
    if not paras:
        return True
    sentences = sum(1 for p in paras if p.endswith((".", '"', "”", "'")))
    chars = [c for c in body if not c.isspace()]
    digits = sum(c.isdigit() for c in chars) / max(1, len(chars))
    return sentences < len(paras) / 2 or digits > 0.10


def draw(news: Path = NEWS) -> tuple[list[str], list[str], list[str], list[str]]:
    """The stories of the gold set, as paths relative to the news folder:
    (bbc, reuters, polnear, reuters skipped as tables)."""
    rng = random.Random(SEED)

    def rel(paths: Any) -> list[str]:
        return sorted(p.relative_to(news).as_posix() for p in paths)

    pools = {s: rel((news / "bbc" / s).glob("*.txt")) for s in BBC_SECTIONS}
    for s in BBC_SECTIONS:
        rng.shuffle(pools[s])
    bbc = [pools[BBC_SECTIONS[i % 5]][i // 5] for i in range(N_BBC)]
    pool = rel((news / "reuters").glob("*.md"))
    rng.shuffle(pool)
    reuters: list[str] = []
    skipped: list[str] = []
    for path in pool:
        if len(reuters) == N_REUTERS:
            break
        text = (news / path).read_text(encoding="utf-8")
        (skipped if is_table(text) else reuters).append(path)
    pol = rel(p for d in ("train", "dev") for p in (news / "polnear" / d / "text").glob("*.txt"))
    rng.shuffle(pol)
    return bbc, reuters, pol[:N_POLNEAR], skipped


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_gold(folder: Path = GOLD) -> list[dict[str, Any]]:
    return [
        {**yaml.safe_load(p.read_text(encoding="utf-8")), "gold_file": p.name}
        for p in sorted(folder.glob("*.yml"))
    ]


@dataclass
class Story:
    file: str
    source: str
    text: str
    gold: list[dict[str, Any]]  # in-scope mentions
    ignore: list[tuple[int, int]]  # out-of-scope spans: no credit, no blame
    not_persons: list[dict[str, Any]]
    predicted: list[Any] = field(default_factory=list)


def read_stories(news: Path = NEWS) -> tuple[list[Story], list[str]]:
    """The gold stories with their text as factlint reads it, and the extractor's mentions."""
    from factlint import engine
    from factlint.config import Config
    from factlint.facts import extract_facts, extraction_order
    from factlint.plugins import load_registry

    registry = load_registry()
    config = Config()
    order = extraction_order(registry.extractors, ["people"])
    stories: list[Story] = []
    warnings: list[str] = []
    for entry in load_gold():
        path = news / entry["file"]
        if not path.exists():
            warnings.append(f"{entry['gold_file']}: {entry['file']} is missing; skipped")
            continue
        source = engine.Source(str(path), str(path))
        document = engine.read_source(source, registry, config)
        if document is None or text_hash(document.text) != entry["sha256"]:
            warnings.append(f"{entry['gold_file']}: {entry['file']} has changed; skipped")
            continue
        mentions = entry.get("mentions") or []
        nots = entry.get("not_persons") or []
        story = Story(
            entry["file"],
            entry["file"].split("/")[0],
            document.text,
            [m for m in mentions if m["kind"] in KINDS],
            [(m["start"], m["end"]) for m in mentions if m["kind"] in OUT_OF_SCOPE]
            + [(n["start"], n["end"]) for n in nots if n.get("why") == "modifier"],
            [n for n in nots if n.get("why") != "modifier"],
        )
        facts = extract_facts(document, registry.extractors, order)
        story.predicted = list(facts["people"])
        stories.append(story)
    return stories, warnings


def predicted_kind(p: Any) -> str:
    """The extractor calls "Mr Blair" a surname with a courtesy title; the gold says title-surname."""
    return "title-surname" if p.kind == "surname" and p.title else p.kind


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Score:
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    found_lenient: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    right_lenient: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[Story, dict[str, Any], bool]] = field(default_factory=list)
    false: list[tuple[Story, Any, bool]] = field(default_factory=list)
    #: Found mentions whose quoted / headline flag differs from the gold's.
    flags: list[tuple[Story, dict[str, Any], str]] = field(default_factory=list)


def score(stories: list[Story], quoted: bool = True, headline: bool = True) -> Score:
    """Counts under keys "all", "kind:<kind>" and "source:<source>"."""
    s = Score()
    for story in stories:
        gold = [
            g
            for g in story.gold
            if (quoted or not g.get("quoted")) and (headline or not g.get("headline"))
        ]
        dropped = [(g["start"], g["end"]) for g in story.gold if g not in gold]
        ignore = story.ignore + dropped
        kept = [(g["start"], g["end"]) for g in gold]
        # Quotations and headlines are the gold's (the extractor's own flags
        # decide only for its false mentions, which have no gold flag).
        pred = [
            p
            for p in story.predicted
            if not any(_overlaps((p.start, p.end), i) for i in ignore)
            and (
                ((quoted or not p.quoted) and (headline or not p.headline))
                or any(_overlaps((p.start, p.end), k) for k in kept)
            )
        ]
        exact = {(p.start, p.end): p for p in pred}
        for g in gold:
            keys = ("all", f"kind:{g['kind']}", f"source:{story.source}")
            span = (g["start"], g["end"])
            lenient = any(_overlaps(span, (p.start, p.end)) for p in pred)
            for k in keys:
                s.gold[k] += 1
                s.found[k] += span in exact
                s.found_lenient[k] += lenient
            if span not in exact:
                s.misses.append((story, g, lenient))
                continue
            for flag in ("quoted", "headline"):
                if bool(g.get(flag)) != getattr(exact[span], flag):
                    s.flags.append((story, g, flag))
        spans = {(g["start"], g["end"]) for g in gold}
        for p in pred:
            keys = ("all", f"kind:{predicted_kind(p)}", f"source:{story.source}")
            lenient = any(_overlaps((p.start, p.end), sp) for sp in spans)
            for k in keys:
                s.pred[k] += 1
                s.right[k] += (p.start, p.end) in spans
                s.right_lenient[k] += lenient
            if (p.start, p.end) not in spans:
                s.false.append((story, p, lenient))
    return s


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def table(s: Score) -> str:
    rows = [
        "| slice | gold | found | recall | lenient recall | predicted | right | precision | lenient precision |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    keys = ["all"] + [f"kind:{k}" for k in KINDS] + [f"source:{x}" for x in SOURCES]
    for k in keys:
        rows.append(
            f"| {k} | {s.gold[k]} | {s.found[k]} | {_ratio(s.found[k], s.gold[k])}"
            f" | {_ratio(s.found_lenient[k], s.gold[k])} | {s.pred[k]} | {s.right[k]}"
            f" | {_ratio(s.right[k], s.pred[k])} | {_ratio(s.right_lenient[k], s.pred[k])} |"
        )
    return "\n".join(rows)


def _context(text: str, start: int, end: int, width: int = 45) -> str:
    before = text[max(0, start - width) : start].replace("\n", " ")
    after = text[end : end + width].replace("\n", " ")
    return f"{before}[{text[start:end]}]{after}"


def miss_category(story: Story, g: dict[str, Any], lenient: bool) -> str:
    """A first sorting of a miss by the shape of its context (read the list to be sure)."""
    from factlint.facts.people import fold, lexicon

    text = story.text
    if lenient:
        return "span differs"
    if g.get("headline"):
        return "headline"
    before = text[max(0, g["start"] - 40) : g["start"]]
    line_start = text.rfind("\n", 0, g["start"]) + 1
    if any(cue in text[line_start : g["start"]] for cue in ("Reporting by", "Editing by")) or (
        text[line_start : g["start"]].strip() in ("-", "—", "By")
    ):
        return "credit line or byline"
    words = g["text"].split()
    if g["kind"] == "full" and len(words[0].rstrip(".")) <= 2 and words[0][:1].isupper():
        return "initial + surname (team sheet)"
    prev = before.split()[-1] if before.split() else ""
    if prev[:1].isupper() and not prev.endswith((".", ",", ":", ";", '"', "”", ")")):
        return "after a capitalised word (title, party, place, acronym)"
    if g["kind"] == "full" and fold(words[0]) not in lexicon().given_names:
        return "given name not in the lexicon"
    if g["kind"] == "surname":
        return "lone surname, no cue"
    return "other"


def false_category(story: Story, p: Any, lenient: bool) -> str:
    if lenient:
        return "span differs"
    for n in story.not_persons:
        if _overlaps((p.start, p.end), (n["start"], n["end"])):
            return f"not a person: {n.get('why', 'marked')}"
    if p.headline:
        return "headline word"
    return "capitalised word that is no person"


def report(s: Score, listing: bool) -> str:
    out = [table(s), ""]
    misses = Counter(miss_category(*m) for m in s.misses)
    falses = Counter(false_category(*f) for f in s.false)
    out.append("| missed (exact) | count |\n| --- | ---: |")
    out += [f"| {k} | {n} |" for k, n in misses.most_common()]
    out.append("\n| false (exact) | count |\n| --- | ---: |")
    out += [f"| {k} | {n} |" for k, n in falses.most_common()]
    wrong = Counter(flag for _, _, flag in s.flags)
    out.append(
        f"\nFlags of found mentions that differ from the gold: quoted {wrong['quoted']},"
        f" headline {wrong['headline']}"
    )
    if listing:
        out.append("\n## Flags that differ")
        for story, g, flag in s.flags:
            out.append(
                f"  {story.file}:{g['start']} {flag} should be {bool(g.get(flag))}:"
                f" {_context(story.text, g['start'], g['end'])}"
            )
        out.append("\n## Misses")
        by: dict[str, list[str]] = defaultdict(list)
        for story, g, lenient in s.misses:
            by[miss_category(story, g, lenient)].append(
                f"  {story.file}:{g['start']} {g['kind']}: {_context(story.text, g['start'], g['end'])}"
            )
        for k, lines in sorted(by.items()):
            out.append(f"{k} ({len(lines)}):")
            out += lines
        out.append("\n## False mentions")
        byf: dict[str, list[str]] = defaultdict(list)
        for story, p, lenient in s.false:
            byf[false_category(story, p, lenient)].append(
                f"  {story.file}:{p.start} {predicted_kind(p)} ({p.cue}):"
                f" {_context(story.text, p.start, p.end)}"
            )
        for k, lines in sorted(byf.items()):
            out.append(f"{k} ({len(lines)}):")
            out += lines
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="list misses and false mentions")
    parser.add_argument("--no-quoted", action="store_true", help="leave out quoted mentions")
    parser.add_argument("--no-headline", action="store_true", help="leave out headline mentions")
    parser.add_argument("--draw", action="store_true", help="print the draw of stories and stop")
    args = parser.parse_args(argv)
    if not NEWS.is_dir():
        print(f"no corpus at {NEWS}", file=sys.stderr)
        return 2
    if args.draw:
        bbc, reuters, pol, skipped = draw()
        print("\n".join(bbc + reuters + pol))
        print("reuters skipped as tables:", " ".join(skipped))
        return 0
    stories, warnings = read_stories()
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    s = score(stories, quoted=not args.no_quoted, headline=not args.no_headline)
    print(f"People extractor against the gold set: {len(stories)} stories\n")
    print(report(s, args.list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
