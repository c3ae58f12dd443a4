"""Every rule's passing and failing examples, kept as data in tests/cases/<CODE>.yml.

Each case is a short draft (or several, for corpus rules) and the places
where the rule must report, as ``doc_index:line:col``. The drafts are
written to a temporary folder and checked through the real command line,
exactly as a user would run factlint.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from factlint.cli import main
from factlint.plugins import load_registry

CASES = Path(__file__).parent / "cases"


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yml")):
        code = path.stem
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            params.append(pytest.param(code, case, id=f"{code}-{case['name']}"))
    return params


def run_case(tmp_path: Path, code: str, case: dict[str, Any], capsys: Any) -> list[dict[str, Any]]:
    suffix = ".md" if case.get("format", "text") == "markdown" else ".txt"
    paths = []
    for i, text in enumerate(case["docs"]):
        path = tmp_path / f"doc{i}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    select = ",".join(case.get("select", [code]))
    argv = ["check", "--isolated", "--format", "json", "--select", select, *paths]
    if case.get("date"):
        argv += ["--date", str(case["date"])]
    capsys.readouterr()
    exit_code = main(argv)
    captured = capsys.readouterr()
    assert exit_code in (0, 1), captured.err
    report = json.loads(captured.out)
    index = {p: i for i, p in enumerate(paths)}
    found = []
    for f in report["findings"]:
        if f["code"] != code:
            continue
        loc = f["location"]
        found.append({**f, "where": f"{index[loc['path']]}:{loc['line']}:{loc['column']}"})
    return found


@pytest.mark.parametrize(("code", "case"), _load_cases())
def test_rule_case(tmp_path: Path, code: str, case: dict[str, Any], capsys: Any) -> None:
    found = run_case(tmp_path, code, case, capsys)
    assert [f["where"] for f in found] == list(case.get("expect", [])), [
        f["message"] for f in found
    ]
    if case.get("message"):
        assert found, "a message is expected but nothing was found"
        assert case["message"] in found[0]["message"]


def test_every_rule_has_passing_and_failing_cases() -> None:
    registry = load_registry()
    missing = []
    for code in registry.rules:
        path = CASES / f"{code}.yml"
        cases = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
        if not any(c.get("expect") for c in cases or []):
            missing.append(f"{code}: no failing case (one with findings)")
        if not any(not c.get("expect") for c in cases or []):
            missing.append(f"{code}: no passing case (one without findings)")
    assert not missing, "\n".join(missing)
