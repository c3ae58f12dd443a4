"""Shared fixtures: paths to the seeds and to ../shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


@pytest.fixture
def seeds() -> Path:
    return SEEDS


def require_corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not found at {CORPORA}; these tests read real news text there")
    return CORPORA


@pytest.fixture
def corpora() -> Path:
    """../shared/corpora, or skip the test with the reason."""
    return require_corpora()
