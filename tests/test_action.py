"""The GitHub Action: its definition, and its check step run for real in a git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEEDS


def test_action_definition() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {
        "paths",
        "args",
        "fail-on",
        "sarif-file",
        "reference",
        "isolated",
    }
    runs = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "pip install" in runs and "action-run.sh" in runs
    workflow = yaml.safe_load(
        (ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8")
    )
    assert workflow["jobs"]["factlint"]["steps"][0]["uses"].startswith("actions/checkout")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org", *args],
        cwd=cwd, check=True, capture_output=True,
    )  # fmt: skip


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_check_step_annotates_only_the_changed_stories(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    _git(origin, "init", "-q", "-b", "main")
    (origin / "old.md").write_text("An old story citing http://bit.ly/old1.\n", encoding="utf-8")
    _git(origin, "add", ".")
    _git(origin, "commit", "-qm", "archive")
    work = tmp_path / "work"
    _git(tmp_path, "clone", "-q", str(origin), str(work))
    _git(work, "checkout", "-q", "-b", "draft")
    shutil.copy(SEEDS / "001_503aeeceae458385.txt", work / "new.txt")
    _git(work, "add", ".")
    _git(work, "commit", "-qm", "draft")
    # The installed factlint on PATH, as the action's install step leaves it.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {
        **os.environ,
        "PATH": path,
        "BASE_REF": "main",
        "FACTLINT_SARIF": str(tmp_path / "out.sarif"),
        "GITHUB_ACTIONS": "true",
    }
    proc = subprocess.run(
        ["bash", str(ROOT / "examples" / "action-run.sh")],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stderr
    assert "::warning file=new.txt,line=9,col=310" in proc.stdout
    assert "old.md" not in proc.stdout
    assert (tmp_path / "out.sarif").exists()


def test_isolated_ignores_the_repository_config_and_its_plugins(tmp_path: Path) -> None:
    # A pull request's config that hides a finding and names a plugin of its own.
    (tmp_path / "story.md").write_text("A story citing http://bit.ly/abc1.\n", encoding="utf-8")
    (tmp_path / "tools").mkdir()
    marker = tmp_path / "plugin-ran"
    (tmp_path / "tools" / "evil.py").write_text(
        f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8"
    )
    (tmp_path / ".factlint.yml").write_text(
        "ignore: [FL402]\nplugins: [evil]\nplugin-paths: [tools]\n", encoding="utf-8"
    )
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {**os.environ, "PATH": path, "FACTLINT_PATHS": "story.md", "FACTLINT_ISOLATED": "true"}
    proc = subprocess.run(
        ["bash", str(ROOT / "examples" / "action-run.sh")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stderr
    assert "::warning file=story.md,line=1" in proc.stdout
    assert not marker.exists()
