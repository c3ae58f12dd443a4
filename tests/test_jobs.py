"""The default --jobs: worker processes by the amount of text, not the file count."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from factlint import engine
from factlint.config import Config
from factlint.plugins import load_registry

STORY = "The group cited http://bit.ly/2te2fFQ in its statement on the budget.\n"


def _stories(folder: Path, count: int, size: int) -> list[engine.Source]:
    body = (STORY * (size // len(STORY) + 1))[:size]
    for i in range(count):
        (folder / f"s{i:04d}.txt").write_text(body, encoding="utf-8")
    return [engine.Source(str(p), str(p)) for p in sorted(folder.glob("*.txt"))]


def _most_workers(sources: list[engine.Source], tmp_path: Path) -> int:
    most = 0

    def progress(done: int, total: int) -> None:
        nonlocal most
        most = max(most, len(multiprocessing.active_children()))

    result = engine.run(
        sources, load_registry(), Config(root=tmp_path), {"FL402"}, jobs=None, progress=progress
    )
    assert len(result.documents) == len(sources) and result.findings
    return most


def test_320_short_stories_run_in_one_process_by_default(tmp_path: Path) -> None:
    sources = _stories(tmp_path, 320, 900)  # like a day's wire briefs: 280 KB in all
    assert engine.workers_for(sources) == 1
    assert _most_workers(sources, tmp_path) == 0  # no pool at all


def test_a_few_long_reports_get_a_second_worker(tmp_path: Path) -> None:
    # Fewer files than the old 64-file threshold, but more text than one worker's share.
    size = engine.BYTES_PER_WORKER // 20 + 1
    sources = _stories(tmp_path, 20, size)
    assert engine.workers_for(sources) == min(2, engine.cores())
    if engine.cores() >= 2:
        assert 1 <= _most_workers(sources, tmp_path) <= 2


def test_an_explicit_jobs_is_obeyed_up_to_the_cores(tmp_path: Path) -> None:
    assert engine.worker_count(1) == 1
    assert engine.worker_count(500) == engine.cores()
