"""--jobs: document rules run in the worker processes, and the run is the
same as in one process: findings, errors (a rule's bug, a rule's stall),
suppressions, facts."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest

from factlint import engine, records
from factlint.config import Config
from factlint.document import Document
from factlint.facts import Facts
from factlint.findings import Finding
from factlint.plugins import load_registry
from factlint.rules import Corpus, DocumentRule

REGISTRY = load_registry()
LINK = "The group cited http://bit.ly/2te2fFQ in its statement on the budget.\n"


class _Fragile(DocumentRule):
    """A plugin rule with a bug: it raises on a story that says "boom"."""

    code = "FL990"
    name = "fragile"

    def check(self, document: Document, facts: Facts) -> Iterable[Finding]:
        if "boom" in document.text:
            raise ValueError("went boom")
        yield self.finding(document, 0, 3, "fragile saw this story")


class _Slow(DocumentRule):
    """A plugin rule with a bug: it never returns on a story that says "stall"."""

    code = "FL991"
    name = "slow"

    def check(self, document: Document, facts: Facts) -> Iterable[Finding]:
        while "stall" in document.text:
            pass
        return [self.finding(document, 0, 3, "slow saw this story")]


_PLUGGED = records.replace(REGISTRY, rules={**REGISTRY.rules, "FL990": _Fragile, "FL991": _Slow})


def _stories(folder: Path, bodies: dict[int, str], count: int = 12) -> list[engine.Source]:
    for i in range(count):
        (folder / f"s{i:03d}.txt").write_text(bodies.get(i, LINK), encoding="utf-8")
    return [engine.Source(str(p), str(p)) for p in sorted(folder.glob("*.txt"))]


def _shown(result: engine.RunResult) -> tuple[list[tuple[str, str, int]], list[str]]:
    findings = sorted((f.location.path, f.code, f.location.start) for f in result.findings)
    return findings, result.errors


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rule_bug_costs_that_rule_the_rest_of_the_run_and_nothing_else(
    tmp_path: Path, jobs: int
) -> None:
    sources = _stories(tmp_path, {4: "It went boom. " + LINK})
    result = engine.run(sources, _PLUGGED, Config(root=tmp_path), {"FL402", "FL990"}, jobs=jobs)
    findings, errors = _shown(result)
    assert errors == ["rule FL990 (fragile) failed: ValueError: went boom"]
    # As when the rule ran on each document in turn: the stories before the
    # one it failed on keep its findings, the later ones have none.
    fragile = [path for path, code, _ in findings if code == "FL990"]
    assert fragile == [str(tmp_path / f"s{i:03d}.txt") for i in range(4)]
    assert sum(code == "FL402" for _, code, _ in findings) == 12  # the other rule: everywhere


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stalling_rule_is_skipped_for_that_file_only(tmp_path: Path, jobs: int) -> None:
    sources = _stories(tmp_path, {2: "This one will stall. " + LINK, 7: "So will this. stall"})
    config = Config(root=tmp_path, timeout_per_file=0.5)
    result = engine.run(sources, _PLUGGED, config, {"FL402", "FL991"}, jobs=jobs)
    findings, errors = _shown(result)
    assert errors == [
        f"{tmp_path / name}: rule FL991 (slow) took over 0.5 s; skipped for this file"
        " (see --timeout-per-file)"
        for name in ("s002.txt", "s007.txt")
    ]
    assert sum(code == "FL991" for _, code, _ in findings) == 10
    assert sum(code == "FL402" for _, code, _ in findings) == 11  # s007 has no link


def test_two_jobs_equal_one_with_suppressions_references_and_errors(tmp_path: Path) -> None:
    checked = tmp_path / "checked"
    older = tmp_path / "older"
    checked.mkdir()
    older.mkdir()
    _stories(
        checked,
        {
            1: "<!-- factlint: disable-next-line FL402 -->\n" + LINK,
            3: LINK + "<!-- factlint: disable-next-line FL402 -->\nNo link.\n",  # unused
            5: "boom " + LINK,
        },
    )
    (checked / "empty.txt").write_text("\n", encoding="utf-8")
    (checked / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    _stories(older, {}, count=3)
    registry = _PLUGGED
    config = Config(root=tmp_path)
    results = []
    for jobs in (1, 2):
        sources, errors = engine.collect_sources(
            [str(checked)], registry, config, None, [str(older)]
        )
        assert errors == []
        codes = {"FL402", "FL990", "FL001", "FL002"}  # FL001: unused suppressions
        result = engine.run(sources, registry, config, codes, jobs=jobs)
        texts = {d.path: d.text for d in result.documents}
        results.append(
            (
                engine.with_positions(result.findings, texts),
                result.errors,
                result.notices,
                [d.path for d in result.documents],
                sorted(result.references),
            )
        )
    assert results[0] == results[1]
    findings = results[0][0]
    assert not any(f.location.path.startswith(str(older)) for f in findings)
    assert str(checked / "s001.txt") not in {f.location.path for f in findings if f.code == "FL402"}
    assert [f.location.path for f in findings if f.code == "FL001"] == [str(checked / "s003.txt")]
    assert results[0][1][-1] == "rule FL990 (fragile) failed: ValueError: went boom"


def test_only_the_facts_corpus_rules_read_come_back(tmp_path: Path) -> None:
    sources = _stories(tmp_path, {0: 'Jane Smith said it was "fine" on Monday. ' + LINK})
    codes = {"FL402"} | {c for c, r in REGISTRY.rules.items() if "people" in r.requires}
    corpus_codes = {c for c in codes if issubclass(REGISTRY.rules[c], engine.CorpusRule)}
    assert corpus_codes  # a corpus rule reads people
    for jobs in (1, 2):
        only_links = engine.run(sources, REGISTRY, Config(root=tmp_path), {"FL402"}, jobs=jobs)
        assert all(len(f) == 0 for f in only_links.facts) and only_links.findings
        with_corpus = engine.run(sources, REGISTRY, Config(root=tmp_path), codes, jobs=jobs)
        assert "people" in with_corpus.facts[0] and "links" not in with_corpus.facts[0]
        every = engine.run(
            sources, REGISTRY, Config(root=tmp_path), {"FL402"}, all_facts=True, jobs=jobs
        )
        assert set(every.facts[0]) == set(REGISTRY.extractors)


class _CorpusFragile(engine.CorpusRule):
    """A plugin corpus rule with a bug: it reports the first story, then raises.

    Its message says whether it ran in the process that started the run."""

    code = "FL992"
    name = "corpus-fragile"
    requires = ("links",)
    started_in = os.getpid()

    def check_corpus(self, corpus: Corpus) -> Iterable[Finding]:
        where = "here" if os.getpid() == self.started_in else "elsewhere"
        for document, _facts in corpus:
            yield self.finding(document, 0, 3, f"corpus-fragile ran {where}")
            raise RuntimeError("corpus went boom")


_CORPUS_PLUGGED = records.replace(_PLUGGED, rules={**_PLUGGED.rules, "FL992": _CorpusFragile})


def test_corpus_rules_that_read_other_facts_run_in_a_forked_process(tmp_path: Path) -> None:
    sources = _stories(tmp_path, {0: "Jane Smith said so. " + LINK, 1: "Jane Smyth said so.\n"})
    names = {c for c, r in REGISTRY.rules.items() if issubclass(r, engine.CorpusRule)}
    codes = {"FL402", "FL992"} | names
    shown = {}
    for jobs in (1, 2):
        result = engine.run(sources, _CORPUS_PLUGGED, Config(root=tmp_path), codes, jobs=jobs)
        texts = {d.path: d.text for d in result.documents}
        shown[jobs] = (
            [
                (f.location.path, f.location.line, f.code, f.message.replace("elsewhere", "here"))
                for f in engine.with_positions(result.findings, texts)
            ],
            result.errors,
        )
        # The finding given before the exception is kept, beside the error.
        fragile = [f.message for f in result.findings if f.code == "FL992"]
        expected = "here" if jobs == 1 or engine.cores() < 2 else "elsewhere"
        assert fragile == [f"corpus-fragile ran {expected}"]
        assert result.errors == [
            "rule FL992 (corpus-fragile) failed: RuntimeError: corpus went boom"
        ]
    assert shown[1] == shown[2]
    assert {code for _, _, code, _ in shown[1][0]} >= {"FL402", "FL992"}
