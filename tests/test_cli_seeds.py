"""The demo every user runs first: ``factlint check seeds/``."""

from __future__ import annotations

import pytest

from factlint.cli import main


def test_check_seeds_reports_link_findings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seeds
) -> None:
    monkeypatch.chdir(seeds.parent)
    code = main(["check", "seeds/"])
    out = capsys.readouterr().out
    assert code == 1
    assert "seeds/001_503aeeceae458385.txt:9:310: FL402 [shortened-link]" in out
    assert "seeds/001_503aeeceae458385.txt:31:1: FL401 [truncated-link]" in out
