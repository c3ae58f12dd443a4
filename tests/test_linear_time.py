"""Every rule and extractor grows linearly with the document on hostile input.

A linter runs in pre-commit and CI on text anyone can submit: one file that
makes a pattern backtrack or a loop compare every pair must not stall the
pipeline. Each shape a hostile-input review found (benchmarks/stress.py
generates them) is checked with every rule selected at 100 KB and at 1 MB,
and the time may grow at most 25 times for the 10 times larger input: a
linear stage grows about 10 times, a quadratic one about 100. A ratio, not
an absolute time, so a slow or busy machine does not fail the test; and
CPU time, not wall time, which on a shared machine grows with its load.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType

import pytest

STRESS = Path(__file__).resolve().parent.parent / "benchmarks" / "stress.py"


def _stress() -> ModuleType:
    spec = importlib.util.spec_from_file_location("factlint_stress", STRESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


stress = _stress()


def _seconds(text: str) -> tuple[float, str]:
    started = time.process_time()
    stages = stress.time_stages(text)
    total = time.process_time() - started
    return total, max(stages, key=stages.__getitem__)


@pytest.mark.parametrize("shape", sorted(stress.SHAPES))
def test_time_grows_linearly(shape: str) -> None:
    make = stress.SHAPES[shape]
    _seconds(make(10_000))  # compile patterns and load data before timing
    small, _ = _seconds(make(100_000))
    large, slowest = _seconds(make(1_000_000))
    ratio = large / max(small, 0.05)
    assert ratio <= 25, f"{shape}: 10x the input took {ratio:.0f}x the time (slowest: {slowest})"
