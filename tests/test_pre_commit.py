"""The pre-commit hook, run as a user runs it: ``pre-commit try-repo``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_try_repo_runs_the_hook_on_committed_seeds(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    repo = tmp_path / "newsroom"
    (repo / "stories").mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, repo / "stories" / seed.name)
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=Desk", "-c", "user.email=desk@example.org", "add", ".")
    _git(
        repo,
        "-c",
        "user.name=Desk",
        "-c",
        "user.email=desk@example.org",
        "commit",
        "-qm",
        "stories",
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            "factlint",
            "--all-files",
            "--color",
            "never",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "factlint" in output and "Failed" in output
    assert "stories/001_503aeeceae458385.txt:9:310: FL402 [shortened-link]" in output
    assert "stories/001_503aeeceae458385.txt:31:1: FL401 [truncated-link]" in output
