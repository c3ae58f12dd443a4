"""CI formats: GitLab Code Quality, JUnit, concise, and --statistics."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from factlint.cli import main


@pytest.fixture(autouse=True)
def _at_repo_root(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(seeds.parent)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    main(["check", "--isolated", *args])
    return capsys.readouterr().out


# GitLab's documented Code Quality report fields, as a JSON schema.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string"},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_gitlab_code_quality(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    issues = json.loads(_run(["--format", "gitlab", "seeds/"], capsys))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    by_code = {i["check_name"].split()[0]: i for i in issues}
    assert by_code["FL401"]["severity"] == "major"
    assert by_code["FL402"]["severity"] == "minor"
    assert by_code["FL402"]["location"] == {
        "path": "seeds/001_503aeeceae458385.txt",
        "lines": {"begin": 9},
    }


def _junit_counts_add_up(root: ET.Element) -> None:
    """Every count GitLab and Jenkins read matches the test cases under it."""
    suites = root.findall("testsuite")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite in suites:
        cases = suite.findall("testcase")
        for case in cases:
            assert len(case.findall("failure")) + len(case.findall("error")) <= 1
        counted = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
        }
        assert {k: int(suite.get(k, "-1")) for k in counted} == counted
        for k, n in counted.items():
            totals[k] += n
    assert {k: int(root.get(k, "-1")) for k in totals} == totals


def test_junit(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["--format", "junit", "seeds/"], capsys)
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    _junit_counts_add_up(root)
    assert [s.get("name") for s in root.findall("testsuite")] == [
        "seeds/000_3c3a6071b36f80b8.txt",
        "seeds/001_503aeeceae458385.txt",
    ]
    failures = root.findall(".//failure")
    # One failed test case per finding, as the text report counts them.
    text = _run(["seeds/"], capsys)
    assert f"Found {len(failures)} findings" in text
    assert root.get("tests") == root.get("failures") == str(len(failures))
    assert {f.get("type") for f in failures} >= {"FL401", "FL402", "FL101"}
    case = root.findall(".//testcase")[-1]
    assert case.get("name") == "FL401 [truncated-link] line 31, column 1"


def test_junit_counts_add_up_with_every_rule_and_a_clean_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(
        "MILWAUKEE (AP) — The county board approved the budget on a voice vote.\n",
        encoding="utf-8",
    )
    root = ET.fromstring(_run(["--format", "junit", "--select", "ALL", "seeds/"], capsys))
    _junit_counts_add_up(root)
    assert root.get("tests") == root.get("failures") == str(len(root.findall(".//failure")))
    root = ET.fromstring(_run(["--format", "junit", "seeds/", str(clean)], capsys))
    _junit_counts_add_up(root)
    passed = root.findall(f"testsuite[@name='{clean}']/testcase")
    assert [c.get("name") for c in passed] == ["no findings"] and not passed[0].findall("*")
    assert int(root.get("tests", "0")) == int(root.get("failures", "0")) + 1


def test_junit_reports_input_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    root = ET.fromstring(_run(["--format", "junit", str(tmp_path / "bad.txt")], capsys))
    errors = root.findall(".//error")
    assert len(errors) == 1 and "UTF-16" in (errors[0].get("message") or "")
    assert root.get("errors") == "1"
    _junit_counts_add_up(root)


def test_concise(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["--format", "concise", "seeds/"], capsys)
    lines = out.splitlines()
    assert (
        "seeds/001_503aeeceae458385.txt:9:310: FL402 bit.ly is a link shortener; cite the address it leads to"
        in lines
    )
    assert all(line.startswith("seeds/") for line in lines)  # no related places, no summary
