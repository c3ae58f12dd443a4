"""``factlint index --scheduler``: extraction on a Dask cluster, the archive written here."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import SEEDS
from test_archive import factlint


def stories(archive: Path) -> dict[str, Any]:
    """path -> (hash, keys, document, facts) of every story, decoded."""
    from factlint.archive import decode_story

    conn = sqlite3.connect(archive)
    try:
        found = {}
        for story, path, digest, blob in conn.execute("SELECT id, path, hash, blob FROM stories"):
            keys = sorted(
                k for (k,) in conn.execute("SELECT key FROM keys WHERE story = ?", (story,))
            )
            document, facts = decode_story(blob)
            found[path] = (digest, keys, document, facts.to_dict())
        return found
    finally:
        conn.close()


def test_index_on_a_dask_cluster_equals_the_jobs_archive(tmp_path: Path, corpora: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "stories"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    bbc = corpora / "news" / "bbc" / "politics"
    # Enough stories for several tasks and for the process pool of --jobs.
    for path in sorted(bbc.glob("*.txt"))[:80]:
        shutil.copy(path, folder / path.name)

    assert (
        factlint("index", "stories", "--archive", "jobs.sqlite", "-j", "2", cwd=tmp_path).returncode
        == 0
    )
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster),
    ):
        proc = factlint(
            "index", "stories", "--archive", "dask.sqlite", "--scheduler", cluster.scheduler_address,
            cwd=tmp_path,
        )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "82 stories (82 extracted" in proc.stderr
    assert stories(tmp_path / "dask.sqlite") == stories(tmp_path / "jobs.sqlite")


def test_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "s.txt").write_text("LONDON — Jane Smith spoke.\n", encoding="utf-8")
    proc = factlint("index", "s.txt", "--scheduler", "tcp://127.0.0.1:9", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().startswith("factlint: error: --scheduler tcp://127.0.0.1:9")
    assert len(proc.stderr.strip().splitlines()) == 1
