"""The README's pre-commit and GitHub Action snippets work when pasted.

Both name a revision of factlint (``rev:``, ``uses: …@REF``). Until a release
tag exists that revision is a commit; these tests check it exists in this
repository and that the pasted pre-commit config, pointed at this checkout,
installs and runs the hook at that revision.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEEDS

README = (ROOT / "README.md").read_text(encoding="utf-8")
WORKFLOW = (ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8")


def _git(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def _full_history() -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    inside = _git("rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        pytest.skip("not a git checkout of factlint")
    if _git("rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        pytest.skip("a shallow clone does not hold older commits")


def _pre_commit_snippet() -> dict[str, object]:
    section = README.split("## pre-commit", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "the README's pre-commit section has no yaml block"
    config = yaml.safe_load(block.group(1))
    assert isinstance(config, dict)
    return config


def _action_refs() -> list[str]:
    refs = re.findall(r"uses: [\w.-]+/factlint@(\S+)", README + WORKFLOW)
    assert refs, "no `uses: …/factlint@REF` in the README or the example workflow"
    return refs


def test_snippet_revisions_exist_in_this_repository() -> None:
    _full_history()
    repo = _pre_commit_snippet()["repos"][0]  # type: ignore[index]
    revisions = [repo["rev"], *_action_refs()]
    for rev in revisions:
        found = _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        assert found.returncode == 0, f"README names {rev!r}, which is no commit or tag here"


def test_pasted_pre_commit_config_runs_the_hook(tmp_path: Path) -> None:
    _full_history()
    pytest.importorskip("pre_commit")
    config = _pre_commit_snippet()
    config["repos"][0]["repo"] = str(ROOT)  # type: ignore[index]
    newsroom = tmp_path / "newsroom"
    (newsroom / "stories").mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, newsroom / "stories" / seed.name)
    (newsroom / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git("init", "-q", cwd=newsroom)
    _git("add", ".", cwd=newsroom)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=newsroom,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "Neumann-Ortiz" in output or "Newman-Ortiz" in output, output
