"""Reporters: what CI systems and people read, checked against their formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED
from factlint.cli import main
from factlint.reporters.github import escape_data, escape_property


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", "--isolated", *args])
    return code, capsys.readouterr().out


@pytest.fixture(autouse=True)
def _at_repo_root(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(seeds.parent)


def test_sarif_validates_against_the_official_schema(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip(f"SARIF schema not found at {schema_path}")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    _code, out = _run(["--format", "sarif", "--select", "ALL", "seeds/"], capsys)
    sarif = json.loads(out)
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = {r["ruleId"]: r for r in run["results"]}
    fl402 = results["FL402"]
    region = fl402["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (9, 310)
    assert fl402["level"] == "warning"
    assert fl402["partialFingerprints"]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["FL401"]["defaultConfiguration"]["level"] == "error"
    assert rules["FL401"]["shortDescription"]["text"]
    assert "**Fix.**" in rules["FL401"]["help"]["text"]


def test_sarif_fingerprints_survive_line_shifts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    body = "The group cited http://bit.ly/2te2fFQ in its statement.\n"
    story.write_text(body, encoding="utf-8")
    _, before = _run(["--format", "sarif", str(story)], capsys)
    story.write_text("A new first paragraph.\n\nAnother one.\n\n" + body, encoding="utf-8")
    _, after = _run(["--format", "sarif", str(story)], capsys)
    fp_before = json.loads(before)["runs"][0]["results"][0]["partialFingerprints"]
    fp_after = json.loads(after)["runs"][0]["results"][0]["partialFingerprints"]
    line_after = json.loads(after)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "region"
    ]
    assert line_after["startLine"] == 5
    assert fp_before == fp_after


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(["--format", "github", "seeds/"], capsys)
    lines = out.splitlines()
    assert code == 1
    assert (
        "::warning file=seeds/001_503aeeceae458385.txt,line=9,col=310,endLine=9,endColumn=331,"
        "title=FL402 shortened-link::bit.ly is a link shortener; cite the address it leads to"
    ) in lines
    assert any(
        line.startswith("::error file=seeds/001_503aeeceae458385.txt,line=31,col=1,")
        for line in lines
    )


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_json_is_stable_and_documented(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out = _run(["--format", "json", "seeds/"], capsys)
    data = json.loads(out)
    assert set(data) == {"version", "files", "findings", "errors", "summary"}
    assert data["files"] == ["seeds/000_3c3a6071b36f80b8.txt", "seeds/001_503aeeceae458385.txt"]
    first = next(f for f in data["findings"] if f["code"] == "FL402")
    assert set(first) == {"code", "rule", "severity", "message", "location", "related", "fix"}
    assert set(first["location"]) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
    }
    text = Path(first["location"]["path"]).read_text(encoding="utf-8")
    assert text[first["location"]["start"] : first["location"]["end"]] == "http://bit.ly/2te2fFQ"
    assert data["summary"]["error"] == 1


def test_text_has_no_color_unless_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, plain = _run(["seeds/"], capsys)
    assert "\x1b[" not in plain
    _, colored = _run(["--color", "always", "seeds/"], capsys)
    assert "\x1b[" in colored


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.sarif"
    code, out = _run(["--format", "sarif", "--output", str(target), "seeds/"], capsys)
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "xml", "seeds/"]) == 2
    assert "unknown format 'xml'" in capsys.readouterr().err


def test_the_built_in_reporters_are_imported_only_when_used() -> None:
    import importlib
    import subprocess
    import sys

    from factlint.builtin import factlint_reporters

    for name, reporter in factlint_reporters().items():
        module = importlib.import_module(reporter.module)  # type: ignore[attr-defined]
        # A lazy reporter tells the CLI whether it needs fact sheets as the real one does.
        assert reporter.needs_facts == getattr(module.render, "needs_facts", False), name  # type: ignore[attr-defined]
    code = (
        "import sys; from factlint.cli import main; main(sys.argv[1:]);"
        " print(sorted(m for m in sys.modules if m.startswith('factlint.reporters.')),"
        " file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "check", "--isolated", "--format", "concise", "seeds"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.stderr.strip().splitlines()[-1] == "['factlint.reporters.concise']"
