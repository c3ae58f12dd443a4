"""The people gold set (benchmarks/gold/people) is well formed and true to the corpus.

These tests check the annotations, not the extractor: every file has the
fields the guidelines name, spans are ordered and do not overlap, and each
span's text is the corpus text at those offsets, read the way factlint reads
a document. The corpus checks skip when ../shared is absent.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from factlint import engine
from factlint.config import Config
from factlint.facts.people import PersonMention
from factlint.plugins import load_registry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import people_gold  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "people"
NEWS = people_gold.NEWS
KINDS = {"full", "surname", "title-surname", "given", "title-given"}
FLAGS = {"quoted", "headline"}
needs_corpus = pytest.mark.skipif(
    not NEWS.is_dir(), reason=f"the news corpora are not at {NEWS} (../shared is absent)"
)


def _gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.yml"))


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def test_there_are_forty_stories_from_three_sources() -> None:
    files = _gold_files()
    assert len(files) >= 40
    sources = {_load(p)["file"].split("/")[0] for p in files}
    assert sources == {"bbc", "reuters", "polnear"}
    assert (GOLD / "README.md").is_file()


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path) -> None:
    data = _load(path)
    assert set(data) == {"file", "sha256", "mentions", "not_persons"}
    assert len(data["sha256"]) == 64 and int(data["sha256"], 16) >= 0
    expected = data["file"].replace("/text/", "/").rsplit(".", 1)[0].replace("/", "__")
    assert path.stem == expected, "the gold file is named after the story's path"
    spans = []
    for m in data["mentions"]:
        assert set(m) <= {"start", "end", "text", "kind", "title"} | FLAGS, m
        assert m["kind"] in KINDS, m
        assert isinstance(m["start"], int) and isinstance(m["end"], int)
        assert 0 <= m["start"] < m["end"], m
        assert m["text"] == m["text"].strip() and m["text"][:1].isalpha(), m
        assert ("title" in m) == (m["kind"] in {"title-surname", "title-given"}), m
        assert all(m[f] is True for f in FLAGS if f in m), "flags are written only when true"
        spans.append((m["start"], m["end"]))
    for n in data["not_persons"]:
        assert set(n) == {"start", "end", "text", "why"}, n
        spans.append((n["start"], n["end"]))
    spans.sort()
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, f"overlapping spans in {path.name}"


@needs_corpus
@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_gold_spans_match_the_corpus_text(path: Path) -> None:
    data = _load(path)
    story = NEWS / data["file"]
    document = engine.read_source(engine.Source(str(story), str(story)), load_registry(), Config())
    assert document is not None
    assert people_gold.text_hash(document.text) == data["sha256"], "the corpus story changed"
    for m in data["mentions"] + data["not_persons"]:
        assert document.text[m["start"] : m["end"]] == m["text"], m
        assert document.prose[m["start"] : m["end"]] == m["text"], "a span outside the prose"
    head_end = document.text.find("\n")
    for m in data["mentions"]:
        if m.get("headline"):
            assert m["start"] < head_end, m


@needs_corpus
def test_gold_stories_are_the_recorded_draw() -> None:
    bbc, reuters, polnear, skipped = people_gold.draw()
    drawn = set(bbc + reuters + polnear)
    annotated = {_load(p)["file"] for p in _gold_files()}
    assert annotated == drawn
    assert (len(bbc), len(reuters), len(polnear)) == (14, 14, 12)
    text = (NEWS / skipped[0]).read_text(encoding="utf-8")
    assert people_gold.is_table(text)


def _mention(start: int, end: int, kind: str = "full", **more: Any) -> PersonMention:
    return PersonMention(start, end, "x" * (end - start), None, "x", start, kind, **more)


def test_scoring_counts_exact_and_lenient_matches() -> None:
    story = people_gold.Story(
        "bbc/x/001.txt",
        "bbc",
        "",
        [
            {"start": 0, "end": 10, "text": "", "kind": "full"},
            {"start": 20, "end": 25, "text": "", "kind": "surname"},
            {"start": 30, "end": 35, "text": "", "kind": "title-surname", "quoted": True},
        ],
        [(40, 45)],  # a modifier: neither right nor wrong
        [],
        [
            _mention(0, 10),
            _mention(20, 28, "surname"),  # overlaps: lenient only
            _mention(30, 35, "surname", title="Mr"),
            _mention(40, 45, "surname"),
            _mention(50, 55, "surname"),  # false
        ],
    )
    s = people_gold.score([story])
    assert (s.gold["all"], s.found["all"], s.found_lenient["all"]) == (3, 2, 3)
    assert (s.pred["all"], s.right["all"], s.right_lenient["all"]) == (4, 2, 3)
    assert s.found["kind:title-surname"] == 1 and s.pred["kind:title-surname"] == 1
    quiet = people_gold.score([story], quoted=False)
    assert quiet.gold["all"] == 2 and quiet.pred["all"] == 3
