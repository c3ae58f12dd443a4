"""Golden output of the demo: ``factlint check seeds/``, text and SARIF.

After an intended change of the seed output, regenerate with
``FACTLINT_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factlint.cli import main

GOLDEN = Path(__file__).parent / "golden"


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", "--isolated", *args, "seeds/"])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "args"),
    [("seeds.txt", []), ("seeds-all-rules.txt", ["--select", "ALL"])],
)
def test_seed_output_matches_golden(
    name: str,
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    seeds: Path,
) -> None:
    monkeypatch.chdir(seeds.parent)
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out = _check(args, capsys)
    golden = GOLDEN / name
    if os.environ.get("FACTLINT_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert code == 1
