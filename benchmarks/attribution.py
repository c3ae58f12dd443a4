"""Attribution accuracy on PolNeAR's gold attributions, and FL201/FL204 rates.

    python benchmarks/attribution.py [--sample 100] [--list] [--misses] [--no-corpus]

``--misses`` prints every named gold quote not tied to its speaker, grouped
by what factlint found (quote kind / how it was attributed / no speaker or
a wrong one), with the text around it.

PolNeAR (../shared/corpora/news/polnear) marks each attribution's Source
(speaker), Cue and Content with character offsets. A gold *direct quote* is
an attribution whose Content lies inside quotation marks. For every full
quotation factlint finds that overlaps such a Content, its speaker is
correct when the speaker factlint names overlaps the gold Source, or shares
its last word with it (pronouns are compared after factlint resolves them,
so a resolved "he" counts only if it names the gold Source's person). The
sample of quotes scored is listed with --list so it can be re-checked.

Three more measures, over every gold direct quote:

- *named quotes tied to the right speaker*: of the gold direct quotes whose
  Source is a name (its last word is capitalised and no pronoun: "Sen. Marco
  Rubio", not "he" or "the Florida senator"), the share that a quotation
  factlint finds (full or partial) overlaps with a speaker that is right as
  above (a recall);
- *speaker precision*: of the quotes factlint gives a speaker and that match
  a gold direct quote, the share whose speaker is right;
- *FL201 on attributed quotes*: the share of gold direct quotes (the
  annotators found a source for each) that an FL201 finding overlaps.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from factlint.config import Config
from factlint.engine import Source, read_source
from factlint.facts import extract_facts, extraction_order
from factlint.plugins import load_registry

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "news"
POLNEAR = SHARED / "polnear"
_WORD = re.compile(r"[\w’']+")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who"}


def _right(q: object, s_start: int, s_end: int, s_text: str) -> bool:
    """Does the quote's speaker overlap the gold Source, or end with one of its words?"""
    speaker = getattr(q, "speaker", None)
    if not speaker:
        return False
    start, end = getattr(q, "speaker_start", None), getattr(q, "speaker_end", None)
    if start is not None and start < s_end and s_start < (end or 0):
        return True
    ours = _WORD.findall(speaker)
    return bool(ours) and ours[-1].lower() in {w.lower() for w in _WORD.findall(s_text)}


def _named(source: str) -> bool:
    words = _WORD.findall(source)
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() not in _PRONOUNS


def gold_quotes(ann: Path, text: str) -> list[tuple[int, int, int, int, str]]:
    """(content start, end, source start, end, source text) of direct quotes."""
    spans: dict[str, tuple[str, int, int, str]] = {}
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *offsets = parts[1].split()
            if ";" in parts[1]:
                continue
            spans[parts[0]] = (kind, int(offsets[0]), int(offsets[1]), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(p.split(":") for p in parts[1].split())
            content, source = (
                spans.get(roles.get("Content", "")),
                spans.get(roles.get("Source", "")),
            )
            if not content or not source:
                continue
            before = text[max(0, content[1] - 2) : content[1] + 1]
            after = text[max(0, content[2] - 2) : content[2] + 2]
            if any(c in before for c in '"“') and any(c in after for c in '"”'):
                out.append((content[1], content[2], source[1], source[2], source[3]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--list", action="store_true", help="print the scored sample")
    parser.add_argument(
        "--misses", action="store_true", help="print named gold quotes missed, by how"
    )
    parser.add_argument("--no-corpus", action="store_true", help="skip the FL201/FL204 rates")
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        raise SystemExit(f"PolNeAR not found at {POLNEAR}")
    registry = load_registry()
    order = extraction_order(registry.extractors, ["quotes"])
    found_quotes = with_speaker = 0
    named_gold = named_right = gold_total = gold_flagged = 0
    fl201 = registry.rules["FL201"](Config())
    scored: list[tuple[str, str, str, bool]] = []
    misses: dict[str, list[str]] = {}
    docs = 0
    for split in ("train", "dev"):
        for ann in sorted((POLNEAR / split / "attributions").glob("*.ann")):
            stem = ann.stem.rsplit("_", 1)[0]
            path = POLNEAR / split / "text" / f"{stem}.txt"
            if not path.exists():
                continue
            document = read_source(Source(str(path), str(path)), registry, Config())
            if document is None:
                continue
            docs += 1
            facts = extract_facts(document, registry.extractors, order)
            quotes = [q for q in facts["quotes"] if q.kind == "full"]
            flagged = [(f.location.start, f.location.end) for f in fl201.check(document, facts)]
            found_quotes += len(quotes)
            with_speaker += sum(q.speaker is not None for q in quotes)
            for c_start, c_end, s_start, s_end, s_text in gold_quotes(ann, document.text):
                gold_total += 1
                gold_flagged += any(a <= c_end and c_start - 1 <= b for a, b in flagged)
                named = _named(s_text)
                named_gold += named
                if named:
                    hit = any(
                        q.start < c_end and c_start < q.end and _right(q, s_start, s_end, s_text)
                        for q in facts["quotes"]
                    )
                    named_right += hit
                    if not hit and args.misses:
                        over = [q for q in facts["quotes"] if q.start < c_end and c_start < q.end]
                        key = (
                            "no quote found"
                            if not over
                            else f"{over[0].kind}/{over[0].how or '-'}/"
                            + ("wrong speaker" if over[0].speaker else "no speaker")
                        )
                        lo = max(0, min(c_start, s_start) - 60)
                        hi = min(len(document.text), max(c_end, s_end) + 60)
                        misses.setdefault(key, []).append(
                            f"{path.name} gold={s_text!r} ours={over[0].speaker if over else None!r}"
                            f"\n    {' '.join(document.text[lo:hi].split())[:400]}"
                        )
                for q in quotes:
                    if q.start < c_end and c_start < q.end and q.speaker:
                        overlap = (
                            q.speaker_start is not None
                            and q.speaker_start < s_end
                            and s_start < (q.speaker_end or 0)
                        )
                        gold_words = {w.lower() for w in _WORD.findall(s_text)}
                        ours = _WORD.findall(q.speaker)
                        same = overlap or bool(ours and ours[-1].lower() in gold_words)
                        scored.append(
                            (path.name, q.text[:60], f"{q.speaker} / gold: {s_text}", same)
                        )
                        break
    rng = random.Random(1)
    sample = rng.sample(scored, min(args.sample, len(scored)))
    correct = sum(s[3] for s in sample)
    print(f"PolNeAR train+dev: {docs} annotated articles\n")
    print("| measure | value |")
    print("| --- | --- |")
    print(f"| full quotations found | {found_quotes} |")
    print(f"| share with a speaker | {with_speaker / max(1, found_quotes):.2f} |")
    print(f"| quotes matched to a gold direct-quote attribution | {len(scored)} |")
    print(
        f"| speaker precision, all matched | {sum(s[3] for s in scored) / max(1, len(scored)):.2f} |"
    )
    print(
        f"| speaker precision, sample of {len(sample)} (seed 1) | {correct / max(1, len(sample)):.2f} |"
    )
    print(f"| gold direct quotes | {gold_total} |")
    print(f"| named gold quotes | {named_gold} |")
    print(f"| named quotes tied to the right speaker | {named_right / max(1, named_gold):.3f} |")
    print(f"| FL201 on attributed quotes | {gold_flagged / max(1, gold_total):.3f} |")
    if args.list:
        for name, text, who, ok in sample:
            print(f"{'ok ' if ok else 'BAD'} {name}: {text!r} -> {who}")

    if args.misses:
        for key, rows in sorted(misses.items(), key=lambda kv: -len(kv[1])):
            print(f"\n## {key}: {len(rows)}")
            for row in rows:
                print(row)

    if args.no_corpus:
        return
    print("\n| corpus | documents | FL201 | per 1,000 docs | FL204 | per 1,000 docs |")
    print("| --- | --- | --- | --- | --- | --- |")
    for folder in ("polnear", "bbc", "reuters"):
        target = SHARED / folder
        n = sum(1 for p in target.rglob("*") if p.suffix in (".txt", ".md"))
        out = subprocess.run(
            [sys.executable, "-m", "factlint", "check", "--isolated", "--select", "FL201,FL204",
             "--statistics", str(target)],
            capture_output=True, text=True, check=False,
        ).stdout  # fmt: skip
        counts: Counter[str] = Counter()
        for row in out.splitlines():
            bits = row.split()
            if len(bits) >= 2 and bits[1] in ("FL201", "FL204"):
                counts[bits[1]] = int(bits[0])
        print(
            f"| {folder} | {n} | {counts['FL201']} | {counts['FL201'] * 1000 / n:.0f} |"
            f" {counts['FL204']} | {counts['FL204'] * 1000 / n:.0f} |"
        )


if __name__ == "__main__":
    main()
