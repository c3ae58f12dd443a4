"""The judged verdicts behind the precision benchmark are well formed.

Each row of ``benchmarks/judged/<CODE>.tsv`` names a rule, a story of
../shared/corpora/news (or of TimeBank, as the benchmark writes its stories
out), a line and a verdict. A row that points at a story
or line that does not exist, or that carries a verdict the benchmark does
not count, would silently skew the precision figures the README reports.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from factlint.plugins import load_registry

JUDGED = Path(__file__).resolve().parent.parent / "benchmarks" / "judged"
VERDICTS = {"TRUE", "DEBATABLE", "FALSE"}


def rows() -> list[tuple[Path, int, list[str]]]:
    found = []
    for path in sorted(JUDGED.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.reader(handle, delimiter="\t"), 1):
                if row and row[0] != "rule" and not row[0].startswith("#"):
                    found.append((path, number, row))
    return found


def test_rows_have_known_rules_and_verdicts() -> None:
    codes = set(load_registry().rules)
    seen: dict[tuple[str, str, str], str] = {}
    for path, number, row in rows():
        where = f"{path.name}:{number}"
        assert len(row) == 5, f"{where}: expected rule, file, line, verdict, reason"
        rule, file, line, verdict, reason = row
        assert rule in codes, f"{where}: unknown rule {rule}"
        assert path.stem == rule, f"{where}: a {rule} verdict in {path.name}"
        assert verdict in VERDICTS, f"{where}: verdict {verdict!r}"
        assert line.isdigit() and int(line) >= 1, f"{where}: line {line!r}"
        assert reason.strip(), f"{where}: every verdict says why"
        key = (rule, file, line)
        assert key not in seen, f"{where}: judged twice (first at {seen[key]})"
        seen[key] = where


def _precision_benchmark() -> object:
    import importlib.util

    path = JUDGED.parent / "precision.py"
    spec = importlib.util.spec_from_file_location("precision_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rows_point_at_real_lines(corpora: Path) -> None:
    news = corpora / "news"
    benchmark = _precision_benchmark()
    generated = {
        name: Path(make()[0]).parent
        for name, make in benchmark.GENERATED_CORPORA.items()  # type: ignore[attr-defined]
    }
    lengths: dict[str, int] = {}
    for path, number, row in rows():
        file, line = row[1], int(row[2])
        if file not in lengths:
            story = generated.get(file.split("/", 1)[0], news) / file
            assert story.is_file(), f"{path.name}:{number}: no story {file}"
            lengths[file] = len(story.read_text(encoding="utf-8").splitlines())
        assert line <= lengths[file], f"{path.name}:{number}: {file} has {lengths[file]} lines"


@pytest.mark.parametrize("tsv", sorted(JUDGED.glob("*.tsv")), ids=lambda p: p.name)
def test_header(tsv: Path) -> None:
    first = tsv.read_text(encoding="utf-8").splitlines()[0]
    assert first.split("\t") == ["rule", "file", "line", "verdict", "reason"]
