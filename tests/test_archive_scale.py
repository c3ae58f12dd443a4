"""The archive at scale: every lookup searches an index, a common key brings
in only its newest stories, and the synthetic archive of the benchmark keeps
its renamed stories consistent."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

from conftest import ROOT, SEEDS
from test_archive import SEED_B, factlint, newsroom


def _registry():  # type: ignore[no-untyped-def]
    from factlint.config import load_config
    from factlint.plugins import load_registry

    config = load_config(isolated=True)
    return config, load_registry(config.plugins, config.plugin_paths)


def _three_copies(tmp_path: Path) -> Path:
    """A newsroom whose archive holds the seed three times (one surname key
    in three stories)."""
    repo = newsroom(tmp_path)
    for n in (2, 3):
        shutil.copy(SEEDS / SEED_B, repo / "stories" / f"copy{n}.txt")
    built = factlint("index", "stories", cwd=repo)
    assert built.returncode == 0, built.stderr
    return repo / ".factlint" / "archive.sqlite"


def test_archive_lookups_search_an_index_and_never_scan_a_table(tmp_path: Path) -> None:
    from factlint.archive import LOOKUPS

    archive = _three_copies(tmp_path)
    conn = sqlite3.connect(archive)
    try:
        for name, sql in LOOKUPS.items():
            statement = sql.format(marks="?,?,?")
            params = (1, 2) if statement.count("?") == 2 else (1, 2, 3)
            plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}", params)]
            assert any(step.startswith("SEARCH") for step in plan), (name, plan)
            assert not any(step.startswith("SCAN") for step in plan), (name, plan)
            if name == "newest":  # read backwards along the key, not sorted afterwards
                assert not any("TEMP B-TREE" in step for step in plan), plan
    finally:
        conn.close()


def test_a_common_key_brings_in_its_newest_stories(tmp_path: Path) -> None:
    from factlint.archive import Archive

    archive = _three_copies(tmp_path)
    conn = sqlite3.connect(archive)
    try:
        key, count = conn.execute(
            "SELECT key, COUNT(*) FROM keys GROUP BY key ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()
        ids = [row[0] for row in conn.execute("SELECT story FROM keys WHERE key = ?", (key,))]
    finally:
        conn.close()
    assert count == 3
    _config, registry = _registry()
    opened = Archive(str(archive), registry)
    try:
        assert opened.stories_with([key], per_key=None) == sorted(ids)
        assert opened.stories_with([key], per_key=2) == sorted(ids)[1:]
        assert opened.stories_with([key, key + 1], per_key=1) == [max(ids)]
    finally:
        opened.close()


def test_stories_are_ordered_as_a_folder_walk_finds_them(tmp_path: Path) -> None:
    from factlint import engine
    from factlint.archive import order_key

    for name in ("b/z.txt", "b/a/y.txt", "b/ab/x.txt", "a.txt", "b/zz.txt", "c/b.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Jane Smith said so.\n", encoding="utf-8")
    config, registry = _registry()
    sources, _errors = engine.collect_sources([str(tmp_path)], registry, config, None)
    walked = [s.display for s in sources]
    assert [Path(p).relative_to(tmp_path).as_posix() for p in walked] == [
        "a.txt", "b/z.txt", "b/zz.txt", "b/a/y.txt", "b/ab/x.txt", "c/b.txt",
    ]  # fmt: skip
    assert sorted(walked, key=order_key) == walked


def test_the_synthetic_archive_renames_people_consistently(tmp_path: Path) -> None:
    """benchmarks/archive_synth.py: the copies of a story name other people
    with names of the same length, so every stored offset still holds, and
    their keys are the rules' keys of the renamed facts."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import archive_synth
    finally:
        sys.path.pop(0)
    from factlint.archive import corpus_rules, decode_story, story_keys

    archive = _three_copies(tmp_path)
    config, registry = _registry()
    rules = corpus_rules(registry, config)
    conn = sqlite3.connect(archive)
    rows = archive_synth.real_rows(conn)
    conn.close()
    pools = archive_synth.table_names()
    mine = archive_synth.corpus_names(rows)
    pools = (pools[0] | mine[0], pools[1] | mine[1])
    made = list(archive_synth.generate(rows, rules, 3 * len(rows), pools))
    assert len(made) == 3 * len(rows)
    surnames_by_era: list[set[str]] = [set(), set(), set()]
    for n, (row, keys) in enumerate(made):
        document, facts = decode_story(row[8])
        assert keys == story_keys(rules, document, facts)
        for mention in facts.get_list("people"):
            assert document.text[mention.start : mention.end] == mention.text
            surnames_by_era[n // len(rows)].add(mention.surname)
        if n >= len(rows):
            assert document.path.startswith(f"era{n // len(rows):03d}/")
    assert "Neumann-Ortiz" in surnames_by_era[0]
    assert surnames_by_era[1] != surnames_by_era[0]
    assert surnames_by_era[2] != surnames_by_era[1]


def test_archive_limit_on_the_command_line(tmp_path: Path) -> None:
    archive = _three_copies(tmp_path)
    repo = archive.parent.parent
    related = {}
    for limit in ("1", "0"):
        proc = factlint(
            "check", "drafts", "--archive", str(archive), "--archive-limit", limit,
            "--format", "json", cwd=repo,
        )  # fmt: skip
        findings = json.loads(proc.stdout)["findings"]
        fl101 = [f for f in findings if f["code"] == "FL101"]
        assert fl101, proc.stdout + proc.stderr
        related[limit] = {r["location"]["path"] for f in fl101 for r in f["related"]}
        related[limit].discard("drafts/new.txt")
    assert related["1"] == {"stories/copy3.txt"}  # the story indexed last
    assert len(related["0"]) >= 2 and f"stories/{SEED_B}" in related["0"]  # all three compared
    bad = factlint("check", "drafts", "--archive", str(archive), "--archive-limit", "-1", cwd=repo)
    assert bad.returncode == 2 and "--archive-limit" in bad.stderr
