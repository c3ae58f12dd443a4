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


def test_junit(capsys: pytest.CaptureFixture[str]) -> None:
    root = ET.fromstring(_run(["--format", "junit", "seeds/"], capsys))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "seeds/000_3c3a6071b36f80b8.txt",
        "seeds/001_503aeeceae458385.txt",
    ]
    failures = [f for c in cases for f in c.findall("failure")]
    assert suite.get("tests") == "2"
    assert suite.get("failures") == str(len(failures))
    assert {f.get("type") for f in failures} >= {"FL401", "FL402", "FL101"}


def test_junit_reports_input_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    root = ET.fromstring(_run(["--format", "junit", str(tmp_path / "bad.txt")], capsys))
    errors = root.findall(".//error")
    assert len(errors) == 1 and "UTF-16" in (errors[0].get("message") or "")
    assert root.get("errors") == "1"


def test_concise(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["--format", "concise", "seeds/"], capsys)
    lines = out.splitlines()
    assert (
        "seeds/001_503aeeceae458385.txt:9:310: FL402 bit.ly is a link shortener; cite the address it leads to"
        in lines
    )
    assert all(line.startswith("seeds/") for line in lines)  # no related places, no summary
